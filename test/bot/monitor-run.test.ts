import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROMOTION_COMMANDS } from '../../bot/commands/index.js';
import { driftRunHandler } from '../../bot/handlers/drift-run.js';
import { INCIDENT_COMMAND_HANDLERS } from '../../bot/handlers/incident-commands.js';
import { PROMOTION_HANDLERS } from '../../bot/handlers/index.js';
import { readIncidentState, type IncidentSignal } from '../../shared/incidents/index.js';
import { GitHubBackend, Registry } from '../../shared/registry/index.js';
import { reportWith } from '../incidents/fixtures.js';
import { FakeGitHub, type FakeIssue, type FakeWorkflowRun } from '../support/fake-github.js';
import { addDriftRun, workflowRunPayload, type ArtifactContent, type MonitorReportFixture } from './support/drift.js';
import { startHarness, type Harness } from './support/harness.js';

const DAY = 86_400_000;

const CONFIG = `models:
  churn:
    stages: [staging, production]
    owners: [alice]
    training_workflow: train.yml
incidents:
  workflows: [monitor.yml]
`;

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await FakeGitHub.start();
});
afterAll(async () => {
  await fake.close();
});

async function setup(config = CONFIG): Promise<Harness> {
  const h = await startHarness(fake, { config, app: { handlers: [...PROMOTION_HANDLERS, driftRunHandler], commands: [...PROMOTION_COMMANDS, ...INCIDENT_COMMAND_HANDLERS] } });
  h.repo.setFile('.github/workflows/monitor.yml', 'on: {schedule: [{cron: "0 6 * * *"}]}\n');
  h.repo.setFile('.github/workflows/train.yml', 'on: {workflow_dispatch: {inputs: {tollgate_issue: {type: string}}}}\n');
  h.repo.addCommit('workflows');
  h.repo.workflowInputs.set('train.yml', ['tollgate_issue']);
  await h.register('v1.4.0');
  const now = () => Math.floor(Date.parse(fake.currentTime()) / 1000);
  await new Registry({ backend: new GitHubBackend({ client: h.client, owner: h.repo.owner, repo: h.repo.name }), now }).assign({ model: 'churn', stage: 'production', version: 'v1.4.0', force: true });
  return h;
}

async function deliverRun(h: Harness, content: ArtifactContent, days = 1): Promise<FakeWorkflowRun> {
  fake.advance(days * DAY);
  const run = addDriftRun(h.repo, content, { path: '.github/workflows/monitor.yml' });
  await h.deliver('workflow_run', workflowRunPayload(fake, h.repo, run));
  return run;
}

const signal = (name: IncidentSignal['signal'], level: IncidentSignal['level'], reasons: string[] = []): IncidentSignal => ({ signal: name, level, summary: `${name} is ${level}`, reasons });

/** A monitor report: the drift fields of `reportWith(features)` plus signals. */
function monitorReport(features: number, signals: IncidentSignal[]): MonitorReportFixture {
  return { ...reportWith(features), schema: 'tollgate.monitor/v1', signals };
}

const failing = (): ArtifactContent => ({
  report: monitorReport(2, [
    signal('drift', 'alert', ['2 of 20 features drifted at alert level']),
    signal('latency', 'warn', ['p95 412 ms is above the 300 ms SLO']),
    signal('performance', 'insufficient'),
    signal('volume', 'none'),
  ]),
});
const driftIssues = (h: Harness): FakeIssue[] => h.repo.issues.filter((issue) => !issue.pull && issue.labels.includes('tollgate:drift'));

describe('monitor reports in the drift-issue lifecycle', () => {
  it('opens the issue from monitor-report artifacts and lists each failing signal with its level and reason', async () => {
    const h = await setup();
    await deliverRun(h, failing());
    expect(driftIssues(h)).toHaveLength(0);
    await deliverRun(h, failing());
    const issues = driftIssues(h);
    expect(issues).toHaveLength(1);
    const body = issues[0].body!;
    expect(issues[0]).toMatchObject({ title: 'Drift: churn in production (monitor)', labels: ['tollgate:drift', 'model:churn', 'severity:alert'] });
    expect(body).toContain('2 of 20 features drifted at alert level in churn@v1.4.0, production');
    expect(body).toContain('**Failing signals**');
    expect(body).toContain('- 🔴 **drift** (alert): 2 of 20 features drifted at alert level');
    expect(body).toContain('- 🟡 **latency** (warn): p95 412 ms is above the 300 ms SLO');
    // Only failing signals get a line.
    expect(body).not.toContain('**performance**');
    expect(body).not.toContain('**volume**');
  });

  it('a monitor report with a bad signal is refused on the tollgate/drift check run', async () => {
    const h = await setup();
    const bad = { report: { ...monitorReport(2, []), signals: [{ signal: 'mood', level: 'alert' }] } } as unknown as ArtifactContent;
    await deliverRun(h, bad);
    expect(driftIssues(h)).toHaveLength(0);
    const checks = h.repo.checkRuns.filter((run) => run.name === 'tollgate/drift');
    expect(checks).toHaveLength(1);
    expect(checks[0].output.summary).toContain('monitor-report.json in artifact');
    expect(checks[0].output.summary).toContain('tollgate.monitor/v1: signals.0.signal');
  });
});

describe('retraining triggers (monitor.retrain)', () => {
  const RETRAIN = `${CONFIG}monitor:\n  retrain: {on: alert, signals: [drift, performance], cooldown: 7d}\n`;
  const retrainComments = (h: Harness, number: number) => h.repo.comments.filter((comment) => comment.issue_number === number && comment.body.includes('Retraining started'));

  it('an alert dispatches training once, records it in the issue and links it; the next alert within the cooldown does not', async () => {
    const h = await setup(RETRAIN);
    await deliverRun(h, failing());
    // No issue yet, so nowhere to hold the cooldown: nothing dispatched.
    expect(h.repo.dispatches).toEqual([]);
    const second = await deliverRun(h, failing());
    const [issue] = driftIssues(h);
    expect(h.repo.dispatches).toEqual([{ workflow: 'train.yml', ref: 'main', inputs: { tollgate_issue: String(issue.number) } }]);
    const read = readIncidentState(issue.body);
    const retrained = read.found ? read.state.retrained : null;
    expect(retrained).toEqual({ at: expect.any(String), run: second.id, workflow: 'train.yml' });
    // The fake's clock ticks with each request: the dispatch is within the delivery's minute.
    expect(Math.abs(Date.parse(retrained!.at) - Date.parse(fake.currentTime()))).toBeLessThan(60_000);
    const comments = retrainComments(h, issue.number);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain(`[train.yml](${fake.url}/${h.repo.fullName}/actions/workflows/train.yml) on \`main\``);
    expect(comments[0].body).toContain(`because drift (alert) in [run #${second.id}](${fake.url}/${h.repo.fullName}/actions/runs/${second.id})`);

    // The same delivery again: no second dispatch.
    await h.deliver('workflow_run', workflowRunPayload(fake, h.repo, second));
    // A day later, still alert: within the 7d cooldown.
    await deliverRun(h, failing());
    expect(h.repo.dispatches).toHaveLength(1);
    expect(retrainComments(h, issue.number)).toHaveLength(1);

    // After the cooldown: dispatched again.
    await deliverRun(h, failing(), 7);
    expect(h.repo.dispatches).toHaveLength(2);
    expect(retrainComments(h, issue.number)).toHaveLength(2);
  });

  it('signals not listed in retrain.signals, and configs without retrain:, never dispatch', async () => {
    const latencyOnly = (): ArtifactContent => ({ report: { ...monitorReport(0, [signal('latency', 'alert', ['p95 doubled'])]), level: 'alert' } });
    const h = await setup(RETRAIN);
    for (let index = 0; index < 3; index += 1) await deliverRun(h, latencyOnly());
    expect(driftIssues(h)).toHaveLength(1);
    expect(h.repo.dispatches).toEqual([]);
    const plain = await setup();
    for (let index = 0; index < 3; index += 1) await deliverRun(plain, failing());
    expect(driftIssues(plain)).toHaveLength(1);
    expect(plain.repo.dispatches).toEqual([]);
  });
});
