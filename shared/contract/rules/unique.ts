import type { RecordBatch } from '../../data/types.js';
import { result, rowsText, Violations, cellValue, type CheckSetup, type ContractCheck, type CheckResult } from '../check.js';
import { KeyHasher, KeyHashSet } from '../key-set.js';

/**
 * `unique` on a column, and the dataset's (composite) `unique` key: every row
 * after the first with the same key is a failing row. Nulls take part in keys
 * (two rows with a missing id are duplicates).
 */
export class UniqueCheck implements ContractCheck {
  private readonly violations = new Violations();
  private readonly seen = new KeyHashSet();
  private readonly hasher = new KeyHasher();

  constructor(
    private readonly setup: CheckSetup & { column?: string },
    private readonly names: readonly string[],
    private readonly indexes: readonly number[],
  ) {}

  observe(batch: RecordBatch): void {
    const columns = this.indexes.map((index) => batch.columns[index]);
    const hasher = this.hasher;
    for (let row = 0; row < batch.length; row++) {
      hasher.reset();
      for (const column of columns) {
        if (column.nulls[row]) hasher.addNull();
        else if (column.kind === 'string') hasher.addNumber(column.codes[row]);
        else hasher.addNumber(column.values[row]);
      }
      hasher.finish();
      if (!this.seen.add(hasher.high, hasher.low)) {
        const value = columns.length === 1 ? cellValue(columns[0], row) : columns.map((column) => String(cellValue(column, row))).join(', ');
        this.violations.add(batch, row, value);
      }
    }
  }

  finish(rows: number): CheckResult {
    const { count } = this.violations;
    const key = this.names.join(', ');
    return result(this.setup, {
      observed: `${this.seen.size} distinct of ${rows}`,
      expected: `unique ${key}`,
      violations: this.violations,
      message: count === 0 ? `${key} is unique` : `${rowsText(count)} repeating an earlier ${key}`,
    });
  }
}
