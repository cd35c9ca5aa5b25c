import { describe, expect, it } from 'vitest';
import { computePromotionState, requiredLookups, sha256Hex, type PromotionInput, type PromotionState } from '../../shared/promotion/index.js';
import { InputError } from '../../shared/errors/index.js';
import { APP, at, baseInput, comment, HEAD, OLD_HEAD, policy, review } from './fixtures.js';

function decide(overrides: Partial<PromotionInput>): PromotionState {
  return computePromotionState(baseInput(overrides));
}

const counted = (state: PromotionState) => state.approvals.map((approval) => approval.login);
const refusedAs = (state: PromotionState) => state.refused.map((refusal) => [refusal.login, refusal.reason]);

describe('a promotion that meets its policy', () => {
  it('counts two approvals from eligible people and is approved', () => {
    const approve = comment('alice', 'Numbers hold up.\n/approve', 10);
    const state = decide({ comments: [approve], reviews: [review('bob', 'APPROVED', 20)] });
    expect(state.state).toBe('approved');
    expect(state.policyMet).toBe(true);
    expect(state.blockers).toEqual([]);
    expect(state.approvals).toEqual([
      { login: 'alice', id: approve.id, source: 'comment', url: approve.html_url, at: at(10), bodySha256: sha256Hex('Numbers hold up.\n/approve'), team: null, commitId: null, reason: null },
      expect.objectContaining({ login: 'bob', source: 'review', commitId: HEAD, at: at(20), bodySha256: sha256Hex('') }),
    ]);
    expect(state.missing).toEqual({ approvals: 0, approvers: [], checks: [], soakMs: 0 });
    expect(state.decidedAt).toBe(at(24 * 60));
  });

  it('counts a team member through the team, and says which team', () => {
    const state = decide({ comments: [comment('carol', '/approve', 10), comment('alice', '/approve', 11)] });
    expect(state.state).toBe('approved');
    expect(state.approvals.find((approval) => approval.login === 'carol')?.team).toBe('acme/ml-leads');
  });

  it('treats logins case-insensitively', () => {
    const state = decide({ comments: [comment('ALICE', '/approve', 10), comment('Bob', '/approve', 11)], permissions: { Alice: 'write', BOB: 'admin' } });
    expect(counted(state)).toEqual(['ALICE', 'Bob']);
    expect(state.policyMet).toBe(true);
  });

  it('counts one person once, however many times they approve', () => {
    const state = decide({ comments: [comment('alice', '/approve', 10), comment('alice', '/approve again', 12)], reviews: [review('alice', 'APPROVED', 11)] });
    expect(counted(state)).toEqual(['alice']);
    expect(state.approvals[0].reason).toBe('again');
    expect(state.state).toBe('awaiting-approval');
    expect(state.missing.approvals).toBe(1);
  });

  it('lists who is still needed, leaving out those who approved or are known to be unable to', () => {
    const state = decide({ comments: [comment('alice', '/approve', 10)] });
    // dave, tina, erin and sam lack write access; trainer and registrar made the candidate; ghost-user was not looked up.
    expect(state.missing.approvers).toEqual(['bob', 'acme/ml-leads', 'ghost-user']);
    expect(state.blockers).toEqual([{ code: 'approvals', message: '1 of 2 approvals: 1 more needed' }]);
  });
});

describe('security matrix (issue 7): each refused with one clear reason', () => {
  it('refuses a non-collaborator and someone whose permission is unknown', () => {
    const state = decide({ comments: [comment('erin', '/approve', 10), comment('ghost-user', '/approve', 11)] });
    expect(counted(state)).toEqual([]);
    expect(refusedAs(state)).toEqual([
      ['erin', 'not-collaborator'],
      ['ghost-user', 'permission-unknown'],
    ]);
    expect(state.refused[0].message).toBe('not a collaborator of this repository');
  });

  it('refuses read-only and triage collaborators, and custom roles', () => {
    const state = decide({ comments: [comment('dave', '/approve', 10), comment('tina', '/approve', 11), comment('sam', '/approve', 12)] });
    expect(counted(state)).toEqual([]);
    expect(refusedAs(state)).toEqual([
      ['dave', 'read-only'],
      ['tina', 'read-only'],
      ['sam', 'unknown-role'],
    ]);
    expect(state.refused[1].message).toBe('has triage access; write, maintain or admin is needed');
  });

  it('refuses bot accounts, by type or by name, whatever their permission', () => {
    const state = decide({
      comments: [comment('renovate', '/approve', 10, { type: 'Bot' }), comment('helper[bot]', '/approve', 11)],
      permissions: { renovate: 'admin', 'helper[bot]': 'admin' },
    });
    expect(refusedAs(state)).toEqual([
      ['renovate', 'bot'],
      ['helper[bot]', 'bot'],
    ]);
  });

  it('refuses a comment made through an app on someone\'s behalf', () => {
    const state = decide({ comments: [comment('alice', '/approve', 10, { performed_via_github_app: { slug: 'some-integration' } })] });
    expect(refusedAs(state)).toEqual([['alice', 'via-app']]);
    expect(state.refused[0].message).toContain('some-integration');
  });

  it('skips the App\'s own comments entirely (its help text and status)', () => {
    const state = decide({ comments: [comment(APP, '/approve', 10, { type: 'Bot' })] });
    expect(state.refused).toEqual([]);
    expect(state.approvals).toEqual([]);
  });

  it('refuses the person who requested the promotion (the PR\'s author in substance)', () => {
    const input = baseInput({ comments: [comment('alice', '/approve', 10), comment('bob', '/approve', 11)] });
    input.pullRequest.marker = { ...input.pullRequest.marker!, requestedBy: 'alice' };
    const state = computePromotionState(input);
    expect(refusedAs(state)).toEqual([['alice', 'requested-promotion']]);
    expect(state.policyMet).toBe(false);
  });

  it('refuses everything on a pull request a person opened with a copied marker', () => {
    const input = baseInput({ comments: [comment('alice', '/approve', 10), comment('bob', '/approve', 11)] });
    input.pullRequest.author = { login: 'alice', type: 'User' };
    const state = computePromotionState(input);
    expect(state.state).toBe('failed');
    expect(refusedAs(state)).toEqual([
      ['alice', 'not-a-promotion'],
      ['bob', 'not-a-promotion'],
    ]);
    expect(state.blockers.map((blocker) => blocker.code)).toContain('not-a-promotion');
  });

  it('refuses whoever trained or registered the candidate', () => {
    const state = decide({ comments: [comment('trainer', '/approve', 10), comment('registrar', '/approve', 11)] });
    expect(refusedAs(state)).toEqual([
      ['trainer', 'trained-candidate'],
      ['registrar', 'registered-candidate'],
    ]);
  });

  it('makes an approval before the latest push stale, and counts the one made after it', () => {
    const pushes = [
      { sha: OLD_HEAD, pushedAt: at(0) },
      { sha: HEAD, pushedAt: at(30) },
    ];
    const stale = decide({ pushes, comments: [comment('alice', '/approve', 10), comment('bob', '/approve', 20)] });
    expect(stale.state).toBe('stale');
    expect(refusedAs(stale)).toEqual([
      ['alice', 'stale-push'],
      ['bob', 'stale-push'],
    ]);
    expect(stale.refused[0].message).toBe('made before the latest push; approve again');

    const renewed = decide({ pushes, comments: [comment('alice', '/approve', 10), comment('bob', '/approve', 20), comment('alice', '/approve', 40), comment('bob', '/approve', 41)] });
    expect(renewed.state).toBe('approved');
    expect(renewed.refused).toEqual([]);
  });

  it('treats an approval in the same second as the push as stale', () => {
    const state = decide({ pushes: [{ sha: HEAD, pushedAt: at(10) }], comments: [comment('alice', '/approve', 10)] });
    expect(refusedAs(state)).toEqual([['alice', 'stale-push']]);
  });

  it('binds a review approval to its commit', () => {
    const state = decide({ reviews: [review('alice', 'APPROVED', 10, { commit_id: OLD_HEAD }), review('bob', 'APPROVED', 11)] });
    expect(counted(state)).toEqual(['bob']);
    expect(refusedAs(state)).toEqual([['alice', 'stale-commit']]);
    expect(state.refused[0].message).toBe('reviewed bbbbbbb, but the head is now aaaaaaa; review again');
  });

  it('drops an edited approval', () => {
    const state = decide({ comments: [comment('alice', '/approve', 10, { editedAfter: 5 }), comment('bob', '/approve', 11)] });
    expect(refusedAs(state)).toEqual([['alice', 'edited']]);
    expect(state.state).toBe('awaiting-approval');
  });

  it('judges a comment delivered twice by its latest copy (an edit seen late still drops it)', () => {
    const original = comment('alice', '/approve', 10, { id: 77 });
    const reread = { ...original, body: '/approve\nedited to add: after all', updated_at: at(15) };
    for (const comments of [[original, reread], [reread, original]]) {
      const state = decide({ comments });
      expect(state.approvals).toEqual([]);
      expect(refusedAs(state)).toEqual([['alice', 'edited']]);
    }
  });

  it('does not call a comment edited when its times differ by less than a second', () => {
    const unedited = comment('alice', '/approve', 10);
    unedited.updated_at = new Date(Date.parse(unedited.created_at) + 800).toISOString();
    expect(counted(decide({ comments: [unedited] }))).toEqual(['alice']);
  });

  it('refuses a command that is only quoted', () => {
    const state = decide({ comments: [comment('mallory', '> /approve\n\nI disagree with this', 10), comment('alice', '> /approve\nme too', 11)] });
    expect(state.approvals).toEqual([]);
    expect(refusedAs(state)).toEqual([
      ['mallory', 'quoted'],
      ['alice', 'quoted'],
    ]);
  });

  it('refuses approvals on a pull request from a fork', () => {
    const input = baseInput({ comments: [comment('alice', '/approve', 10), comment('bob', '/approve', 11)] });
    input.pullRequest.headRepo = 'mallory/churn';
    const state = computePromotionState(input);
    expect(state.state).toBe('failed');
    expect(state.policyMet).toBe(false);
    expect(refusedAs(state)).toEqual([
      ['alice', 'fork-pull-request'],
      ['bob', 'fork-pull-request'],
    ]);
    expect(state.blockers[0].code).toBe('fork-pull-request');
  });

  it('refuses a team member removed after approving, saying so', () => {
    const comments = [comment('carol', '/approve', 10), comment('alice', '/approve', 11)];
    const before = decide({ comments });
    expect(before.approvals.map((approval) => [approval.login, approval.team])).toEqual([
      ['carol', 'acme/ml-leads'],
      ['alice', null],
    ]);
    const after = decide({ comments, teams: { 'acme/ml-leads': ['frank'] }, previous: { approvals: before.approvals } });
    expect(after.policyMet).toBe(false);
    expect(refusedAs(after)).toEqual([['carol', 'team-membership-gone']]);
    expect(after.refused[0].message).toBe('no longer a member of acme/ml-leads');
    // Without the earlier record the reason is the plain one.
    expect(refusedAs(decide({ comments, teams: { 'acme/ml-leads': ['frank'] } }))).toEqual([['carol', 'not-approver']]);
  });

  it('says when a team was not looked up rather than guessing', () => {
    const state = decide({ comments: [comment('carol', '/approve', 10)], teams: {} });
    expect(refusedAs(state)).toEqual([['carol', 'membership-unknown']]);
  });

  it('refuses someone with write access who is not an approver', () => {
    const state = decide({ comments: [comment('mallory', '/approve', 10)] });
    expect(refusedAs(state)).toEqual([['mallory', 'not-approver']]);
    expect(state.refused[0].message).toBe('not an approver for production');
  });

  it('keeps one refusal per person and reason, the latest', () => {
    const spam = Array.from({ length: 20 }, (_, index) => comment('erin', '/approve', 10 + index));
    const state = decide({ comments: spam });
    expect(state.refused).toHaveLength(1);
    expect(state.refused[0].id).toBe(spam[19].id);
  });
});

describe('latest intent wins', () => {
  it('withdraws an approval with /approve cancel, and counts a later approval again', () => {
    const cancelled = decide({ comments: [comment('alice', '/approve', 10), comment('alice', '/approve cancel', 11), comment('bob', '/approve', 12)] });
    expect(counted(cancelled)).toEqual(['bob']);
    const renewed = decide({ comments: [comment('alice', '/approve', 10), comment('alice', '/approve cancel', 11), comment('alice', '/approve', 13), comment('bob', '/approve', 12)] });
    expect(counted(renewed)).toEqual(['bob', 'alice']);
  });

  it('orders two commands of one comment by line', () => {
    expect(counted(decide({ comments: [comment('alice', '/approve\n/approve cancel', 10)] }))).toEqual([]);
    expect(counted(decide({ comments: [comment('alice', '/approve cancel\n/approve', 10)] }))).toEqual(['alice']);
  });

  it('orders comments posted in the same second by id', () => {
    const state = decide({ comments: [comment('alice', '/approve cancel', 10, { id: 9 }), comment('alice', '/approve', 10, { id: 8 })] });
    expect(counted(state)).toEqual([]);
  });

  it('honours a withdrawal even from an edited comment (it can only restrict)', () => {
    const state = decide({ comments: [comment('alice', '/approve', 10), comment('alice', '/approve cancel', 11, { editedAfter: 3 })] });
    expect(counted(state)).toEqual([]);
  });

  it('ignores everything after the merge', () => {
    const input = baseInput({ comments: [comment('alice', '/approve', 10), comment('bob', '/approve', 11), comment('bob', '/approve cancel', 60), comment('root', '/hold', 61)] });
    input.pullRequest = { ...input.pullRequest, state: 'closed', merged: true, mergedAt: at(30), closedAt: at(30) };
    const state = computePromotionState(input);
    expect(state.state).toBe('promoting');
    expect(counted(state)).toEqual(['alice', 'bob']);
    expect(state.decidedAt).toBe(at(30));
  });
});

describe('holds and rejections', () => {
  it('holds on /hold from anyone with write access, until they cancel it', () => {
    const approvals = [comment('alice', '/approve', 10), comment('bob', '/approve', 11)];
    const held = decide({ comments: [...approvals, comment('mallory', '/hold legal review', 12)] });
    expect(held.state).toBe('held');
    expect(held.policyMet).toBe(false);
    expect(held.holds).toEqual([expect.objectContaining({ login: 'mallory', reason: 'legal review', fromReview: false })]);
    expect(held.blockers).toEqual([{ code: 'held', message: 'held by mallory: legal review' }]);
    const released = decide({ comments: [...approvals, comment('mallory', '/hold', 12), comment('mallory', '/hold cancel', 13)] });
    expect(released.state).toBe('approved');
  });

  it('does not let someone else release a hold, except an admin', () => {
    const base = [comment('alice', '/approve', 10), comment('bob', '/approve', 11), comment('mallory', '/hold', 12)];
    expect(decide({ comments: [...base, comment('alice', '/hold cancel', 13)] }).state).toBe('held');
    expect(decide({ comments: [...base, comment('root', '/hold cancel', 13)] }).state).toBe('approved');
  });

  it('refuses holds from read-only users and outsiders', () => {
    const state = decide({ comments: [comment('dave', '/hold', 10), comment('erin', '/hold', 11)] });
    expect(state.holds).toEqual([]);
    expect(refusedAs(state)).toEqual([
      ['dave', 'read-only'],
      ['erin', 'not-collaborator'],
    ]);
  });

  it('keeps a hold from an edited comment but refuses an edited release', () => {
    const state = decide({ comments: [comment('mallory', '/hold', 10, { editedAfter: 2 }), comment('mallory', '/hold cancel', 11, { editedAfter: 2 })] });
    expect(state.state).toBe('held');
    expect(refusedAs(state)).toEqual([['mallory', 'edited']]);
  });

  it('treats Request changes as a hold until the reviewer approves', () => {
    const changes = review('alice', 'CHANGES_REQUESTED', 10, { body: 'segment EU regressed' });
    const held = decide({ reviews: [changes], comments: [comment('bob', '/approve', 11)] });
    expect(held.state).toBe('held');
    expect(held.holds).toEqual([expect.objectContaining({ login: 'alice', fromReview: true, reason: 'segment EU regressed' })]);
    const approvedLater = decide({ reviews: [changes, review('alice', 'APPROVED', 20)], comments: [comment('bob', '/approve', 11)] });
    expect(approvedLater.state).toBe('approved');
    const approvedByComment = decide({ reviews: [changes], comments: [comment('bob', '/approve', 11), comment('alice', '/approve', 21)] });
    expect(approvedByComment.state).toBe('approved');
  });

  it('forgets a dismissed review, and a review fetched twice keeps its dismissal', () => {
    const changes = review('alice', 'CHANGES_REQUESTED', 10);
    const dismissed = { ...changes, state: 'DISMISSED' };
    expect(decide({ reviews: [changes, dismissed] }).holds).toEqual([]);
    expect(decide({ reviews: [dismissed, changes] }).holds).toEqual([]);
  });

  it('does not let /approve release a plain /hold', () => {
    const state = decide({ comments: [comment('alice', '/hold', 10), comment('alice', '/approve', 11), comment('bob', '/approve', 12)] });
    expect(state.state).toBe('held');
  });

  it('rejects on /reject from an approver or admin, until withdrawn', () => {
    const rejected = decide({ comments: [comment('alice', '/reject AUC regressed in EU', 10), comment('bob', '/approve', 11)] });
    expect(rejected.state).toBe('rejected');
    expect(rejected.rejections).toEqual([expect.objectContaining({ login: 'alice', reason: 'AUC regressed in EU' })]);
    const withdrawn = decide({ comments: [comment('alice', '/reject no', 10), comment('alice', '/approve cancel', 11), comment('bob', '/approve', 12)] });
    expect(withdrawn.state).toBe('awaiting-approval');
    expect(decide({ comments: [comment('root', '/reject not today', 10)] }).state).toBe('rejected');
    const outsider = decide({ comments: [comment('mallory', '/reject nope', 10)] });
    expect(outsider.state).toBe('awaiting-approval');
    expect(refusedAs(outsider)).toEqual([['mallory', 'not-approver']]);
  });

  it('reads restrictive commands in review bodies and refuses permissive ones', () => {
    const state = decide({ reviews: [review('alice', 'COMMENTED', 10, { body: '/hold\n/approve' })] });
    expect(state.holds.map((hold) => hold.login)).toEqual(['alice']);
    expect(refusedAs(state)).toEqual([['alice', 'review-body']]);
    // An Approve review whose body says /approve is just one approval.
    const plain = decide({ reviews: [review('alice', 'APPROVED', 10, { body: '/approve' })] });
    expect(plain.refused).toEqual([]);
    expect(counted(plain)).toEqual(['alice']);
  });
});

describe('admin bypass', () => {
  it('counts /approve --force by an admin as a bypass of what was missing', () => {
    const state = decide({ comments: [comment('root', '/approve --force incident 4711', 10)], checks: { 'tollgate/evaluation': 'failure' } });
    expect(state.state).toBe('approved');
    expect(state.policyMet).toBe(true);
    expect(state.approvals).toEqual([]);
    expect(state.bypasses).toEqual([expect.objectContaining({ login: 'root', reason: 'incident 4711', bypassed: ['approvals', 'checks'] })]);
    expect(state.missing).toEqual({ approvals: 0, approvers: [], checks: [], soakMs: 0 });
  });

  it('refuses --force from a non-admin, or when the policy forbids it', () => {
    expect(refusedAs(decide({ comments: [comment('bob', '/approve --force', 10)] }))).toEqual([['bob', 'not-admin']]);
    const forbidden = decide({ comments: [comment('root', '/approve --force', 10)], policy: policy({ allow_force: false }) });
    expect(refusedAs(forbidden)).toEqual([['root', 'force-disabled']]);
    expect(forbidden.policyMet).toBe(false);
  });

  it('never overrides a hold, and never lets the trainer bypass', () => {
    expect(decide({ comments: [comment('mallory', '/hold', 9), comment('root', '/approve --force', 10)] }).state).toBe('held');
    const trainerAdmin = decide({ comments: [comment('trainer', '/approve --force', 10)], permissions: { trainer: 'admin' } });
    expect(refusedAs(trainerAdmin)).toEqual([['trainer', 'trained-candidate']]);
  });

  it('goes stale like an approval when the head moves', () => {
    const state = decide({ comments: [comment('root', '/approve --force', 10)], pushes: [{ sha: HEAD, pushedAt: at(20) }] });
    expect(state.bypasses).toEqual([]);
    expect(refusedAs(state)).toEqual([['root', 'stale-push']]);
  });
});

describe('what else blocks', () => {
  const approvals = () => [comment('alice', '/approve', 10), comment('bob', '/approve', 11)];

  it('waits for required checks: missing, running, failed', () => {
    const missing = decide({ comments: approvals(), checks: {} });
    expect(missing.policyMet).toBe(false);
    expect(missing.state).toBe('awaiting-approval');
    expect(missing.missing.checks).toEqual([{ name: 'tollgate/evaluation', status: 'missing', conclusion: null }]);
    expect(missing.blockers).toEqual([{ code: 'check', message: 'check tollgate/evaluation has not run' }]);
    expect(decide({ comments: approvals(), checks: { 'tollgate/evaluation': null } }).blockers[0].message).toBe('check tollgate/evaluation is still running');
    expect(decide({ comments: approvals(), checks: { 'tollgate/evaluation': 'neutral' } }).blockers[0].message).toBe('check tollgate/evaluation concluded neutral');
  });

  it('waits for the soak in the previous stage', () => {
    const state = decide({ comments: approvals(), policy: policy({ soak: '3d' }) });
    // In staging since 2 days before T0, decided 1 day after T0: exactly 3 days.
    expect(state.soak).toMatchObject({ stage: 'staging', requiredMs: 3 * 86_400_000, elapsedMs: 3 * 86_400_000, remainingMs: 0, met: true });
    expect(state.policyMet).toBe(true);
    const early = decide({ comments: approvals(), policy: policy({ soak: '3d' }), now: at(14 * 60) });
    expect(early.policyMet).toBe(false);
    expect(early.missing.soakMs).toBe(10 * 3_600_000);
    expect(early.soak?.until).toBe(at(24 * 60));
    expect(early.blockers.map((blocker) => blocker.code)).toEqual(['soak']);
  });

  it('runs the soak from registration for the first stage, and blocks a candidate that skipped the previous stage', () => {
    const first = decide({ comments: approvals(), policy: policy({ soak: '5d' }), previousStage: null });
    expect(first.soak).toMatchObject({ stage: null, since: at(-3 * 24 * 60), remainingMs: 86_400_000, met: false });
    const skipped = decide({ comments: approvals(), policy: policy({ soak: '1h' }), previousStage: { name: 'staging', since: null } });
    expect(skipped.policyMet).toBe(false);
    expect(skipped.blockers).toEqual([{ code: 'soak', message: 'the candidate does not hold staging now' }]);
  });

  it('goes stale when the stage changed hands since the evidence was written', () => {
    const state = decide({ comments: approvals(), currentHolder: 'v1.3.1' });
    expect(state.state).toBe('stale');
    expect(state.policyMet).toBe(false);
    expect(refusedAs(state)).toEqual([
      ['alice', 'stale-holder'],
      ['bob', 'stale-holder'],
    ]);
    expect(state.blockers[0]).toEqual({ code: 'holder-changed', message: 'the stage was held by v1.3.0 when the evidence was written and is now held by v1.3.1' });
  });

  it('goes stale when the candidate is not the one the pull request was opened for', () => {
    const input = baseInput({ comments: approvals() });
    input.candidate = { ...input.candidate, commit: 'e'.repeat(40) };
    const state = computePromotionState(input);
    expect(state.state).toBe('stale');
    expect(refusedAs(state)).toEqual([
      ['alice', 'stale-candidate'],
      ['bob', 'stale-candidate'],
    ]);
  });

  it('treats a head whose push is not in the timeline yet as unseen: comments wait, reviews of the head count', () => {
    const state = decide({ comments: [comment('alice', '/approve', 10)], reviews: [review('bob', 'APPROVED', 11)], pushes: [{ sha: OLD_HEAD, pushedAt: at(0) }] });
    expect(counted(state)).toEqual(['bob']);
    expect(refusedAs(state)).toEqual([['alice', 'stale-push']]);
    expect(state.blockers.map((blocker) => blocker.code)).toContain('push-unknown');
  });

  it('fails without a policy for the stage', () => {
    const state = decide({ comments: approvals(), policy: null });
    expect(state.state).toBe('failed');
    expect(state.blockers[0].code).toBe('no-policy');
  });
});

describe('after the pull request closes', () => {
  const merged = (overrides: Partial<PromotionInput> = {}) => {
    const input = baseInput({ comments: [comment('alice', '/approve', 10), comment('bob', '/approve', 11)], ...overrides });
    input.pullRequest = { ...input.pullRequest, state: 'closed', merged: true, mergedAt: at(30), closedAt: at(30) };
    return input;
  };

  it('reports the outcome of the stage write', () => {
    expect(computePromotionState(merged({ outcome: { status: 'promoted', tag: 'churn#production#7' }, currentHolder: 'v1.4.0' })).state).toBe('promoted');
    const failed = computePromotionState(merged({ outcome: { status: 'failed', error: 'tag exists' } }));
    expect(failed.state).toBe('failed');
    expect(failed.blockers[0]).toEqual({ code: 'failed', message: 'the promotion failed: tag exists' });
  });

  it('keeps the approvals once the candidate holds the stage (our own promotion is not a holder change)', () => {
    const state = computePromotionState(merged({ currentHolder: 'v1.4.0', outcome: { status: 'promoted' } }));
    expect(counted(state)).toEqual(['alice', 'bob']);
    expect(state.policyMet).toBe(true);
  });

  it('fails a merge made without the policy met', () => {
    const state = computePromotionState(merged({ comments: [comment('alice', '/approve', 10)] }));
    expect(state.state).toBe('failed');
    expect(state.blockers[0].code).toBe('merged-unmet');
  });

  it('is superseded or rejected when closed without merging', () => {
    const input = baseInput();
    input.pullRequest = { ...input.pullRequest, state: 'closed', closedAt: at(50), supersededBy: 57 };
    expect(computePromotionState(input).state).toBe('superseded');
    expect(computePromotionState(input).blockers[0]).toEqual({ code: 'closed', message: 'superseded by #57' });
    input.pullRequest.supersededBy = null;
    expect(computePromotionState(input).state).toBe('rejected');
  });
});

describe('input handling', () => {
  it('names the lookups a decision needs', () => {
    const input = baseInput({
      comments: [comment('Zed', '/approve', 10), comment('alice', '/hold', 11), comment('x[bot]', '/approve', 12), comment('nobody', 'just text', 13)],
      reviews: [review('bob', 'APPROVED', 14)],
    });
    expect(requiredLookups(input)).toEqual({ logins: ['alice', 'bob', 'Zed'], teams: ['acme/ml-leads'] });
  });

  it('rejects malformed times loudly', () => {
    const bad = comment('alice', '/approve', 10);
    bad.created_at = 'yesterday';
    expect(() => decide({ comments: [bad] })).toThrow(InputError);
    expect(() => decide({ comments: [bad] })).toThrow(`comment ${bad.id} created_at: expected an ISO 8601 time, got "yesterday"`);
  });
});
