/** Defaults and validation of `ReadOptions` values shared by every reader. */
import { UsageError } from '../errors/index.js';

export const DEFAULT_BATCH_SIZE = 65_536;
export const DEFAULT_INFERENCE_ROWS = 10_000;

/** `value` when it is a positive integer, `fallback` when undefined, else a UsageError naming `option`. */
export function positiveInteger(value: number | undefined, fallback: number, option: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new UsageError(`invalid ${option} ${String(value)}; expected a positive integer`);
  }
  return value;
}
