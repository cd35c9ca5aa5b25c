/**
 * Two-sample Kolmogorov-Smirnov test, defined exactly as SciPy's
 * `scipy.stats.ks_2samp(x, y, alternative='two-sided', method='auto')`:
 *
 * - D = max |F1(t) - F2(t)| over the pooled values, with ties handled by
 *   right-continuous ECDFs (numpy searchsorted side='right').
 * - method 'auto': the exact p-value when max(n1, n2) <= 10000, else the
 *   asymptotic one. SciPy's rule, read from `ks_2samp` in
 *   scipy/stats/_stats_py.py (MAX_AUTO_N = 10000, compared with max(n1, n2)).
 * - Exact: h = round(D * lcm(n1, n2)) and D is reported as h / lcm (as SciPy
 *   does); p by `_compute_prob_outside_square` when n1 == n2, otherwise by
 *   the lattice-path "inside" recursion for 1 - p (Hodges 1958; Viehmann
 *   2021), `_compute_outer_prob_inside_method`. If that fails numerically,
 *   the asymptotic p-value is used, again like SciPy.
 * - Asymptotic: kstwo.sf(D, round(n1 * n2 / (n1 + n2))).
 *
 * The core takes two SORTED Float64Arrays without NaN so callers sort once
 * and reuse; {@link ks2Samp} sorts for you.
 */
import { kstwoSf } from './kolmogorov.js';
import { sortedWithoutNaN } from './radix-sort.js';

/** SciPy's 'auto' switches to the asymptotic p-value above this sample size. */
export const KS_MAX_EXACT_N = 10000;

export type KsMethod = 'auto' | 'exact' | 'asymp';

export interface KsResult {
  /** The KS statistic D (on the lattice h / lcm(n1, n2) when the exact method ran). */
  statistic: number;
  pvalue: number;
  /** Which p-value was computed. */
  method: 'exact' | 'asymp';
  /** Pooled value where the ECDF gap is largest (the smallest such value; SciPy may name another tied one). */
  location: number;
  /** +1 when the first sample's ECDF is above the second's there, else -1. */
  sign: 1 | -1;
  n1: number;
  n2: number;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Pr(D_{n,n} >= h/n): SciPy's `_compute_prob_outside_square`. */
function probOutsideSquare(n: number, h: number): number {
  let P = 0;
  let k = Math.floor(n / h);
  while (k >= 0) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    P = p1 * (1 - P);
    k -= 1;
  }
  return 2 * P;
}

/** 1 - Pr(paths stay strictly inside |x/m - y/n| < h/lcm): SciPy's `_compute_outer_prob_inside_method`. */
function outerProbInside(m: number, n: number, g: number, h: number): number {
  if (m < n) [m, n] = [n, m];
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(lenA).fill(1);
  A.fill(0, minj, maxj);
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.max(Math.floor((ng * i - h) / mg) + 1, 0);
    minj = Math.min(minj, n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = (A[jj + minj - lastminj] * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) A.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
  }
  return A[maxj - minj - 1];
}

/** Exact two-sided p-value, or null when the computation fails (SciPy then falls back). */
function exactPValue(n1: number, n2: number, d: number): { d: number; p: number } | null {
  const g = gcd(n1, n2);
  const lcm = (n1 / g) * n2;
  const h = roundHalfEven(d * lcm);
  const dLattice = h / lcm;
  if (h === 0) return { d: dLattice, p: 1 };
  const p = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInside(n1, n2, g, h);
  if (!(p >= 0 && p <= 1)) return null;
  return { d: dLattice, p };
}

/** numpy.round: halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - Math.trunc(x)) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function assertSortedNoNaN(values: Float64Array, name: string): void {
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x !== x) throw new RangeError(`${name} contains NaN at index ${i}; remove missing values first`);
    if (i > 0 && x < values[i - 1]) throw new RangeError(`${name} is not sorted ascending at index ${i}`);
  }
}

/**
 * Two-sided two-sample KS test on two sorted samples (ascending, no NaN;
 * +/-Infinity allowed). Throws RangeError on empty, unsorted or NaN input.
 */
export function ks2SampSorted(x: Float64Array, y: Float64Array, method: KsMethod = 'auto'): KsResult {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('ks2Samp needs two non-empty samples');
  assertSortedNoNaN(x, 'first sample');
  assertSortedNoNaN(y, 'second sample');

  // Walk the pooled values in order; at each distinct value both ECDFs jump past all its ties.
  let i = 0;
  let j = 0;
  let maxDiff = Number.NEGATIVE_INFINITY;
  let maxAt = 0;
  let minDiff = Number.POSITIVE_INFINITY;
  let minAt = 0;
  while (i < n1 || j < n2) {
    const t = j >= n2 || (i < n1 && x[i] <= y[j]) ? x[i] : y[j];
    while (i < n1 && x[i] <= t) i++;
    while (j < n2 && y[j] <= t) j++;
    const diff = i / n1 - j / n2;
    if (diff > maxDiff) {
      maxDiff = diff;
      maxAt = t;
    }
    if (diff < minDiff) {
      minDiff = diff;
      minAt = t;
    }
  }
  const minS = Math.min(Math.max(-minDiff, 0), 1);
  let d: number;
  let location: number;
  let sign: 1 | -1;
  if (minS > maxDiff) {
    d = minS;
    location = minAt;
    sign = -1;
  } else {
    d = maxDiff;
    location = maxAt;
    sign = 1;
  }

  let chosen: 'exact' | 'asymp' = method === 'auto' ? (Math.max(n1, n2) <= KS_MAX_EXACT_N ? 'exact' : 'asymp') : method;
  if (chosen === 'exact') {
    const g = gcd(n1, n2);
    // SciPy refuses the exact method when lcm(n1, n2) does not fit an int32.
    if (n1 / g >= 2147483647 / (n2 / g)) chosen = 'asymp';
  }
  let pvalue = Number.NaN;
  if (chosen === 'exact') {
    const exact = exactPValue(n1, n2, d);
    if (exact === null) chosen = 'asymp';
    else {
      d = exact.d;
      pvalue = exact.p;
    }
  }
  if (chosen === 'asymp') pvalue = ksAsymptoticPValue(d, n1, n2);
  pvalue = Math.min(Math.max(pvalue, 0), 1);
  return { statistic: d, pvalue, method: chosen, location, sign, n1, n2 };
}

/** SciPy's asymptotic two-sided p-value: kstwo.sf(D, round(n1 n2 / (n1 + n2))), within [0, 1]. */
export function ksAsymptoticPValue(d: number, n1: number, n2: number): number {
  return Math.min(Math.max(kstwoSf(d, roundHalfEven((n1 * n2) / (n1 + n2))), 0), 1);
}

/** Convenience: sorts copies of both samples (NaN is an error) and runs {@link ks2SampSorted}. */
export function ks2Samp(x: ArrayLike<number>, y: ArrayLike<number>, method: KsMethod = 'auto'): KsResult {
  for (const [name, sample] of [
    ['first sample', x],
    ['second sample', y],
  ] as const) {
    for (let i = 0; i < sample.length; i++) {
      if (sample[i] !== sample[i]) throw new RangeError(`${name} contains NaN at index ${i}; remove missing values first`);
    }
  }
  return ks2SampSorted(sortedWithoutNaN(x), sortedWithoutNaN(y), method);
}
