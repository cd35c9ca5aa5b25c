/**
 * `issue_comment`: commands in new comments, and a recomputed promotion when
 * a comment on a promotion pull request is created, edited or deleted (an
 * edited or deleted approval must stop counting at once, while an edited or
 * deleted hold or rejection stays in force). Commands in edited comments are
 * never run: the editor may not be the author.
 */
import { upsertComment } from '../../shared/github/upsert-comment.js';
import { DRIFT_LABEL } from '../../shared/incidents/key.js';
import { loginKey, scanComment, type Actor } from '../../shared/promotion/index.js';
import type { RememberedIntent } from '../../shared/promotion/timeline.js';
import { safeLink } from '../../shared/report/index.js';
import { anySlow, INTENT_KINDS, runCommands, type CommandContext } from '../commands/index.js';
import type { Delivery } from '../delivery.js';
import { react } from '../github/reactions.js';
import { refreshPromotion } from '../promotion/refresh.js';
import type { EventHandler } from '../router.js';
import type { BotRuntime } from '../runtime.js';
import { looksLikePromotion } from './promotion-target.js';

interface CommentPayload {
  action: 'created' | 'edited' | 'deleted';
  comment: { id: number; body?: string | null; html_url: string; user: Actor | null; created_at?: string; performed_via_github_app?: { slug?: string; name?: string } | null };
  /** `edited`: the body before the edit. */
  changes?: { body?: { from?: string | null } };
  issue: { number: number; body?: string | null; pull_request?: unknown; labels?: Array<{ name?: string } | string> };
}

function labelNames(issue: CommentPayload['issue']): string[] {
  return (issue.labels ?? []).map((label) => (typeof label === 'string' ? label : (label.name ?? '')));
}

async function handleCreated(payload: CommentPayload, delivery: Delivery, runtime: BotRuntime): Promise<void> {
  const { comment, issue } = payload;
  const scan = scanComment(comment.body);
  if (scan.commands.length === 0 && scan.quoted.length === 0) return;
  const intents = scan.commands.filter((command) => INTENT_KINDS.has(command.kind));
  const onPromotion = Boolean(issue.pull_request) && looksLikePromotion(issue.body);
  const onDriftIssue = labelNames(issue).includes(DRIFT_LABEL);
  // Other bots' slash lines (/assign, /retest) are theirs: no usage replies to bots (their Tollgate
  // commands still run, to be refused by the permission checks). A line like "/tmp is full" on any
  // other thread is not meant for Tollgate either: only a near miss (/aprove) gets a usage reply there.
  const fromBot = comment.user?.type === 'Bot' || Boolean(comment.performed_via_github_app);
  const actions = scan.commands.filter((command) => {
    if (INTENT_KINDS.has(command.kind)) return false;
    if (command.kind === 'invalid') return !fromBot;
    if (command.kind === 'unknown') return !fromBot && (command.suggestion !== undefined || onPromotion || onDriftIssue);
    return true;
  });
  const decide = onPromotion && (intents.length > 0 || scan.quoted.length > 0 || actions.some((command) => command.kind === 'status'));
  // Approvals on an issue or pull request that is not a promotion are not ours to judge.
  if (!decide && actions.length === 0) return;

  if (anySlow(runtime.commands, actions)) await react(delivery, comment.id, 'eyes');
  // A failing promotion refresh must not swallow the comment's other commands (a /rollback among them):
  // they run, and the failure is reported after them.
  let promotion: Awaited<ReturnType<typeof refreshPromotion>> = null;
  let refreshFailure: { error: unknown } | null = null;
  if (decide) {
    try {
      promotion = await refreshPromotion(delivery, issue.number, { hintBody: issue.body });
    } catch (error) {
      if (actions.length === 0) throw error;
      refreshFailure = { error };
      delivery.log.error(`#${issue.number}: recomputing the promotion failed (${error instanceof Error ? error.message : String(error)}); running the comment's commands anyway`);
    }
  }
  const context: CommandContext = {
    delivery,
    comment: {
      id: comment.id,
      url: comment.html_url,
      body: comment.body ?? '',
      commenter: { actor: comment.user ?? { login: 'ghost', type: 'User' }, viaApp: comment.performed_via_github_app ? (comment.performed_via_github_app.slug ?? comment.performed_via_github_app.name ?? 'an app') : null },
    },
    issue: { number: issue.number, isPullRequest: Boolean(issue.pull_request), body: issue.body ?? '', labels: labelNames(issue) },
    promotion,
  };
  const runs = await runCommands(runtime.commands, context, actions);

  // The comment's own intents: refused ones are explained in the status comment.
  const refused = promotion?.state?.refused.some((refusal) => refusal.source === 'comment' && refusal.id === comment.id) ?? false;
  const replies = runs.map((run) => run.result.reply).filter((reply): reply is string => Boolean(reply));
  if (replies.length > 0) {
    const body = `In reply to ${safeLink('this comment', comment.html_url)}:\n\n${replies.join('\n\n')}`;
    await upsertComment(delivery.client, { owner: delivery.owner, repo: delivery.repo, issueNumber: issue.number }, `reply:${comment.id}`, body, { author: delivery.app.login });
  }
  if (promotion?.state || runs.length > 0) {
    const ok = !refused && runs.every((run) => run.result.ok) && (promotion !== null || !decide);
    await react(delivery, comment.id, ok ? 'rocket' : 'confused');
  }
  if (refreshFailure !== null) throw refreshFailure.error;
}

/**
 * The holds and rejections an edit or a deletion takes out of a comment. Whoever edited it
 * (the timeline never says who), they stay in force: only a new `/hold cancel` or
 * `/approve cancel` of their author, or an admin's `/hold cancel`, lifts them. (The status
 * comment's audit record remembers them too; this covers an edit that comes before it.)
 */
function lostRestrictions(payload: CommentPayload): { holds: RememberedIntent[]; rejections: RememberedIntent[] } | undefined {
  const { comment } = payload;
  const before = payload.action === 'edited' ? payload.changes?.body?.from : payload.action === 'deleted' ? comment.body : undefined;
  if (typeof before !== 'string' || !comment.user || !comment.created_at || comment.performed_via_github_app) return undefined;
  const after = payload.action === 'edited' ? scanComment(comment.body).commands : [];
  const holds: RememberedIntent[] = [];
  const rejections: RememberedIntent[] = [];
  for (const command of scanComment(before).commands) {
    if (command.kind !== 'hold' && command.kind !== 'reject') continue;
    if (after.some((kept) => kept.kind === command.kind)) continue;
    const entry: RememberedIntent = { login: comment.user.login, id: comment.id, source: 'comment', url: comment.html_url, at: comment.created_at, reason: ('reason' in command && command.reason) || null };
    (command.kind === 'hold' ? holds : rejections).push(entry);
  }
  return holds.length + rejections.length > 0 ? { holds, rejections } : undefined;
}

export const issueCommentHandler: EventHandler = {
  name: 'issue-comment',
  events: ['issue_comment.created', 'issue_comment.edited', 'issue_comment.deleted'],
  async handle(context, delivery, runtime) {
    const payload = context.payload as unknown as CommentPayload;
    // The bot's own comments (status, replies) carry no commands for it.
    if (payload.comment.user && loginKey(payload.comment.user.login) === loginKey(delivery.app.login)) return;
    if (payload.action === 'created') return handleCreated(payload, delivery, runtime);
    if (payload.issue.pull_request && looksLikePromotion(payload.issue.body)) {
      await refreshPromotion(delivery, payload.issue.number, { hintBody: payload.issue.body, restore: lostRestrictions(payload) });
    }
  },
};
