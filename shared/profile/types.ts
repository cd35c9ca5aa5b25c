/**
 * The dataset profile: per-column summaries that merge across shards and
 * serialize to versioned JSON (`tollgate.profile/v1`). A profile is plain
 * data; sketches inside it are stored in their JSON forms and rebuilt by
 * the functions that merge or read them.
 */
import type { ColumnType } from '../data/types.js';
import type { HyperLogLogJSON, KllJSON, MomentsJSON, TopKJSON } from '../stats/index.js';

export const PROFILE_SCHEMA = 'tollgate.profile/v1';

/** Bins frozen at baseline time for one numeric column. */
export type FrozenBin =
  /** Right-closed bins on edges e1 < ... < em: (-inf, e1], (e1, e2], ..., (em, inf). */
  | { kind: 'edges'; edges: number[] }
  /** One bin per listed value (ascending), plus a last bin for every other value. */
  | { kind: 'categories'; values: number[] };

/** Frozen bins by column name (what {@link freezeBins} returns and the builder accepts). */
export type FrozenBins = Record<string, FrozenBin>;

/** Exact counts on a column's frozen bins: `counts` has one entry per bin. */
export type BinCounts = FrozenBin & { counts: number[] };

/** Exact value counts, kept while a column has few distinct values. Values ascending. */
export interface ExactCounts {
  values: (number | string | boolean)[];
  counts: number[];
}

export interface DistinctSummary {
  /** Exact distinct count when `exact`, else the HyperLogLog estimate. */
  value: number;
  exact: boolean;
  hll: HyperLogLogJSON;
}

interface ColumnProfileBase {
  name: string;
  type: ColumnType;
  /** Non-null values. */
  count: number;
  /** Missing values (invalid ones included). */
  nulls: number;
  /** Values present in the source but unreadable as the column's type. */
  invalid: number;
  distinct: DistinctSummary;
  /** Exact counts per value while distinct values <= the profile's threshold, else null. */
  exactCounts: ExactCounts | null;
  /** Most frequent values: categorical and boolean columns, and numbers with exact counts; else null. */
  top: TopKJSON | null;
}

export interface NumberColumnProfile extends ColumnProfileBase {
  kind: 'number';
  type: 'integer' | 'float' | 'date' | 'datetime';
  /** Over finite values; null when there are none. */
  min: number | null;
  max: number | null;
  mean: number | null;
  /** Sample variance and standard deviation (ddof = 1); null below 2 finite values. */
  variance: number | null;
  std: number | null;
  moments: MomentsJSON;
  /** +/-Infinity values: counted in `count`, kept out of moments, quantiles, distinct and top. */
  infinite: { positive: number; negative: number };
  quantiles: KllJSON;
  /** Exact counts on frozen bins when the builder was given bins for this column. */
  bins: BinCounts | null;
}

export interface BooleanColumnProfile extends ColumnProfileBase {
  kind: 'boolean';
  type: 'boolean';
  trueCount: number;
}

export interface StringColumnProfile extends ColumnProfileBase {
  kind: 'string';
  type: 'string' | 'category';
}

export type ColumnProfile = NumberColumnProfile | BooleanColumnProfile | StringColumnProfile;

/** Settings that shape the sketches; profiles merge only when these match. */
export interface ProfileSettings {
  /** Exact value counts are kept up to this many distinct values (default 4096). */
  distinctThreshold: number;
  /** Capacity of the top-K lists (default 50). */
  topK: number;
  /** KLL accuracy parameter (default 200). */
  kllK: number;
  /** HyperLogLog precision (default 14). */
  hllPrecision: number;
}

export interface Profile {
  schema: typeof PROFILE_SCHEMA;
  rows: number;
  settings: ProfileSettings;
  columns: ColumnProfile[];
}

export const DEFAULT_SETTINGS: ProfileSettings = { distinctThreshold: 4096, topK: 50, kllK: 200, hllPrecision: 14 };
