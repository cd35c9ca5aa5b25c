/**
 * What a writer of the repository must not be able to do to a promotion
 * (from a review that reproduced each of these end to end):
 *
 * 1. push to the promotion branch and approve their own push;
 * 2. lift someone else's hold or rejection by editing or deleting its comment;
 * 3. revive approvals by force-pushing back to an earlier head;
 * 4. promote a version that was rolled out of the previous stage;
 * 5. turn a merge that did not meet the policy into a promotion afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../support/fake-github.js';
import { APP_USER, CONFIG, person, startHarness, type Harness } from './support/harness.js';
import { issueCommentPayload, pullRequestPayload } from './support/payloads.js';

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await FakeGitHub.start();
});
afterAll(async () => {
  await fake.close();
});

/** Points the promotion branch of `number` at `sha` (a force-push) and delivers the `synchronize`. */
async function forcePush(h: Harness, number: number, sha: string, by = 'dana'): Promise<void> {
  const branch = h.pull(number).pull!.head;
  h.repo.refs.set(`refs/heads/${branch}`, sha);
  h.repo.branchMoved(`refs/heads/${branch}`);
  await h.deliver('pull_request', pullRequestPayload(fake, h.repo, 'synchronize', number, person(by)));
}

/** Opens the production promotion of `version` (which must hold staging), as carol asks for it. */
async function openProduction(h: Harness, on: number, version: string): Promise<number> {
  const before = h.repo.issues.length;
  await h.say(on, 'carol', `/promote churn@${version} to production`);
  return h.repo.issues.slice(before).find((issue) => issue.pull)!.number;
}

describe('promotion integrity', () => {
  it('1. a push to the promotion branch blocks it: the pusher cannot approve their own push', async () => {
    const h = await startHarness(fake);
    const pr = await h.registerAndOpen('v1.4.0');
    const sha = await h.push(pr.number, 'alice');
    expect([...h.repo.commitFiles(sha).keys()]).toContain('notes/alice-4.md');
    await h.say(pr.number, 'alice', '/approve');
    expect(h.promotionCheck(pr.number)?.conclusion).not.toBe('success');
    expect(h.status(pr.number)).toContain('was not written by Tollgate (written by alice)');
    // Nobody else's approval makes the foreign commit promotable either.
    await h.say(pr.number, 'bob', '/approve');
    expect(h.promotionCheck(pr.number)?.conclusion).not.toBe('success');
    await h.merge(pr.number);
    expect(h.stageTags()).toEqual([]);
  });

  it('2. a hold and a rejection survive another writer editing or deleting their comments', async () => {
    const h = await startHarness(fake);
    const pr = await h.registerAndOpen('v1.4.0');
    await h.say(pr.number, 'alice', '/approve');
    const hold = await h.say(pr.number, 'carol', '/hold wait for legal');
    const rejection = await h.say(pr.number, 'bob', '/reject data leak');
    expect(h.promotionCheck(pr.number)?.conclusion).toBe('failure');
    fake.advance(60_000);
    // dana edits the hold away and deletes the rejection.
    hold.body = 'ok';
    hold.updated_at = h.repo.now();
    await h.deliver('issue_comment', issueCommentPayload(fake, h.repo, 'edited', hold, person('dana')));
    h.repo.comments.splice(h.repo.comments.indexOf(rejection), 1);
    await h.deliver('issue_comment', issueCommentPayload(fake, h.repo, 'deleted', rejection, person('dana')));
    expect(h.promotionCheck(pr.number)?.conclusion).toBe('failure');
    expect(h.status(pr.number)).toContain('rejected by bob');
    expect(h.status(pr.number)).toContain('held by carol');
    await h.merge(pr.number);
    expect(h.stageTags()).toEqual([]);
  });

  it('2. only their authors lift them, with new comments', async () => {
    const h = await startHarness(fake);
    const pr = await h.registerAndOpen('v1.4.0');
    const hold = await h.say(pr.number, 'carol', '/hold wait for legal');
    fake.advance(60_000);
    hold.body = 'ok';
    hold.updated_at = h.repo.now();
    await h.deliver('issue_comment', issueCommentPayload(fake, h.repo, 'edited', hold, person('dana')));
    await h.say(pr.number, 'alice', '/approve');
    expect(h.status(pr.number)).toContain('held by carol');
    await h.say(pr.number, 'dana', '/hold cancel'); // not dana's hold
    expect(h.status(pr.number)).toContain('held by carol');
    await h.say(pr.number, 'carol', '/hold cancel');
    expect(h.status(pr.number)).toContain('✅ Approved');
  });

  it('2. a hold edited away before the bot recorded it still counts (the edit payload carries the old text)', async () => {
    const h = await startHarness(fake);
    const pr = await h.registerAndOpen('v1.4.0');
    await h.say(pr.number, 'alice', '/approve');
    const hold = h.comment(pr.number, 'carol', '/hold wait for legal'); // its created webhook was lost
    fake.advance(60_000);
    hold.body = 'ok';
    hold.updated_at = h.repo.now();
    const payload = issueCommentPayload(fake, h.repo, 'edited', hold, person('dana')) as { changes?: unknown };
    payload.changes = { body: { from: '/hold wait for legal' } };
    await h.deliver('issue_comment', payload);
    expect(h.promotionCheck(pr.number)?.conclusion).not.toBe('success');
    expect(h.status(pr.number)).toContain('held by carol');
    // The status comment remembers it from now on.
    await h.say(pr.number, 'rita', '/status');
    expect(h.status(pr.number)).toContain('held by carol');
  });

  it('3. a force-push back to an earlier head makes approvals made before it stale', async () => {
    const h = await startHarness(fake);
    const pr = await h.registerAndOpen('v1.4.0');
    const a = h.pull(pr.number).pull!.head_sha;
    // Both heads are the App's own commits (a rebuilt branch), so only staleness is at stake.
    const m = await h.push(pr.number, APP_USER.login);
    await forcePush(h, pr.number, a);
    await h.say(pr.number, 'alice', '/approve A looks fine');
    expect(h.promotionCheck(pr.number)?.conclusion).toBe('success');
    await forcePush(h, pr.number, m);
    expect(h.pull(pr.number).pull!.head_sha).toBe(m);
    expect(h.promotionCheck(pr.number)?.conclusion).not.toBe('success');
    expect(h.status(pr.number)).toContain('made before the latest push');
    await forcePush(h, pr.number, a);
    expect(h.promotionCheck(pr.number)?.conclusion).not.toBe('success');
    await h.merge(pr.number);
    expect(h.stageTags()).toEqual([]);
  });

  it('4. a version rolled out of the previous stage cannot be promoted', async () => {
    const h = await startHarness(fake);
    const p1 = await h.registerAndOpen('v1.4.0');
    await h.say(p1.number, 'alice', '/approve');
    await h.merge(p1.number);
    const p2 = await h.registerAndOpen('v1.5.0');
    await h.say(p2.number, 'alice', '/approve');
    await h.merge(p2.number);
    expect(h.stageTags()).toEqual(['churn#staging#1', 'churn#staging#2']);
    fake.advance(48 * 3600_000);
    const prod = await openProduction(h, p2.number, 'v1.5.0');
    await h.passEvaluation(prod);
    await h.say(prod, 'alice', '/approve');
    await h.say(prod, 'bob', '/approve');
    expect(h.promotionCheck(prod)?.conclusion).toBe('success');
    await h.say(p2.number, 'bob', '/rollback churn staging');
    expect(h.stageTags()).toEqual(['churn#staging#1', 'churn#staging#2', 'churn#staging#3']);
    // The rollback itself re-judges the production promotion: its check does not stay green until the next event.
    expect(h.promotionCheck(prod)?.conclusion).not.toBe('success');
    await h.say(prod, 'rita', '/status');
    expect(h.promotionCheck(prod)?.conclusion).not.toBe('success');
    expect(h.status(prod)).toContain('does not hold staging now');
    await h.merge(prod);
    expect(h.stageTags().filter((tag) => tag.startsWith('churn#production'))).toEqual([]);
  });

  it('4. the soak counts the unbroken tenure of the previous stage', async () => {
    const h = await startHarness(fake, { config: CONFIG.replace('        required: 2\n', '        required: 2\n        soak: 24h\n') });
    const p1 = await h.registerAndOpen('v1.4.0');
    await h.say(p1.number, 'alice', '/approve');
    await h.merge(p1.number);
    const p2 = await h.registerAndOpen('v1.5.0');
    await h.say(p2.number, 'alice', '/approve');
    await h.merge(p2.number);
    fake.advance(48 * 3600_000);
    await h.say(p2.number, 'bob', '/rollback churn staging'); // v1.4.0 again
    await h.say(p2.number, 'bob', '/rollback churn staging to v1.5.0'); // v1.5.0 again, just now
    const prod = await openProduction(h, p2.number, 'v1.5.0');
    await h.passEvaluation(prod);
    await h.say(prod, 'alice', '/approve');
    await h.say(prod, 'bob', '/approve');
    expect(h.promotionCheck(prod)?.conclusion).not.toBe('success');
    expect(h.status(prod)).toMatch(/soak: in `staging` for \d+s of 1d/);
    fake.advance(25 * 3600_000);
    await h.say(prod, 'rita', '/status');
    expect(h.promotionCheck(prod)?.conclusion).toBe('success');
  });

  it('5. a merge without the policy met stays unpromoted whatever happens after it', async () => {
    const h = await startHarness(fake);
    const p1 = await h.registerAndOpen('v1.4.0');
    await h.say(p1.number, 'alice', '/approve');
    await h.merge(p1.number);
    fake.advance(48 * 3600_000);
    const prod = await openProduction(h, p1.number, 'v1.4.0');
    await h.say(prod, 'alice', '/approve');
    await h.say(prod, 'bob', '/approve');
    await h.passEvaluation(prod, 'failure');
    expect(h.promotionCheck(prod)?.conclusion).not.toBe('success');
    await h.merge(prod);
    expect(h.stageTags()).toEqual(['churn#staging#1']);
    expect(h.status(prod)).toContain('merged without the policy met');
    fake.advance(60_000);
    await h.passEvaluation(prod, 'success');
    expect(h.stageTags()).toEqual(['churn#staging#1']);
    await h.say(prod, 'rita', '/status');
    expect(h.stageTags()).toEqual(['churn#staging#1']);
    expect(h.status(prod)).toContain('merged without the policy met');
  });
  it('a promotion whose marker was damaged gets a failing check, not its last green one', async () => {
    const h = await startHarness(fake);
    const pr = await h.registerAndOpen('v1.4.0');
    await h.say(pr.number, 'alice', '/approve');
    expect(h.promotionCheck(pr.number)?.conclusion).toBe('success');
    const pull = h.pull(pr.number);
    pull.body = pull.body!.replace(/<!-- tollgate:promotion-marker [^>]*-->/, '<!-- tollgate:promotion-marker broken -->');
    await h.deliver('pull_request', pullRequestPayload(fake, h.repo, 'edited', pr.number, person('dana')));
    expect(h.promotionCheck(pr.number)?.conclusion).toBe('failure');
    expect(h.promotionCheck(pr.number)?.title).toBe('Promotion marker unreadable');
  });
});
