/**
 * The stage policy as the bot applies it: required checks (from trusted
 * Apps only), reviews (approve, request changes, dismissal), soak time, and
 * a stage without a policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../shared/github/client.js';
import { GitHubBackend, Registry } from '../../shared/registry/index.js';
import { FakeGitHub, type FakeReview } from '../support/fake-github.js';
import { APP_USER, CONFIG, person, startHarness, type Harness } from './support/harness.js';
import { checkRunPayload, reviewPayload } from './support/payloads.js';

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await FakeGitHub.start();
});
afterAll(async () => {
  await fake.close();
});

async function assignDirectly(h: Harness, stage: string, version: string): Promise<void> {
  const client = createGitHubClient({ baseUrl: fake.url, token: 'test', retries: 0 });
  const registry = new Registry({ backend: new GitHubBackend({ client, owner: h.repo.owner, repo: h.repo.name }), now: () => Math.floor(Date.parse(fake.currentTime()) / 1000) });
  await registry.assign({ model: 'churn', stage, version });
}

async function productionPromotion(h: Harness): Promise<number> {
  await h.register('v1.4.0');
  await assignDirectly(h, 'staging', 'v1.4.0');
  const number = h.repo.issues.length + 1;
  const time = h.repo.now();
  h.repo.issues.push({ number, title: 'go', body: '', state: 'open', state_reason: null, labels: [], assignees: [], user: person('gina'), created_at: time, updated_at: time, closed_at: null });
  await h.say(number, 'gina', '/promote churn@v1.4.0 to production');
  return h.repo.issues.find((issue) => issue.pull && issue.user.login === APP_USER.login)!.number;
}

describe('required checks', () => {
  it('waits for tollgate/evaluation from a trusted App; a run by another App does not count', async () => {
    const h = await startHarness(fake);
    const pr = await productionPromotion(h);
    await h.say(pr, 'alice', '/approve');
    await h.say(pr, 'bob', '/approve');
    expect(h.status(pr)).toContain('check tollgate/evaluation has not run');
    expect(h.status(pr)).toContain('**Approvals:** 2 of 2');

    const head = h.pull(pr).pull!;
    const forged = { id: h.repo.nextId(), name: 'tollgate/evaluation', head_sha: head.head_sha, status: 'completed', conclusion: 'success', details_url: null, external_id: null, output: {}, started_at: h.repo.now(), completed_at: h.repo.now(), app: { id: 666, slug: 'evil-ci' } };
    h.repo.checkRuns.push(forged);
    await h.deliver('check_run', checkRunPayload(h.repo, forged, pr, head.head, person('mallory')));
    expect(h.status(pr)).toContain('check tollgate/evaluation has not run');

    await h.passEvaluation(pr, 'failure');
    expect(h.status(pr)).toContain('check tollgate/evaluation concluded failure');
    await h.passEvaluation(pr);
    expect(h.status(pr)).toContain('✅ Approved');
    expect(h.status(pr)).toContain('✅ `tollgate/evaluation`');
  });
});

describe('reviews', () => {
  it('counts an Approve review, holds on Request changes until that reviewer approves, and releases a dismissed hold', async () => {
    const h = await startHarness(fake);
    const pr = (await h.registerAndOpen('v1.4.0')).number;
    await h.review(pr, 'bob', 'CHANGES_REQUESTED', { body: 'wrong threshold' });
    expect(h.status(pr)).toContain('✋ On hold');
    expect(h.status(pr)).toContain('changes requested by bob');
    await h.say(pr, 'alice', '/approve');
    expect(h.status(pr)).toContain('✋ On hold');
    await h.review(pr, 'bob', 'APPROVED');
    expect(h.status(pr)).toContain('✅ Approved');

    const h2 = await startHarness(fake);
    const pr2 = (await h2.registerAndOpen('v1.4.0')).number;
    const hold = await h2.review(pr2, 'bob', 'CHANGES_REQUESTED');
    await h2.say(pr2, 'alice', '/approve');
    (hold as FakeReview).state = 'DISMISSED';
    await h2.deliver('pull_request_review', reviewPayload(fake, h2.repo, 'dismissed', hold));
    expect(h2.status(pr2)).toContain('✅ Approved');
  });

  it('lets /hold and /reject stop a promotion, and /hold cancel release it', async () => {
    const h = await startHarness(fake);
    const pr = (await h.registerAndOpen('v1.4.0')).number;
    await h.say(pr, 'alice', '/approve');
    await h.say(pr, 'bob', '/hold waiting for the load test');
    expect(h.status(pr)).toContain('held by bob (');
    expect(h.promotionCheck(pr)?.conclusion).toBe('action_required');
    await h.say(pr, 'bob', '/hold cancel');
    expect(h.status(pr)).toContain('✅ Approved');
    await h.say(pr, 'gina', '/reject the data is stale');
    expect(h.status(pr)).toContain('⛔ Rejected');
    expect(h.promotionCheck(pr)?.conclusion).toBe('failure');
  });
});

describe('soak and missing policy', () => {
  it('blocks until the candidate has been registered for the soak time', async () => {
    const h = await startHarness(fake, { config: CONFIG.replace('        required: 1\n', '        required: 1\n        soak: 24h\n') });
    const pr = (await h.registerAndOpen('v1.4.0')).number;
    await h.say(pr, 'alice', '/approve');
    expect(h.status(pr)).toMatch(/soak: registered for \d+s of 1d; 24h to go/);
    fake.advance(25 * 3_600_000);
    await h.say(pr, 'bob', '/status');
    expect(h.status(pr)).toContain('✅ Approved');
  });

  it('opens a promotion for a stage without a policy, and says so', async () => {
    const h = await startHarness(fake, { config: 'models:\n  churn:\n    stages: [staging, production]\n' });
    const pr = (await h.registerAndOpen('v1.4.0')).number;
    await h.say(pr, 'alice', '/approve');
    expect(h.status(pr)).toContain('no promotion policy for this stage in .github/tollgate.yml on the default branch');
    expect(h.promotionCheck(pr)?.conclusion).toBe('failure');
  });
});
