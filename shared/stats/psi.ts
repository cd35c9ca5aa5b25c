/**
 * Population Stability Index between a reference and a current histogram on
 * the same bins, with +0.5 smoothing per bin so empty bins stay finite:
 *
 *   p_i = (ref_i + 0.5) / (n_ref + 0.5 B),  q_i = (cur_i + 0.5) / (n_cur + 0.5 B)
 *   PSI = sum_i (q_i - p_i) ln(q_i / p_i)
 *
 * B is the number of bins, n the row totals. Each bin's term is returned for
 * attribution. Under no change, PSI / (1/n_ref + 1/n_cur) is approximately
 * chi-square with B - 1 degrees of freedom, so its expected value, the noise
 * floor, is (B - 1)(1/n_ref + 1/n_cur); `excess` = PSI - floor is what a
 * threshold should be compared with.
 */

export interface PsiResult {
  psi: number;
  /** Per-bin terms (q_i - p_i) ln(q_i / p_i); they sum to `psi`. */
  contributions: number[];
  noiseFloor: number;
  /** psi - noiseFloor (may be negative). */
  excess: number;
  bins: number;
}

/** Expected PSI under no change for B bins: (B - 1)(1/n_ref + 1/n_cur). */
export function psiNoiseFloor(bins: number, nReference: number, nCurrent: number): number {
  return (bins - 1) * (1 / nReference + 1 / nCurrent);
}

/** PSI of `current` against `reference` (same bins, raw counts). */
export function psi(reference: ArrayLike<number>, current: ArrayLike<number>): PsiResult {
  const bins = reference.length;
  if (current.length !== bins) throw new RangeError(`PSI needs the same bins on both sides: ${bins} vs ${current.length}`);
  if (bins === 0) throw new RangeError('PSI needs at least one bin');
  let nRef = 0;
  let nCur = 0;
  for (let i = 0; i < bins; i++) {
    const r = reference[i];
    const c = current[i];
    if (!(r >= 0) || !(c >= 0) || !Number.isFinite(r) || !Number.isFinite(c)) throw new RangeError(`PSI counts must be finite and >= 0 (bin ${i})`);
    nRef += r;
    nCur += c;
  }
  if (nRef === 0 || nCur === 0) throw new RangeError('PSI needs rows on both sides');
  const refDenominator = nRef + 0.5 * bins;
  const curDenominator = nCur + 0.5 * bins;
  const contributions: number[] = [];
  let total = 0;
  for (let i = 0; i < bins; i++) {
    const p = (reference[i] + 0.5) / refDenominator;
    const q = (current[i] + 0.5) / curDenominator;
    const term = (q - p) * Math.log(q / p);
    contributions.push(term);
    total += term;
  }
  const noiseFloor = psiNoiseFloor(bins, nRef, nCur);
  return { psi: total, contributions, noiseFloor, excess: total - noiseFloor, bins };
}
