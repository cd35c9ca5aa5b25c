/**
 * The drift report: what `tollgate drift --json` prints and the `drift`
 * action writes as `drift-report.json`. See {@link DriftReport}.
 */
import type { ColumnType } from '../data/types.js';
import type { DriftPreset, DriftTest, DriftThresholds } from './settings.js';

export const DRIFT_REPORT_SCHEMA = 'tollgate.drift/v1';

/** How bad a signal is. */
export type DriftLevel = 'none' | 'warn' | 'alert';
/** A level, or `insufficient`: too few rows to judge (never drift). */
export type ReportLevel = DriftLevel | 'insufficient';

/** How a column is compared: decides its test and its bins. */
export type ColumnKind = 'continuous' | 'discrete' | 'categorical' | 'boolean';

/** One PSI bin: shares of each side's non-missing values, and this bin's part of the PSI. */
export interface BinShare {
  /** `≤ p10 (≤ 12.5)`, `p40–p50 (20.1 to 23.4]`, `> p90 (> 40)`, a category value, or `(other)`. */
  label: string;
  reference: number;
  current: number;
  /** This bin's term of the PSI divided by the PSI (the shares sum to 1). */
  share_of_psi: number;
}

/** Which bins carry the PSI. */
export interface Attribution {
  /** One sentence, e.g. `78% of the PSI from values above p90 (> 162.3): 24.1% of current vs 10.0% of reference`. */
  summary: string;
  /** Every PSI bin, in bin order. */
  bins: BinShare[];
}

/** The missing-value check every column gets (two-proportion z-test, BH across columns). */
export interface NullShareCheck {
  reference: number;
  current: number;
  p_value: number | null;
  q_value: number | null;
  level: DriftLevel;
}

/** Values in the current data that the reference never held. */
export interface NewCategories {
  /** Current rows holding a new value. */
  count: number;
  /** Their share of the current non-missing values. */
  share: number;
  /** The most frequent new values (at most 10); empty when they cannot be named (a sketch-only profile). */
  values: { value: string; count: number }[];
  p_value: number | null;
  level: DriftLevel;
}

/** What Evidently's default test says about the column (computed in every run, for comparison). */
export interface EvidentlyResult {
  test: 'ks' | 'chisquare' | 'z' | 'wasserstein' | 'jensenshannon';
  /** p-value (ks, chisquare, z) or distance (wasserstein / std, jensenshannon with natural log). */
  score: number;
  threshold: number;
  drifted: boolean;
  /** True when a side was a profile without exact values, so the score comes from its quantile sketch. */
  approximate: boolean;
}

/** A simple central figure per side for the summary table. */
export interface ColumnCenter {
  /** `mean` (numbers), `true share` (booleans) or the category whose share moved most. */
  label: string;
  reference: number | null;
  current: number | null;
}

/** One column's result. */
export interface DriftColumnReport {
  name: string;
  type: ColumnType;
  kind: ColumnKind;
  /** The test that decides this column's distribution level. */
  test: DriftTest;
  /** The significance test's statistic (KS D, chi-square, z), or the effect for effect-only tests. */
  statistic: number | null;
  /** The significance test's p-value (null for effect-only tests and insufficient columns). */
  p_value: number | null;
  /** Benjamini-Hochberg-adjusted p_value across the columns of this report. */
  q_value: number | null;
  /** PSI on the frozen bins (reference deciles or values), +0.5 smoothing. */
  psi: number | null;
  /** The PSI expected with no change: (B - 1)(1/n_ref + 1/n_cur). */
  psi_noise: number | null;
  /** The effect compared with the thresholds: psi - psi_noise by default, or the chosen effect test's value. */
  effect: number | null;
  /** Non-missing values per side (what the distribution tests see). */
  values: { reference: number; current: number };
  null_share: NullShareCheck;
  new_categories: NewCategories | null;
  /** The level of the distribution test alone (what the attribution explains). */
  distribution_level: DriftLevel;
  /** The column's level: the worst of its distribution, missing-value and new-category signals. */
  level: ReportLevel;
  /** level is warn or alert. */
  drifted: boolean;
  /** Why the level, in words (empty when none). */
  reasons: string[];
  attribution: Attribution | null;
  /** Weight in the dataset verdict (configured, or an equal share). */
  importance: number;
  center: ColumnCenter | null;
  evidently: EvidentlyResult | null;
  /** Anything the reader should know (fallbacks, approximations, unreadable values). */
  notes: string[];
}

/** One segment value's part in a column's shift. */
export interface SegmentShare {
  value: string;
  /** Share of the column's PSI this segment carries (can be negative when it moves against the shift). */
  share_of_psi: number;
  /** PSI within the segment (reference segment vs current segment with a raw reference; the whole reference vs the segment with a profile). */
  psi: number | null;
  rows: { reference: number | null; current: number };
}

/** Which values of a `segment_by` column drive a drifted column's shift (top few). */
export interface SegmentDrivers {
  column: string;
  by: string;
  values: SegmentShare[];
}

/** A column left out of the tests, and why. */
export interface ExcludedColumn {
  name: string;
  reason: 'id-like' | 'config';
  detail: string;
}

/**
 * `tollgate.drift/v1`: the drift report, the contract between the drift
 * check (CLI, action) and its readers (the bot opens and closes drift issues
 * from it). Fields are only ever added within v1.
 *
 * - `level`: `none` | `warn` | `alert` | `insufficient` (fewer than
 *   `thresholds.min_rows` rows on a side: nothing was judged).
 * - `drift`: true when `level` is `warn` or `alert`.
 * - `rows`: rows per side; `row_ratio`: current / reference and its level.
 * - `columns[]`: one entry per tested column, in the reference's column
 *   order, with the significance test (`test`, `statistic`, `p_value`,
 *   `q_value`), the effect (`psi`, `psi_noise`, `effect`), the missing-value
 *   check (`null_share`), new categories, the `level`, `drifted`, `reasons`
 *   and the PSI `attribution`.
 * - `share_drifted`: drifted columns / tested columns;
 *   `evidently_share_drifted` and `evidently_drift`: the same by Evidently's
 *   default tests and its 50% rule, for comparison.
 * - `excluded`: columns not tested (ID-like, or configured); `insufficient`:
 *   columns with too few values on a side for a distribution test;
 *   `missing_columns` (in the reference, not the current data: alert) and
 *   `added_columns`.
 * - `segments`: for drifted columns and each `segment_by` column, the
 *   segment values that carry most of the shift.
 * - `reference`: what was compared against: a data file (`kind: "data"`) or a
 *   baseline profile (`kind: "profile"`, with its sha256 `digest`).
 * - `reasons`: the dataset verdict in words, most serious first.
 */
export interface DriftReport {
  schema: typeof DRIFT_REPORT_SCHEMA;
  generated_at: string;
  model?: string;
  stage?: string;
  reference: { kind: 'data' | 'profile'; path: string | null; digest: string | null; rows: number };
  current: { path: string | null; rows: number };
  preset: DriftPreset;
  level: ReportLevel;
  drift: boolean;
  reasons: string[];
  rows: { reference: number; current: number };
  row_ratio: { value: number | null; level: DriftLevel };
  columns: DriftColumnReport[];
  share_drifted: number;
  evidently_share_drifted: number | null;
  evidently_drift: boolean;
  excluded: ExcludedColumn[];
  insufficient: string[];
  missing_columns: string[];
  added_columns: string[];
  segments: SegmentDrivers[];
  /** Remarks about the run as a whole (e.g. configured columns the data does not have). */
  notes: string[];
  /** The thresholds in force (defaults merged with the configuration). */
  thresholds: DriftThresholds;
}
