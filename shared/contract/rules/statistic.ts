import type { RecordBatch } from '../../data/types.js';
import { Moments } from '../../stats/moments.js';
import { result, type ColumnCheckContext, type ContractCheck, type CheckResult } from '../check.js';

/** Describes `{min, max}` bounds as `20..80`, `>= 20` or `<= 80`. */
export function boundsText(bounds: { min?: number; max?: number }): string {
  if (bounds.min !== undefined && bounds.max !== undefined) return `${bounds.min}..${bounds.max}`;
  return bounds.min !== undefined ? `>= ${bounds.min}` : `<= ${bounds.max}`;
}

export function withinBounds(value: number, bounds: { min?: number; max?: number }): boolean {
  return (bounds.min === undefined || value >= bounds.min) && (bounds.max === undefined || value <= bounds.max);
}

/**
 * `mean` and `std` bounds over the present, finite values. `std` is the
 * sample standard deviation (n - 1), as pandas' `std()` reports it.
 */
export class MomentCheck implements ContractCheck {
  private readonly moments = new Moments();

  constructor(
    private readonly context: ColumnCheckContext,
    private readonly statistic: 'mean' | 'std',
    private readonly bounds: { min?: number; max?: number },
  ) {}

  observe(batch: RecordBatch): void {
    const column = batch.columns[this.context.index];
    if (column.kind === 'string') return;
    const { values } = column;
    for (let row = 0; row < batch.length; row++) {
      const value = values[row];
      // Nulls are NaN; booleans count as 0/1; infinities have no mean.
      if (column.nulls[row] || value === Infinity || value === -Infinity) continue;
      this.moments.add(value);
    }
  }

  finish(): CheckResult {
    const { count, mean } = this.moments;
    const value = this.statistic === 'mean' ? (count > 0 ? mean : Number.NaN) : count > 1 ? Math.sqrt(this.moments.m2 / (count - 1)) : Number.NaN;
    const expected = boundsText(this.bounds);
    if (Number.isNaN(value)) {
      return result(this.context, {
        ok: false,
        observed: null,
        expected,
        message: `${this.statistic} is undefined with ${count} present value${count === 1 ? '' : 's'}`,
      });
    }
    const ok = withinBounds(value, this.bounds);
    const rounded = Number(value.toPrecision(6));
    return result(this.context, {
      ok,
      observed: rounded,
      expected,
      message: `${this.statistic} is ${rounded}${ok ? '' : `, expected ${expected}`}`,
    });
  }
}
