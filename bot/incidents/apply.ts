/**
 * Carries out an incident decision through the issues API: create, edit,
 * label, comment, close and reopen. The history is written into the body
 * before any comment, so a failure half-way never repeats a comment on the
 * next delivery (at most one comment per run).
 */
import type { DriftReport } from '../../shared/drift/index.js';
import { statusOf, toGitHubApiError } from '../../shared/github/failure.js';
import type { IncidentAction, IncidentDecision, IncidentKeyParts, IncidentPolicy, IncidentSignal } from '../../shared/incidents/index.js';
import {
  duplicateComment,
  incidentBody,
  incidentTitle,
  recoveryComment,
  reopenComment,
  runComment,
  updateIncidentStatus,
  type IncidentContext,
} from '../../shared/report/incident.js';
import type { Delivery } from '../delivery.js';
import { forgetDriftIssues, type DriftIssue } from './issues.js';

/** What the words of the issue need besides the decision. */
export interface ApplyInput {
  delivery: Delivery;
  decision: IncidentDecision;
  parts: IncidentKeyParts;
  policy: IncidentPolicy;
  /** The issues carrying the key (as listed before the decision). */
  issues: readonly DriftIssue[];
  /** The new run's report (absent when only repairing). */
  context: IncidentContext | null;
  /** Logins to assign a new issue to (the model's owners). */
  assignees: readonly string[];
}

/** One line per action, for logs and check-run summaries: `opened #12`, `commented on #12`. */
export type AppliedAction = string;

const FOLLOWS = /^> Follows #(\d+)(?:, closed ([^.\n]+))?\.$/m;

/** Keeps the "Follows #N" line of an issue opened as a successor when its report is rewritten. */
function followsOf(body: string): { number: number; closedAt: string | null } | null {
  const match = FOLLOWS.exec(body);
  if (!match) return null;
  const closed = match[2] ? Date.parse(match[2].replace(' UTC', 'Z').replace(' ', 'T')) : Number.NaN;
  return { number: Number(match[1]), closedAt: Number.isFinite(closed) ? new Date(closed).toISOString() : null };
}

/** Applies every action of a decision, in order; returns what was done. */
export async function applyDecision(input: ApplyInput): Promise<AppliedAction[]> {
  const { delivery, decision } = input;
  const done: AppliedAction[] = [];
  const bodies = new Map(input.issues.map((issue) => [issue.number, issue.body]));
  try {
    for (const action of decision.actions) {
      const line = await applyAction(input, action, bodies);
      if (line) done.push(line);
    }
  } finally {
    if (done.length > 0) forgetDriftIssues(delivery);
  }
  return done;
}

function requireContext(input: ApplyInput, action: IncidentAction): IncidentContext {
  if (!input.context) throw new Error(`${action.kind} needs the run's report`);
  return input.context;
}

async function applyAction(input: ApplyInput, action: IncidentAction, bodies: Map<number, string>): Promise<AppliedAction | null> {
  const { delivery, decision, policy } = input;
  const { client, owner, repo } = delivery;
  const where = (number: number) => `${owner}/${repo}#${number}`;
  const now = delivery.now();
  try {
    switch (action.kind) {
      case 'none':
        delivery.log.debug(`drift incident ${decision.key}: ${action.reason}`);
        return null;
      case 'open': {
        const context = requireContext(input, action);
        const previous = action.supersedes === null ? null : input.issues.find((issue) => issue.number === action.supersedes);
        const body = incidentBody({ context, state: decision.state, policy, now, supersedes: previous ? { number: previous.number, closedAt: previous.closedAt } : null });
        const request = { owner, repo, title: incidentTitle(input.parts), body, labels: action.labels };
        let created;
        try {
          created = await client.rest.issues.create({ ...request, ...(input.assignees.length > 0 ? { assignees: [...input.assignees] } : {}) });
        } catch (error) {
          // An owner who cannot be assigned (no access, a typo) must not keep the issue from opening.
          if (statusOf(error) !== 422 || input.assignees.length === 0) throw error;
          delivery.log.warn(`could not assign ${input.assignees.join(', ')} (${(error as Error).message}); opening the issue unassigned`);
          created = await client.rest.issues.create(request);
        }
        return `opened #${created.data.number}`;
      }
      case 'update-body': {
        const current = bodies.get(action.issue) ?? '';
        const previousFollows = followsOf(current);
        const body =
          action.part === 'report'
            ? incidentBody({ context: requireContext(input, action), state: decision.state, policy, now, supersedes: previousFollows })
            : updateIncidentStatus(current, { state: decision.state, policy, now, repositoryUrl: input.context?.repositoryUrl ?? null });
        if (body === current) return null;
        await client.rest.issues.update({ owner, repo, issue_number: action.issue, body });
        bodies.set(action.issue, body);
        return `updated #${action.issue}`;
      }
      case 'label': {
        if (action.add.length > 0) await client.rest.issues.addLabels({ owner, repo, issue_number: action.issue, labels: action.add });
        for (const name of action.remove) {
          try {
            await client.rest.issues.removeLabel({ owner, repo, issue_number: action.issue, name });
          } catch (error) {
            if (statusOf(error) !== 404) throw error;
          }
        }
        return `labelled #${action.issue} ${[...action.add.map((label) => `+${label}`), ...action.remove.map((label) => `-${label}`)].join(' ')}`;
      }
      case 'comment': {
        const body = runComment(requireContext(input, action), action.previous);
        await client.rest.issues.createComment({ owner, repo, issue_number: action.issue, body });
        return `commented on #${action.issue}`;
      }
      case 'reopen': {
        await client.rest.issues.update({ owner, repo, issue_number: action.issue, state: 'open', state_reason: 'reopened' });
        if (action.comment) await client.rest.issues.createComment({ owner, repo, issue_number: action.issue, body: reopenComment(requireContext(input, action), decision.state, policy) });
        return `reopened #${action.issue}`;
      }
      case 'close': {
        if (action.comment) await client.rest.issues.createComment({ owner, repo, issue_number: action.issue, body: recoveryComment(decision.state, policy, input.context?.repositoryUrl ?? null) });
        await client.rest.issues.update({ owner, repo, issue_number: action.issue, state: 'closed', state_reason: 'completed' });
        return `closed #${action.issue} (recovered)`;
      }
      case 'close-duplicate': {
        await client.rest.issues.createComment({ owner, repo, issue_number: action.issue, body: duplicateComment(action.duplicateOf, input.parts) });
        // `not_planned`: a duplicate is never reopened by a later alert.
        await client.rest.issues.update({ owner, repo, issue_number: action.issue, state: 'closed', state_reason: 'not_planned' });
        return `closed #${action.issue} as a duplicate of #${action.duplicateOf}`;
      }
    }
  } catch (error) {
    toGitHubApiError(error, `${action.kind} on ${'issue' in action ? where(action.issue) : `${owner}/${repo}`}`, 'issues: write');
  }
}

/** The context of a run's report for the issue's words. */
export function contextOf(input: {
  report: DriftReport;
  /** A monitor report's signals (null for a drift report). */
  signals?: readonly IncidentSignal[] | null;
  parts: IncidentKeyParts;
  version: string | null;
  run: { id: number; completedAt: string; url: string | null; repositoryUrl: string | null };
  trainingWorkflow: string | null;
}): IncidentContext {
  return {
    report: input.report,
    signals: input.signals ?? null,
    parts: input.parts,
    version: input.version,
    run: { id: input.run.id, at: input.run.completedAt, url: input.run.url },
    repositoryUrl: input.run.repositoryUrl,
    trainingWorkflow: input.trainingWorkflow,
  };
}
