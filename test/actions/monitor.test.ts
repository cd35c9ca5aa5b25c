// The monitor action: in process with the real @actions/core, and the committed
// bundle spawned as a runner would, resolving the live version and its release
// assets through the fake GitHub API.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../shared/github/client.js';
import type { CanaryReport, MonitorReport } from '../../shared/monitor/index.js';
import { profileToJSON } from '../../shared/profile/index.js';
import { GitHubBackend, Registry, jsonAsset, publishRelease } from '../../shared/registry/index.js';
import { baselineOf, evaluationOf, labelsOf, makeLog, mixedLog, toCsv } from '../monitor/simulate.js';
import { runActionInProcess } from '../support/action-runner.js';
import { FakeGitHub } from '../support/fake-github.js';
import { runBundle, runnerInputs } from './registry-action-runner.js';

const ACTION = join(import.meta.dirname, '..', '..', 'actions', 'monitor');
let workspace: string;
let fake: FakeGitHub;
let profileText: string;
let evaluationText: string;

beforeAll(async () => {
  fake = await FakeGitHub.start({ requireAuth: true });
  workspace = mkdtempSync(join(tmpdir(), 'tollgate-monitor-action-'));
  const training = makeLog({ rows: 20_000, seed: 1, labels: true });
  profileText = profileToJSON(await baselineOf(training, ['score', 'tenure', 'plan']));
  evaluationText = JSON.stringify(evaluationOf(training));
  writeFileSync(join(workspace, 'profile.json'), profileText);
  writeFileSync(join(workspace, 'evaluation.json'), evaluationText);
  mkdirSync(join(workspace, '.github'));
  writeFileSync(join(workspace, '.github', 'tollgate.yml'), 'models:\n  churn:\n    stages: [staging, production]\nmonitor:\n  latency: {p95: 150}\n');
  writeFileSync(join(workspace, 'stable.csv'), toCsv(makeLog({ rows: 2000, seed: 7, version: () => 'v1.0.0' })));
  const worse = makeLog({ rows: 2000, seed: 8, labels: true, separation: 0.5 });
  writeFileSync(join(workspace, 'worse.csv'), toCsv(makeLog({ rows: 2000, seed: 8, separation: 0.5 })));
  writeFileSync(join(workspace, 'labels.csv'), `request_id,label\n${[...labelsOf(worse)].map(([id, label]) => `${id},${label}`).join('\n')}\n`);
  writeFileSync(join(workspace, 'canary.csv'), toCsv(mixedLog(8000, 4000, { errorRate: 0.02, canaryErrorRate: 0.04 })));
});
afterAll(async () => {
  await fake.close();
});

async function runInProcess(inputs: Record<string, string>) {
  const { monitorAction } = await import('../../actions/monitor/src/main.js');
  return runActionInProcess(() => monitorAction(), { path: workspace, ...inputs });
}

describe('monitor action, in process', () => {
  it('passes a healthy window and sets its outputs and summary', async () => {
    const step = await runInProcess({ logs: 'stable.csv', reference: 'profile.json', evaluation: 'evaluation.json' });
    expect(step.exitCode).toBe(0);
    expect(step.outputs).toEqual({ level: 'none', signals: '', version: '', report: join(workspace, 'monitor-report.json') });
    expect(step.summary.split('\n')[0]).toBe('### ✅ Healthy: 4 signals checked, none fired');
    const report = JSON.parse(readFileSync(join(workspace, 'monitor-report.json'), 'utf8')) as MonitorReport;
    expect(report.schema).toBe('tollgate.monitor/v1');
  });

  it('fails the step on an alert with one annotation per firing signal', async () => {
    const step = await runInProcess({ logs: 'worse.csv', labels: 'labels.csv', reference: 'profile.json', evaluation: 'evaluation.json', report: 'worse.json' });
    expect(step.exitCode).toBe(1);
    expect(step.outputs.level).toBe('alert');
    expect(step.outputs.signals.split(',')).toContain('performance');
    expect(step.stdout).toMatch(/::error title=performance%3A alert::roc_auc /);
    expect(step.stdout).toMatch(/::error::monitoring alert: .*performance/);
  });

  it('judges a canary and writes its evidence', async () => {
    const step = await runInProcess({ command: 'canary', logs: 'canary.csv', control: 'v1.4.0', canary: 'v1.5.0', evidence: 'evidence.json', model: 'churn', stage: 'production' });
    expect(step.exitCode).toBe(1);
    expect(step.outputs).toMatchObject({ verdict: 'rollback', version: 'v1.5.0', evidence: join(workspace, 'evidence.json') });
    expect(step.summary.split('\n')[0]).toBe('### ❌ Canary verdict: rollback — churn · production');
    const report = JSON.parse(readFileSync(join(workspace, 'canary-report.json'), 'utf8')) as CanaryReport;
    expect(report.verdict).toBe('rollback');
  });

  it('after-report: continues after the earlier window, and a file that is not a monitor report is an input error, not a crash', async () => {
    const first = await runInProcess({ logs: 'stable.csv', reference: 'profile.json', evaluation: 'evaluation.json', report: 'first.json' });
    expect(first.exitCode).toBe(0);
    const again = await runInProcess({ logs: 'stable.csv', reference: 'profile.json', evaluation: 'evaluation.json', report: 'again.json', 'after-report': 'first.json' });
    const firstReport = JSON.parse(readFileSync(join(workspace, 'first.json'), 'utf8')) as MonitorReport;
    const againReport = JSON.parse(readFileSync(join(workspace, 'again.json'), 'utf8')) as MonitorReport;
    expect(firstReport.window.rows).toBe(2000);
    // Every row of stable.csv is at or before the first window's last time: nothing new.
    expect(againReport.window.rows).toBe(0);
    expect(again.exitCode).toBe(0);

    writeFileSync(join(workspace, 'truncated.json'), '{"schema": "tollgate.monitor/v1", "window": {"la');
    const broken = await runInProcess({ logs: 'stable.csv', reference: 'profile.json', 'after-report': 'truncated.json' });
    expect(broken.exitCode).toBe(1);
    expect(broken.stdout).toMatch(/::error::truncated\.json: invalid JSON: /);
    expect(broken.stdout).not.toContain('internal error');
    writeFileSync(join(workspace, 'other.json'), '[1, 2]');
    const other = await runInProcess({ logs: 'stable.csv', reference: 'profile.json', 'after-report': 'other.json' });
    expect(other.stdout).toContain('::error::other.json: expected the JSON report of an earlier monitor run (its window.last is the time to continue after)');
  });

  it('rejects an unknown command', async () => {
    const step = await runInProcess({ command: 'watch' });
    expect(step.exitCode).toBe(1);
    expect(step.stdout).toContain("input 'command' must be one of monitor, shadow, canary; got 'watch'");
  });
});

describe('monitor action, the committed bundle spawned as a runner would', () => {
  it('resolves the version in production through the GitHub API and downloads its release assets', async () => {
    const repo = fake.repo('acme/monitor-1');
    const commit = repo.addCommit('model');
    const client = createGitHubClient({ baseUrl: fake.url, token: 'ghs_test', retries: 0 });
    const registry = new Registry({ backend: new GitHubBackend({ client, owner: 'acme', repo: 'monitor-1' }) });
    await registry.register({ model: 'churn', version: 'v1.0.0', ref: commit });
    await registry.assign({ model: 'churn', stage: 'production', version: 'v1.0.0' });
    await publishRelease(client, 'acme', 'monitor-1', {
      tag: 'churn@v1.0.0',
      title: 'churn v1.0.0',
      body: 'card',
      prerelease: false,
      assets: [jsonAsset('profile.json', JSON.parse(profileText)), jsonAsset('evaluation.json', JSON.parse(evaluationText))],
    });
    const inputs = runnerInputs(ACTION, { logs: 'stable.csv', model: 'churn', stage: 'production', report: 'live.json' }, 'ghs_test');
    const run = await runBundle(ACTION, inputs, { workspace, token: 'ghs_test', apiUrl: fake.url, repository: 'acme/monitor-1' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ level: 'none', version: 'v1.0.0', signals: '' });
    const report = JSON.parse(readFileSync(join(workspace, 'live.json'), 'utf8')) as MonitorReport;
    expect(report).toMatchObject({ model: 'churn', stage: 'production', version: 'v1.0.0' });
    expect(report.signals.find((signal) => signal.signal === 'prediction')?.level).toBe('none');
    expect(run.summary.split('\n')[0]).toBe('### ✅ Healthy: 4 signals checked, none fired — churn · production · v1.0.0');
  });
});
