/**
 * Two large numeric samples summarized without sorting them, for exact
 * two-sample statistics: the KS statistic D (and its asymptotic p-value),
 * the Wasserstein-1 distance and order statistics of the first sample.
 * `ks2SampSorted`, `wassersteinSorted` and `quantileSorted` give the same
 * answers on the fully sorted samples (D and quantiles exactly; Wasserstein
 * up to floating-point summation order).
 *
 * How: each value's order-preserving key (sign, exponent, leading mantissa
 * bits) puts it in a bucket; every value of bucket b is below every value of
 * bucket b + 1. Each binade (sign and exponent) the data occupies gets as
 * many buckets as its share of the values needs (about 128 values each), so
 * heavy tails and values near zero are resolved alike. At bucket boundaries
 * both ECDFs are known exactly from counts; inside a bucket the ECDF gap
 * F1 - F2 moves within [gap at start - share2, gap at start + share1]. A
 * bucket's values are kept and sorted only when that range could reach the
 * largest gap seen at boundaries (KS), could contain zero (Wasserstein: the
 * sign of the gap may change), or when it holds a requested rank.
 * In every other bucket the gap cannot set D and keeps its sign, so
 * integral |F1 - F2| = |integral F1 - integral F2| there, which needs only
 * the bucket's count and sum. A few percent of the values get sorted.
 *
 * Values must be finite; NaN is skipped (missing). -0 counts as +0.
 */
import { quantilePosition } from './buckets.js';
import { KS_MAX_EXACT_N, ksAsymptoticPValue } from './ks.js';
import { radixSortFloat64 } from './radix-sort.js';

/** Values per bucket the layout aims at (fewer buckets keep the counters in cache). */
const TARGET_PER_BUCKET = 128;
/** Mantissa bits of a key below its 12 sign-and-exponent bits. */
const MANTISSA_BITS = 20;
const BINADES = 1 << 12;
/** Every this-many-th value is read to lay the buckets out. */
const LAYOUT_STRIDE = 8;
/** Slack for comparisons of ECDF gaps computed in floating point. */
const TOLERANCE = 1e-12;

const scratchValue = new Float64Array(1);
const scratchWords = new Uint32Array(scratchValue.buffer);

/** The smallest (high = false) or largest double whose key is `key`. */
function valueOfKey(key: number, high: boolean): number {
  const negative = (key & 0x80000000) === 0;
  scratchWords[1] = negative ? ~key >>> 0 : (key & 0x7fffffff) >>> 0;
  // Within one upper word, larger lower words are larger magnitudes: for negatives, smaller values.
  scratchWords[0] = negative === high ? 0 : 0xffffffff;
  return scratchValue[0];
}

interface Layout {
  base: Int32Array;
  drop: Uint8Array;
  /** Binade of each bucket. */
  binade: Int32Array;
  buckets: number;
}

function highWords(values: Float64Array): Uint32Array {
  return new Uint32Array(values.buffer, values.byteOffset, 2 * values.length);
}

/** Buckets per binade from a strided sample; binades the sample missed get one bucket each. */
function layoutOf(samples: readonly Float64Array[]): Layout {
  const perBinade = new Float64Array(BINADES);
  for (const values of samples) {
    const words = highWords(values);
    for (let i = 0; i < values.length; i += LAYOUT_STRIDE) {
      const x = values[i];
      if (x !== x) continue;
      const hi = x === 0 ? 0 : words[2 * i + 1];
      perBinade[(hi & 0x80000000 ? ~hi >>> 0 : (hi | 0x80000000) >>> 0) >>> MANTISSA_BITS] += LAYOUT_STRIDE;
    }
  }
  const base = new Int32Array(BINADES);
  const drop = new Uint8Array(BINADES);
  let buckets = 0;
  for (let id = 0; id < BINADES; id++) {
    const bits = perBinade[id] === 0 ? 0 : Math.min(MANTISSA_BITS, Math.max(0, Math.ceil(Math.log2(perBinade[id] / TARGET_PER_BUCKET))));
    base[id] = buckets;
    drop[id] = MANTISSA_BITS - bits;
    buckets += 1 << bits;
  }
  const binade = new Int32Array(buckets);
  for (let id = 0; id < BINADES; id++) binade.fill(id, base[id], base[id] + (1 << (MANTISSA_BITS - drop[id])));
  return { base, drop, binade, buckets };
}

/** The value range [low, high] a bucket covers. */
function bucketRange(layout: Layout, b: number): [number, number] {
  const id = layout.binade[b];
  const lowKey = ((id << MANTISSA_BITS) | ((b - layout.base[id]) << layout.drop[id])) >>> 0;
  const highKey = (lowKey + (1 << layout.drop[id]) - 1) >>> 0;
  return [valueOfKey(lowKey, false), valueOfKey(highKey, true)];
}

/** Count and sum per bucket (interleaved: one cache line per update). */
function countsAndSums(values: Float64Array, layout: Layout): { countSum: Float64Array; n: number } {
  const { base, drop } = layout;
  const countSum = new Float64Array(2 * layout.buckets);
  const words = highWords(values);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x !== x) continue;
    if (x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY) throw new RangeError('bucketed samples must be finite');
    const hi = x === 0 ? 0 : words[2 * i + 1];
    const key = hi & 0x80000000 ? ~hi >>> 0 : (hi | 0x80000000) >>> 0;
    const id = key >>> MANTISSA_BITS;
    const b = base[id] + ((key & 0xfffff) >>> drop[id]);
    countSum[2 * b]++;
    countSum[2 * b + 1] += x === 0 ? 0 : x;
    n++;
  }
  return { countSum, n };
}

/** The kept buckets' values, sorted, each bucket a contiguous run; `start[b]` is -1 for buckets not kept. */
function keptValues(values: Float64Array, layout: Layout, keep: Uint8Array, countSum: Float64Array): { values: Float64Array; start: Int32Array } {
  const start = new Int32Array(layout.buckets).fill(-1);
  let total = 0;
  for (let b = 0; b < layout.buckets; b++) {
    if (keep[b] === 1) {
      start[b] = total;
      total += countSum[2 * b];
    }
  }
  const out = new Float64Array(total);
  const cursor = Int32Array.from(start);
  const { base, drop } = layout;
  const words = highWords(values);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x !== x) continue;
    const hi = x === 0 ? 0 : words[2 * i + 1];
    const key = hi & 0x80000000 ? ~hi >>> 0 : (hi | 0x80000000) >>> 0;
    const id = key >>> MANTISSA_BITS;
    const b = base[id] + ((key & 0xfffff) >>> drop[id]);
    if (keep[b] === 1) out[cursor[b]++] = x === 0 ? 0 : x;
  }
  // Buckets are in value order and their ranges disjoint: one sort orders every bucket's run.
  radixSortFloat64(out);
  return { values: out, start };
}

export interface BucketedPairOptions {
  /** Ranks q in [0, 1] of the first sample whose numpy-linear quantiles will be read (and counted at). */
  quantiles?: readonly number[];
  /** Points where `countAtMost` will be asked, on either side. */
  points?: readonly number[];
}

export class BucketedPair {
  readonly n1: number;
  readonly n2: number;
  private readonly layout: Layout;
  private readonly counts: [Float64Array, Float64Array];
  private readonly kept: [{ values: Float64Array; start: Int32Array }, { values: Float64Array; start: Int32Array }];
  private readonly keep: Uint8Array;
  /** Values of the first sample at the ranks the requested quantiles read. */
  private readonly rankValues = new Map<number, number>();

  private constructor(first: Float64Array, second: Float64Array, options: BucketedPairOptions) {
    this.layout = layoutOf([first, second]);
    const a = countsAndSums(first, this.layout);
    const b = countsAndSums(second, this.layout);
    if (a.n === 0 || b.n === 0) throw new RangeError('bucketed samples need values on both sides');
    this.n1 = a.n;
    this.n2 = b.n;
    this.counts = [a.countSum, b.countSum];
    this.keep = this.bucketsToKeep(options);
    this.kept = [keptValues(first, this.layout, this.keep, a.countSum), keptValues(second, this.layout, this.keep, b.countSum)];
    this.readRanks(this.quantileRanks(options));
  }

  /** The ranks numpy's linear quantiles read, exactly as `quantileSorted` will compute them. */
  private quantileRanks(options: BucketedPairOptions): number[] {
    const ranks: number[] = [];
    for (const q of options.quantiles ?? []) {
      const { below, above } = quantilePosition(this.n1, q);
      ranks.push(below, above);
    }
    return [...new Set(ranks)].sort((x, y) => x - y);
  }

  private readRanks(ranks: number[]): void {
    let cumulative = 0;
    let next = 0;
    for (let b = 0; b < this.layout.buckets && next < ranks.length; b++) {
      const k = this.count(0, b);
      while (next < ranks.length && ranks[next] < cumulative + k) {
        this.rankValues.set(ranks[next], this.bucketValues(0, b)[ranks[next] - cumulative]);
        next++;
      }
      cumulative += k;
    }
    if (next < ranks.length) throw new RangeError(`rank ${ranks[next]} of the first sample (${this.n1} values) was not found in its buckets`);
  }

  /** Summarizes two samples (NaN skipped; infinities are an error). */
  static of(first: Float64Array, second: Float64Array, options: BucketedPairOptions = {}): BucketedPair {
    return new BucketedPair(first, second, options);
  }

  private count(side: 0 | 1, b: number): number {
    return this.counts[side][2 * b];
  }

  private bucketsToKeep(options: BucketedPairOptions): Uint8Array {
    const buckets = this.layout.buckets;
    const keep = new Uint8Array(buckets);
    let gap = 0;
    let c1 = 0;
    let c2 = 0;
    for (let b = 0; b < buckets; b++) {
      c1 += this.count(0, b);
      c2 += this.count(1, b);
      const d = Math.abs(c1 / this.n1 - c2 / this.n2);
      if (d > gap) gap = d;
    }
    c1 = 0;
    c2 = 0;
    for (let b = 0; b < buckets; b++) {
      const k1 = this.count(0, b);
      const k2 = this.count(1, b);
      if (k1 === 0 && k2 === 0) continue;
      const start = c1 / this.n1 - c2 / this.n2;
      c1 += k1;
      c2 += k2;
      const low = start - k2 / this.n2;
      const high = start + k1 / this.n1;
      const ksMatters = Math.max(Math.abs(low), Math.abs(high)) >= gap - TOLERANCE;
      const signMayFlip = low < TOLERANCE && high > -TOLERANCE;
      const unsafeSum = !Number.isFinite(this.counts[0][2 * b + 1]) || !Number.isFinite(this.counts[1][2 * b + 1]);
      if (ksMatters || signMayFlip || unsafeSum) keep[b] = 1;
    }
    // A quantile lies between two adjacent order statistics: keep their buckets and all in between,
    // where only the other sample can have values, so counts at the quantile are exact too.
    const ranks = this.quantileRanks(options);
    const bucketOfRank = new Map<number, number>();
    let cumulative = 0;
    let next = 0;
    for (let b = 0; b < buckets && next < ranks.length; b++) {
      cumulative += this.count(0, b);
      while (next < ranks.length && ranks[next] < cumulative) bucketOfRank.set(ranks[next++], b);
    }
    for (const q of options.quantiles ?? []) {
      const { below, above } = quantilePosition(this.n1, q);
      const from = bucketOfRank.get(below);
      const to = bucketOfRank.get(above);
      if (from === undefined || to === undefined) throw new RangeError(`quantile ${q} reads ranks ${below} and ${above} of ${this.n1}, beyond the first sample's buckets`);
      keep.fill(1, from, to + 1);
    }
    for (const point of options.points ?? []) {
      const b = this.bucketOfValue(point);
      if (b >= 0) keep[b] = 1;
    }
    return keep;
  }

  /** The bucket a finite value falls in. */
  private bucketOfValue(x: number): number {
    if (!Number.isFinite(x)) return -1;
    scratchValue[0] = x === 0 ? 0 : x;
    const hi = scratchWords[1];
    const key = hi & 0x80000000 ? ~hi >>> 0 : (hi | 0x80000000) >>> 0;
    const id = key >>> MANTISSA_BITS;
    return this.layout.base[id] + ((key & 0xfffff) >>> this.layout.drop[id]);
  }

  /** The sorted values of bucket b on a side (kept buckets only). */
  private bucketValues(side: 0 | 1, b: number): Float64Array {
    const { values, start } = this.kept[side];
    return values.subarray(start[b], start[b] + this.count(side, b));
  }

  /** The KS statistic D = max |F1 - F2| (as `ks2SampSorted` computes it on the sorted samples). */
  ksStatistic(): number {
    let maxDiff = Number.NEGATIVE_INFINITY;
    let minDiff = Number.POSITIVE_INFINITY;
    let c1 = 0;
    let c2 = 0;
    for (let b = 0; b < this.layout.buckets; b++) {
      const k1 = this.count(0, b);
      const k2 = this.count(1, b);
      if (k1 === 0 && k2 === 0) continue;
      if (this.keep[b] === 1) {
        const x = this.bucketValues(0, b);
        const y = this.bucketValues(1, b);
        let i = 0;
        let j = 0;
        while (i < x.length || j < y.length) {
          const t = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i] : y[j];
          while (i < x.length && x[i] <= t) i++;
          while (j < y.length && y[j] <= t) j++;
          const diff = (c1 + i) / this.n1 - (c2 + j) / this.n2;
          if (diff > maxDiff) maxDiff = diff;
          if (diff < minDiff) minDiff = diff;
        }
      }
      c1 += k1;
      c2 += k2;
      const diff = c1 / this.n1 - c2 / this.n2;
      if (diff > maxDiff) maxDiff = diff;
      if (diff < minDiff) minDiff = diff;
    }
    return Math.max(maxDiff, Math.min(Math.max(-minDiff, 0), 1));
  }

  /**
   * The two-sided KS test with SciPy's asymptotic p-value, kstwo.sf(D,
   * round(n1 n2 / (n1 + n2))): what `ks2SampSorted` (method auto) gives when
   * max(n1, n2) > 10000. Smaller samples need the exact method: sort them.
   */
  ksTest(): { statistic: number; pvalue: number } {
    if (Math.max(this.n1, this.n2) <= KS_MAX_EXACT_N) throw new RangeError(`the asymptotic KS p-value is SciPy’s choice only above ${KS_MAX_EXACT_N} values; sort smaller samples`);
    const statistic = this.ksStatistic();
    return { statistic, pvalue: ksAsymptoticPValue(statistic, this.n1, this.n2) };
  }

  /** The Wasserstein-1 distance: integral of |F1 - F2| (as `wassersteinSorted`, up to summation order). */
  wasserstein(): number {
    let total = 0;
    let c1 = 0;
    let c2 = 0;
    let previousHigh = Number.NaN;
    for (let b = 0; b < this.layout.buckets; b++) {
      const k1 = this.count(0, b);
      const k2 = this.count(1, b);
      if (k1 === 0 && k2 === 0) continue;
      const [low, high] = bucketRange(this.layout, b);
      const start = c1 / this.n1 - c2 / this.n2;
      // Between the previous occupied bucket and this one nothing happens: the gap is constant.
      if (previousHigh === previousHigh) total += Math.abs(start) * (low - previousHigh);
      if (this.keep[b] === 1) {
        const x = this.bucketValues(0, b);
        const y = this.bucketValues(1, b);
        let i = 0;
        let j = 0;
        let previous = low;
        while (i < x.length || j < y.length) {
          const t = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i] : y[j];
          total += Math.abs((c1 + i) / this.n1 - (c2 + j) / this.n2) * (t - previous);
          previous = t;
          while (i < x.length && x[i] <= t) i++;
          while (j < y.length && y[j] <= t) j++;
        }
        total += Math.abs((c1 + k1) / this.n1 - (c2 + k2) / this.n2) * (high - previous);
      } else {
        // The gap keeps its sign in here: |integral| of F1 - F2 from counts and sums alone.
        const sum1 = this.counts[0][2 * b + 1];
        const sum2 = this.counts[1][2 * b + 1];
        const integral = start * (high - low) + (k1 * high - sum1) / this.n1 - (k2 * high - sum2) / this.n2;
        total += Math.abs(integral);
      }
      c1 += k1;
      c2 += k2;
      previousHigh = high;
    }
    return total;
  }

  /**
   * The first sample as an array-like for `quantileSorted` / `decileEdges`:
   * only the ranks the quantiles in `options.quantiles` read are present;
   * `quantileSorted` throws for any other rank.
   */
  firstSampleRanks(): ArrayLike<number> {
    const view: { length: number; [index: number]: number } = { length: this.n1 };
    for (const [rank, value] of this.rankValues) view[rank] = value;
    return view;
  }

  /**
   * Values at or below `point` on a side (0: first, 1: second). Exact for the
   * points given in `options.points` and for the quantiles of `options.quantiles`.
   */
  countAtMost(side: 0 | 1, point: number): number {
    const target = this.bucketOfValue(point);
    if (target < 0 || this.keep[target] !== 1) throw new RangeError(`counts at ${point} were not prepared: pass it in options.points`);
    let below = 0;
    for (let b = 0; b < target; b++) below += this.count(side, b);
    const values = this.bucketValues(side, target);
    let lo = 0;
    let hi = values.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (values[mid] <= point) lo = mid + 1;
      else hi = mid;
    }
    return below + lo;
  }
}
