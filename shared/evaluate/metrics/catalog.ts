/** The metric names Tollgate knows, what kind of model each applies to, and which way is better. */

export type Task = 'classification' | 'regression';

export const CLASSIFICATION_METRICS = ['roc_auc', 'average_precision', 'accuracy', 'precision', 'recall', 'f1', 'log_loss', 'brier_score', 'ece'] as const;
export const REGRESSION_METRICS = ['rmse', 'mae', 'r2', 'mape'] as const;
export const METRIC_NAMES = [...CLASSIFICATION_METRICS, ...REGRESSION_METRICS] as const;

export type ClassificationMetric = (typeof CLASSIFICATION_METRICS)[number];
export type RegressionMetric = (typeof REGRESSION_METRICS)[number];
export type MetricName = ClassificationMetric | RegressionMetric;

export interface MetricInfo {
  name: MetricName;
  task: Task;
  /** True for scores (AUC, accuracy, r2), false for losses and errors. */
  higherIsBetter: boolean;
  /** The score must be a probability in [0, 1]. */
  needsProbabilities: boolean;
  /** Binarised at the configured threshold. */
  usesThreshold: boolean;
  /** How people read the name. */
  title: string;
}

function info(name: MetricName, task: Task, higherIsBetter: boolean, title: string, flags: { probabilities?: boolean; threshold?: boolean } = {}): MetricInfo {
  return { name, task, higherIsBetter, title, needsProbabilities: flags.probabilities ?? false, usesThreshold: flags.threshold ?? false };
}

export const METRICS: Readonly<Record<MetricName, MetricInfo>> = {
  roc_auc: info('roc_auc', 'classification', true, 'ROC AUC'),
  average_precision: info('average_precision', 'classification', true, 'Average precision'),
  accuracy: info('accuracy', 'classification', true, 'Accuracy', { threshold: true }),
  precision: info('precision', 'classification', true, 'Precision', { threshold: true }),
  recall: info('recall', 'classification', true, 'Recall', { threshold: true }),
  f1: info('f1', 'classification', true, 'F1', { threshold: true }),
  log_loss: info('log_loss', 'classification', false, 'Log loss', { probabilities: true }),
  brier_score: info('brier_score', 'classification', false, 'Brier score', { probabilities: true }),
  ece: info('ece', 'classification', false, 'Expected calibration error', { probabilities: true }),
  rmse: info('rmse', 'regression', false, 'RMSE'),
  mae: info('mae', 'regression', false, 'MAE'),
  r2: info('r2', 'regression', true, 'R²'),
  mape: info('mape', 'regression', false, 'MAPE'),
};

/** The metrics reported for a task, in display order. */
export function metricsForTask(task: Task): readonly MetricName[] {
  return task === 'classification' ? CLASSIFICATION_METRICS : REGRESSION_METRICS;
}
