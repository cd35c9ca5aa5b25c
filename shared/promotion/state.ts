/**
 * The promotion state of a pull request, recomputed from its whole timeline
 * on every event. The function is pure: the same input in any order (and
 * with any event delivered twice) gives the same output, so duplicate,
 * reordered or lost webhooks cannot corrupt the decision.
 *
 * Rules (issue 7, section 3), and the decisions taken where it was silent:
 * - Each person's latest intent wins. Votes (`/approve`, an Approve review,
 *   `/approve --force`, `/reject`) and holds are separate: `/approve cancel`
 *   withdraws a vote (approval or rejection), `/hold cancel` releases a hold.
 * - An Approve review is an approval of its `commit_id`: stale once the head moves.
 *   A comment approval is stale when it is not later than the latest push.
 * - Request changes is a hold by its reviewer until they approve (review or
 *   comment), `/hold cancel`, or the review is dismissed.
 * - Edited comments (and review bodies, whose edits are invisible) may only
 *   restrict: their `/hold`, `/reject`, `/approve cancel` count, their
 *   `/approve`, `--force` and `/hold cancel` are refused. A hold or rejection
 *   the last status comment recorded stays in force when its comment is
 *   edited or deleted (`previous`): only its author's new cancel, or an
 *   admin's `/hold cancel`, lifts it.
 * - Holds need write access; an admin's `/hold cancel` releases every hold.
 *   Rejections need write access and being an approver (or admin).
 * - `/approve --force` by an admin, when the policy allows it, bypasses the
 *   approval count, the checks and the soak (listed in the bypass), never a
 *   hold or a rejection, and never separation of duties.
 * - A changed candidate or a changed stage holder makes every approval stale
 *   (state `stale`) until the bot refreshes the pull request.
 * - Nothing after the merge (or close) counts.
 */
import type { StagePolicy } from '../config/promotion.js';
import { parseDuration } from '../config/duration.js';
import { buildRoster, type Roster } from './eligibility.js';
import { describeRefusal, type RefusalCode, type RefusalContext } from './refusals.js';
import { collectIntents, loginKey, parseTime, type Intent, type PromotionInput, type PromotionOptions } from './timeline.js';

export const PROMOTION_STATES = ['awaiting-approval', 'held', 'approved', 'rejected', 'superseded', 'stale', 'promoting', 'promoted', 'failed'] as const;
export type PromotionStateName = (typeof PROMOTION_STATES)[number];

interface Source {
  login: string;
  id: number;
  source: 'comment' | 'review';
  /** The comment's or review's URL. */
  url: string;
  /** ISO 8601. */
  at: string;
}

/** An approval that counts. */
export interface CountedApproval extends Source {
  bodySha256: string;
  /** The approver team that made this person eligible; null when listed by name. */
  team: string | null;
  /** The reviewed commit, for review approvals. */
  commitId: string | null;
  reason: string | null;
}

/** Something that did not count, and the one reason why. */
export interface Refusal extends Source {
  /** The command or review kind (`approve`, `force`, `hold`, ... or the quoted command word). */
  command: string;
  reason: RefusalCode;
  message: string;
}

export interface Hold extends Source {
  reason: string | null;
  /** From a Request changes review rather than `/hold`. */
  fromReview: boolean;
}

export interface Rejection extends Source {
  reason: string | null;
}

/** The parts of the policy a bypass may cover. */
export type BypassedRule = 'approvals' | 'checks' | 'soak';

/** An admin's `/approve --force` that counted. */
export interface Bypass extends Source {
  bodySha256: string;
  reason: string | null;
  /** What was not met when it was used (empty when nothing had to be bypassed). */
  bypassed: BypassedRule[];
}

export interface CheckStatus {
  name: string;
  status: 'passed' | 'pending' | 'missing' | 'failed';
  conclusion: string | null;
}

export interface SoakStatus {
  /** The stage whose tenure counts; null for the first stage (time since registration). */
  stage: string | null;
  requiredMs: number;
  /** ISO time the soak started (its unbroken tenure of the previous stage); null when it does not hold that stage now. */
  since: string | null;
  elapsedMs: number;
  remainingMs: number;
  /** When the soak will be over; null when it cannot start. */
  until: string | null;
  met: boolean;
}

export type BlockerCode =
  | 'not-a-promotion'
  | 'fork-pull-request'
  | 'no-policy'
  | 'candidate-changed'
  | 'holder-changed'
  | 'push-unknown'
  | 'rejected'
  | 'held'
  | 'approvals'
  | 'check'
  | 'soak'
  | 'evidence'
  | 'closed'
  | 'merged-unmet'
  | 'failed';

/** What stands between the pull request and its promotion (plain text; reports escape it). */
export interface Blocker {
  code: BlockerCode;
  message: string;
}

/** The decision about one promotion pull request. */
export interface PromotionState {
  state: PromotionStateName;
  policyMet: boolean;
  model: string;
  stage: string;
  version: string;
  pullRequest: number;
  headSha: string;
  /** The time the decision is about: the merge or close time, or `now`. */
  decidedAt: string;
  required: number;
  approvals: CountedApproval[];
  refused: Refusal[];
  holds: Hold[];
  rejections: Rejection[];
  bypasses: Bypass[];
  checks: CheckStatus[];
  soak: SoakStatus | null;
  missing: {
    /** How many more approvals are needed (0 when met or bypassed). */
    approvals: number;
    /** Approver entries (logins, `org/team`) that could still approve. */
    approvers: string[];
    /** Required checks that have not passed. */
    checks: CheckStatus[];
    /** Soak time still to wait (0 when met or bypassed). */
    soakMs: number;
  };
  blockers: Blocker[];
}

/** Anything a refusal can point at: a command, a review, a quoted command. */
type Refusable = { login: string; key: string; id: number; source: 'comment' | 'review'; url: string; at: number };

type Vote = { kind: 'approve' | 'force' | 'reject'; intent: Intent; team: string | null };

const iso = (time: number) => new Date(time).toISOString();
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sourceOf(intent: Refusable): Source {
  return { login: intent.login, id: intent.id, source: intent.source, url: intent.url, at: iso(intent.at) };
}

function checkStatuses(policy: StagePolicy | null, checks: PromotionInput['checks']): CheckStatus[] {
  return (policy?.require_checks ?? []).map((name) => {
    if (!Object.prototype.hasOwnProperty.call(checks, name)) return { name, status: 'missing', conclusion: null };
    const conclusion = checks[name];
    if (conclusion === null || conclusion === undefined) return { name, status: 'pending', conclusion: null };
    return { name, status: conclusion.toLowerCase() === 'success' ? 'passed' : 'failed', conclusion };
  });
}

function soakStatus(input: PromotionInput, reference: number): SoakStatus | null {
  const soak = input.policy?.soak;
  const requiredMs = soak === undefined ? undefined : parseDuration(soak);
  if (requiredMs === undefined || requiredMs <= 0) return null;
  const stage = input.previousStage?.name ?? null;
  const startText = input.previousStage ? input.previousStage.since : input.candidate.registeredAt;
  if (startText === null) return { stage, requiredMs, since: null, elapsedMs: 0, remainingMs: requiredMs, until: null, met: false };
  const start = parseTime(startText, input.previousStage ? 'previousStage.since' : 'candidate.registeredAt');
  const elapsedMs = Math.max(0, reference - start);
  const remainingMs = Math.max(0, requiredMs - elapsedMs);
  return { stage, requiredMs, since: iso(start), elapsedMs, remainingMs, until: iso(start + requiredMs), met: remainingMs === 0 };
}

/** Whether the pull request is one Tollgate opened, from its own branch. */
function genuineness(input: PromotionInput): RefusalCode | undefined {
  const pr = input.pullRequest;
  if (pr.headRepo.toLowerCase() !== pr.baseRepo.toLowerCase()) return 'fork-pull-request';
  if (pr.marker === null || loginKey(pr.author.login) !== loginKey(input.appLogin)) return 'not-a-promotion';
  return undefined;
}

/** Computes the promotion state from everything the handler fetched. */
export function computePromotionState(input: PromotionInput, options: PromotionOptions = {}): PromotionState {
  const pr = input.pullRequest;
  const policy = input.policy;
  const now = parseTime(input.now, 'now');
  const cutoff = pr.merged
    ? parseTime(pr.mergedAt, 'pullRequest.mergedAt')
    : pr.state === 'closed' && pr.closedAt
      ? Math.min(now, parseTime(pr.closedAt, 'pullRequest.closedAt'))
      : now;
  const roster = buildRoster(input);
  const notGenuine = genuineness(input);
  const marker = pr.marker;
  const stage = marker?.stage ?? '';
  const context: RefusalContext = { stage, headSha: pr.headSha, holder: input.currentHolder };

  const refusals = new Map<string, Refusal>();
  const refuse = (item: Refusable, command: string, code: RefusalCode, extra: RefusalContext = {}) => {
    // One entry per person and reason: the latest one.
    refusals.set(`${item.key}\u0000${code}`, { ...sourceOf(item), command, reason: code, message: describeRefusal(code, { ...context, ...extra }) });
  };

  const { intents, quoted } = collectIntents(input, options);
  const votes = new Map<string, Vote>();
  const holds = new Map<string, Intent>();

  for (const intent of intents) {
    if (intent.at > cutoff) continue;
    if (notGenuine) {
      refuse(intent, intent.kind, notGenuine);
      continue;
    }
    if (intent.isBot) {
      refuse(intent, intent.kind, 'bot');
      continue;
    }
    if (intent.viaApp) {
      refuse(intent, intent.kind, 'via-app', { app: intent.viaApp });
      continue;
    }
    applyIntent(intent, { roster, policy, votes, holds, refuse });
  }

  for (const entry of quoted) {
    if (entry.at > cutoff || notGenuine) continue;
    refuse({ login: entry.login, key: entry.key, id: entry.id, source: entry.source, url: entry.url, at: entry.at }, entry.word, 'quoted');
  }

  // Staleness: the candidate or the holder changed, or the approval predates the head.
  const candidateChanged =
    marker !== null &&
    (marker.version !== input.candidate.version || marker.commit !== input.candidate.commit || marker.model !== input.candidate.model);
  // The candidate holding the stage is our own promotion having happened, not a change.
  const holderChanged = marker !== null && (marker.holder ?? null) !== input.currentHolder && input.currentHolder !== input.candidate.version;
  const headPushes = input.pushes.filter((push) => push.sha === pr.headSha);
  const pushUnknown = headPushes.length === 0;
  const latestPush = pushUnknown ? cutoff : Math.max(...input.pushes.map((push) => parseTime(push.pushedAt, `push ${push.sha}`)));

  const staleness = (vote: Vote): RefusalCode | undefined => {
    if (candidateChanged) return 'stale-candidate';
    if (holderChanged) return 'stale-holder';
    const intent = vote.intent;
    if (intent.source === 'review') return intent.commitId === pr.headSha ? undefined : 'stale-commit';
    return intent.at <= latestPush ? 'stale-push' : undefined;
  };

  const approvals: CountedApproval[] = [];
  const forced: Vote[] = [];
  const rejections: Rejection[] = [];
  let staleVotes = 0;
  for (const vote of votes.values()) {
    const intent = vote.intent;
    if (vote.kind === 'reject') {
      rejections.push({ ...sourceOf(intent), reason: intent.reason ?? null });
      continue;
    }
    const stale = staleness(vote);
    if (stale) {
      staleVotes += 1;
      refuse(intent, vote.kind, stale, { commitId: intent.commitId });
      continue;
    }
    if (vote.kind === 'force') forced.push(vote);
    else approvals.push({ ...sourceOf(intent), bodySha256: intent.bodySha256, team: vote.team, commitId: intent.commitId, reason: intent.reason ?? null });
  }

  const required = policy?.required ?? 1;
  const checks = checkStatuses(policy, input.checks);
  const soak = soakStatus(input, cutoff);
  const failingChecks = checks.filter((check) => check.status !== 'passed');
  const approvalsShort = Math.max(0, required - approvals.length);
  const unmet: BypassedRule[] = [];
  if (approvalsShort > 0) unmet.push('approvals');
  if (failingChecks.length > 0) unmet.push('checks');
  if (soak !== null && !soak.met) unmet.push('soak');
  const bypasses: Bypass[] = forced.map(({ intent }) => ({ ...sourceOf(intent), bodySha256: intent.bodySha256, reason: intent.reason ?? null, bypassed: [...unmet] }));
  const bypassed = bypasses.length > 0;
  const holdList: Hold[] = [...holds.values()].map((intent) => ({ ...sourceOf(intent), reason: intent.reason ?? null, fromReview: intent.fromReviewState }));

  const policyMet =
    !notGenuine &&
    policy !== null &&
    !candidateChanged &&
    !holderChanged &&
    rejections.length === 0 &&
    holdList.length === 0 &&
    (unmet.length === 0 || bypassed);

  const blockers = collectBlockers({
    input, notGenuine, candidateChanged, holderChanged, pushUnknown, rejections, holdList, approvalsShort: bypassed ? 0 : approvalsShort,
    failingChecks: bypassed ? [] : failingChecks, soak: bypassed ? null : soak, required, approvals: approvals.length,
  });

  let state: PromotionStateName;
  if (pr.merged) {
    state = input.outcome?.status ?? (policyMet ? 'promoting' : 'failed');
    if (!input.outcome && !policyMet) blockers.unshift({ code: 'merged-unmet', message: 'merged without the policy met: no stage tag is written' });
    if (input.outcome?.status === 'failed') blockers.unshift({ code: 'failed', message: `the promotion failed: ${input.outcome.error ?? 'unknown error'}` });
  } else if (pr.state === 'closed') {
    state = pr.supersededBy ? 'superseded' : 'rejected';
    blockers.unshift({ code: 'closed', message: pr.supersededBy ? `superseded by #${pr.supersededBy}` : 'closed without merging' });
  } else if (notGenuine || policy === null) {
    state = 'failed';
  } else if (rejections.length > 0) {
    state = 'rejected';
  } else if (holdList.length > 0) {
    state = 'held';
  } else if (candidateChanged || holderChanged) {
    state = 'stale';
  } else if (policyMet) {
    state = input.outcome?.status === 'promoting' ? 'promoting' : 'approved';
  } else if (staleVotes > 0) {
    state = 'stale';
  } else {
    state = 'awaiting-approval';
  }

  const approved = new Set(approvals.map((approval) => loginKey(approval.login)));
  const stillNeeded =
    approvalsShort > 0 && !bypassed
      ? roster.approverEntries.filter((entry) => entry.includes('/') || couldStillApprove(roster, loginKey(entry), approved))
      : [];

  const byTime = <T extends Source>(items: T[]) => items.sort((a, b) => compareText(a.at, b.at) || compareText(a.source, b.source) || a.id - b.id || compareText(a.login, b.login));
  return {
    state,
    policyMet,
    model: marker?.model ?? input.candidate.model,
    stage,
    version: marker?.version ?? input.candidate.version,
    pullRequest: pr.number,
    headSha: pr.headSha,
    decidedAt: iso(cutoff),
    required,
    approvals: byTime(approvals),
    refused: byTime([...refusals.values()]),
    holds: byTime(holdList),
    rejections: byTime(rejections),
    bypasses: byTime(bypasses),
    checks,
    soak,
    missing: {
      approvals: bypassed ? 0 : approvalsShort,
      approvers: stillNeeded,
      checks: bypassed ? [] : failingChecks,
      soakMs: bypassed || soak === null ? 0 : soak.remainingMs,
    },
    blockers,
  };
}

/** A listed approver who has not approved and is not known to be unable to. */
function couldStillApprove(roster: Roster, key: string, approved: ReadonlySet<string>): boolean {
  if (approved.has(key) || roster.conflict(key) !== undefined) return false;
  const permission = roster.permission(key);
  return permission.ok || permission.code === 'permission-unknown';
}

interface IntentScope {
  roster: Roster;
  policy: StagePolicy | null;
  votes: Map<string, Vote>;
  holds: Map<string, Intent>;
  refuse: (item: Refusable, command: string, code: RefusalCode, extra?: RefusalContext) => void;
}

/** Applies one person's intent to the running tally, or records why it does not count. */
function applyIntent(intent: Intent, scope: IntentScope): void {
  const { roster, votes, holds, refuse } = scope;
  const { key } = intent;
  const editedCode: RefusalCode = intent.source === 'review' ? 'review-body' : 'edited';

  if (intent.kind === 'approve-cancel') {
    votes.delete(key); // withdrawing only ever restricts: accepted from any source
    return;
  }
  // Permissive intents must come from a comment nobody could have rewritten.
  if (intent.edited && (intent.kind === 'approve' || intent.kind === 'force' || intent.kind === 'hold-cancel')) {
    refuse(intent, intent.kind, editedCode);
    return;
  }
  const permission = roster.permission(key);
  if (!permission.ok) {
    refuse(intent, intent.kind, permission.code, { role: permission.role });
    return;
  }

  switch (intent.kind) {
    case 'hold':
      holds.set(key, intent);
      return;
    case 'hold-cancel':
      if (permission.admin) holds.clear();
      else holds.delete(key);
      return;
    case 'reject': {
      const approver = roster.approver(key);
      if (!approver.ok && !permission.admin) {
        refuse(intent, intent.kind, approver.code, { teams: approver.teams });
        return;
      }
      votes.set(key, { kind: 'reject', intent, team: approver.ok ? approver.team : null });
      return;
    }
    case 'approve': {
      // Approving releases the approver's own Request changes review.
      if (holds.get(key)?.fromReviewState) holds.delete(key);
      const conflict = roster.conflict(key);
      if (conflict) {
        refuse(intent, intent.kind, conflict);
        return;
      }
      const approver = roster.approver(key);
      if (!approver.ok) {
        refuse(intent, intent.kind, approver.code, { teams: approver.teams });
        return;
      }
      votes.set(key, { kind: 'approve', intent, team: approver.team });
      return;
    }
    case 'force': {
      if (!permission.admin) {
        refuse(intent, intent.kind, 'not-admin', { role: permission.role });
        return;
      }
      if (!scope.policy?.allow_force) {
        refuse(intent, intent.kind, 'force-disabled');
        return;
      }
      const conflict = roster.conflict(key);
      if (conflict) {
        refuse(intent, intent.kind, conflict);
        return;
      }
      votes.set(key, { kind: 'force', intent, team: null });
      return;
    }
  }
}

interface BlockerFacts {
  input: PromotionInput;
  notGenuine: RefusalCode | undefined;
  candidateChanged: boolean;
  holderChanged: boolean;
  pushUnknown: boolean;
  rejections: Rejection[];
  holdList: Hold[];
  approvalsShort: number;
  failingChecks: CheckStatus[];
  soak: SoakStatus | null;
  required: number;
  approvals: number;
}

function collectBlockers(facts: BlockerFacts): Blocker[] {
  const { input } = facts;
  const blockers: Blocker[] = [];
  if (facts.notGenuine === 'fork-pull-request') blockers.push({ code: 'fork-pull-request', message: describeRefusal('fork-pull-request') });
  if (facts.notGenuine === 'not-a-promotion') blockers.push({ code: 'not-a-promotion', message: 'this pull request was not opened by Tollgate' });
  if (input.policy === null) blockers.push({ code: 'no-policy', message: `no promotion policy for this stage in .github/tollgate.yml on the default branch` });
  const marker = input.pullRequest.marker;
  if (facts.candidateChanged && marker) {
    blockers.push({ code: 'candidate-changed', message: `the pull request promotes ${marker.model}@${marker.version} (${marker.commit.slice(0, 7)}) but the candidate is now ${input.candidate.model}@${input.candidate.version} (${input.candidate.commit.slice(0, 7)})` });
  }
  if (facts.holderChanged && marker) {
    blockers.push({ code: 'holder-changed', message: `the stage was held by ${marker.holder ?? 'no version'} when the evidence was written and is now held by ${input.currentHolder ?? 'no version'}` });
  }
  if (facts.pushUnknown) blockers.push({ code: 'push-unknown', message: `the push of the head ${input.pullRequest.headSha.slice(0, 7)} is not in the timeline yet; comment approvals wait for it` });
  for (const rejection of facts.rejections) blockers.push({ code: 'rejected', message: `rejected by ${rejection.login}${rejection.reason ? `: ${rejection.reason}` : ''}` });
  for (const hold of facts.holdList) blockers.push({ code: 'held', message: `held by ${hold.login}${hold.fromReview ? ' (changes requested)' : ''}${hold.reason ? `: ${hold.reason}` : ''}` });
  if (facts.approvalsShort > 0) {
    blockers.push({ code: 'approvals', message: `${facts.approvals} of ${facts.required} approval${facts.required === 1 ? '' : 's'}: ${facts.approvalsShort} more needed` });
  }
  for (const check of facts.failingChecks) {
    const what = check.status === 'missing' ? 'has not run' : check.status === 'pending' ? 'is still running' : `concluded ${check.conclusion}`;
    blockers.push({ code: 'check', message: `check ${check.name} ${what}` });
  }
  if (facts.soak && !facts.soak.met) {
    const soak = facts.soak;
    blockers.push({
      code: 'soak',
      message:
        soak.since === null
          ? `the candidate does not hold ${soak.stage ?? 'the previous stage'} now`
          : `soak: ${soak.stage === null ? 'registered' : `in ${soak.stage}`} since ${soak.since}; ready at ${soak.until}`,
    });
  }
  return blockers;
}
