/**
 * 1-D Wasserstein (earth mover's) distance, defined as
 * `scipy.stats.wasserstein_distance(u, v, u_weights, v_weights)`: the
 * integral of |F_u(t) - F_v(t)| dt over the pooled support, with F the
 * (weighted) empirical CDFs.
 *
 * The core takes sorted Float64Arrays (sort once, reuse for KS); values must
 * be finite. The weighted form also serves binned data: pass bin
 * representatives (e.g. centers) as values and the counts as weights.
 */
import { sortedWithoutNaN } from './radix-sort.js';

function checkSortedFinite(values: Float64Array, name: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new RangeError(`${name} must be finite; index ${i} is ${values[i]}`);
    if (i > 0 && values[i] < values[i - 1]) throw new RangeError(`${name} is not sorted ascending at index ${i}`);
  }
}

/** Wasserstein-1 distance between two sorted, finite, non-empty samples. */
export function wassersteinSorted(u: Float64Array, v: Float64Array): number {
  if (u.length === 0 || v.length === 0) throw new RangeError('Wasserstein distance needs two non-empty samples');
  checkSortedFinite(u, 'first sample');
  checkSortedFinite(v, 'second sample');
  const n = u.length;
  const m = v.length;
  let i = 0;
  let j = 0;
  let total = 0;
  let previous = Math.min(u[0], v[0]);
  while (i < n || j < m) {
    const t = j >= m || (i < n && u[i] <= v[j]) ? u[i] : v[j];
    total += Math.abs(i / n - j / m) * (t - previous);
    previous = t;
    while (i < n && u[i] <= t) i++;
    while (j < m && v[j] <= t) j++;
  }
  return total;
}

/** Convenience: sorts copies (NaN is an error) and runs {@link wassersteinSorted}. */
export function wasserstein(u: ArrayLike<number>, v: ArrayLike<number>): number {
  for (const [name, sample] of [
    ['first sample', u],
    ['second sample', v],
  ] as const) {
    for (let i = 0; i < sample.length; i++) if (sample[i] !== sample[i]) throw new RangeError(`${name} contains NaN at index ${i}`);
  }
  return wassersteinSorted(sortedWithoutNaN(u), sortedWithoutNaN(v));
}

/**
 * Weighted Wasserstein-1 distance (scipy's u_weights / v_weights). Values
 * need not be sorted; weights must be finite, >= 0, with a positive total.
 */
export function wassersteinWeighted(
  uValues: ArrayLike<number>,
  uWeights: ArrayLike<number>,
  vValues: ArrayLike<number>,
  vWeights: ArrayLike<number>,
): number {
  const u = sortedPairs(uValues, uWeights, 'first');
  const v = sortedPairs(vValues, vWeights, 'second');
  let i = 0;
  let j = 0;
  let cu = 0;
  let cv = 0;
  let total = 0;
  let previous = Math.min(u.values[0], v.values[0]);
  while (i < u.values.length || j < v.values.length) {
    const t = j >= v.values.length || (i < u.values.length && u.values[i] <= v.values[j]) ? u.values[i] : v.values[j];
    total += Math.abs(cu / u.total - cv / v.total) * (t - previous);
    previous = t;
    while (i < u.values.length && u.values[i] <= t) cu += u.weights[i++];
    while (j < v.values.length && v.values[j] <= t) cv += v.weights[j++];
  }
  return total;
}

function sortedPairs(values: ArrayLike<number>, weights: ArrayLike<number>, name: string): { values: Float64Array; weights: Float64Array; total: number } {
  if (values.length !== weights.length) throw new RangeError(`${name} sample: ${values.length} values but ${weights.length} weights`);
  if (values.length === 0) throw new RangeError(`${name} sample is empty`);
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new RangeError(`${name} sample values must be finite; index ${i} is ${values[i]}`);
    if (!(weights[i] >= 0) || !Number.isFinite(weights[i])) throw new RangeError(`${name} sample weights must be finite and >= 0; index ${i} is ${weights[i]}`);
    total += weights[i];
  }
  if (!(total > 0)) throw new RangeError(`${name} sample weights must have a positive total`);
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  return {
    values: Float64Array.from(order, (k) => values[k]),
    weights: Float64Array.from(order, (k) => weights[k]),
    total,
  };
}
