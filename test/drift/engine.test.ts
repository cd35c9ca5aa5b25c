import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../shared/errors/index.js';
import { chi2Contingency2xK, jensenShannonDistance, klDivergence, ks2Samp, mergeSparseCells, psi, twoProportionZTest, wasserstein } from '../../shared/stats/index.js';
import { byName, column, driftOf, normals, picks, rngOf, settingsWith, withNulls } from './tables.js';

const N = 1000;

describe('tests by column kind', () => {
  it('uses KS for a continuous numeric column, on the values without nulls', async () => {
    const rng = rngOf(1);
    const reference = withNulls(rng, normals(rng, N), 0.02);
    const current = withNulls(rng, normals(rng, N, 0.5), 0.02);
    const report = await driftOf([column('x', 'float', reference)], [column('x', 'float', current)]);
    const x = byName(report, 'x');
    const expected = ks2Samp(reference.filter((v) => v !== null) as number[], current.filter((v) => v !== null) as number[]);
    expect(x.kind).toBe('continuous');
    expect(x.test).toBe('ks');
    expect(x.statistic).toBe(expected.statistic);
    expect(x.p_value).toBe(expected.pvalue);
    // One tested column: BH leaves the p-value as it is.
    expect(x.q_value).toBe(expected.pvalue);
    expect(x.values).toEqual({ reference: reference.filter((v) => v !== null).length, current: current.filter((v) => v !== null).length });
  });

  it('uses the two-sample chi-square for categoricals, sparse cells merged into OTHER', async () => {
    const rng = rngOf(2);
    const weights = [['a', 50], ['b', 30], ['c', 17], ['rare1', 0.2], ['rare2', 0.2], ['rare3', 0.2]] as const;
    const reference = picks(rng, N, weights);
    const current = picks(rng, N, [['a', 40], ['b', 40], ['c', 17], ['rare1', 0.2], ['rare2', 0.2], ['rare3', 0.2]] as const);
    const report = await driftOf([column('plan', 'category', reference)], [column('plan', 'category', current)]);
    const plan = byName(report, 'plan');
    const values = ['a', 'b', 'c', 'rare1', 'rare2', 'rare3'];
    const count = (side: string[], value: string) => side.filter((v) => v === value).length;
    const merged = mergeSparseCells(
      values.map((v) => count(reference, v)),
      values.map((v) => count(current, v)),
      5,
    );
    const expected = chi2Contingency2xK(merged.countsA, merged.countsB);
    expect(plan.kind).toBe('categorical');
    expect(plan.test).toBe('chisquare');
    expect(merged.hasOther).toBe(true);
    expect(plan.statistic).toBeCloseTo(expected.statistic, 10);
    expect(plan.p_value).toBeCloseTo(expected.pvalue, 12);
  });

  it('treats a number with at most 20 distinct values as discrete (chi-square), 21 as continuous (KS)', async () => {
    const rng = rngOf(3);
    const twenty = Array.from({ length: N }, () => rng.nextInt(20));
    const twentyOne = Array.from({ length: N }, (_, i) => (i < 21 ? i : rng.nextInt(21)));
    const report = await driftOf(
      [column('small', 'integer', twenty), column('wider', 'integer', twentyOne)],
      [column('small', 'integer', [...twenty].reverse()), column('wider', 'integer', [...twentyOne].reverse())],
    );
    expect(byName(report, 'small')).toMatchObject({ kind: 'discrete', test: 'chisquare' });
    expect(byName(report, 'wider')).toMatchObject({ kind: 'continuous', test: 'ks' });
    // Same values, other order: no difference at all.
    expect(byName(report, 'small').psi).toBeCloseTo(0, 12);
    expect(byName(report, 'small').level).toBe('none');
  });

  it('uses the two-proportion z-test for booleans', async () => {
    const rng = rngOf(4);
    const reference = picks(rng, N, [[true, 30], [false, 70]] as const);
    const current = picks(rng, N, [[true, 45], [false, 55]] as const);
    const report = await driftOf([column('flag', 'boolean', reference)], [column('flag', 'boolean', current)]);
    const flag = byName(report, 'flag');
    const trues = (side: boolean[]) => side.filter(Boolean).length;
    const expected = twoProportionZTest(trues(reference), N, trues(current), N);
    expect(flag).toMatchObject({ kind: 'boolean', test: 'ztest' });
    expect(flag.statistic).toBe(expected.statistic);
    expect(flag.p_value).toBe(expected.pvalue);
  });
});

describe('the dual gate', () => {
  it('flags a 0.5 sd shift at warn and a 1 sd shift at alert, and not a stable column', async () => {
    const rng = rngOf(5);
    const reference = [column('stable', 'float', normals(rng, N)), column('half', 'float', normals(rng, N)), column('one', 'float', normals(rng, N))];
    const current = [column('stable', 'float', normals(rng, N)), column('half', 'float', normals(rng, N, 0.5)), column('one', 'float', normals(rng, N, 1))];
    const report = await driftOf(reference, current);
    expect(byName(report, 'stable').level).toBe('none');
    expect(byName(report, 'half').level).toBe('warn');
    expect(byName(report, 'one').level).toBe('alert');
    const half = byName(report, 'half');
    // Effect = PSI minus its noise floor (B - 1)(1/n + 1/n) on 10 decile bins.
    expect(half.psi_noise).toBeCloseTo(9 * (2 / N), 12);
    expect(half.effect).toBeCloseTo((half.psi as number) - (half.psi_noise as number), 12);
    expect(half.reasons[0]).toMatch(/^KS q = .* ≤ 0\.05 and PSI .* ≥ 0\.1$/);
    expect(report.level).toBe('alert');
  });

  it('does not flag a significant but tiny shift (large samples)', async () => {
    const rng = rngOf(6);
    const n = 40_000;
    const report = await driftOf([column('x', 'float', normals(rng, n))], [column('x', 'float', normals(rng, n, 0.1))]);
    const x = byName(report, 'x');
    expect(x.q_value as number).toBeLessThan(1e-10);
    expect(x.effect as number).toBeLessThan(0.1);
    expect(x.level).toBe('none');
  });

  it('does not flag a large PSI that is not significant (small samples)', async () => {
    // 40 rows a side: the PSI noise floor alone is 9 * 2/40 = 0.45. The reference deciles
    // are 3.9, 7.8, ...; the current data fills every other decile bin twice over, so the
    // ECDFs never part by more than 0.1 (KS sees nothing) while the bins differ a lot.
    const reference = Array.from({ length: 40 }, (_, i) => i);
    const current = [0, 2, 4, 6, 8].flatMap((k) => Array.from({ length: 8 }, (_, j) => 3.9 * k + 0.1 + 0.45 * j));
    const report = await driftOf([column('x', 'float', reference)], [column('x', 'float', current)]);
    const x = byName(report, 'x');
    expect(x.effect as number).toBeGreaterThanOrEqual(0.1);
    expect(x.q_value as number).toBeGreaterThan(0.05);
    expect(x.level).toBe('none');
  });

  it('adjusts p-values across columns (Benjamini-Hochberg)', async () => {
    const rng = rngOf(7);
    const names = ['a', 'b', 'c', 'd'];
    const report = await driftOf(
      names.map((name) => column(name, 'float', normals(rng, 300))),
      names.map((name, i) => column(name, 'float', normals(rng, 300, i * 0.1))),
    );
    const p = names.map((name) => byName(report, name).p_value as number);
    const q = names.map((name) => byName(report, name).q_value as number);
    const order = [...p.keys()].sort((x, y) => p[x] - p[y]);
    // The largest p-value is its own q; every q is at least its p.
    expect(q[order[3]]).toBe(p[order[3]]);
    for (let i = 0; i < 4; i++) expect(q[i]).toBeGreaterThanOrEqual(p[i]);
    expect(q[order[0]]).toBeCloseTo(Math.min(p[order[0]] * 4, q[order[1]]), 12);
  });
});

describe('missing values, new categories, row counts', () => {
  it('flags a column whose missing share goes from 1% to 30% at alert, even with an unchanged distribution', async () => {
    const rng = rngOf(8);
    const base = normals(rng, 2000);
    const report = await driftOf([column('x', 'float', withNulls(rng, base, 0.01))], [column('x', 'float', withNulls(rng, normals(rng, 2000), 0.3))]);
    const x = byName(report, 'x');
    expect(x.null_share.reference).toBeCloseTo(0.01, 2);
    expect(x.null_share.current).toBeCloseTo(0.3, 1);
    expect(x.null_share.level).toBe('alert');
    expect(x.distribution_level).toBe('none');
    expect(x.level).toBe('alert');
    expect(x.reasons.join(' ')).toMatch(/^missing values 1\.\d% → \d\d\.\d% \(q = /);
  });

  it('warns when the missing share moves by at least 5 points', async () => {
    const rng = rngOf(9);
    const report = await driftOf([column('x', 'float', withNulls(rng, normals(rng, 3000), 0.01))], [column('x', 'float', withNulls(rng, normals(rng, 3000), 0.09))]);
    expect(byName(report, 'x').null_share.level).toBe('warn');
  });

  it('reports values the reference never held as their own signal', async () => {
    const rng = rngOf(10);
    const reference = picks(rng, N, [['basic', 60], ['pro', 40]] as const);
    const current = [...picks(rng, 850, [['basic', 60], ['pro', 40]] as const), ...Array<string>(120).fill('platinum'), ...Array<string>(30).fill('gold')];
    const report = await driftOf([column('plan', 'category', reference)], [column('plan', 'category', current)]);
    const plan = byName(report, 'plan');
    expect(plan.new_categories).toMatchObject({ count: 150, share: 0.15, level: 'alert', values: [{ value: 'platinum', count: 120 }, { value: 'gold', count: 30 }] });
    expect(plan.reasons.some((reason) => reason.includes('never seen in the reference, e.g. "platinum", "gold"'))).toBe(true);
  });

  it('judges the row-count ratio: [0.5, 2] warn, [0.2, 5] alert, or not at all', async () => {
    const rng = rngOf(11);
    const reference = [column('x', 'float', normals(rng, 1000))];
    const of = (n: number) => [column('x', 'float', normals(rngOf(n), n))];
    expect((await driftOf(reference, of(600))).row_ratio).toEqual({ value: 0.6, level: 'none' });
    const warn = await driftOf(reference, of(400));
    expect(warn.row_ratio).toEqual({ value: 0.4, level: 'warn' });
    expect(warn.level).toBe('warn');
    const alert = await driftOf(reference, of(150));
    expect(alert.row_ratio).toEqual({ value: 0.15, level: 'alert' });
    expect(alert.level).toBe('alert');
    const off = await driftOf(reference, of(150), { settings: settingsWith({ thresholds: { row_ratio: false } }) });
    expect(off.row_ratio.level).toBe('none');
  });

  it('calls fewer than 30 rows on a side insufficient, never drift', async () => {
    const report = await driftOf([column('x', 'float', Array.from({ length: 29 }, (_, i) => i))], [column('x', 'float', Array.from({ length: 29 }, (_, i) => 100 + i))]);
    expect(report.level).toBe('insufficient');
    expect(report.drift).toBe(false);
    expect(report.insufficient).toEqual(['x']);
    expect(byName(report, 'x')).toMatchObject({ level: 'insufficient', drifted: false });
  });

  it('calls a column with fewer than 30 values on a side insufficient while its missing share still counts', async () => {
    const rng = rngOf(12);
    const current = normals(rng, 200).map((v, i) => (i < 180 ? null : v));
    const report = await driftOf([column('x', 'float', normals(rng, 200)), column('y', 'float', normals(rng, 200))], [column('x', 'float', current), column('y', 'float', normals(rng, 200))]);
    const x = byName(report, 'x');
    expect(report.insufficient).toEqual(['x']);
    expect(x.p_value).toBeNull();
    expect(x.null_share.level).toBe('alert');
    expect(x.level).toBe('alert');
  });

  it('alerts when a reference column is missing from the current data, and lists new ones', async () => {
    const rng = rngOf(13);
    const report = await driftOf(
      [column('a', 'float', normals(rng, 100)), column('b', 'float', normals(rng, 100))],
      [column('a', 'float', normals(rng, 100)), column('c', 'float', normals(rng, 100))],
    );
    expect(report.missing_columns).toEqual(['b']);
    expect(report.added_columns).toEqual(['c']);
    expect(report.level).toBe('alert');
    expect(report.reasons[0]).toBe('column "b" is missing from the current data');
  });
});

describe('exclusions', () => {
  it('excludes ID-like string and integer columns, never floats', async () => {
    const rng = rngOf(14);
    const ids = Array.from({ length: 500 }, (_, i) => `C${100000 + i}`);
    const numbers = Array.from({ length: 500 }, (_, i) => 7 * i + 3);
    const floats = normals(rng, 500);
    const report = await driftOf(
      [column('id', 'string', ids), column('n', 'integer', numbers), column('f', 'float', floats)],
      [column('id', 'string', ids.map((id) => `${id}x`)), column('n', 'integer', numbers), column('f', 'float', normals(rng, 500))],
    );
    expect(report.excluded.map((entry) => [entry.name, entry.reason])).toEqual([
      ['id', 'id-like'],
      ['n', 'id-like'],
    ]);
    expect(report.excluded[0].detail).toBe('100.0% of its 500 reference values are distinct');
    expect(report.columns.map((entry) => entry.name)).toEqual(['f']);
  });

  it('follows the configuration: exclude true drops a column, exclude false keeps an ID-like one', async () => {
    const ids = Array.from({ length: 200 }, (_, i) => `C${i}`);
    const rng = rngOf(15);
    const settings = settingsWith({ columns: { id: { exclude: false }, x: { exclude: true } } });
    const report = await driftOf([column('id', 'string', ids), column('x', 'float', normals(rng, 200))], [column('id', 'string', ids), column('x', 'float', normals(rng, 200))], { settings });
    expect(report.excluded).toEqual([{ name: 'x', reason: 'config', detail: 'excluded by the configuration' }]);
    expect(report.columns.map((entry) => entry.name)).toEqual(['id']);
  });
});

describe('per-column tests and thresholds', () => {
  const rng = rngOf(16);
  const referenceValues = normals(rng, N);
  const currentValues = normals(rng, N, 0.4);
  const reference = [column('x', 'float', referenceValues), column('plan', 'category', picks(rng, N, [['a', 1], ['b', 1], ['c', 1]] as const))];
  const current = [column('x', 'float', currentValues), column('plan', 'category', picks(rng, N, [['a', 2], ['b', 1], ['c', 1]] as const))];

  it('psi: the effect alone decides, against its own thresholds', async () => {
    const report = await driftOf(reference, current, { settings: settingsWith({ columns: { x: { test: 'psi', warn: 0.05, alert: 0.08 } } }) });
    const x = byName(report, 'x');
    expect(x.test).toBe('psi');
    expect(x.p_value).toBeNull();
    expect(x.statistic).toBeCloseTo((x.psi as number) - (x.psi_noise as number), 12);
    expect(x.level).toBe((x.effect as number) >= 0.08 ? 'alert' : 'warn');
  });

  it('jensenshannon and kl are computed on the frozen bins', async () => {
    const report = await driftOf(reference, current, { settings: settingsWith({ columns: { x: { test: 'jensenshannon' }, plan: { test: 'kl' } } }) });
    const x = byName(report, 'x');
    const bins = x.attribution?.bins ?? [];
    expect(x.statistic).toBeCloseTo(
      jensenShannonDistance(
        bins.map((b) => b.reference),
        bins.map((b) => b.current),
        2,
      ),
      12,
    );
    const plan = byName(report, 'plan');
    const counts = (side: 'reference' | 'current') => (plan.attribution?.bins ?? []).map((b) => b[side] * plan.values[side]);
    expect(plan.statistic).toBeCloseTo(klDivergence(counts('current'), counts('reference'), { smoothing: 0.5 }), 10);
  });

  it('wasserstein is divided by the reference standard deviation', async () => {
    const report = await driftOf(reference, current, { settings: settingsWith({ columns: { x: { test: 'wasserstein', warn: 0.2, alert: 0.6 } } }) });
    const x = byName(report, 'x');
    const mean = referenceValues.reduce((s, v) => s + v, 0) / N;
    const std = Math.sqrt(referenceValues.reduce((s, v) => s + (v - mean) ** 2, 0) / N);
    expect(x.statistic).toBeCloseTo(wasserstein(referenceValues, currentValues) / std, 10);
    expect(x.level).toBe('warn');
  });

  it('a chosen p-value test decides by its q-value alone', async () => {
    const report = await driftOf(reference, current, { settings: settingsWith({ columns: { plan: { test: 'chisquare', warn: 0.5, alert: 1e-300 } } }) });
    const plan = byName(report, 'plan');
    expect(plan.q_value as number).toBeLessThanOrEqual(0.5);
    expect(plan.level).toBe('warn');
  });

  it('a column warn/alert without a test moves the PSI gate', async () => {
    const loose = await driftOf(reference, current, { settings: settingsWith({ columns: { x: { warn: 0.01, alert: 0.02 } } }) });
    expect(byName(loose, 'x').level).toBe('alert');
    const strict = await driftOf(reference, current, { settings: settingsWith({ columns: { x: { warn: 5, alert: 6 } } }) });
    expect(byName(strict, 'x').level).toBe('none');
  });

  it('rejects tests that do not fit the column, naming the setting', async () => {
    const config = { configFile: 'drift.yml' };
    await expect(driftOf(reference, current, { ...config, settings: settingsWith({ columns: { plan: { test: 'ks' } } }) })).rejects.toThrow(
      /^drift\.yml: columns\.plan\.test: ks compares numbers; plan is a category column/,
    );
    await expect(driftOf(reference, current, { ...config, settings: settingsWith({ columns: { plan: { test: 'ztest' } } }) })).rejects.toBeInstanceOf(ConfigError);
  });
});

describe('the dataset verdict', () => {
  /** `count` columns, `alerting` of them shifted by 1.5 sd (alert). */
  async function verdict(count: number, alerting: number, importance: Record<string, number> = {}) {
    const rng = rngOf(17);
    const names = Array.from({ length: count }, (_, i) => `c${i}`);
    const columns = Object.fromEntries(Object.entries(importance).map(([name, value]) => [name, { importance: value }]));
    return driftOf(
      names.map((name) => column(name, 'float', normals(rng, 400))),
      names.map((name, i) => column(name, 'float', normals(rng, 400, i < alerting ? 1.5 : 0))),
      { settings: settingsWith({ columns }) },
    );
  }

  it('alerts when a column with importance >= 0.05 is at alert (20 equal columns: 0.05 each)', async () => {
    const report = await verdict(20, 1);
    expect(byName(report, 'c0').importance).toBeCloseTo(0.05, 12);
    expect(report.level).toBe('alert');
    expect(report.reasons[0]).toBe('c0 at alert (importance 0.05 ≥ 0.05)');
  });

  it('only warns when the alerting column matters little, alerts when it is configured as important', async () => {
    const light = await verdict(40, 1);
    expect(byName(light, 'c0').level).toBe('alert');
    expect(light.level).toBe('warn');
    const heavy = await verdict(40, 1, { c0: 0.2 });
    expect(byName(heavy, 'c0').importance).toBe(0.2);
    expect(byName(heavy, 'c1').importance).toBeCloseTo(0.8 / 39, 12);
    expect(heavy.level).toBe('alert');
  });

  it('alerts when the importance-weighted share of alert columns reaches 0.3', async () => {
    const report = await verdict(40, 13);
    expect(report.level).toBe('alert');
    expect(report.reasons).toContain('columns at alert carry 32.5% of the importance (≥ 30.0%)');
    expect(report.share_drifted).toBeCloseTo(13 / 40, 12);
    const below = await verdict(40, 11);
    expect(below.level).toBe('warn');
  });
});

describe('attribution', () => {
  it('names the bins that carry the PSI; the shares sum to 100%', async () => {
    const rng = rngOf(18);
    const reference = normals(rng, 4000);
    // Only the upper tail moves: values above the reference's p90 get twice as many.
    const current = normals(rng, 4000).map((v, i) => (i % 9 === 0 ? 1.5 + Math.abs(v) : v));
    const report = await driftOf([column('x', 'float', reference)], [column('x', 'float', current)]);
    const x = byName(report, 'x');
    const bins = x.attribution?.bins ?? [];
    expect(bins).toHaveLength(10);
    expect(bins.reduce((s, b) => s + b.share_of_psi, 0)).toBeCloseTo(1, 12);
    expect(bins.reduce((s, b) => s + b.reference, 0)).toBeCloseTo(1, 12);
    expect(bins[9].label).toMatch(/^> p90 \(> 1\.\d+\)$/);
    expect(x.attribution?.summary).toMatch(/^\d+% of the PSI from values above p90 \(> 1\.\d+\): \d+\.\d% of current vs 10\.0% of reference$/);
    expect(psi(bins.map((b) => b.reference * 4000), bins.map((b) => b.current * 4000)).psi).toBeCloseTo(x.psi as number, 10);
  });
});

describe('segments', () => {
  it('finds the segment value that drives a shift', async () => {
    const rng = rngOf(19);
    const n = 3000;
    const regions = (r: typeof rng) => picks(r, n, [['north', 1], ['south', 1], ['east', 1]] as const);
    const referenceRegion = regions(rng);
    const currentRegion = regions(rng);
    const reference = [column('region', 'category', referenceRegion), column('spend', 'float', normals(rng, n, 50, 10))];
    const current = [column('region', 'category', currentRegion), column('spend', 'float', currentRegion.map((region) => 50 + 10 * rng.normal() + (region === 'south' ? 12 : 0)))];
    const report = await driftOf(reference, current, { settings: settingsWith({ segment_by: ['region'] }) });
    expect(byName(report, 'spend').drifted).toBe(true);
    const drivers = report.segments.find((entry) => entry.column === 'spend' && entry.by === 'region');
    expect(drivers?.values[0].value).toBe('south');
    expect(drivers?.values[0].share_of_psi).toBeGreaterThan(0.7);
    expect(drivers?.values[0].rows.current).toBe(currentRegion.filter((region) => region === 'south').length);
    expect(drivers?.values[0].psi as number).toBeGreaterThan(0.5);
  });

  it('rejects a segment column the current data does not have', async () => {
    const rng = rngOf(20);
    await expect(driftOf([column('x', 'float', normals(rng, 50))], [column('x', 'float', normals(rng, 50))], { settings: settingsWith({ segment_by: ['nope'] }) })).rejects.toThrow(
      /segment_by column "nope" is not in the current data/,
    );
  });
});
