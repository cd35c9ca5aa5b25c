/**
 * Duplicate and racing deliveries: the decision is recomputed from the
 * timeline every time, the registry's compare-and-swap admits one stage tag,
 * and only the tag's writer creates its deployment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Probot } from 'probot';
import { createTollgateApp } from '../../bot/app.js';
import { FakeGitHub } from '../support/fake-github.js';
import { APP_USER, CONFIG, person, startHarness, TestOctokit, withCommitWriters } from './support/harness.js';
import { issueCommentPayload, pullRequestPayload } from './support/payloads.js';

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await FakeGitHub.start();
});
afterAll(async () => {
  await fake.close();
});

const AUTO_MERGE = CONFIG.replace('        required: 1\n        require_checks: []\n', '        required: 2\n        require_checks: []\n        auto_merge: true\n');

describe('idempotency', () => {
  it('handles the same delivery five times as once', async () => {
    const h = await startHarness(fake);
    const pr = await h.registerAndOpen('v1.4.0');
    const approval = h.comment(pr.number, 'alice', '/approve');
    const approvalPayload = issueCommentPayload(fake, h.repo, 'created', approval);
    for (let attempt = 0; attempt < 5; attempt += 1) await h.deliver('issue_comment', approvalPayload, 'delivery-approve');
    expect(h.repo.comments.filter((comment) => comment.user.login === APP_USER.login && comment.issue_number === pr.number)).toHaveLength(1);
    expect(h.repo.reactions.filter((reaction) => reaction.subjectId === approval.id).map((reaction) => reaction.content)).toEqual(['rocket']);

    await h.client.rest.pulls.merge({ owner: h.repo.owner, repo: h.repo.name, pull_number: pr.number });
    const closed = pullRequestPayload(fake, h.repo, 'closed', pr.number, person('erin'));
    for (let attempt = 0; attempt < 5; attempt += 1) await h.deliver('pull_request', closed, 'delivery-merged');
    expect(h.stageTags()).toEqual(['churn#staging#1']);
    expect(h.repo.deployments).toHaveLength(1);
    expect(h.repo.assets.filter((asset) => asset.name.startsWith('promotion-staging-'))).toHaveLength(1);
    expect(h.status(pr.number)).toContain('🎉 Promoted');
  });

  it('two approvals racing to meet the policy (auto-merge) produce one merge, one tag, one deployment', async () => {
    const h = await startHarness(fake, { config: AUTO_MERGE });
    const pr = await h.registerAndOpen('v1.4.0');
    const first = h.comment(pr.number, 'alice', '/approve');
    const second = h.comment(pr.number, 'bob', '/approve');
    await Promise.all([
      h.deliver('issue_comment', issueCommentPayload(fake, h.repo, 'created', first)),
      h.deliver('issue_comment', issueCommentPayload(fake, h.repo, 'created', second)),
    ]);
    expect(h.pull(pr.number).pull!.merged).toBe(true);
    expect(fake.requests.filter((request) => request.method === 'PUT' && request.path === `/repos/${h.repo.fullName}/pulls/${pr.number}/merge` && request.status === 200)).toHaveLength(1);
    expect(h.stageTags()).toEqual(['churn#staging#1']);
    expect(h.repo.deployments).toHaveLength(1);
    expect(h.status(pr.number)).toContain('🎉 Promoted');
    // GitHub then delivers the merge; nothing more happens.
    await h.deliver('pull_request', pullRequestPayload(fake, h.repo, 'closed', pr.number, APP_USER));
    expect(h.stageTags()).toEqual(['churn#staging#1']);
    expect(h.repo.deployments).toHaveLength(1);
  });

  it('two bot processes racing on the merge write one tag and one deployment (compare-and-swap)', async () => {
    const h = await startHarness(fake);
    const pr = await h.registerAndOpen('v1.4.0');
    await h.say(pr.number, 'alice', '/approve');
    await h.client.rest.pulls.merge({ owner: h.repo.owner, repo: h.repo.name, pull_number: pr.number });
    const other = new Probot({ githubToken: 'test-token', Octokit: TestOctokit, baseUrl: fake.url, request: { fetch: withCommitWriters(globalThis.fetch) }, logLevel: 'fatal' });
    await other.load(createTollgateApp({ settings: { appLogin: APP_USER.login, now: () => new Date(fake.currentTime()) } }));
    const closed = pullRequestPayload(fake, h.repo, 'closed', pr.number, person('erin'));
    await Promise.all([
      h.probot.receive({ id: 'replica-a', name: 'pull_request', payload: closed } as never),
      other.receive({ id: 'replica-b', name: 'pull_request', payload: closed } as never),
    ]);
    expect(h.stageTags()).toEqual(['churn#staging#1']);
    // Both wrote a tag object; GitHub refused the second ref: the compare-and-swap decided.
    const refWrites = fake.requests.filter((request) => request.method === 'POST' && request.path === `/repos/${h.repo.fullName}/git/refs` && (request.body as { ref?: string }).ref === 'refs/tags/churn#staging#1');
    expect(refWrites.map((request) => request.status).sort()).toEqual([201, 422]);
    expect(h.repo.deployments).toHaveLength(1);
    // The loser's audit record is removed: the asset left is the one the tag names.
    const assets = h.repo.assets.filter((asset) => asset.name.startsWith('promotion-staging-'));
    expect(assets).toHaveLength(1);
    const tag = [...h.repo.tagObjects.values()].find((candidate) => candidate.tag === 'churn#staging#1')!;
    const digest = /Tollgate-Audit: sha256:([0-9a-f]{16})/.exec(tag.message)![1];
    expect(assets[0].name).toContain(digest);
  });

  it('recreates a missing deployment for an old stage tag, and only then', async () => {
    const h = await startHarness(fake);
    const pr = await h.registerAndOpen('v1.4.0');
    await h.say(pr.number, 'alice', '/approve');
    await h.merge(pr.number);
    expect(h.repo.deployments).toHaveLength(1);
    h.repo.deployments.length = 0; // lost (say the writer crashed before creating it)
    const closed = pullRequestPayload(fake, h.repo, 'closed', pr.number, person('erin'));
    await h.deliver('pull_request', closed);
    expect(h.repo.deployments).toHaveLength(0); // the tag is young: its writer may still be at work
    fake.advance(120_000);
    await h.deliver('pull_request', closed);
    await h.deliver('pull_request', closed);
    expect(h.repo.deployments).toHaveLength(1);
    expect(h.stageTags()).toEqual(['churn#staging#1']);
  });
});
