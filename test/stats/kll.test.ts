import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KllSketch, kllRankError } from '../../shared/stats/kll.js';
import { lcgIntegers, lcgNormals, lcgUniforms } from './fixtures/lcg.js';

/** Largest distance between q and the true rank interval of the sketch's q-quantile, over q = 0.01..0.99. */
function maxRankError(sketch: KllSketch, data: ArrayLike<number>): number {
  const sorted = Float64Array.from(data).sort();
  const n = sorted.length;
  const countBelow = (v: number, inclusive: boolean): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (inclusive ? sorted[mid] <= v : sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const qs = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
  let worst = 0;
  sketch.quantiles(qs).forEach((v, i) => {
    const low = countBelow(v, false) / n;
    const high = countBelow(v, true) / n;
    const q = qs[i];
    const error = q < low ? low - q : q > high ? q - high : 0;
    worst = Math.max(worst, error);
  });
  return worst;
}

const STREAMS: Record<string, () => Float64Array> = {
  normal: () => lcgNormals(70, 300_000),
  sorted: () => lcgUniforms(71, 300_000).sort(),
  reversed: () => lcgUniforms(72, 300_000).sort().reverse(),
  ties: () => lcgIntegers(73, 300_000, 37),
};

describe('KllSketch', () => {
  it('documents DataSketches bounds for k = 200: 1.33% single, 1.65% double-sided', () => {
    expect(kllRankError(200)).toBeCloseTo(0.0133, 4);
    expect(kllRankError(200, true)).toBeCloseTo(0.0165, 4);
    const sampled = new KllSketch();
    sampled.addArray(lcgUniforms(74, 1_000_000));
    expect(sampled.samplerWeight).toBe(16);
    expect(sampled.rankErrorBound()).toBeGreaterThan(kllRankError(200));
    expect(sampled.rankErrorBound()).toBeLessThan(0.0149);
  });

  it('is exact while nothing has been compacted', () => {
    const sketch = new KllSketch();
    sketch.addArray([5, 1, 4, 2, 3]);
    expect(sketch.retained).toBe(5);
    expect(sketch.quantiles([0, 0.2, 0.21, 0.5, 0.8, 1])).toEqual([1, 1, 2, 3, 4, 5]);
    expect(sketch.rank(3)).toBe(0.6);
    expect(sketch.rank(0)).toBe(0);
    expect(sketch.rank(99)).toBe(1);
    expect(sketch.cdf([2, 4])).toEqual([0.4, 0.8, 1]);
  });

  for (const [name, stream] of Object.entries(STREAMS)) {
    it(`stays within its rank-error bound on a ${name} stream (seeds 1-3)`, () => {
      const data = stream();
      for (let seed = 1; seed <= 3; seed++) {
        const sketch = new KllSketch({ seed });
        for (let i = 0; i < data.length; i += 65536) sketch.addArray(data, i, Math.min(data.length, i + 65536));
        expect(sketch.n).toBe(data.length);
        expect(sketch.retained).toBeLessThan(1000);
        expect(maxRankError(sketch, data)).toBeLessThanOrEqual(sketch.rankErrorBound());
      }
    });
  }

  it('without the sampler keeps every value in the hierarchy, within the plain KLL bound', () => {
    const data = lcgNormals(75, 200_000);
    const sketch = new KllSketch({ seed: 3, sampler: false });
    sketch.addArray(data);
    expect(sketch.samplerWeight).toBe(1);
    expect(maxRankError(sketch, data)).toBeLessThanOrEqual(kllRankError(200));
  });

  it('merges shards within the bound, with exact n, min and max', () => {
    const data = lcgNormals(76, 240_000, 10, 3);
    const shards = [0, 1, 2, 3].map((s) => {
      const sketch = new KllSketch({ seed: s + 1 });
      sketch.addArray(data, s * 60_000, (s + 1) * 60_000);
      return sketch;
    });
    const merged = KllSketch.fromJSON(shards[0].toJSON());
    for (const shard of shards.slice(1)) merged.merge(shard);
    expect(merged.n).toBe(data.length);
    expect(merged.min).toBe(data.reduce((a, b) => Math.min(a, b)));
    expect(merged.max).toBe(data.reduce((a, b) => Math.max(a, b)));
    expect(maxRankError(merged, data)).toBeLessThanOrEqual(merged.rankErrorBound());
  });

  it('merge property: small shards of random data stay within the bound', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 3000 }), { minLength: 1, maxLength: 4 }), (parts) => {
        const all = parts.flat();
        fc.pre(all.length > 0);
        const merged = new KllSketch({ k: 64 });
        for (const part of parts) {
          const shard = new KllSketch({ k: 64, seed: part.length + 1 });
          shard.addArray(part);
          merged.merge(shard);
        }
        expect(merged.n).toBe(all.length);
        expect(maxRankError(merged, all)).toBeLessThanOrEqual(merged.rankErrorBound() * 1.5);
      }),
      { numRuns: 30 },
    );
  });

  it('is deterministic for a seed and resumes identically from JSON', () => {
    const data = lcgNormals(77, 200_000);
    const a = new KllSketch({ seed: 9 });
    a.addArray(data);
    const b = new KllSketch({ seed: 9 });
    b.addArray(data, 0, 123_457);
    const resumed = KllSketch.fromJSON(JSON.parse(JSON.stringify(b.toJSON())));
    resumed.addArray(data, 123_457);
    expect(resumed.toJSON()).toEqual(a.toJSON());
    const other = new KllSketch({ seed: 10 });
    other.addArray(data);
    expect(other.toJSON()).not.toEqual(a.toJSON());
  });

  it('skips NaN without changing the sketch: the same state as the stream without them, however it is cut', () => {
    const clean = lcgNormals(78, 400_000);
    const withNaN = new Float64Array(clean.length + clean.length / 50);
    for (let i = 0, j = 0; i < clean.length; i++) {
      withNaN[j++] = clean[i];
      if (i % 50 === 7) withNaN[j++] = Number.NaN;
    }
    const a = new KllSketch({ seed: 4 });
    a.addArray(clean);
    const b = new KllSketch({ seed: 4 });
    for (let i = 0; i < withNaN.length; i += 9_999) b.addArray(withNaN, i, Math.min(withNaN.length, i + 9_999));
    expect(a.samplerWeight).toBe(8);
    expect(b.toJSON()).toEqual(a.toJSON());
  });

  it('addFinite, given the extremes, builds the same sketch as addArray', () => {
    const data = lcgUniforms(79, 250_000);
    const checked = new KllSketch({ seed: 5 });
    const trusted = new KllSketch({ seed: 5 });
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < data.length; i += 65_536) {
      const end = Math.min(data.length, i + 65_536);
      checked.addArray(data, i, end);
      for (let j = i; j < end; j++) {
        min = Math.min(min, data[j]);
        max = Math.max(max, data[j]);
      }
      trusted.addFinite(data, i, end, min, max);
    }
    expect(trusted.toJSON()).toEqual(checked.toJSON());
    expect(() => trusted.addFinite(data, 0, 1, Number.NEGATIVE_INFINITY, 1)).toThrow(/finite values only/);
  });

  it('refuses infinities before adding anything', () => {
    const sketch = new KllSketch();
    sketch.addArray([1, 2, 3]);
    expect(() => sketch.addArray([4, Number.POSITIVE_INFINITY, 5])).toThrow(/finite values only/);
    expect(sketch.n).toBe(3);
    expect(sketch.max).toBe(3);
  });

  it('addWeighted places exact counts without error', () => {
    const sketch = new KllSketch();
    sketch.addWeighted([1, 2, 3, 4], [1000, 3000, 5000, 1000]);
    expect(sketch.n).toBe(10_000);
    expect(sketch.quantiles([0.05, 0.1, 0.11, 0.4, 0.41, 0.9, 0.91])).toEqual([1, 1, 2, 2, 3, 3, 4]);
    expect(sketch.rank(2)).toBe(0.4);
    sketch.addArray([0, 5]);
    expect(sketch.min).toBe(0);
    expect(sketch.max).toBe(5);
    expect(() => sketch.addWeighted([1], [1.5])).toThrow(RangeError);
  });

  it('handles empty sketches, single values, all-equal values, NaN and infinities', () => {
    const empty = new KllSketch();
    expect(empty.quantile(0.5)).toBeNaN();
    expect(empty.rank(1)).toBeNaN();
    expect(KllSketch.fromJSON(empty.toJSON()).n).toBe(0);
    const one = new KllSketch();
    one.update(7);
    one.update(Number.NaN);
    expect(one.n).toBe(1);
    expect(one.quantiles([0, 0.5, 1])).toEqual([7, 7, 7]);
    const equal = new KllSketch();
    equal.addArray(new Float64Array(100_000).fill(3));
    expect(equal.quantiles([0.01, 0.5, 0.99])).toEqual([3, 3, 3]);
    expect(() => new KllSketch().addArray([1, Infinity])).toThrow(RangeError);
    expect(() => new KllSketch().update(-Infinity)).toThrow(RangeError);
    expect(() => new KllSketch({ k: 4 })).toThrow(RangeError);
    expect(() => equal.quantile(1.5)).toThrow(RangeError);
    expect(() => equal.merge(new KllSketch({ k: 100 }))).toThrow(RangeError);
    expect(() => equal.cdf([2, 1])).toThrow(RangeError);
  });

  it('rejects inconsistent JSON', () => {
    const sketch = new KllSketch();
    sketch.addArray([1, 2, 3]);
    const json = sketch.toJSON();
    expect(() => KllSketch.fromJSON({ ...json, n: -1 })).toThrow(RangeError);
    expect(() => KllSketch.fromJSON({ ...json, levels: [[1, Number.NaN]] })).toThrow(RangeError);
    expect(() => KllSketch.fromJSON({ ...json, sampler: { weight: 3, position: 0, blocks: 0 } })).toThrow(RangeError);
    expect(() => KllSketch.fromJSON({ ...json, min: null })).toThrow(RangeError);
  });
});
