import { describe, expect, it } from 'vitest';
import { wasserstein } from '../../shared/stats/index.js';
import { lcgNormals } from '../stats/fixtures/lcg.js';
import { byName, column, driftOf, settingsWith } from './tables.js';

describe('large raw references (bucketed, not sorted) keep all ten decile bins', () => {
  // Sizes where the deciles read ranks other than floor((n - 1) q); 25,461 used to lose three edges.
  for (const n of [25_461, 20_011]) {
    it(`n = ${n}`, async () => {
      const reference = Array.from(lcgNormals(41, n));
      const current = Array.from(lcgNormals(43, 15_000, 0.05));
      const x = byName(await driftOf([column('x', 'float', reference)], [column('x', 'float', current)]), 'x');
      const bins = x.attribution?.bins ?? [];
      expect(bins).toHaveLength(10);
      // PSI's noise floor counts the bins: (B - 1)(1/n_ref + 1/n_cur).
      expect(x.psi_noise).toBeCloseTo(9 * (1 / n + 1 / 15_000), 15);
      // Deciles of distinct values put a tenth of the reference in each bin, give or take a value.
      for (const bin of bins) expect(Math.abs(bin.reference - 0.1), bin.label).toBeLessThanOrEqual(1.5 / n);
    });
  }
});

describe('wasserstein on a column without enough finite values', () => {
  const infinities = Array.from({ length: 200 }, () => Number.POSITIVE_INFINITY);
  const settings = settingsWith({ columns: { x: { test: 'wasserstein' } } });

  it('all +Infinity on both sides: the column is insufficient, with a note, and the run goes on', async () => {
    const report = await driftOf([column('x', 'float', infinities), column('y', 'float', Array.from(lcgNormals(5, 200)))], [column('x', 'float', infinities), column('y', 'float', Array.from(lcgNormals(6, 200)))], { settings });
    const x = byName(report, 'x');
    expect(x).toMatchObject({ level: 'insufficient', drifted: false, test: 'wasserstein', statistic: null, effect: null });
    expect(x.notes).toContain('too few finite values for Wasserstein (0 reference, 0 current; at least 30 each are needed; infinities have no distance)');
    expect(report.insufficient).toEqual(['x']);
    expect(byName(report, 'y').level).not.toBe('insufficient');
  });

  it('counts finite values against min_rows: 29 finite is insufficient, 30 is measured on the finite values alone', async () => {
    const withFinite = (finite: number, seed: number) => [...Array.from(lcgNormals(seed, finite)), ...infinities.slice(finite)];
    const few = byName(await driftOf([column('x', 'float', withFinite(29, 7))], [column('x', 'float', withFinite(100, 8))], { settings }), 'x');
    expect(few.level).toBe('insufficient');
    expect(few.notes).toContain('too few finite values for Wasserstein (29 reference, 100 current; at least 30 each are needed; infinities have no distance)');

    const reference = withFinite(30, 7);
    const current = withFinite(100, 8);
    const enough = byName(await driftOf([column('x', 'float', reference)], [column('x', 'float', current)], { settings }), 'x');
    const finiteReference = reference.filter(Number.isFinite);
    const mean = finiteReference.reduce((s, v) => s + v, 0) / finiteReference.length;
    const std = Math.sqrt(finiteReference.reduce((s, v) => s + (v - mean) ** 2, 0) / finiteReference.length);
    expect(enough.level).not.toBe('insufficient');
    expect(enough.statistic).toBeCloseTo(wasserstein(finiteReference, current.filter(Number.isFinite)) / std, 12);
  });
});
