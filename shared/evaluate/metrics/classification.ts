/**
 * Binary classification metrics with scikit-learn's definitions.
 *
 * Threshold metrics binarise a score as `score >= threshold` (positive), the
 * rule of scikit-learn's `FixedThresholdClassifier`. (Estimators' own
 * `predict` uses `proba > 0.5` through `decision_function > 0`; the two differ
 * only for a score exactly at the threshold.)
 *
 * Every kernel takes optional per-row weights: bootstrap counts reuse one
 * pass without materialising the resample.
 */

/** Called when a metric is ill-defined and replaced by 0, as scikit-learn warns. */
export type WarningSink = (message: string) => void;

/** Weighted confusion counts at a threshold. */
export interface ConfusionCounts {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** 1 where the row is predicted positive (`score >= threshold`). */
export function predictPositive(scores: ArrayLike<number>, threshold: number): Uint8Array {
  const predicted = new Uint8Array(scores.length);
  for (let i = 0; i < predicted.length; i++) predicted[i] = scores[i] >= threshold ? 1 : 0;
  return predicted;
}

/** Confusion counts from labels (0/1) and binarised predictions. */
export function confusionCounts(labels: ArrayLike<number>, predicted: Uint8Array, weights?: ArrayLike<number>): ConfusionCounts {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < predicted.length; i++) {
    const weight = weights === undefined ? 1 : weights[i];
    if (predicted[i] === 1) {
      if (labels[i] === 1) tp += weight;
      else fp += weight;
    } else if (labels[i] === 1) fn += weight;
    else tn += weight;
  }
  return { tp, fp, tn, fn };
}

/** `accuracy_score`: share of rows whose prediction equals the label. */
export function accuracyFromCounts(counts: ConfusionCounts): number {
  const total = counts.tp + counts.fp + counts.tn + counts.fn;
  return total === 0 ? Number.NaN : (counts.tp + counts.tn) / total;
}

/** `precision_score`: tp / (tp + fp); 0 with a warning when nothing is predicted positive (zero_division="warn"). */
export function precisionFromCounts(counts: ConfusionCounts, warn?: WarningSink): number {
  const denominator = counts.tp + counts.fp;
  if (denominator === 0) {
    warn?.('precision is ill-defined: no row is predicted positive at this threshold; set to 0 as scikit-learn does');
    return 0;
  }
  return counts.tp / denominator;
}

/** `recall_score`: tp / (tp + fn); 0 with a warning when there is no positive row. */
export function recallFromCounts(counts: ConfusionCounts, warn?: WarningSink): number {
  const denominator = counts.tp + counts.fn;
  if (denominator === 0) {
    warn?.('recall is ill-defined: no positive row; set to 0 as scikit-learn does');
    return 0;
  }
  return counts.tp / denominator;
}

/** `f1_score`: 2tp / (2tp + fp + fn); 0 with a warning when every row is a true negative. */
export function f1FromCounts(counts: ConfusionCounts, warn?: WarningSink): number {
  const denominator = 2 * counts.tp + counts.fp + counts.fn;
  if (denominator === 0) {
    warn?.('f1 is ill-defined: no positive row and none predicted positive; set to 0 as scikit-learn does');
    return 0;
  }
  return (2 * counts.tp) / denominator;
}

/** float64 machine epsilon, `np.finfo(np.float64).eps`. */
export const FLOAT64_EPSILON = 2 ** -52;

/**
 * Per-row log loss exactly as scikit-learn computes it for a 1-D probability:
 * clip p to [eps, 1 - eps] (eps of float64), form (1 - p, p), renormalise the
 * pair, take -log of the true class's share.
 */
export function logLossPerRow(labels: ArrayLike<number>, scores: ArrayLike<number>): Float64Array {
  const losses = new Float64Array(scores.length);
  for (let i = 0; i < losses.length; i++) {
    const p = Math.min(Math.max(scores[i], FLOAT64_EPSILON), 1 - FLOAT64_EPSILON);
    const q = 1 - p;
    losses[i] = -Math.log((labels[i] === 1 ? p : q) / (q + p));
  }
  return losses;
}

/** Per-row squared error: `brier_score_loss`'s terms (label − probability)², and the regression metrics' (target − prediction)². */
export function squaredErrors(targets: ArrayLike<number>, predictions: ArrayLike<number>): Float64Array {
  const errors = new Float64Array(targets.length);
  for (let i = 0; i < errors.length; i++) {
    const difference = targets[i] - predictions[i];
    errors[i] = difference * difference;
  }
  return errors;
}

/** Weighted mean of per-row values (NaN for zero total weight). */
export function weightedMean(values: ArrayLike<number>, weights?: ArrayLike<number>): number {
  let sum = 0;
  let total = 0;
  if (weights === undefined) {
    for (let i = 0; i < values.length; i++) sum += values[i];
    total = values.length;
  } else {
    for (let i = 0; i < values.length; i++) {
      sum += weights[i] * values[i];
      total += weights[i];
    }
  }
  return total === 0 ? Number.NaN : sum / total;
}

/** Number of equal-width calibration bins. */
export const ECE_BINS = 10;
/** Bin edges k/10 as correctly rounded doubles (not k * 0.1, which drifts: 3 * 0.1 > 0.3). */
const ECE_EDGES = Array.from({ length: ECE_BINS + 1 }, (_, k) => k / ECE_BINS);

/**
 * Calibration bin of each probability: bin b holds edge_b <= p < edge_{b+1}
 * with edge_b = b/10, and the last bin is closed ([0.9, 1.0]).
 */
export function calibrationBins(scores: ArrayLike<number>): Uint8Array {
  const bins = new Uint8Array(scores.length);
  for (let i = 0; i < bins.length; i++) {
    const p = scores[i];
    let bin = Math.min(ECE_BINS - 1, Math.max(0, Math.floor(p * ECE_BINS)));
    // p * 10 can round across an edge; compare against the edges themselves.
    if (p < ECE_EDGES[bin] && bin > 0) bin--;
    else if (bin < ECE_BINS - 1 && p >= ECE_EDGES[bin + 1]) bin++;
    bins[i] = bin;
  }
  return bins;
}

/**
 * Expected calibration error: sum over the 10 bins of
 * (rows in bin / rows) * |mean label in bin - mean probability in bin|.
 * Empty bins contribute nothing.
 */
export function expectedCalibrationErrorBinned(labels: ArrayLike<number>, scores: ArrayLike<number>, bins: Uint8Array, weights?: ArrayLike<number>): number {
  const labelSum = new Float64Array(ECE_BINS);
  const scoreSum = new Float64Array(ECE_BINS);
  let total = 0;
  for (let i = 0; i < bins.length; i++) {
    const weight = weights === undefined ? 1 : weights[i];
    labelSum[bins[i]] += weight * labels[i];
    scoreSum[bins[i]] += weight * scores[i];
    total += weight;
  }
  if (total === 0) return Number.NaN;
  // (n_b / n) * |sumLabel_b / n_b - sumScore_b / n_b| = |sumLabel_b - sumScore_b| / n
  let sum = 0;
  for (let bin = 0; bin < ECE_BINS; bin++) sum += Math.abs(labelSum[bin] - scoreSum[bin]);
  return sum / total;
}

/** `accuracy_score(labels, scores >= threshold)`. */
export function accuracy(labels: ArrayLike<number>, scores: ArrayLike<number>, threshold = 0.5, weights?: ArrayLike<number>): number {
  return accuracyFromCounts(confusionCounts(labels, predictPositive(scores, threshold), weights));
}

/** `precision_score(labels, scores >= threshold)` with zero_division="warn". */
export function precision(labels: ArrayLike<number>, scores: ArrayLike<number>, threshold = 0.5, warn?: WarningSink): number {
  return precisionFromCounts(confusionCounts(labels, predictPositive(scores, threshold)), warn);
}

/** `recall_score(labels, scores >= threshold)` with zero_division="warn". */
export function recall(labels: ArrayLike<number>, scores: ArrayLike<number>, threshold = 0.5, warn?: WarningSink): number {
  return recallFromCounts(confusionCounts(labels, predictPositive(scores, threshold)), warn);
}

/** `f1_score(labels, scores >= threshold)` with zero_division="warn". */
export function f1(labels: ArrayLike<number>, scores: ArrayLike<number>, threshold = 0.5, warn?: WarningSink): number {
  return f1FromCounts(confusionCounts(labels, predictPositive(scores, threshold)), warn);
}

/** `log_loss(labels, scores)` (mean, float64 clipping). */
export function logLoss(labels: ArrayLike<number>, scores: ArrayLike<number>, weights?: ArrayLike<number>): number {
  return weightedMean(logLossPerRow(labels, scores), weights);
}

/** `brier_score_loss(labels, scores)`. */
export function brierScore(labels: ArrayLike<number>, scores: ArrayLike<number>, weights?: ArrayLike<number>): number {
  return weightedMean(squaredErrors(labels, scores), weights);
}

/** Expected calibration error with 10 equal-width bins (see `expectedCalibrationErrorBinned`). */
export function expectedCalibrationError(labels: ArrayLike<number>, scores: ArrayLike<number>, weights?: ArrayLike<number>): number {
  return expectedCalibrationErrorBinned(labels, scores, calibrationBins(scores), weights);
}
