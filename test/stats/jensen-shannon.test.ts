import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jensenShannonDistance } from '../../shared/stats/jensen-shannon.js';
import { expectRelClose } from './close.js';

// Printed by test/stats/fixtures/make_reference.py (SciPy 1.10.1, NumPy 1.24.2, pandas 1.5.3).
const SCIPY_JS = {
  jensenshannon: {"base2": 0.21663402449519675, "baseE": 0.1803596560271257, "zeros2": 0.6732632350631318},
};

const P1 = [0.1, 0.4, 0.5];
const Q1 = [0.3, 0.3, 0.4];
const P2 = [10, 0, 5, 5];
const Q2 = [0, 8, 6, 6];

describe('jensenShannonDistance = scipy.spatial.distance.jensenshannon', () => {
  it('base 2 and natural log', () => {
    expectRelClose(jensenShannonDistance(P1, Q1), SCIPY_JS.jensenshannon.base2, 1e-14);
    expectRelClose(jensenShannonDistance(P1, Q1, Math.E), SCIPY_JS.jensenshannon.baseE, 1e-14);
  });

  it('handles zero cells and unnormalized counts', () => {
    expectRelClose(jensenShannonDistance(P2, Q2), SCIPY_JS.jensenshannon.zeros2, 1e-14);
  });

  it('is a bounded, symmetric distance, 0 on identical input', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(50), fc.nat(50)), { minLength: 1, maxLength: 12 }), (cells) => {
        const p = cells.map((c) => c[0] + 1);
        const q = cells.map((c) => c[1]);
        q[0] += 1;
        const d = jensenShannonDistance(p, q);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(1);
        expect(jensenShannonDistance(q, p)).toBeCloseTo(d, 14);
        expect(jensenShannonDistance(p, p.map((v) => v * 3))).toBeLessThan(1e-7);
      }),
    );
    expect(jensenShannonDistance([1, 0], [0, 1])).toBeCloseTo(1, 15);
  });

  it('rejects bad input', () => {
    expect(() => jensenShannonDistance([1], [1, 2])).toThrow(RangeError);
    expect(() => jensenShannonDistance([0, 0], [1, 2])).toThrow(RangeError);
    expect(() => jensenShannonDistance([1, 2], [1, 2], 1)).toThrow(RangeError);
    expect(() => jensenShannonDistance([1, Number.NaN], [1, 2])).toThrow(RangeError);
  });
});
