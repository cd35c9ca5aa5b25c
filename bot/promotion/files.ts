/**
 * Where a promotion lives in the repository: its branch, the candidate file
 * the bot commits (the authenticated copy of the pull request's marker), and
 * the model's human-readable promotion log.
 *
 * The marker in a pull request body is validated but not authenticated:
 * anyone with write access can edit a body without pushing. The candidate
 * file can only change with a push, and a push makes every earlier approval
 * stale, so a decision requires the two to agree.
 */
import { isDeepStrictEqual } from 'node:util';
import { markerFromJson, markerToJson, type PromotionMarker } from '../../shared/promotion/index.js';
import { modelNameToTag, parseModelName } from '../../shared/registry/index.js';
import type { ModelSettings } from '../../shared/config/index.js';

/** Every promotion branch starts with this. */
export const BRANCH_PREFIX = 'tollgate/promote/';

/** Schema tag of the candidate file. */
export const CANDIDATE_SCHEMA = 'tollgate.promotion-candidate/v1';

/** `tollgate/promote/<model tag name>/<stage>/<version>`: one branch per candidate. */
export function promotionBranch(model: string, stage: string, version: string): string {
  return `${BRANCH_PREFIX}${modelNameToTag(model)}/${stage}/${version}`;
}

/** The prefix every promotion branch of a model and stage shares. */
export function promotionBranchPrefix(model: string, stage: string): string {
  return `${BRANCH_PREFIX}${modelNameToTag(model)}/${stage}/`;
}

/**
 * `.tollgate/promotions/<model>@<stage>.json`, with `/` written `~` and the
 * monorepo `:` written `=`: neither character, nor `@`, can occur in a name,
 * so distinct model/stage pairs never share a file.
 */
export function candidatePath(model: string, stage: string): string {
  const model_ = model.replace(/\//g, '~').replace(/:/g, '=');
  return `.tollgate/promotions/${model_}@${stage.replace(/\//g, '~')}.json`;
}

/** The model's promotion log: `<path>/PROMOTIONS.md` for monorepo models, else `models/<name>/PROMOTIONS.md`. */
export function promotionLogPath(model: string, settings: ModelSettings | undefined): string {
  const parsed = parseModelName(model);
  const directory = settings?.path ?? parsed?.path ?? `models/${parsed?.name ?? model}`;
  return `${directory.replace(/\/+$/, '')}/PROMOTIONS.md`;
}

/** The candidate file's text. */
export function candidateFileText(marker: PromotionMarker): string {
  return `${JSON.stringify({ schema: CANDIDATE_SCHEMA, ...markerToJson(marker) }, null, 2)}\n`;
}

/** Whether the committed candidate file says exactly what the body's marker says. */
export type CandidateCheck = { ok: true } | { ok: false; reason: string };

/** Compares the candidate file at the head commit with the body's marker. */
export function checkCandidateFile(marker: PromotionMarker, file: { text: string } | null, path: string): CandidateCheck {
  if (file === null) return { ok: false, reason: `the head commit has no ${path}: the promotion cannot be verified` };
  let stored: PromotionMarker;
  try {
    const { schema, ...rest } = JSON.parse(file.text) as { schema?: unknown };
    if (schema !== CANDIDATE_SCHEMA) return { ok: false, reason: `${path} is not a ${CANDIDATE_SCHEMA} file` };
    stored = markerFromJson(rest, path);
  } catch (error) {
    return { ok: false, reason: `${path} in the head commit cannot be read: ${(error as Error).message}` };
  }
  if (!isDeepStrictEqual(stored, marker)) {
    return { ok: false, reason: `the pull request body does not match ${path} in the head commit (the body was edited): nothing here can be promoted` };
  }
  return { ok: true };
}
