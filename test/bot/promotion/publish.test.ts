import { describe, expect, it } from 'vitest';
import { checkOutputFor } from '../../../bot/promotion/publish.js';
import type { PromotionState } from '../../../shared/promotion/index.js';

const state = (overrides: Partial<PromotionState>): PromotionState => ({
  state: 'awaiting-approval', policyMet: false, model: 'churn', stage: 'production', version: 'v1.4.0', pullRequest: 7, headSha: 'a'.repeat(40),
  decidedAt: '2024-01-01T00:00:00.000Z', required: 2, approvals: [], refused: [], holds: [], rejections: [], bypasses: [], checks: [], soak: null,
  missing: { approvals: 2, approvers: [], checks: [], soakMs: 0 }, blockers: [], ...overrides,
});

describe('checkOutputFor', () => {
  it('is green only when the policy is met, and names blocker kinds without counts', () => {
    const waiting = checkOutputFor(state({ blockers: [{ code: 'approvals', message: '0 of 2 approvals: 2 more needed' }, { code: 'check', message: 'check x has not run' }] }));
    expect(waiting).toEqual({
      conclusion: 'action_required',
      title: 'Awaiting approval: churn@v1.4.0 → production',
      summary: 'The policy for `production` is not met.\n\nBlocking: approvals missing, required checks.\n\nWho approved, who is still needed and why anything was not counted: see the status comment on the pull request.',
    });
    const oneMore = checkOutputFor(state({ blockers: [{ code: 'approvals', message: '1 of 2 approvals: 1 more needed' }, { code: 'check', message: 'check x has not run' }] }));
    expect(oneMore).toEqual(waiting);
    expect(checkOutputFor(state({ state: 'approved', policyMet: true })).conclusion).toBe('success');
    expect(checkOutputFor(state({ state: 'held' })).conclusion).toBe('action_required');
    expect(checkOutputFor(state({ state: 'rejected' })).conclusion).toBe('failure');
    expect(checkOutputFor(state({ state: 'failed' })).conclusion).toBe('failure');
    expect(checkOutputFor(state({ state: 'superseded' })).conclusion).toBe('cancelled');
  });
});
