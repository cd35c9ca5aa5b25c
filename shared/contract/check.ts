import type { SourceLocation } from '../errors/index.js';
import type { Column, RecordBatch, Schema } from '../data/types.js';
import type { Severity } from './schema.js';

/** A row that broke a rule, for people to look at. Rows are 1-based data rows. */
export interface Example {
  row: number;
  /** Physical line in a text file (CSV/JSONL), when known. */
  line?: number;
  value: string | number | boolean | null;
}

/** The outcome of one rule, in the shape `tollgate validate --json` prints. */
export interface CheckResult {
  /** `null` for dataset rules. */
  column: string | null;
  rule: string;
  severity: Severity;
  ok: boolean;
  observed: unknown;
  expected: unknown;
  failing_rows: number;
  examples: Example[];
  message: string;
  /** Where the rule is written in the contract file. */
  location?: SourceLocation;
}

/** What every check needs to know before it sees data. */
export interface CheckSetup {
  rule: string;
  severity: Severity;
  location: SourceLocation;
}

/**
 * One rule, evaluated while the data streams past. `observe` sees every
 * batch exactly once, in order; `finish` reports.
 */
export interface ContractCheck {
  observe(batch: RecordBatch): void;
  finish(rows: number, read: ReadOutcome): CheckResult;
}

/** What the reader learnt beyond the batches, for the checks' reports. */
export interface ReadOutcome {
  /** The source text of a value that could not be read as its column's type (0-based row), when the reader kept it. */
  invalidText(column: string, row: number): string | undefined;
}

/** A column check is built for one column of the data's schema. */
export interface ColumnCheckContext extends CheckSetup {
  column: string;
  /** Position of the column in each batch. */
  index: number;
  schema: Schema;
}

/** Reads one cell as a plain value for an example. */
export function cellValue(column: Column, row: number): string | number | boolean | null {
  if (column.nulls[row]) return null;
  switch (column.kind) {
    case 'number':
      if (column.type === 'date') return new Date(column.values[row]).toISOString().slice(0, 10);
      if (column.type === 'datetime') return new Date(column.values[row]).toISOString();
      return column.values[row];
    case 'boolean':
      return column.values[row] === 1;
    case 'string':
      return column.dictionary[column.codes[row]];
  }
}

/** Counts failing rows and keeps the first few as examples. */
export class Violations {
  static readonly EXAMPLES = 5;
  count = 0;
  readonly examples: Example[] = [];

  add(batch: RecordBatch, row: number, value: string | number | boolean | null): void {
    this.count++;
    if (this.examples.length < Violations.EXAMPLES) {
      const example: Example = { row: batch.rowOffset + row + 1, value };
      if (batch.lines) example.line = batch.lines[row];
      this.examples.push(example);
    }
  }
}

/** Builds a result; `ok` follows from the failing rows unless given. */
export function result(
  setup: CheckSetup & { column?: string },
  fields: { ok?: boolean; observed: unknown; expected: unknown; violations?: Violations; message: string },
): CheckResult {
  const failing = fields.violations?.count ?? 0;
  return {
    column: setup.column ?? null,
    rule: setup.rule,
    severity: setup.severity,
    ok: fields.ok ?? failing === 0,
    observed: fields.observed,
    expected: fields.expected,
    failing_rows: failing,
    examples: fields.violations?.examples ?? [],
    message: fields.message,
    location: setup.location,
  };
}

/** "3 rows" / "1 row". */
export function rowsText(count: number): string {
  return `${count.toLocaleString('en-US')} row${count === 1 ? '' : 's'}`;
}
