import type { RecordBatch } from '../../data/types.js';
import { formatDuration, parseDuration } from '../../config/duration.js';
import { result, type CheckSetup, type ContractCheck, type CheckResult } from '../check.js';

/** Dataset `freshness: {column, max_age}`: the newest date is recent enough. */
export class FreshnessCheck implements ContractCheck {
  private newest = -Infinity;

  constructor(
    private readonly setup: CheckSetup,
    private readonly column: string,
    private readonly index: number,
    private readonly maxAge: string,
    private readonly now: Date,
  ) {}

  observe(batch: RecordBatch): void {
    const column = batch.columns[this.index];
    if (column.kind !== 'number') return;
    const { values, nulls } = column;
    let newest = this.newest;
    for (let row = 0; row < batch.length; row++) {
      if (!nulls[row] && values[row] > newest) newest = values[row];
    }
    this.newest = newest;
  }

  finish(): CheckResult {
    const expected = `newest within ${this.maxAge}`;
    if (this.newest === -Infinity) {
      return result(this.setup, { ok: false, observed: null, expected, message: `no dates in ${this.column}` });
    }
    const age = this.now.getTime() - this.newest;
    const ok = age <= (parseDuration(this.maxAge) ?? Number.NaN);
    const newest = new Date(this.newest).toISOString();
    return result(this.setup, {
      ok,
      observed: newest,
      expected,
      message: `newest ${this.column} is ${newest} (${formatDuration(age)} old)${ok ? '' : `, older than ${this.maxAge}`}`,
    });
  }
}
