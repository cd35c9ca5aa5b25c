/**
 * Separation of duties for versions trained without a pull request: the
 * registration's `Tollgate-Run` names the training run, whose `actor` and
 * `triggering_actor` trained it and may not approve its promotion.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOfUrl } from '../../bot/github/candidate-actors.js';
import { GitHubBackend, jsonAsset, publishRelease, Registry } from '../../shared/registry/index.js';
import { FakeGitHub, type FakeUser } from '../support/fake-github.js';
import { APP_USER, EVALUATION, person, startHarness, type Harness } from './support/harness.js';
import { createTagPayload } from './support/payloads.js';

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await FakeGitHub.start();
});
afterAll(async () => {
  await fake.close();
});

const CONFIG = `models:
  churn:
    stages: [staging, production]
    promotion:
      staging:
        approvers: [alice, ivan, kim]
        required: 1
        require_checks: []
`;

function refusedRow(h: Harness, number: number, login: string): string | undefined {
  return h.status(number).split('\n').find((line) => line.startsWith(`| [${login}](`));
}

/** Registers `churn@<version>` from a `workflow_dispatch` run (no pull request) and delivers its `create`; returns the promotion pull request. */
async function trainedByDispatch(h: Harness, version: string, actor: FakeUser, triggeringActor: FakeUser) {
  const commit = h.repo.addCommit(`train churn ${version}`);
  const time = h.repo.now();
  const id = h.repo.nextId();
  h.repo.workflowRuns.push({
    id,
    name: 'train',
    workflow_id: 1,
    path: '.github/workflows/train.yml',
    head_branch: 'main',
    head_sha: commit,
    event: 'workflow_dispatch',
    status: 'completed',
    conclusion: 'success',
    run_attempt: 2,
    created_at: time,
    updated_at: time,
    actor,
    triggering_actor: triggeringActor,
  });
  const runUrl = `https://github.com/${h.repo.fullName}/actions/runs/${id}/attempts/2`;
  const now = () => Math.floor(Date.parse(fake.currentTime()) / 1000);
  const registry = new Registry({ backend: new GitHubBackend({ client: h.client, owner: h.repo.owner, repo: h.repo.name }), now });
  const result = await registry.register({ model: 'churn', version, ref: commit, metadata: { runUrl } });
  await publishRelease(h.client, h.repo.owner, h.repo.name, {
    tag: result.event.tag,
    title: `churn ${version}`,
    body: `# churn ${version}\n`,
    prerelease: false,
    assets: [jsonAsset('evaluation.json', EVALUATION), jsonAsset('lineage.json', { git: { commit }, run_url: runUrl, data: [] })],
  });
  const before = h.repo.issues.length;
  await h.deliver('create', createTagPayload(h.repo, result.event.tag, person('github-actions[bot]', 'Bot')));
  const pr = h.repo.issues.slice(before).find((issue) => issue.pull && issue.user.login === APP_USER.login);
  if (!pr) throw new Error('no promotion pull request');
  return pr;
}

describe('the training run’s people', () => {
  it('reads run URLs, attempts included', () => {
    expect(runOfUrl('https://github.com/acme/churn/actions/runs/123')).toEqual({ owner: 'acme', repo: 'churn', id: 123 });
    expect(runOfUrl('https://ghe.example.com/acme/churn/actions/runs/9/attempts/2')).toEqual({ owner: 'acme', repo: 'churn', id: 9 });
    expect(runOfUrl('https://github.com/acme/churn/pull/4')).toBeNull();
    expect(runOfUrl(undefined)).toBeNull();
  });

  it('refuses the actor and the triggering actor of the training run', async () => {
    const h = await startHarness(fake, { config: CONFIG });
    for (const login of ['ivan', 'kim']) h.repo.collaborators.set(login, 'write');
    const pr = await trainedByDispatch(h, 'v1.4.0', person('ivan'), person('kim'));
    await h.say(pr.number, 'kim', '/approve');
    await h.say(pr.number, 'ivan', '/approve');
    expect(refusedRow(h, pr.number, 'kim')).toContain('trained the candidate version');
    expect(refusedRow(h, pr.number, 'ivan')).toMatch(/(trained|registered) the candidate version/);
    expect(h.status(pr.number)).toContain('**Approvals:** 0 of 1');
    // Someone else may.
    await h.say(pr.number, 'alice', '/approve');
    expect(h.status(pr.number)).toContain('**Approvals:** 1 of 1: alice');
  });

  it('ignores a bot that ran the workflow', async () => {
    const h = await startHarness(fake, { config: CONFIG });
    h.repo.collaborators.set('ivan', 'write');
    const pr = await trainedByDispatch(h, 'v1.5.0', person('github-actions[bot]', 'Bot'), person('ivan'));
    await h.say(pr.number, 'ivan', '/approve');
    expect(refusedRow(h, pr.number, 'ivan')).toContain('trained the candidate version');
  });
});
