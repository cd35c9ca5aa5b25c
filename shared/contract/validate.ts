import type { LocatedDocument } from '../config/yaml-document.js';
import { invalidSourceText, openTable } from '../data/index.js';
import type { ColumnType, ReadOptions } from '../data/types.js';
import { buildChecks } from './build-checks.js';
import { result, type CheckResult } from './check.js';
import { ruleValue, type Contract } from './schema.js';

/** What `tollgate validate --json` prints and the action writes. */
export interface ValidationReport {
  /** False when any error-severity check failed. */
  ok: boolean;
  data: string;
  contract: string;
  rows: number;
  checks: CheckResult[];
  summary: { checks: number; failed_errors: number; failed_warnings: number };
}

export interface ValidateOptions {
  /** The clock for freshness rules (tests pin it). */
  now?: Date;
  /** Called after each batch with the rows read so far. */
  onProgress?: (rows: number) => void;
  /** Reader options (format, delimiter); declared types come from the contract. */
  read?: Omit<ReadOptions, 'types'>;
}

/**
 * Streams `dataPath` once and checks every rule of the contract. Columns the
 * contract names but the data lacks, and (with `columns: exact`) columns the
 * data has but the contract does not name, fail the dataset `columns` rule.
 */
export async function validateData(dataPath: string, contract: LocatedDocument<Contract>, options: ValidateOptions = {}): Promise<ValidationReport> {
  const types: Record<string, ColumnType> = {};
  for (const [name, rules] of Object.entries(contract.value.columns)) {
    const type = ruleValue(rules.type);
    if (type) types[name] = type.value as ColumnType;
  }
  const reader = await openTable(dataPath, { ...options.read, types });
  const checks: CheckResult[] = [schemaCheck(contract, reader.schema.fields.map((field) => field.name))];
  const planned = buildChecks(contract, reader.schema, options.now ?? new Date());

  let rows = 0;
  try {
    for await (const batch of reader) {
      for (const { check } of planned) check.observe(batch);
      rows += batch.length;
      options.onProgress?.(rows);
    }
  } finally {
    await reader.close();
  }

  const read = { invalidText: (column: string, row: number) => invalidSourceText(reader.invalidExamples, column, row) };
  for (const { check, reportOnlyOnFailure } of planned) {
    const outcome = check.finish(rows, read);
    if (!reportOnlyOnFailure || !outcome.ok) checks.push(outcome);
  }
  const failedErrors = checks.filter((check) => !check.ok && check.severity === 'error').length;
  const failedWarnings = checks.filter((check) => !check.ok && check.severity === 'warn').length;
  return {
    ok: failedErrors === 0,
    data: dataPath,
    contract: contract.file,
    rows,
    checks,
    summary: { checks: checks.length, failed_errors: failedErrors, failed_warnings: failedWarnings },
  };
}

/** The dataset `columns` rule; missing contract columns fail it whatever the mode. */
function schemaCheck(contract: LocatedDocument<Contract>, present: string[]): CheckResult {
  const mode = ruleValue(contract.value.dataset.columns) ?? { value: 'superset' as const };
  const declared = Object.keys(contract.value.columns);
  const presentSet = new Set(present);
  const declaredSet = new Set(declared);
  const missing = declared.filter((name) => !presentSet.has(name));
  const extra = mode.value === 'exact' ? present.filter((name) => !declaredSet.has(name)) : [];
  const problems = [
    missing.length > 0 ? `missing ${missing.join(', ')}` : '',
    extra.length > 0 ? `not in the contract: ${extra.join(', ')}` : '',
  ].filter(Boolean);
  const hasRule = contract.value.dataset.columns !== undefined;
  return result(
    {
      rule: 'columns',
      severity: mode.severity ?? contract.value.dataset.severity ?? 'error',
      location: contract.locate(hasRule ? ['dataset', 'columns'] : ['columns']),
    },
    {
      ok: problems.length === 0,
      observed: present,
      expected: mode.value === 'exact' ? declared : `at least ${declared.join(', ')}`,
      message: problems.length === 0 ? `${present.length} columns as declared (${mode.value})` : problems.join('; '),
    },
  );
}
