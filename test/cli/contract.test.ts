import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
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
    const invoices = commonShape(['INV-2024-0001', 'INV-2025-0042']) as string;
    expect(invoices).toBe('^INV-[0-9]{4}-[0-9]{4}$');
    // Contracts compile patterns with the u flag, where `\-` is an error.
    expect(new RegExp(invoices, 'u').test('INV-2030-1234')).toBe(true);
    expect(commonShape(['C1', 'C12'])).toBeUndefined();
    expect(commonShape(['abc', 'abd'])).toBeUndefined();
    expect(commonShape(['a b1', 'a b2'])).toBeUndefined();
  });

  it('writes a contract its own data passes, whatever the data holds', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tollgate-infer-'));
    const late = Array.from({ length: 10_002 }, (_, index) => `${index},${index}`).join('\n');
    const cases: Record<string, string> = {
      // Dashes in an ID shape; an empty column; a category with a line break.
      'shapes.csv': 'month,note,kind\n2024-01,,"a\nb"\n2024-02,,"a\nb"\n2024-01,,c\n2024-02,,c\n',
      // Headers YAML would read as null or booleans.
      'keywords.csv': 'TRUE,Null,False,NULL,yes,ok\n1,2,3,4,5,6\n7,8,9,10,11,12\n',
      // A value past the rows types are inferred from that is not an integer.
      'late.csv': `id,amount\n${late}\n10002,1.5\n`,
    };
    for (const [name, content] of Object.entries(cases)) {
      await writeFile(join(folder, name), content);
      const out = join(folder, `${name}.yml`);
      const inferred = await runCli(['contract', 'infer', name, '--out', out], { cwd: folder });
      expect(inferred.code, `${name}: ${inferred.stderr}`).toBe(0);
      const checked = await runCli(['validate', name, '--contract', out], { cwd: folder });
      expect(checked.code, `${name}: ${checked.stdout}`).toBe(0);
    }
    const shapes = await readFile(join(folder, 'shapes.csv.yml'), 'utf8');
    expect(shapes).toContain('pattern: "^[0-9]{4}-[0-9]{2}$"');
    expect(shapes).toMatch(/note: \{ type: string, max_null_fraction: \{ value: 1, severity: warn \} \}/);
    expect(await readFile(join(folder, 'keywords.csv.yml'), 'utf8')).toContain('  "NULL": ');
    expect(await readFile(join(folder, 'late.csv.yml'), 'utf8')).toContain('amount: { type: float,');
  });

  it('names the subcommand in its errors', async () => {
    const result = await runCli(['contract', 'infer', 'missing.csv']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^tollgate contract infer: missing\.csv: /);
  });

  it('rejects unknown subcommands', async () => {
    const result = await runCli(['contract', 'guess', 'x.csv']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown subcommand 'guess'; expected infer");
  });
});
