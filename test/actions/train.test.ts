// Runs the train action the way a runner would: INPUT_* and GITHUB_*
// variables, real output and summary files, the real @actions/core. There is
// no cache service here, so @actions/cache is replaced by an in-memory fake
// that stores the files it is given and records every call.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runAction } from '../../actions/lib/run-action.js';
import { runTrainAction } from '../../actions/train/src/main.js';
import { escapeMarkdown, tableCell } from '../../shared/report/index.js';
import { makeDirectory, removeDirectory } from '../lineage/git-fixture.js';
import { makeProject } from '../train/project-fixture.js';

const fakeCache = vi.hoisted(() => {
  const entries = new Map<string, Map<string, Buffer>>();
  const calls: Array<{ fn: string; paths: string[]; key: string; restoreKeys?: string[]; lookupOnly?: boolean }> = [];
  const workspace = () => process.env.GITHUB_WORKSPACE as string;
  return {
    entries,
    calls,
    /** When set, restoreCache answers the primary lookup with this key (a prefix match of another entry). */
    offer: undefined as string | undefined,
    restoreCache: async (paths: string[], key: string, restoreKeys?: string[], options?: { lookupOnly?: boolean }) => {
      calls.push({ fn: 'restoreCache', paths, key, restoreKeys, lookupOnly: options?.lookupOnly });
      const { writeFileSync: write, mkdirSync: mkdir } = await import('node:fs');
      const path = await import('node:path');
      let matched = entries.has(key) ? key : fakeCache.offer;
      if (matched === undefined) matched = [...entries.keys()].reverse().find((candidate) => (restoreKeys ?? []).some((prefix) => candidate.startsWith(prefix)));
      if (matched === undefined) return undefined;
      if (!options?.lookupOnly && entries.has(matched)) {
        for (const [file, bytes] of entries.get(matched) as Map<string, Buffer>) {
          mkdir(path.dirname(path.join(workspace(), file)), { recursive: true });
          write(path.join(workspace(), file), bytes);
        }
      }
      return matched;
    },
    saveCache: async (paths: string[], key: string) => {
      calls.push({ fn: 'saveCache', paths, key });
      const { readFileSync: read } = await import('node:fs');
      const path = await import('node:path');
      entries.set(key, new Map(paths.map((file) => [file, read(path.join(workspace(), file))])));
      return 1;
    },
    isFeatureAvailable: () => true,
  };
});

vi.mock('@actions/cache', () => ({
  restoreCache: fakeCache.restoreCache,
  saveCache: fakeCache.saveCache,
  isFeatureAvailable: () => fakeCache.isFeatureAvailable(),
}));

let savedEnv: NodeJS.ProcessEnv;
const cleanup: string[] = [];
// @actions/core remembers the summary file's path after its first write, as a
// runner's one process per step never notices: every step here shares one file.
const summaryDirectory = makeDirectory('tollgate-summary-');
const summaryFile = join(summaryDirectory, 'summary.md');
cleanup.push(summaryDirectory);

beforeAll(() => {
  savedEnv = { ...process.env };
});
afterAll(() => {
  process.env = savedEnv;
  process.exitCode = undefined;
  cleanup.forEach(removeDirectory);
});
beforeEach(() => {
  process.exitCode = undefined;
  fakeCache.entries.clear();
  fakeCache.calls.length = 0;
  fakeCache.offer = undefined;
});

const BASE_INPUTS = {
  command: 'node train.mjs',
  params: 'params.yaml',
  data: 'data/train.csv\n',
  outputs: 'out/model.bin',
  metrics: 'metrics.json',
  model: 'churn',
};

function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const match of readFileSync(file, 'utf8').matchAll(/^(.+?)<<(ghadelimiter_[^\n]+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1]] = match[3];
  return outputs;
}

/** Runner files and inputs for one step; returns what the step wrote. */
async function step(workspace: string, inputs: Record<string, string>, env: Record<string, string> = {}) {
  const run = makeDirectory('tollgate-runner-');
  cleanup.push(run);
  const files = { output: join(run, 'output'), summary: summaryFile };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
  Object.assign(process.env, {
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_REPOSITORY: 'acme/churn',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '42',
    RUNNER_TEMP: run,
    COUNTER_FILE: join(run, '..', `${workspace.split('/').pop()}-counter.txt`),
    TRAIN_MODE: 'ok',
    ...env,
  });
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
  cleanup.push(process.env.COUNTER_FILE as string);
  await runAction(() => runTrainAction());
  return { outputs: readOutputs(files.output), summary: readFileSync(files.summary, 'utf8'), counter: process.env.COUNTER_FILE as string };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const runsOf = (counter: string) => (existsSync(counter) ? readFileSync(counter, 'utf8').split('\n').filter(Boolean).length : 0);

function project() {
  const { root } = makeProject();
  cleanup.push(root);
  return root;
}

describe('train action', () => {
  it('misses and stores under tollgate-train-<model>-<key>, then hits with the exact key and skips the command', async () => {
    const root = project();
    const first = await step(root, BASE_INPUTS);
    expect(process.exitCode).toBeUndefined();
    const key = first.outputs.key;
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(first.outputs).toEqual({ 'cache-hit': 'false', key, lineage: 'out/lineage.json', metrics: '{"auc":0.81,"loss":0.4,"folds":[0.8,0.82]}' });
    const paths = ['metrics.json', 'out/lineage.json', 'out/model.bin'];
    expect(fakeCache.calls).toEqual([
      { fn: 'restoreCache', paths, key: `tollgate-train-churn-${key}`, restoreKeys: undefined, lookupOnly: undefined },
      { fn: 'restoreCache', paths, key: `tollgate-train-churn-${key}`, restoreKeys: ['tollgate-train-churn-'], lookupOnly: true },
      { fn: 'saveCache', paths, key: `tollgate-train-churn-${key}` },
    ]);
    expect(first.summary).toContain('**Trained** in');
    expect(runsOf(first.counter)).toBe(1);
    const model = readFileSync(join(root, 'out/model.bin'));

    fakeCache.calls.length = 0;
    writeFileSync(join(root, 'out/model.bin'), 'overwritten');
    const second = await step(root, BASE_INPUTS);
    expect(second.outputs['cache-hit']).toBe('true');
    expect(second.outputs.key).toBe(key);
    expect(fakeCache.calls).toEqual([{ fn: 'restoreCache', paths, key: `tollgate-train-churn-${key}`, restoreKeys: undefined, lookupOnly: undefined }]);
    expect(runsOf(second.counter)).toBe(1);
    expect(readFileSync(join(root, 'out/model.bin')).equals(model)).toBe(true);
    expect(second.summary).toContain('**Cache hit**: restored the outputs of a');
  });

  it('does not count a restore-key (prefix) match as a hit', async () => {
    const root = project();
    fakeCache.entries.set(`tollgate-train-churn-${'0'.repeat(64)}`, new Map([['out/model.bin', Buffer.from('old model')]]));
    const result = await step(root, BASE_INPUTS);
    expect(result.outputs['cache-hit']).toBe('false');
    expect(runsOf(result.counter)).toBe(1);
    expect(readFileSync(join(root, 'out/model.bin'), 'utf8')).not.toBe('old model');
    // The lookup by model found the old entry without downloading it.
    expect(fakeCache.calls[1]).toMatchObject({ restoreKeys: ['tollgate-train-churn-'], lookupOnly: true });
  });

  it('does not count another key offered for the primary key as a hit', async () => {
    const root = project();
    fakeCache.offer = `tollgate-train-churn-${'f'.repeat(64)}-other`;
    const result = await step(root, BASE_INPUTS);
    expect(result.outputs['cache-hit']).toBe('false');
    expect(runsOf(result.counter)).toBe(1);
  });

  it('fails the step with the exit code and stderr tail, and saves nothing', async () => {
    const root = project();
    const result = await step(root, BASE_INPUTS, { TRAIN_MODE: 'fail' });
    expect(process.exitCode).toBe(1);
    expect(fakeCache.calls.map((call) => call.fn)).toEqual(['restoreCache', 'restoreCache']);
    expect(result.outputs['cache-hit']).toBe('false');
    expect(result.summary).toContain('**Failed** with exit code 3');
    expect(result.summary).toContain('stderr line 60');
  });

  it('runs without the cache when cache is false', async () => {
    const root = project();
    const result = await step(root, { ...BASE_INPUTS, cache: 'false' });
    expect(fakeCache.calls).toEqual([]);
    expect(result.outputs['cache-hit']).toBe('false');
    expect(result.summary).toContain('(cache off)');
  });

  it('writes a job summary with params, data fingerprints, metrics and outputs, escaped', async () => {
    const root = project();
    const params = 'lr: 0.5\nnote: "<img src=x onerror=alert(1)> | **bold**"\n';
    const result = await step(root, { ...BASE_INPUTS, params });
    const summary = result.summary;
    const row = (...cells: string[]) => `| ${cells.map(tableCell).join(' | ')} |`;
    expect(summary).toContain('### Tollgate train: churn');
    expect(summary).toContain(`#### Params (${escapeMarkdown("input 'params'")})`);
    expect(summary).toContain(row('lr', '0.5'));
    // Data from the user cannot open a tag, a table cell or emphasis.
    expect(summary).toContain(row('note', '<img src=x onerror=alert(1)> | **bold**'));
    expect(summary).toContain('&lt;img src=x onerror=alert(1)&gt; \\| \\*\\*bold\\*\\*');
    expect(summary).not.toContain('<img');
    expect(summary).toMatch(new RegExp(`${escapeRegExp(row('data/train.csv', '3', '41 B').slice(0, -2))} \\| [0-9a-f]{12} \\|`));
    expect(summary).toContain(row('auc', '0.81'));
    expect(summary).toContain(row('folds[1]', '0.82'));
    expect(summary).toContain(row('out/model.bin', '4.0 KiB').slice(0, -2));
    expect(summary).toContain('- **Seed:** 0');
    // Inline params reach the command through a file.
    const lineage = JSON.parse(readFileSync(join(root, 'out/lineage.json'), 'utf8'));
    expect(lineage.params).toEqual({ file: "input 'params'", values: { lr: 0.5, note: '<img src=x onerror=alert(1)> | **bold**' } });
  });

  it('runs in a working directory, with cache paths relative to the workspace', async () => {
    const workspace = makeDirectory('tollgate-workspace-');
    cleanup.push(workspace);
    const root = project();
    execFileSync('cp', ['-r', root, join(workspace, 'model')]);
    const result = await step(workspace, { ...BASE_INPUTS, 'working-directory': 'model', seed: '5' });
    expect(result.outputs.lineage).toBe('model/out/lineage.json');
    expect(fakeCache.calls[0].paths).toEqual(['model/metrics.json', 'model/out/lineage.json', 'model/out/model.bin']);
    expect(JSON.parse(readFileSync(join(workspace, 'model/out/lineage.json'), 'utf8')).seed).toBe(5);
  });

  it('fails clearly when an artifact upload is asked for outside a runner', async () => {
    const root = project();
    const log: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (log.push(String(chunk)), true));
    try {
      await step(root, { ...BASE_INPUTS, 'upload-artifact': 'true' });
    } finally {
      write.mockRestore();
    }
    expect(process.exitCode).toBe(1);
    expect(log.join('')).toContain("::error::upload-artifact is true, but the runner's artifact service is not available here (ACTIONS_RUNTIME_TOKEN is unset)");
  });

  it('hands lineage and outputs to an artifact uploader when one is present', async () => {
    const root = project();
    const uploads: Array<{ name: string; files: readonly string[]; root: string }> = [];
    for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
    const inputs = { ...BASE_INPUTS, 'upload-artifact': 'true', model: 'models/churn' };
    const run = makeDirectory('tollgate-runner-');
    cleanup.push(run);
    Object.assign(process.env, { GITHUB_WORKSPACE: root, GITHUB_OUTPUT: join(run, 'o'), GITHUB_STEP_SUMMARY: summaryFile, RUNNER_TEMP: run, TRAIN_MODE: 'ok' });
    writeFileSync(join(run, 'o'), '');
    writeFileSync(summaryFile, '');
    for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
    await runTrainAction({ artifactUploader: { upload: async (name, files, rootDirectory) => (uploads.push({ name, files, root: rootDirectory }), { id: 1, size: 10 }) } });
    expect(uploads).toEqual([{ name: 'tollgate-train-models-churn', files: ['out/lineage.json', 'metrics.json', 'out/model.bin'].map((file) => join(root, file)), root }]);
  });

  it('refuses shell syntax in the command and a bad model name', async () => {
    const root = project();
    await step(root, { ...BASE_INPUTS, command: 'node train.mjs | tee log' });
    expect(process.exitCode).toBe(1);
    process.exitCode = undefined;
    await step(root, { ...BASE_INPUTS, model: 'churn,v2' });
    expect(process.exitCode).toBe(1);
    process.exitCode = undefined;
    await step(root, { ...BASE_INPUTS, outputs: 'out/*.bin' });
    expect(process.exitCode).toBe(1);
    expect(fakeCache.calls).toEqual([]);
    expect(runsOf(join(root, '..', `${root.split('/').pop()}-counter.txt`))).toBe(0);
  });
});

describe('train action bundle', () => {
  const bundle = resolve('actions/train/dist/index.js');

  it('runs as the runner runs it, training without a cache when the service is absent', () => {
    const root = project();
    const run = makeDirectory('tollgate-runner-');
    cleanup.push(run);
    writeFileSync(join(run, 'output'), '');
    writeFileSync(join(run, 'summary.md'), '');
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_WORKSPACE: root, GITHUB_OUTPUT: join(run, 'output'), GITHUB_STEP_SUMMARY: join(run, 'summary.md'), RUNNER_TEMP: run };
    for (const [name, value] of Object.entries({ ...BASE_INPUTS, cache: 'true' })) env[`INPUT_${name.toUpperCase()}`] = value;
    const child = spawnSync(process.execPath, [bundle], { cwd: root, env, encoding: 'utf8' });
    expect(child.status).toBe(0);
    expect(child.stdout).toContain('::warning::the GitHub Actions cache service is not available here; training without a cache');
    expect(child.stdout).toContain('training in mode ok');
    const outputs = readOutputs(join(run, 'output'));
    expect(outputs['cache-hit']).toBe('false');
    expect(JSON.parse(outputs.metrics)).toEqual({ auc: 0.81, loss: 0.4, folds: [0.8, 0.82] });
    expect(readFileSync(join(run, 'summary.md'), 'utf8')).toContain('(cache off)');
  });
});
