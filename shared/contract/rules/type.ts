import type { ColumnType } from '../../data/types.js';
import { result, Violations, cellValue, rowsText, type ColumnCheckContext, type ContractCheck, type CheckResult, type ReadOutcome } from '../check.js';
import type { RecordBatch } from '../../data/types.js';

/** Declared types that accept data of another type without loss. */
const COMPATIBLE: Record<ColumnType, readonly ColumnType[]> = {
  integer: ['integer'],
  float: ['float', 'integer'],
  boolean: ['boolean'],
  date: ['date'],
  datetime: ['datetime', 'date'],
  string: ['string', 'category'],
  category: ['category', 'string'],
};

/**
 * `type`: the column holds the declared type. Text formats are read with the
 * declared type, so every value that failed to coerce is a failing row; typed
 * formats (Parquet, Arrow) fail when their column type cannot hold it.
 */
export class TypeCheck implements ContractCheck {
  private readonly violations = new Violations();
  private readonly observedType: ColumnType;
  private readonly integralOnly: boolean;
  private readonly compatible: boolean;

  constructor(
    private readonly context: ColumnCheckContext,
    private readonly declared: ColumnType,
  ) {
    this.observedType = context.schema.fields[context.index].type;
    // A float column can still satisfy `integer` when every value is whole.
    this.integralOnly = declared === 'integer' && this.observedType === 'float';
    this.compatible = this.integralOnly || COMPATIBLE[declared].includes(this.observedType);
  }

  observe(batch: RecordBatch): void {
    const column = batch.columns[this.context.index];
    const { invalid } = column;
    if (invalid) {
      for (let row = 0; row < batch.length; row++) {
        if (invalid[row]) this.violations.add(batch, row, null);
      }
    }
    if (!this.compatible) {
      for (let row = 0; row < batch.length; row++) {
        if (!column.nulls[row]) this.violations.add(batch, row, cellValue(column, row));
      }
    } else if (this.integralOnly && column.kind === 'number') {
      const { values, nulls } = column;
      for (let row = 0; row < batch.length; row++) {
        if (!nulls[row] && !Number.isInteger(values[row])) this.violations.add(batch, row, values[row]);
      }
    }
  }

  finish(_rows: number, read: ReadOutcome): CheckResult {
    const { count } = this.violations;
    // A value the reader could not coerce is a null in the batch; its source text is what the user needs to see.
    for (const example of this.violations.examples) {
      if (example.value === null) example.value = read.invalidText(this.context.column, example.row - 1) ?? null;
    }
    let message: string;
    let observed: unknown = this.observedType;
    if (!this.compatible) message = `column is ${this.observedType}, expected ${this.declared}`;
    else if (count > 0) {
      const texts = [...new Set(this.violations.examples.map((example) => example.value).filter((value) => value !== null))];
      // The offending texts (at most the examples'), as `allowed` lists the unexpected values.
      observed = texts.length > 0 ? texts : `${count} unreadable`;
      message = `${rowsText(count)} not readable as ${this.declared}${texts.length > 0 ? `, e.g. ${JSON.stringify(texts[0])}` : ''}`;
    } else message = `all values are ${this.declared}`;
    return result(this.context, {
      ok: this.compatible && count === 0,
      observed,
      expected: this.declared,
      violations: this.violations,
      message,
    });
  }
}
