/**
 * Benjamini-Hochberg adjusted p-values (q-values), defined as
 * `scipy.stats.false_discovery_control(ps, method='bh')`: sort ascending,
 * multiply the i-th smallest (1-based) by m / i, take the running minimum
 * from the largest down, restore the input order, clip to [0, 1].
 * A single p-value is returned unchanged, as SciPy does.
 */

/** BH-adjusted p-values, in the input order. Throws RangeError on values outside [0, 1] or NaN. */
export function benjaminiHochberg(pvalues: ArrayLike<number>): number[] {
  const m = pvalues.length;
  for (let i = 0; i < m; i++) {
    const p = pvalues[i];
    if (!(p >= 0 && p <= 1)) throw new RangeError(`p-values must be numbers in [0, 1]; index ${i} is ${p}`);
  }
  if (m <= 1) return Array.from(pvalues);
  // Stable order like numpy's argsort on ties is irrelevant: tied p-values get equal q-values.
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => pvalues[a] - pvalues[b] || a - b);
  const adjusted = new Float64Array(m);
  for (let rank = 0; rank < m; rank++) adjusted[rank] = pvalues[order[rank]] * (m / (rank + 1));
  for (let rank = m - 2; rank >= 0; rank--) if (adjusted[rank + 1] < adjusted[rank]) adjusted[rank] = adjusted[rank + 1];
  const out = new Array<number>(m);
  for (let rank = 0; rank < m; rank++) out[order[rank]] = Math.min(1, Math.max(0, adjusted[rank]));
  return out;
}
