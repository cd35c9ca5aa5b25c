/**
 * Durations as people write them in config and commands: `24h`, `7d`, `2w`,
 * `90m`, `1.5d`. The grammar is the one the data contract uses for
 * `max_age`, so one spelling works everywhere in `.github/tollgate.yml`.
 */

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** The duration grammar, anchored. */
export const DURATION_PATTERN = /^(\d{1,6}(?:\.\d{1,3})?)(s|m|h|d|w)$/;

/** What a duration looks like, for error messages. */
export const DURATION_HINT = 'a duration such as 30m, 24h, 7d or 2w';

/** Milliseconds of `24h`-style text; `undefined` when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION_PATTERN.exec(text.trim().toLowerCase());
  if (!match) return undefined;
  return Math.round(Number(match[1]) * UNIT_MS[match[2]]);
}

/**
 * A duration for people, in at most two units: `3d 4h`, `5h 10m`, `42s`.
 * Rounds up to the smaller unit so "time remaining" is never understated.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0m';
  const units: Array<[string, number]> = [['d', UNIT_MS.d], ['h', UNIT_MS.h], ['m', UNIT_MS.m]];
  if (ms < UNIT_MS.m) return `${Math.ceil(ms / UNIT_MS.s)}s`;
  for (let index = 0; index < units.length; index += 1) {
    const [name, size] = units[index];
    if (ms < size) continue;
    const next = units[index + 1];
    if (!next) return `${Math.ceil(ms / size)}${name}`;
    const whole = Math.floor(ms / size);
    const rest = Math.ceil((ms - whole * size) / next[1]);
    if (rest * next[1] >= size) return `${whole + 1}${name}`;
    return rest > 0 ? `${whole}${name} ${rest}${next[0]}` : `${whole}${name}`;
  }
  return `${Math.ceil(ms / UNIT_MS.m)}m`;
}
