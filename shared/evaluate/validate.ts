/**
 * Checks joined evaluation rows before any metric runs: every label and score
 * finite, labels 0/1 for classification, both classes present. A bad value is
 * an `InputError` naming its row, never a silently skipped row.
 */
import { InputError, type SourceLocation } from '../errors/index.js';
import type { Task } from './metrics/catalog.js';
import type { EvaluationRows } from './predictions.js';

function where(rows: EvaluationRows, row: number, file: string): { location: SourceLocation | undefined; text: string } {
  if (rows.locate && file === rows.sources.challenger) return rows.locate(row);
  return { location: file ? { file } : undefined, text: `row ${row + 1} (id '${rows.ids[row]}')` };
}

function checkFinite(rows: EvaluationRows, values: Float64Array, what: string, file: string): void {
  let bad = 0;
  let first = -1;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      bad++;
      if (first < 0) first = i;
    }
  }
  if (bad > 0) {
    const { location, text } = where(rows, first, file);
    const others = bad > 1 ? ` (and ${bad - 1} more row${bad > 2 ? 's' : ''})` : '';
    throw new InputError(location, `${what} must be a finite number; ${text} has ${String(values[first])}${others}`);
  }
}

/** True when every score is a probability in [0, 1]. */
export function allProbabilities(scores: Float64Array): boolean {
  for (let i = 0; i < scores.length; i++) if (!(scores[i] >= 0 && scores[i] <= 1)) return false;
  return true;
}

/**
 * Validates the rows for `task`. Classification needs labels 0/1 with both
 * classes present: ROC AUC and average precision are undefined otherwise.
 */
export function validateRows(rows: EvaluationRows, task: Task): void {
  const { challenger: challengerFile, champion: championFile } = rows.sources;
  if (rows.labels.length === 0) throw new InputError(challengerFile ? { file: challengerFile } : undefined, 'no evaluation rows: the predictions file has no data rows');
  checkFinite(rows, rows.labels, 'the label', challengerFile);
  checkFinite(rows, rows.challenger, "the challenger's score", challengerFile);
  if (rows.champion) checkFinite(rows, rows.champion, "the champion's score", championFile ?? '');
  if (task !== 'classification') return;
  let positives = 0;
  for (let i = 0; i < rows.labels.length; i++) {
    const label = rows.labels[i];
    if (label !== 0 && label !== 1) {
      const { location, text } = where(rows, i, challengerFile);
      throw new InputError(location, `classification labels must be 0 or 1; ${text} has ${label}`);
    }
    positives += label;
  }
  if (positives === 0 || positives === rows.labels.length) {
    throw new InputError(
      challengerFile ? { file: challengerFile } : undefined,
      `every evaluation row has label ${positives === 0 ? 0 : 1}: ROC AUC and average precision are undefined with one class; evaluate on rows of both classes`,
    );
  }
}
