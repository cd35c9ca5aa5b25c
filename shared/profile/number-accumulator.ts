/**
 * Per-column accumulator for numeric columns (integer, float, date, datetime).
 *
 * While the column has at most `distinctThreshold` distinct values, every
 * value goes into an exact hash counter only; the quantile sketch and the
 * distinct sketch are built from those exact counts at the end (or at the
 * moment the threshold is crossed), so low-cardinality columns cost one hash
 * probe per value and get exact quantiles. After that, values stream into
 * the KLL and HyperLogLog sketches.
 */
import { momentFields } from './moment-fields.js';
import type { NumberColumn } from '../data/types.js';
import { HyperLogLog, KllSketch, Moments, TopK } from '../stats/index.js';
import { ExactNumberCounter } from './exact-number-counter.js';
import { createBinCounter } from './frozen-bins.js';
import type { BinCounter } from './frozen-bins.js';
import { countMask } from './mask.js';
import type { FrozenBin, NumberColumnProfile, ProfileSettings } from './types.js';

export class NumberAccumulator {
  private count = 0;
  private nulls = 0;
  private invalid = 0;
  private positiveInfinity = 0;
  private negativeInfinity = 0;
  private readonly moments = new Moments();
  private readonly kll: KllSketch;
  private hll: HyperLogLog | null = null;
  private exact: ExactNumberCounter | null;
  private readonly binCounter: BinCounter | null;
  /** This batch's finite values, packed (reused between batches). */
  private finite = new Float64Array(0);

  constructor(
    readonly name: string,
    readonly type: NumberColumn['type'],
    private readonly settings: ProfileSettings,
    seed: number,
    bin: FrozenBin | undefined,
  ) {
    this.kll = new KllSketch({ k: settings.kllK, seed });
    this.exact = new ExactNumberCounter(settings.distinctThreshold);
    this.binCounter = bin === undefined ? null : createBinCounter(bin);
  }

  add(column: NumberColumn, length: number): void {
    const values = column.values;
    this.binCounter?.addArray(values, 0, length);
    // Everything downstream takes the finite values only, packed into
    // `finite`: the quantile sketch jumps from sample to sample when no NaN
    // is in the way.
    if (this.finite.length < length) this.finite = new Float64Array(length);
    const finite = this.finite;
    let finiteLength = packNonNull(values, column.nulls, length, finite);
    this.nulls += length - finiteLength;
    this.invalid += countMask(column.invalid, length);
    this.count += finiteLength;
    const before = this.moments.count;
    this.moments.addArray(finite, 0, finiteLength);
    // Rare: an infinity, or a NaN that a binary format stored as a value.
    if (this.moments.count - before < finiteLength) finiteLength = this.dropNonFinite(finite, finiteLength);
    let from = 0;
    if (this.exact !== null) {
      from = this.exact.addArray(finite, 0, finiteLength);
      if (from === finiteLength) return;
      this.leaveExactMode();
    }
    // Moments saw the same values: their extremes are the sketch's.
    this.kll.addFinite(finite, from, finiteLength, this.moments.min, this.moments.max);
    (this.hll as HyperLogLog).addNumbers(finite, from, finiteLength);
  }

  /** Drops the non-finite values of `values[0..length)` in place, counting the infinities; returns how many are left. */
  private dropNonFinite(values: Float64Array, length: number): number {
    let kept = 0;
    for (let i = 0; i < length; i++) {
      const x = values[i];
      if (x - x === 0) values[kept++] = x;
      else if (x === Number.POSITIVE_INFINITY) this.positiveInfinity++;
      else if (x === Number.NEGATIVE_INFINITY) this.negativeInfinity++;
    }
    return kept;
  }

  /** Too many distinct values: hand the exact counts to the sketches and stream from now on. */
  private leaveExactMode(): void {
    const { values, counts } = (this.exact as ExactNumberCounter).entries();
    this.exact = null;
    this.kll.addWeighted(values, counts);
    this.hll = this.distinctSketchOf(values);
  }

  private distinctSketchOf(values: Float64Array): HyperLogLog {
    const hll = new HyperLogLog(this.settings.hllPrecision);
    hll.addNumbers(values);
    return hll;
  }

  finish(): NumberColumnProfile {
    const moments = this.moments;
    let distinct: NumberColumnProfile['distinct'];
    let exactCounts: NumberColumnProfile['exactCounts'] = null;
    let top: NumberColumnProfile['top'] = null;
    // finish() runs once (the builder sees to it), so the sketch may take the exact counts itself.
    const kll = this.kll;
    if (this.exact !== null) {
      const { values, counts } = this.exact.entries();
      kll.addWeighted(values, counts);
      distinct = { value: values.length, exact: true, hll: this.distinctSketchOf(values).toJSON() };
      exactCounts = { values: Array.from(values), counts: Array.from(counts) };
      top = TopK.fromCounts(
        Array.from(values, (v, i) => [v, counts[i]] as const),
        this.settings.topK,
      ).toJSON();
    } else {
      const hll = this.hll as HyperLogLog;
      distinct = { value: Math.round(hll.estimate()), exact: false, hll: hll.toJSON() };
    }
    return {
      name: this.name,
      kind: 'number',
      type: this.type,
      count: this.count,
      nulls: this.nulls,
      invalid: this.invalid,
      ...momentFields(moments),
      infinite: { positive: this.positiveInfinity, negative: this.negativeInfinity },
      quantiles: kll.toJSON(),
      distinct,
      exactCounts,
      top,
      bins: this.binCounter?.toJSON() ?? null,
    };
  }
}

/**
 * Copies the values of `values[0..length)` whose null flag is 0 into `out`,
 * packed; returns how many. The mask finds the nulls natively and the runs
 * between them are copied whole.
 */
function packNonNull(values: Float64Array, nulls: Uint8Array, length: number, out: Float64Array): number {
  let kept = 0;
  let i = 0;
  while (i < length) {
    let next = nulls.indexOf(1, i);
    if (next < 0 || next > length) next = length;
    for (let j = i; j < next; j++) out[kept++] = values[j];
    i = next + 1;
  }
  return kept;
}
