// Reference values: test/drift/fixtures/make_reference.py (SciPy applied the way
// Evidently's default tests apply it), pasted here; Python does not run in tests.
import { describe, expect, it } from 'vitest';
import { byName, column, driftOf, settingsWith, type Cell } from './tables.js';

const PLANS = ['basic', 'pro', 'enterprise', 'team'];
const categorical = (n: number, step: number, offset: number, modulus: number) => Array.from({ length: n }, (_, i) => PLANS[((i * step + offset) % modulus) % 4]);
const evidentlyPreset = { settings: settingsWith({ preset: 'evidently' }) };

async function single(type: 'float' | 'integer' | 'category' | 'boolean', reference: Cell[], current: Cell[], preset = false) {
  const report = await driftOf([column('x', type, reference)], [column('x', type, current)], preset ? evidentlyPreset : {});
  return { report, x: byName(report, 'x') };
}

describe("Evidently's default tests, reproduced", () => {
  it('n <= 1000, numeric with more than 5 values: KS p-value (drift at p <= 0.05)', async () => {
    const { x } = await single(
      'float',
      Array.from({ length: 200 }, (_, i) => ((i * 37) % 101) / 10),
      Array.from({ length: 150 }, (_, i) => ((i * 53) % 97) / 10 + 0.8),
    );
    expect(x.evidently).toMatchObject({ test: 'ks', threshold: 0.05, drifted: false, approximate: false });
    expect(x.evidently?.score).toBeCloseTo(0.5161644310215892, 12);
  });

  it('n > 1000, numeric with more than 5 values: Wasserstein / reference std (drift at >= 0.1)', async () => {
    const { x } = await single(
      'float',
      Array.from({ length: 1500 }, (_, i) => ((i * 7919) % 1009) / 100),
      Array.from({ length: 1200 }, (_, i) => ((i * 104729) % 1013) / 100 + 0.5),
    );
    expect(x.evidently).toMatchObject({ test: 'wasserstein', threshold: 0.1, drifted: true });
    expect(x.evidently?.score).toBeCloseTo(0.17615215120324487, 12);
  });

  it('n <= 1000, categorical with more than 2 values: the one-sample chi-square (drift at p < 0.05)', async () => {
    const { x } = await single('category', categorical(600, 3, 0, 11), categorical(500, 5, 2, 6));
    expect(x.evidently).toMatchObject({ test: 'chisquare', drifted: true });
    expect(x.evidently?.score).toBeCloseTo(2.546678737729575e-7, 18);
    // Tollgate's own test is the two-sample test of homogeneity: a larger p-value on the same counts.
    expect(x.p_value as number).toBeGreaterThan(x.evidently?.score as number);
  });

  it('n > 1000, categorical: Jensen-Shannon distance with natural logarithms (drift at >= 0.1)', async () => {
    const { x } = await single('category', categorical(1500, 3, 0, 11), categorical(1200, 5, 2, 6));
    expect(x.evidently).toMatchObject({ test: 'jensenshannon', drifted: false });
    expect(x.evidently?.score).toBeCloseTo(0.09832446190275483, 14);
  });

  it('n <= 1000, two values: the pooled two-proportion z-test (drift at p < 0.05)', async () => {
    const { x } = await single(
      'boolean',
      Array.from({ length: 400 }, (_, i) => i % 3 === 0),
      Array.from({ length: 300 }, (_, i) => i % 5 < 2),
    );
    expect(x.evidently).toMatchObject({ test: 'z', drifted: false });
    expect(x.evidently?.score).toBeCloseTo(0.0767302328723114, 12);
  });

  it('n > 1000, numeric with at most 5 values: Jensen-Shannon', async () => {
    const { x } = await single(
      'integer',
      Array.from({ length: 2000 }, (_, i) => (i * 7) % 4),
      Array.from({ length: 1800 }, (_, i) => (i * 3) % 5),
    );
    expect(x.evidently).toMatchObject({ test: 'jensenshannon', drifted: true });
    expect(x.evidently?.score).toBeCloseTo(0.2736453208486386, 14);
  });
});

describe('the evidently preset', () => {
  it("decides columns by Evidently's test and the dataset by its 50% rule", async () => {
    const { report, x } = await single(
      'float',
      Array.from({ length: 1500 }, (_, i) => ((i * 7919) % 1009) / 100),
      Array.from({ length: 1200 }, (_, i) => ((i * 104729) % 1013) / 100 + 0.5),
      true,
    );
    expect(report.preset).toBe('evidently');
    expect(x).toMatchObject({ test: 'wasserstein', level: 'alert', drifted: true, p_value: null });
    expect(x.statistic).toBeCloseTo(0.17615215120324487, 12);
    expect(report.level).toBe('alert');
    expect(report.reasons[0]).toBe("1 of 1 columns drifted (100.0% ≥ 50.0%, Evidently's rule)");
  });

  it('needs half of the columns: 1 of 3 drifted is no dataset drift; missing values are not judged', async () => {
    const stable = Array.from({ length: 500 }, (_, i) => (i * 13) % 97);
    const withNulls = stable.map((v, i) => (i % 2 === 0 ? null : v));
    const report = await driftOf(
      [column('a', 'float', stable), column('b', 'float', stable), column('c', 'float', stable)],
      [column('a', 'float', stable.map((v) => v + 40)), column('b', 'float', stable), column('c', 'float', withNulls)],
      evidentlyPreset,
    );
    expect(byName(report, 'a').level).toBe('alert');
    expect(byName(report, 'c').level).toBe('none');
    expect(byName(report, 'c').null_share.level).toBe('alert');
    expect(byName(report, 'c').notes).toContain('the evidently preset reports missing values and new categories but does not judge them');
    expect(report.level).toBe('none');
    expect(report.share_drifted).toBeCloseTo(1 / 3, 12);
  });

  it('a column alert threshold replaces Evidently’s threshold', async () => {
    const reference = Array.from({ length: 1500 }, (_, i) => ((i * 7919) % 1009) / 100);
    const current = Array.from({ length: 1200 }, (_, i) => ((i * 104729) % 1013) / 100 + 0.5);
    const report = await driftOf([column('x', 'float', reference)], [column('x', 'float', current)], { settings: settingsWith({ preset: 'evidently', columns: { x: { alert: 0.2 } } }) });
    expect(byName(report, 'x').evidently).toMatchObject({ threshold: 0.2, drifted: false });
    expect(byName(report, 'x').level).toBe('none');
  });

  it('every report carries Evidently’s share of drifted columns for comparison', async () => {
    const reference = Array.from({ length: 1500 }, (_, i) => ((i * 7919) % 1009) / 100);
    const current = Array.from({ length: 1200 }, (_, i) => ((i * 104729) % 1013) / 100 + 0.5);
    const report = await driftOf([column('x', 'float', reference), column('y', 'float', reference)], [column('x', 'float', current), column('y', 'float', reference.slice(300))]);
    expect(report.preset).toBe('default');
    expect(report.evidently_share_drifted).toBe(0.5);
    expect(report.evidently_drift).toBe(true);
  });
});
