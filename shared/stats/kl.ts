/**
 * Kullback-Leibler divergence KL(p || q) in nats, defined as
 * `scipy.stats.entropy(p, q)`: both vectors are normalized to sum 1, then
 * sum p_i ln(p_i / q_i), with 0 ln(0/q) = 0 and +Infinity when some p_i > 0
 * meets q_i = 0.
 *
 * Smoothing: `smoothing` (default 0, SciPy's exact definition) is added to
 * every cell of both vectors before normalizing. Drift checks pass 0.5, the
 * same +0.5 per bin as PSI, which keeps KL finite for empty bins.
 */

export interface KlOptions {
  /** Added to every cell of p and q before normalizing (default 0). */
  smoothing?: number;
}

/** KL(p || q) in nats from two non-negative weight vectors over the same cells. */
export function klDivergence(p: ArrayLike<number>, q: ArrayLike<number>, options: KlOptions = {}): number {
  const smoothing = options.smoothing ?? 0;
  if (!(smoothing >= 0) || !Number.isFinite(smoothing)) throw new RangeError(`smoothing must be a finite number >= 0, got ${smoothing}`);
  if (p.length !== q.length) throw new RangeError(`KL needs vectors of one length: ${p.length} vs ${q.length}`);
  let sumP = 0;
  let sumQ = 0;
  for (let i = 0; i < p.length; i++) {
    if (!(p[i] >= 0) || !(q[i] >= 0) || !Number.isFinite(p[i]) || !Number.isFinite(q[i])) {
      throw new RangeError(`KL weights must be finite and >= 0 (index ${i})`);
    }
    sumP += p[i] + smoothing;
    sumQ += q[i] + smoothing;
  }
  if (sumP === 0 || sumQ === 0) throw new RangeError('KL needs a positive total on both sides');
  let total = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = (p[i] + smoothing) / sumP;
    const qi = (q[i] + smoothing) / sumQ;
    if (pi === 0) continue;
    if (qi === 0) return Number.POSITIVE_INFINITY;
    total += pi * Math.log(pi / qi);
  }
  return total;
}
