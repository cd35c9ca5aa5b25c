/**
 * The standard normal tail for the evaluation's tests. `erfc` and `normalCdf`
 * are the statistics library's (Cephes, as scipy.special); they are
 * re-exported here for the modules and tests that import them from this file.
 */
import { erfc } from '../stats/distributions.js';

export { erfc, normalCdf } from '../stats/distributions.js';

/** Two-sided p-value of a z statistic: P(|Z| >= |z|). */
export function twoSidedNormalPValue(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}
