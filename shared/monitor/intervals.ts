/**
 * Confidence intervals the signals and the live comparisons share: Wilson for
 * a proportion, Newcombe for a difference of proportions, Garwood's exact
 * interval for a Poisson count, distribution-free order-statistic intervals
 * for quantiles, the normal interval for a mean, Fisher's for a correlation,
 * and the delta method for a ratio.
 */
import { quantileSorted } from '../evaluate/bootstrap.js';
import { gammainc, gammaincc, logGamma, normalCdf } from '../stats/index.js';
import type { Estimate } from './types.js';

// Acklam's rational approximation of the normal quantile; one Halley step on
// the exact CDF brings it to double precision in the range we use.
const A = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

/** The standard normal quantile: x with Φ(x) = p, for 0 < p < 1. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1, got ${p}`);
  // The upper half by symmetry: refining against Φ near 1 would lose the digits 1 - p carries.
  if (p > 0.5) return -normalQuantile(1 - p);
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  const error = normalCdf(x) - p;
  const u = error * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** The two-sided critical value for `confidence` (1.959964 for 0.95). */
export function zFor(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be between 0 and 1, got ${confidence}`);
  return normalQuantile((1 + confidence) / 2);
}

/**
 * The quantile of the standard gamma distribution with shape `shape` (scale
 * 1): x with P(shape, x) = `tail` (`upper` false) or Q(shape, x) = `tail`
 * (`upper` true), for 0 < tail < 1. chi2.ppf(p, 2a) / 2 = this (a, p).
 *
 * The residual is taken in the tail the caller names, so a small tail keeps
 * its digits (P near 0 from the series, Q near 0 from the continued
 * fraction). Newton steps on the gamma density start from Wilson and
 * Hilferty's approximation and are kept inside a bracket that bisection
 * narrows whenever a step would leave it.
 */
export function gammaQuantile(shape: number, tail: number, upper = false): number {
  if (!(shape > 0 && Number.isFinite(shape))) throw new RangeError(`gammaQuantile needs a finite shape > 0, got ${shape}`);
  if (!(tail > 0 && tail < 1)) throw new RangeError(`gammaQuantile needs 0 < tail < 1, got ${tail}`);
  // f(x) increases with x: P(a, x) - p, or q - Q(a, x).
  const f = (x: number) => (upper ? tail - gammaincc(shape, x) : gammainc(shape, x) - tail);
  const logNorm = logGamma(shape);
  const density = (x: number) => Math.exp((shape - 1) * Math.log(x) - x - logNorm);
  // Wilson-Hilferty: the cube root of a gamma variable is nearly normal.
  const z = normalQuantile(upper ? 1 - tail : tail);
  const c = 1 / (9 * shape);
  const wh = shape * (1 - c + z * Math.sqrt(c)) ** 3;
  let x = wh > 0 && Number.isFinite(wh) ? wh : shape;
  // A bracket [low, high] with f(low) < 0 < f(high).
  let low = x;
  let high = x;
  let fx = f(x);
  if (fx === 0) return x;
  if (fx > 0) {
    do {
      high = low;
      low /= 2;
    } while (low > Number.MIN_VALUE && f(low) > 0);
    if (!(low > Number.MIN_VALUE)) return 0;
  } else {
    do {
      low = high;
      high = high * 2 + 1;
    } while (Number.isFinite(high) && f(high) < 0);
    if (!Number.isFinite(high)) return Number.POSITIVE_INFINITY;
  }
  x = fx > 0 ? high : low;
  fx = f(x);
  for (let i = 0; i < 400; i++) {
    if (fx === 0) return x;
    if (fx < 0) low = x;
    else high = x;
    const slope = density(x);
    let next = slope > 0 && Number.isFinite(slope) ? x - fx / slope : Number.NaN;
    // Outside the bracket (or no usable slope): bisect, geometrically when the bracket spans orders of magnitude.
    if (!(next > low && next < high)) next = low > 0 && high / low > 4 ? Math.sqrt(low * high) : (low + high) / 2;
    if (Math.abs(next - x) <= 4e-15 * Math.abs(next) || next === low || next === high) return next;
    x = next;
    fx = f(x);
    if (high - low <= 4e-16 * high) return x;
  }
  return x;
}

/**
 * Garwood's exact (central) interval for the mean of a Poisson count:
 * [chi2.ppf(α/2, 2k) / 2, chi2.ppf(1 - α/2, 2k + 2) / 2] with α = 1 -
 * confidence; the lower end is 0 for k = 0. Each tail holds at most α/2, so
 * the interval covers the mean at least `confidence` of the time.
 */
export function poissonInterval(count: number, confidence: number): [number, number] {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be between 0 and 1, got ${confidence}`);
  if (!(count >= 0 && Number.isInteger(count))) throw new RangeError(`poissonInterval needs a whole count >= 0, got ${count}`);
  const alpha = 1 - confidence;
  const lower = count === 0 ? 0 : gammaQuantile(count, alpha / 2);
  const upper = gammaQuantile(count + 1, alpha / 2, true);
  return [lower, upper];
}

/** Wilson's score interval of successes / n; null for n = 0. */
export function wilsonInterval(successes: number, n: number, confidence: number): [number, number] | null {
  if (n <= 0) return null;
  const z = zFor(confidence);
  const p = successes / n;
  const z2 = z * z;
  const center = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, center - half), Math.min(1, center + half)];
}

/** A proportion with its Wilson interval. */
export function proportionEstimate(successes: number, n: number, confidence: number): Estimate {
  return { value: n > 0 ? successes / n : null, interval: wilsonInterval(successes, n, confidence) };
}

/**
 * Newcombe's hybrid score interval for pB - pA (his method 10): good
 * coverage for rare events, where the Wald interval is too narrow.
 */
export function proportionDifference(successesA: number, nA: number, successesB: number, nB: number, confidence: number): Estimate {
  const a = wilsonInterval(successesA, nA, confidence);
  const b = wilsonInterval(successesB, nB, confidence);
  if (a === null || b === null) return { value: null, interval: null };
  const pA = successesA / nA;
  const pB = successesB / nB;
  const difference = pB - pA;
  const lower = difference - Math.sqrt((pB - b[0]) ** 2 + (a[1] - pA) ** 2);
  const upper = difference + Math.sqrt((b[1] - pB) ** 2 + (pA - a[0]) ** 2);
  return { value: difference, interval: [lower, upper] };
}

/**
 * A quantile of ascending values with its distribution-free interval: the
 * order statistics whose ranks bracket n·p by z·sqrt(n·p·(1 - p)) (the
 * normal approximation of the binomial count below the true quantile).
 */
export function quantileEstimate(sorted: ArrayLike<number>, probability: number, confidence: number): Estimate {
  const n = sorted.length;
  if (n === 0) return { value: null, interval: null };
  const value = quantileSorted(sorted, probability);
  const spread = zFor(confidence) * Math.sqrt(n * probability * (1 - probability));
  const lowRank = Math.floor(n * probability - spread);
  const highRank = Math.ceil(n * probability + spread);
  // Ranks are 1-based order statistics; outside 1..n the bound is the sample's edge.
  const lower = sorted[Math.min(n - 1, Math.max(0, lowRank - 1))];
  const upper = sorted[Math.min(n - 1, Math.max(0, highRank - 1))];
  return { value, interval: [Math.min(lower, value), Math.max(upper, value)] };
}

/** Mean with the normal interval mean ± z·s/sqrt(n); NaN values are skipped by the caller. */
export function meanEstimate(sum: number, sumOfSquares: number, n: number, confidence: number): Estimate {
  if (n === 0) return { value: null, interval: null };
  const mean = sum / n;
  if (n < 2) return { value: mean, interval: null };
  const variance = Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1));
  const half = zFor(confidence) * Math.sqrt(variance / n);
  return { value: mean, interval: [mean - half, mean + half] };
}

/** Pearson's r with Fisher's z interval; null below 4 pairs or with a constant side. */
export function correlationEstimate(r: number, n: number, confidence: number): Estimate {
  if (!Number.isFinite(r)) return { value: null, interval: null };
  if (n < 4 || Math.abs(r) >= 1) return { value: r, interval: Math.abs(r) >= 1 ? [r, r] : null };
  const z = Math.atanh(r);
  const half = zFor(confidence) / Math.sqrt(n - 3);
  return { value: r, interval: [Math.tanh(z - half), Math.tanh(z + half)] };
}

/** A standard error read back from a symmetric-enough interval (its half-width over z). */
function standardError(estimate: Estimate, z: number): number | null {
  if (estimate.interval === null) return null;
  return (estimate.interval[1] - estimate.interval[0]) / (2 * z);
}

/**
 * b / a - 1 for two independent positive estimates, with a delta-method
 * interval on the log ratio (so it never goes below -1).
 */
export function relativeIncrease(a: Estimate, b: Estimate, confidence: number): Estimate {
  if (a.value === null || b.value === null || !(a.value > 0) || !(b.value > 0)) return { value: null, interval: null };
  const value = b.value / a.value - 1;
  const z = zFor(confidence);
  const seA = standardError(a, z);
  const seB = standardError(b, z);
  if (seA === null || seB === null) return { value, interval: null };
  const seLog = Math.sqrt((seA / a.value) ** 2 + (seB / b.value) ** 2);
  const log = Math.log(b.value / a.value);
  return { value, interval: [Math.exp(log - z * seLog) - 1, Math.exp(log + z * seLog) - 1] };
}
