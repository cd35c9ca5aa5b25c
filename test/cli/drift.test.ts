import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const root = join(import.meta.dirname, '..', '..');
const train = 'examples/churn/data/train.csv';
const stable = 'examples/churn/data/current-stable.csv';
const shifted = 'examples/churn/data/current-shifted.csv';
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'tollgate-cli-drift-'));
});

describe('tollgate drift', () => {
  it('exits 1 on drift at alert level and prints the verdict first', async () => {
    const result = await runCli(['drift', '--reference', train, '--current', shifted], { cwd: root });
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Drift alert: 2 of 10 columns drifted at alert level, 1 at warn');
    expect(lines[1]).toBe('Reference: examples/churn/data/train.csv (data, 4,000 rows)');
    expect(result.stdout).toMatch(/^monthly_spend +alert +ks +mean 66\.97 +mean 115\.3 /m);
    expect(result.stderr).toBe('');
  });

  it('exits 0 below the --fail-on level, 1 at it', async () => {
    // train.csv has 4,000 rows and the batch 1,500: the row-count ratio (0.375) warns.
    const relaxed = await runCli(['drift', '--reference', train, '--current', stable], { cwd: root });
    expect(relaxed.code).toBe(0);
    expect(relaxed.stdout.split('\n')[0]).toBe('Drift warning: the row count changed');
    expect((await runCli(['drift', '--reference', train, '--current', stable, '--fail-on', 'warn'], { cwd: root })).code).toBe(1);
    expect((await runCli(['drift', '--reference', train, '--current', shifted, '--fail-on', 'never'], { cwd: root })).code).toBe(0);
    const config = join(folder, 'no-ratio.yml');
    await writeFile(config, 'fail_on: warn\nthresholds:\n  row_ratio: false\n');
    const clean = await runCli(['drift', '--reference', train, '--current', stable, '--config', config], { cwd: root });
    expect(clean.code).toBe(0);
    expect(clean.stdout.split('\n')[0]).toBe('No drift: 0 of 10 columns drifted');
  });

  it('--json prints the documented report; --out writes the same document', async () => {
    const out = join(folder, 'report.json');
    const result = await runCli(['drift', '--reference', train, '--current', shifted, '--json', '--out', out, '--segment-by', 'plan', '--segment-by', 'region'], { cwd: root });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(JSON.parse(await readFile(out, 'utf8'))).toEqual(report);
    expect(report).toMatchObject({ schema: 'tollgate.drift/v1', level: 'alert', drift: true, rows: { reference: 4000, current: 1500 }, reference: { kind: 'data', path: train } });
    expect(report.share_drifted).toBeCloseTo(0.3, 12);
    for (const key of ['name', 'type', 'test', 'statistic', 'p_value', 'q_value', 'psi', 'psi_noise', 'null_share', 'level', 'drifted', 'attribution']) {
      expect(report.columns[0], key).toHaveProperty(key);
    }
    expect(Object.keys(report.columns[0].null_share)).toEqual(expect.arrayContaining(['reference', 'current']));
    const spend = report.columns.find((column: { name: string }) => column.name === 'monthly_spend');
    expect(spend).toMatchObject({ type: 'float', test: 'ks', level: 'alert', drifted: true });
    expect(report.segments.map((entry: { column: string; by: string }) => `${entry.column}/${entry.by}`)).toEqual(['plan/region', 'monthly_spend/plan', 'monthly_spend/region']);
  });

  it('checks against a baseline profile made by `tollgate drift baseline`', async () => {
    const profile = join(folder, 'profile.json');
    const made = await runCli(['drift', 'baseline', train, '--out', profile], { cwd: root });
    expect(made.code).toBe(0);
    expect(made.stdout).toBe(`Wrote ${profile}: baseline of ${train} (4,000 rows, 11 columns, 6 with frozen bins)\n`);
    const result = await runCli(['drift', '--reference', profile, '--current', shifted, '--json'], { cwd: root });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.reference).toMatchObject({ kind: 'profile', path: profile, rows: 4000 });
    expect(report.reference.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(report.columns.find((column: { name: string }) => column.name === 'monthly_spend')).toMatchObject({ test: 'chisquare', level: 'alert' });
  });

  it('exits 2 with one clear line for usage and input errors', async () => {
    const missing = await runCli(['drift', '--reference', train], { cwd: root });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^tollgate drift: missing --current <data>/);
    const badLevel = await runCli(['drift', '--reference', train, '--current', stable, '--fail-on', 'sometimes'], { cwd: root });
    expect(badLevel.code).toBe(2);
    expect(badLevel.stderr).toBe("tollgate drift: --fail-on must be warn, alert or never; got 'sometimes'\n");
    const absent = await runCli(['drift', '--reference', 'nope.csv', '--current', stable], { cwd: root });
    expect(absent.code).toBe(2);
    expect(absent.stderr).toBe('tollgate drift: nope.csv: cannot read the file: no such file; expected a readable data file\n');
    const config = join(folder, 'bad.yml');
    await writeFile(config, 'columns:\n  age: {test: kss}\n');
    const badConfig = await runCli(['drift', '--reference', train, '--current', stable, '--config', config], { cwd: root });
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toMatch(new RegExp(`^tollgate drift: ${config.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:2:15: columns\\.age\\.test: expected one of`));
    const noOut = await runCli(['drift', 'baseline', train], { cwd: root });
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/missing --out <profile\.json>/);
  });

  it('answers --help with its usage', async () => {
    const help = await runCli(['drift', '--help'], { cwd: root });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: tollgate drift --reference <data\|profile\.json> --current <data> \[options\]/);
    expect(help.stdout).toContain('tollgate drift baseline <data> --out profile.json');
  });
});
