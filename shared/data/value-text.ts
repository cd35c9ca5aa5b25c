/** Values of types without a column type of their own (Arrow and Parquet), as text. */
import { jsonText } from './coerce.js';
import { formatTimeOfDay, type TicksPerSecond } from './time-of-day.js';

/** Times of day (given `ticksPerSecond`) as clock times, bytes as hex, text as it is, anything else as JSON. */
export function valueText(value: unknown, ticksPerSecond?: TicksPerSecond): string {
  if (typeof value === 'string') return value;
  if (ticksPerSecond !== undefined && (typeof value === 'number' || typeof value === 'bigint')) return formatTimeOfDay(value, ticksPerSecond);
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex');
  return jsonText(value);
}
