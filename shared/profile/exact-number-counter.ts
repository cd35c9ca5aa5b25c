/**
 * Exact counts of distinct numbers up to a threshold: an open-addressing hash
 * table on typed arrays (no Map, no per-value allocation), because the
 * profile runs it on every value of every numeric column until the column
 * shows more distinct values than the threshold.
 */

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);

export class ExactNumberCounter {
  readonly threshold: number;
  size = 0;
  private keys: Float64Array;
  private counts: Float64Array;
  private readonly mask: number;

  constructor(threshold: number) {
    if (!Number.isInteger(threshold) || threshold < 1) throw new RangeError(`threshold must be a positive integer, got ${threshold}`);
    this.threshold = threshold;
    let capacity = 16;
    while (capacity < 2 * threshold) capacity *= 2;
    this.mask = capacity - 1;
    // NaN marks an empty slot: NaN is never counted.
    this.keys = new Float64Array(capacity).fill(Number.NaN);
    this.counts = new Float64Array(capacity);
  }

  /**
   * Counts `values[start..end)`, skipping NaN. Values must be finite. Returns
   * `end`, or the index of the first value that would make the number of
   * distinct values exceed the threshold (that value and the rest are not counted).
   */
  addArray(values: Float64Array, start: number, end: number): number {
    const words = new Uint32Array(values.buffer, values.byteOffset, 2 * values.length);
    const keys = this.keys;
    const counts = this.counts;
    const mask = this.mask;
    for (let i = start; i < end; i++) {
      const x = values[i];
      if (x !== x) continue;
      let lo = words[2 * i];
      let hi = words[2 * i + 1];
      if (x === 0) {
        lo = 0; // -0 and +0 are one value
        hi = 0;
      }
      let h = Math.imul(hi, 0x9e3779b1) ^ lo;
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h ^= h >>> 13;
      let slot = h & mask;
      while (true) {
        const key = keys[slot];
        if (key === x) {
          counts[slot]++;
          break;
        }
        if (key !== key) {
          if (this.size === this.threshold) return i;
          keys[slot] = x === 0 ? 0 : x;
          counts[slot] = 1;
          this.size++;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    return end;
  }

  /** Distinct values ascending with their counts. */
  entries(): { values: Float64Array; counts: Float64Array } {
    const keys = this.keys;
    const values = new Float64Array(this.size);
    let n = 0;
    for (let slot = 0; slot < keys.length; slot++) if (keys[slot] === keys[slot]) values[n++] = keys[slot];
    // A typed-array sort then one probe per value: an index sort with a
    // comparator costs ten times as much, once per numeric column.
    values.sort();
    const counts = new Float64Array(n);
    for (let i = 0; i < n; i++) counts[i] = this.countOf(values[i]);
    return { values, counts };
  }

  /** The count of finite `x` (0 when it was never added). */
  countOf(x: number): number {
    scratch[0] = x === 0 ? 0 : x;
    let h = Math.imul(scratchWords[1], 0x9e3779b1) ^ scratchWords[0];
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h ^= h >>> 13;
    let slot = h & this.mask;
    while (true) {
      const key = this.keys[slot];
      if (key === x) return this.counts[slot];
      if (key !== key) return 0;
      slot = (slot + 1) & this.mask;
    }
  }
}
