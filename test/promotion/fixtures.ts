/**
 * A promotion pull request and its people, for state tests. Times are
 * minutes after T0; every helper returns REST-shaped data as the handler
 * would pass it.
 */
import { stagePolicySchema, type StagePolicyInput } from '../../shared/config/promotion.js';
import type { PromotionInput, TimelineComment, TimelineReview } from '../../shared/promotion/index.js';

export const T0 = Date.parse('2026-03-02T09:00:00Z');
export const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

export const HEAD = 'a'.repeat(40);
export const OLD_HEAD = 'b'.repeat(40);
export const CANDIDATE_COMMIT = 'c'.repeat(40);
export const APP = 'tollgate[bot]';
export const PR_URL = 'https://github.com/acme/churn/pull/42';

/** Who is who: permissions as the collaborator-permission API reports them. */
export const PERMISSIONS: Record<string, string> = {
  alice: 'write',
  bob: 'maintain',
  carol: 'write', // approver through acme/ml-leads
  frank: 'write', // approver through acme/ml-leads
  dave: 'read', // listed approver, read-only
  tina: 'triage', // listed approver, triage
  erin: 'none', // listed approver, not a collaborator
  root: 'admin', // admin, not an approver
  trainer: 'write', // listed approver who trained the candidate
  registrar: 'write', // listed approver who registered it
  mallory: 'write', // write access, not an approver
  sam: 'custom-reviewer', // a custom repository role
};

export const POLICY: StagePolicyInput = {
  approvers: ['alice', '@bob', 'dave', 'tina', 'erin', 'trainer', 'registrar', 'acme/ml-leads', 'ghost-user', 'sam'],
  required: 2,
  require_checks: ['tollgate/evaluation'],
};

export function policy(overrides: Partial<StagePolicyInput> = {}) {
  return stagePolicySchema.parse({ ...POLICY, ...overrides });
}

let nextId = 1000;

export function comment(login: string, body: string, minutes: number, options: Partial<TimelineComment> & { editedAfter?: number; type?: string } = {}): TimelineComment {
  const { editedAfter, type, ...rest } = options;
  const id = rest.id ?? (nextId += 1);
  return {
    id,
    user: { login, type: type ?? 'User' },
    body,
    created_at: at(minutes),
    updated_at: at(minutes + (editedAfter ?? 0)),
    html_url: `${PR_URL}#issuecomment-${id}`,
    performed_via_github_app: null,
    ...rest,
  };
}

export function review(login: string, state: string, minutes: number, options: Partial<TimelineReview> = {}): TimelineReview {
  const id = options.id ?? (nextId += 1);
  return {
    id,
    user: { login, type: 'User' },
    state,
    commit_id: HEAD,
    submitted_at: at(minutes),
    body: '',
    html_url: `${PR_URL}#pullrequestreview-${id}`,
    ...options,
  };
}

/** An open, genuine promotion PR of churn@v1.4.0 to production, pushed at minute 0. */
export function baseInput(overrides: Partial<PromotionInput> = {}): PromotionInput {
  return {
    appLogin: APP,
    pullRequest: {
      number: 42,
      htmlUrl: PR_URL,
      author: { login: APP, type: 'Bot' },
      headSha: HEAD,
      headRepo: 'acme/churn',
      baseRepo: 'acme/churn',
      state: 'open',
      merged: false,
      mergedAt: null,
      createdAt: at(0),
      marker: { model: 'churn', stage: 'production', version: 'v1.4.0', commit: CANDIDATE_COMMIT, holder: 'v1.3.0', requestedBy: null },
    },
    candidate: {
      model: 'churn',
      version: 'v1.4.0',
      commit: CANDIDATE_COMMIT,
      artifactDigest: `sha256:${'d'.repeat(64)}`,
      trainingRun: 'https://github.com/acme/churn/actions/runs/7',
      trainedBy: 'trainer',
      registeredBy: 'registrar',
      registeredAt: at(-3 * 24 * 60),
    },
    currentHolder: 'v1.3.0',
    policy: policy(),
    comments: [],
    reviews: [],
    pushes: [{ sha: HEAD, pushedAt: at(0) }],
    permissions: PERMISSIONS,
    teams: { 'acme/ml-leads': ['carol', 'frank'] },
    checks: { 'tollgate/evaluation': 'success' },
    previousStage: { name: 'staging', since: at(-2 * 24 * 60) },
    now: at(24 * 60),
    ...overrides,
  };
}
