// The bundled resolve action, spawned as a runner would, against the fake GitHub API
// (two requests, whatever the number of tags) and against a real checkout.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../shared/github/client.js';
import { GitBackend, GitHubBackend, Registry } from '../../shared/registry/index.js';
import { FakeGitHub, type FakeRepo } from '../support/fake-github.js';
import { makeRepo, type TempRepo } from '../registry/support/git-repo.js';
import { runBundle } from './registry-action-runner.js';

const ACTION = join(import.meta.dirname, '..', '..', 'actions', 'resolve');
let fake: FakeGitHub;
let repo: FakeRepo;
let workspace: string;
const commits: string[] = [];
const cleanup: TempRepo[] = [];

beforeAll(async () => {
  fake = await FakeGitHub.start({ requireAuth: true });
  repo = fake.repo('acme/resolve');
  workspace = mkdtempSync(join(tmpdir(), 'tollgate-resolve-'));
  const registry = new Registry({ backend: new GitHubBackend({ client: createGitHubClient({ baseUrl: fake.url, token: 't', retries: 0 }), owner: 'acme', repo: 'resolve' }) });
  for (const version of ['v1.0.0', 'v1.1.0', 'v2.0.0-rc.1']) {
    commits.push(repo.addCommit(version));
    await registry.register({ model: 'churn', version, ref: commits.at(-1) });
  }
  await registry.assign({ model: 'churn', stage: 'production', version: 'v1.0.0' });
  await registry.assign({ model: 'churn', stage: 'production', version: 'v1.1.0' });
  await registry.assign({ model: 'churn', stage: 'live', version: 'v1.0.0' });
  // Noise: many tags of other models.
  for (let model = 0; model < 30; model += 1) {
    for (let version = 0; version < 10; version += 1) await registry.register({ model: `other-${model}`, version: `v0.${version}.0`, ref: repo.addCommit(`o${model}.${version}`) });
  }
});
afterAll(async () => {
  await fake.close();
  rmSync(workspace, { recursive: true, force: true });
  cleanup.forEach((entry) => entry.cleanup());
});

const run = (inputs: Record<string, string>, where = workspace) =>
  runBundle(ACTION, inputs, { workspace: where, token: 'ghs_test', apiUrl: fake.url, repository: 'acme/resolve', sha: commits[0] });

describe('resolve action (bundle, GitHub API backend)', () => {
  it('resolves the champion in two requests', async () => {
    fake.clearRequests();
    const result = await run({ model: 'churn' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.outputs).toEqual({
      found: 'true',
      version: 'v1.1.0',
      commit: commits[1],
      tag: 'churn@v1.1.0',
      stage: 'production',
      'release-url': 'https://github.example/acme/resolve/releases/tag/churn%40v1.1.0',
      'assets-url': 'https://github.example/acme/resolve/releases/download/churn%40v1.1.0/',
    });
    expect(fake.requests.map((request) => `${request.method} ${request.operation ?? request.path}`)).toEqual([
      'GET /repos/acme/resolve/git/matching-refs/tags%2Fchurn',
      'POST TollgateTagObjects',
    ]);
    expect(result.summary).toContain('churn in `production`: `v1.1.0`');
  });

  it('uses the configured champion stage, a named stage, or latest', async () => {
    const configured = mkdtempSync(join(tmpdir(), 'tollgate-resolve-config-'));
    mkdirSync(join(configured, '.github'));
    writeFileSync(join(configured, '.github', 'tollgate.yml'), 'models:\n  churn:\n    stages: [staging, live]\n');
    expect((await run({ model: 'churn' }, configured)).outputs).toMatchObject({ stage: 'live', version: 'v1.0.0' });
    expect((await run({ model: 'churn', stage: 'production' }, configured)).outputs).toMatchObject({ stage: 'production', version: 'v1.1.0' });
    expect((await run({ model: 'churn', stage: 'latest' })).outputs).toMatchObject({ stage: 'latest', version: 'v2.0.0-rc.1', commit: commits[2] });
    rmSync(configured, { recursive: true, force: true });
  });

  it('reports nothing found, and fails only when required', async () => {
    const missing = await run({ model: 'churn', stage: 'canary' });
    expect(missing.code).toBe(0);
    expect(missing.outputs).toEqual({ found: 'false', stage: 'canary' });
    expect(missing.stdout).toContain("::notice::no version of churn holds 'canary' (github backend)");
    const required = await run({ model: 'ghost', required: 'true' });
    expect(required.code).toBe(1);
    expect(required.stdout).toContain("::error::no version of ghost holds 'production' (github backend)");
    const badStage = await run({ model: 'churn', stage: 'bad stage' });
    expect(badStage.code).toBe(1);
    expect(badStage.stdout).toContain("::error::invalid stage name 'bad stage'");
  });

  it('says when the token cannot read the repository', async () => {
    const result = await runBundle(ACTION, { model: 'churn' }, { workspace, token: 'ghs_test', apiUrl: fake.url, repository: 'acme/missing' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/::error::listing the tags of churn in acme\/missing failed: Not Found \(repository acme\/missing not found, or the token cannot see it\)/);
  });
});

describe('resolve action (bundle, git backend)', () => {
  it('reads the checkout', async () => {
    const checkout = makeRepo();
    cleanup.push(checkout);
    const registry = new Registry({ backend: new GitBackend({ cwd: checkout.dir }) });
    await registry.register({ model: 'churn', version: 'v3.0.0', ref: 'HEAD' });
    await registry.assign({ model: 'churn', stage: 'production' });
    const result = await runBundle(ACTION, { model: 'churn', backend: 'git', 'github-token': '' }, { workspace: checkout.dir });
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ found: 'true', version: 'v3.0.0', commit: checkout.git(['rev-parse', 'HEAD']), tag: 'churn@v3.0.0', 'release-url': '' });
  });
});
