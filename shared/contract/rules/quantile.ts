import type { RecordBatch } from '../../data/types.js';
import { KllSketch } from '../../stats/kll.js';
import { result, type ColumnCheckContext, type ContractCheck, type CheckResult } from '../check.js';
import { boundsText, withinBounds } from './statistic.js';

/**
 * `quantile: {q, min, max}` over the present values, estimated with a KLL
 * sketch so memory stays flat whatever the row count (rank error about 1.3%
 * at the default size; exact below the sketch's capacity).
 */
export class QuantileCheck implements ContractCheck {
  private readonly sketch = new KllSketch();

  constructor(
    private readonly context: ColumnCheckContext,
    private readonly bounds: { q: number; min?: number; max?: number },
  ) {}

  observe(batch: RecordBatch): void {
    const column = batch.columns[this.context.index];
    if (column.kind === 'string') return;
    const { values, nulls } = column;
    for (let row = 0; row < batch.length; row++) {
      if (!nulls[row] && Number.isFinite(values[row])) this.sketch.update(values[row]);
    }
  }

  finish(): CheckResult {
    const expected = `q${this.bounds.q}: ${boundsText(this.bounds)}`;
    if (this.sketch.n === 0) {
      return result(this.context, { ok: false, observed: null, expected, message: 'no values to take a quantile of' });
    }
    const value = Number(this.sketch.quantile(this.bounds.q).toPrecision(6));
    const ok = withinBounds(value, this.bounds);
    return result(this.context, {
      ok,
      observed: value,
      expected,
      message: `quantile ${this.bounds.q} is ${value}${ok ? '' : `, expected ${boundsText(this.bounds)}`}`,
    });
  }
}
