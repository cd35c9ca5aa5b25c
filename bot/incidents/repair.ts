/**
 * Re-derives an open drift issue from what GitHub holds and fixes what a
 * lost delivery (or a hand edit) left behind: duplicate issues, missing or
 * wrong labels, a body without its key marker, status section or readable
 * history, and drift runs of its workflow that were never processed.
 */
import { statusOf, toGitHubApiError } from '../../shared/github/failure.js';
import {
  DRIFT_LABEL,
  SEVERITY_LABELS,
  emptyState,
  mergeRuns,
  modelLabel,
  parseIncidentKey,
  readIncidentState,
  incidentMarker,
  type IncidentPolicy,
  type IncidentState,
} from '../../shared/incidents/index.js';
import { duplicateComment, updateIncidentStatus } from '../../shared/report/incident.js';
import type { Delivery } from '../delivery.js';
import { forgetDriftIssues, type DriftIssue } from './issues.js';
import { driftRunOf, type DriftRun } from './runs.js';
import { untrustedRunReason } from './trusted-run.js';

function byAge(a: DriftIssue, b: DriftIssue): number {
  return Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.number - b.number;
}

/** The state an issue should carry: its own block, merged with its duplicates'. */
function mergedState(key: string, issues: readonly DriftIssue[]): IncidentState {
  const states = issues.map((issue) => readIncidentState(issue.body)).flatMap((read) => (read.found && read.state.key === key ? [read.state] : []));
  const [first, ...rest] = states;
  if (!first) return emptyState(key);
  return { ...first, runs: mergeRuns(first.runs, ...rest.map((state) => state.runs)), workflow: first.workflow ?? rest.find((state) => state.workflow)?.workflow ?? null };
}

/** The severity label an issue should carry: that of its newest failing run. */
function wantedSeverity(state: IncidentState): 'warn' | 'alert' | null {
  const failing = [...state.runs].reverse().find((run) => run.level === 'alert' || run.level === 'warn');
  return failing ? (failing.level as 'warn' | 'alert') : null;
}

/**
 * Repairs the open issues of one key: the oldest is kept (with every
 * duplicate's history merged in), the others closed; labels, marker, status
 * and history are made whole. Returns what was repaired, in words.
 */
export async function repairIncident(delivery: Delivery, key: string, open: readonly DriftIssue[], policy: IncidentPolicy, repositoryUrl: string | null): Promise<{ issue: DriftIssue | null; state: IncidentState; repairs: string[] }> {
  const parts = parseIncidentKey(key)!;
  const { client, owner, repo } = delivery;
  const repairs: string[] = [];
  const sorted = [...open].sort(byAge);
  const canonical = sorted[0];
  const state = mergedState(key, sorted);
  if (!canonical) return { issue: null, state, repairs };
  try {
    for (const duplicate of sorted.slice(1)) {
      await client.rest.issues.createComment({ owner, repo, issue_number: duplicate.number, body: duplicateComment(canonical.number, parts) });
      await client.rest.issues.update({ owner, repo, issue_number: duplicate.number, state: 'closed', state_reason: 'not_planned' });
      repairs.push(`closed #${duplicate.number} as a duplicate of #${canonical.number}`);
    }
    const has = new Set(canonical.labels.map((label) => label.toLowerCase()));
    const severity = wantedSeverity(state);
    const add = [DRIFT_LABEL, modelLabel(parts.model), ...(severity ? [SEVERITY_LABELS[severity]] : [])].filter((label) => !has.has(label.toLowerCase()));
    const remove = severity ? [SEVERITY_LABELS[severity === 'alert' ? 'warn' : 'alert']].filter((label) => has.has(label)) : [];
    if (add.length > 0) {
      await client.rest.issues.addLabels({ owner, repo, issue_number: canonical.number, labels: add });
      repairs.push(`labelled #${canonical.number} ${add.join(', ')}`);
    }
    for (const name of remove) {
      await client.rest.issues.removeLabel({ owner, repo, issue_number: canonical.number, name });
      repairs.push(`removed ${name} from #${canonical.number}`);
    }
    const body = updateIncidentStatus(canonical.body, { state, policy, now: delivery.now(), repositoryUrl });
    const marked = canonical.body.includes(incidentMarker(key));
    const current = readIncidentState(canonical.body);
    const sameState = current.found && JSON.stringify(current.state) === JSON.stringify(state);
    if (!marked || !sameState || !canonical.body.includes('<!-- tollgate:drift-status-start -->')) {
      await client.rest.issues.update({ owner, repo, issue_number: canonical.number, body });
      repairs.push(`rewrote the status and history of #${canonical.number}${current.found ? '' : ` (${current.problem ?? 'none was there'})`}`);
    }
  } catch (error) {
    toGitHubApiError(error, `repairing drift issue #${canonical.number} of ${owner}/${repo}`, 'issues: write');
  } finally {
    if (repairs.length > 0) forgetDriftIssues(delivery);
  }
  return { issue: canonical, state, repairs };
}

/**
 * Completed runs of the incident's workflow that its history lacks and that
 * finished after its newest recorded run, oldest first (at most `limit`).
 */
export async function missedRuns(delivery: Delivery, state: IncidentState, limit: number): Promise<DriftRun[]> {
  if (!state.workflow || limit <= 0) return [];
  const { client, owner, repo } = delivery;
  const recorded = new Set(state.runs.map((run) => run.run));
  const newest = state.runs.at(-1);
  let listed: Array<Parameters<typeof driftRunOf>[0]>;
  try {
    const { data } = await client.rest.actions.listWorkflowRuns({ owner, repo, workflow_id: state.workflow.id, status: 'completed', per_page: Math.min(100, limit + recorded.size) });
    listed = data.workflow_runs;
  } catch (error) {
    if (statusOf(error) === 404) return [];
    toGitHubApiError(error, `listing the runs of ${state.workflow.path}`, 'actions: read');
  }
  return listed
    .map((run) => driftRunOf(run))
    .filter((run) => !recorded.has(run.id) && (!newest || Date.parse(run.completedAt) > Date.parse(newest.at)))
    .filter((run) => untrustedRunReason(run, owner, repo) === null)
    .sort((a, b) => Date.parse(a.completedAt) - Date.parse(b.completedAt) || a.id - b.id)
    .slice(0, limit);
}
