import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chi2Contingency2xK, mergeSparseCells } from '../../shared/stats/chi-square.js';
import { expectRelClose } from './close.js';

// Printed by test/stats/fixtures/make_reference.py (SciPy 1.10.1, NumPy 1.24.2, pandas 1.5.3).
const SCIPY = {
  chi2_contingency: {"simple": {"statistic": 3.5555555555555554, "pvalue": 0.16901331540606607, "dof": 2}, "zeroColumn": {"statistic": 3.904797156057356, "pvalue": 0.1419332250612614, "dof": 2}, "big": {"statistic": 22.187821787122164, "pvalue": 5.9616696219563846e-05, "dof": 3}, "strong": {"statistic": 200.0, "pvalue": 3.7200759760208177e-44, "dof": 2}},
};

const TABLES: Record<keyof typeof SCIPY.chi2_contingency, [number[], number[]]> = {
  simple: [[10, 20, 30], [15, 25, 20]],
  zeroColumn: [[12, 0, 40, 7], [9, 0, 55, 3]],
  big: [[5000, 3000, 1500, 500], [4800, 3300, 1400, 520]],
  strong: [[100, 0, 5], [0, 100, 5]],
};

describe('chi2Contingency2xK = scipy.stats.chi2_contingency(correction=False)', () => {
  for (const [name, expected] of Object.entries(SCIPY.chi2_contingency)) {
    it(name, () => {
      const [a, b] = TABLES[name as keyof typeof TABLES];
      const result = chi2Contingency2xK(a, b);
      expect(result.dof).toBe(expected.dof);
      expectRelClose(result.statistic, expected.statistic, 1e-12, 'statistic');
      expectRelClose(result.pvalue, expected.pvalue, 1e-11, 'pvalue');
    });
  }

  it('drops columns that are zero on both sides and reports the kept ones', () => {
    expect(chi2Contingency2xK([12, 0, 40, 7], [9, 0, 55, 3]).columns).toEqual([0, 2, 3]);
  });

  it('returns statistic 0, p 1, dof 0 for a single category', () => {
    expect(chi2Contingency2xK([5, 0], [7, 0])).toEqual({ statistic: 0, pvalue: 1, dof: 0, columns: [0] });
  });

  it('is zero for proportional rows and symmetric in its rows', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 2, maxLength: 12 }), fc.integer({ min: 1, max: 5 }), (row, factor) => {
        const scaled = row.map((c) => c * factor);
        expect(chi2Contingency2xK(row, scaled).statistic).toBeCloseTo(0, 9);
        const shuffled = [...row].reverse();
        const ab = chi2Contingency2xK(row, shuffled);
        const ba = chi2Contingency2xK(shuffled, row);
        expect(ba.statistic).toBeCloseTo(ab.statistic, 9);
      }),
      { numRuns: 100 },
    );
  });

  it('rejects an empty row, unequal lengths and negative counts', () => {
    expect(() => chi2Contingency2xK([0, 0], [1, 2])).toThrow(RangeError);
    expect(() => chi2Contingency2xK([1, 2], [1])).toThrow(RangeError);
    expect(() => chi2Contingency2xK([1, -2], [1, 2])).toThrow(RangeError);
  });
});

describe('mergeSparseCells', () => {
  it('moves columns with expected count < 5 into a trailing OTHER cell', () => {
    const merged = mergeSparseCells([50, 40, 4, 3, 0], [60, 45, 3, 4, 0]);
    expect(merged.groups).toEqual([[0], [1], [2, 3]]);
    expect(merged.countsA).toEqual([50, 40, 7]);
    expect(merged.countsB).toEqual([60, 45, 7]);
    expect(merged.hasOther).toBe(true);
  });

  it('grows OTHER with the smallest column until it is not sparse', () => {
    const merged = mergeSparseCells([100, 100, 8, 1], [100, 100, 6, 1]);
    // Column 3 alone has expected ~1; column 2 (total 14, expected ~7) joins to make OTHER dense enough.
    expect(merged.groups).toEqual([[0], [1], [2, 3]]);
    const sparse = mergeSparseCells([100, 3, 1], [100, 1, 0]);
    expect(sparse.groups).toEqual([[0], [1, 2]]);
  });

  it('leaves dense tables alone and keeps totals', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(40), fc.nat(40)), { minLength: 1, maxLength: 15 }), (cells) => {
        const a = cells.map((c) => c[0]);
        const b = cells.map((c) => c[1]);
        const merged = mergeSparseCells(a, b);
        expect(merged.countsA.reduce((s, c) => s + c, 0)).toBe(a.reduce((s, c) => s + c, 0));
        expect(merged.countsB.reduce((s, c) => s + c, 0)).toBe(b.reduce((s, c) => s + c, 0));
        expect(merged.groups.flat().sort((x, y) => x - y)).toEqual(a.map((_, i) => i).filter((i) => a[i] + b[i] > 0));
      }),
      { numRuns: 200 },
    );
    expect(mergeSparseCells([50, 60], [55, 70]).hasOther).toBe(false);
  });
});
