/**
 * Jensen-Shannon distance, defined as
 * `scipy.spatial.distance.jensenshannon(p, q, base)`: both vectors are
 * normalized to sum 1, m = (p + q) / 2, and the result is
 * sqrt((KL(p || m) + KL(q || m)) / (2 ln base)): a distance (the square root
 * of the divergence), in [0, 1] for base 2. Pass base = Math.E for natural
 * logs (Evidently's convention).
 */

function relEntr(x: number, y: number): number {
  if (x > 0 && y > 0) return x * Math.log(x / y);
  if (x === 0 && y >= 0) return 0;
  return Number.POSITIVE_INFINITY;
}

/** Jensen-Shannon distance between two non-negative weight vectors (base 2 by default). */
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>, base = 2): number {
  if (p.length !== q.length) throw new RangeError(`Jensen-Shannon needs vectors of one length: ${p.length} vs ${q.length}`);
  if (!(base > 0) || base === 1) throw new RangeError(`log base must be positive and not 1, got ${base}`);
  let sumP = 0;
  let sumQ = 0;
  for (let i = 0; i < p.length; i++) {
    if (!(p[i] >= 0) || !(q[i] >= 0) || !Number.isFinite(p[i]) || !Number.isFinite(q[i])) {
      throw new RangeError(`Jensen-Shannon weights must be finite and >= 0 (index ${i})`);
    }
    sumP += p[i];
    sumQ += q[i];
  }
  if (sumP === 0 || sumQ === 0) throw new RangeError('Jensen-Shannon needs a positive total on both sides');
  let left = 0;
  let right = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i] / sumP;
    const qi = q[i] / sumQ;
    const mi = (pi + qi) / 2;
    left += relEntr(pi, mi);
    right += relEntr(qi, mi);
  }
  const divergence = (left + right) / Math.log(base);
  // Rounding can leave a tiny negative divergence for identical inputs.
  return Math.sqrt(Math.max(0, divergence / 2));
}
