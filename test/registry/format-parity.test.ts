// The same registry write through the git CLI and through the GitHub API
// produces the same tag object, byte for byte (hence the same object id).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createGitHubClient } from '../../shared/github/client.js';
import { GitBackend, GitHubBackend, Registry } from '../../shared/registry/index.js';
import { FakeGitHub } from '../support/fake-github.js';
import { makeRepo, type TempRepo } from './support/git-repo.js';

let fake: FakeGitHub;
let local: TempRepo;
beforeAll(async () => {
  fake = await FakeGitHub.start();
  local = makeRepo();
});
afterAll(async () => {
  await fake.close();
  local.cleanup();
});

it('writes identical tag objects with both backends', async () => {
  const commit = local.git(['rev-parse', 'HEAD']);
  const remote = fake.repo('acme/parity');
  remote.commits.set(commit, { sha: commit, message: 'initial', parents: [], date: '2024-01-01T00:00:00Z' });
  const tagger = { name: 'Tollgate Bot', email: 'bot@example.com' };
  const options = { now: () => 1_700_000_000, tagger };
  const viaGit = new Registry({ backend: new GitBackend({ cwd: local.dir }), ...options });
  const viaApi = new Registry({
    backend: new GitHubBackend({ client: createGitHubClient({ baseUrl: fake.url, retries: 0 }), owner: 'acme', repo: 'parity' }),
    ...options,
  });
  const metadata = { runUrl: 'https://github.com/acme/parity/actions/runs/7', pullRequest: 3, approvers: ['alice'] };
  for (const registry of [viaGit, viaApi]) {
    await registry.register({ model: 'models/churn:churn', version: 'v1.0.0-rc.1+b7', ref: commit, metadata });
    await registry.assign({ model: 'models/churn:churn', stage: 'production', metadata });
  }
  for (const name of ['models/churn=churn@v1.0.0-rc.1+b7', 'models/churn=churn#production#1']) {
    const gitObject = `${local.git(['cat-file', 'tag', name])}\n`;
    const apiObject = remote.tagObjects.get(remote.refs.get(`refs/tags/${name}`)!)!;
    expect(apiObject.raw).toBe(gitObject);
    expect(apiObject.sha).toBe(local.git(['rev-parse', name]));
  }
  expect(`${local.git(['cat-file', 'tag', 'models/churn=churn#production#1'])}\n`).toBe(
    `object ${commit}\ntype commit\ntag models/churn=churn#production#1\ntagger Tollgate Bot <bot@example.com> 1700000001 +0000\n\n` +
      'Assigning stage production to artifact models/churn:churn version v1.0.0-rc.1+b7\n\n' +
      'Tollgate-Run: https://github.com/acme/parity/actions/runs/7\nTollgate-PR: 3\nTollgate-Approved-By: alice\n',
  );
});
