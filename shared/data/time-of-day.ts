/**
 * A time of day (Arrow Time, Parquet TIME) as text: `HH:MM:SS` with as many
 * fraction digits as the unit has (`12:34:56.789`). There is no time-of-day
 * column type, and a bare count of microseconds since midnight reads as a
 * meaningless integer.
 */
/** Ticks per second of a time unit: seconds, milliseconds, microseconds, nanoseconds. */
export type TicksPerSecond = 1 | 1_000 | 1_000_000 | 1_000_000_000;

export function formatTimeOfDay(value: number | bigint, ticksPerSecond: TicksPerSecond): string {
  const ticks = BigInt(value);
  const perSecond = BigInt(ticksPerSecond);
  const seconds = ticks / perSecond;
  const fraction = ticks % perSecond;
  const two = (n: bigint) => n.toString().padStart(2, '0');
  const clock = `${two(seconds / 3600n)}:${two((seconds / 60n) % 60n)}:${two(seconds % 60n)}`;
  if (ticksPerSecond === 1) return clock;
  return `${clock}.${fraction.toString().padStart(String(ticksPerSecond).length - 1, '0')}`;
}
