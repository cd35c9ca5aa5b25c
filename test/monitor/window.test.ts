import { describe, expect, it } from 'vitest';
import { UsageError } from '../../shared/errors/index.js';
import { applyWindow, resolveWindow } from '../../shared/monitor/index.js';
import { HOUR, START, makeLog } from './simulate.js';

const now = new Date(START + 24 * HOUR);

describe('resolveWindow', () => {
  it('reads durations back from until (or now), ISO times, and a previous report’s end', () => {
    expect(resolveWindow({ since: '6h', now })).toEqual({ since: START + 18 * HOUR, after: null, until: START + 24 * HOUR });
    expect(resolveWindow({ since: '1d', until: '2024-06-01T12:00:00Z', now })).toEqual({ since: START - 12 * HOUR, after: null, until: START + 12 * HOUR });
    expect(resolveWindow({ since: '2024-06-01T03:00:00Z' })).toEqual({ since: START + 3 * HOUR, after: null, until: null });
    expect(resolveWindow({ after: '2024-06-01T20:00:00.000Z' })).toEqual({ since: null, after: START + 20 * HOUR, until: null });
  });

  it('rejects what is neither a duration nor a time', () => {
    expect(() => resolveWindow({ since: 'yesterday' })).toThrow(UsageError);
    expect(() => resolveWindow({ since: 'yesterday' })).toThrow("--since 'yesterday' is neither a duration such as 30m, 24h, 7d or 2w nor an ISO 8601 time");
    expect(() => resolveWindow({ until: 'soon' })).toThrow("--until 'soon' is not a time");
  });

  it('refuses a window without length: a zero or negative duration, or since at or after until', () => {
    for (const since of ['0h', '0m', '0.0d', '-6h', '- 1d']) expect(() => resolveWindow({ since, now }), since).toThrow(UsageError);
    expect(() => resolveWindow({ since: '0h', now })).toThrow("--since '0h' is an empty window: give a positive duration such as 30m, 24h or 7d");
    expect(() => resolveWindow({ since: '-6h', now })).toThrow("--since '-6h' is negative: a window reaches back from --until (or now), so give a positive duration such as 30m, 24h or 7d");
    expect(() => resolveWindow({ since: '0h', sinceName: 'monitor.window', now })).toThrow("monitor.window '0h' is an empty window");
    expect(() => resolveWindow({ since: '2024-06-01T12:00:00Z', until: '2024-06-01T12:00:00Z' })).toThrow('the window starts where it ends, so it is empty');
    expect(() => resolveWindow({ since: '2024-06-01T13:00:00Z', until: '2024-06-01T12:00:00Z' })).toThrow('the window starts after it ends');
    // The shortest positive window is fine.
    expect(resolveWindow({ since: '1s', now })).toEqual({ since: START + 24 * HOUR - 1000, after: null, until: START + 24 * HOUR });
  });
});

describe('applyWindow', () => {
  const log = makeLog({ rows: 240, seed: 3 }); // one request every 6 minutes over 24 h

  it('keeps the rows inside the window and describes it', () => {
    const { view, window } = applyWindow(log, resolveWindow({ since: '6h', now }));
    expect(view.rows).toBe(60);
    expect(window).toMatchObject({ rows: 60, total_rows: 240, hours: 6, since: '2024-06-01T18:00:00.000Z', until: '2024-06-02T00:00:00.000Z', first: '2024-06-01T18:00:00.000Z', last: '2024-06-01T23:54:00.000Z' });
    const after = applyWindow(log, resolveWindow({ after: '2024-06-01T23:00:00.000Z' }));
    expect(after.view.rows).toBe(9);
    expect(after.window.first).toBe('2024-06-01T23:06:00.000Z');
  });

  it('takes every row without bounds, spanning first to last', () => {
    const { view, window } = applyWindow(log, resolveWindow({}));
    expect(view).toBe(log);
    expect(window.hours).toBeCloseTo(23.9, 10);
  });

  it('needs timestamps for a window', () => {
    expect(() => applyWindow({ ...log, timestamps: null }, resolveWindow({ since: '6h', now }))).toThrow(/a time window needs a timestamp column/);
  });
});
