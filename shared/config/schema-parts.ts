/** Schema pieces more than one configuration section uses. */
import { z } from 'zod';
import { DURATION_HINT, parseDuration } from './duration.js';

/** A duration such as `24h` or `7d` (see duration.ts). */
export const durationSchema = z.string({ error: `expected ${DURATION_HINT}` }).refine((text) => parseDuration(text) !== undefined, `expected ${DURATION_HINT}`);

/** `{warn, alert}` thresholds of a statistic, with defaults; alert at least warn. */
export function levels(defaults: { warn: number; alert: number }, what: string) {
  const positive = z.number().positive();
  return z
    .strictObject({
      warn: positive.default(defaults.warn).describe(`${what} at or above this: warn.`),
      alert: positive.default(defaults.alert).describe(`${what} at or above this: alert.`),
    })
    .refine((pair) => pair.alert >= pair.warn, { message: 'alert must be at least warn', path: ['alert'] });
}
