import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wasserstein, wassersteinSorted, wassersteinWeighted } from '../../shared/stats/wasserstein.js';
import { expectRelClose } from './close.js';
import { lcgNormals } from './fixtures/lcg.js';

// Printed by test/stats/fixtures/make_reference.py (SciPy 1.10.1, NumPy 1.24.2, pandas 1.5.3).
const SCIPY = {
  wasserstein: {"small": 5.0, "ties": 0.8333333333333333, "normals": 0.24387337007064902, "weighted": 4.0, "binned": 1.0},
};

describe('wasserstein = scipy.stats.wasserstein_distance', () => {
  it('on small samples, with ties, and on LCG normals', () => {
    expectRelClose(wasserstein([0, 1, 3], [5, 6, 8]), SCIPY.wasserstein.small, 1e-15);
    expectRelClose(wasserstein([0, 0, 1, 2, 2, 2], [1, 1, 3]), SCIPY.wasserstein.ties, 1e-15);
    expectRelClose(wasserstein(lcgNormals(21, 500), lcgNormals(22, 700, 0.3, 1.2)), SCIPY.wasserstein.normals, 1e-12);
  });

  it('with weights and on binned data', () => {
    expectRelClose(wassersteinWeighted([0, 1, 3], [1, 2, 3], [5, 6, 8], [3, 2, 1]), SCIPY.wasserstein.weighted, 1e-15);
    const centers = [0.5, 1.5, 2.5, 3.5];
    expectRelClose(wassersteinWeighted(centers, [10, 20, 30, 40], centers, [40, 30, 20, 10]), SCIPY.wasserstein.binned, 1e-15);
  });

  it('equals the mean shift for shifted samples and is symmetric', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: -50, max: 50 }), (a, shift) => {
        const x = Float64Array.from(a).sort();
        const y = x.map((v) => v + shift);
        expect(wassersteinSorted(x, y)).toBeCloseTo(Math.abs(shift), 9);
        expect(wassersteinSorted(y, x)).toBeCloseTo(Math.abs(shift), 9);
        expect(wassersteinSorted(x, x)).toBe(0);
      }),
    );
  });

  it('weighted with unit weights equals unweighted', () => {
    const u = lcgNormals(23, 40);
    const v = lcgNormals(24, 55, 1);
    expect(wassersteinWeighted(u, new Float64Array(40).fill(1), v, new Float64Array(55).fill(1))).toBeCloseTo(wasserstein(u, v), 12);
  });

  it('rejects empty, unsorted, NaN and infinite input', () => {
    expect(() => wasserstein([], [1])).toThrow(RangeError);
    expect(() => wassersteinSorted(Float64Array.of(2, 1), Float64Array.of(1))).toThrow(/sorted/);
    expect(() => wasserstein([Number.NaN], [1])).toThrow(/NaN/);
    expect(() => wasserstein([Infinity], [1])).toThrow(/finite/);
    expect(() => wassersteinWeighted([1], [0], [1], [1])).toThrow(/positive total/);
  });
});
