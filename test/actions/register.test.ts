// The bundled register action, spawned as a runner would, against the fake GitHub API
// (API backend) and against a real checkout with a bare remote (git backend).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHub, type FakeRepo } from '../support/fake-github.js';
import { makeRepo, type TempRepo } from '../registry/support/git-repo.js';
import { tableCell } from '../../shared/report/index.js';
import { runBundle } from './registry-action-runner.js';

const ACTION = join(import.meta.dirname, '..', '..', 'actions', 'register');
let fake: FakeGitHub;
let workspace: string;
const cleanup: TempRepo[] = [];

beforeAll(async () => {
  fake = await FakeGitHub.start({ requireAuth: true });
  workspace = mkdtempSync(join(tmpdir(), 'tollgate-register-'));
  mkdirSync(join(workspace, '.github'));
  writeFileSync(join(workspace, '.github', 'tollgate.yml'), 'models:\n  churn:\n    stages: [staging, production]\n    owners: [alice]\n    card:\n      intended_use: Rank accounts by churn risk.\n      limitations: EU accounts only.\n');
  writeFileSync(join(workspace, 'metrics.json'), JSON.stringify({ auc: 0.91, f1: 0.7 }));
  writeFileSync(join(workspace, 'lineage.json'), JSON.stringify({ schema: 'tollgate.lineage/v1', git: { commit: 'c'.repeat(40) }, key: 'k'.repeat(64), data: [{ path: 'data/train.csv', sha256: 'd'.repeat(64), rows: 500 }] }));
  writeFileSync(join(workspace, 'profile.json'), JSON.stringify({ rows: 500, columns: [{ name: 'age', type: 'number', nulls: 0 }] }));
  writeFileSync(join(workspace, 'evaluation.json'), JSON.stringify({ decision: 'promote', mode: 'champion', comparison: [{ metric: 'auc', challenger: 0.91, champion: 0.9, delta: 0.01, pass: true }] }));
  writeFileSync(join(workspace, 'model.pkl'), Buffer.from([1, 2, 3, 4]));
});
afterAll(async () => {
  await fake.close();
  rmSync(workspace, { recursive: true, force: true });
  cleanup.forEach((repo) => repo.cleanup());
});

const FILES = { metrics: 'metrics.json', lineage: 'lineage.json', profile: 'profile.json', evaluation: 'evaluation.json', 'model-file': 'model.pkl' };

function apiRun(repo: FakeRepo, sha: string, inputs: Record<string, string>, event?: { name: string; payload: object }) {
  return runBundle(ACTION, inputs, {
    workspace,
    token: 'ghs_test',
    apiUrl: fake.url,
    repository: repo.fullName,
    sha,
    eventName: event?.name,
    event: event?.payload,
  });
}

describe('register action (bundle, GitHub API backend)', () => {
  it('writes the tag and a complete release, not marked latest', async () => {
    const repo = fake.repo('acme/register-1');
    const sha = repo.addCommit('merge');
    const run = await apiRun(repo, sha, { model: 'churn', version: 'v1.4.0', ...FILES }, { name: 'pull_request', payload: { pull_request: { number: 17 } } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs).toEqual({
      tag: 'churn@v1.4.0',
      version: 'v1.4.0',
      commit: sha,
      created: 'true',
      'release-url': `${fake.url}/acme/register-1/releases/tag/churn%40v1.4.0`,
    });
    const tag = repo.tagObjects.get(repo.refs.get('refs/tags/churn@v1.4.0')!)!;
    expect(tag.object.sha).toBe(sha);
    expect(tag.tagger).toMatchObject({ name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' });
    expect(tag.message).toMatch(
      new RegExp(
        '^Registering artifact churn version v1\\.4\\.0\\n\\n' +
          'Tollgate-Run: https://github\\.example/acme/register-1/actions/runs/4242\\n' +
          'Tollgate-PR: 17\\n' +
          `Tollgate-Commit: ${'c'.repeat(40)}\\n` +
          `Tollgate-Data: sha256:${'d'.repeat(64)}\\n` +
          'Tollgate-Metrics: sha256:[0-9a-f]{64}\\n$',
      ),
    );
    expect(repo.releases).toHaveLength(1);
    expect(repo.releases[0]).toMatchObject({ tag_name: 'churn@v1.4.0', name: 'churn v1.4.0', make_latest: 'false', prerelease: false, draft: false });
    const body = repo.releases[0].body!;
    expect(body).toContain('## Intended use\n\nRank accounts by churn risk.');
    expect(body).toContain('## Limitations\n\nEU accounts only.');
    expect(body).toContain(`| auc | ${tableCell('0.91')} |`);
    expect(body).toContain('Decision: **promote**');
    expect(body).toContain(`| ${tableCell('data data/train.csv')} |`);
    expect(repo.assets.map((asset) => asset.name)).toEqual(['model-card.md', 'metrics.json', 'lineage.json', 'profile.json', 'evaluation.json', 'model.pkl']);
    expect(repo.assets.find((asset) => asset.name === 'model-card.md')!.data.toString()).toBe(body);
    expect([...repo.assets.find((asset) => asset.name === 'model.pkl')!.data]).toEqual([1, 2, 3, 4]);
    expect(run.summary).toContain('### Tollgate register: `churn@v1.4.0`');
    expect(run.summary).toContain('| status | registered |');
  });

  it('profiles training-data into the drift baseline attached as profile.json', async () => {
    const repo = fake.repo('acme/register-baseline');
    const sha = repo.addCommit('merge');
    const csv = ['x,plan', ...Array.from({ length: 200 }, (_, index) => `${index % 37},${['a', 'b', 'c'][index % 3]}`)].join('\n');
    writeFileSync(join(workspace, 'train.csv'), `${csv}\n`);
    const run = await apiRun(repo, sha, { model: 'churn', version: 'v2.0.0', 'training-data': 'train.csv' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const profile = JSON.parse(repo.assets.find((asset) => asset.name === 'profile.json')!.data.toString());
    expect(profile.schema).toBe('tollgate.profile/v1');
    expect(profile.rows).toBe(200);
    const x = profile.columns.find((column: { name: string }) => column.name === 'x');
    // The baseline's frozen bins carry exact counts over every row.
    expect(x.bins.counts.reduce((sum: number, count: number) => sum + count, 0)).toBe(200);

    const both = await apiRun(repo, sha, { model: 'churn', version: 'v2.0.1', profile: 'profile.json', 'training-data': 'train.csv' });
    expect(both.code).toBe(1);
    expect(both.stdout).toContain("give either 'profile' or 'training-data', not both");
  });

  it('is a no-op on re-run and resumes an unfinished release', async () => {
    const repo = fake.repo('acme/register-2');
    const sha = repo.addCommit('merge');
    fake.failNext('POST', '/uploads/repos/:owner/:repo/releases/:id/assets', 502, 'Bad gateway');
    const failed = await apiRun(repo, sha, { model: 'churn', bump: 'minor', ...FILES });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/::error::uploading model-card\.md to the release for churn@v0\.1\.0 \(run again to resume\)/);
    expect(repo.refs.has('refs/tags/churn@v0.1.0')).toBe(true);
    expect(repo.assets).toHaveLength(0);

    const resumed = await apiRun(repo, sha, { model: 'churn', bump: 'minor', ...FILES });
    expect(resumed.code).toBe(0);
    expect(resumed.outputs).toMatchObject({ tag: 'churn@v0.1.0', created: 'false' });
    expect(repo.assets).toHaveLength(6);
    expect(resumed.summary).toContain(`| status | ${tableCell('already registered (nothing written)')} |`);

    fake.clearRequests();
    const again = await apiRun(repo, sha, { model: 'churn', bump: 'minor', ...FILES });
    expect(again.outputs.created).toBe('false');
    expect(fake.count((request) => request.method !== 'GET' && request.operation === undefined)).toBe(0);
    expect([...repo.refs.keys()].filter((ref) => ref.startsWith('refs/tags/'))).toEqual(['refs/tags/churn@v0.1.0']);
  });

  it('marks SemVer pre-releases and points at a model file too large to attach', async () => {
    const repo = fake.repo('acme/register-3');
    const sha = repo.addCommit('merge');
    const run = await apiRun(repo, sha, { model: 'churn', version: 'v2.0.0-rc.1', 'model-file': 'model.pkl', 'max-model-size': '0.000001', 'model-uri': 's3://models/churn.pkl' });
    expect(run.code).toBe(0);
    expect(repo.releases[0].prerelease).toBe(true);
    expect(repo.assets.map((asset) => asset.name)).toEqual(['model-card.md', 'model-pointer.json']);
    expect(JSON.parse(repo.assets[1].data.toString())).toMatchObject({ file: 'model.pkl', bytes: 4, uri: 's3://models/churn.pkl' });
  });

  it('fails clearly on bad inputs and conflicting registrations', async () => {
    const repo = fake.repo('acme/register-4');
    const sha = repo.addCommit('one');
    const missing = await apiRun(repo, sha, { model: '' });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain("::error::input 'model' is required");
    const badBump = await apiRun(repo, sha, { model: 'churn', bump: 'huge' });
    expect(badBump.stdout).toContain("::error::input 'bump' must be one of major, minor, patch; got 'huge'");
    expect((await apiRun(repo, sha, { model: 'churn', version: 'v1.0.0', release: 'false' })).code).toBe(0);
    const other = repo.addCommit('two');
    const taken = await apiRun(repo, other, { model: 'churn', version: 'v1.0.0', release: 'false' });
    expect(taken.code).toBe(1);
    expect(taken.stdout).toMatch(/::error::churn v1\.0\.0 is already registered at commit [0-9a-f]{12}, not [0-9a-f]{12}/);
  });
});

describe('register action (bundle, git backend)', () => {
  it('tags the checkout and pushes only the new tag', async () => {
    const remote = makeRepo({ bare: true });
    const checkout = makeRepo();
    cleanup.push(remote, checkout);
    checkout.git(['remote', 'add', 'origin', remote.dir]);
    checkout.git(['push', '--quiet', 'origin', 'HEAD:main']);
    checkout.git(['tag', 'local-only']);
    const sha = checkout.git(['rev-parse', 'HEAD']);
    const run = await runBundle(ACTION, { model: 'churn', version: 'v1.0.0', backend: 'git', 'github-token': '' }, { workspace: checkout.dir, sha });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ tag: 'churn@v1.0.0', commit: sha, created: 'true', 'release-url': '' });
    expect(run.stdout).toContain('::warning::No release published');
    expect(remote.git(['tag', '--list'])).toBe('churn@v1.0.0');
    expect(remote.git(['cat-file', 'tag', 'churn@v1.0.0'])).toMatch(/^tagger github-actions\[bot\] <41898282\+github-actions\[bot\]@users\.noreply\.github\.com> \d+ \+0000$/m);
  });
});
