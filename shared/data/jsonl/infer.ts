/**
 * Type inference for JSON values. A key whose sample values are all numbers
 * is integer (all whole) or float; all booleans, boolean; all strings, the
 * text rules of `TypeSampler` (date, datetime, category, string; never a
 * number: `"02134"` stays text). Mixed kinds, objects and arrays: string
 * (objects and arrays as their JSON text).
 */
import { DEFAULT_CATEGORY_MAX_DISTINCT, TypeSampler } from '../infer.js';
import type { ColumnType } from '../types.js';

export class JsonSampler {
  private numbers = 0;
  private wholeNumbers = 0;
  private booleans = 0;
  private strings = 0;
  private others = 0;
  private readonly text: TypeSampler;

  constructor(categoryMaxDistinct = DEFAULT_CATEGORY_MAX_DISTINCT) {
    this.text = new TypeSampler(categoryMaxDistinct, true);
  }

  observe(value: unknown): void {
    if (value === null || value === undefined) return;
    if (typeof value === 'number') {
      this.numbers++;
      if (Number.isInteger(value)) this.wholeNumbers++;
    } else if (typeof value === 'boolean') {
      this.booleans++;
    } else if (typeof value === 'string') {
      this.strings++;
      this.text.observeText(value);
    } else {
      this.others++;
    }
  }

  result(): ColumnType {
    const total = this.numbers + this.booleans + this.strings + this.others;
    if (total === 0) return 'string';
    if (this.numbers === total) return this.wholeNumbers === total ? 'integer' : 'float';
    if (this.booleans === total) return 'boolean';
    if (this.strings === total) return this.text.result();
    return 'string';
  }
}
