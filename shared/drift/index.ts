/**
 * Drift detection: the dual gate (significance after Benjamini-Hochberg AND
 * PSI above its noise floor), against raw data or a baseline profile, with
 * attribution to bins and segments. The report is `tollgate.drift/v1`.
 */
export { computeDrift, currentReadTypes } from './engine.js';
export type { DriftOptions, DriftReference, DriftTimings } from './engine.js';
export { driftFromFiles, isProfilePath } from './files.js';
export { createBaseline, frozenBinsOf, readBaseline } from './baseline.js';
export type { LoadedBaseline } from './baseline.js';
export { loadTable } from './load-table.js';
export type { LoadedColumn, LoadedTable, TableSource } from './load-table.js';
export { EVIDENTLY_THRESHOLDS } from './evidently.js';
export { formatValue } from './attribution.js';
export { MAX_SEGMENTS } from './segments.js';
export {
  DEFAULT_ROW_RATIO,
  DEFAULT_THRESHOLDS,
  DRIFT_PRESETS,
  DRIFT_TESTS,
  FAIL_ON,
  P_VALUE_TESTS,
  TEST_DEFAULTS,
  defaultDriftSettings,
  isPValueTest,
  levelFails,
} from './settings.js';
export type { ColumnSettings, DriftPreset, DriftSettings, DriftTest, DriftThresholds, FailOn, LevelThresholds, RowRatioThresholds } from './settings.js';
export { DRIFT_REPORT_SCHEMA } from './types.js';
export type {
  Attribution,
  BinShare,
  ColumnCenter,
  ColumnKind,
  DriftColumnReport,
  DriftLevel,
  DriftReport,
  EvidentlyResult,
  ExcludedColumn,
  NewCategories,
  NullShareCheck,
  ReportLevel,
  SegmentDrivers,
  SegmentShare,
} from './types.js';
