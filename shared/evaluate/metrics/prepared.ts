import {
  calibrationBins,
  confusionCounts,
  accuracyFromCounts,
  expectedCalibrationErrorBinned,
  f1FromCounts,
  logLossPerRow,
  precisionFromCounts,
  predictPositive,
  recallFromCounts,
  squaredErrors,
  weightedMean,
  type WarningSink,
} from './classification.js';
import { averagePrecisionRanked, rankScores, rocAucRanked, type RankedScores } from './ranking.js';
import { absoluteErrors, absolutePercentageErrors, r2FromErrors } from './regression.js';
import type { MetricName } from './catalog.js';

/**
 * One model's predictions on the evaluation rows, with everything a metric
 * needs derived once (sort order, binarised predictions, per-row losses), so
 * that each bootstrap resample is a single weighted pass.
 *
 * Labels are 0/1 for classification and targets for regression; scores are
 * probabilities (or any real score for ranking metrics) or predicted values.
 * Callers validate the values (see `validatePredictions`).
 */
export class PreparedPredictions {
  private ranked: RankedScores | undefined;
  private predicted: Uint8Array | undefined;
  private bins: Uint8Array | undefined;
  private readonly perRow = new Map<string, Float64Array>();

  constructor(
    readonly labels: Float64Array,
    readonly scores: Float64Array,
    /** Predicted positive when `score >= threshold`. */
    readonly threshold = 0.5,
  ) {
    if (labels.length !== scores.length) throw new RangeError(`labels (${labels.length}) and scores (${scores.length}) differ in length`);
  }

  get length(): number {
    return this.labels.length;
  }

  /** The same model restricted to `rows` (a segment). */
  subset(rows: ArrayLike<number>): PreparedPredictions {
    const labels = new Float64Array(rows.length);
    const scores = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      labels[i] = this.labels[rows[i]];
      scores[i] = this.scores[rows[i]];
    }
    return new PreparedPredictions(labels, scores, this.threshold);
  }

  /**
   * The metric on all rows, or on rows weighted by `weights` (bootstrap
   * counts). NaN when undefined for these rows (ROC AUC with one class).
   */
  compute(metric: MetricName, weights?: ArrayLike<number>, warn?: WarningSink): number {
    switch (metric) {
      case 'roc_auc':
        return rocAucRanked(this.rank(), weights);
      case 'average_precision':
        return averagePrecisionRanked(this.rank(), weights);
      case 'accuracy':
        return accuracyFromCounts(this.counts(weights));
      case 'precision':
        return precisionFromCounts(this.counts(weights), warn);
      case 'recall':
        return recallFromCounts(this.counts(weights), warn);
      case 'f1':
        return f1FromCounts(this.counts(weights), warn);
      case 'log_loss':
        return weightedMean(this.rowValues('log_loss', logLossPerRow), weights);
      case 'brier_score':
        return weightedMean(this.rowValues('squared', squaredErrors), weights);
      case 'ece':
        this.bins ??= calibrationBins(this.scores);
        return expectedCalibrationErrorBinned(this.labels, this.scores, this.bins, weights);
      case 'rmse':
        return Math.sqrt(weightedMean(this.rowValues('squared', squaredErrors), weights));
      case 'mae':
        return weightedMean(this.rowValues('absolute', absoluteErrors), weights);
      case 'mape':
        return weightedMean(this.rowValues('percentage', absolutePercentageErrors), weights);
      case 'r2':
        return r2FromErrors(this.labels, this.rowValues('squared', squaredErrors), weights, warn);
    }
  }

  private rank(): RankedScores {
    this.ranked ??= rankScores(this.labels, this.scores);
    return this.ranked;
  }

  private counts(weights: ArrayLike<number> | undefined) {
    this.predicted ??= predictPositive(this.scores, this.threshold);
    return confusionCounts(this.labels, this.predicted, weights);
  }

  /** Per-row terms, computed once; (y - p)^2 serves Brier, RMSE and r2 alike. */
  private rowValues(key: string, make: (labels: Float64Array, scores: Float64Array) => Float64Array): Float64Array {
    let values = this.perRow.get(key);
    if (values === undefined) {
      values = make(this.labels, this.scores);
      this.perRow.set(key, values);
    }
    return values;
  }
}
