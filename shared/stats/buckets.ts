/**
 * Exact counts on frozen bin edges.
 *
 * Edges e_1 < ... < e_m (finite) define m + 1 bins, closed on the right:
 *   bin 0 = (-inf, e_1], bin i = (e_i, e_{i+1}], bin m = (e_m, +inf).
 * The bin of x is the number of edges strictly below x, which is
 * `numpy.digitize(x, edges, right=True)` and the interval `pandas.cut(x,
 * [-inf, *edges, inf])` (right=True, its default) puts x in. -Infinity falls
 * in bin 0 (numpy agrees; pandas leaves it out, as its first interval is open
 * at -inf) and +Infinity in bin m; NaN is skipped (missing values are counted
 * elsewhere). Counts from shards with the same edges merge exactly.
 */
import type { KllSketch } from './kll.js';

/** Plain-JSON form of {@link BucketCounts}. */
export interface BucketCountsJSON {
  edges: number[];
  counts: number[];
}

/** Checks that edges are finite and strictly increasing; throws RangeError otherwise. */
export function validateEdges(edges: ArrayLike<number>): void {
  for (let i = 0; i < edges.length; i++) {
    if (!Number.isFinite(edges[i])) throw new RangeError(`bin edges must be finite; edge ${i} is ${edges[i]}`);
    if (i > 0 && !(edges[i] > edges[i - 1])) throw new RangeError(`bin edges must be strictly increasing; edge ${i} (${edges[i]}) <= ${edges[i - 1]}`);
  }
}

/** Bin index of x: the number of edges strictly less than x (0..edges.length). */
export function binIndex(edges: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Cells of the lookup grid that turns most bin searches into one multiply. */
const GRID_CELLS = 4096;

export class BucketCounts {
  readonly edges: Float64Array;
  readonly counts: Float64Array;
  /**
   * grid[c] = a lower bound of the bin of any x in grid cell c (the number of
   * edges below the previous cell's start), so a short upward scan finishes
   * the search. Null when there are fewer than 2 edges.
   */
  private readonly grid: Int32Array | null;
  private readonly gridScale: number;

  constructor(edges: ArrayLike<number>) {
    validateEdges(edges);
    this.edges = Float64Array.from(edges);
    this.counts = new Float64Array(this.edges.length + 1);
    const m = this.edges.length;
    const span = m >= 2 ? this.edges[m - 1] - this.edges[0] : 0;
    const magnitude = Math.max(Math.abs(this.edges[0]), Math.abs(this.edges[m - 1]));
    // The grid needs cells well above the spacing of doubles near the edges.
    if (m >= 2 && Number.isFinite(span) && span / GRID_CELLS > 1e6 * Number.EPSILON * magnitude) {
      this.gridScale = GRID_CELLS / span;
      this.grid = new Int32Array(GRID_CELLS + 1);
      for (let c = 0; c <= GRID_CELLS; c++) {
        const previousStart = this.edges[0] + Math.max(0, c - 1) / this.gridScale;
        this.grid[c] = binIndex(this.edges, previousStart);
      }
    } else {
      this.gridScale = 0;
      this.grid = null;
    }
  }

  /** Number of values counted. */
  get total(): number {
    let sum = 0;
    for (let i = 0; i < this.counts.length; i++) sum += this.counts[i];
    return sum;
  }

  /** Counts one value (NaN is skipped). */
  add(x: number): void {
    if (x !== x) return;
    this.counts[binIndex(this.edges, x)]++;
  }

  /** Counts `values[start..end)`, skipping NaN. */
  addArray(values: ArrayLike<number>, start = 0, end = values.length): void {
    const grid = this.grid;
    if (grid === null) {
      for (let i = start; i < end; i++) this.add(values[i]);
      return;
    }
    const edges = this.edges;
    const counts = this.counts;
    const m = edges.length;
    const first = edges[0];
    const last = edges[m - 1];
    const scale = this.gridScale;
    for (let i = start; i < end; i++) {
      const x = values[i];
      if (x !== x) continue;
      if (x <= first) counts[0]++;
      else if (x > last) counts[m]++;
      else {
        let bin = grid[Math.min(GRID_CELLS, Math.floor((x - first) * scale))];
        while (edges[bin] < x) bin++;
        counts[bin]++;
      }
    }
  }

  /** Adds another counter's counts; the edges must be identical. */
  merge(other: BucketCounts): this {
    if (!sameEdges(this.edges, other.edges)) throw new RangeError('cannot merge bucket counts with different edges');
    for (let i = 0; i < this.counts.length; i++) this.counts[i] += other.counts[i];
    return this;
  }

  toJSON(): BucketCountsJSON {
    return { edges: Array.from(this.edges), counts: Array.from(this.counts) };
  }

  static fromJSON(json: BucketCountsJSON): BucketCounts {
    const buckets = new BucketCounts(json.edges);
    if (json.counts.length !== buckets.counts.length) {
      throw new RangeError(`${json.edges.length} edges need ${buckets.counts.length} counts, got ${json.counts.length}`);
    }
    json.counts.forEach((c, i) => {
      if (!Number.isSafeInteger(c) || c < 0) throw new RangeError(`bucket count ${i} must be a non-negative integer, got ${c}`);
      buckets.counts[i] = c;
    });
    return buckets;
  }
}

/** True when two edge lists are identical (same length, same values). */
export function sameEdges(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The 10%, 20%, ..., 90% ranks. */
export const DECILE_RANKS: readonly number[] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/**
 * Where numpy's 'linear' quantile q of n ascending values lies: the two ranks
 * it reads and the weight of the upper one. The virtual index is computed as
 * numpy does (n*q + 1 - q - 1, clamped), not as (n - 1) q: the two differ by
 * an ulp for some n, which moves the floor to another rank. Anything that
 * stores only the ranks a quantile will read must ask this function which.
 */
export function quantilePosition(n: number, q: number): { below: number; above: number; gamma: number } {
  if (!(Number.isSafeInteger(n) && n > 0)) throw new RangeError(n === 0 ? 'quantile of an empty sample' : `sample size must be a positive integer, got ${n}`);
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile rank must be in [0, 1], got ${q}`);
  let virtual = n * q + (1 + q * (1 - 1 - 1)) - 1;
  virtual = Math.min(Math.max(virtual, 0), n - 1);
  const below = Math.floor(virtual);
  return { below, above: Math.min(below + 1, n - 1), gamma: virtual - below };
}

/**
 * numpy.quantile(sorted, q) with the default 'linear' method and its
 * two-sided lerp. `sorted` may hold only some ranks (a sparse array-like);
 * a rank the quantile needs but that is absent is an error, not a NaN that
 * would later vanish silently (e.g. when equal edges are merged).
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  const { below, above, gamma } = quantilePosition(n, q);
  const a = sorted[below];
  const b = sorted[above];
  if (typeof a !== 'number' || typeof b !== 'number') {
    throw new RangeError(`quantile ${q} of ${n} values reads ranks ${below} and ${above}, but ${typeof a !== 'number' ? below : above} is missing`);
  }
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

/** Removes repeated values from an ascending list. */
export function dedupeSorted(values: readonly number[]): number[] {
  const out: number[] = [];
  for (const v of values) if (out.length === 0 || v > out[out.length - 1]) out.push(v);
  return out;
}

/**
 * Decile edges of an ascending sample: numpy.quantile at 0.1 ... 0.9
 * (linear), equal edges merged. NaN must not be present.
 */
export function decileEdges(sortedValues: ArrayLike<number>): number[] {
  return dedupeSorted(DECILE_RANKS.map((q) => quantileSorted(sortedValues, q)));
}

/** Edges at the given ranks read from a KLL sketch, equal edges merged (deciles by default). */
export function edgesFromSketch(sketch: KllSketch, ranks: readonly number[] = DECILE_RANKS): number[] {
  if (sketch.isEmpty) return [];
  return dedupeSorted(sketch.quantiles(ranks));
}
