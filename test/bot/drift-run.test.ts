import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROMOTION_COMMANDS } from '../../bot/commands/index.js';
import { driftRunHandler } from '../../bot/handlers/drift-run.js';
import { INCIDENT_COMMAND_HANDLERS } from '../../bot/handlers/incident-commands.js';
import { PROMOTION_HANDLERS } from '../../bot/handlers/index.js';
import { reconcileInstallations, reconcileRepository } from '../../bot/handlers/reconcile.js';
import { LastingCache } from '../../bot/lasting-cache.js';
import { createRuntime } from '../../bot/runtime.js';
import { botSettings } from '../../bot/settings.js';
import { readIncidentState } from '../../shared/incidents/index.js';
import { profileTable } from '../../shared/profile/index.js';
import { GitHubBackend, Registry } from '../../shared/registry/index.js';
import { column, driftReport, reportWith } from '../incidents/fixtures.js';
import { FakeGitHub, type FakeIssue, type FakeWorkflowRun } from '../support/fake-github.js';
import { addDriftRun, workflowRunPayload, type ArtifactContent } from './support/drift.js';
import { APP_USER, reconcilerDelivery, startHarness, type Harness } from './support/harness.js';

const DAY = 86_400_000;

const CONFIG = `models:
  churn:
    stages: [staging, production]
    owners: [alice, '@acme/ml']
    training_workflow: train.yml
incidents:
  workflows: [drift.yml]
`;

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

let fake: FakeGitHub;
let profile: unknown;
let dir: string;

beforeAll(async () => {
  fake = await FakeGitHub.start();
  dir = await mkdtemp(join(tmpdir(), 'tollgate-drift-bot-'));
  const csv = ['monthly_spend,plan', ...Array.from({ length: 60 }, (_, index) => `${index * 3.5},${index % 2 ? 'pro' : 'free'}`)].join('\n');
  await writeFile(join(dir, 'current.csv'), `${csv}\n`);
  profile = JSON.parse(JSON.stringify(await profileTable(join(dir, 'current.csv'))));
});
afterAll(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

/** A harness with the drift handlers, `churn@v1.4.0` in production, and the workflow files. */
async function setup(config = CONFIG): Promise<Harness> {
  const h = await startHarness(fake, { config, app: { handlers: [...PROMOTION_HANDLERS, driftRunHandler], commands: [...PROMOTION_COMMANDS, ...INCIDENT_COMMAND_HANDLERS] } });
  h.repo.setFile('.github/workflows/drift.yml', 'on: {schedule: [{cron: "0 6 * * *"}]}\n');
  h.repo.setFile('.github/workflows/train.yml', 'on: {workflow_dispatch: {inputs: {tollgate_issue: {type: string}}}}\n');
  h.repo.addCommit('workflows');
  h.repo.workflowInputs.set('train.yml', ['tollgate_issue']);
  await h.register('v1.4.0');
  const now = () => Math.floor(Date.parse(fake.currentTime()) / 1000);
  await new Registry({ backend: new GitHubBackend({ client: h.client, owner: h.repo.owner, repo: h.repo.name }), now }).assign({ model: 'churn', stage: 'production', version: 'v1.4.0', force: true });
  return h;
}

/** Advances the clock, adds a drift run with its artifact, and delivers `workflow_run.completed`. */
async function deliverRun(h: Harness, content: ArtifactContent, days = 1, options: Parameters<typeof addDriftRun>[2] = {}): Promise<FakeWorkflowRun> {
  fake.advance(days * DAY);
  const run = addDriftRun(h.repo, content, options);
  await h.deliver('workflow_run', workflowRunPayload(fake, h.repo, run));
  return run;
}

const alert = (features = 3): ArtifactContent => ({ report: reportWith(features), profile });
const clean = (): ArtifactContent => ({ report: reportWith(0) });
const driftIssues = (h: Harness): FakeIssue[] => h.repo.issues.filter((issue) => !issue.pull && issue.labels.includes('tollgate:drift'));
const botComments = (h: Harness, number: number) => h.repo.comments.filter((comment) => comment.issue_number === number && comment.user.login === APP_USER.login);
const stateOf = (issue: FakeIssue) => {
  const read = readIncidentState(issue.body);
  if (!read.found) throw new Error(`#${issue.number} has no readable history`);
  return read.state;
};
/** Check-run Markdown back to text: entities and backslash escapes undone. */
const plain = (markdown: string | null | undefined) =>
  (markdown ?? '').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\\(.)/g, '$1');
const driftChecks = (h: Harness) => h.repo.checkRuns.filter((run) => run.name === 'tollgate/drift');

describe('drift issues through workflow_run deliveries', () => {
  it('lives the whole lifecycle: opens on the second failure, comments once per change, closes, reopens, starts over', async () => {
    const h = await setup();

    // First failure: no issue yet.
    await deliverRun(h, alert());
    expect(driftIssues(h)).toHaveLength(0);

    // Second failure: opened, labelled, assigned to the model's owners (teams cannot be assigned).
    const second = await deliverRun(h, alert());
    expect(driftIssues(h)).toHaveLength(1);
    const issue = driftIssues(h)[0];
    expect(issue).toMatchObject({ title: 'Drift: churn in production', state: 'open', labels: ['tollgate:drift', 'model:churn', 'severity:alert'], assignees: ['alice'] });
    expect(issue.body).toContain('### 🔴 3 of 20 features drifted at alert level in churn@v1.4.0, production');
    expect(issue.body).toContain(`[run #${second.id}](${fake.url}/${h.repo.fullName}/actions/runs/${second.id})`);
    expect(issue.body).toContain(`[release churn@v1.4.0](${fake.url}/${h.repo.fullName}/releases/tag/churn%40v1.4.0)`);
    expect(stateOf(issue).runs.map((run) => run.level)).toEqual(['alert', 'alert']);
    expect(botComments(h, issue.number)).toHaveLength(0);

    // Repeat with more features moved: one comment.
    const third = await deliverRun(h, alert(5));
    expect(botComments(h, issue.number)).toHaveLength(1);
    expect(botComments(h, issue.number)[0].body).toContain('newly moved: feature\\_04, feature\\_05');
    expect(issue.body).toContain('5 of 20 features drifted at alert level');

    // The same delivery again (a redelivery): nothing new.
    fake.clearRequests();
    await h.deliver('workflow_run', workflowRunPayload(fake, h.repo, third));
    expect(botComments(h, issue.number)).toHaveLength(1);
    expect(fake.count((request) => request.method !== 'GET')).toBe(0);

    // Unchanged: the body follows the run, no comment (one write in all).
    fake.clearRequests();
    await deliverRun(h, alert(5));
    expect(botComments(h, issue.number)).toHaveLength(1);
    expect(fake.requests.filter((request) => request.method !== 'GET' && request.path !== '/graphql').map((request) => request.method)).toEqual(['PATCH']);
    expect(stateOf(issue).runs).toHaveLength(4);

    // Clean x3: closed with a recovery comment.
    await deliverRun(h, clean());
    await deliverRun(h, clean());
    expect(issue.state).toBe('open');
    expect(issue.body).toContain('- Recovering: 2 of 3 clean runs in a row.');
    await deliverRun(h, clean());
    expect(issue).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(botComments(h, issue.number).at(-1)!.body).toContain('**✅ Recovered** — the last 3 runs were clean');

    // Failure 3 days later: recorded on the closed issue; the next alert reopens it.
    await deliverRun(h, alert(), 3);
    expect(issue.state).toBe('closed');
    await deliverRun(h, alert());
    expect(issue.state).toBe('open');
    expect(botComments(h, issue.number).at(-1)!.body).toContain('**🔴 Drift is back** — reopening: 2 of the last 3 runs are at alert');
    expect(driftIssues(h)).toHaveLength(1);

    // Recovery, then a failure 30 days later: a new issue that links the old.
    for (let index = 0; index < 3; index += 1) await deliverRun(h, clean());
    expect(issue.state).toBe('closed');
    await deliverRun(h, alert(), 30);
    await deliverRun(h, alert());
    const issues = driftIssues(h);
    expect(issues.map((entry) => [entry.number, entry.state])).toEqual([
      [issue.number, 'closed'],
      [issues[1].number, 'open'],
    ]);
    expect(issues[1].body).toContain(`> Follows #${issue.number}, closed `);
    await deliverRun(h, alert(6));
    expect(issues[1].body).toContain('6 of 20 features drifted at alert level');
    expect(issues[1].body).toContain(`> Follows #${issue.number}, closed `);
    expect(driftChecks(h)).toHaveLength(0);
  });

  it('closes all but the oldest of two issues with one key', async () => {
    const h = await setup();
    await deliverRun(h, alert());
    await deliverRun(h, alert());
    const [original] = driftIssues(h);
    // A racing delivery opened a second issue with the same key.
    const time = h.repo.now();
    h.repo.issues.push({ ...original, number: h.repo.issues.length + 1, labels: [...original.labels], assignees: [], created_at: time, updated_at: time });
    await deliverRun(h, alert(4));
    const [kept, duplicate] = driftIssues(h);
    expect([kept.state, duplicate.state, duplicate.state_reason]).toEqual(['open', 'closed', 'not_planned']);
    expect(botComments(h, duplicate.number).map((comment) => comment.body)).toEqual([
      `Closing as a duplicate of #${kept.number}: both track the drift check \`drift\` of \`churn\` in \`production\`. Its run history continues there.`,
    ]);
    expect(botComments(h, kept.number)).toHaveLength(1);
  });

  it('warn-level runs update an open issue but never open one', async () => {
    const h = await setup();
    await deliverRun(h, { report: reportWith(0, 2) });
    await deliverRun(h, { report: reportWith(0, 2) });
    await deliverRun(h, { report: reportWith(0, 2) });
    expect(driftIssues(h)).toHaveLength(0);
    await deliverRun(h, alert());
    await deliverRun(h, alert());
    const [issue] = driftIssues(h);
    await deliverRun(h, { report: reportWith(0, 2) });
    expect(issue.labels).toEqual(['tollgate:drift', 'model:churn', 'severity:warn']);
    expect(issue.body).toContain('### 🟡 2 of 20 features drifted at warn level in churn@v1.4.0, production');
  });

  it('escapes hostile column names everywhere it writes them', async () => {
    const h = await setup();
    const names = ['<img src=x onerror=alert(1)>', '| pipes |', '@everyone', '```', 'a"b]{c}'];
    const hostile = (): ArtifactContent => ({ report: driftReport(names.map((name) => column(name, 'alert'))) });
    await deliverRun(h, hostile());
    await deliverRun(h, hostile());
    const [issue] = driftIssues(h);
    const outside = issue.body!.replace(/```mermaid\n[\s\S]*?\n```/, '');
    expect(outside).not.toMatch(/<img|(^|[^\u200b])@everyone|```/);
    expect(issue.body).toContain('| &lt;img src=x onerror=alert(1)&gt; | alert |');
    expect(issue.body).toContain('| \\| pipes \\| | alert |');
  });
});

describe('unreadable drift reports', () => {
  const cases: Array<[string, ArtifactContent, RegExp]> = [
    ['missing', null, /uploaded no artifact named 'drift-report'/],
    ['oversized', { zip: zipSync({ 'drift-report.json': strToU8('{}') }), listedSize: 8 * 1024 * 1024 }, /is 8\.0 MB compressed; the limit is 5\.0 MB/],
    ['not JSON', { zip: zipSync({ 'drift-report.json': strToU8('not json at all') }) }, /drift-report\.json in artifact 'drift-report' is not JSON/],
    ['not a drift report', { zip: zipSync({ 'drift-report.json': strToU8('{"schema": "something/v9"}') }) }, /is not a drift report: its "schema" is "something\/v9"/],
    ['without a model', { report: reportWith(3, 0, { model: undefined }) }, /the report names no model/],
  ];

  for (const [name, content, message] of cases) {
    it(`${name}: explained on a tollgate/drift check run, no crash, no issue`, async () => {
      const h = await setup();
      const run = await deliverRun(h, content);
      expect(driftIssues(h)).toHaveLength(0);
      const checks = driftChecks(h);
      expect(checks).toHaveLength(1);
      expect(checks[0]).toMatchObject({ head_sha: run.head_sha, conclusion: 'failure', external_id: String(run.id) });
      expect(checks[0].output.title).toBe('Could not read the drift report');
      expect(plain(checks[0].output.summary)).toMatch(message);
      expect(checks[0].output.summary).toContain('No drift issue was opened, updated or closed for this run.');
    });
  }

  it('runs of other workflows cost two reads and change nothing', async () => {
    const h = await setup(CONFIG.replace('  workflows: [drift.yml]\n', '  close_after: 3\n'));
    fake.clearRequests();
    await deliverRun(h, null, 1, { path: '.github/workflows/ci.yml' });
    expect(fake.requests.map((request) => `${request.method} ${request.path.replace(h.repo.fullName, 'R')}`)).toEqual([
      expect.stringMatching(/^GET \/repos\/R\/contents\/\.github(\/|%2F)tollgate\.yml$/),
      expect.stringMatching(/^GET \/repos\/R\/actions\/runs\/\d+\/artifacts$/),
    ]);
    expect(driftChecks(h)).toHaveLength(0);
  });

  it('runs on another branch, and cancelled runs, are not about what is deployed', async () => {
    const h = await setup();
    for (let index = 0; index < 2; index += 1) await deliverRun(h, alert(), 1, { branch: 'experiment' });
    for (let index = 0; index < 2; index += 1) await deliverRun(h, alert(), 1, { conclusion: 'cancelled' });
    expect(driftIssues(h)).toHaveLength(0);
    expect(driftChecks(h)).toHaveLength(0);
  });

  it("runs of pull requests and of forks' code are not trusted, even on a branch named main", async () => {
    const h = await setup();
    for (let index = 0; index < 2; index += 1) await deliverRun(h, alert(), 1, { event: 'pull_request' });
    for (let index = 0; index < 2; index += 1) await deliverRun(h, alert(), 1, { headRepository: 'mallory/churn' });
    expect(driftIssues(h)).toHaveLength(0);
    expect(driftChecks(h)).toHaveLength(0);
    // The same reports from the repository's own scheduled runs open the issue.
    for (let index = 0; index < 2; index += 1) await deliverRun(h, alert());
    expect(driftIssues(h)).toHaveLength(1);
  });

  it('forged clean runs from a fork do not close an open alert', async () => {
    const h = await setup();
    await deliverRun(h, alert());
    await deliverRun(h, alert());
    const [issue] = driftIssues(h);
    const runsBefore = stateOf(issue).runs.length;
    for (let index = 0; index < 4; index += 1) await deliverRun(h, clean(), 1, { event: 'pull_request_target', headRepository: 'mallory/churn' });
    expect(issue.state).toBe('open');
    expect(stateOf(issue).runs).toHaveLength(runsBefore);
  });
});

describe('commands on a drift issue', () => {
  async function openIssue(h: Harness): Promise<FakeIssue> {
    await deliverRun(h, alert());
    await deliverRun(h, alert());
    return driftIssues(h)[0];
  }
  const reply = (h: Harness, number: number) => botComments(h, number).at(-1)!.body;

  it('/snooze 7d mutes comments; a reader may not snooze', async () => {
    const h = await setup();
    const issue = await openIssue(h);
    await h.say(issue.number, 'rita', '/snooze 7d');
    expect(reply(h, issue.number)).toContain('`/snooze`: @​rita has read access; /snooze needs write access to the repository.');
    await h.say(issue.number, 'alice', '/snooze 7d');
    expect(reply(h, issue.number)).toMatch(/Snoozed until \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC: no comments on this issue until then/);
    expect(stateOf(issue)).toMatchObject({ snoozedBy: 'alice' });
    const before = botComments(h, issue.number).length;
    await deliverRun(h, alert(6));
    expect(botComments(h, issue.number)).toHaveLength(before);
    expect(issue.body).toContain('6 of 20 features drifted at alert level');
    expect(issue.body).toContain('- Comments muted: snoozed until');
  });

  it('/retrain churn dispatches train.yml with the issue number, for writers only', async () => {
    const h = await setup();
    const issue = await openIssue(h);
    await h.say(issue.number, 'tom', '/retrain churn');
    expect(h.repo.dispatches).toEqual([]);
    expect(reply(h, issue.number)).toContain('@​tom has triage access; /retrain needs write access');
    await h.say(issue.number, 'alice', '/retrain churn');
    expect(h.repo.dispatches).toEqual([{ workflow: 'train.yml', ref: 'main', inputs: { tollgate_issue: String(issue.number) } }]);
    expect(reply(h, issue.number)).toContain(`Started [train.yml](${fake.url}/${h.repo.fullName}/actions/workflows/train.yml) on \`main\` to retrain \`churn\` with input \`tollgate_issue: ${issue.number}\`.`);
    // A workflow that does not declare the input is started without it.
    h.repo.workflowInputs.set('train.yml', []);
    await h.say(issue.number, 'bob', '/retrain churn');
    expect(h.repo.dispatches.at(-1)).toEqual({ workflow: 'train.yml', ref: 'main', inputs: {} });
    expect(reply(h, issue.number)).toContain('it does not declare the `tollgate_issue` input');
    await h.say(issue.number, 'alice', '/retrain fraud');
    expect(plain(reply(h, issue.number))).toContain("'fraud' is not a model in .github/tollgate.yml (models: churn)");
  });

  it('/accept opens a pull request that stores the current profile as the new reference', async () => {
    const h = await setup();
    const issue = await openIssue(h);
    await h.say(issue.number, 'alice', '/accept');
    const pull = h.repo.issues.find((candidate) => candidate.pull?.head === 'tollgate/rebaseline/churn/production');
    expect(pull).toBeDefined();
    expect(pull!.title).toBe('Accept the current data as the drift reference of churn (production)');
    expect(pull!.body).toContain(`with \`/accept\` on #${issue.number}`);
    const file = h.repo.commitFiles(pull!.pull!.head_sha).get('.tollgate/baselines/churn/production.profile.json');
    expect(JSON.parse(file!.content.toString('utf8'))).toEqual(profile);
    expect(reply(h, issue.number)).toContain(`Opened [#${pull!.number}]`);
    // Again: the same pull request, refreshed.
    await h.say(issue.number, 'alice', '/accept');
    expect(reply(h, issue.number)).toContain(`Updated [#${pull!.number}]`);
    expect(h.repo.issues.filter((candidate) => candidate.pull?.head.startsWith('tollgate/rebaseline/'))).toHaveLength(1);
  });

  it('/status repairs a hand-edited issue and says where it stands', async () => {
    const h = await setup();
    const issue = await openIssue(h);
    issue.labels = ['tollgate:drift', 'model:churn'];
    issue.body = issue.body!.replace(/<!-- tollgate:drift-status-start -->[\s\S]*<!-- tollgate:drift-status-end -->\n/, '');
    expect(issue.body).not.toContain('drift-status-start');
    await h.say(issue.number, 'rita', '/status');
    const text = reply(h, issue.number);
    expect(text).toContain('**Drift incident status** (open; closes after 3 clean runs in a row)');
    expect(text).toContain(`labelled #${issue.number} severity:alert`);
    expect(text).toContain(`rewrote the status and history of #${issue.number}.`);
    expect(issue.body).toContain('<!-- tollgate:drift-status-start -->');
    expect(issue.labels).toContain('severity:alert');
    expect(stateOf(issue).key).toBe('drift#churn#production#drift');
  });
});

describe('the reconciler', () => {
  // One process: what it processed is remembered across passes.
  const lasting = new LastingCache();
  const delivery = (h: Harness) => reconcilerDelivery(h, fake, { lasting, log: quiet });

  it('processes drift runs whose deliveries were lost: opens, then closes', async () => {
    const h = await setup();
    for (const content of [alert(), alert()]) {
      fake.advance(DAY);
      addDriftRun(h.repo, content);
    }
    const first = await reconcileRepository(delivery(h), 'main', { promotions: false });
    expect(first.processedRuns).toHaveLength(2);
    const [issue] = driftIssues(h);
    expect(issue.state).toBe('open');
    for (let index = 0; index < 3; index += 1) {
      fake.advance(DAY);
      addDriftRun(h.repo, clean());
    }
    const second = await reconcileRepository(delivery(h), 'main', { promotions: false });
    expect(second.processedRuns).toHaveLength(3);
    expect(issue.state).toBe('closed');
    // Nothing is left to do.
    const third = await reconcileRepository(delivery(h), 'main', { promotions: false });
    expect(third.repairs).toEqual([]);
  });

  it("leaves out runs of pull requests and of forks' code", async () => {
    const h = await setup();
    for (const options of [{ event: 'pull_request' }, { headRepository: 'Mallory/Churn' }, { event: 'pull_request' }]) {
      fake.advance(DAY);
      addDriftRun(h.repo, alert(), options);
    }
    const report = await reconcileRepository(delivery(h), 'main', { promotions: false });
    expect(report.processedRuns).toEqual([]);
    expect(driftIssues(h)).toHaveLength(0);
  });

  it('walks every installation and repository through the app', async () => {
    const h = await setup();
    fake.advance(DAY);
    addDriftRun(h.repo, alert());
    fake.advance(DAY);
    addDriftRun(h.repo, alert());
    const runtime = createRuntime(h.probot, botSettings({ appLogin: APP_USER.login, now: () => new Date(fake.currentTime()) }), []);
    const reports = await reconcileInstallations(h.probot, runtime, { promotions: false });
    expect(reports.get(h.repo.fullName)?.processedRuns).toHaveLength(2);
    expect(driftIssues(h)).toHaveLength(1);
  });
});

