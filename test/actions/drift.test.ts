// The drift action run as a runner runs it: INPUT_* variables, real
// GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files and the real @actions/core, in
// process and as the committed bundle. Registry resolution goes to the local
// fake of the GitHub API.
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBaseline } from '../../shared/drift/index.js';
import { createGitHubClient } from '../../shared/github/client.js';
import { profileToJSON } from '../../shared/profile/index.js';
import { GitHubBackend, Registry, jsonAsset, publishRelease } from '../../shared/registry/index.js';
import { runActionInProcess, runBundledAction } from '../support/action-runner.js';
import { FakeGitHub } from '../support/fake-github.js';

const root = join(import.meta.dirname, '..', '..');
const train = join(root, 'examples/churn/data/train.csv');
const stable = join(root, 'examples/churn/data/current-stable.csv');
const shifted = join(root, 'examples/churn/data/current-shifted.csv');

let folder: string;
let fake: FakeGitHub;

async function runInProcess(inputs: Record<string, string>, extra: Record<string, string> = {}) {
  const { driftAction } = await import('../../actions/drift/src/drift-action.js');
  const withReport = { report: join(await mkdtemp(join(tmpdir(), 'tollgate-drift-report-')), 'drift-report.json'), ...inputs };
  const step = await runActionInProcess(() => driftAction(), withReport, { RUNNER_TEMP: folder, ...extra });
  const report = step.outputs.report ? JSON.parse(await readFile(step.outputs.report, 'utf8')) : undefined;
  return { ...step, report };
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'tollgate-action-drift-'));
  await writeFile(join(folder, 'no-ratio.yml'), 'drift:\n  thresholds:\n    row_ratio: false\n');
  fake = await FakeGitHub.start();
});

afterAll(async () => {
  await fake.close();
});

afterEach(() => {
  process.exitCode = undefined;
});

describe('drift action, in process with the real @actions/core', () => {
  it('passes stable data: outputs, report and a summary that leads with the verdict', async () => {
    const step = await runInProcess({ reference: train, current: stable, config: join(folder, 'no-ratio.yml') });
    expect(step.exitCode).toBe(0);
    expect(step.outputs).toMatchObject({ level: 'none', drifted: 'false', report: step.outputs.report });
    expect(step.report).toMatchObject({ schema: 'tollgate.drift/v1', level: 'none', reference: { kind: 'data', path: train }, current: { path: stable } });
    expect(step.summary.split('\n')[0]).toBe('### ✅ No drift: 0 of 10 columns drifted');
  });

  it('fails on drift at alert level with the table, what moved and a chart in the summary', async () => {
    const step = await runInProcess({ reference: train, current: shifted, 'segment-by': 'plan\nregion' });
    expect(step.exitCode).toBe(1);
    expect(step.outputs).toMatchObject({ level: 'alert', drifted: 'true' });
    expect(step.summary.split('\n')[0]).toBe('### 🔴 Drift alert: 2 of 10 columns drifted at alert level, 1 at warn');
    expect(step.summary).toContain('| monthly\\_spend | alert | ks |');
    expect(step.summary).toContain('```mermaid\nxychart-beta');
    expect(step.report.segments.length).toBeGreaterThan(0);
    expect(step.stdout).toContain('::error::Drift alert: 2 of 10 columns drifted at alert level, 1 at warn (fail-on: alert; see the job summary and');
  });

  it('honours fail-on: a warning fails the step at warn', async () => {
    const step = await runInProcess({ reference: train, current: stable, 'fail-on': 'warn' });
    expect(step.outputs.level).toBe('warn');
    expect(step.exitCode).toBe(1);
    const never = await runInProcess({ reference: train, current: shifted, 'fail-on': 'never' });
    expect(never.exitCode).toBe(0);
    const bad = await runInProcess({ reference: train, current: stable, 'fail-on': 'sometimes' });
    expect(bad.stdout).toContain("::error::input 'fail-on' must be one of warn, alert, never; got 'sometimes'");
  });

  it('says what is missing without a reference or a model', async () => {
    const step = await runInProcess({ current: stable });
    expect(step.exitCode).toBe(1);
    expect(step.stdout).toContain("::error::input 'reference' is required (add `reference:` under `with:`), or give `model` (and `stage`) to use the profile stored with that version");
  });

  it('resolves model + stage to the profile.json asset of the version in that stage', async () => {
    const repo = fake.repo('acme/churn');
    const commit = repo.addCommit('train');
    const client = createGitHubClient({ baseUrl: fake.url, token: 'test', retries: 0 });
    const registry = new Registry({ backend: new GitHubBackend({ client, owner: 'acme', repo: 'churn' }) });
    await registry.register({ model: 'churn', version: 'v1.0.0', ref: commit });
    await registry.assign({ model: 'churn', stage: 'production', version: 'v1.0.0' });
    const profile = JSON.parse(profileToJSON(await createBaseline(train)));
    await publishRelease(client, 'acme', 'churn', { tag: 'churn@v1.0.0', title: 'churn v1.0.0', body: 'card', prerelease: false, assets: [jsonAsset('profile.json', profile)] });

    const runner = { GITHUB_REPOSITORY: 'acme/churn', GITHUB_API_URL: fake.url };
    const step = await runInProcess({ model: 'churn', stage: 'production', current: shifted, 'github-token': 'test' }, runner);
    expect(step.exitCode).toBe(1);
    expect(step.report).toMatchObject({
      model: 'churn',
      stage: 'production',
      level: 'alert',
      reference: { kind: 'profile', path: 'churn@v1.0.0 (production) release asset profile.json', rows: 4000 },
    });
    expect(step.summary.split('\n')[0]).toBe('### 🔴 Drift alert: 2 of 10 columns drifted at alert level, 1 at warn — churn · production');

    const nobody = await runInProcess({ model: 'churn', stage: 'staging', current: shifted, 'github-token': 'test' }, runner);
    expect(nobody.exitCode).toBe(1);
    expect(nobody.stdout).toContain("::error::no version of churn holds 'staging': there is no reference to compare with (give one as 'reference')");
  });
});

describe('drift action and /accept', () => {
  it('writes the current profile for /accept, and an accepted baseline becomes the reference', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'tollgate-accept-'));
    const currentProfile = join(workspace, 'current-profile.json');
    // The shifted data drifts against the training profile...
    const first = await runInProcess({ reference: train, current: shifted, 'current-profile': currentProfile, 'fail-on': 'never' });
    expect(first.exitCode).toBe(0);
    expect(first.report.level).toBe('alert');
    expect(first.outputs['current-profile']).toBe(currentProfile);
    const written = JSON.parse(await readFile(currentProfile, 'utf8'));
    expect(written).toMatchObject({ schema: 'tollgate.profile/v1', rows: 1500 });

    // ...and once people accept it (the bot commits it to the baseline path), it is the reference: no registry call.
    await mkdir(join(workspace, '.tollgate', 'baselines', 'churn'), { recursive: true });
    await writeFile(join(workspace, '.tollgate', 'baselines', 'churn', 'production.profile.json'), JSON.stringify(written));
    const second = await runInProcess({ model: 'churn', stage: 'production', current: shifted }, { GITHUB_WORKSPACE: workspace, GITHUB_REPOSITORY: 'acme/nowhere', GITHUB_API_URL: 'http://127.0.0.1:9' });
    expect(second.exitCode).toBe(0);
    expect(second.report.level).toBe('none');
    expect(second.report.reference.path).toBe('the accepted baseline .tollgate/baselines/churn/production.profile.json');
  });
});

describe('drift action, the committed bundle spawned as a runner would', () => {
  it('runs dist/index.js and fails on the shifted example', async () => {
    const report = join(folder, 'bundle-report.json');
    const step = await runBundledAction(
      join(root, 'actions/drift/dist/index.js'),
      { reference: 'examples/churn/data/train.csv', current: 'examples/churn/data/current-shifted.csv', report },
      { cwd: root },
    );
    expect(step.exitCode).toBe(1);
    expect(step.outputs).toMatchObject({ level: 'alert', drifted: 'true', report });
    expect(step.summary.split('\n')[0]).toBe('### 🔴 Drift alert: 2 of 10 columns drifted at alert level, 1 at warn');
    expect(JSON.parse(await readFile(report, 'utf8')).columns).toHaveLength(10);
  });
});
