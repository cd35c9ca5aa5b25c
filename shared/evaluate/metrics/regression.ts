/**
 * Regression metrics with scikit-learn's definitions; optional per-row weights
 * follow `sample_weight` semantics (bootstrap counts are such weights).
 */
import { FLOAT64_EPSILON, squaredErrors, weightedMean, type WarningSink } from './classification.js';

/** Per-row squared error (shared with `brier_score_loss`, so it lives with the classification metrics). */
export { squaredErrors };

/** Per-row absolute error. */
export function absoluteErrors(targets: ArrayLike<number>, predictions: ArrayLike<number>): Float64Array {
  const errors = new Float64Array(targets.length);
  for (let i = 0; i < errors.length; i++) errors[i] = Math.abs(targets[i] - predictions[i]);
  return errors;
}

/**
 * Per-row |y - p| / max(|y|, eps), eps = float64 epsilon: the terms of
 * `mean_absolute_percentage_error` (a fraction, not a percentage).
 */
export function absolutePercentageErrors(targets: ArrayLike<number>, predictions: ArrayLike<number>): Float64Array {
  const errors = new Float64Array(targets.length);
  for (let i = 0; i < errors.length; i++) {
    errors[i] = Math.abs(predictions[i] - targets[i]) / Math.max(Math.abs(targets[i]), FLOAT64_EPSILON);
  }
  return errors;
}

/** True when every target that carries weight is the same number. */
function constantTarget(targets: ArrayLike<number>, weights?: ArrayLike<number>): boolean {
  let first: number | undefined;
  for (let i = 0; i < targets.length; i++) {
    if (weights !== undefined && weights[i] === 0) continue;
    if (first === undefined) first = targets[i];
    else if (targets[i] !== first) return false;
  }
  return true;
}

/**
 * `r2_score` from per-row squared errors: 1 - SS_res / SS_tot around the
 * (weighted) mean target.
 *
 * A constant target is detected by comparing the targets, not by SS_tot = 0:
 * a rounded mean (ten times 0.1 sums to 0.9999999999999999) leaves SS_tot
 * around 1e-32 and the ratio near -1e30. scikit-learn's `force_finite` then
 * gives 1 for a perfect fit and 0 otherwise; so do we, and warn. (scikit-learn
 * itself only reaches that answer when numpy's mean happens to be exact.)
 *
 * Fewer than two rows: NaN with a warning, as scikit-learn (which counts rows,
 * not weights, under `sample_weight`).
 */
export function r2FromErrors(targets: ArrayLike<number>, errors: ArrayLike<number>, weights?: ArrayLike<number>, warn?: WarningSink): number {
  if (targets.length < 2) {
    warn?.(`r2 is not defined for fewer than two rows (got ${targets.length}); left out, as scikit-learn returns NaN`);
    return Number.NaN;
  }
  const mean = weightedMean(targets, weights);
  if (Number.isNaN(mean)) return Number.NaN;
  let residual = 0;
  let total = 0;
  for (let i = 0; i < errors.length; i++) {
    const weight = weights === undefined ? 1 : weights[i];
    const deviation = targets[i] - mean;
    residual += weight * errors[i];
    total += weight * deviation * deviation;
  }
  const constant = constantTarget(targets, weights);
  // Distinct targets so close that SS_tot underflows to 0 get scikit-learn's zero-denominator answer too.
  if (constant || total === 0) {
    const why = constant ? 'the target is constant' : 'the target varies too little for its variance to be represented';
    warn?.(`r2 is ill-defined: ${why}; set to 1 for a perfect fit and 0 otherwise, as scikit-learn does`);
    return residual === 0 ? 1 : 0;
  }
  return 1 - residual / total;
}

/** `root_mean_squared_error`. */
export function rmse(targets: ArrayLike<number>, predictions: ArrayLike<number>, weights?: ArrayLike<number>): number {
  return Math.sqrt(weightedMean(squaredErrors(targets, predictions), weights));
}

/** `mean_absolute_error`. */
export function mae(targets: ArrayLike<number>, predictions: ArrayLike<number>, weights?: ArrayLike<number>): number {
  return weightedMean(absoluteErrors(targets, predictions), weights);
}

/** `r2_score` (force_finite=True). */
export function r2(targets: ArrayLike<number>, predictions: ArrayLike<number>, weights?: ArrayLike<number>, warn?: WarningSink): number {
  return r2FromErrors(targets, squaredErrors(targets, predictions), weights, warn);
}

/** `mean_absolute_percentage_error` (a fraction: 0.05 means 5%). */
export function mape(targets: ArrayLike<number>, predictions: ArrayLike<number>, weights?: ArrayLike<number>): number {
  return weightedMean(absolutePercentageErrors(targets, predictions), weights);
}
