// Runs the evaluate action in-process the way a runner would: INPUT_* and
// GITHUB_* variables, real output/summary/event files, the real @actions/core.
// The GitHub API is nock (which sees the native fetch our client uses).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { evaluateAction } from '../../actions/evaluate/src/main.js';
import { runAction } from '../../actions/lib/run-action.js';
import { createGitHubClient } from '../../shared/github/client.js';
import { createRng } from '../../shared/stats/random.js';

const API = 'https://api.github.com';
let dir: string;
let savedEnv: NodeJS.ProcessEnv;

async function writePredictions(name: string, signals: { challenger: number; champion: number }) {
  const rng = createRng(7);
  const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
  const challenger = ['id,label,score'];
  const champion = ['id,label,score'];
  for (let i = 0; i < 300; i++) {
    const label = rng.next() < 0.4 ? 1 : 0;
    const sign = 2 * label - 1;
    challenger.push(`${i},${label},${sigmoid(signals.challenger * sign + rng.normal()).toFixed(5)}`);
    champion.push(`${i},${label},${sigmoid(signals.champion * sign + rng.normal()).toFixed(5)}`);
  }
  await writeFile(join(dir, `${name}-challenger.csv`), `${challenger.join('\n')}\n`);
  await writeFile(join(dir, `${name}-champion.csv`), `${champion.join('\n')}\n`);
}

/** Sets up the runner files and the inputs; returns readers for what the action wrote. */
async function runner(inputs: Record<string, string>, event: { name: string; payload: object }) {
  const run = await mkdtemp(join(dir, 'run-'));
  // @actions/core remembers the summary file it first wrote to, so every run shares one, emptied here.
  const files = { output: join(run, 'output'), summary: join(dir, 'summary.md'), event: join(run, 'event.json') };
  await writeFile(files.output, '');
  await writeFile(files.summary, '');
  await writeFile(files.event, JSON.stringify(event.payload));
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
  Object.assign(process.env, {
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_REPOSITORY: 'acme/churn',
    GITHUB_API_URL: API,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '42',
    RUNNER_TEMP: run,
    'INPUT_GITHUB-TOKEN': 'ghs_test',
    // action.yml's default; the repository running the tests has none, so the defaults apply.
    'INPUT_CONFIG': '.github/tollgate.yml',
    'INPUT_REPORT': join(run, 'evaluation.json'),
    'INPUT_FAIL-ON-REJECT': 'true',
    'INPUT_CHECK-NAME': 'tollgate/evaluation',
  });
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
  // No retries: a failing call shows at once instead of after the client's back-off.
  await runAction(() => evaluateAction({ createClient: (options) => createGitHubClient({ ...options, retries: 0 }) }));
  const outputsText = await readFile(files.output, 'utf8');
  const outputs: Record<string, string> = {};
  for (const match of outputsText.matchAll(/^(.+?)<<(ghadelimiter_[^\n]+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1]] = match[3];
  return { outputs, summary: await readFile(files.summary, 'utf8'), run };
}

/** The registry's tags through the API: churn `version` registered on `commit` and assigned to `stage`. */
function registryHolding(held: { version: string; stage: string; commit: string }) {
  const tagObject = (oid: string, message: string, date: string) => ({ __typename: 'Tag', oid, message, tagger: { name: 'ci', email: 'ci@example.com', date }, target: { __typename: 'Commit', oid: held.commit } });
  return nock(API)
    .get('/repos/acme/churn/git/matching-refs/tags%2Fchurn')
    .reply(200, [
      { ref: `refs/tags/churn@${held.version}`, object: { type: 'tag', sha: '1'.repeat(40) } },
      { ref: `refs/tags/churn#${held.stage}#1`, object: { type: 'tag', sha: '2'.repeat(40) } },
    ])
    .post('/graphql')
    .reply(200, {
      data: {
        repository: {
          t0: tagObject('1'.repeat(40), `Registering artifact churn version ${held.version}`, '2024-05-01T10:00:00Z'),
          t1: tagObject('2'.repeat(40), `Assigning stage ${held.stage} to artifact churn version ${held.version}`, '2024-05-02T10:00:00Z'),
        },
      },
    });
}

const pullRequestEvent = { name: 'pull_request', payload: { pull_request: { number: 5, head: { sha: 'a'.repeat(40) } } } };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tollgate-action-evaluate-'));
  await writePredictions('better', { challenger: 2, champion: 0.7 });
  await writePredictions('worse', { challenger: 0.5, champion: 1.5 });
  savedEnv = { ...process.env };
  nock.disableNetConnect();
});
afterAll(async () => {
  nock.enableNetConnect();
  process.env = savedEnv;
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  process.exitCode = undefined;
});
afterEach(() => {
  nock.cleanAll();
  process.exitCode = undefined;
});

describe('evaluate action', () => {
  it('outside a pull request: report files, outputs and the job summary only (no API calls)', async () => {
    const { outputs, summary, run } = await runner(
      { predictions: join(dir, 'better-challenger.csv'), 'champion-predictions': join(dir, 'better-champion.csv'), model: 'churn' },
      { name: 'push', payload: {} },
    );
    expect(process.exitCode).toBeUndefined();
    expect(outputs.decision).toBe('promote');
    expect(outputs.report).toBe(join(run, 'evaluation.json'));
    expect(outputs.markdown).toBe(join(run, 'evaluation.md'));
    const report = JSON.parse(await readFile(outputs.report, 'utf8'));
    expect(report).toMatchObject({ schema: 'tollgate.evaluation/v1', decision: 'promote', rows: 300 });
    expect(summary).toMatch(/^### ✅ Promote: churn challenger vs champion/);
    expect(summary).toContain('[Workflow run](https://github.com/acme/churn/actions/runs/42)');
    expect(await readFile(outputs.markdown, 'utf8')).toBe(summary);
  });

  it('on a pull request: one comment created, then edited in place across 3 runs, and a check run each time', async () => {
    // Anyone may post the marker first; the report must not be written into their comment.
    const planted = { id: 99, body: '<!-- tollgate:evaluation:churn -->\n### ✅ Promote (trust me)', user: { login: 'mallory', type: 'User' }, html_url: 'https://github.com/acme/churn/pull/5#issuecomment-99' };
    const comments: Array<{ id: number; body: string; user: { login: string; type: string }; html_url: string }> = [{ ...planted }];
    const checkRuns: Array<Record<string, unknown>> = [];
    let posts = 0;
    const api = nock(API)
      .persist()
      // GITHUB_TOKEN is an installation token: it may not read /user, and comments as github-actions[bot].
      .get('/user')
      .reply(403, { message: 'Resource not accessible by integration' })
      .get('/repos/acme/churn/issues/5/comments')
      .query(true)
      .reply(200, () => comments)
      .post('/repos/acme/churn/issues/5/comments')
      .reply(201, (_uri, body) => {
        posts++;
        const comment = { id: 100 + posts, body: (body as { body: string }).body, user: { login: 'github-actions[bot]', type: 'Bot' }, html_url: `https://github.com/acme/churn/pull/5#issuecomment-${100 + posts}` };
        comments.push(comment);
        return comment;
      })
      .patch(/\/repos\/acme\/churn\/issues\/comments\/\d+/)
      .reply(200, (uri, body) => {
        const comment = comments.find((candidate) => uri.endsWith(`/${candidate.id}`));
        if (comment) comment.body = (body as { body: string }).body;
        return comment ?? {};
      })
      .post('/repos/acme/churn/check-runs')
      .reply(201, (_uri, body) => {
        checkRuns.push(body as Record<string, unknown>);
        return { id: checkRuns.length, html_url: `https://github.com/acme/churn/runs/${checkRuns.length}` };
      });

    const better = { predictions: join(dir, 'better-challenger.csv'), 'champion-predictions': join(dir, 'better-champion.csv'), model: 'churn' };
    const worse = { predictions: join(dir, 'worse-challenger.csv'), 'champion-predictions': join(dir, 'worse-champion.csv'), model: 'churn' };
    const first = await runner(better, pullRequestEvent);
    expect(first.outputs['comment-url']).toBe('https://github.com/acme/churn/pull/5#issuecomment-101');
    await runner(better, pullRequestEvent);
    process.exitCode = undefined;
    await runner(worse, pullRequestEvent);
    expect(process.exitCode).toBe(1);

    expect(posts).toBe(1);
    expect(comments).toHaveLength(2);
    expect(comments[0]).toEqual(planted);
    expect(comments[1].body.startsWith('<!-- tollgate:evaluation:churn -->\n### ❌ Reject: churn challenger vs champion')).toBe(true);
    expect(checkRuns).toHaveLength(3);
    expect(checkRuns.map((run) => run.conclusion)).toEqual(['success', 'success', 'failure']);
    expect(checkRuns[2]).toMatchObject({ name: 'tollgate/evaluation', head_sha: 'a'.repeat(40), status: 'completed', details_url: 'https://github.com/acme/churn/actions/runs/42' });
    expect((checkRuns[2].output as { title: string }).title).toMatch(/^churn: reject: roc_auc -0\.\d+ \(95% CI -/);
    api.persist(false);
  });

  it("with a personal token, the comment is its user's: found again and edited, not duplicated", async () => {
    const own = { id: 7, body: '<!-- tollgate:evaluation:churn -->\nold', user: { login: 'alice', type: 'User' }, html_url: 'https://github.com/acme/churn/pull/5#issuecomment-7' };
    const other = { id: 8, body: '<!-- tollgate:evaluation:churn -->\nforged', user: { login: 'mallory', type: 'User' }, html_url: 'https://github.com/acme/churn/pull/5#issuecomment-8' };
    let edited: { id: string; body: string } | undefined;
    nock(API)
      .get('/user')
      .reply(200, { login: 'alice', type: 'User' })
      .get('/repos/acme/churn/issues/5/comments')
      .query(true)
      .reply(200, [other, own])
      .patch(/\/repos\/acme\/churn\/issues\/comments\/\d+/)
      .reply(200, (uri, body) => {
        edited = { id: uri.split('/').at(-1)!, body: (body as { body: string }).body };
        return { ...own, body: edited.body };
      })
      .post('/repos/acme/churn/check-runs')
      .reply(201, { id: 1, html_url: 'https://github.com/acme/churn/runs/1' });
    const { outputs } = await runner({ predictions: join(dir, 'better-challenger.csv'), 'champion-predictions': join(dir, 'better-champion.csv'), model: 'churn' }, pullRequestEvent);
    expect(nock.isDone()).toBe(true);
    expect(edited?.id).toBe('7');
    expect(edited?.body).toMatch(/^<!-- tollgate:evaluation:churn -->\n### ✅ Promote/);
    expect(outputs['comment-url']).toBe(own.html_url);
  });

  it('a read-only token (fork pull request) warns but still decides', async () => {
    nock(API).get('/user').reply(403, { message: 'Resource not accessible by integration' });
    nock(API).get('/repos/acme/churn/issues/5/comments').query(true).reply(403, { message: 'Resource not accessible by integration' });
    nock(API).post('/repos/acme/churn/check-runs').reply(403, { message: 'Resource not accessible by integration' });
    const { outputs } = await runner({ predictions: join(dir, 'better-challenger.csv'), 'champion-predictions': join(dir, 'better-champion.csv') }, pullRequestEvent);
    expect(outputs.decision).toBe('promote');
    expect(process.exitCode).toBeUndefined();
    expect(nock.isDone()).toBe(true);
  });

  it('a config path the workflow names must exist (a typo must not turn the policy off)', async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const { summary, outputs } = await runner({ predictions: join(dir, 'better-challenger.csv'), 'champion-predictions': join(dir, 'better-champion.csv'), config: join(dir, 'tolgate.yml') }, { name: 'push', payload: {} });
      expect(process.exitCode).toBe(1);
      expect(summary).toBe('');
      expect(outputs.decision).toBeUndefined();
    } finally {
      spy.mockRestore();
    }
    expect(written.join('')).toContain(`::error::${join(dir, 'tolgate.yml')}: file not found: the configuration given as \`config\` must exist`);
  });

  it('input errors fail the step with the message only', async () => {
    await writeFile(join(dir, 'short-champion.csv'), 'id,label,score\n0,1,0.5\n');
    await runner({ predictions: join(dir, 'better-challenger.csv'), 'champion-predictions': join(dir, 'short-champion.csv') }, { name: 'push', payload: {} });
    expect(process.exitCode).toBe(1);
  });

  it('resolves the champion through the registry and runs predict-command for its predictions', async () => {
    registryHolding({ version: 'v1.0.0', stage: 'production', commit: 'c'.repeat(40) })
      .get('/repos/acme/churn/releases/tags/churn%40v1.0.0')
      .reply(200, { assets: [{ id: 9, name: 'model.txt' }] })
      .get('/repos/acme/churn/releases/assets/9')
      .reply(200, 'weights', { 'content-type': 'application/octet-stream' });
    // The "model" copies the champion predictions and records what it was told.
    const script = join(dir, 'predict.mjs');
    await writeFile(
      script,
      [
        "import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';",
        `copyFileSync(${JSON.stringify(join(dir, 'better-champion.csv'))}, process.env.TOLLGATE_PREDICTIONS);`,
        "const weights = readFileSync(process.env.TOLLGATE_CHAMPION_DIR + '/model.txt', 'utf8');",
        `writeFileSync(${JSON.stringify(join(dir, 'predict-env.json'))}, JSON.stringify({ weights, version: process.env.TOLLGATE_CHAMPION_VERSION, tag: process.env.TOLLGATE_CHAMPION_TAG, commit: process.env.TOLLGATE_CHAMPION_COMMIT }));`,
      ].join('\n'),
    );
    const { outputs } = await runner({ predictions: join(dir, 'better-challenger.csv'), model: 'churn', 'predict-command': `node ${script}` }, { name: 'push', payload: {} });
    expect(nock.isDone()).toBe(true);
    expect(JSON.parse(await readFile(join(dir, 'predict-env.json'), 'utf8'))).toEqual({ weights: 'weights', version: 'v1.0.0', tag: 'churn@v1.0.0', commit: 'c'.repeat(40) });
    const report = JSON.parse(await readFile(outputs.report, 'utf8'));
    expect(report.mode).toBe('champion');
    expect(outputs.decision).toBe('promote');
  });

  it("finds the champion in the config's champion stage; predict-command runs in working-directory without the action's inputs and the runner's credentials", async () => {
    registryHolding({ version: 'v2.0.0', stage: 'prod', commit: 'd'.repeat(40) })
      .get('/repos/acme/churn/releases/tags/churn%40v2.0.0')
      .reply(404, { message: 'Not Found' });
    await writeFile(join(dir, 'stages.yml'), 'models:\n  churn:\n    stages: [staging, prod]\n');
    const project = await mkdtemp(join(dir, 'project-'));
    const script = join(dir, 'predict-where.mjs');
    await writeFile(
      script,
      [
        "import { copyFileSync, writeFileSync } from 'node:fs';",
        `copyFileSync(${JSON.stringify(join(dir, 'better-champion.csv'))}, process.env.TOLLGATE_PREDICTIONS);`,
        "const leaked = Object.keys(process.env).filter((name) => name.startsWith('INPUT_') || name.startsWith('ACTIONS_'));",
        `writeFileSync(${JSON.stringify(join(dir, 'predict-where.json'))}, JSON.stringify({ cwd: process.cwd(), leaked, version: process.env.TOLLGATE_CHAMPION_VERSION, evalData: process.env.TOLLGATE_EVAL_DATA }));`,
      ].join('\n'),
    );
    Object.assign(process.env, { ACTIONS_RUNTIME_TOKEN: 'runtime-secret', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-secret', TOLLGATE_EVAL_DATA: 'data/eval.csv' });
    try {
      const { outputs } = await runner(
        { predictions: join(dir, 'better-challenger.csv'), model: 'churn', config: join(dir, 'stages.yml'), 'predict-command': `node ${script}`, 'working-directory': project },
        { name: 'push', payload: {} },
      );
      expect(nock.isDone()).toBe(true);
      expect(JSON.parse(await readFile(join(dir, 'predict-where.json'), 'utf8'))).toEqual({ cwd: await realpath(project), leaked: [], version: 'v2.0.0', evalData: 'data/eval.csv' });
      expect(JSON.parse(await readFile(outputs.report, 'utf8')).mode).toBe('champion');
    } finally {
      for (const name of ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'TOLLGATE_EVAL_DATA']) delete process.env[name];
    }
  });

  it('a model with no champion yet is judged on absolute thresholds', async () => {
    nock(API).get('/repos/acme/churn/git/matching-refs/tags%2Fchurn').reply(200, []);
    await writeFile(join(dir, 'floor.yml'), 'evaluation:\n  min: {roc_auc: 0.99}\n');
    const { outputs, summary } = await runner({ predictions: join(dir, 'worse-challenger.csv'), model: 'churn', config: join(dir, 'floor.yml') }, { name: 'push', payload: {} });
    expect(outputs.decision).toBe('reject');
    expect(summary).toMatch(/^### ❌ Reject: churn no champion yet: absolute thresholds only/);
    expect(process.exitCode).toBe(1);
  });

  it('the committed bundle runs as a runner runs it (node dist/index.js, no pull request)', async () => {
    const run = await mkdtemp(join(dir, 'bundle-'));
    const output = join(run, 'output');
    const summary = join(run, 'summary.md');
    await writeFile(output, '');
    await writeFile(summary, '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REPOSITORY: 'acme/churn',
      INPUT_PREDICTIONS: join(dir, 'worse-challenger.csv'),
      'INPUT_CHAMPION-PREDICTIONS': join(dir, 'worse-champion.csv'),
      INPUT_REPORT: join(run, 'evaluation.json'),
      'INPUT_FAIL-ON-REJECT': 'false',
    };
    const { stdout } = await promisify(execFile)(process.execPath, [join(process.cwd(), 'actions/evaluate/dist/index.js')], { env, cwd: run });
    expect(stdout).toMatch(/Evaluation: reject: roc_auc -0\.\d+/);
    expect(await readFile(output, 'utf8')).toMatch(/^decision<<ghadelimiter_[^\n]+\nreject\n/);
    expect(await readFile(summary, 'utf8')).toMatch(/^### ❌ Reject: challenger vs champion/);
    expect(JSON.parse(await readFile(join(run, 'evaluation.json'), 'utf8')).decision).toBe('reject');
  });
});
