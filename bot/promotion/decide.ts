/**
 * Decides a promotion pull request from scratch: reads everything (timeline,
 * pull request, head checks, candidate file, policy, registry, permissions),
 * builds the core's input and computes the state. Nothing from an earlier
 * event is trusted, so duplicate, reordered or lost webhooks cannot corrupt
 * the outcome.
 *
 * Requests in the common case: the timeline, one GraphQL query, and one
 * permission lookup per person who issued a command (plus one per approver
 * team). Who trained and registered the candidate is read once per process.
 */
import {
  buildAuditRecord,
  computePromotionState,
  requiredLookups,
  type AuditRecord,
  type PromotionInput,
  type PromotionMarker,
  type PromotionState,
  type TimelineComment,
} from '../../shared/promotion/index.js';
import type { RememberedIntent } from '../../shared/promotion/timeline.js';
import { promotionKey, readAuditBlock, readPromotionMarker } from '../../shared/report/index.js';
import { GitHubBackend, indexRegistry, modelNameToTag, stageHolder, stageTimeline, type ModelIndex, type RegistryEvent, type VersionIndex } from '../../shared/registry/index.js';
import { loginKey } from '../../shared/promotion/index.js';
import type { Delivery } from '../delivery.js';
import { CONFIG_PATH, modelSettings, previousStageOf, readConfig, stagePolicy, type ConfigRead } from '../config.js';
import { candidateActors } from '../github/candidate-actors.js';
import { fetchRoles, fetchTeams } from '../github/permissions.js';
import { pushedAt } from '../github/promotion-check.js';
import { statusOf } from '../../shared/github/failure.js';
import { fetchPromotionFacts, type HeadCheckRun, type PromotionFacts, type PromotionQueryHint } from '../github/promotion-query.js';
import { findOwnComment } from '../github/status-comment.js';
import { fetchTimeline, type Timeline } from '../github/timeline.js';
import type { EvidenceStatus } from '../../shared/monitor/index.js';
import { knownEvaluation, type EvaluationDigest } from './evidence.js';
import { blockOnEvidence, judgeEvidence, loadLiveEvidence } from './live-evidence.js';
import { candidatePath, checkCandidateFile } from './files.js';

/** The hidden key of the comment that closed a superseded promotion. */
export const SUPERSEDED_KEY = 'superseded-by';
const SUPERSEDED = /<!-- tollgate:superseded-by:(\d+) -->/;

/** Everything one decision read and concluded. */
export interface PromotionDecision {
  number: number;
  facts: PromotionFacts;
  timeline: Timeline;
  config: ConfigRead;
  /** The body's marker; null when the pull request is not a promotion (or the marker is damaged: see `markerError`). */
  marker: PromotionMarker | null;
  markerError: string | null;
  history: ModelIndex | null;
  candidate: VersionIndex | null;
  input: PromotionInput | null;
  state: PromotionState | null;
  statusComment: TimelineComment | null;
  /** The stage tag this pull request's merge wrote, once written. */
  stageTag: RegistryEvent | null;
  /** The audit record of the last status comment (the App's own). */
  previousAudit: AuditRecord | null;
  /** The stage's live evidence (`evidence:` in its policy), judged; null when the stage requires none or the promotion is settled. */
  evidence: EvidenceStatus | null;
}

/** How to decide. */
export interface DecideOptions {
  /** The body as the webhook carried it: its marker names the model and stage to read (saves a request). */
  hintBody?: string | null;
  /** What the merge step did, when deciding during or after it. */
  outcome?: PromotionInput['outcome'];
  /** Holds and rejections a comment carried before an edit or deletion this delivery reports: they stay in force. */
  restore?: { holds: RememberedIntent[]; rejections: RememberedIntent[] };
}

export function parseMarker(body: string | null | undefined): { marker: PromotionMarker | null; error: string | null } {
  try {
    return { marker: readPromotionMarker(body), error: null };
  } catch (error) {
    return { marker: null, error: (error as Error).message };
  }
}

export function queryHint(marker: PromotionMarker | null): PromotionQueryHint {
  if (marker === null) return { configPath: CONFIG_PATH, candidatePath: '.tollgate/promotions/none', tagQuery: '#@', candidateCommit: '0'.repeat(40) };
  return { configPath: CONFIG_PATH, candidatePath: candidatePath(marker.model, marker.stage), tagQuery: modelNameToTag(marker.model), candidateCommit: marker.commit };
}

/** The model's registry history; null when it has no tags at all. */
async function modelHistory(delivery: Delivery, facts: PromotionFacts, model: string): Promise<ModelIndex | null> {
  let tags = facts.tags;
  if (facts.tagsTruncated) {
    // More than one page of matches: read the model's tags the registry's way.
    tags = await new GitHubBackend({ client: delivery.client, owner: delivery.owner, repo: delivery.repo }).listTags({ model });
  }
  return indexRegistry(tags).models.get(model) ?? null;
}

/**
 * Conclusions of required checks on the head, from trusted Apps only (the latest run of each name).
 * With `asOf` (a merged pull request's merge time), runs started after it are ignored: a check
 * that passes after the merge cannot turn a merge that ignored it into a promotion.
 */
export function trustedChecks(runs: readonly HeadCheckRun[], names: readonly string[], trusted: readonly string[], asOf?: string | null): Record<string, string | null> {
  const apps = new Set(trusted.map((slug) => slug.toLowerCase()));
  const limit = asOf ? Date.parse(asOf) : Number.POSITIVE_INFINITY;
  const checks: Record<string, string | null> = {};
  for (const name of names) {
    const latest = runs
      .filter((run) => run.name === name && apps.has(run.app.toLowerCase()))
      .filter((run) => !Number.isFinite(limit) || (run.startedAt !== null && Date.parse(run.startedAt) <= limit))
      .sort((a, b) => (a.startedAt ?? '').localeCompare(b.startedAt ?? '') || a.id - b.id)
      .at(-1);
    if (latest) checks[name] = latest.status === 'completed' ? latest.conclusion : null;
  }
  return checks;
}

/** The stage tag written for pull request `number` (its `Tollgate-PR` trailer), if any. */
export function stageTagOf(history: ModelIndex | null, stage: string, version: string, number: number): RegistryEvent | null {
  return history?.events.findLast((event) => event.action === 'assign' && event.stage === stage && event.version === version && event.metadata.pullRequest === number) ?? null;
}

/**
 * When `version` started holding `stage` without a break, as of `asOf`; null when it does not hold
 * the stage then (never assigned, rolled out by another assignment, unassigned, or deregistered).
 * The holder is resolved the way `stageHolder` does (the active assignment made last), on the
 * events up to `asOf` only, and its tenure starts at the assignment that made it the holder.
 */
export function holdingSince(history: ModelIndex | null, stage: string, version: string, asOf: string): string | null {
  if (!history) return null;
  const limit = Date.parse(asOf);
  const last = stageTimeline(history, stage)
    .filter((change) => !Number.isFinite(limit) || Date.parse(change.event.created) <= limit)
    .at(-1);
  return last?.version === version ? last.event.created : null;
}

/** Who wrote a commit, as GitHub links its author and committer to accounts, and whether GitHub verified its signature. */
export interface CommitWriters {
  author: string | null;
  committer: string | null;
  verified: boolean;
}

/** The writers of commit `sha` (a commit never changes: read once per process); null when GitHub cannot say. */
export async function commitWriters(delivery: Delivery, sha: string): Promise<CommitWriters | null> {
  const key = `commit-writers:${delivery.owner}/${delivery.repo}:${sha}`;
  const known = delivery.lasting.get<CommitWriters>(key);
  if (known) return known;
  return delivery.memo(key, async () => {
    try {
      const { data } = await delivery.client.rest.repos.getCommit({ owner: delivery.owner, repo: delivery.repo, ref: sha });
      const writers: CommitWriters = {
        author: data.author?.login ?? null,
        committer: data.committer?.login ?? null,
        verified: data.commit?.verification?.verified === true,
      };
      delivery.lasting.set(key, writers);
      return writers;
    } catch (error) {
      if (statusOf(error) === 404 || statusOf(error) === 422) return null;
      throw error;
    }
  });
}

/**
 * Why the head commit is not one the App wrote (null when it is): only the App's own promotion
 * commit may be approved, so whoever pushes to the branch cannot approve what they pushed.
 * The App's commits (Git Data API, installation token) are authored and committed by its bot and
 * signed by GitHub; anything else (a push, a forged author e-mail, an unsigned commit) blocks.
 */
export function foreignHead(writers: CommitWriters | null, appLogin: string, headSha: string): string | null {
  const head = headSha.slice(0, 7);
  if (writers === null) return `the head commit ${head} cannot be read: only a commit written by Tollgate can be promoted`;
  const app = loginKey(appLogin);
  const others = [...new Set([writers.author, writers.committer].map((login) => login ?? 'an unknown account').filter((login) => loginKey(login) !== app))];
  if (others.length > 0) return `the head commit ${head} was not written by Tollgate (written by ${others.join(' and ')}): only Tollgate's own promotion commit can be promoted; ask for the promotion again to rebuild the branch`;
  if (!writers.verified) return `the head commit ${head} is not signed by GitHub for Tollgate: only Tollgate's own promotion commit can be promoted`;
  return null;
}

/** A previous decision that judged this merged pull request final and unmet (at its merge time). */
function mergedUnmetBefore(previous: AuditRecord | null, mergedAt: string | null): boolean {
  if (!previous || !mergedAt) return false;
  const at = Date.parse(previous.decision.at);
  return previous.decision.state === 'failed' && !previous.decision.policy_met && Number.isFinite(at) && at >= Date.parse(mergedAt);
}

function supersededBy(comments: readonly TimelineComment[], appLogin: string): number | null {
  for (const comment of comments) {
    if (!comment.user || loginKey(comment.user.login) !== loginKey(appLogin)) continue;
    const match = SUPERSEDED.exec(comment.body ?? '');
    if (match) return Number(match[1]);
  }
  return null;
}

function readPreviousAudit(comment: TimelineComment | null): AuditRecord | null {
  if (!comment) return null;
  try {
    return readAuditBlock(comment.body ?? '')?.record ?? null;
  } catch {
    return null; // a damaged block only loses the explanation of removed team members
  }
}

/** A decision the core could not see is blocked: the state fails, with one more blocker first. */
export function blockState(state: PromotionState, message: string): PromotionState {
  const settled = state.state === 'promoted' || state.state === 'superseded' || state.state === 'rejected';
  return { ...state, policyMet: false, state: settled ? state.state : 'failed', blockers: [{ code: 'candidate-changed', message }, ...state.blockers] };
}

/** A merged pull request already judged unmet at its merge stays unmet: it never writes a stage tag. */
function finalUnmet(state: PromotionState): PromotionState {
  const blockers = state.blockers.some((entry) => entry.code === 'merged-unmet')
    ? state.blockers
    : [{ code: 'merged-unmet' as const, message: 'merged without the policy met: no stage tag is written' }, ...state.blockers];
  return { ...state, policyMet: false, state: 'failed', blockers };
}

/** Decides pull request `number`. */
export async function decidePromotion(delivery: Delivery, number: number, options: DecideOptions = {}): Promise<PromotionDecision> {
  const hinted = parseMarker(options.hintBody).marker;
  const [timeline, firstFacts] = await Promise.all([fetchTimeline(delivery, number), fetchPromotionFacts(delivery, number, queryHint(hinted))]);
  let facts = firstFacts;
  const { marker, error: markerError } = parseMarker(facts.pullRequest.body);
  if (marker && (!hinted || hinted.model !== marker.model || hinted.stage !== marker.stage)) facts = await fetchPromotionFacts(delivery, number, queryHint(marker));
  const config = readConfig(facts.config);
  const base = { number, facts, timeline, config, marker, markerError, history: null, candidate: null, input: null, state: null, statusComment: null, stageTag: null, previousAudit: null, evidence: null };
  if (!marker) return base;

  const appLogin = delivery.app.login;
  const policy = stagePolicy(config, marker.model, marker.stage);
  const history = await modelHistory(delivery, facts, marker.model);
  const candidate = history?.versions.get(marker.version) ?? null;
  const registered = candidate !== null && candidate.registered;
  const statusComment = findOwnComment(timeline.comments, appLogin, promotionKey(marker.model, marker.stage));
  const previousAudit = readPreviousAudit(statusComment);
  const remembered = {
    approvals: previousAudit?.approvals ?? [],
    holds: [...(previousAudit?.holds ?? []), ...(options.restore?.holds ?? []).map((hold) => ({ ...hold, from_review: false }))],
    rejections: [...(previousAudit?.rejections ?? []), ...(options.restore?.rejections ?? [])],
  };
  const lookups = requiredLookups({ appLogin, comments: timeline.comments, reviews: timeline.reviews, policy, previous: remembered });
  // Team members only matter for people not listed by name (the core checks names first): skip the lookups otherwise.
  const listed = new Set((policy?.approvers ?? []).filter((entry) => !entry.includes('/')).map(loginKey));
  const teamsNeeded = lookups.logins.some((login) => !listed.has(loginKey(login))) ? lookups.teams : [];
  const [actors, permissions, teams, writers] = await Promise.all([
    registered ? candidateActors(delivery, candidate, candidate.commit === marker.commit ? facts.candidatePulls : null) : Promise.resolve({ trainedBy: null, registeredBy: null, sourcePullRequest: null }),
    fetchRoles(delivery, lookups.logins),
    fetchTeams(delivery, teamsNeeded),
    commitWriters(delivery, facts.pullRequest.headSha),
  ]);

  const stageTag = stageTagOf(history, marker.stage, marker.version, number);
  const previousStageName = previousStageOf(config, marker.model, marker.stage);
  const pull = facts.pullRequest;
  // A merged pull request is judged as of its merge: nothing that happens later can change the verdict.
  const asOf = pull.merged && pull.mergedAt ? pull.mergedAt : delivery.now();
  const pushTime = pushedAt(facts.checkRuns, delivery.app.slug);

  const input: PromotionInput = {
    appLogin,
    pullRequest: {
      number,
      htmlUrl: pull.url,
      author: pull.author,
      headSha: pull.headSha,
      headRepo: pull.headRepo,
      baseRepo: pull.baseRepo,
      state: pull.state,
      merged: pull.merged,
      mergedAt: pull.mergedAt,
      closedAt: pull.closedAt,
      createdAt: pull.createdAt,
      marker,
      supersededBy: supersededBy(timeline.comments, appLogin),
    },
    candidate: {
      model: marker.model,
      version: marker.version,
      commit: registered ? candidate.commit : marker.commit,
      artifactDigest: null,
      trainingRun: registered ? (candidate.origin.metadata.runUrl ?? null) : null,
      trainedBy: actors.trainedBy,
      registeredBy: actors.registeredBy,
      registeredAt: registered ? candidate.origin.created : pull.createdAt,
    },
    currentHolder: (history && stageHolder(history, marker.stage)?.version.version) ?? null,
    policy,
    comments: timeline.comments,
    reviews: timeline.reviews,
    pushes: pushTime ? [{ sha: pull.headSha, pushedAt: pushTime }] : [],
    permissions,
    teams,
    checks: trustedChecks(facts.checkRuns, policy?.require_checks ?? [], [...delivery.settings.trustedCheckApps, delivery.app.slug], pull.merged ? pull.mergedAt : null),
    // The candidate must hold the previous stage now (or at the merge), and the soak counts its unbroken tenure.
    previousStage: previousStageName ? { name: previousStageName, since: candidate ? holdingSince(history, previousStageName, candidate.version, asOf) : null } : null,
    previous: previousAudit || options.restore ? remembered : null,
    outcome: options.outcome ?? (stageTag ? { status: 'promoted', tag: stageTag.tag } : null),
    now: delivery.now(),
  };

  let state = computePromotionState(input);
  let evidence: EvidenceStatus | null = null;
  if (!stageTag) {
    if (!registered) state = blockState(state, `${marker.model}@${marker.version} is not a registered version`);
    else if (!candidate.active) state = blockState(state, `${marker.model}@${marker.version} was deregistered`);
    const file = checkCandidateFile(marker, facts.candidateFile, candidatePath(marker.model, marker.stage));
    if (!file.ok) state = blockState(state, file.reason);
    if (!config.ok && !config.missing) state = blockState(state, `the configuration cannot be read: ${config.error}`);
    const requiresPrevious = config.ok && modelSettings(config.config, marker.model)?.settings.require_previous_stage !== false;
    if (input.previousStage && input.previousStage.since === null && requiresPrevious) {
      state = blockState(state, `${marker.model}@${marker.version} does not hold ${input.previousStage.name}${pull.merged ? ' at the merge' : ' now'} (the stage before ${marker.stage})`);
    }
    const foreign = foreignHead(writers, appLogin, pull.headSha);
    if (foreign) state = blockState(state, foreign);
    if (pull.merged && mergedUnmetBefore(previousAudit, pull.mergedAt)) state = finalUnmet(state);
    // Open, or merged with no stage tag yet (the merge step has not run): both must wait for the evidence.
    if (policy?.evidence && !options.outcome && (pull.state === 'open' || pull.merged)) {
      const live = await loadLiveEvidence(delivery, marker.model, marker.version);
      for (const problem of live.problems) delivery.log.warn(`#${number}: evidence asset ${problem}`);
      evidence = judgeEvidence(policy.evidence, live, marker);
      state = blockOnEvidence(state, evidence, live.problems, pull.merged);
    }
  }
  return { ...base, history, candidate, input, state, statusComment, stageTag, previousAudit, evidence };
}

/** The audit record of a decision, as the status comment carries it. */
export function auditOf(delivery: Delivery, decision: PromotionDecision, evaluation?: EvaluationDigest): AuditRecord | undefined {
  const { input, state, marker, history } = decision;
  if (!input || !state || !marker) return undefined;
  const previousDeliveries = decision.previousAudit?.deliveries ?? [];
  const holder = input.currentHolder !== null && input.currentHolder !== marker.version ? input.currentHolder : marker.holder;
  return buildAuditRecord(input, state, {
    policyBlobSha: decision.config.blobSha,
    evaluation: evaluation ?? knownEvaluation(delivery, marker.model, marker.version),
    deliveries: [...previousDeliveries, delivery.id],
    previousHolderCommit: holder ? (history?.versions.get(holder)?.commit ?? null) : null,
  });
}
