/**
 * Bins frozen at baseline time, and the exact counters that fill them.
 *
 * `freezeBins` picks, per numeric column of a baseline profile, either its
 * distinct values (when it has at most 20: a low-cardinality number is
 * compared category by category) or the decile edges read from its KLL
 * sketch, equal edges merged. The drift engine stores these with the
 * baseline, and a second pass over the data fills exact counts on them, so
 * no sketch error enters a p-value.
 */
import { BucketCounts, KllSketch, edgesFromSketch, sameEdges, validateEdges } from '../stats/index.js';
import type { BinCounts, FrozenBin, FrozenBins, Profile } from './types.js';

/** Columns with at most this many distinct numbers are binned by value. */
export const MAX_CATEGORY_BINS = 20;

/** Frozen bins for every numeric column of a profile (columns without finite values are left out). */
export function freezeBins(profile: Profile, maxCategories = MAX_CATEGORY_BINS): FrozenBins {
  const bins: FrozenBins = {};
  for (const column of profile.columns) {
    if (column.kind !== 'number') continue;
    const finite = column.moments.count;
    if (finite === 0) continue;
    if (column.distinct.exact && column.exactCounts !== null && column.exactCounts.values.length <= maxCategories) {
      bins[column.name] = { kind: 'categories', values: column.exactCounts.values as number[] };
    } else {
      bins[column.name] = { kind: 'edges', edges: edgesFromSketch(KllSketch.fromJSON(column.quantiles)) };
    }
  }
  return bins;
}

/** Accepts plain edge arrays as shorthand and checks every definition (RangeError when malformed). */
export function normalizeBins(bins: Record<string, FrozenBin | number[]>): FrozenBins {
  const out: FrozenBins = {};
  for (const [name, bin] of Object.entries(bins)) {
    const frozen: FrozenBin = Array.isArray(bin) ? { kind: 'edges', edges: bin } : bin;
    if (frozen.kind === 'edges') validateEdges(frozen.edges);
    else {
      try {
        validateEdges(frozen.values);
      } catch {
        throw new RangeError(`category bins for ${name} must be finite and strictly increasing`);
      }
    }
    out[name] = frozen.kind === 'edges' ? { kind: 'edges', edges: [...frozen.edges] } : { kind: 'categories', values: [...frozen.values] };
  }
  return out;
}

/** True when two frozen bin definitions are identical. */
export function sameFrozenBin(a: FrozenBin | null, b: FrozenBin | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind !== b.kind) return false;
  return sameEdges(a.kind === 'edges' ? a.edges : a.values, b.kind === 'edges' ? b.edges : b.values);
}

/** Exact counter for one column's frozen bins. */
export interface BinCounter {
  addArray(values: Float64Array, start: number, end: number): void;
  toJSON(): BinCounts;
}

class EdgeCounter implements BinCounter {
  private readonly buckets: BucketCounts;
  constructor(private readonly edges: number[]) {
    this.buckets = new BucketCounts(edges);
  }
  addArray(values: Float64Array, start: number, end: number): void {
    this.buckets.addArray(values, start, end);
  }
  toJSON(): BinCounts {
    return { kind: 'edges', edges: [...this.edges], counts: Array.from(this.buckets.counts) };
  }
}

/** One bin per listed value and a last bin for anything else (infinities included). */
class CategoryCounter implements BinCounter {
  private readonly sorted: Float64Array;
  private readonly counts: Float64Array;
  constructor(private readonly values: number[]) {
    this.sorted = Float64Array.from(values);
    this.counts = new Float64Array(values.length + 1);
  }
  addArray(values: Float64Array, start: number, end: number): void {
    const sorted = this.sorted;
    const m = sorted.length;
    const counts = this.counts;
    for (let i = start; i < end; i++) {
      const x = values[i];
      if (x !== x) continue;
      let lo = 0;
      let hi = m;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid] < x) lo = mid + 1;
        else hi = mid;
      }
      counts[lo < m && sorted[lo] === x ? lo : m]++;
    }
  }
  toJSON(): BinCounts {
    return { kind: 'categories', values: [...this.values], counts: Array.from(this.counts) };
  }
}

export function createBinCounter(bin: FrozenBin): BinCounter {
  return bin.kind === 'edges' ? new EdgeCounter(bin.edges) : new CategoryCounter(bin.values);
}
