import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../shared/stats/benjamini-hochberg.js';
import { expectRelClose } from './close.js';

// false_discovery_control appeared in SciPy 1.11; the script runs its algorithm verbatim.
// Printed by test/stats/fixtures/make_reference.py (SciPy 1.10.1, NumPy 1.24.2, pandas 1.5.3).
const SCIPY = {
  bh: {"input": [0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.9, 0.0001], "adjusted": [0.026666666666666665, 0.05333333333333333, 0.05333333333333333, 0.02, 0.22857142857142856, 0.05333333333333333, 0.9, 0.0008]},
};

describe("benjaminiHochberg = scipy.stats.false_discovery_control(method='bh')", () => {
  it('adjusts p-values in input order', () => {
    const adjusted = benjaminiHochberg(SCIPY.bh.input);
    SCIPY.bh.adjusted.forEach((q, i) => expectRelClose(adjusted[i], q, 1e-15, `index ${i}`));
  });

  it('returns q >= p, clipped to 1, monotone in p', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 40 }), (ps) => {
        const qs = benjaminiHochberg(ps);
        ps.forEach((p, i) => {
          expect(qs[i]).toBeGreaterThanOrEqual(p);
          expect(qs[i]).toBeLessThanOrEqual(1);
        });
        const order = ps.map((_, i) => i).sort((a, b) => ps[a] - ps[b]);
        for (let k = 1; k < order.length; k++) expect(qs[order[k]]).toBeGreaterThanOrEqual(qs[order[k - 1]]);
      }),
    );
  });

  it('leaves zero or one p-value unchanged', () => {
    expect(benjaminiHochberg([])).toEqual([]);
    expect(benjaminiHochberg([0.03])).toEqual([0.03]);
  });

  it('rejects values outside [0, 1] and NaN', () => {
    expect(() => benjaminiHochberg([0.1, 1.2])).toThrow(RangeError);
    expect(() => benjaminiHochberg([0.1, Number.NaN])).toThrow(RangeError);
  });
});
