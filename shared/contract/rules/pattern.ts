import type { RecordBatch } from '../../data/types.js';
import { result, rowsText, Violations, cellValue, type ColumnCheckContext, type ContractCheck, type CheckResult } from '../check.js';
import { DictionaryVerdicts } from './dictionary-verdicts.js';

/** `pattern`: every present value matches the regular expression (anchor it yourself). */
export class PatternCheck implements ContractCheck {
  private readonly violations = new Violations();
  private readonly regex: RegExp;
  private readonly verdicts: DictionaryVerdicts;

  constructor(
    private readonly context: ColumnCheckContext,
    private readonly pattern: string,
  ) {
    this.regex = new RegExp(pattern, 'u');
    this.verdicts = new DictionaryVerdicts((text) => this.regex.test(text));
  }

  observe(batch: RecordBatch): void {
    const column = batch.columns[this.context.index];
    for (let row = 0; row < batch.length; row++) {
      if (column.nulls[row]) continue;
      const ok =
        column.kind === 'string'
          ? this.verdicts.test(column.codes[row], column.dictionary)
          : this.regex.test(String(cellValue(column, row)));
      if (!ok) this.violations.add(batch, row, cellValue(column, row));
    }
  }

  finish(): CheckResult {
    const { count } = this.violations;
    return result(this.context, {
      observed: count === 0 ? 'all match' : `${count} not matching`,
      expected: this.pattern,
      violations: this.violations,
      message: count === 0 ? 'every value matches' : `${rowsText(count)} not matching ${this.pattern}`,
    });
  }
}
