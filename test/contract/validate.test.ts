import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseContract, validateData, type CheckResult, type ValidationReport } from '../../shared/contract/index.js';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'tollgate-contract-'));
});

/** Writes the CSV, validates it against the contract text, returns the report. */
async function validate(csv: string, contract: string, now = new Date('2026-11-01T12:00:00Z')): Promise<ValidationReport> {
  const file = join(folder, `data-${Math.random().toString(36).slice(2)}.csv`);
  await writeFile(file, csv);
  return validateData(file, parseContract(contract, 'contract.yml'), { now });
}

function check(report: ValidationReport, column: string | null, rule: string): CheckResult {
  const found = report.checks.find((candidate) => candidate.column === column && candidate.rule === rule);
  if (!found) throw new Error(`no ${rule} check for ${column}: ${report.checks.map((c) => `${c.column}.${c.rule}`).join(', ')}`);
  return found;
}

const header = 'version: 1\ncolumns:\n';

describe('column rules', () => {
  it('type: counts values that do not read as the declared type, with their rows and lines', async () => {
    const report = await validate('n\n1\nx\n3\n4.5\n', `${header}  n: {type: integer}\n`);
    const result = check(report, 'n', 'type');
    // Observed: the texts that did not read (a value that failed is a null in the data, but not in the report).
    expect(result).toMatchObject({ ok: false, severity: 'error', observed: ['x', '4.5'], expected: 'integer', failing_rows: 2, message: '2 rows not readable as integer, e.g. "x"' });
    expect(result.examples).toEqual([
      { row: 2, line: 3, value: 'x' },
      { row: 4, line: 5, value: '4.5' },
    ]);
    expect(report.ok).toBe(false);
    const passing = await validate('n\n1\n2\n', `${header}  n: {type: integer}\n`);
    expect(check(passing, 'n', 'type').ok).toBe(true);
  });

  it('nullable: false fails on missing values only', async () => {
    const report = await validate('a,b\n1,x\n,y\n3,\n', `${header}  a: {type: integer, nullable: false}\n  b: {nullable: true}\n`);
    expect(check(report, 'a', 'nullable')).toMatchObject({ ok: false, failing_rows: 1, examples: [{ row: 2, line: 3, value: null }] });
    expect(report.checks.some((c) => c.column === 'b' && c.rule === 'nullable')).toBe(false);
  });

  it('max_null_fraction compares the share of missing rows', async () => {
    const csv = 'a\n1\n\n3\n4\n';
    const failing = await validate(csv, `${header}  a: {max_null_fraction: 0.2}\n`);
    expect(check(failing, 'a', 'max_null_fraction')).toMatchObject({ ok: false, observed: 0.25, failing_rows: 1 });
    const passing = await validate(csv, `${header}  a: {max_null_fraction: 0.25}\n`);
    expect(check(passing, 'a', 'max_null_fraction')).toMatchObject({ ok: true, observed: 0.25, failing_rows: 0 });
  });

  it('min and max are inclusive and report the observed extreme', async () => {
    const report = await validate('v\n0\n5\n10\n-2\n11\n', `${header}  v: {type: float, min: 0, max: 10}\n`);
    expect(check(report, 'v', 'min')).toMatchObject({ ok: false, observed: -2, failing_rows: 1, examples: [{ row: 4, value: -2 }] });
    expect(check(report, 'v', 'max')).toMatchObject({ ok: false, observed: 11, failing_rows: 1, examples: [{ row: 5, value: 11 }] });
    const passing = await validate('v\n0\n10\n', `${header}  v: {type: float, min: 0, max: 10}\n`);
    expect(check(passing, 'v', 'min').ok && check(passing, 'v', 'max').ok).toBe(true);
  });

  it('allowed lists the unexpected values by frequency', async () => {
    const report = await validate('plan\nbasic\ngold\npro\ngold\nplatinum\n', `${header}  plan: {type: category, allowed: [basic, pro]}\n`);
    const result = check(report, 'plan', 'allowed');
    expect(result).toMatchObject({ ok: false, failing_rows: 3, observed: { gold: 2, platinum: 1 } });
    expect(result.message).toContain('"gold" x2');
  });

  it('allowed accepts numbers and booleans', async () => {
    const report = await validate('k,f\n1,true\n2,false\n3,true\n', `${header}  k: {type: integer, allowed: [1, 2]}\n  f: {type: boolean, allowed: [true]}\n`);
    expect(check(report, 'k', 'allowed')).toMatchObject({ ok: false, failing_rows: 1, examples: [{ row: 3, value: 3 }] });
    expect(check(report, 'f', 'allowed')).toMatchObject({ ok: false, failing_rows: 1, examples: [{ row: 2, value: false }] });
  });

  it('pattern tests each value once per distinct text', async () => {
    const report = await validate('id\nC000001\nC00002\nC000003\nC00002\n', `${header}  id: {pattern: "^C[0-9]{6}$"}\n`);
    expect(check(report, 'id', 'pattern')).toMatchObject({ ok: false, failing_rows: 2, examples: [{ row: 2, value: 'C00002' }, { row: 4, value: 'C00002' }] });
  });

  it('unique flags every repeat after the first', async () => {
    const report = await validate('id\na\nb\na\na\nc\n', `${header}  id: {unique: true}\n`);
    expect(check(report, 'id', 'unique')).toMatchObject({ ok: false, failing_rows: 2, observed: '3 distinct of 5', examples: [{ row: 3 }, { row: 4 }] });
    const numbers = await validate('n\n1\n2\n3\n', `${header}  n: {type: integer, unique: true}\n`);
    expect(check(numbers, 'n', 'unique').ok).toBe(true);
  });

  it('length takes an exact length or bounds, in characters', async () => {
    const exact = await validate('s\nabc\nabcd\nåäö\n', `${header}  s: {length: 3}\n`);
    expect(check(exact, 's', 'length')).toMatchObject({ ok: false, failing_rows: 1, observed: '3..4', examples: [{ row: 2, value: 'abcd' }] });
    const bounded = await validate('s\na\nabcd\n', `${header}  s: {length: {min: 1, max: 4}}\n`);
    expect(check(bounded, 's', 'length').ok).toBe(true);
  });

  it('mean and std bounds use the sample standard deviation', async () => {
    // Values 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sample std sqrt(32/7) = 2.13809.
    const csv = 'x\n2\n4\n4\n4\n5\n5\n7\n9\n';
    const report = await validate(csv, `${header}  x: {type: float, mean: {min: 5.5}, std: {max: 2.2}}\n`);
    expect(check(report, 'x', 'mean')).toMatchObject({ ok: false, observed: 5, expected: '>= 5.5' });
    expect(check(report, 'x', 'std')).toMatchObject({ ok: true, observed: 2.13809 });
  });

  it('quantile bounds (exact below the sketch capacity)', async () => {
    const values = Array.from({ length: 101 }, (_, index) => index);
    const csv = `x\n${values.join('\n')}\n`;
    const report = await validate(csv, `${header}  x: {type: float, quantile: [{q: 0.5, max: 40}, {q: 0.9, min: 80, max: 95}]}\n`);
    const [median, p90] = report.checks.filter((c) => c.rule === 'quantile');
    expect(median).toMatchObject({ ok: false, observed: 50 });
    expect(p90).toMatchObject({ ok: true, observed: 90 });
  });

  it('a column with no declared type still reports values that break its inferred type, as a warning', async () => {
    const file = join(folder, 'late-text.csv');
    const rows = Array.from({ length: 20 }, (_, index) => String(index));
    await writeFile(file, `n\n${rows.join('\n')}\nabc\n`);
    // Inference sees only the first 10 rows (integers); row 21 then fails to read as one.
    const report = await validateData(file, parseContract('version: 1\ncolumns:\n  n: {}\n'), { read: { inferenceRows: 10 } });
    expect(check(report, 'n', 'type')).toMatchObject({ ok: false, severity: 'warn', failing_rows: 1, examples: [{ row: 21, line: 22 }] });
    expect(report.ok).toBe(true);
  });
});

describe('dataset rules', () => {
  it('rows bounds', async () => {
    const report = await validate('a\n1\n2\n', 'version: 1\ndataset:\n  rows: {min: 3}\ncolumns: {a: {}}\n');
    expect(check(report, null, 'rows')).toMatchObject({ ok: false, observed: 2, expected: '>= 3' });
  });

  it('columns: missing contract columns always fail; exact also rejects extra ones', async () => {
    const superset = await validate('a,extra\n1,2\n', 'version: 1\ncolumns: {a: {}, b: {}}\n');
    expect(check(superset, null, 'columns')).toMatchObject({ ok: false, message: 'missing b' });
    const exact = await validate('a,extra\n1,2\n', 'version: 1\ndataset: {columns: exact}\ncolumns: {a: {}}\n');
    expect(check(exact, null, 'columns')).toMatchObject({ ok: false, message: 'not in the contract: extra' });
    const fine = await validate('a,extra\n1,2\n', 'version: 1\ncolumns: {a: {}}\n');
    expect(check(fine, null, 'columns').ok).toBe(true);
  });

  it('unique composite key', async () => {
    const report = await validate('a,b\n1,x\n1,y\n1,x\n2,x\n', 'version: 1\ndataset: {unique: [a, b]}\ncolumns: {a: {}, b: {}}\n');
    expect(check(report, null, 'unique')).toMatchObject({ ok: false, failing_rows: 1, examples: [{ row: 3, value: '1, x' }] });
  });

  it('freshness compares the newest date with the clock', async () => {
    const contract = 'version: 1\ndataset: {freshness: {column: d, max_age: 30d}}\ncolumns: {d: {type: date}}\n';
    const fresh = await validate('d\n2026-10-01\n2026-10-20\n', contract, new Date('2026-11-01T00:00:00Z'));
    expect(check(fresh, null, 'freshness')).toMatchObject({ ok: true, observed: '2026-10-20T00:00:00.000Z' });
    const stale = await validate('d\n2026-09-01\n', contract, new Date('2026-11-01T00:00:00Z'));
    expect(check(stale, null, 'freshness').ok).toBe(false);
  });
});

describe('severity', () => {
  it('per rule beats per column beats the default; warnings do not fail the gate', async () => {
    const contract = `${header}  v: {type: float, severity: warn, min: 0, max: {value: 10, severity: error}}\n`;
    const report = await validate('v\n-1\n5\n', contract);
    expect(check(report, 'v', 'min')).toMatchObject({ ok: false, severity: 'warn' });
    expect(check(report, 'v', 'max')).toMatchObject({ ok: true, severity: 'error' });
    expect(report.ok).toBe(true);
    expect(report.summary).toMatchObject({ failed_errors: 0, failed_warnings: 1 });
  });

  it('each result points at the rule in the contract file', async () => {
    const report = await validate('v\n-1\n', `${header}  v:\n    type: float\n    min: 0\n`);
    expect(check(report, 'v', 'min').location).toEqual({ file: 'contract.yml', line: 5, column: 10 });
  });
});

describe('contract file errors', () => {
  it('names the line and column and what was expected', () => {
    expect(() => parseContract('version: 1\ncolumns:\n  a: {type: integr}\n', 'c.yml')).toThrow(
      "c.yml:3:13: columns.a.type: expected one of integer, float, boolean, date, datetime, string, category, got 'integr'",
    );
    // A bare value is judged as the value; the {value, severity} form only when a mapping was written.
    expect(() => parseContract('version: 1\ncolumns:\n  a: {min: abc}\n', 'c.yml')).toThrow("c.yml:3:12: columns.a.min: expected the minimum (a number), got 'abc'");
    expect(() => parseContract('version: 1\ncolumns:\n  a: {nullable: maybe}\n', 'c.yml')).toThrow("c.yml:3:17: columns.a.nullable: expected true or false, got 'maybe'");
    expect(() => parseContract('version: 1\ncolumns:\n  a: {max_null_fraction: 2}\n', 'c.yml')).toThrow('columns.a.max_null_fraction: expected a fraction between 0 and 1, got 2');
    expect(() => parseContract('version: 1\ncolumns:\n  a: {allowed: []}\n', 'c.yml')).toThrow('columns.a.allowed: expected at least one allowed value, got an empty list');
    expect(() => parseContract('version: 1\ncolumns:\n  a: {min: {value: 1, severity: bad}}\n', 'c.yml')).toThrow(
      'c.yml:3:12: columns.a.min: expected {value: ..., severity: error|warn}; severity: expected error or warn',
    );
    expect(() => parseContract('version: 1\ncolumns:\n  a: {min: {vaule: 1}}\n', 'c.yml')).toThrow('columns.a.min: expected {value: ..., severity: error|warn}; vaule: unknown key');
    expect(() => parseContract('version: 2\ncolumns: {}\n', 'c.yml')).toThrow('c.yml:1:10: version: expected one of 1, got 2');
    expect(() => parseContract('version: 1\ncolumns:\n  a: {minn: 1}\n', 'c.yml')).toThrow("c.yml:3:7: columns.a.minn: unknown key 'minn', did you mean 'min'?");
    expect(() => parseContract('version: 1\ncolumns:\n  a: {pattern: "("}\n', 'c.yml')).toThrow(/c\.yml:3:16: .*not a valid regular expression/);
    expect(() => parseContract('version: 1\ncolumns:\n  a: {mean: {}}\n', 'c.yml')).toThrow(/give min, max or both/);
  });

  it('refuses bounds no value could meet, an empty file and a missing version with one clear line', () => {
    expect(() => parseContract('version: 1\ncolumns:\n  age: {type: integer, min: 50, max: 10}\n', 'c.yml')).toThrow(
      /^c\.yml:3:\d+: columns\.age\.max: max 10 is below min 50: no value could pass$/,
    );
    expect(() => parseContract('version: 1\ncolumns:\n  id: {length: {min: 8, max: 6}}\n', 'c.yml')).toThrow('columns.id.length.max: length max 6 is below min 8: no value could pass');
    expect(() => parseContract('version: 1\ndataset:\n  rows: {min: 10, max: 5}\ncolumns: {}\n', 'c.yml')).toThrow('dataset.rows.max: rows max is below rows min: no data could pass');
    for (const empty of ['', '\n# only a comment\n']) {
      expect(() => parseContract(empty, 'c.yml')).toThrow(/^c\.yml:1:1: the contract is empty; expected at least version: 1 and columns: \(tollgate contract infer <data> writes a starting contract\)$/);
    }
    expect(() => parseContract('columns: {}\n', 'c.yml')).toThrow(/^c\.yml:1:1: version: is required \(expected 1\)$/);
  });
});
