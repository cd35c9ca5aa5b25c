import type { RecordBatch } from '../../data/types.js';
import { result, rowsText, Violations, type ColumnCheckContext, type ContractCheck, type CheckResult } from '../check.js';

/** Rows that are missing a value (values that failed to coerce are type failures, not nulls). */
export function forEachNull(batch: RecordBatch, index: number, visit: (row: number) => void): void {
  const { nulls, invalid } = batch.columns[index];
  for (let row = 0; row < batch.length; row++) {
    if (nulls[row] && !(invalid && invalid[row])) visit(row);
  }
}

/** `nullable: false`: no value may be missing. */
export class NullableCheck implements ContractCheck {
  private readonly violations = new Violations();

  constructor(
    private readonly context: ColumnCheckContext,
    private readonly nullable: boolean,
  ) {}

  observe(batch: RecordBatch): void {
    if (this.nullable) return;
    forEachNull(batch, this.context.index, (row) => this.violations.add(batch, row, null));
  }

  finish(): CheckResult {
    const { count } = this.violations;
    return result(this.context, {
      observed: `${count} null${count === 1 ? '' : 's'}`,
      expected: this.nullable ? 'nulls allowed' : 'no nulls',
      violations: this.violations,
      message: count === 0 ? 'no missing values' : `${rowsText(count)} missing a value`,
    });
  }
}

/** `max_null_fraction`: at most this share of rows may be missing. */
export class MaxNullFractionCheck implements ContractCheck {
  private readonly violations = new Violations();

  constructor(
    private readonly context: ColumnCheckContext,
    private readonly limit: number,
  ) {}

  observe(batch: RecordBatch): void {
    forEachNull(batch, this.context.index, (row) => this.violations.add(batch, row, null));
  }

  finish(rows: number): CheckResult {
    const fraction = rows === 0 ? 0 : this.violations.count / rows;
    const ok = fraction <= this.limit;
    return {
      ...result(this.context, {
        ok,
        observed: Number(fraction.toFixed(6)),
        expected: `<= ${this.limit}`,
        violations: this.violations,
        message: `${(fraction * 100).toFixed(2)}% missing (${rowsText(this.violations.count)}), limit ${(this.limit * 100).toFixed(2)}%`,
      }),
      failing_rows: ok ? 0 : this.violations.count,
    };
  }
}
