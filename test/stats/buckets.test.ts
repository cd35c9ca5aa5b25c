import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BucketCounts, DECILE_RANKS, binIndex, decileEdges, edgesFromSketch, quantilePosition, quantileSorted } from '../../shared/stats/buckets.js';
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

  it('quantilePosition reads the ranks numpy.quantile reads, from its virtual index n q + (1 - q) - 1', () => {
    // Printed by test/stats/fixtures/make_decile_reference.py (NumPy 1.24.2: _compute_virtual_index, _get_indexes);
    // [below, above, virtual index] per decile. At 10001, 20011 and 25461 some floors differ from floor((n - 1) q).
    const NUMPY_RANKS: Record<string, Array<[number, number, number]>> = {"10": [[0, 1, 0.8999999999999999], [1, 2, 1.7999999999999998], [2, 3, 2.7], [3, 4, 3.5999999999999996], [4, 5, 4.5], [5, 6, 5.4], [6, 7, 6.3], [7, 8, 7.199999999999999], [8, 9, 8.1]], "10001": [[1000, 1001, 1000.0], [2000, 2001, 2000.0], [2999, 3000, 2999.9999999999995], [4000, 4001, 4000.0], [5000, 5001, 5000.0], [5999, 6000, 5999.999999999999], [7000, 7001, 7000.0], [8000, 8001, 8000.0], [9000, 9001, 9000.0]], "10006": [[1000, 1001, 1000.5], [2001, 2002, 2001.0], [3001, 3002, 3001.4999999999995], [4002, 4003, 4002.0], [5002, 5003, 5002.5], [6002, 6003, 6002.999999999999], [7003, 7004, 7003.5], [8004, 8005, 8004.0], [9004, 9005, 9004.5]], "20011": [[2001, 2002, 2001.0000000000002], [4002, 4003, 4002.0000000000005], [6003, 6004, 6003.0], [8004, 8005, 8004.000000000001], [10005, 10006, 10005.0], [12006, 12007, 12006.0], [14006, 14007, 14006.999999999998], [16008, 16009, 16008.000000000002], [18009, 18010, 18009.0]], "25461": [[2546, 2547, 2546.0000000000005], [5092, 5093, 5092.000000000001], [7637, 7638, 7637.999999999999], [10184, 10185, 10184.000000000002], [12730, 12731, 12730.0], [15275, 15276, 15275.999999999998], [17821, 17822, 17821.999999999996], [20368, 20369, 20368.000000000004], [22914, 22915, 22914.0]], "1000003": [[100000, 100001, 100000.2], [200000, 200001, 200000.4], [300000, 300001, 300000.6], [400000, 400001, 400000.8], [500001, 500002, 500001.0], [600001, 600002, 600001.2], [700001, 700002, 700001.4], [800001, 800002, 800001.6], [900001, 900002, 900001.8]]};
    for (const [size, expected] of Object.entries(NUMPY_RANKS)) {
      const n = Number(size);
      DECILE_RANKS.forEach((q, i) => {
        const [below, above, virtual] = expected[i];
        expect(quantilePosition(n, q), `n = ${n}, q = ${q}`).toEqual({ below, above, gamma: virtual - below });
      });
    }
    expect(quantilePosition(5, 1)).toEqual({ below: 4, above: 4, gamma: 0 });
    expect(() => quantilePosition(0, 0.5)).toThrow(/empty sample/);
    expect(() => quantilePosition(2.5, 0.5)).toThrow(/positive integer, got 2\.5/);
    expect(() => quantilePosition(10, Number.NaN)).toThrow(/in \[0, 1\], got NaN/);
  });

  it('quantileSorted refuses an array-like that lacks a rank it reads', () => {
    const sparse: { length: number; [index: number]: number } = { length: 10, 4: 1, 5: 2 };
    expect(quantileSorted(sparse, 0.5)).toBe(1.5);
    expect(() => quantileSorted(sparse, 0.6)).toThrow(/quantile 0\.6 of 10 values reads ranks 5 and 6, but 6 is missing/);
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
