/**
 * Drift issues as GitHub holds them: found with the issues list API by label
 * (`tollgate:drift`, `model:<name>`) and told apart by their hidden key
 * marker, never with the search API (which lags, so a race opens two).
 */
import { toGitHubApiError } from '../../shared/github/failure.js';
import { DRIFT_LABEL, incidentKeyOf, modelLabel, readIncidentState, type IncidentIssue } from '../../shared/incidents/index.js';
import type { Delivery } from '../delivery.js';

/** Most issues read per listing (newest first): one model's incidents over years fit easily. */
const MAX_LISTED = 500;

/** An issue as listed, with what the incident logic reads from it. */
export interface DriftIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason: string | null;
  createdAt: string;
  closedAt: string | null;
  labels: string[];
  assignees: string[];
  url: string;
  /** The key its marker carries, if any. */
  key: string | undefined;
  /** Why its state block was ignored (edited into something invalid), or null. */
  stateProblem: string | null;
}

interface ListedIssue {
  number: number;
  title: string;
  body?: string | null;
  state: string;
  state_reason?: string | null;
  created_at: string;
  closed_at: string | null;
  labels: Array<string | { name?: string }>;
  assignees?: Array<{ login: string }> | null;
  html_url: string;
  pull_request?: unknown;
}

/** The listing's shape -> a drift issue. */
export function toDriftIssue(issue: ListedIssue): DriftIssue {
  const body = issue.body ?? '';
  const read = readIncidentState(body);
  return {
    number: issue.number,
    title: issue.title,
    body,
    state: issue.state === 'closed' ? 'closed' : 'open',
    stateReason: issue.state_reason ?? null,
    createdAt: issue.created_at,
    closedAt: issue.closed_at,
    labels: issue.labels.map((label) => (typeof label === 'string' ? label : (label.name ?? ''))).filter(Boolean),
    assignees: (issue.assignees ?? []).map((user) => user.login),
    url: issue.html_url,
    key: incidentKeyOf(body),
    stateProblem: read.found ? null : read.problem,
  };
}

/**
 * Drift issues of a model (or of every model), newest first, pull requests
 * left out. Read once per delivery; a write by the bot forgets the listing.
 */
export function listDriftIssues(delivery: Delivery, options: { model?: string; state: 'open' | 'all' }): Promise<DriftIssue[]> {
  const labels = options.model ? `${DRIFT_LABEL},${modelLabel(options.model)}` : DRIFT_LABEL;
  return delivery.memo(`drift-issues:${options.state}:${labels}`, async () => {
    const { client, owner, repo } = delivery;
    const found: DriftIssue[] = [];
    try {
      const pages = client.paginate.iterator(client.rest.issues.listForRepo, { owner, repo, labels, state: options.state, sort: 'created', direction: 'desc', per_page: 100 });
      for await (const page of pages) {
        for (const issue of page.data as ListedIssue[]) if (!issue.pull_request) found.push(toDriftIssue(issue));
        if (found.length >= MAX_LISTED) break;
      }
    } catch (error) {
      toGitHubApiError(error, `listing the drift issues of ${owner}/${repo}`, 'issues: read');
    }
    return found;
  });
}

/** The issue as the decision reads it (its state block only when it belongs to `key`). */
export function asIncidentIssue(issue: DriftIssue, key: string): IncidentIssue {
  const read = readIncidentState(issue.body);
  return {
    number: issue.number,
    state: issue.state,
    stateReason: issue.stateReason,
    createdAt: issue.createdAt,
    closedAt: issue.closedAt,
    labels: issue.labels,
    incident: read.found && read.state.key === key ? read.state : null,
  };
}

/** Forgets the listings after the bot changed issues. */
export function forgetDriftIssues(delivery: Delivery): void {
  delivery.forget('drift-issues:');
}
