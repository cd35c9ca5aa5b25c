import type { RecordBatch } from '../../data/types.js';
import { result, rowsText, Violations, type ColumnCheckContext, type ContractCheck, type CheckResult } from '../check.js';

/** `min` / `max`: every present value lies on the allowed side of the bound (inclusive). */
export class RangeCheck implements ContractCheck {
  private readonly violations = new Violations();
  private extreme = Number.NaN;

  constructor(
    private readonly context: ColumnCheckContext,
    private readonly side: 'min' | 'max',
    private readonly bound: number,
  ) {}

  observe(batch: RecordBatch): void {
    const column = batch.columns[this.context.index];
    if (column.kind === 'string') return;
    const { values, nulls } = column;
    const bound = this.bound;
    const lower = this.side === 'min';
    let extreme = this.extreme;
    for (let row = 0; row < batch.length; row++) {
      if (nulls[row]) continue;
      const value = values[row];
      if (lower ? !(value >= extreme) : !(value <= extreme)) extreme = value;
      if (lower ? value < bound : value > bound) this.violations.add(batch, row, value);
    }
    this.extreme = extreme;
  }

  finish(): CheckResult {
    const isString = this.context.schema.fields[this.context.index].type === 'string' || this.context.schema.fields[this.context.index].type === 'category';
    if (isString) {
      return result(this.context, {
        ok: false,
        observed: this.context.schema.fields[this.context.index].type,
        expected: 'a numeric column',
        message: `${this.side} applies to numbers; this column holds text`,
      });
    }
    const { count } = this.violations;
    const word = this.side === 'min' ? 'below' : 'above';
    const observed = Number.isNaN(this.extreme) ? null : this.extreme;
    return result(this.context, {
      observed,
      expected: `${this.side === 'min' ? '>=' : '<='} ${this.bound}`,
      violations: this.violations,
      message: count === 0 ? `${this.side} is ${observed ?? 'n/a'}` : `${rowsText(count)} ${word} ${this.bound} (observed ${this.side} ${observed})`,
    });
  }
}
