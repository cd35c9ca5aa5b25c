/**
 * Shows a decision: the status comment (edited in place) and the
 * `tollgate/promotion` check run. The check's text only names the kinds of
 * blockers, so an approval that changes nothing but a count does not rewrite
 * it (one request saved per such event); the status comment has the details.
 */
import type { AuditRecord, BlockerCode, PromotionState, PromotionStateName } from '../../shared/promotion/index.js';
import { promotionStatusComment } from '../../shared/report/index.js';
import type { CheckConclusion } from '../../shared/github/check-run.js';
import type { Delivery } from '../delivery.js';
import { writePromotionCheck, type PromotionCheckOutput } from '../github/promotion-check.js';
import { writeOwnComment, type CommentWrite } from '../github/status-comment.js';
import type { PromotionDecision } from './decide.js';
import { evidenceSection } from './live-evidence.js';

const CONCLUSION: Readonly<Record<PromotionStateName, CheckConclusion>> = {
  'awaiting-approval': 'action_required',
  held: 'action_required',
  stale: 'action_required',
  approved: 'success',
  promoting: 'success',
  promoted: 'success',
  rejected: 'failure',
  failed: 'failure',
  superseded: 'cancelled',
};

const TITLE: Readonly<Record<PromotionStateName, string>> = {
  'awaiting-approval': 'Awaiting approval',
  held: 'On hold',
  stale: 'Approvals must be renewed',
  approved: 'Approved',
  promoting: 'Promoting',
  promoted: 'Promoted',
  rejected: 'Rejected',
  failed: 'Failed',
  superseded: 'Superseded',
};

const BLOCKER_WORDS: Readonly<Record<BlockerCode, string>> = {
  'not-a-promotion': 'not opened by Tollgate',
  'fork-pull-request': 'comes from a fork',
  'no-policy': 'no policy for the stage',
  'candidate-changed': 'the candidate cannot be verified',
  'holder-changed': 'the stage has a new holder',
  'push-unknown': 'the latest push is not recorded yet',
  rejected: 'rejected',
  held: 'on hold',
  approvals: 'approvals missing',
  check: 'required checks',
  soak: 'soak time',
  evidence: 'live evidence',
  closed: 'closed',
  'merged-unmet': 'merged without the policy met',
  failed: 'the promotion failed',
};

/** The check run's conclusion and text for a state. */
export function checkOutputFor(state: PromotionState): PromotionCheckOutput {
  const kinds = [...new Set(state.blockers.map((blocker) => BLOCKER_WORDS[blocker.code]))];
  const subject = `${state.model}@${state.version} → ${state.stage || '?'}`;
  const lines = [state.policyMet ? `The policy for \`${state.stage}\` is met.` : `The policy for \`${state.stage}\` is not met.`];
  if (kinds.length > 0) lines.push(`Blocking: ${kinds.join(', ')}.`);
  lines.push('Who approved, who is still needed and why anything was not counted: see the status comment on the pull request.');
  return { conclusion: CONCLUSION[state.state], title: `${TITLE[state.state]}: ${subject}`, summary: lines.join('\n\n') };
}

/** Writes the status comment and the check run of a decision. */
export async function publishDecision(delivery: Delivery, decision: PromotionDecision, audit?: AuditRecord): Promise<CommentWrite | null> {
  const { state } = decision;
  if (!state) return null;
  const evidence = decision.evidence ? evidenceSection(decision.evidence) : '';
  const body = promotionStatusComment(state, audit);
  const comment = await writeOwnComment(delivery, decision.number, decision.statusComment, evidence ? `${body.trimEnd()}\n\n${evidence}` : body);
  const pull = decision.facts.pullRequest;
  // A closed pull request's check no longer gates anything; leave it as it was.
  if (pull.state === 'open' || pull.merged) await writePromotionCheck(delivery, pull.headSha, decision.facts.checkRuns, checkOutputFor(state), comment.url || pull.url);
  return comment;
}
