/**
 * Holds and rejections the last status comment recorded stay in force when
 * their comment is edited or deleted (the timeline never says by whom); only
 * a new cancel of their author, or an admin's `/hold cancel`, lifts them.
 */
import { describe, expect, it } from 'vitest';
import { computePromotionState, requiredLookups } from '../../shared/promotion/index.js';
import { at, baseInput, comment, PR_URL } from './fixtures.js';

const remembered = (login: string, id: number, minutes: number, reason: string | null = null) => ({ login, id, source: 'comment' as const, url: `${PR_URL}#issuecomment-${id}`, at: at(minutes), reason });

describe('remembered holds and rejections', () => {
  const approvals = [comment('alice', '/approve', 5), comment('bob', '/approve', 6)];

  it('a hold whose comment was deleted still holds, from its author', () => {
    const state = computePromotionState(baseInput({ comments: approvals, previous: { approvals: [], holds: [{ ...remembered('mallory', 9001, 7, 'legal'), from_review: false }] } }));
    expect(state.state).toBe('held');
    expect(state.policyMet).toBe(false);
    expect(state.holds).toEqual([expect.objectContaining({ login: 'mallory', id: 9001, reason: 'legal' })]);
  });

  it('a rejection whose comment was edited into something else still rejects', () => {
    const edited = comment('alice', 'ok', 8, { id: 9002, editedAfter: 30 });
    const state = computePromotionState(baseInput({ comments: [...approvals, edited], previous: { approvals: [], rejections: [remembered('alice', 9002, 8, 'data leak')] } }));
    expect(state.state).toBe('rejected');
    expect(state.rejections).toEqual([expect.objectContaining({ login: 'alice', reason: 'data leak' })]);
  });

  it('is lifted by its author cancelling it, or by an admin, never by someone else', () => {
    const hold = { ...remembered('mallory', 9003, 7), from_review: false };
    const by = (login: string) => computePromotionState(baseInput({ comments: [...approvals, comment(login, '/hold cancel', 20)], previous: { approvals: [], holds: [hold] } }));
    expect(by('bob').state).toBe('held');
    expect(by('mallory').state).toBe('approved');
    expect(by('root').state).toBe('approved');
  });

  it('is not doubled when the comment still carries it', () => {
    const holding = comment('mallory', '/hold legal', 7, { id: 9004 });
    const state = computePromotionState(baseInput({ comments: [...approvals, holding], previous: { approvals: [], holds: [{ ...remembered('mallory', 9004, 7, 'legal'), from_review: false }] } }));
    expect(state.holds).toHaveLength(1);
  });

  it("looks up the permission of a remembered hold's author", () => {
    const lookups = requiredLookups({ ...baseInput({ comments: [] }), previous: { approvals: [], holds: [{ ...remembered('mallory', 9005, 7), from_review: false }] } });
    expect(lookups.logins).toContain('mallory');
  });
});
