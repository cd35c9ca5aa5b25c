/**
 * One-sample chi-square goodness-of-fit test, defined as
 * `scipy.stats.chisquare(f_obs, f_exp)`: statistic = sum (O - E)^2 / E over
 * the k cells, dof = k - 1, p = chi2.sf(statistic, dof). A cell with E = 0
 * and O > 0 makes the statistic +Infinity and p = 0, as in SciPy.
 *
 * Tollgate's drift checks use the two-sample test of homogeneity
 * (`chi2Contingency2xK`); this one exists to reproduce Evidently's default,
 * which compares the current counts with the reference proportions as if
 * those were known exactly.
 */
import { chi2Sf } from './distributions.js';

export interface GoodnessOfFitResult {
  statistic: number;
  pvalue: number;
  dof: number;
}

/** Observed counts against expected counts (same length, same total within 1e-8 relative). */
export function chiSquareGoodnessOfFit(observed: ArrayLike<number>, expected: ArrayLike<number>): GoodnessOfFitResult {
  const k = observed.length;
  if (expected.length !== k) throw new RangeError(`observed has ${k} cells but expected has ${expected.length}`);
  if (k === 0) throw new RangeError('chi-square goodness of fit needs at least one cell');
  let totalObserved = 0;
  let totalExpected = 0;
  for (let i = 0; i < k; i++) {
    if (!(observed[i] >= 0) || !Number.isFinite(observed[i])) throw new RangeError(`observed[${i}] must be a finite count >= 0, got ${observed[i]}`);
    if (!(expected[i] >= 0) || !Number.isFinite(expected[i])) throw new RangeError(`expected[${i}] must be finite and >= 0, got ${expected[i]}`);
    totalObserved += observed[i];
    totalExpected += expected[i];
  }
  // SciPy's check: the two totals must agree.
  if (Math.abs(totalObserved - totalExpected) > 1e-8 * Math.max(totalObserved, totalExpected)) {
    throw new RangeError(`observed and expected totals differ: ${totalObserved} vs ${totalExpected}`);
  }
  let statistic = 0;
  for (let i = 0; i < k; i++) {
    const diff = observed[i] - expected[i];
    if (expected[i] === 0) statistic += diff === 0 ? Number.NaN : Number.POSITIVE_INFINITY;
    else statistic += (diff * diff) / expected[i];
  }
  const dof = k - 1;
  if (Number.isNaN(statistic)) return { statistic, pvalue: Number.NaN, dof };
  if (dof === 0) return { statistic, pvalue: Number.NaN, dof };
  const pvalue = statistic === Number.POSITIVE_INFINITY ? 0 : chi2Sf(statistic, dof);
  return { statistic, pvalue, dof };
}
