/**
 * The plain data a promotion decision is computed from, and its reduction to
 * an ordered list of intents (who asked for what, where, when).
 *
 * Comments and reviews use the REST API's own field names, so a handler can
 * pass `issues.listComments` and `pulls.listReviews` items straight through.
 * There is deliberately no `author_association` anywhere: it is wrong for
 * private org members, and permission comes from the collaborator-permission
 * API (`permissions`) only.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../errors/index.js';
import type { StagePolicy } from '../config/promotion.js';
import { scanComment, type CommandWord } from './commands.js';

/** A GitHub account as the REST API shows it. */
export interface Actor {
  login: string;
  /** `User`, `Bot`, `Organization`, ... */
  type: string;
}

/** An issue comment on the promotion pull request (`issues.listComments`). */
export interface TimelineComment {
  id: number;
  /** Null for deleted accounts ("ghost"). */
  user: Actor | null;
  /** Set when the comment was made through a GitHub App on someone's behalf. */
  performed_via_github_app?: { slug?: string; name?: string } | null;
  body?: string | null;
  created_at: string;
  updated_at: string;
  html_url: string;
}

/** A pull request review (`pulls.listReviews`). */
export interface TimelineReview {
  id: number;
  user: Actor | null;
  /** `APPROVED`, `CHANGES_REQUESTED`, `COMMENTED`, `DISMISSED`, `PENDING`. */
  state: string;
  /** The commit the review was made on. */
  commit_id: string | null;
  /** Null while pending. */
  submitted_at?: string | null;
  body?: string | null;
  html_url: string;
}

/** A push to the pull request's branch: the head it produced and when. */
export interface TimelinePush {
  sha: string;
  pushedAt: string;
}

/** What the promotion pull request says it promotes (the hidden marker of its body). */
export interface PromotionMarker {
  model: string;
  stage: string;
  version: string;
  /** The commit of the candidate's registration tag. */
  commit: string;
  /** The stage's holder when the evidence was written; null for a first assignment. */
  holder: string | null;
  /** Who asked for it with `/promote`; null when the bot opened it on registration. */
  requestedBy: string | null;
}

/** The promotion pull request itself. */
export interface PromotionPullRequest {
  number: number;
  htmlUrl?: string;
  author: Actor;
  headSha: string;
  /** `owner/name` of the head and base repositories: they differ for a fork. */
  headRepo: string;
  baseRepo: string;
  state: 'open' | 'closed';
  merged: boolean;
  mergedAt: string | null;
  closedAt?: string | null;
  createdAt: string;
  /** The parsed body marker; null when the body has none (not a promotion PR). */
  marker: PromotionMarker | null;
  /** The promotion PR that replaced this one, when it was closed as superseded. */
  supersededBy?: number | null;
}

/** The registered version being promoted. */
export interface PromotionCandidate {
  model: string;
  version: string;
  /** The commit its registration tag points at. */
  commit: string;
  artifactDigest?: string | null;
  trainingRun?: string | null;
  /** The actor of the training run, and the one who registered the version. */
  trainedBy: string | null;
  registeredBy: string | null;
  registeredAt: string;
}

/** Everything `computePromotionState` needs, fetched by the handler. */
export interface PromotionInput {
  /** The App's own bot login (`tollgate[bot]`): its comments are skipped, its PRs are the only genuine ones. */
  appLogin: string;
  pullRequest: PromotionPullRequest;
  candidate: PromotionCandidate;
  /** The version holding the stage now (null when none does). */
  currentHolder: string | null;
  /** The stage's policy from the default branch's config; null when the config has none. */
  policy: StagePolicy | null;
  comments: readonly TimelineComment[];
  reviews: readonly TimelineReview[];
  pushes: readonly TimelinePush[];
  /** login -> `role_name` from `GET /repos/{o}/{r}/collaborators/{login}/permission`. */
  permissions: Readonly<Record<string, string>>;
  /** `org/team` -> member logins, for the teams among the approvers. */
  teams: Readonly<Record<string, readonly string[]>>;
  /** Check name -> conclusion on the head commit (null while it runs). Only checks from trusted apps. */
  checks: Readonly<Record<string, string | null>>;
  /**
   * The stage before this one and since when the candidate has held it without a
   * break (null when it does not hold it now, or at the merge: rolled out, never
   * assigned). Null for the first stage: soak then runs from registration.
   */
  previousStage: { name: string; since: string | null } | null;
  /**
   * What the last status comment (the App's own) recorded: approvals, to explain a removed team
   * member; holds and rejections, which stay in force when their comment is later edited or
   * deleted (by anyone) until their author cancels them with a new comment or an admin releases them.
   */
  previous?: {
    approvals: ReadonlyArray<{ login: string; team?: string | null }>;
    holds?: ReadonlyArray<RememberedIntent & { from_review?: boolean }>;
    rejections?: ReadonlyArray<RememberedIntent>;
  } | null;
  /** What the bot did after the merge (or while auto-merging). */
  outcome?: { status: 'promoting' | 'promoted' | 'failed'; tag?: string | null; error?: string | null } | null;
  /** The decision time (ISO 8601). */
  now: string;
}

/** A hold or rejection as a status comment's audit record lists it. */
export interface RememberedIntent {
  login: string;
  id: number;
  source: 'comment' | 'review';
  url: string;
  /** ISO 8601. */
  at: string;
  reason: string | null;
}

/** Knobs with safe defaults. */
export interface PromotionOptions {
  /** A comment whose `updated_at` is later than `created_at` by more than this was edited (default 1000 ms). */
  editToleranceMs?: number;
}

/** What a person asked for, in one comment line or one review. */
export type IntentKind = 'approve' | 'force' | 'approve-cancel' | 'reject' | 'hold' | 'hold-cancel';

/** One intent, with where it came from. */
export interface Intent {
  kind: IntentKind;
  login: string;
  /** Lower-case login, for comparisons (logins are case-insensitive). */
  key: string;
  isBot: boolean;
  viaApp: string | null;
  source: 'comment' | 'review';
  id: number;
  line: number;
  url: string;
  at: number;
  reason?: string;
  /** Comments: edited after posting. Review bodies: treated as editable (edits are invisible). */
  edited: boolean;
  /** Reviews: the commit reviewed. */
  commitId: string | null;
  /** A hold or approval that came from the review's state rather than a command in its body. */
  fromReviewState: boolean;
  bodySha256: string;
}

/** A command written inside a quote: refused as such. */
export interface QuotedIntent {
  login: string;
  key: string;
  word: CommandWord;
  source: 'comment' | 'review';
  id: number;
  url: string;
  at: number;
}

/** Parses an ISO 8601 time; a malformed one is the handler's bug, reported loudly. */
export function parseTime(text: string | null | undefined, what: string): number {
  const time = text ? Date.parse(text) : Number.NaN;
  if (!Number.isFinite(time)) throw new InputError(undefined, `${what}: expected an ISO 8601 time, got ${JSON.stringify(text)}`);
  return time;
}

/** Lower-case login without a leading `@`. */
export function loginKey(login: string): string {
  return login.replace(/^@/, '').toLowerCase();
}

/** Bots never count, whatever their permission. */
export function isBotActor(actor: Actor): boolean {
  return actor.type === 'Bot' || /\[bot\]$/i.test(actor.login);
}

/** sha256 (hex) of a body as UTF-8: the audit proves which text was read. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The same comment fetched twice keeps its most recent copy (deterministically). */
function latestComments(comments: readonly TimelineComment[]): TimelineComment[] {
  const byId = new Map<number, TimelineComment>();
  for (const comment of comments) {
    const seen = byId.get(comment.id);
    if (!seen || compareCommentCopies(comment, seen) > 0) byId.set(comment.id, comment);
  }
  return [...byId.values()];
}

function compareCommentCopies(a: TimelineComment, b: TimelineComment): number {
  const time = Date.parse(a.updated_at) - Date.parse(b.updated_at);
  if (time !== 0 && Number.isFinite(time)) return time;
  // Same time: any total order will do, as long as it does not depend on delivery order.
  const left = JSON.stringify(a);
  const right = JSON.stringify(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

const REVIEW_STATE_RANK: Record<string, number> = { PENDING: 0, COMMENTED: 1, APPROVED: 2, CHANGES_REQUESTED: 2, DISMISSED: 3 };

/** The same review fetched twice: a dismissal is final; otherwise the latest copy. */
function latestReviews(reviews: readonly TimelineReview[]): TimelineReview[] {
  const byId = new Map<number, TimelineReview>();
  for (const review of reviews) {
    const seen = byId.get(review.id);
    if (!seen) {
      byId.set(review.id, review);
      continue;
    }
    const rank = (REVIEW_STATE_RANK[review.state] ?? 0) - (REVIEW_STATE_RANK[seen.state] ?? 0);
    const key = (item: TimelineReview) => `${item.submitted_at ?? ''}\u0000${JSON.stringify(item)}`;
    if (rank > 0 || (rank === 0 && key(review) > key(seen))) byId.set(review.id, review);
  }
  return [...byId.values()];
}

const COMMAND_INTENTS: Partial<Record<string, IntentKind>> = {
  'approve-cancel': 'approve-cancel',
  reject: 'reject',
  hold: 'hold',
  'hold-cancel': 'hold-cancel',
};

interface Collected {
  intents: Intent[];
  quoted: QuotedIntent[];
}

/**
 * Every intent in the comments and reviews, oldest first, with duplicates
 * (the same comment or review delivered twice) removed. The order is total
 * (time, then comments before reviews, then id, then line), so the input's
 * order never matters.
 */
export function collectIntents(input: Pick<PromotionInput, 'appLogin' | 'comments' | 'reviews'> & Partial<Pick<PromotionInput, 'previous'>>, options: PromotionOptions = {}): Collected {
  const tolerance = options.editToleranceMs ?? 1000;
  const app = loginKey(input.appLogin);
  const intents: Intent[] = [];
  const quoted: QuotedIntent[] = [];

  for (const comment of latestComments(input.comments)) {
    const user = comment.user ?? { login: 'ghost', type: 'User' };
    if (loginKey(user.login) === app) continue; // our own status comments and replies
    const scan = scanComment(comment.body);
    if (scan.commands.length === 0 && scan.quoted.length === 0) continue;
    const at = parseTime(comment.created_at, `comment ${comment.id} created_at`);
    const edited = parseTime(comment.updated_at, `comment ${comment.id} updated_at`) - at > tolerance;
    const base = {
      login: user.login,
      key: loginKey(user.login),
      isBot: isBotActor(user),
      viaApp: comment.performed_via_github_app ? (comment.performed_via_github_app.slug ?? comment.performed_via_github_app.name ?? 'an app') : null,
      source: 'comment' as const,
      id: comment.id,
      url: comment.html_url,
      at,
      edited,
      commitId: null,
      fromReviewState: false,
      bodySha256: sha256Hex(comment.body ?? ''),
    };
    for (const command of scan.commands) {
      const kind = command.kind === 'approve' ? (command.force ? 'force' : 'approve') : COMMAND_INTENTS[command.kind];
      if (kind === undefined) continue;
      const reason = 'reason' in command ? command.reason : undefined;
      intents.push({ ...base, kind, line: command.line, ...(reason !== undefined && { reason }) });
    }
    for (const entry of scan.quoted) quoted.push({ login: user.login, key: base.key, word: entry.word, source: 'comment', id: comment.id, url: comment.html_url, at });
  }

  for (const review of latestReviews(input.reviews)) {
    if (review.state === 'PENDING' || review.state === 'DISMISSED' || !review.submitted_at) continue;
    const user = review.user ?? { login: 'ghost', type: 'User' };
    if (loginKey(user.login) === app) continue;
    const at = parseTime(review.submitted_at, `review ${review.id} submitted_at`);
    const body = review.body ?? '';
    const base = {
      login: user.login,
      key: loginKey(user.login),
      isBot: isBotActor(user),
      viaApp: null,
      source: 'review' as const,
      id: review.id,
      url: review.html_url,
      at,
      commitId: review.commit_id,
      bodySha256: sha256Hex(body),
    };
    if (review.state === 'APPROVED') intents.push({ ...base, kind: 'approve', line: 0, edited: false, fromReviewState: true });
    if (review.state === 'CHANGES_REQUESTED') {
      const reason = body.trim() === '' ? undefined : body.trim().replace(/\s+/g, ' ').slice(0, 500);
      intents.push({ ...base, kind: 'hold', line: 0, edited: false, fromReviewState: true, ...(reason !== undefined && { reason }) });
    }
    const scan = scanComment(body);
    for (const command of scan.commands) {
      // An Approve review already approves; its body repeating `/approve` adds nothing.
      if (review.state === 'APPROVED' && command.kind === 'approve' && !command.force) continue;
      const kind = command.kind === 'approve' ? (command.force ? 'force' : 'approve') : COMMAND_INTENTS[command.kind];
      if (kind === undefined) continue;
      const reason = 'reason' in command ? command.reason : undefined;
      // Review bodies can be edited without a trace, so they are treated as edited.
      intents.push({ ...base, kind, line: command.line, edited: true, fromReviewState: false, ...(reason !== undefined && { reason }) });
    }
    for (const entry of scan.quoted) quoted.push({ login: user.login, key: base.key, word: entry.word, source: 'review', id: review.id, url: review.html_url, at });
  }

  intents.push(...rememberedIntents(input, intents));
  intents.sort(compareIntents);
  quoted.sort((a, b) => a.at - b.at || a.source.localeCompare(b.source) || a.id - b.id || a.word.localeCompare(b.word));
  return { intents, quoted };
}

/**
 * Holds and rejections the last status comment recorded from a comment that no longer carries
 * them (edited or deleted since, possibly by someone else: the timeline does not say who):
 * they count again, from their author at their original time, so only a later `/hold cancel`
 * or `/approve cancel` of their author (or an admin's `/hold cancel`) lifts them.
 */
function rememberedIntents(input: Partial<Pick<PromotionInput, 'previous' | 'appLogin'>>, present: readonly Intent[]): Intent[] {
  const previous = input.previous;
  if (!previous) return [];
  const app = loginKey(input.appLogin ?? '');
  const has = (kind: IntentKind, id: number, key: string) => present.some((intent) => intent.source === 'comment' && intent.id === id && intent.kind === kind && intent.key === key);
  const restored: Intent[] = [];
  const restore = (kind: 'hold' | 'reject', entry: RememberedIntent) => {
    if (entry.source !== 'comment') return; // reviews: a dismissal is GitHub's own record
    const key = loginKey(entry.login);
    if (key === app || has(kind, entry.id, key)) return;
    const at = Date.parse(entry.at);
    if (!Number.isFinite(at)) return;
    if (restored.some((intent) => intent.kind === kind && intent.id === entry.id && intent.key === key)) return;
    restored.push({
      kind,
      login: entry.login,
      key,
      isBot: isBotActor({ login: entry.login, type: 'User' }),
      viaApp: null,
      source: 'comment',
      id: entry.id,
      line: 0,
      url: entry.url,
      at,
      ...(entry.reason !== null && entry.reason !== undefined && { reason: entry.reason }),
      edited: false,
      commitId: null,
      fromReviewState: false,
      bodySha256: '',
    });
  };
  for (const hold of previous.holds ?? []) restore('hold', hold);
  for (const rejection of previous.rejections ?? []) restore('reject', rejection);
  return restored;
}

function compareIntents(a: Intent, b: Intent): number {
  if (a.at !== b.at) return a.at - b.at;
  if (a.source !== b.source) return a.source === 'comment' ? -1 : 1;
  if (a.id !== b.id) return a.id - b.id;
  if (a.line !== b.line) return a.line - b.line;
  // A review's state (line 0) before its body's commands; then a fixed order of kinds.
  return a.kind.localeCompare(b.kind);
}

/** What the handler must look up before calling `computePromotionState`. */
export interface RequiredLookups {
  /** Logins whose collaborator permission is needed (people who issued commands or reviews). */
  logins: string[];
  /** `org/team` slugs whose members are needed (teams among the stage's approvers). */
  teams: string[];
}

/** The permission and team lookups a decision needs; nothing for bots or the App itself. */
export function requiredLookups(input: Pick<PromotionInput, 'appLogin' | 'comments' | 'reviews' | 'policy'> & Partial<Pick<PromotionInput, 'previous'>>): RequiredLookups {
  const { intents } = collectIntents(input);
  const logins = new Map<string, string>();
  for (const intent of intents) if (!intent.isBot && !intent.viaApp && !logins.has(intent.key)) logins.set(intent.key, intent.login);
  const teams = [...new Set((input.policy?.approvers ?? []).filter((entry) => entry.includes('/')).map((entry) => loginKey(entry)))];
  return { logins: [...logins.values()].sort((a, b) => a.localeCompare(b)), teams: teams.sort() };
}
