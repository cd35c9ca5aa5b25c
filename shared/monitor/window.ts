/**
 * Time windows over a log: the last `24h` (up to `until`, default now), the
 * rows since an ISO time, or the rows after the last timestamp a previous
 * report checked. Windows are half-open, [since, until), so consecutive
 * windows never count a request twice. A window needs a timestamp column.
 */
import { parseDuration, DURATION_HINT } from '../config/duration.js';
import { InputError, UsageError } from '../errors/index.js';
import { takeRows, type LogView } from './log.js';
import type { MonitorWindow } from './types.js';

export interface WindowRequest {
  /** A duration back from `until` (`24h`) or an ISO 8601 time. */
  since?: string;
  /** Only rows strictly after this ISO time (a previous report's `window.last`). */
  after?: string;
  /** The window's end (exclusive), ISO 8601 (default: `now` when `since` is a duration, else no end). */
  until?: string;
  /** The clock (tests). */
  now?: Date;
  /** What `since` came from, for errors (default `--since`; `monitor.window` when the configuration gave it). */
  sinceName?: string;
}

/** Resolved bounds in epoch milliseconds. */
export interface WindowBounds {
  since: number | null;
  after: number | null;
  until: number | null;
}

function parseTime(text: string, what: string): number {
  const value = Date.parse(text);
  if (!Number.isFinite(value) || !/^\d{4}-\d{2}-\d{2}/.test(text.trim())) throw new UsageError(`${what} '${text}' is not a time: expected ISO 8601 such as 2024-06-01T00:00:00Z`);
  return value;
}

/** Turns `--since`, `--after` and `--until` into bounds. */
export function resolveWindow(request: WindowRequest): WindowBounds {
  const now = (request.now ?? new Date()).getTime();
  const until = request.until !== undefined ? parseTime(request.until, '--until') : null;
  let since: number | null = null;
  let end = until;
  if (request.since !== undefined) {
    const name = request.sinceName ?? '--since';
    const duration = parseDuration(request.since);
    if (duration !== undefined) {
      // A zero-length window holds no request: it would report a silent 0 of N, never a check.
      if (duration <= 0) throw new UsageError(`${name} '${request.since}' is an empty window: give a positive duration such as 30m, 24h or 7d`);
      end = until ?? now;
      since = end - duration;
    } else if (/^\d{4}-/.test(request.since.trim())) {
      since = parseTime(request.since, name);
    } else if (parseDuration(request.since.trim().replace(/^-\s*/, '')) !== undefined) {
      throw new UsageError(`${name} '${request.since}' is negative: a window reaches back from --until (or now), so give a positive duration such as 30m, 24h or 7d`);
    } else {
      throw new UsageError(`${name} '${request.since}' is neither ${DURATION_HINT} nor an ISO 8601 time`);
    }
  }
  const after = request.after !== undefined ? parseTime(request.after, 'the previous window end') : null;
  if (since !== null && end !== null && since >= end) {
    const relation = since > end ? 'starts after it ends' : 'starts where it ends, so it is empty';
    throw new UsageError(`the window ${relation} (${new Date(since).toISOString()} to ${new Date(end).toISOString()}): --since must be before --until`);
  }
  return { since, after, until: end };
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** True when the bounds select every row (no copy needed). */
function unbounded(bounds: WindowBounds): boolean {
  return bounds.since === null && bounds.after === null && bounds.until === null;
}

/** The rows of `view` inside the bounds, and the window's description. */
export function applyWindow(view: LogView, bounds: WindowBounds): { view: LogView; window: MonitorWindow } {
  const times = view.timestamps;
  if (!unbounded(bounds) && times === null) {
    throw new InputError({ file: view.path }, `a time window needs a timestamp column (monitor.columns.timestamp; looked for '${view.roles.timestamp ?? 'timestamp'}')`);
  }
  let selected = view;
  if (!unbounded(bounds) && times !== null) {
    const low = bounds.since ?? -Infinity;
    const after = bounds.after ?? -Infinity;
    const high = bounds.until ?? Infinity;
    let count = 0;
    for (let i = 0; i < times.length; i++) if (times[i] >= low && times[i] > after && times[i] < high) count++;
    if (count < view.rows) {
      const rows = new Int32Array(count);
      let k = 0;
      for (let i = 0; i < times.length; i++) if (times[i] >= low && times[i] > after && times[i] < high) rows[k++] = i;
      selected = takeRows(view, rows);
    }
  }
  let first: number | null = null;
  let last: number | null = null;
  if (selected.timestamps !== null) {
    for (let i = 0; i < selected.rows; i++) {
      const t = selected.timestamps[i];
      if (first === null || t < first) first = t;
      if (last === null || t > last) last = t;
    }
  }
  const start = bounds.since !== null || bounds.after !== null ? Math.max(bounds.since ?? -Infinity, bounds.after ?? -Infinity) : first;
  const end = bounds.until ?? last;
  const hours = start !== null && end !== null && end >= start ? (end - start) / 3_600_000 : null;
  return {
    view: selected,
    window: {
      since: iso(bounds.since),
      after: iso(bounds.after),
      until: iso(bounds.until),
      first: iso(first),
      last: iso(last),
      hours,
      rows: selected.rows,
      total_rows: view.rows,
    },
  };
}

/** Hours between the first and last of `times` at `rows` (all rows when omitted); null without times. */
export function spanHours(times: Float64Array | null, rows?: Int32Array): { first: string | null; last: string | null; hours: number | null } {
  if (times === null) return { first: null, last: null, hours: null };
  let first = Infinity;
  let last = -Infinity;
  const n = rows ? rows.length : times.length;
  for (let i = 0; i < n; i++) {
    const t = times[rows ? rows[i] : i];
    if (t < first) first = t;
    if (t > last) last = t;
  }
  if (!Number.isFinite(first)) return { first: null, last: null, hours: null };
  return { first: iso(first), last: iso(last), hours: (last - first) / 3_600_000 };
}
