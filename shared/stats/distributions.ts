/**
 * Distribution functions the tests need, with tail accuracy (each computes
 * the small tail directly instead of as 1 - cdf):
 *
 * - normal: `normalCdf` = scipy.stats.norm.cdf (Cephes ndtr), `normalSf` = norm.sf.
 * - chi-square: `chi2Sf(x, dof)` = scipy.stats.chi2.sf = Q(dof / 2, x / 2).
 * - Kolmogorov-Smirnov: `kstwoSf(d, n)` = scipy.stats.kstwo.sf (see kolmogorov.ts).
 */
import { erf, erfc } from './erf.js';
import { gammaincc } from './gamma.js';

export { kstwoSf, smirnovSf } from './kolmogorov.js';
export { erf, erfc } from './erf.js';
export { gammainc, gammaincc, logGamma } from './gamma.js';

/** Standard normal CDF Φ(x). */
export function normalCdf(x: number): number {
  if (x !== x) return Number.NaN;
  const z = x * Math.SQRT1_2;
  if (Math.abs(z) < 1) return 0.5 + 0.5 * erf(z);
  const y = 0.5 * erfc(Math.abs(z));
  return z > 0 ? 1 - y : y;
}

/** Standard normal survival function 1 - Φ(x), accurate for large x. */
export function normalSf(x: number): number {
  return normalCdf(-x);
}

/** Chi-square survival function Pr(X >= x) with `dof` > 0 degrees of freedom. */
export function chi2Sf(x: number, dof: number): number {
  if (!(dof > 0)) return Number.NaN;
  if (x !== x) return Number.NaN;
  if (x <= 0) return 1;
  return gammaincc(dof / 2, x / 2);
}
