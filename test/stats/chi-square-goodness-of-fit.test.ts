// Reference values: scipy.stats.chisquare, printed by test/drift/fixtures/make_reference.py.
import { describe, expect, it } from 'vitest';
import { chiSquareGoodnessOfFit } from '../../shared/stats/chi-square-goodness-of-fit.js';

describe('chiSquareGoodnessOfFit (scipy.stats.chisquare)', () => {
  it('matches SciPy', () => {
    const first = chiSquareGoodnessOfFit([16, 18, 16, 14, 12, 12], [16, 16, 16, 16, 16, 8]);
    expect(first.statistic).toBeCloseTo(3.5, 12);
    expect(first.dof).toBe(5);
    expect(first.pvalue).toBeCloseTo(0.6233876277495822, 12);
    const second = chiSquareGoodnessOfFit([10, 20, 30], [20, 20, 20]);
    expect(second.statistic).toBeCloseTo(10, 12);
    expect(second.pvalue).toBeCloseTo(0.006737946999085468, 14);
  });

  it('gives an infinite statistic and p = 0 when a cell with observations expects none (as SciPy)', () => {
    expect(chiSquareGoodnessOfFit([5, 5], [10, 0])).toEqual({ statistic: Number.POSITIVE_INFINITY, pvalue: 0, dof: 1 });
  });

  it('refuses totals that differ, lengths that differ, and negative counts', () => {
    expect(() => chiSquareGoodnessOfFit([1, 2], [1, 1])).toThrow(/totals differ/);
    expect(() => chiSquareGoodnessOfFit([1, 2], [3])).toThrow(/2 cells but expected has 1/);
    expect(() => chiSquareGoodnessOfFit([-1, 2], [0.5, 0.5])).toThrow(RangeError);
  });
});
