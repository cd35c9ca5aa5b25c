import { describe, expect, it } from 'vitest';
import { twoProportionZTest } from '../../shared/stats/z-test.js';
import { expectRelClose } from './close.js';

// Pooled two-proportion z with p = 2 * scipy.stats.norm.sf(|z|):
// Printed by test/stats/fixtures/make_reference.py (SciPy 1.10.1, NumPy 1.24.2, pandas 1.5.3).
const SCIPY = {
  ztest: {"a": {"statistic": -1.1685534824642432, "pvalue": 0.24258357934832098}, "b": {"statistic": -2.1215590323777884, "pvalue": 0.03387478573215832}, "tail": {"statistic": 35.77708763999664, "pvalue": 2.509158096763144e-280}},
};

describe('twoProportionZTest', () => {
  it.each([
    ['a', 30, 100, 45, 120],
    ['b', 5000, 10000, 5150, 10000],
    ['tail', 900, 1000, 100, 1000],
  ] as const)('case %s matches the reference', (name, x1, n1, x2, n2) => {
    const result = twoProportionZTest(x1, n1, x2, n2);
    expectRelClose(result.statistic, SCIPY.ztest[name].statistic, 1e-13, 'z');
    expectRelClose(result.pvalue, SCIPY.ztest[name].pvalue, 1e-12, 'p');
  });

  it('keeps far-tail p-values above zero', () => {
    expect(twoProportionZTest(900, 1000, 100, 1000).pvalue).toBeGreaterThan(0);
  });

  it('gives z = 0, p = 1 when both proportions are 0 or 1, and when they are equal', () => {
    expect(twoProportionZTest(0, 10, 0, 20)).toMatchObject({ statistic: 0, pvalue: 1 });
    expect(twoProportionZTest(10, 10, 20, 20)).toMatchObject({ statistic: 0, pvalue: 1 });
    expect(twoProportionZTest(5, 10, 10, 20).pvalue).toBe(1);
  });

  it('is antisymmetric in its samples', () => {
    const ab = twoProportionZTest(30, 100, 45, 120);
    const ba = twoProportionZTest(45, 120, 30, 100);
    expect(ba.statistic).toBeCloseTo(-ab.statistic, 14);
    expect(ba.pvalue).toBeCloseTo(ab.pvalue, 14);
  });

  it('rejects impossible input', () => {
    expect(() => twoProportionZTest(1, 0, 1, 2)).toThrow(RangeError);
    expect(() => twoProportionZTest(3, 2, 1, 2)).toThrow(RangeError);
    expect(() => twoProportionZTest(-1, 2, 1, 2)).toThrow(RangeError);
  });
});
