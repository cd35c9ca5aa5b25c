/**
 * Mergeable first and second moments: count, mean, M2 (sum of squared
 * deviations), min, max and sum.
 *
 * Values are folded in per chunk with a two-pass mean/M2 and combined with
 * Chan et al.'s parallel formula, which is as accurate as Welford's update
 * but needs no division per value. Merging shards gives the same numbers as
 * one pass over the whole data up to rounding (~1e-15 relative).
 *
 * Only finite values are accumulated: NaN (missing) and +/-Infinity (no
 * mean exists) are skipped. `add` and `addArray` report how many infinities
 * they skipped so callers can count them; checking for them costs nothing
 * on the common path (they show up in the chunk's min/max).
 */

/** Plain-JSON form of {@link Moments}; min/max are null while count is 0. */
export interface MomentsJSON {
  count: number;
  mean: number;
  m2: number;
  sum: number;
  min: number | null;
  max: number | null;
}

export class Moments {
  count = 0;
  mean = 0;
  /** Sum of squared deviations from the mean. */
  m2 = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;

  /** Adds one value; NaN and +/-Infinity are skipped. Returns 1 if `value` was infinite, else 0. */
  add(value: number): number {
    if (value !== value) return 0;
    if (value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY) return 1;
    const n = this.count + 1;
    const delta = value - this.mean;
    this.mean += delta / n;
    this.m2 += delta * (value - this.mean);
    this.count = n;
    this.sum += value;
    // `+ 0` turns -0 into 0: JSON cannot carry -0, and a merged shard must equal the whole.
    if (value < this.min) this.min = value + 0;
    if (value > this.max) this.max = value + 0;
    return 0;
  }

  /**
   * Adds `values[start..end)`, skipping NaN and +/-Infinity; returns the
   * number of infinities skipped. Two passes over the chunk, then one merge:
   * exact to rounding and branch-light for the hot loop.
   */
  addArray(values: ArrayLike<number>, start = 0, end = values.length): number {
    let n = 0;
    let sum = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = start; i < end; i++) {
      const x = values[i];
      if (x !== x) continue;
      n++;
      sum += x;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    if (n === 0) return 0;
    if (min === Number.NEGATIVE_INFINITY || max === Number.POSITIVE_INFINITY) return this.addArrayWithInfinities(values, start, end);
    const mean = sum / n;
    let m2 = 0;
    let correction = 0;
    for (let i = start; i < end; i++) {
      const x = values[i];
      if (x !== x) continue;
      const d = x - mean;
      m2 += d * d;
      correction += d;
    }
    // Corrected two-pass (Chan, Golub & LeVeque): removes the rounding left in `mean`.
    m2 -= (correction * correction) / n;
    this.mergeParts(n, mean, m2, sum, min, max);
    return 0;
  }

  /** Rare path: copy the finite values, then accumulate them. */
  private addArrayWithInfinities(values: ArrayLike<number>, start: number, end: number): number {
    const finite: number[] = [];
    let infinities = 0;
    for (let i = start; i < end; i++) {
      const x = values[i];
      if (x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY) infinities++;
      else if (x === x) finite.push(x);
    }
    this.addArray(finite);
    return infinities;
  }

  /** Folds another accumulator into this one (Chan's parallel update). */
  merge(other: Moments | MomentsJSON): this {
    if (other.count === 0) return this;
    const min = other.min ?? Number.POSITIVE_INFINITY;
    const max = other.max ?? Number.NEGATIVE_INFINITY;
    this.mergeParts(other.count, other.mean, other.m2, other.sum, min, max);
    return this;
  }

  private mergeParts(nB: number, meanB: number, m2B: number, sumB: number, minB: number, maxB: number): void {
    const nA = this.count;
    if (nA === 0) {
      this.count = nB;
      this.mean = meanB;
      this.m2 = m2B;
    } else {
      const n = nA + nB;
      const delta = meanB - this.mean;
      // Weighted form keeps the mean accurate when one side dominates.
      this.mean = (nA * this.mean + nB * meanB) / n;
      this.m2 = this.m2 + m2B + ((delta * delta * nA) / n) * nB;
      this.count = n;
    }
    this.sum += sumB;
    if (minB < this.min) this.min = minB + 0;
    if (maxB > this.max) this.max = maxB + 0;
  }

  /** Sample variance (ddof = 1); NaN for fewer than 2 values. */
  variance(): number {
    return this.count < 2 ? Number.NaN : this.m2 / (this.count - 1);
  }

  /** Population variance (ddof = 0); NaN when empty. */
  populationVariance(): number {
    return this.count < 1 ? Number.NaN : this.m2 / this.count;
  }

  /** Sample standard deviation (ddof = 1). */
  std(): number {
    return Math.sqrt(this.variance());
  }

  /** Population standard deviation (ddof = 0). */
  populationStd(): number {
    return Math.sqrt(this.populationVariance());
  }

  toJSON(): MomentsJSON {
    const empty = this.count === 0;
    return {
      count: this.count,
      mean: this.mean,
      m2: this.m2,
      sum: this.sum,
      min: empty ? null : this.min,
      max: empty ? null : this.max,
    };
  }

  /** Rebuilds an accumulator from {@link MomentsJSON}. */
  static fromJSON(json: MomentsJSON): Moments {
    if (!Number.isInteger(json.count) || json.count < 0) throw new RangeError(`Moments count must be a non-negative integer, got ${json.count}`);
    const m = new Moments();
    m.merge(json);
    return m;
  }

  /** Accumulator over the finite values of an array. */
  static of(values: ArrayLike<number>): Moments {
    const m = new Moments();
    m.addArray(values);
    return m;
  }
}
