import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const root = join(import.meta.dirname, '..', '..');

// From test/cli/fixtures/profile_reference.py (pandas 1.5.3: count, isna().sum(),
// nunique(), min, max, mean, std with ddof=1) on examples/churn/data/train.csv.
const PANDAS: Record<string, { count: number; nulls: number; distinct: number; min?: number; max?: number; mean?: number; std?: number }> = {
  customer_id: { count: 4000, nulls: 0, distinct: 4000 },
  signup_date: { count: 4000, nulls: 0, distinct: 1061 },
  age: { count: 3943, nulls: 57, distinct: 69, min: 18.0, max: 90.0, mean: 44.27441034745118, std: 13.583396018232795 },
  tenure_months: { count: 4000, nulls: 0, distinct: 73, min: 0.0, max: 72.0, mean: 30.952, std: 21.4980286842614 },
  plan: { count: 4000, nulls: 0, distinct: 3 },
  region: { count: 4000, nulls: 0, distinct: 4 },
  monthly_spend: { count: 3957, nulls: 43, distinct: 3136, min: 11.24, max: 375.79, mean: 66.97481930755623, std: 58.694641342670586 },
  support_tickets: { count: 4000, nulls: 0, distinct: 8, min: 0.0, max: 7.0, mean: 1.29275, std: 1.1848621911864083 },
  last_login_days: { count: 4000, nulls: 0, distinct: 104, min: 0.0, max: 196.0, mean: 17.32175, std: 17.700933808755035 },
  autopay: { count: 4000, nulls: 0, distinct: 2 },
  churned: { count: 4000, nulls: 0, distinct: 2 },
};

describe('tollgate profile', () => {
  it('--json agrees with pandas on every column', async () => {
    const result = await runCli(['profile', 'examples/churn/data/train.csv', '--json'], { cwd: root });
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.rows).toBe(4000);
    expect(summary.columns.map((column: { name: string }) => column.name)).toEqual(Object.keys(PANDAS));
    for (const column of summary.columns) {
      const reference = PANDAS[column.name];
      expect(column.count, column.name).toBe(reference.count);
      expect(column.nulls, column.name).toBe(reference.nulls);
      expect(column.distinct, column.name).toBe(reference.distinct);
      if (reference.mean !== undefined) {
        expect(column.min).toBe(reference.min);
        expect(column.max).toBe(reference.max);
        expect(column.mean).toBeCloseTo(reference.mean, 10);
        expect(column.std).toBeCloseTo(reference.std!, 10);
      }
    }
    const signup = summary.columns.find((column: { name: string }) => column.name === 'signup_date');
    expect(signup).toMatchObject({ type: 'date', min: '2023-11-02', max: '2026-11-01' });
    expect(signup.top[0].value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('profiles of two shards merge into the profile of the whole', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tollgate-profile-'));
    const lines = (await readFile(join(root, 'examples/churn/data/train.csv'), 'utf8')).trimEnd().split('\n');
    const [header, ...rows] = lines;
    await writeFile(join(folder, 'a.csv'), `${header}\n${rows.slice(0, 1500).join('\n')}\n`);
    await writeFile(join(folder, 'b.csv'), `${header}\n${rows.slice(1500).join('\n')}\n`);
    for (const shard of ['a', 'b']) {
      const written = await runCli(['profile', `${shard}.csv`, '--out', `${shard}.json`, '--json'], { cwd: folder });
      expect(written.code).toBe(0);
    }
    const merged = await runCli(['profile', 'merge', 'a.json', 'b.json', '--json', '--out', 'all.json'], { cwd: folder });
    expect(merged.code).toBe(0);
    const whole = await runCli(['profile', join(root, 'examples/churn/data/train.csv'), '--json']);
    const mergedSummary = JSON.parse(merged.stdout);
    const wholeSummary = JSON.parse(whole.stdout);
    expect(mergedSummary.rows).toBe(4000);
    for (const [index, column] of mergedSummary.columns.entries()) {
      const reference = wholeSummary.columns[index];
      expect({ ...column, mean: undefined, std: undefined, top: undefined }).toEqual({ ...reference, mean: undefined, std: undefined, top: undefined });
      if (reference.mean !== null) {
        expect(column.mean).toBeCloseTo(reference.mean, 9);
        expect(column.std).toBeCloseTo(reference.std, 9);
      }
    }
    expect(JSON.parse(await readFile(join(folder, 'all.json'), 'utf8')).schema).toBe('tollgate.profile/v1');
  });

  it('explains bad profile files and usage mistakes with exit 2', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tollgate-profile-'));
    await writeFile(join(folder, 'bad.json'), '{"schema": 1');
    await writeFile(join(folder, 'other.json'), '{"schema": "something/v9"}');
    const cases: Array<[string[], RegExp]> = [
      [['profile', 'merge', 'bad.json'], /at least two profile files/],
      [['profile', 'merge', 'bad.json', 'other.json'], /bad\.json: not JSON/],
      [['profile', 'merge', 'other.json', 'other.json'], /other\.json/],
      [['profile', 'missing.csv'], /missing\.csv/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(args, { cwd: folder });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('the table shows values that did not read as their inferred type (they are not plain nulls)', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tollgate-profile-'));
    // Inference reads the first 10,000 rows; the stray text comes after them.
    await writeFile(join(folder, 'late.csv'), `a\n${Array.from({ length: 10_050 }, (_, index) => index).join('\n')}\nx\n`);
    const result = await runCli(['profile', 'late.csv'], { cwd: folder });
    expect(result.code).toBe(0);
    const [header, row] = result.stdout.split('\n').slice(2, 4).map((line) => line.trim().split(/\s{2,}/));
    expect(header.slice(0, 6)).toEqual(['column', 'type', 'count', 'nulls', 'invalid (in nulls)', 'min']);
    expect(row.slice(0, 6)).toEqual(['a', 'integer', '10,050', '1', '1', '0']);
    const clean = await runCli(['profile', 'examples/churn/data/train.csv'], { cwd: root });
    expect(clean.stdout).not.toContain('invalid');
  });

  it('names the files of profiles that do not merge, and refuses more threads than the machine runs', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tollgate-profile-'));
    await writeFile(join(folder, 'one.csv'), 'a\n1\n');
    await writeFile(join(folder, 'two.csv'), 'a,b\n1,2\n');
    for (const name of ['one', 'two']) expect((await runCli(['profile', `${name}.csv`, '--out', `${name}.json`], { cwd: folder })).code).toBe(0);
    const merged = await runCli(['profile', 'merge', 'one.json', 'one.json', 'two.json'], { cwd: folder });
    expect(merged.code).toBe(2);
    expect(merged.stderr).toMatch(/^tollgate profile merge: .*cannot merge profiles the merge of one\.json, one\.json and two\.json: they have 1 and 2 columns/);
    const many = await runCli(['profile', 'one.csv', '--threads', String(availableParallelism() + 1)], { cwd: folder });
    expect(many.code).toBe(2);
    expect(many.stderr).toContain(`--threads ${availableParallelism() + 1}: this machine runs ${availableParallelism()} thread`);
  });

  it('--threads 2 in the bundled command gives exactly the one-thread profile', async () => {
    const run = promisify(execFile);
    const folder = await mkdtemp(join(tmpdir(), 'tollgate-profile-threads-'));
    const args = ['cli/bin/tollgate.js', 'profile', 'examples/churn/data/train.csv', '--json'];
    const one = await run(process.execPath, [...args, '--out', join(folder, 'one.json')], { cwd: root });
    const two = await run(process.execPath, [...args, '--threads', '2', '--out', join(folder, 'two.json')], { cwd: root });
    expect(JSON.parse(two.stdout).rows).toBe(4000);
    expect(two.stdout).toBe(one.stdout);
    expect(await readFile(join(folder, 'two.json'), 'utf8')).toBe(await readFile(join(folder, 'one.json'), 'utf8'));
  });
});
