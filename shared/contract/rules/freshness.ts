import type { RecordBatch } from '../../data/types.js';
import { result, type CheckSetup, type ContractCheck, type CheckResult } from '../check.js';

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `36h`, `30d`, `2w` in milliseconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(s|m|h|d|w)$/.exec(text);
  if (!match) throw new RangeError(`not a duration: ${text}`);
  return Number(match[1]) * UNIT_MS[match[2]];
}

/** Human form of a duration in ms, to the largest whole unit. */
export function formatDuration(ms: number): string {
  const days = ms / UNIT_MS.d;
  if (Math.abs(days) >= 1) return `${days.toFixed(1)}d`;
  return `${(ms / UNIT_MS.h).toFixed(1)}h`;
}

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
    const ok = age <= parseDuration(this.maxAge);
    const newest = new Date(this.newest).toISOString();
    return result(this.setup, {
      ok,
      observed: newest,
      expected,
      message: `newest ${this.column} is ${newest} (${formatDuration(age)} old)${ok ? '' : `, older than ${this.maxAge}`}`,
    });
  }
}
