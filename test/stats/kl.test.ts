import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { klDivergence } from '../../shared/stats/kl.js';
import { expectRelClose } from './close.js';

// Printed by test/stats/fixtures/make_reference.py (SciPy 1.10.1, NumPy 1.24.2, pandas 1.5.3).
const SCIPY_ENTROPY = {
  entropy: {"pq": 0.11678337577100634, "counts": 0.00704137713602393, "smoothed": 1.305149272398773},
};

const P1 = [0.1, 0.4, 0.5];
const Q1 = [0.3, 0.3, 0.4];
const P2 = [10, 0, 5, 5];
const Q2 = [0, 8, 6, 6];

describe('klDivergence = scipy.stats.entropy(p, q)', () => {
  it('normalizes and uses natural logs', () => {
    expectRelClose(klDivergence(P1, Q1), SCIPY_ENTROPY.entropy.pq, 1e-14);
    expectRelClose(klDivergence([30, 50, 20], [25, 55, 20]), SCIPY_ENTROPY.entropy.counts, 1e-13);
  });

  it('is infinite where p > 0 meets q = 0, and smoothing fixes that', () => {
    expect(klDivergence(P2, Q2)).toBe(Number.POSITIVE_INFINITY);
    expectRelClose(klDivergence(P2, Q2, { smoothing: 0.5 }), SCIPY_ENTROPY.entropy.smoothed, 1e-14);
  });

  it('is 0 on identical distributions and non-negative', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(50), fc.nat(50)), { minLength: 1, maxLength: 12 }), (cells) => {
        const p = cells.map((c) => c[0]);
        const q = cells.map((c) => c[1]);
        expect(klDivergence(p, p, { smoothing: 0.5 })).toBeCloseTo(0, 14);
        expect(klDivergence(p, q, { smoothing: 0.5 })).toBeGreaterThanOrEqual(-1e-15);
      }),
    );
  });

  it('rejects bad input', () => {
    expect(() => klDivergence([1], [1, 2])).toThrow(RangeError);
    expect(() => klDivergence([0, 0], [1, 1])).toThrow(RangeError);
    expect(() => klDivergence([1, 1], [1, 1], { smoothing: -1 })).toThrow(RangeError);
  });
});
