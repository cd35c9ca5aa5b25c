import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Moments } from '../../shared/stats/moments.js';
import { expectRelClose } from './close.js';
import { lcgNormals } from './fixtures/lcg.js';

/** The one-pass textbook formula sum(x^2) - (sum x)^2 / n, which cancels catastrophically. */
function textbookM2(values: number[]): number {
  const sum = values.reduce((s, v) => s + v, 0);
  return values.reduce((s, v) => s + v * v, 0) - (sum * sum) / values.length;
}

describe('Moments', () => {
  it('computes count, mean, sample and population variance, min, max, sum', () => {
    const m = Moments.of([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(m.count).toBe(8);
    expect(m.mean).toBe(5);
    expect(m.sum).toBe(40);
    expect(m.min).toBe(2);
    expect(m.max).toBe(9);
    expect(m.populationVariance()).toBe(4);
    expect(m.variance()).toBeCloseTo(32 / 7, 14);
    expect(m.std()).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(m.populationStd()).toBe(2);
  });

  it('single-value add agrees with addArray', () => {
    const values = lcgNormals(50, 1000, 3, 2);
    const a = new Moments();
    for (const v of values) a.add(v);
    const b = Moments.of(values);
    expectRelClose(a.mean, b.mean, 1e-13);
    expectRelClose(a.m2, b.m2, 1e-12);
    expect(a.min).toBe(b.min);
  });

  it('merging shards equals one pass over the whole (1e-9 relative)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 300 }),
        fc.array(fc.nat(300), { maxLength: 5 }),
        (values, cuts) => {
          const whole = Moments.of(values);
          const points = [0, ...cuts.map((c) => Math.min(c, values.length)).sort((a, b) => a - b), values.length];
          const merged = new Moments();
          for (let i = 0; i + 1 < points.length; i++) {
            const shard = new Moments();
            shard.addArray(values, points[i], points[i + 1]);
            merged.merge(Moments.fromJSON(JSON.parse(JSON.stringify(shard))));
          }
          expect(merged.count).toBe(whole.count);
          expect(merged.min).toBe(whole.min);
          expect(merged.max).toBe(whole.max);
          const scale = Math.max(1, Math.abs(whole.mean), Math.sqrt(whole.m2 / whole.count));
          expect(Math.abs(merged.mean - whole.mean) / scale).toBeLessThan(1e-9);
          expect(Math.abs(merged.m2 - whole.m2)).toBeLessThanOrEqual(1e-9 * Math.max(whole.m2, 1e-300) + 1e-9 * scale * scale);
          expect(Math.abs(merged.sum - whole.sum)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(whole.sum)) + 1e-6);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('stays accurate with a large offset (catastrophic cancellation guard)', () => {
    const values = [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16];
    const m = Moments.of(values);
    expect(m.variance()).toBe(30);
    expect(m.m2).toBe(90);
    expect(textbookM2(values)).not.toBe(90);
  });

  it('handles empty, single, all-equal input and NaN', () => {
    const empty = new Moments();
    expect(empty.count).toBe(0);
    expect(empty.variance()).toBeNaN();
    expect(empty.populationVariance()).toBeNaN();
    expect(empty.toJSON()).toEqual({ count: 0, mean: 0, m2: 0, sum: 0, min: null, max: null });
    const one = Moments.of([3]);
    expect(one.variance()).toBeNaN();
    expect(one.populationVariance()).toBe(0);
    const equal = Moments.of([2.5, 2.5, 2.5, Number.NaN]);
    expect(equal.count).toBe(3);
    expect(equal.variance()).toBe(0);
    expect(Moments.fromJSON(empty.toJSON()).count).toBe(0);
  });

  it('skips infinities (they have no mean) and reports how many', () => {
    const m = new Moments();
    expect(m.addArray([1, Infinity, 3, -Infinity, Number.NaN, Infinity])).toBe(3);
    expect([m.count, m.mean, m.min, m.max]).toEqual([2, 2, 1, 3]);
    expect(m.add(-Infinity)).toBe(1);
    expect(m.add(Number.NaN)).toBe(0);
    expect(m.add(5)).toBe(0);
    expect(m.count).toBe(3);
    expect(new Moments().addArray([Infinity])).toBe(1);
    expect(() => Moments.fromJSON({ count: -1, mean: 0, m2: 0, sum: 0, min: null, max: null })).toThrow(RangeError);
  });
});
