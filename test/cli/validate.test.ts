import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const root = join(import.meta.dirname, '..', '..');
const contract = 'examples/churn/contract.yml';

describe('tollgate validate', () => {
  it('exits 0 on the good example and prints a readable table', async () => {
    const result = await runCli(['validate', 'examples/churn/data/train.csv', '--contract', contract], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^✓ examples\/churn\/data\/train\.csv: passed: \d+ checks over 4,000 rows$/);
    expect(result.stdout).toMatch(/ok\s+plan\s+allowed/);
  });

  it('exits 1 on the broken example; --json prints the documented shape', async () => {
    const result = await runCli(['validate', 'examples/churn/data/train-broken.csv', '--contract', contract, '--json'], { cwd: root });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ ok: false, rows: 4000 });
    const plan = report.checks.find((check: { column: string; rule: string }) => check.column === 'plan' && check.rule === 'allowed');
    expect(Object.keys(plan).sort()).toEqual(['column', 'examples', 'expected', 'failing_rows', 'location', 'message', 'observed', 'ok', 'rule', 'severity']);
    expect(plan).toMatchObject({ severity: 'error', ok: false, failing_rows: 2, observed: { platinum: 2 }, expected: ['basic', 'pro', 'enterprise'] });
    const unique = report.checks.find((check: { column: string | null; rule: string }) => check.column === null && check.rule === 'unique');
    expect(unique.failing_rows).toBe(2);
  });

  it('writes the report with --out and honours --fail-on', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tollgate-cli-'));
    const data = join(folder, 'data.csv');
    const rules = join(folder, 'contract.yml');
    await writeFile(data, 'v\n-1\n2\n');
    await writeFile(rules, 'version: 1\ncolumns:\n  v: {type: integer, min: {value: 0, severity: warn}}\n');
    const out = join(folder, 'report.json');
    const plain = await runCli(['validate', data, '--contract', rules, '--out', out]);
    expect(plain.code).toBe(0);
    expect(plain.stdout.split('\n')[0]).toBe(`! ${data}: passed with 1 warning (3 checks, 2 rows)`);
    expect(JSON.parse(await readFile(out, 'utf8')).summary).toEqual({ checks: 3, failed_errors: 0, failed_warnings: 1 });
    // The headline says what the exit code says.
    const strict = await runCli(['validate', data, '--contract', rules, '--fail-on', 'warn']);
    expect(strict.code).toBe(1);
    expect(strict.stdout.split('\n')[0]).toBe(`✗ ${data}: failed: 1 warning (--fail-on warn) in 3 checks over 2 rows`);
    await writeFile(rules, 'version: 1\ncolumns:\n  v: {type: integer, min: 0}\n');
    const lenient = await runCli(['validate', data, '--contract', rules, '--fail-on', 'never']);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout.split('\n')[0]).toBe(`! ${data}: passed with 1 error (--fail-on never) (3 checks, 2 rows)`);
  });

  it('exits 2 with one clear line for usage and input errors', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['validate', 'examples/churn/data/train.csv'], /missing --contract <file>/],
      [['validate', '--contract', contract], /missing the data file/],
      [['validate', 'examples/churn/data/train.csv', '--contract', contract, '--bogus'], /unknown option '--bogus'/],
      [['validate', 'examples/churn/data/missing.csv', '--contract', contract], /missing\.csv.*(not found|no such file)/i],
      [['validate', 'examples/churn/data/train.csv', '--contract', 'examples/churn/nope.yml'], /nope\.yml: file not found/],
      [['validate', 'examples/churn/data/train.csv', '--contract', contract, '--fail-on', 'maybe'], /--fail-on must be error, warn or never/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(args, { cwd: root });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('tollgate head', () => {
  it('prints the first rows as JSON objects keyed by column', async () => {
    const result = await runCli(['head', 'examples/churn/data/train.csv', '-n', '2', '--json'], { cwd: root });
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout);
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0])).toEqual(['customer_id', 'signup_date', 'age', 'tenure_months', 'plan', 'region', 'monthly_spend', 'support_tickets', 'last_login_days', 'autopay', 'churned']);
    expect(rows[0].customer_id).toMatch(/^C\d{6}$/);
    expect(typeof rows[0].age).toBe('number');
    expect(typeof rows[0].autopay).toBe('boolean');
  });

  it('rejects an unknown --format as a usage error', async () => {
    const result = await runCli(['head', 'examples/churn/data/train.csv', '--format', 'xml'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("tollgate head: unknown format 'xml'; expected one of csv, jsonl, parquet, arrow\n");
  });

  it('rejects a non-numeric -n', async () => {
    const result = await runCli(['head', 'examples/churn/data/train.csv', '-n', 'ten'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("-n expects a positive whole number, got 'ten'");
  });

  it("says what is wrong with a flag in one line of its own words (not node's parser's)", async () => {
    const cases: Array<[string[], string]> = [
      [['head', 'x.csv', '--bogus'], "tollgate head: unknown option '--bogus'"],
      [['head', 'x.csv', '-n', '-3'], "tollgate head: -n needs a value; a value that starts with '-' is written -n-3"],
      [['head', 'x.csv', '-n'], 'tollgate head: -n needs a value'],
      [['head', 'x.csv', '--json=yes'], 'tollgate head: --json takes no value'],
      [['validate', 'x.csv', '--contract'], 'tollgate validate: --contract needs a value'],
    ];
    for (const [args, first] of cases) {
      const result = await runCli(args, { cwd: root });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.split('\n')[0]).toBe(first);
    }
  });
});

describe('the installed command (README)', () => {
  it('runs `tollgate validate` through the committed bin and bundle', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, ['cli/bin/tollgate.js', 'validate', 'examples/churn/data/train.csv', '--contract', contract], { cwd: root });
    expect(stdout).toMatch(/^✓ /);
    const failed = await run(process.execPath, ['cli/bin/tollgate.js', 'validate', 'examples/churn/data/train-broken.csv', '--contract', contract], { cwd: root }).catch((error) => error);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/^✗ .*8 errors/);
  });
});
