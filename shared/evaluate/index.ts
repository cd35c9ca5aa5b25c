export { METRICS, METRIC_NAMES, CLASSIFICATION_METRICS, REGRESSION_METRICS, metricsForTask } from './metrics/catalog.js';
export type { MetricName, ClassificationMetric, RegressionMetric, MetricInfo, Task } from './metrics/catalog.js';
export { accuracy, precision, recall, f1, logLoss, brierScore, expectedCalibrationError, calibrationBins, ECE_BINS, FLOAT64_EPSILON } from './metrics/classification.js';
export type { WarningSink, ConfusionCounts } from './metrics/classification.js';
export { rocAuc, averagePrecision, rankScores, descendingOrder } from './metrics/ranking.js';
export type { RankedScores } from './metrics/ranking.js';
export { rmse, mae, r2, mape } from './metrics/regression.js';
export { PreparedPredictions } from './metrics/prepared.js';
export { pairedBootstrap, percentileInterval, quantileSorted, DEFAULT_RESAMPLES, DEFAULT_SEED } from './bootstrap.js';
export type { BootstrapOptions, ResampleStatistic, PercentileInterval } from './bootstrap.js';
export { delongTest, midranks } from './delong.js';
export type { DeLongResult } from './delong.js';
export { erfc, normalCdf, twoSidedNormalPValue } from './normal.js';
export { resolvePolicy, inferTask, EVALUATION_DEFAULTS } from './policy.js';
export type { ResolvedPolicy } from './policy.js';
export { evaluateRows } from './compare.js';
export { analyzeSegments, MAX_SEGMENTS_PER_COLUMN } from './segments.js';
export { joinPredictions, singleModelRows } from './join.js';
export { loadPredictions, DEFAULT_COLUMNS } from './load.js';
export type { PredictionColumns, LoadPredictionsOptions } from './load.js';
export { evaluateFiles } from './run.js';
export type { EvaluateFilesOptions } from './run.js';
export { validateRows, allProbabilities } from './validate.js';
export { locateRow } from './predictions.js';
export type { PredictionsTable, EvaluationRows, SegmentColumn } from './predictions.js';
export type {
  EvaluationPolicy,
  PrimaryRule,
  GuardrailRule,
  SegmentPolicy,
  BootstrapPolicy,
  Decision,
  MetricValues,
  ComparisonRow,
  ThresholdCheck,
  SegmentStatus,
  SegmentRow,
  EvaluationReport,
} from './types.js';
