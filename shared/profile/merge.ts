/**
 * Merging profiles of shards of one dataset (e.g. a matrix of runners, each
 * profiling part of the data).
 *
 * Exact: row and value counts, nulls, invalid, moments (Chan's formula, to
 * rounding), frozen-bin counts, HyperLogLog registers, exact value counts
 * (while the union stays within the distinct threshold; quantile sketches
 * and top lists are then rebuilt from them, so they stay exact too).
 * Within their bounds: KLL quantiles and top-K lists of larger columns.
 *
 * Profiles must have the same columns (names, types, order), settings and
 * frozen bins; anything else is an InputError naming both sides.
 */
import { momentFields } from './moment-fields.js';
import { InputError } from '../errors/index.js';
import { HyperLogLog, KllSketch, Moments, TopK, compareValues } from '../stats/index.js';
import type { TopKValue } from '../stats/index.js';
import { sameFrozenBin } from './frozen-bins.js';
import type {
  BinCounts,
  BooleanColumnProfile,
  ColumnProfile,
  DistinctSummary,
  ExactCounts,
  FrozenBin,
  NumberColumnProfile,
  Profile,
  ProfileSettings,
  StringColumnProfile,
} from './types.js';

export interface MergeNames {
  /** How to call the first and second profile in error messages (e.g. their files). */
  a?: string;
  b?: string;
}

function mismatch(names: MergeNames, detail: string): InputError {
  const a = names.a ?? 'the first profile';
  const b = names.b ?? 'the second profile';
  return new InputError(undefined, `cannot merge profiles ${a} and ${b}: ${detail}`);
}

function sameSettings(a: ProfileSettings, b: ProfileSettings): boolean {
  return a.distinctThreshold === b.distinctThreshold && a.topK === b.topK && a.kllK === b.kllK && a.hllPrecision === b.hllPrecision;
}

/** Union of two exact count lists, values ascending; null if it exceeds `threshold` values. */
function mergeExactCounts(a: ExactCounts | null, b: ExactCounts | null, threshold: number): ExactCounts | null {
  if (a === null || b === null) return null;
  const values: TopKValue[] = [];
  const counts: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.values.length || j < b.values.length) {
    const order = i >= a.values.length ? 1 : j >= b.values.length ? -1 : compareValues(a.values[i], b.values[j]);
    if (order < 0) {
      values.push(a.values[i]);
      counts.push(a.counts[i++]);
    } else if (order > 0) {
      values.push(b.values[j]);
      counts.push(b.counts[j++]);
    } else {
      values.push(a.values[i]);
      counts.push(a.counts[i++] + b.counts[j++]);
    }
    if (values.length > threshold) return null;
  }
  return { values, counts };
}

function mergeDistinct(a: DistinctSummary, b: DistinctSummary, exact: ExactCounts | null): DistinctSummary {
  const hll = HyperLogLog.fromJSON(a.hll).merge(HyperLogLog.fromJSON(b.hll));
  return exact !== null ? { value: exact.values.length, exact: true, hll: hll.toJSON() } : { value: Math.round(hll.estimate()), exact: false, hll: hll.toJSON() };
}

function mergeTop(a: ColumnProfile, b: ColumnProfile, exact: ExactCounts | null, capacity: number): ColumnProfile['top'] {
  if (exact !== null) return TopK.fromCounts(exact.values.map((v, i) => [v, exact.counts[i]] as const), capacity).toJSON();
  if (a.top === null || b.top === null) return null;
  return TopK.fromJSON(a.top).merge(TopK.fromJSON(b.top)).toJSON();
}

function mergeBins(a: BinCounts | null, b: BinCounts | null, name: string, names: MergeNames): BinCounts | null {
  const definition = (bins: BinCounts | null): FrozenBin | null =>
    bins === null ? null : bins.kind === 'edges' ? { kind: 'edges', edges: bins.edges } : { kind: 'categories', values: bins.values };
  if (!sameFrozenBin(definition(a), definition(b))) throw mismatch(names, `frozen bins of column ${JSON.stringify(name)} differ`);
  if (a === null || b === null) return null;
  return { ...a, counts: a.counts.map((c, i) => c + b.counts[i]) };
}

function mergeNumber(a: NumberColumnProfile, b: NumberColumnProfile, settings: ProfileSettings, names: MergeNames): NumberColumnProfile {
  const moments = Moments.fromJSON(a.moments).merge(b.moments);
  const exactCounts = mergeExactCounts(a.exactCounts, b.exactCounts, settings.distinctThreshold);
  let kll: KllSketch;
  if (exactCounts !== null) {
    // Rebuilt from exact counts, the merged quantiles stay exact.
    kll = new KllSketch({ k: settings.kllK, seed: a.quantiles.seed });
    kll.addWeighted(exactCounts.values as number[], exactCounts.counts);
  } else {
    kll = KllSketch.fromJSON(a.quantiles).merge(KllSketch.fromJSON(b.quantiles));
  }
  return {
    ...a,
    count: a.count + b.count,
    nulls: a.nulls + b.nulls,
    invalid: a.invalid + b.invalid,
    ...momentFields(moments),
    infinite: { positive: a.infinite.positive + b.infinite.positive, negative: a.infinite.negative + b.infinite.negative },
    quantiles: kll.toJSON(),
    distinct: mergeDistinct(a.distinct, b.distinct, exactCounts),
    exactCounts,
    top: mergeTop(a, b, exactCounts, settings.topK),
    bins: mergeBins(a.bins, b.bins, a.name, names),
  };
}

function mergeColumn(a: ColumnProfile, b: ColumnProfile, settings: ProfileSettings, names: MergeNames): ColumnProfile {
  if (a.kind === 'number' && b.kind === 'number') return mergeNumber(a, b, settings, names);
  const exactCounts = mergeExactCounts(a.exactCounts, b.exactCounts, settings.distinctThreshold);
  const merged = {
    ...a,
    count: a.count + b.count,
    nulls: a.nulls + b.nulls,
    invalid: a.invalid + b.invalid,
    distinct: mergeDistinct(a.distinct, b.distinct, exactCounts),
    exactCounts,
    top: mergeTop(a, b, exactCounts, settings.topK),
  };
  if (a.kind === 'boolean' && b.kind === 'boolean') return { ...(merged as BooleanColumnProfile), trueCount: a.trueCount + b.trueCount };
  return merged as StringColumnProfile;
}

/** Merges two profiles of disjoint parts of one dataset. Neither input is changed. */
export function mergeProfiles(a: Profile, b: Profile, names: MergeNames = {}): Profile {
  if (!sameSettings(a.settings, b.settings)) {
    throw mismatch(names, `their settings differ (${JSON.stringify(a.settings)} vs ${JSON.stringify(b.settings)})`);
  }
  if (a.columns.length !== b.columns.length) {
    throw mismatch(names, `they have ${a.columns.length} and ${b.columns.length} columns`);
  }
  const columns = a.columns.map((ca, i) => {
    const cb = b.columns[i];
    if (ca.name !== cb.name || ca.type !== cb.type) {
      throw mismatch(names, `column ${i + 1} is ${JSON.stringify(ca.name)} (${ca.type}) in one and ${JSON.stringify(cb.name)} (${cb.type}) in the other`);
    }
    return mergeColumn(ca, cb, a.settings, names);
  });
  return { schema: a.schema, rows: a.rows + b.rows, settings: { ...a.settings }, columns };
}
