import type { RecordBatch } from '../../data/types.js';
import { result, type CheckSetup, type ContractCheck, type CheckResult } from '../check.js';
import { boundsText, withinBounds } from './statistic.js';

/** Dataset `rows: {min, max}`. */
export class RowCountCheck implements ContractCheck {
  constructor(
    private readonly setup: CheckSetup,
    private readonly bounds: { min?: number; max?: number },
  ) {}

  observe(_batch: RecordBatch): void {}

  finish(rows: number): CheckResult {
    const ok = withinBounds(rows, this.bounds);
    const expected = boundsText(this.bounds);
    return result(this.setup, { ok, observed: rows, expected, message: `${rows.toLocaleString('en-US')} rows${ok ? '' : `, expected ${expected}`}` });
  }
}
