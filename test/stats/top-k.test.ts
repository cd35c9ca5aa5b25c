import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TopK } from '../../shared/stats/top-k.js';
import type { TopKValue } from '../../shared/stats/top-k.js';

function exactCounts(values: TopKValue[]): Map<TopKValue, number> {
  const counts = new Map<TopKValue, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

describe('TopK', () => {
  it('is exact with at most `capacity` distinct values, most frequent first, ties by value', () => {
    const topK = new TopK(3);
    for (const v of ['b', 'a', 'b', 'c', 'a', 'b']) topK.add(v);
    expect(topK.items()).toEqual([
      { value: 'b', count: 3 },
      { value: 'a', count: 2 },
      { value: 'c', count: 1 },
    ]);
    expect(topK.exact).toBe(true);
    expect(topK.total).toBe(6);
    expect(topK.maxError).toBe(0);
  });

  it('keeps every true count within [count, count + maxError] beyond capacity', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 600 }), fc.integer({ min: 1, max: 20 }), (values, capacity) => {
        const topK = new TopK(capacity);
        for (const v of values) topK.add(v);
        const items = topK.items();
        expect(items.length).toBeLessThanOrEqual(capacity);
        for (const [value, truth] of exactCounts(values)) {
          expect(topK.lowerBound(value)).toBeLessThanOrEqual(truth);
          expect(topK.upperBound(value)).toBeGreaterThanOrEqual(truth);
        }
        expect(topK.total).toBe(values.length);
      }),
      { numRuns: 200 },
    );
  });

  it('finds a heavy hitter in a long tail', () => {
    const topK = new TopK(10);
    for (let i = 0; i < 10_000; i++) topK.add(i % 3 === 0 ? 'heavy' : `tail-${i}`);
    expect(topK.items()[0].value).toBe('heavy');
    expect(topK.lowerBound('heavy')).toBeLessThanOrEqual(3334);
    expect(topK.upperBound('heavy')).toBeGreaterThanOrEqual(3334);
  });

  it('merging shards is exact under capacity and bounded above it, independent of order', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom('x', 'y', 'z', 1, 2, true), { maxLength: 50 }), { minLength: 1, maxLength: 4 }), (shards) => {
        const forward = new TopK(10);
        const backward = new TopK(10);
        for (const shard of shards) {
          const part = new TopK(10);
          for (const v of shard) part.add(v);
          forward.merge(TopK.fromJSON(JSON.parse(JSON.stringify(part))));
        }
        for (const shard of [...shards].reverse()) {
          const part = new TopK(10);
          for (const v of shard) part.add(v);
          backward.merge(part);
        }
        const truth = exactCounts(shards.flat());
        expect(forward.exact).toBe(true);
        expect(forward.items()).toEqual(backward.items());
        for (const [value, count] of truth) expect(forward.lowerBound(value)).toBe(count);
      }),
      { numRuns: 100 },
    );
    const a = TopK.fromCounts([['p', 5], ['q', 4], ['r', 1]], 2);
    const b = TopK.fromCounts([['r', 9], ['p', 1]], 2);
    const merged = a.merge(b);
    // a drops r (1); the merge (p 6, q 4, r 9) drops q (4).
    expect(merged.maxError).toBe(1 + 4);
    for (const [value, truth] of [['p', 6], ['q', 4], ['r', 10]] as const) {
      expect(merged.lowerBound(value)).toBeLessThanOrEqual(truth);
      expect(merged.upperBound(value)).toBeGreaterThanOrEqual(truth);
    }
  });

  it('fromCounts keeps the largest counts exactly; maxError is the largest left out', () => {
    const topK = TopK.fromCounts([['a', 10], ['b', 7], ['c', 7], ['d', 2], ['e', 0]], 2);
    expect(topK.items()).toEqual([
      { value: 'a', count: 10 },
      { value: 'b', count: 7 },
    ]);
    expect(topK.maxError).toBe(7);
    expect(topK.total).toBe(26);
  });

  it('distinguishes types, folds -0 into 0, and rejects bad values', () => {
    const topK = new TopK();
    topK.add('1');
    topK.add(1);
    topK.add(-0);
    topK.add(true, 3);
    expect(topK.items()).toEqual([
      { value: true, count: 3 },
      { value: 0, count: 1 },
      { value: 1, count: 1 },
      { value: '1', count: 1 },
    ]);
    expect(() => topK.add(Number.NaN)).toThrow(RangeError);
    expect(() => topK.add(Infinity)).toThrow(RangeError);
    expect(() => topK.add(null as unknown as string)).toThrow(TypeError);
    expect(() => topK.add('x', 1.5)).toThrow(RangeError);
    expect(() => new TopK(0)).toThrow(RangeError);
  });

  it('validates JSON', () => {
    expect(() => TopK.fromJSON({ capacity: 1, total: 5, maxError: 0, items: [{ value: 'a', count: 3 }, { value: 'b', count: 2 }] })).toThrow(RangeError);
    expect(() => TopK.fromJSON({ capacity: 5, total: 1, maxError: 0, items: [{ value: 'a', count: 3 }] })).toThrow(RangeError);
    expect(() => TopK.fromJSON({ capacity: 5, total: 6, maxError: 0, items: [{ value: 'a', count: 3 }, { value: 'a', count: 3 }] })).toThrow(RangeError);
    const ok = TopK.fromJSON({ capacity: 5, total: 9, maxError: 2, items: [{ value: 'a', count: 3 }] });
    expect(ok.upperBound('zzz')).toBe(2);
  });
});
