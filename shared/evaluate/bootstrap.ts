/**
 * Paired bootstrap: every resample draws n rows with replacement from the
 * joined evaluation rows, and every statistic (e.g. challenger minus champion
 * on one metric) is evaluated on that same resample. A resample is held as
 * per-row counts, so metrics run as one weighted pass over the original rows.
 */
import { createRng } from '../stats/random.js';

export interface BootstrapOptions {
  /** Number of resamples (default 1,000). */
  resamples?: number;
  /** Seed for the row draws; the same seed gives the same resamples. */
  seed?: number;
}

export const DEFAULT_RESAMPLES = 1000;
export const DEFAULT_SEED = 20240601;

/** A statistic of a resample given as per-row counts; NaN when undefined for it. */
export type ResampleStatistic = (counts: Int32Array) => number;

/**
 * Evaluates each statistic on the same `resamples` resamples of `rows` rows.
 * Returns one array of estimates per statistic (NaN where undefined).
 */
export function pairedBootstrap(rows: number, statistics: readonly ResampleStatistic[], options: BootstrapOptions = {}): Float64Array[] {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  if (!Number.isInteger(rows) || rows < 1) throw new RangeError(`the bootstrap needs at least one row, got ${rows}`);
  const rng = createRng(options.seed ?? DEFAULT_SEED);
  const estimates = statistics.map(() => new Float64Array(resamples));
  const counts = new Int32Array(rows);
  for (let r = 0; r < resamples; r++) {
    counts.fill(0);
    // floor(u * rows) with u on a 2^-53 grid: bias below rows / 2^53 (1e-11 at 100k rows),
    // and about twice as fast as nextInt here.
    for (let i = 0; i < rows; i++) counts[Math.floor(rng.next() * rows)]++;
    for (let s = 0; s < statistics.length; s++) estimates[s][r] = statistics[s](counts);
  }
  return estimates;
}

/** Linear-interpolation quantile of sorted values (numpy's default, Hyndman & Fan type 7). */
export function quantileSorted(sorted: ArrayLike<number>, probability: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * probability;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
}

export interface PercentileInterval {
  /** [lower, upper] at the requested confidence, NaN when no resample was defined. */
  interval: [number, number];
  /** Resamples on which the statistic was defined (the others are left out). */
  valid: number;
}

/**
 * Two-sided percentile interval: the (1 - confidence)/2 and (1 + confidence)/2
 * quantiles of the defined estimates.
 */
export function percentileInterval(estimates: Float64Array, confidence: number): PercentileInterval {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be between 0 and 1, got ${confidence}`);
  const defined = estimates.filter((value) => !Number.isNaN(value)).sort();
  const tail = (1 - confidence) / 2;
  return { interval: [quantileSorted(defined, tail), quantileSorted(defined, 1 - tail)], valid: defined.length };
}
