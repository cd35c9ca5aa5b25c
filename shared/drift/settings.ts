/**
 * What a drift check is configured with, and the defaults. The shape is the
 * `drift:` section of `.github/tollgate.yml` after validation (snake_case, as
 * people write it); `shared/config/drift.ts` validates files into it.
 */
import type { ReportLevel } from './types.js';

/** Every test a column can be given. p-value tests: ks, chisquare, ztest; the rest measure an effect. */
export const DRIFT_TESTS = ['ks', 'chisquare', 'ztest', 'psi', 'jensenshannon', 'wasserstein', 'kl'] as const;
export type DriftTest = (typeof DRIFT_TESTS)[number];

/** Tests whose thresholds are p-values (flagged at or below), BH-adjusted across columns. */
export const P_VALUE_TESTS: readonly DriftTest[] = ['ks', 'chisquare', 'ztest'];

export const DRIFT_PRESETS = ['default', 'evidently'] as const;
export type DriftPreset = (typeof DRIFT_PRESETS)[number];

export const FAIL_ON = ['warn', 'alert', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** True when a report's level reaches `failOn` (`insufficient` and `none` never fail). */
export function levelFails(level: ReportLevel, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return failOn === 'warn' ? level === 'warn' || level === 'alert' : level === 'alert';
}

export interface LevelThresholds {
  warn: number;
  alert: number;
}

/** Row-count ratio current / reference: inside [low, high] is fine. */
export interface RowRatioThresholds {
  warn: [number, number];
  alert: [number, number];
}

export interface DriftThresholds {
  /** BH-adjusted q-value at or below which a test is significant. */
  significance: number;
  /** PSI minus its noise floor (the default effect gate). */
  psi: LevelThresholds;
  /** Absolute change in a column's share of missing values. */
  null_share: LevelThresholds;
  /** Share of current rows holding values never seen in the reference. */
  new_categories: LevelThresholds;
  /** `false` turns the row-count check off (e.g. training data against a daily batch). */
  row_ratio: RowRatioThresholds | false;
  /** Fewer rows (or values) than this on a side: `insufficient`, never drift. */
  min_rows: number;
  /** String and integer columns with a larger share of distinct values are ID-like and excluded. */
  id_distinct_share: number;
  /** A column at alert with at least this importance puts the dataset at alert. */
  alert_importance: number;
  /** ... as does an importance-weighted share of alert columns at least this. */
  alert_share: number;
  /** Evidently's dataset rule: drift when at least this share of columns drift. */
  evidently_drift_share: number;
}

/** Per-column settings. */
export interface ColumnSettings {
  test?: DriftTest;
  /** Threshold for warn: a p-value for ks/chisquare/ztest, else the effect. */
  warn?: number;
  alert?: number;
  /** Weight in the dataset verdict (default: equal shares). */
  importance?: number;
  /** true: never tested; false: tested even when it looks ID-like. */
  exclude?: boolean;
}

/** The validated `drift:` section. */
export interface DriftSettings {
  preset: DriftPreset;
  fail_on: FailOn;
  segment_by: string[];
  thresholds: DriftThresholds;
  columns: Record<string, ColumnSettings>;
}

/** The default row-count ratio ranges. */
export const DEFAULT_ROW_RATIO: RowRatioThresholds = { warn: [0.5, 2], alert: [0.2, 5] };

export const DEFAULT_THRESHOLDS: DriftThresholds = {
  significance: 0.05,
  psi: { warn: 0.1, alert: 0.25 },
  null_share: { warn: 0.05, alert: 0.2 },
  new_categories: { warn: 0.01, alert: 0.1 },
  row_ratio: DEFAULT_ROW_RATIO,
  min_rows: 30,
  id_distinct_share: 0.95,
  alert_importance: 0.05,
  alert_share: 0.3,
  evidently_drift_share: 0.5,
};

/**
 * Default thresholds of each test when chosen for a column. p-value tests
 * flag at or below; effects at or above. Jensen-Shannon (base 2), Wasserstein
 * (divided by the reference's standard deviation) and KL (current against
 * reference, +0.5 smoothing) are set to fire at about the mean shifts where
 * PSI reaches 0.10 and 0.25 (0.3 and 0.5 standard deviations).
 */
export const TEST_DEFAULTS: Record<DriftTest, LevelThresholds> = {
  ks: { warn: 0.05, alert: 0.01 },
  chisquare: { warn: 0.05, alert: 0.01 },
  ztest: { warn: 0.05, alert: 0.01 },
  psi: { warn: 0.1, alert: 0.25 },
  jensenshannon: { warn: 0.1, alert: 0.2 },
  wasserstein: { warn: 0.3, alert: 0.5 },
  kl: { warn: 0.05, alert: 0.125 },
};

/** The settings of an empty `drift:` section. */
export function defaultDriftSettings(): DriftSettings {
  return {
    preset: 'default',
    fail_on: 'alert',
    segment_by: [],
    thresholds: structuredClone(DEFAULT_THRESHOLDS) as DriftThresholds,
    columns: {},
  };
}

/** True for tests whose thresholds are p-values. */
export function isPValueTest(test: DriftTest): boolean {
  return P_VALUE_TESTS.includes(test);
}
