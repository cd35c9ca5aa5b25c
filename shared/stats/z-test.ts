/**
 * Two-proportion z-test with the pooled standard error:
 * p = (x1 + x2) / (n1 + n2), z = (x1/n1 - x2/n2) / sqrt(p (1 - p) (1/n1 + 1/n2)),
 * two-sided p-value 2 * Φ(-|z|) computed from erfc, so it stays accurate far
 * in the tail (|z| = 30 gives ~1e-197, not 0). This is statsmodels'
 * `proportions_ztest([x1, x2], [n1, n2])` (pooled, two-sided).
 */
import { normalSf } from './distributions.js';

export interface ZTestResult {
  /** Signed z statistic (positive when the first proportion is larger). */
  statistic: number;
  pvalue: number;
  proportionA: number;
  proportionB: number;
}

/**
 * Compares successesA / nA with successesB / nB. When the pooled proportion is
 * 0 or 1 the samples cannot differ: z = 0, p = 1.
 */
export function twoProportionZTest(successesA: number, nA: number, successesB: number, nB: number): ZTestResult {
  for (const [name, value] of [
    ['successesA', successesA],
    ['nA', nA],
    ['successesB', successesB],
    ['nB', nB],
  ] as const) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
  }
  if (nA === 0 || nB === 0) throw new RangeError('two-proportion z-test needs both samples non-empty');
  if (successesA > nA || successesB > nB) throw new RangeError('successes cannot exceed the sample size');
  const proportionA = successesA / nA;
  const proportionB = successesB / nB;
  const pooled = (successesA + successesB) / (nA + nB);
  const variance = pooled * (1 - pooled) * (1 / nA + 1 / nB);
  if (variance === 0) return { statistic: 0, pvalue: 1, proportionA, proportionB };
  const statistic = (proportionA - proportionB) / Math.sqrt(variance);
  const pvalue = Math.min(1, 2 * normalSf(Math.abs(statistic)));
  return { statistic, pvalue, proportionA, proportionB };
}
