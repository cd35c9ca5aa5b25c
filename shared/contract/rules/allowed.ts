import type { RecordBatch } from '../../data/types.js';
import { result, rowsText, Violations, cellValue, type ColumnCheckContext, type ContractCheck, type CheckResult } from '../check.js';
import { DictionaryVerdicts } from './dictionary-verdicts.js';

/** `allowed`: every present value is one of the listed values. */
export class AllowedCheck implements ContractCheck {
  private readonly violations = new Violations();
  private readonly texts: Set<string>;
  private readonly numbers: Set<number>;
  private readonly verdicts: DictionaryVerdicts;
  private readonly unexpected = new Map<string, number>();

  constructor(
    private readonly context: ColumnCheckContext,
    private readonly allowed: ReadonlyArray<string | number | boolean>,
  ) {
    this.texts = new Set(allowed.map(String));
    this.numbers = new Set(allowed.filter((value): value is number => typeof value === 'number'));
    this.verdicts = new DictionaryVerdicts((text) => this.texts.has(text));
  }

  observe(batch: RecordBatch): void {
    const column = batch.columns[this.context.index];
    for (let row = 0; row < batch.length; row++) {
      if (column.nulls[row]) continue;
      let ok: boolean;
      if (column.kind === 'string') ok = this.verdicts.test(column.codes[row], column.dictionary);
      else if (column.kind === 'number') ok = this.numbers.has(column.values[row]) || this.texts.has(String(cellValue(column, row)));
      else ok = this.texts.has(column.values[row] === 1 ? 'true' : 'false');
      if (!ok) {
        const value = cellValue(column, row);
        this.violations.add(batch, row, value);
        const key = String(value);
        if (this.unexpected.size < 100 || this.unexpected.has(key)) this.unexpected.set(key, (this.unexpected.get(key) ?? 0) + 1);
      }
    }
  }

  finish(): CheckResult {
    const { count } = this.violations;
    const top = [...this.unexpected.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
    return result(this.context, {
      observed: count === 0 ? 'only allowed values' : Object.fromEntries(top),
      expected: this.allowed,
      violations: this.violations,
      message:
        count === 0
          ? 'only allowed values'
          : `${rowsText(count)} outside the allowed values (${top.map(([value, n]) => `${JSON.stringify(value)} x${n}`).join(', ')})`,
    });
  }
}
