/**
 * The promotion marker: what a promotion pull request promotes, written by
 * the bot into the PR body and read back on every event. Strictly validated,
 * since anyone with write access can edit a PR body: a marker that does not
 * parse is an error, never a guess.
 */
import { z } from 'zod';
import { InputError } from '../errors/index.js';
import { formatPath } from '../config/yaml-document.js';
import { isModelVersion, isStageName, normalizeModelName } from './names.js';
import type { PromotionMarker } from './timeline.js';

const login = z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/, 'expected a GitHub login');

/** The marker as stored (snake_case JSON). */
export const promotionMarkerSchema = z
  .object({
    model: z.string().refine((text) => normalizeModelName(text) === text, 'expected a model name'),
    stage: z.string().refine(isStageName, 'expected a stage name'),
    version: z.string().refine(isModelVersion, 'expected v + SemVer'),
    commit: z.string().regex(/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/, 'expected a full commit SHA'),
    holder: z.string().refine(isModelVersion, 'expected v + SemVer').nullable(),
    requested_by: login.nullable(),
  })
  .strict();

/** The marker's stored form. */
export function markerToJson(marker: PromotionMarker): z.infer<typeof promotionMarkerSchema> {
  const stored = { model: marker.model, stage: marker.stage, version: marker.version, commit: marker.commit, holder: marker.holder, requested_by: marker.requestedBy };
  return parseStored(stored, 'promotion marker');
}

/** Validates a stored marker value and returns it in the form the state computation takes. */
export function markerFromJson(value: unknown, where = 'promotion marker'): PromotionMarker {
  const stored = parseStored(value, where);
  return { model: stored.model, stage: stored.stage, version: stored.version, commit: stored.commit, holder: stored.holder, requestedBy: stored.requested_by };
}

function parseStored(value: unknown, where: string): z.infer<typeof promotionMarkerSchema> {
  const result = promotionMarkerSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue.path.length > 0 ? `${formatPath(issue.path)}: ` : '';
    throw new InputError({ file: where }, `invalid promotion marker: ${path}${issue.message}`);
  }
  return result.data;
}
