import { describe, expect, it } from 'vitest';
import { ExactNumberCounter } from '../../shared/profile/exact-number-counter.js';

describe('ExactNumberCounter', () => {
  it('lists distinct values ascending with their counts, -0 and +0 as one, NaN skipped', () => {
    const counter = new ExactNumberCounter(100);
    const values = Float64Array.from([3, -1.5, 0, Number.NaN, 3, -0, 1e300, -1.5, 3, -7]);
    expect(counter.addArray(values, 0, values.length)).toBe(values.length);
    const { values: distinct, counts } = counter.entries();
    expect(Array.from(distinct)).toEqual([-7, -1.5, 0, 3, 1e300]);
    expect(Array.from(counts)).toEqual([1, 2, 2, 3, 1]);
    expect(Object.is(distinct[2], 0)).toBe(true);
    expect(counter.countOf(3)).toBe(3);
    expect(counter.countOf(-0)).toBe(2);
    expect(counter.countOf(42)).toBe(0);
  });

  it('agrees with a Map on many values and stops at the first value over the threshold', () => {
    const values = new Float64Array(20_000);
    let state = 7;
    for (let i = 0; i < values.length; i++) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      values[i] = (state % 3000) / 8 - 100;
    }
    const counter = new ExactNumberCounter(5000);
    expect(counter.addArray(values, 0, values.length)).toBe(values.length);
    const reference = new Map<number, number>();
    for (const x of values) reference.set(x, (reference.get(x) ?? 0) + 1);
    const expected = [...reference.entries()].sort((a, b) => a[0] - b[0]);
    const { values: distinct, counts } = counter.entries();
    expect(Array.from(distinct)).toEqual(expected.map(([x]) => x));
    expect(Array.from(counts)).toEqual(expected.map(([, c]) => c));

    const small = new ExactNumberCounter(10);
    const stop = small.addArray(values, 0, values.length);
    expect(new Set(Array.from(values.subarray(0, stop))).size).toBe(10);
    expect(new Set(Array.from(values.subarray(0, stop + 1))).size).toBe(11);
    expect(small.size).toBe(10);
  });
});
