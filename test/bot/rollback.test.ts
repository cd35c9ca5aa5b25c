/** `/rollback`: at once, by an approver of the stage, recorded in the tag, once per comment. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../shared/github/client.js';
import { GitHubBackend, Registry } from '../../shared/registry/index.js';
import { readPromotionMarker } from '../../shared/report/index.js';
import { FakeGitHub } from '../support/fake-github.js';
import { APP_USER, person, startHarness, type Harness } from './support/harness.js';
import { issueCommentPayload } from './support/payloads.js';

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await FakeGitHub.start();
});
afterAll(async () => {
  await fake.close();
});

/** churn v1.3.0 then v1.4.0 in production; an open issue to comment on. */
async function productionHistory(): Promise<{ h: Harness; issue: number }> {
  const h = await startHarness(fake);
  await h.register('v1.3.0');
  await h.register('v1.4.0');
  const client = createGitHubClient({ baseUrl: fake.url, token: 'test', retries: 0 });
  const registry = new Registry({ backend: new GitHubBackend({ client, owner: h.repo.owner, repo: h.repo.name }), now: () => Math.floor(Date.parse(fake.currentTime()) / 1000) });
  await registry.assign({ model: 'churn', stage: 'production', version: 'v1.3.0' });
  fake.advance(5_000);
  await registry.assign({ model: 'churn', stage: 'production', version: 'v1.4.0' });
  fake.advance(5_000);
  const number = h.repo.issues.length + 1;
  const time = h.repo.now();
  h.repo.issues.push({ number, title: 'churn is drifting', body: '', state: 'open', state_reason: null, labels: [], assignees: [], user: person('gina'), created_at: time, updated_at: time, closed_at: null });
  return { h, issue: number };
}

function reply(h: Harness, issue: number): string {
  return h.repo.comments.filter((comment) => comment.issue_number === issue && comment.user.login === APP_USER.login).map((comment) => comment.body).join('\n');
}

describe('/rollback', () => {
  it('assigns the previous holder again, with who and where in the tag, and a deployment', async () => {
    const { h, issue } = await productionHistory();
    const comment = h.comment(issue, 'alice', '/rollback churn');
    const payload = issueCommentPayload(fake, h.repo, 'created', comment);
    await h.deliver('issue_comment', payload, 'rollback-1');
    const tags = h.stageTags();
    expect(tags).toEqual(['churn#production#1', 'churn#production#2', 'churn#production#3']);
    const tag = [...h.repo.tagObjects.values()].find((candidate) => candidate.tag === 'churn#production#3')!;
    expect(tag.message).toBe(
      'Assigning stage production to artifact churn version v1.3.0\n\n' +
        'Tollgate-Approved-By: alice\nTollgate-Rollback-From: v1.4.0\n' +
        `Tollgate-Requested-By: alice\nTollgate-Source: ${fake.url}/${h.repo.fullName}/issues/${issue}#issuecomment-${comment.id}\n`,
    );
    expect(h.repo.deployments).toHaveLength(1);
    expect(h.repo.deployments[0]).toMatchObject({ environment: 'production', payload: { tag: 'churn#production#3', version: 'v1.3.0' } });
    expect(reply(h, issue)).toContain('Rolled `churn` `production` back from `v1.4.0` to `v1.3.0`: tag `churn#production#3`');
    expect(h.repo.reactions.filter((reaction) => reaction.subjectId === comment.id).map((reaction) => reaction.content)).toEqual(['eyes', 'rocket']);

    // The same delivery again rolls nothing further back.
    await h.deliver('issue_comment', payload, 'rollback-1');
    expect(h.stageTags()).toHaveLength(3);
    expect(h.repo.deployments).toHaveLength(1);
    expect(reply(h, issue)).toContain('(this comment was already acted on)');
  });

  it('refuses people who may not approve the stage', async () => {
    const { h, issue } = await productionHistory();
    await h.say(issue, 'rita', '/rollback churn production');
    await h.say(issue, 'dana', '/rollback churn production');
    await h.say(issue, 'renovate[bot]', '/rollback churn production', { type: 'Bot' });
    const text = reply(h, issue);
    expect(text).toContain('rita: has read access; write, maintain or admin is needed');
    expect(text).toContain('dana: not an approver for production');
    expect(text).toContain('renovate\\[bot\\]: bot accounts never count');
    expect(h.stageTags()).toHaveLength(2);
  });

  it('lets an approving team member roll back to a named version, and says when there is nothing to roll back', async () => {
    const { h, issue } = await productionHistory();
    await h.say(issue, 'frank', '/rollback churn production to v1.3.0');
    expect(h.stageTags()).toHaveLength(3);
    await h.say(issue, 'alice', '/rollback churn staging');
    expect(reply(h, issue)).toContain('no version of churn holds &#39;staging&#39;; nothing to roll back');
  });

  it('refreshes an open promotion to the stage for its new holder: approvals start over', async () => {
    const { h, issue } = await productionHistory();
    await h.register('v1.5.0');
    const client = createGitHubClient({ baseUrl: fake.url, token: 'test', retries: 0 });
    const registry = new Registry({ backend: new GitHubBackend({ client, owner: h.repo.owner, repo: h.repo.name }), now: () => Math.floor(Date.parse(fake.currentTime()) / 1000) });
    await registry.assign({ model: 'churn', stage: 'staging', version: 'v1.5.0' });
    await h.say(issue, 'gina', '/promote churn@v1.5.0 to production');
    const pr = h.repo.issues.find((candidate) => candidate.pull && candidate.user.login === APP_USER.login)!;
    expect(readPromotionMarker(pr.body)?.holder).toBe('v1.4.0');
    await h.say(pr.number, 'alice', '/approve');
    expect(h.status(pr.number)).toContain('**Approvals:** 1 of 2');

    await h.say(issue, 'bob', '/rollback churn production');
    expect(reply(h, issue)).toContain(`Refreshed #${pr.number} for the new holder.`);
    expect(readPromotionMarker(h.pull(pr.number).body)).toMatchObject({ holder: 'v1.3.0', requestedBy: 'gina' });
    const candidateFile = h.repo.commitFiles(h.pull(pr.number).pull!.head_sha).get('.tollgate/promotions/churn@production.json')!;
    expect(JSON.parse(candidateFile.content.toString()).holder).toBe('v1.3.0');
    expect(h.status(pr.number)).toContain('**Approvals:** 0 of 2');
    expect(h.status(pr.number)).toContain('made before the latest push; approve again');
  });
});
