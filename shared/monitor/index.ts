/**
 * Monitoring after release: prediction logs, windows, signals (feature and
 * prediction drift, confidence, delayed-label performance, latency, volume)
 * into `tollgate.monitor/v1`; shadow and canary comparisons as live evidence
 * for stage gates; retraining triggers.
 */
export { monitorLog, monitorFiles, monitorFailed } from './monitor.js';
export type { MonitorOptions, MonitorFilesRequest } from './monitor.js';
export { compareShadow } from './shadow.js';
export type { ShadowOptions } from './shadow.js';
export { analyzeCanary } from './canary.js';
export { shadowFromFiles, canaryFromFiles, type LiveComparisonRequest } from './live-files.js';
export type { CanaryOptions } from './canary.js';
export { checkBound, decideCanary, decideShadow, evidenceMet, evidenceRecord } from './evidence.js';
export type { Decision, EvidencePolicy, EvidenceRequirement, EvidenceStatus } from './evidence.js';
export { shouldRetrain } from './retrain.js';
export type { RetrainDecision, RetrainTrigger } from './retrain.js';
export { loadPredictionLog, columnsSource, errorFlags, versionCounts, takeRows } from './log.js';
export type { LogView, LoadLogOptions } from './log.js';
export { loadLabels, joinLabels } from './labels.js';
export type { LabelSet } from './labels.js';
export { applyWindow, resolveWindow, spanHours } from './window.js';
export type { WindowBounds, WindowRequest } from './window.js';
export { NO_REFERENCE, directoryAssets, githubReleaseAssets, loadReferenceFiles, readEvaluation, referenceFromRegistry, resolveReference } from './reference.js';
export type { AssetSource, MonitorReference, ReferenceVersion, RegistryLookup, RegistryReferenceRequest } from './reference.js';
export {
  correlationEstimate,
  gammaQuantile,
  meanEstimate,
  normalQuantile,
  poissonInterval,
  proportionDifference,
  proportionEstimate,
  quantileEstimate,
  relativeIncrease,
  wilsonInterval,
  zFor,
} from './intervals.js';
export {
  DEFAULT_CANARY,
  DEFAULT_CONFIDENCE,
  DEFAULT_LOG_COLUMNS,
  DEFAULT_PERFORMANCE,
  DEFAULT_SHADOW,
  DEFAULT_TOLERANCE,
  DEFAULT_INTERVAL_CONFIDENCE,
  FAIL_LEVELS,
  LOG_ROLES,
  SIGNAL_NAMES,
  defaultMonitorSettings,
  sloLevels,
} from './settings.js';
export type {
  CanaryBounds,
  ConfidenceSettings,
  LabelColumns,
  LatencySettings,
  Levels,
  LogColumns,
  LogRole,
  MonitorSettings,
  PerformanceSettings,
  RetrainSettings,
  ShadowBounds,
  SignalName,
  Slo,
  VolumeSettings,
} from './settings.js';
export { CANARY_REPORT_SCHEMA, EVIDENCE_SCHEMA, MONITOR_REPORT_SCHEMA, SHADOW_REPORT_SCHEMA } from './types.js';
export type {
  BoundCheck,
  CanaryFigures,
  CanaryReport,
  CanarySide,
  CanaryVerdict,
  Estimate,
  EvidenceRecord,
  LatencySummary,
  MonitorReport,
  MonitorSignal,
  MonitorWindow,
  PerformanceSegment,
  ShadowFigures,
  ShadowReport,
  ShadowVerdict,
  SignalCheck,
  SignalLevel,
} from './types.js';
