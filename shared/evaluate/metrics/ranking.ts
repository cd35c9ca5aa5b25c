/**
 * Threshold-free ranking metrics (ROC AUC, average precision) with
 * scikit-learn's definitions, computed from one descending sort of the scores.
 *
 * Rows are visited in score order and every group of tied scores is one
 * threshold, exactly like `sklearn.metrics.roc_curve` and
 * `precision_recall_curve`. Optional integer weights (bootstrap counts) make a
 * resample cost one O(n) pass instead of a new sort.
 */

/** The scores of one model sorted once, reusable for any weighting of the rows. */
export interface RankedScores {
  /** Row indices ordered by descending score. */
  order: Int32Array;
  /** Label (0/1) of `order[k]`: stored in sorted order so the hot loop reads sequentially. */
  positive: Uint8Array;
  /** 1 when `order[k]` is the last row of its group of tied scores. */
  groupEnd: Uint8Array;
}

/** Row indices sorted by descending score (stable for ties). */
export function descendingOrder(scores: ArrayLike<number>): Int32Array {
  const order = new Int32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => scores[b] - scores[a] || a - b);
  return order;
}

/** Sorts once; labels must be 0 or 1 and scores finite (callers validate). */
export function rankScores(labels: ArrayLike<number>, scores: ArrayLike<number>): RankedScores {
  const order = descendingOrder(scores);
  const n = order.length;
  const positive = new Uint8Array(n);
  const groupEnd = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const row = order[k];
    positive[k] = labels[row] === 1 ? 1 : 0;
    groupEnd[k] = k === n - 1 || scores[order[k + 1]] !== scores[row] ? 1 : 0;
  }
  return { order, positive, groupEnd };
}

/**
 * Area under the ROC curve: the trapezoid rule over the distinct thresholds,
 * as `roc_auc_score` does (a tie between a positive and a negative counts one
 * half). NaN when the (weighted) rows hold only one class.
 */
export function rocAucRanked(ranked: RankedScores, weights?: ArrayLike<number>): number {
  const { order, positive, groupEnd } = ranked;
  let tp = 0;
  let fp = 0;
  let previousTp = 0;
  let previousFp = 0;
  // Twice the area in units of (positives x negatives): integer arithmetic stays exact.
  let doubledArea = 0;
  for (let k = 0; k < order.length; k++) {
    // Branch-free class split: labels are random, so a branch on them mispredicts.
    const weight = weights === undefined ? 1 : weights[order[k]];
    const positiveWeight = weight * positive[k];
    tp += positiveWeight;
    fp += weight - positiveWeight;
    if (groupEnd[k] === 1) {
      doubledArea += (fp - previousFp) * (tp + previousTp);
      previousTp = tp;
      previousFp = fp;
    }
  }
  if (tp === 0 || fp === 0) return Number.NaN;
  return doubledArea / (2 * tp * fp);
}

/**
 * Average precision as `average_precision_score` defines it: the step-wise
 * sum of (R_k - R_{k-1}) * P_k over the distinct thresholds, with no
 * interpolation. NaN when there is no positive row.
 */
export function averagePrecisionRanked(ranked: RankedScores, weights?: ArrayLike<number>): number {
  const { order, positive, groupEnd } = ranked;
  let tp = 0;
  let fp = 0;
  let previousTp = 0;
  let sum = 0;
  for (let k = 0; k < order.length; k++) {
    const weight = weights === undefined ? 1 : weights[order[k]];
    const positiveWeight = weight * positive[k];
    tp += positiveWeight;
    fp += weight - positiveWeight;
    if (groupEnd[k] === 1 && tp > previousTp) {
      sum += (tp - previousTp) * (tp / (tp + fp));
      previousTp = tp;
    }
  }
  if (tp === 0) return Number.NaN;
  return sum / tp;
}

/** `roc_auc_score(labels, scores)` for plain arrays; NaN when only one class is present. */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>, weights?: ArrayLike<number>): number {
  return rocAucRanked(rankScores(labels, scores), weights);
}

/** `average_precision_score(labels, scores)` for plain arrays; NaN without positives. */
export function averagePrecision(labels: ArrayLike<number>, scores: ArrayLike<number>, weights?: ArrayLike<number>): number {
  return averagePrecisionRanked(rankScores(labels, scores), weights);
}
