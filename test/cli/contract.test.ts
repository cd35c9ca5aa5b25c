import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commonShape } from '../../shared/contract/index.js';
import { runCli } from '../support/cli.js';

const root = join(import.meta.dirname, '..', '..');

describe('tollgate contract infer', () => {
  it('writes a contract the data passes and the broken copy fails', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tollgate-infer-'));
    const out = join(folder, 'contract.yml');
    const written = await runCli(['contract', 'infer', 'examples/churn/data/train.csv', '--out', out], { cwd: root });
    expect(written.code).toBe(0);
    expect(written.stdout).toBe(`wrote ${out} (11 columns)\n`);
    const text = await readFile(out, 'utf8');
    expect(text).toContain('customer_id: { type: string, nullable: false, unique: true, pattern: "^C[0-9]{6}$" }');
    expect(text).toContain('plan: { type: category, nullable: false, allowed: [ basic, enterprise, pro ] }');
    expect(text).toContain('age: { type: integer, max_null_fraction: { value: 0.027, severity: warn }, min: { value: 18, severity: warn }, max: { value: 90, severity: warn } }');

    const good = await runCli(['validate', 'examples/churn/data/train.csv', '--contract', out], { cwd: root });
    expect(good.code).toBe(0);
    const broken = await runCli(['validate', 'examples/churn/data/train-broken.csv', '--contract', out, '--json'], { cwd: root });
    expect(broken.code).toBe(1);
    const failed = JSON.parse(broken.stdout).checks.filter((check: { ok: boolean; severity: string }) => !check.ok && check.severity === 'error');
    expect(failed.map((check: { column: string | null; rule: string }) => `${check.column}.${check.rule}`).sort()).toEqual([
      'churned.nullable',
      'customer_id.pattern',
      'customer_id.unique',
      'null.unique',
      'plan.allowed',
    ]);
  });

  it('finds the common shape of ID-like values', () => {
    expect(commonShape(['C000001', 'C123456'])).toBe('^C[0-9]{6}$');
    expect(commonShape(['INV-2024-0001', 'INV-2025-0042'])).toBe('^INV\\-[0-9]{4}\\-[0-9]{4}$');
    expect(commonShape(['C1', 'C12'])).toBeUndefined();
    expect(commonShape(['abc', 'abd'])).toBeUndefined();
    expect(commonShape(['a b1', 'a b2'])).toBeUndefined();
  });

  it('rejects unknown subcommands', async () => {
    const result = await runCli(['contract', 'guess', 'x.csv']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown subcommand 'guess'; expected infer");
  });
});
