/**
 * Opening a promotion pull request (release-please style): a branch with the
 * candidate file and the model's PROMOTIONS.md line, a body with the
 * evidence and the marker, the check run that records the push, and the
 * first status comment. A newer candidate for the same model and stage
 * closes the older pull request with a link (never a newer one: a late or
 * redelivered registration of an older version opens nothing while a newer
 * candidate is open); the same candidate, after the
 * stage changed hands, rebuilds its pull request in place.
 */
import type { PromotionMarker } from '../../shared/promotion/index.js';
import { addPromotionLogLine, promotionPullRequestBody, readPromotionMarker } from '../../shared/report/index.js';
import { GitHubBackend, assignmentBlocker, compareVersions, indexRegistry, isDeprecated, stageHolder, stagePolicyOf, type ModelIndex } from '../../shared/registry/index.js';
import type { Delivery } from '../delivery.js';
import { modelSettings, readConfig, stagePolicy, previousStageOf, CONFIG_PATH, type ConfigRead } from '../config.js';
import { candidateActors } from '../github/candidate-actors.js';
import { commitFiles, defaultBranchHead, readTextFile, setBranch } from '../github/git-data.js';
import { markPush } from '../github/promotion-check.js';
import { closeAsSuperseded, openPromotionPulls, openPull, updatePullBody } from '../github/pulls.js';
import { loadEvidence } from './evidence.js';
import { candidateFileText, candidatePath, promotionBranch, promotionBranchPrefix, promotionLogPath } from './files.js';
import { refreshPromotion } from './refresh.js';

/** A request to promote a version. */
export interface PromotionRequest {
  model: string;
  version: string;
  stage: string;
  /** Who asked with `/promote`; null when the bot opens it on registration. */
  requestedBy: string | null;
  /**
   * Refuse when an open pull request of the stage already promotes a newer
   * version (registration does: a redelivered or late event of an older
   * version must not open a pull request; `/promote` may ask for an older
   * version on purpose).
   */
  refuseIfNewerOpen?: boolean;
}

/** Whether version `a` is newer than `b` (SemVer precedence); false when either is not a version. */
export function isNewerVersion(a: string, b: string): boolean {
  try {
    return compareVersions(a, b) > 0;
  } catch {
    return false;
  }
}

/** What came of it. */
export type OpenResult =
  | { status: 'opened'; number: number; url: string; superseded: number[] }
  | { status: 'exists'; number: number; url: string }
  /** The open pull request for the same candidate was rebuilt: the stage's holder had changed. */
  | { status: 'refreshed'; number: number; url: string; holder: string | null }
  | { status: 'refused'; reason: string };

/** Why the registry or the configuration rules the request out; undefined when it may proceed. */
export function promotionRefusal(config: ConfigRead, history: ModelIndex | null, request: PromotionRequest): string | undefined {
  if (!config.ok) return config.error;
  const found = modelSettings(config.config, request.model);
  if (!found) return `model '${request.model}' is not configured in ${CONFIG_PATH}`;
  const stages = found.settings.stages;
  if (stages.length > 0 && !stages.includes(request.stage)) return `'${request.stage}' is not one of ${request.model}'s stages (${stages.join(', ')})`;
  const version = history?.versions.get(request.version);
  if (!history || !version?.registered) return `${request.model}@${request.version} is not registered`;
  if (!version.active) return `${request.model}@${request.version} was deregistered`;
  if (isDeprecated(history)) return `${request.model} is deprecated`;
  if (stageHolder(history, request.stage)?.version.version === request.version) return `${request.model}@${request.version} already holds ${request.stage}`;
  try {
    return assignmentBlocker(history, request.version, request.stage, stagePolicyOf(found.settings));
  } catch (error) {
    return (error as Error).message;
  }
}

async function readConfigAt(delivery: Delivery, ref: string): Promise<ConfigRead> {
  const text = await readTextFile(delivery, CONFIG_PATH, ref);
  // The blob SHA is only recorded by decisions (they read it through GraphQL); here the text is enough.
  return readConfig(text === null ? null : { text, sha: '' });
}

/** Opens (or finds) the promotion pull request for a request. */
export async function openPromotion(delivery: Delivery, request: PromotionRequest): Promise<OpenResult> {
  const head = await defaultBranchHead(delivery);
  const config = await readConfigAt(delivery, head.sha);
  const tags = await new GitHubBackend({ client: delivery.client, owner: delivery.owner, repo: delivery.repo }).listTags({ model: request.model });
  const history = indexRegistry(tags).models.get(request.model) ?? null;
  const refusal = promotionRefusal(config, history, request);
  if (refusal) return { status: 'refused', reason: refusal };
  const version = history!.versions.get(request.version)!;

  const holder = stageHolder(history!, request.stage)?.version.version ?? null;
  const open = await openPromotionPulls(delivery, promotionBranchPrefix(request.model, request.stage));
  const candidates = open.map((pull) => ({ pull, marker: markerOf(pull.body) }));
  const same = candidates.find((entry) => entry.marker?.version === request.version && entry.marker.commit === version.commit);
  if (same && same.marker!.holder === holder) return { status: 'exists', number: same.pull.number, url: same.pull.url };
  // Only older candidates (and the same version at another commit) are superseded; a newer one stays open.
  const newer = candidates.filter((entry) => entry.marker !== null && isNewerVersion(entry.marker.version, request.version));
  if (!same && request.refuseIfNewerOpen && newer.length > 0) {
    const list = newer.map((entry) => `#${entry.pull.number} (${request.model}@${entry.marker!.version})`).join(', ');
    return { status: 'refused', reason: `${list} already promotes a newer version of ${request.model} to ${request.stage}` };
  }
  const newerNumbers = new Set(newer.map((entry) => entry.pull.number));

  const marker: PromotionMarker = {
    model: request.model,
    stage: request.stage,
    version: request.version,
    commit: version.commit,
    holder,
    // A refresh keeps whoever asked first: they still may not approve it.
    requestedBy: same ? same.marker!.requestedBy : request.requestedBy,
  };
  const settings = modelSettings((config as Extract<ConfigRead, { ok: true }>).config, request.model)?.settings;
  const [evidence, actors] = await Promise.all([loadEvidence(delivery, request.model, request.version), candidateActors(delivery, version)]);
  const body = promotionPullRequestBody({
    marker,
    evaluation: evidence.evaluation,
    validation: null,
    modelCardUrl: evidence.modelCardUrl,
    releaseUrl: evidence.release?.url ?? null,
    lineage: { ...evidence.lineage, trainedBy: actors.trainedBy, registeredBy: actors.registeredBy },
    policy: stagePolicy(config, request.model, request.stage),
    previousStage: previousStageOf(config, request.model, request.stage),
  });

  const branch = promotionBranch(request.model, request.stage, request.version);
  const title = `Promote ${request.model}@${request.version} to ${request.stage}`;
  const candidate = { path: candidatePath(request.model, request.stage), content: candidateFileText(marker) };
  const logPath = promotionLogPath(request.model, settings);
  const completeCommit = async (number: number, url: string) => {
    const log = addPromotionLogLine(await readTextFile(delivery, logPath, head.sha), {
      at: delivery.now(),
      model: request.model,
      version: request.version,
      stage: request.stage,
      previous: holder,
      pullRequest: { number, url },
      requestedBy: marker.requestedBy,
    });
    return commitFiles(delivery, head.sha, [candidate, { path: logPath, content: log }], title);
  };

  if (same) {
    // The stage changed hands since the evidence was written: rebuild the branch on the
    // default branch as it is now and rewrite the body. The push makes earlier approvals stale.
    const complete = await completeCommit(same.pull.number, same.pull.url);
    await setBranch(delivery, branch, complete);
    await updatePullBody(delivery, same.pull.number, body);
    await markPush(delivery, complete, same.pull.url);
    await refreshPromotion(delivery, same.pull.number, { hintBody: body });
    return { status: 'refreshed', number: same.pull.number, url: same.pull.url, holder };
  }

  // The pull request needs a commit to exist, and the log line needs the pull request's number:
  // open it on the candidate file alone, then replace that commit with the complete one.
  const first = await commitFiles(delivery, head.sha, [candidate], title);
  await setBranch(delivery, branch, first);
  const pull = await openPull(delivery, { head: branch, base: head.branch, title, body });
  const complete = await completeCommit(pull.number, pull.url);
  await setBranch(delivery, branch, complete);
  await markPush(delivery, complete, pull.url);

  const superseded: number[] = [];
  for (const older of open) {
    if (older.number === pull.number || newerNumbers.has(older.number)) continue;
    await closeAsSuperseded(delivery, older.number, pull, `a promotion of ${request.model}@${request.version} to ${request.stage} was requested`);
    superseded.push(older.number);
  }
  await refreshPromotion(delivery, pull.number, { hintBody: body });
  for (const number of superseded) await refreshPromotion(delivery, number);
  return { status: 'opened', number: pull.number, url: pull.url, superseded };
}

/**
 * Brings the open promotion pull requests of a stage up to date after the
 * stage changed hands (a rollback, or a tag written by hand): their evidence
 * names the old holder, so their approvals are stale until refreshed.
 */
export async function refreshStalePromotions(delivery: Delivery, model: string, stage: string): Promise<number[]> {
  const refreshed: number[] = [];
  for (const pull of await openPromotionPulls(delivery, promotionBranchPrefix(model, stage))) {
    const marker = markerOf(pull.body);
    if (!marker) continue;
    const result = await openPromotion(delivery, { model, version: marker.version, stage, requestedBy: marker.requestedBy });
    if (result.status === 'refreshed') refreshed.push(result.number);
  }
  return refreshed;
}

function markerOf(body: string): PromotionMarker | null {
  try {
    return readPromotionMarker(body);
  } catch {
    return null;
  }
}
