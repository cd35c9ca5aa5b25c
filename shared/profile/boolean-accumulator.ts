/** Per-column accumulator for boolean columns: counts of true, false and missing. */
import type { BooleanColumn } from '../data/types.js';
import { HyperLogLog, TopK } from '../stats/index.js';
import { countMask } from './mask.js';
import type { BooleanColumnProfile, ProfileSettings } from './types.js';

export class BooleanAccumulator {
  private count = 0;
  private nulls = 0;
  private invalid = 0;
  private trueCount = 0;

  constructor(
    readonly name: string,
    private readonly settings: ProfileSettings,
  ) {}

  add(column: BooleanColumn, length: number): void {
    const nulls = countMask(column.nulls, length);
    this.nulls += nulls;
    this.invalid += countMask(column.invalid, length);
    this.count += length - nulls;
    // Values are 0 where null, so the sum counts the true values.
    const values = column.values;
    let trues = 0;
    for (let i = 0; i < length; i++) trues += values[i];
    this.trueCount += trues;
  }

  finish(): BooleanColumnProfile {
    const falseCount = this.count - this.trueCount;
    const present: [boolean, number][] = [];
    if (falseCount > 0) present.push([false, falseCount]);
    if (this.trueCount > 0) present.push([true, this.trueCount]);
    const hll = new HyperLogLog(this.settings.hllPrecision);
    for (const [value] of present) hll.addString(String(value));
    return {
      name: this.name,
      kind: 'boolean',
      type: 'boolean',
      count: this.count,
      nulls: this.nulls,
      invalid: this.invalid,
      trueCount: this.trueCount,
      distinct: { value: present.length, exact: true, hll: hll.toJSON() },
      exactCounts: { values: present.map(([v]) => v), counts: present.map(([, c]) => c) },
      top: TopK.fromCounts(present, this.settings.topK).toJSON(),
    };
  }
}
