/**
 * Per-segment comparison: each value of each `segments.by` column is a
 * segment; segments with at least `min_rows` rows are gated on how much the
 * chosen metric got worse (point estimate), smaller ones are reported only.
 */
import { InputError } from '../errors/index.js';
import { METRICS, type MetricName } from './metrics/catalog.js';
import type { PreparedPredictions } from './metrics/prepared.js';
import type { ResolvedPolicy } from './policy.js';
import type { EvaluationRows, SegmentColumn } from './predictions.js';
import type { SegmentRow, SegmentStatus } from './types.js';
import { exceeds } from './format.js';

/** A column with more distinct values is an id or a number, not a segment. */
export const MAX_SEGMENTS_PER_COLUMN = 100;

function findColumn(rows: EvaluationRows, name: string): SegmentColumn {
  const column = rows.segments.find((candidate) => candidate.name === name);
  if (column) return column;
  const files = [rows.sources.challenger, rows.sources.champion].filter((file): file is string => Boolean(file));
  throw new InputError(undefined, `evaluation.segments.by names column '${name}', which ${files.length > 1 ? 'neither predictions file' : 'the predictions file'} has (${files.join(', ')})`);
}

/** Row masks (1 = in the segment) per value, the missing value last. */
function groupRows(column: SegmentColumn): Array<{ value: string | null; mask: Uint8Array; rows: number }> {
  const slots = column.values.length + 1;
  if (column.values.length > MAX_SEGMENTS_PER_COLUMN) {
    throw new InputError(
      undefined,
      `segment column '${column.name}' has ${column.values.length} distinct values; segments are meant for categories (at most ${MAX_SEGMENTS_PER_COLUMN}), not ids or continuous numbers`,
    );
  }
  const counts = new Int32Array(slots);
  const slotOf = (code: number) => (code < 0 ? slots - 1 : code);
  for (let i = 0; i < column.codes.length; i++) counts[slotOf(column.codes[i])]++;
  const groups: Array<{ value: string | null; mask: Uint8Array; rows: number }> = [];
  for (let slot = 0; slot < slots; slot++) {
    if (counts[slot] === 0) continue;
    const mask = new Uint8Array(column.codes.length);
    for (let i = 0; i < column.codes.length; i++) if (slotOf(column.codes[i]) === slot) mask[i] = 1;
    groups.push({ value: slot === slots - 1 ? null : column.values[slot], mask, rows: counts[slot] });
  }
  return groups.sort((a, b) => Number(a.value === null) - Number(b.value === null) || b.rows - a.rows);
}

function finite(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

/** Evaluates every segment of every `by` column. */
export function analyzeSegments(
  rows: EvaluationRows,
  challenger: PreparedPredictions,
  champion: PreparedPredictions | undefined,
  policy: NonNullable<ResolvedPolicy['segments']>,
): SegmentRow[] {
  const metric: MetricName = policy.max_regression.metric;
  const higherIsBetter = METRICS[metric].higherIsBetter;
  const result: SegmentRow[] = [];
  for (const name of policy.by) {
    for (const group of groupRows(findColumn(rows, name))) {
      const challengerValue = finite(challenger.compute(metric, group.mask));
      const championValue = champion ? finite(champion.compute(metric, group.mask)) : null;
      const delta = challengerValue !== null && championValue !== null ? challengerValue - championValue : null;
      let status: SegmentStatus;
      if (!champion) status = 'no_champion';
      else if (delta === null) status = 'undefined';
      else if (group.rows < policy.min_rows) status = 'too_few_rows';
      else status = exceeds(higherIsBetter ? -delta : delta, policy.max_regression.delta) ? 'regressed' : 'pass';
      result.push({
        segment: name,
        value: group.value,
        rows: group.rows,
        metric,
        metrics: { challenger: challengerValue, champion: championValue },
        delta,
        status,
        pass: status !== 'regressed',
      });
    }
  }
  return result;
}
