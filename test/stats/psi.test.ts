import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { psi, psiNoiseFloor } from '../../shared/stats/psi.js';
import { expectRelClose } from './close.js';

// Computed from the documented definition with NumPy:
// Printed by test/stats/fixtures/make_reference.py (SciPy 1.10.1, NumPy 1.24.2, pandas 1.5.3).
const SCIPY = {
  psi: {"a": {"psi": 0.010900286128510867, "contributions": [0.003622595317995593, 0.00209747443061254, 0.0028490690214514635, 0.002331147358451271]}, "zeros": {"psi": 5.130149479798578, "contributions": [2.2734583826804236, 2.8349500762148225, 0.02174102090333208]}},
};

describe('psi', () => {
  it('matches the definition, per bin and in total', () => {
    const result = psi([100, 200, 300, 400], [120, 180, 330, 370]);
    expectRelClose(result.psi, SCIPY.psi.a.psi, 1e-13);
    result.contributions.forEach((c, i) => expectRelClose(c, SCIPY.psi.a.contributions[i], 1e-13, `bin ${i}`));
    expect(result.bins).toBe(4);
    expectRelClose(result.noiseFloor, 3 * (1 / 1000 + 1 / 1000), 1e-15);
    expectRelClose(result.excess, result.psi - result.noiseFloor, 1e-15);
  });

  it('stays finite with empty bins thanks to +0.5 smoothing', () => {
    const result = psi([50, 0, 50], [0, 60, 40]);
    expectRelClose(result.psi, SCIPY.psi.zeros.psi, 1e-13);
    SCIPY.psi.zeros.contributions.forEach((c, i) => expectRelClose(result.contributions[i], c, 1e-13));
  });

  it('is 0 for identical histograms, non-negative and symmetric', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(100), fc.nat(100)), { minLength: 1, maxLength: 20 }), (cells) => {
        const a = cells.map((c) => c[0] + 1);
        const b = cells.map((c) => c[1] + 1);
        expect(psi(a, a).psi).toBe(0);
        const ab = psi(a, b).psi;
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(psi(b, a).psi).toBeCloseTo(ab, 12);
      }),
    );
  });

  it('has noise floor (B - 1)(1/n_ref + 1/n_cur): 0.10 for 10 bins and 100 current rows vs many', () => {
    expect(psiNoiseFloor(10, 1e12, 100)).toBeCloseTo(0.09, 10);
    expect(psiNoiseFloor(11, 1e12, 100)).toBeCloseTo(0.1, 10);
  });

  it('rejects mismatched or empty input', () => {
    expect(() => psi([1, 2], [1])).toThrow(RangeError);
    expect(() => psi([0, 0], [1, 2])).toThrow(RangeError);
    expect(() => psi([], [])).toThrow(RangeError);
    expect(() => psi([1, -1], [1, 2])).toThrow(RangeError);
  });
});
