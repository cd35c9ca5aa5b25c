/**
 * DeLong's test for two correlated ROC AUCs measured on the same rows, in the
 * O(n log n) midrank form of Sun & Xu (2014, IEEE Signal Processing Letters
 * 21(11)): the structural components come from three midrank computations per
 * model instead of an m x n comparison matrix.
 */
import { twoSidedNormalPValue } from './normal.js';

export interface DeLongResult {
  /** ROC AUC of the first and second model. */
  auc: [number, number];
  /** auc[0] - auc[1]. */
  difference: number;
  /** DeLong's variance of the difference. */
  variance: number;
  /** difference / sqrt(variance); +/-Infinity when the variance is 0 and the difference is not. */
  z: number;
  /** Two-sided p-value for "the AUCs are equal"; with a zero variance, 0 for a nonzero difference and 1 for none. */
  pValue: number;
}

/** 1-based ranks with ties given their average rank. */
export function midranks(values: Float64Array): Float64Array {
  const n = values.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => values[a] - values[b]);
  const ranks = new Float64Array(n);
  let start = 0;
  while (start < n) {
    let end = start;
    while (end + 1 < n && values[order[end + 1]] === values[order[start]]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]] = rank;
    start = end + 1;
  }
  return ranks;
}

/** Structural components of one model: V10 per positive, V01 per negative, and its AUC. */
function components(positives: Float64Array, negatives: Float64Array): { auc: number; v10: Float64Array; v01: Float64Array } {
  const m = positives.length;
  const n = negatives.length;
  const combined = new Float64Array(m + n);
  combined.set(positives, 0);
  combined.set(negatives, m);
  const rankPositive = midranks(positives);
  const rankNegative = midranks(negatives);
  const rankCombined = midranks(combined);
  const v10 = new Float64Array(m);
  const v01 = new Float64Array(n);
  let rankSum = 0;
  for (let i = 0; i < m; i++) {
    rankSum += rankCombined[i];
    // Negatives ranked below positive i (ties count one half).
    v10[i] = (rankCombined[i] - rankPositive[i]) / n;
  }
  for (let j = 0; j < n; j++) {
    // Positives ranked above negative j.
    v01[j] = 1 - (rankCombined[m + j] - rankNegative[j]) / m;
  }
  return { auc: (rankSum - (m * (m + 1)) / 2) / (m * n), v10, v01 };
}

/** Sample covariance (denominator k - 1). */
function covariance(a: Float64Array, b: Float64Array): number {
  const k = a.length;
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < k; i++) {
    meanA += a[i];
    meanB += b[i];
  }
  meanA /= k;
  meanB /= k;
  let sum = 0;
  for (let i = 0; i < k; i++) sum += (a[i] - meanA) * (b[i] - meanB);
  return sum / (k - 1);
}

/**
 * Compares the ROC AUCs of two score vectors on the same rows (labels 0/1).
 * Needs at least two rows of each class.
 */
export function delongTest(labels: ArrayLike<number>, scoresA: ArrayLike<number>, scoresB: ArrayLike<number>): DeLongResult {
  let m = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) m++;
  const n = labels.length - m;
  if (m < 2 || n < 2) throw new RangeError(`DeLong's test needs at least two rows of each class (got ${m} positive, ${n} negative)`);
  const split = (scores: ArrayLike<number>) => {
    const positives = new Float64Array(m);
    const negatives = new Float64Array(n);
    let p = 0;
    let q = 0;
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] === 1) positives[p++] = scores[i];
      else negatives[q++] = scores[i];
    }
    return components(positives, negatives);
  };
  const a = split(scoresA);
  const b = split(scoresB);
  const variance =
    (covariance(a.v10, a.v10) + covariance(b.v10, b.v10) - 2 * covariance(a.v10, b.v10)) / m +
    (covariance(a.v01, a.v01) + covariance(b.v01, b.v01) - 2 * covariance(a.v01, b.v01)) / n;
  const difference = a.auc - b.auc;
  // A zero variance means every positive and every negative adds the same to the difference (e.g. a
  // perfect ranker against one that scores all rows alike): the estimate does not vary with the rows
  // drawn, so a nonzero difference is certain (z infinite, p = 0) and a zero one (identical rankings)
  // is no evidence of a difference (p = 1). Rounding can leave the variance a hair below zero.
  if (!(variance > 0)) {
    if (difference === 0) return { auc: [a.auc, b.auc], difference, variance: 0, z: 0, pValue: 1 };
    return { auc: [a.auc, b.auc], difference, variance: 0, z: difference > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY, pValue: 0 };
  }
  const z = difference / Math.sqrt(variance);
  return { auc: [a.auc, b.auc], difference, variance, z, pValue: twoSidedNormalPValue(z) };
}
