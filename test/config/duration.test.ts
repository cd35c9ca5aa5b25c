import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../shared/config/duration.js';

describe('durations', () => {
  it.each([
    ['30s', 30_000],
    ['90m', 5_400_000],
    ['24h', 86_400_000],
    ['7D', 604_800_000],
    ['2w', 1_209_600_000],
    ['1.5d', 129_600_000],
    [' 3h ', 10_800_000],
  ])('parses %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '7', 'd', '7 d', '1d12h', '-1h', '1e3h', 'forever', '9999999d'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it.each([
    [0, '0m'],
    [-5, '0m'],
    [12_000, '12s'],
    [59_001, '60s'],
    [60_000, '1m'],
    [61_000, '2m'],
    [3_600_000, '1h'],
    [3_600_000 + 60_000, '1h 1m'],
    [3_600_000 + 1, '1h 1m'],
    [86_400_000 * 3, '3d'],
    [86_400_000 * 3 + 3_600_000 * 4, '3d 4h'],
    [86_400_000 * 2 - 1, '2d'],
  ])('formats %d ms as %s (never understating what remains)', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
