/**
 * Evidently's default per-column drift test (its `_get_default_stattest`
 * and the tests behind it), reproduced for the `evidently` preset and for
 * the comparison figure every report carries:
 *
 * - Missing and infinite values are dropped first; n = the reference's
 *   remaining values; "values" = distinct values of both sides pooled.
 * - n <= 1000: numeric columns with more than 5 values: KS (p <= 0.05);
 *   otherwise one-sample chi-square when there are more than 2 values
 *   (p < 0.05: current counts against reference proportions) or the
 *   two-proportion z-test (p < 0.05).
 * - n > 1000: numeric columns with more than 5 values: Wasserstein distance
 *   divided by the reference's standard deviation (>= 0.1); otherwise
 *   Jensen-Shannon distance with natural logarithms (>= 0.1).
 *
 * Booleans count as numeric with two values, strings as categorical.
 */
import { chiSquareGoodnessOfFit } from '../stats/chi-square-goodness-of-fit.js';
import { compareValues, jensenShannonDistance, twoProportionZTest } from '../stats/index.js';
import type { ColumnInput } from './column-input.js';
import { ksOfColumn, normalizedWasserstein } from './numeric-samples.js';
import type { EvidentlyResult } from './types.js';

/** Evidently's default thresholds. */
export const EVIDENTLY_THRESHOLDS = { pValue: 0.05, distance: 0.1 } as const;
/** Evidently switches from p-value tests to distances above this many reference values. */
const SMALL_REFERENCE = 1000;

/** Pooled value counts of a discrete column (unlisted remainders as one more cell). */
function pooledCounts(input: ColumnInput): { values: (string | number | boolean)[]; reference: number[]; current: number[]; approximate: boolean } {
  const categories = input.categories as NonNullable<ColumnInput['categories']>;
  const keep = categories.values.map((_, i) => i).filter((i) => categories.counts.reference[i] + categories.counts.current[i] > 0);
  const values = keep.map((i) => categories.values[i]);
  const reference = keep.map((i) => categories.counts.reference[i]);
  const current = keep.map((i) => categories.counts.current[i]);
  const approximate = categories.unlisted.reference > 0 || categories.unlisted.current > 0;
  if (approximate) {
    values.push('(unlisted)');
    reference.push(categories.unlisted.reference);
    current.push(categories.unlisted.current);
  }
  return { values, reference, current, approximate };
}

function total(counts: readonly number[]): number {
  return counts.reduce((s, c) => s + c, 0);
}

function pTest(test: 'chisquare' | 'z' | 'ks', score: number, inclusive: boolean, approximate: boolean): EvidentlyResult {
  const threshold = EVIDENTLY_THRESHOLDS.pValue;
  const drifted = inclusive ? score <= threshold : score < threshold;
  return { test, score, threshold, drifted, approximate };
}

function distance(test: 'wasserstein' | 'jensenshannon', score: number, approximate: boolean): EvidentlyResult {
  const threshold = EVIDENTLY_THRESHOLDS.distance;
  return { test, score, threshold, drifted: score >= threshold, approximate };
}

function zTest(counts: ReturnType<typeof pooledCounts>): EvidentlyResult {
  const nReference = total(counts.reference);
  const nCurrent = total(counts.current);
  const presentIn = (side: number[]) => side.filter((c) => c > 0).length;
  // One identical value on both sides: Evidently answers p = 1 without testing.
  if (counts.values.length === 1 && presentIn(counts.reference) === 1 && presentIn(counts.current) === 1) return pTest('z', 1, false, counts.approximate);
  const first = counts.values.map((_, i) => i).sort((a, b) => compareValues(counts.values[a], counts.values[b]))[0];
  const result = twoProportionZTest(nReference - counts.reference[first], nReference, nCurrent - counts.current[first], nCurrent);
  return pTest('z', result.pvalue, false, counts.approximate);
}

function chiSquare(counts: ReturnType<typeof pooledCounts>): EvidentlyResult {
  const scale = total(counts.current) / total(counts.reference);
  const expected = counts.reference.map((c) => c * scale);
  const { pvalue } = chiSquareGoodnessOfFit(counts.current, expected);
  return pTest('chisquare', pvalue, false, counts.approximate);
}

/** Evidently's verdict for one column; null when a side has no values left. */
export function evidentlyResult(input: ColumnInput): EvidentlyResult | null {
  const numeric = input.kind === 'continuous' || input.kind === 'discrete' || input.kind === 'boolean';
  const n = input.numeric ? { reference: input.numeric.finite.reference, current: input.numeric.finite.current } : input.values;
  if (n.reference === 0 || n.current === 0) return null;
  const counts = input.kind === 'continuous' ? null : pooledCounts(input);
  // A continuous column has more than 20 reference values, so more than 5 pooled.
  const distinct = counts === null ? Number.POSITIVE_INFINITY : counts.values.length;
  if (n.reference <= SMALL_REFERENCE) {
    if (numeric && distinct > 5) {
      const ks = ksOfColumn(input, true);
      return pTest('ks', ks.value.pvalue, true, ks.approximate);
    }
    const pooled = counts as ReturnType<typeof pooledCounts>;
    return distinct > 2 ? chiSquare(pooled) : zTest(pooled);
  }
  if (numeric && distinct > 5) {
    const w = normalizedWasserstein(input);
    return distance('wasserstein', w.value, w.approximate);
  }
  const pooled = counts as ReturnType<typeof pooledCounts>;
  return distance('jensenshannon', jensenShannonDistance(pooled.reference, pooled.current, Math.E), pooled.approximate);
}
