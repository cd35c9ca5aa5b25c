/**
 * `/rollback`: assigns the stage's previous holder (or the version named)
 * again at once, without a pull request — rollback must be fast — when the
 * commenter may approve that stage. The tag records who asked and where;
 * the comment's URL makes a redelivered command a no-op.
 */
import { RegistryError, PolicyError, type RegistryEvent } from '../../shared/registry/index.js';
import { TollgateError } from '../../shared/errors/index.js';
import type { Delivery } from '../delivery.js';
import { championStage, CONFIG_PATH, readConfig, stagePolicy } from '../config.js';
import { readTextFile, defaultBranchHead } from '../github/git-data.js';
import { approverRefusal, type Commenter } from './authorize.js';
import { deployStageTag, registryFor } from './stage-writer.js';

/** The trailer naming the comment that asked for a stage change. */
export const SOURCE_TRAILER = 'Tollgate-Source';
export const REQUESTED_BY_TRAILER = 'Tollgate-Requested-By';

/** A rollback request, as parsed from the command. */
export interface RollbackRequest {
  model: string;
  stage?: string;
  version?: string;
  commenter: Commenter;
  /** The comment's URL: recorded, and the key that makes the command idempotent. */
  source: string;
}

export type RollbackResult =
  | { status: 'done'; tag: string; stage: string; from: string | null; to: string; created: boolean; deployment: { id: number; url: string } | null }
  | { status: 'refused'; reason: string };

function requestedHere(event: RegistryEvent, source: string): boolean {
  return event.metadata.extra?.some((trailer) => trailer.key === SOURCE_TRAILER && trailer.value === source) ?? false;
}

/** Performs a rollback, or says why not. */
export async function rollbackStage(delivery: Delivery, request: RollbackRequest): Promise<RollbackResult> {
  const head = await defaultBranchHead(delivery);
  const text = await readTextFile(delivery, CONFIG_PATH, head.sha);
  const config = readConfig(text === null ? null : { text, sha: '' });
  if (!config.ok) return { status: 'refused', reason: config.error };
  const stage = request.stage ?? championStage(config, request.model);
  const refusal = await approverRefusal(delivery, request.commenter, stagePolicy(config, request.model, stage), stage);
  if (refusal) return { status: 'refused', reason: `${request.commenter.actor.login}: ${refusal}` };

  const registry = registryFor(delivery, config);
  const earlier = (await registry.history(request.model)).find((event) => event.stage === stage && requestedHere(event, request.source));
  if (earlier) {
    return { status: 'done', tag: earlier.tag, stage, from: earlier.metadata.rollbackFrom ?? null, to: earlier.version ?? earlier.commit, created: false, deployment: null };
  }
  try {
    const result = await registry.rollback({
      model: request.model,
      stage,
      to: request.version,
      metadata: {
        approvers: [request.commenter.actor.login],
        extra: [
          { key: REQUESTED_BY_TRAILER, value: request.commenter.actor.login },
          { key: SOURCE_TRAILER, value: request.source },
        ],
      },
    });
    const event = result.event;
    if (!result.created) return { status: 'refused', reason: `${event.model}@${event.version ?? event.commit} already holds ${stage}: nothing to roll back` };
    const deployment = await deployStageTag(delivery, config, event, true, { description: `rollback of ${event.model} ${stage} to ${event.version} by ${request.commenter.actor.login}` });
    return { status: 'done', tag: event.tag, stage, from: event.metadata.rollbackFrom ?? null, to: event.version ?? event.commit, created: true, deployment };
  } catch (error) {
    if (error instanceof RegistryError || error instanceof PolicyError || error instanceof TollgateError) return { status: 'refused', reason: error.message };
    throw error;
  }
}
