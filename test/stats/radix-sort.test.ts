import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { radixSortFloat64, sortedWithoutNaN } from '../../shared/stats/radix-sort.js';
import { lcgNormals } from './fixtures/lcg.js';

function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

describe('radixSortFloat64', () => {
  it('sorts like Float64Array.prototype.sort, including -0, infinities and NaN last', () => {
    const n = 5000;
    const values = new Float64Array(n);
    const normals = lcgNormals(60, n, 0, 1e3);
    for (let i = 0; i < n; i++) values[i] = normals[i];
    values[3] = -0;
    values[4] = 0;
    values[5] = Infinity;
    values[6] = -Infinity;
    values[7] = Number.NaN;
    values[8] = -Number.NaN;
    values[9] = Number.MIN_VALUE;
    values[10] = -Number.MAX_VALUE;
    const expected = values.slice().sort();
    const sorted = radixSortFloat64(values.slice());
    expect(sameBits(sorted, expected)).toBe(true);
    expect(Number.isNaN(sorted[n - 1]) && Number.isNaN(sorted[n - 2])).toBe(true);
  });

  it('agrees with the native sort on arbitrary doubles (both the small and radix paths)', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { maxLength: 1500 }), (values) => {
        const input = Float64Array.from(values);
        expect(sameBits(radixSortFloat64(input.slice()), input.slice().sort())).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('skips constant digits and handles all-equal arrays', () => {
    const same = new Float64Array(1000).fill(42);
    expect(Array.from(radixSortFloat64(same)).every((v) => v === 42)).toBe(true);
    const ints = Float64Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    expect(Array.from(radixSortFloat64(ints))).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('uses a provided scratch buffer and checks its size', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => 1000 - i);
    radixSortFloat64(values, new Float64Array(1000));
    expect(values[0]).toBe(1);
    expect(() => radixSortFloat64(new Float64Array(1000), new Float64Array(10))).toThrow(RangeError);
  });

  it('sorts a subarray view in place without touching its neighbours', () => {
    const buffer = Float64Array.from({ length: 1200 }, (_, i) => 1200 - i);
    const view = buffer.subarray(100, 1100);
    radixSortFloat64(view);
    expect(buffer[0]).toBe(1200);
    expect(buffer[1199]).toBe(1);
    expect(view[0]).toBe(101);
    expect(view[999]).toBe(1100);
  });

  it('sortedWithoutNaN drops NaN and copies', () => {
    const input = [3, Number.NaN, 1, 2];
    expect(Array.from(sortedWithoutNaN(input))).toEqual([1, 2, 3]);
    expect(input).toHaveLength(4);
  });
});
