import type { RecordBatch } from '../../data/types.js';
import { result, rowsText, Violations, cellValue, type ColumnCheckContext, type ContractCheck, type CheckResult } from '../check.js';

/** `length`: the text of every present value has this many characters (code points), or lies in `{min, max}`. */
export class LengthCheck implements ContractCheck {
  private readonly violations = new Violations();
  private readonly min: number;
  private readonly max: number;
  private shortest = Infinity;
  private longest = -Infinity;
  private lengths = new Int32Array(0);

  constructor(
    private readonly context: ColumnCheckContext,
    bounds: { min?: number; max?: number },
  ) {
    this.min = bounds.min ?? 0;
    this.max = bounds.max ?? Infinity;
  }

  observe(batch: RecordBatch): void {
    const column = batch.columns[this.context.index];
    for (let row = 0; row < batch.length; row++) {
      if (column.nulls[row]) continue;
      const length = column.kind === 'string' ? this.lengthOfCode(column.codes[row], column.dictionary) : [...String(cellValue(column, row))].length;
      if (length < this.shortest) this.shortest = length;
      if (length > this.longest) this.longest = length;
      if (length < this.min || length > this.max) this.violations.add(batch, row, cellValue(column, row));
    }
  }

  private lengthOfCode(code: number, dictionary: readonly string[]): number {
    if (code >= this.lengths.length) {
      const grown = new Int32Array(Math.max(code + 1, this.lengths.length * 2, 1024)).fill(-1);
      grown.set(this.lengths);
      this.lengths = grown;
    }
    if (this.lengths[code] < 0) this.lengths[code] = [...dictionary[code]].length;
    return this.lengths[code];
  }

  finish(): CheckResult {
    const { count } = this.violations;
    const expected = this.min === this.max ? `${this.min}` : `${this.min}..${this.max === Infinity ? '' : this.max}`;
    const observed = this.shortest === Infinity ? null : this.shortest === this.longest ? `${this.shortest}` : `${this.shortest}..${this.longest}`;
    return result(this.context, {
      observed,
      expected,
      violations: this.violations,
      message: count === 0 ? `lengths ${observed ?? 'n/a'}` : `${rowsText(count)} with a length outside ${expected}`,
    });
  }
}
