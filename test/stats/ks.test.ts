import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KS_MAX_EXACT_N, ks2Samp, ks2SampSorted } from '../../shared/stats/ks.js';
import { expectRelClose } from './close.js';
import { lcgIntegers, lcgNormals } from './fixtures/lcg.js';

// Printed by test/stats/fixtures/make_reference.py (SciPy 1.10.1, NumPy 1.24.2, pandas 1.5.3).
const SCIPY_KS_2SAMP = {
  equal8: {"statistic": 0.5, "pvalue": 0.2826728826728826},
  normal30_45: {"statistic": 0.25555555555555554, "pvalue": 0.16965853204209078},
  ties60_80: {"statistic": 0.12083333333333333, "pvalue": 0.6605781910414881},
  normal1000_1500: {"statistic": 0.05633333333333333, "pvalue": 0.04319973688858503},
  normal200_200_far: {"statistic": 0.455, "pvalue": 4.908580954287128e-19},
  normal3000_7000: {"statistic": 0.010714285714285714, "pvalue": 0.9674332064909132},
  asymp12000_11000: {"statistic": 0.01864393939393938, "pvalue": 0.036547029313811485},
  asymp20000_50: {"statistic": 0.17959999999999998, "pvalue": 0.06980121347015977},
  asymp15000_400: {"statistic": 0.09963333333333335, "pvalue": 0.0008014372723441879},
};

const SAMPLES: Record<keyof typeof SCIPY_KS_2SAMP, () => [Float64Array, Float64Array]> = {
  equal8: () => [Float64Array.from([0.1, 0.5, 0.9, 1.3, 2.2, 2.5, 3.0, 4.1]), Float64Array.from([1.0, 1.9, 2.7, 3.3, 3.8, 4.4, 5.0, 6.2])],
  normal30_45: () => [lcgNormals(1, 30), lcgNormals(2, 45, 0.5)],
  ties60_80: () => [lcgIntegers(3, 60, 6), lcgIntegers(4, 80, 7)],
  normal1000_1500: () => [lcgNormals(5, 1000), lcgNormals(6, 1500, 0.1)],
  normal200_200_far: () => [lcgNormals(7, 200), lcgNormals(8, 200, 1.0)],
  normal3000_7000: () => [lcgNormals(9, 3000), lcgNormals(10, 7000, 0.02)],
  asymp12000_11000: () => [lcgNormals(11, 12000), lcgNormals(12, 11000, 0.03)],
  asymp20000_50: () => [lcgNormals(13, 20000), lcgNormals(14, 50, 0.4)],
  asymp15000_400: () => [lcgNormals(15, 15000), lcgNormals(16, 400, 0.05)],
};

describe('ks2Samp matches scipy.stats.ks_2samp(method="auto")', () => {
  for (const [name, expected] of Object.entries(SCIPY_KS_2SAMP)) {
    it(name, () => {
      const [x, y] = SAMPLES[name as keyof typeof SCIPY_KS_2SAMP]();
      const result = ks2Samp(x, y);
      const exact = Math.max(x.length, y.length) <= KS_MAX_EXACT_N;
      expect(result.method).toBe(exact ? 'exact' : 'asymp');
      expectRelClose(result.statistic, expected.statistic, 1e-12, 'statistic');
      expectRelClose(result.pvalue, expected.pvalue, exact ? 1e-10 : 1e-6, 'pvalue');
    });
  }
});

describe('ks2SampSorted', () => {
  it('gives D = 0 and p = 1 for a sample against itself', () => {
    const x = Float64Array.from(lcgNormals(40, 300)).sort();
    const result = ks2SampSorted(x, x);
    expect(result.statistic).toBe(0);
    expect(result.pvalue).toBe(1);
  });

  it('reports where and in which direction the ECDFs differ most', () => {
    const result = ks2SampSorted(Float64Array.from([1, 2, 3]), Float64Array.from([4, 5, 6]));
    expect(result.statistic).toBe(1);
    expect(result.location).toBe(3);
    expect(result.sign).toBe(1);
    const reversed = ks2SampSorted(Float64Array.from([4, 5, 6]), Float64Array.from([1, 2, 3]));
    expect(reversed.sign).toBe(-1);
    expect(reversed.statistic).toBe(1);
  });

  it('is symmetric in its samples and invariant to a common shift and scale', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: -1000, max: 1000 }),
        (a, b, shift) => {
          const x = Float64Array.from(a).sort();
          const y = Float64Array.from(b).sort();
          const r1 = ks2SampSorted(x, y);
          const r2 = ks2SampSorted(y, x);
          expect(r2.statistic).toBe(r1.statistic);
          expect(r2.pvalue).toBeCloseTo(r1.pvalue, 12);
          const moved = ks2SampSorted(x.map((v) => 4 * v + shift), y.map((v) => 4 * v + shift));
          expect(moved.statistic).toBe(r1.statistic);
          expect(moved.pvalue).toBe(r1.pvalue);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('accepts infinities and all-equal samples', () => {
    const r = ks2SampSorted(Float64Array.from([-Infinity, 0, Infinity]), Float64Array.from([-Infinity, 0, Infinity]));
    expect(r.statistic).toBe(0);
    const equal = ks2SampSorted(new Float64Array(5).fill(2), new Float64Array(7).fill(2));
    expect(equal.statistic).toBe(0);
    expect(equal.pvalue).toBe(1);
    const one = ks2SampSorted(Float64Array.of(1), Float64Array.of(2));
    expect(one.statistic).toBe(1);
    expect(one.pvalue).toBe(1);
  });

  it('rejects empty, unsorted and NaN input', () => {
    expect(() => ks2SampSorted(new Float64Array(0), Float64Array.of(1))).toThrow(RangeError);
    expect(() => ks2SampSorted(Float64Array.of(2, 1), Float64Array.of(1))).toThrow(/not sorted/);
    expect(() => ks2SampSorted(Float64Array.of(Number.NaN), Float64Array.of(1))).toThrow(/NaN/);
    expect(() => ks2Samp([1, Number.NaN], [1])).toThrow(/NaN/);
  });

  it('honours an explicit method', () => {
    const [x, y] = SAMPLES.normal30_45();
    const asymp = ks2Samp(x, y, 'asymp');
    expect(asymp.method).toBe('asymp');
    expect(asymp.pvalue).not.toBe(SCIPY_KS_2SAMP.normal30_45.pvalue);
    expect(asymp.pvalue).toBeGreaterThan(0.1);
  });
});
