import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BucketCounts, binIndex, decileEdges, edgesFromSketch, quantileSorted } from '../../shared/stats/buckets.js';
import { KllSketch } from '../../shared/stats/kll.js';
import { expectRelClose } from './close.js';
import { lcgIntegers, lcgNormals } from './fixtures/lcg.js';

// Printed by test/stats/fixtures/make_reference.py (SciPy 1.10.1, NumPy 1.24.2, pandas 1.5.3).
const SCIPY = {
  digitize: {"edges": [0.0, 1.0, 2.5], "values": [-Infinity, -1.0, 0.0, 0.5, 1.0, 1.0000001, 2.5, 2.6, Infinity], "bins": [0, 0, 0, 1, 1, 2, 2, 3, 3], "cut": [null, 0, 0, 1, 1, 2, 2, 3, 3]},
};
const NUMPY_QUANTILE = {
  quantile: {"normal101": [-1.1501484760083258, -0.941549124661833, -0.654617486987263, -0.37761478358879685, -0.13015036145225167, 0.27249873196706176, 0.44778547203168273, 0.809683897998184, 1.0862391195259988], "ties57": [0.0, 0.20000000000000107, 1.0, 2.0, 3.0]},
};

describe('binIndex = numpy.digitize(x, edges, right=True)', () => {
  it('puts x in (e_{i-1}, e_i]; -inf in the first bin, +inf in the last', () => {
    const { edges, values, bins, cut } = SCIPY.digitize;
    values.forEach((x, i) => expect(binIndex(edges, x), `x=${x}`).toBe(bins[i]));
    // pandas.cut agrees everywhere except -inf, which its open interval (-inf, e1] leaves out.
    values.forEach((x, i) => {
      if (cut[i] !== null) expect(binIndex(edges, x)).toBe(cut[i]);
    });
  });
});

describe('BucketCounts', () => {
  it('counts values per bin, skipping NaN', () => {
    const buckets = new BucketCounts([0, 1, 2.5]);
    buckets.addArray([-Infinity, -1, 0, 0.5, 1, 1.0000001, 2.5, 2.6, Infinity, Number.NaN]);
    buckets.add(Number.NaN);
    buckets.add(0.2);
    expect(Array.from(buckets.counts)).toEqual([3, 3, 2, 2]);
    expect(buckets.total).toBe(10);
  });

  it('merges shards exactly (== counting the whole)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { maxLength: 200 }), fc.nat(200), (values, cut) => {
        const edges = [-5, -1, 0, 0.5, 3];
        const whole = new BucketCounts(edges);
        whole.addArray(values);
        const left = new BucketCounts(edges);
        const right = new BucketCounts(edges);
        const at = Math.min(cut, values.length);
        left.addArray(values, 0, at);
        right.addArray(values, at);
        expect(Array.from(left.merge(right).counts)).toEqual(Array.from(whole.counts));
      }),
    );
  });

  it('bulk counting agrees with binIndex value by value, at and next to every edge', () => {
    const nextUp = (x: number): number => x + Math.max(Number.MIN_VALUE, Math.abs(x) * Number.EPSILON);
    const nextDown = (x: number): number => x - Math.max(Number.MIN_VALUE, Math.abs(x) * Number.EPSILON);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 0, maxLength: 12 }),
        fc.array(fc.double({ noNaN: true }), { maxLength: 100 }),
        (rawEdges, extra) => {
          const edges = [...new Set(rawEdges.map((e) => (e === 0 ? 0 : e)))].sort((a, b) => a - b);
          const values = [...extra, ...edges.flatMap((e) => [e, nextUp(e), nextDown(e)])];
          const buckets = new BucketCounts(edges);
          buckets.addArray(values);
          const expected = new Array<number>(edges.length + 1).fill(0);
          for (const v of values) expected[binIndex(edges, v)]++;
          expect(Array.from(buckets.counts)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
    const clustered = new BucketCounts([1e15, 1e15 + 0.25, 1e15 + 0.5]);
    clustered.addArray([1e15, 1e15 + 0.125, 1e15 + 0.25, 1e15 + 0.375, 1e15 + 0.5, 1e16]);
    expect(Array.from(clustered.counts)).toEqual([1, 2, 2, 1]);
  });

  it('round-trips through JSON and refuses different edges', () => {
    const buckets = new BucketCounts([1, 2]);
    buckets.addArray([0, 1.5, 1.5, 9]);
    const restored = BucketCounts.fromJSON(JSON.parse(JSON.stringify(buckets)));
    expect(Array.from(restored.counts)).toEqual([1, 2, 1]);
    expect(() => buckets.merge(new BucketCounts([1, 3]))).toThrow(RangeError);
    expect(() => BucketCounts.fromJSON({ edges: [1, 2], counts: [1, 2] })).toThrow(RangeError);
    expect(() => BucketCounts.fromJSON({ edges: [1, 2], counts: [1, 2, -1] })).toThrow(RangeError);
  });

  it('rejects unsorted, repeated or infinite edges; no edges means one bin', () => {
    expect(() => new BucketCounts([2, 1])).toThrow(RangeError);
    expect(() => new BucketCounts([1, 1])).toThrow(RangeError);
    expect(() => new BucketCounts([Infinity])).toThrow(RangeError);
    const single = new BucketCounts([]);
    single.addArray([1, 2, 3]);
    expect(Array.from(single.counts)).toEqual([3]);
  });
});

describe('decile edges', () => {
  it('= numpy.quantile(x, [.1, ..., .9]) (linear), deduplicated', () => {
    const sorted = Float64Array.from(lcgNormals(31, 101)).sort();
    decileEdges(sorted).forEach((edge, i) => expectRelClose(edge, NUMPY_QUANTILE.quantile.normal101[i], 1e-15, `decile ${i + 1}`));
    const ties = Float64Array.from(lcgIntegers(32, 57, 4)).sort();
    const edges = decileEdges(ties);
    expect(edges.length).toBe(NUMPY_QUANTILE.quantile.ties57.length);
    edges.forEach((edge, i) => expect(edge).toBeCloseTo(NUMPY_QUANTILE.quantile.ties57[i], 14));
  });

  it('quantileSorted handles one value and the ends', () => {
    expect(quantileSorted([7], 0.3)).toBe(7);
    expect(quantileSorted([1, 2, 3], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3], 1)).toBe(3);
    expect(() => quantileSorted([], 0.5)).toThrow(RangeError);
  });

  it('edgesFromSketch reads deduplicated deciles from a KLL sketch', () => {
    const sketch = new KllSketch();
    sketch.addArray(Float64Array.from({ length: 1000 }, (_, i) => i));
    const edges = edgesFromSketch(sketch);
    expect(edges.length).toBe(9);
    edges.forEach((edge, i) => expect(Math.abs(edge - 100 * (i + 1))).toBeLessThanOrEqual(20));
    const constant = new KllSketch();
    constant.addArray([5, 5, 5]);
    expect(edgesFromSketch(constant)).toEqual([5]);
    expect(edgesFromSketch(new KllSketch())).toEqual([]);
  });
});
