/**
 * What the history remembers of a drift report: its level and a digest of
 * which features moved at which level. Statistics change a little on every
 * run; the set of moved features does not, so equal digests mean "nothing
 * new to say" and no comment is posted.
 */
import { createHash } from 'node:crypto';
import type { DriftReport } from '../drift/index.js';
import type { RunLevel, RunRecord } from './state.js';

/** Which features moved, and how badly: the part of a report a comment is about. */
export interface MovedSummary {
  level: RunLevel;
  /** Drifted columns, by name. */
  moved: Array<{ name: string; level: 'warn' | 'alert' }>;
  /** Reference columns the current data lacks. */
  missing: string[];
  /** The row-count check's level. */
  rowRatio: 'none' | 'warn' | 'alert';
}

/** The moved-columns summary of a report, names sorted. */
export function movedSummary(report: DriftReport): MovedSummary {
  const moved = report.columns
    .filter((column) => column.drifted && (column.level === 'warn' || column.level === 'alert'))
    .map((column) => ({ name: column.name, level: column.level as 'warn' | 'alert' }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { level: report.level, moved, missing: [...report.missing_columns].sort(), rowRatio: report.row_ratio.level };
}

/** A short, stable digest of a summary (16 hex characters of SHA-256). */
export function summaryDigest(summary: MovedSummary): string {
  const canonical = JSON.stringify([summary.level, summary.moved.map((entry) => [entry.name, entry.level]), summary.missing, summary.rowRatio]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/** The history entry for a report read from workflow run `run`, completed at `at`. */
export function runRecordOf(report: DriftReport, run: { id: number; at: string }): RunRecord {
  return { run: run.id, level: report.level, at: run.at, digest: summaryDigest(movedSummary(report)) };
}

/** What changed between two summaries, for "since the last comment". */
export interface SummaryChange {
  added: string[];
  gone: string[];
  /** Features whose level changed. */
  changed: Array<{ name: string; from: 'warn' | 'alert'; to: 'warn' | 'alert' }>;
}

/** Differences between an earlier and a later summary. */
export function compareSummaries(before: MovedSummary, after: MovedSummary): SummaryChange {
  const earlier = new Map(before.moved.map((entry) => [entry.name, entry.level]));
  const later = new Map(after.moved.map((entry) => [entry.name, entry.level]));
  const added = after.moved.filter((entry) => !earlier.has(entry.name)).map((entry) => entry.name);
  const gone = before.moved.filter((entry) => !later.has(entry.name)).map((entry) => entry.name);
  const changed = after.moved
    .filter((entry) => earlier.has(entry.name) && earlier.get(entry.name) !== entry.level)
    .map((entry) => ({ name: entry.name, from: earlier.get(entry.name)!, to: entry.level }));
  return { added, gone, changed };
}
