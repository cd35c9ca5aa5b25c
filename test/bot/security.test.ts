/**
 * The security matrix of issue 7, end to end: each attempt is refused, the
 * status comment says why (its "Not counted" table), the comment gets a
 * confused reaction, and the check stays red.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeIssue } from '../support/fake-github.js';
import { FakeGitHub } from '../support/fake-github.js';
import { APP_USER, person, startHarness, type Harness } from './support/harness.js';
import { issueCommentPayload, pullRequestPayload } from './support/payloads.js';

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await FakeGitHub.start();
});
afterAll(async () => {
  await fake.close();
});

/** The row of `login` in the status comment's "Not counted" table. */
function refusedRow(h: Harness, number: number, login: string): string | undefined {
  return h.status(number).split('\n').find((line) => line.startsWith(`| [${login}](`));
}

function reactions(h: Harness, commentId: number): string[] {
  return h.repo.reactions.filter((reaction) => reaction.subject === 'comment' && reaction.subjectId === commentId).map((reaction) => reaction.content);
}

async function opened(): Promise<{ h: Harness; pr: FakeIssue }> {
  const h = await startHarness(fake);
  return { h, pr: await h.registerAndOpen('v1.4.0') };
}

describe('who may approve', () => {
  it('refuses a non-collaborator', async () => {
    const { h, pr } = await opened();
    const comment = await h.say(pr.number, 'zed', '/approve');
    expect(refusedRow(h, pr.number, 'zed')).toContain('not a collaborator of this repository');
    expect(h.status(pr.number)).toContain('⏳ Awaiting approval');
    expect(h.promotionCheck(pr.number)?.conclusion).toBe('action_required');
    expect(reactions(h, comment.id)).toEqual(['confused']);
  });

  it('refuses a read-only and a triage collaborator', async () => {
    const { h, pr } = await opened();
    await h.say(pr.number, 'rita', '/approve');
    await h.say(pr.number, 'tom', '/approve');
    expect(refusedRow(h, pr.number, 'rita')).toContain('has read access; write, maintain or admin is needed');
    expect(refusedRow(h, pr.number, 'tom')).toContain('has triage access');
    expect(h.status(pr.number)).toContain('**Approvals:** 0 of 1');
  });

  it('refuses a bot account and a comment made through an app', async () => {
    const { h, pr } = await opened();
    h.repo.collaborators.set('renovate[bot]', 'admin');
    await h.say(pr.number, 'renovate[bot]', '/approve', { type: 'Bot' });
    await h.say(pr.number, 'alice', '/approve', { viaApp: 'sneaky-app' });
    expect(refusedRow(h, pr.number, 'renovate\\[bot\\]')).toContain('bot accounts never count');
    expect(refusedRow(h, pr.number, 'alice')).toContain('the comment was made through an app (sneaky-app), not by a person');
    expect(h.status(pr.number)).toContain('**Approvals:** 0 of 1');
  });

  it('refuses the requester, the trainer and the registrar of the candidate', async () => {
    const h = await startHarness(fake);
    await h.register('v1.4.0', { trainer: 'dana', merger: 'erin' });
    const issue = h.repo.issues.length + 1;
    h.repo.issues.push({ number: issue, title: 'Ship it', body: '', state: 'open', state_reason: null, labels: [], assignees: [], user: person('bob'), created_at: h.repo.now(), updated_at: h.repo.now(), closed_at: null });
    await h.say(issue, 'bob', '/promote churn@v1.4.0 to staging');
    const pr = h.repo.issues.find((candidate) => candidate.pull && candidate.user.login === APP_USER.login)!;
    expect(pr.body).toContain('Requested by bob');
    await h.say(pr.number, 'bob', '/approve');
    await h.say(pr.number, 'dana', '/approve');
    await h.say(pr.number, 'erin', '/approve');
    expect(refusedRow(h, pr.number, 'bob')).toContain('requested this promotion with /promote, so cannot approve it');
    expect(refusedRow(h, pr.number, 'dana')).toContain('trained the candidate version');
    expect(refusedRow(h, pr.number, 'erin')).toContain('registered the candidate version');
    expect(h.status(pr.number)).toContain('**Approvals:** 0 of 1');
  });

  it('counts nothing on a pull request a person opened with a copied marker', async () => {
    const { h, pr } = await opened();
    const branch = 'sneaky';
    h.repo.setFile('x.txt', 'x', branch);
    const head = h.repo.addCommit('sneaky', branch);
    const number = h.repo.issues.length + 1;
    h.repo.issues.push({
      number, title: 'Promote', body: pr.body, state: 'open', state_reason: null, labels: [], assignees: [], user: person('bob'),
      created_at: h.repo.now(), updated_at: h.repo.now(), closed_at: null,
      pull: { head: branch, base: 'main', head_sha: head, draft: false, merged: false },
    });
    await h.say(number, 'alice', '/approve');
    expect(h.status(number)).toContain('❌ Failed');
    expect(h.status(number)).toContain('this pull request was not opened by Tollgate');
  });

  it('refuses approvals on a pull request from a fork', async () => {
    const { h, pr } = await opened();
    h.repo.setFile('x.txt', 'fork', 'fork-head');
    const head = h.repo.addCommit('fork change', 'fork-head');
    const number = h.repo.issues.length + 1;
    h.repo.issues.push({
      number, title: pr.title, body: pr.body, state: 'open', state_reason: null, labels: [], assignees: [], user: person('mallory'),
      created_at: h.repo.now(), updated_at: h.repo.now(), closed_at: null,
      pull: { head: 'tollgate/promote/churn/staging/v1.4.0', base: 'main', head_sha: head, draft: false, merged: false, head_repo: 'mallory/churn' },
    });
    const comment = await h.say(number, 'alice', '/approve');
    expect(refusedRow(h, number, 'alice')).toContain('this pull request comes from a fork');
    expect(h.status(number)).toContain('❌ Failed');
    expect(reactions(h, comment.id)).toEqual(['confused']);
  });
});

describe('what counts', () => {
  it('makes an approval made before the latest push stale', async () => {
    const { h, pr } = await opened();
    await h.say(pr.number, 'alice', '/approve');
    expect(h.status(pr.number)).toContain('✅ Approved');
    // The App rebuilds its branch (a push by anyone else blocks the promotion outright: see promotion-integrity.test.ts).
    await h.push(pr.number, APP_USER.login);
    expect(h.status(pr.number)).toContain('♻️ Stale');
    expect(refusedRow(h, pr.number, 'alice')).toContain('made before the latest push; approve again');
    expect(h.promotionCheck(pr.number)?.conclusion).toBe('action_required');
    // An Approve review of the old head is stale too; one of the new head counts.
    await h.review(pr.number, 'bob', 'APPROVED', { commit: h.repo.commits.get(h.pull(pr.number).pull!.head_sha)!.parents[0] });
    expect(refusedRow(h, pr.number, 'bob')).toMatch(/reviewed [0-9a-f]{7}, but the head is now [0-9a-f]{7}; review again/);
    await h.say(pr.number, 'alice', '/approve again');
    expect(h.status(pr.number)).toContain('✅ Approved');
  });

  it('drops an approval whose comment was edited', async () => {
    const { h, pr } = await opened();
    const comment = h.comment(pr.number, 'alice', 'lgtm');
    fake.advance(60_000);
    comment.body = '/approve';
    comment.updated_at = h.repo.now();
    await h.deliver('issue_comment', issueCommentPayload(fake, h.repo, 'edited', comment, person('carol')));
    expect(refusedRow(h, pr.number, 'alice')).toContain('the comment was edited after it was posted; post a new comment instead');
    expect(h.status(pr.number)).toContain('**Approvals:** 0 of 1');
    // Its approval is gone at once when an approving comment is edited later.
    const first = await h.say(pr.number, 'bob', '/approve');
    expect(h.status(pr.number)).toContain('✅ Approved');
    fake.advance(60_000);
    first.updated_at = h.repo.now();
    await h.deliver('issue_comment', issueCommentPayload(fake, h.repo, 'edited', first, person('bob')));
    expect(h.status(pr.number)).toContain('⏳ Awaiting approval');
  });

  it('ignores commands in quotes and code blocks', async () => {
    const { h, pr } = await opened();
    const quoted = await h.say(pr.number, 'alice', '> /approve\n\nsomeone wrote that');
    await h.say(pr.number, 'bob', 'Run this:\n```\n/approve\n```');
    expect(refusedRow(h, pr.number, 'alice')).toContain('the command is inside a quote');
    expect(h.status(pr.number)).toContain('**Approvals:** 0 of 1');
    expect(reactions(h, quoted.id)).toEqual(['confused']);
  });

  it('drops an approval when the approver leaves the approving team', async () => {
    const { h, pr } = await opened();
    await h.say(pr.number, 'frank', '/approve');
    expect(h.status(pr.number)).toMatch(/frank via acme\/ml-leads/);
    fake.teams.set('acme/ml-leads', ['gina']);
    await h.say(pr.number, 'bob', '/status');
    expect(refusedRow(h, pr.number, 'frank')).toContain('no longer a member of acme/ml-leads');
    expect(h.status(pr.number)).toContain('**Approvals:** 0 of 1');
  });

  it('blocks a promotion whose body marker no longer matches the committed candidate file', async () => {
    const h = await startHarness(fake);
    await h.register('v1.3.0');
    const pr = await h.registerAndOpen('v1.4.0');
    // Someone with write access edits the body (no push) to promote another version.
    const older = h.repo.tagObjects.size && [...h.repo.refs.entries()].find(([ref]) => ref === 'refs/tags/churn@v1.3.0')!;
    const olderCommit = h.repo.resolve((older as [string, string])[0].slice('refs/tags/'.length))!;
    const marker = Buffer.from(JSON.stringify({ model: 'churn', stage: 'staging', version: 'v1.3.0', commit: olderCommit, holder: null, requested_by: null })).toString('base64url');
    pr.body = pr.body!.replace(/<!-- tollgate:promotion-marker \S+ -->/, `<!-- tollgate:promotion-marker ${marker} -->`);
    await h.deliver('pull_request', pullRequestPayload(fake, h.repo, 'edited', pr.number, person('bob')));
    await h.say(pr.number, 'alice', '/approve');
    expect(h.status(pr.number)).toContain('❌ Failed');
    // (`@` is followed by a zero-width space in the comment, so it cannot mention anyone.)
    expect(h.status(pr.number)).toMatch(/the pull request body does not match \.tollgate\/promotions\/churn@\u200bstaging\.json in the head commit \(the body was edited\)/);
    expect(h.promotionCheck(pr.number)?.conclusion).toBe('failure');
    await h.merge(pr.number);
    expect(h.stageTags()).toEqual([]);
  });

  it('records an admin\'s /approve --force as a bypass, and refuses it from a non-admin', async () => {
    const { h, pr } = await opened();
    await h.say(pr.number, 'bob', '/approve --force urgent');
    expect(refusedRow(h, pr.number, 'bob')).toContain('--force needs admin permission (has maintain)');
    h.repo.collaborators.set('zoe', 'admin');
    await h.say(pr.number, 'zoe', '/approve --force incident 42');
    expect(h.status(pr.number)).toContain('**Bypass:** zoe used `/approve --force`');
    expect(h.status(pr.number)).toContain('✅ Approved');
  });

  it('does not count an approval made after the merge', async () => {
    const { h, pr } = await opened();
    await h.merge(pr.number);
    await h.say(pr.number, 'alice', '/approve');
    expect(h.stageTags()).toEqual([]);
    expect(h.status(pr.number)).toContain('merged without the policy met');
  });
});
