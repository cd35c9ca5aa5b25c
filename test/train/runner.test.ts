import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../shared/errors/index.js';
import { LINEAGE_SCHEMA, readLineage } from '../../shared/lineage/index.js';
import { DirectoryTrainCache, runTraining, type TrainOptions } from '../../shared/train/index.js';
import { git, makeDirectory, removeDirectory, writeFiles } from '../lineage/git-fixture.js';
import { BASE_SPEC, makeProject } from './project-fixture.js';

const cleanup: string[] = [];
afterAll(() => cleanup.forEach(removeDirectory));

function collector() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

/** A project, a cache directory and a counter file outside the project. */
function setup() {
  const { root, commit } = makeProject();
  const scratch = makeDirectory();
  cleanup.push(root, scratch);
  const counter = join(scratch, 'counter.txt');
  const cache = new DirectoryTrainCache(join(scratch, 'cache'));
  const runs = () => (existsSync(counter) ? readFileSync(counter, 'utf8').split('\n').filter(Boolean).length : 0);
  const options = (env: NodeJS.ProcessEnv = {}): TrainOptions => ({
    cwd: root,
    ...BASE_SPEC,
    cache,
    env: { ...process.env, COUNTER_FILE: counter, ...env },
    stdout: collector().stream,
    stderr: collector().stream,
  });
  return { root, commit, scratch, counter, cache, runs, options };
}

/** Content keys stored in a cache directory (none when it was never created). */
const storedKeys = (directory: string) => (existsSync(directory) ? readdirSync(directory).filter((name) => /^[0-9a-f]{64}$/.test(name)) : []);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const sha256sum = (file: string) => execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0];

describe('runTraining', () => {
  it('runs on a miss, then restores byte for byte on a hit without running the command', async () => {
    const { root, runs, options } = setup();
    const first = await runTraining(options());
    expect(first.cache).toBe('miss');
    expect(first.exitCode).toBe(0);
    expect(runs()).toBe(1);
    const model = readFileSync(join(root, 'out/model.bin'));
    const metrics = readFileSync(join(root, 'metrics.json'));
    expect(model.length).toBe(4096);

    // Damage the outputs: the hit must put the exact bytes back.
    rmSync(join(root, 'out'), { recursive: true });
    writeFileSync(join(root, 'metrics.json'), 'garbage');
    const second = await runTraining(options());
    expect(second.cache).toBe('hit');
    expect(second.key).toBe(first.key);
    expect(runs()).toBe(1);
    expect(readFileSync(join(root, 'out/model.bin')).equals(model)).toBe(true);
    expect(readFileSync(join(root, 'metrics.json')).equals(metrics)).toBe(true);
    expect(second.metrics).toEqual({ auc: 0.81, loss: 0.4, folds: [0.8, 0.82] });
    expect(second.outputs).toEqual(first.outputs);
    expect(second.durationS).toBe(first.durationS);

    const lineage = await readLineage(join(root, 'out/lineage.json'));
    expect(lineage.cache.status).toBe('hit');
    expect(lineage.cache.restored_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(lineage.started_at).toBe(first.lineage.started_at);
  });

  it('reports a failing command with its exit code and stderr tail, and never caches it', async () => {
    const { root, scratch, runs, options } = setup();
    const stderr = collector();
    const failed = await runTraining({ ...options({ TRAIN_MODE: 'fail' }), stderr: stderr.stream });
    expect(failed.exitCode).toBe(3);
    expect(failed.stderrTail).toHaveLength(40);
    expect(failed.stderrTail[0]).toBe('stderr line 21');
    expect(failed.stderrTail.at(-1)).toBe('stderr line 60');
    expect(stderr.text()).toContain('stderr line 1\n');
    expect(failed.outputs).toEqual([]);
    expect(storedKeys(join(scratch, 'cache'))).toEqual([]);
    const lineage = await readLineage(join(root, 'out/lineage.json'));
    expect(lineage.exit_code).toBe(3);
    expect(lineage.outputs).toEqual([]);

    // The same key runs again (nothing was stored), and succeeds this time.
    const retried = await runTraining(options());
    expect(retried.key).toBe(failed.key);
    expect(retried.cache).toBe('miss');
    expect(retried.exitCode).toBe(0);
    expect(runs()).toBe(2);
    expect(storedKeys(join(scratch, 'cache'))).toEqual([retried.key]);
  });

  it('writes lineage with every field, checked against git, node:crypto and sha256sum', async () => {
    const { root, commit, options } = setup();
    const times = [new Date('2026-03-01T10:00:00.000Z'), new Date('2026-03-01T10:00:02.000Z')];
    const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/churn', GITHUB_RUN_ID: '77', GITHUB_RUN_ATTEMPT: '1' };
    const result = await runTraining({ ...options(env), now: () => times.shift() ?? new Date() });
    const lineage = await readLineage(join(root, result.lineagePath));
    expect(result.lineagePath).toBe('out/lineage.json');
    expect(lineage).toEqual(result.lineage);

    const dataBytes = readFileSync(join(root, 'data/train.csv'));
    const modelBytes = readFileSync(join(root, 'out/model.bin'));
    const metricsBytes = readFileSync(join(root, 'metrics.json'));
    const lockBytes = readFileSync(join(root, 'package-lock.json'));
    expect(lineage).toMatchObject({
      schema: LINEAGE_SCHEMA,
      key: result.key,
      cache: { status: 'miss' },
      git: { commit, dirty: false },
      workdir: '.',
      command: ['node', 'train.mjs'],
      params: { file: 'params.yaml', values: { lr: 0.5, epochs: 10, seed: 7 } },
      seed: 7,
      data: [{ path: 'data/train.csv', kind: 'file', sha256: sha256(dataBytes), size: dataBytes.length, rows: 3 }],
      code: { source: 'git', paths: ['.'] },
      environment: {
        os: { platform: process.platform, arch: process.arch },
        runtimes: { node: process.versions.node },
        lock_files: [{ path: 'package-lock.json', sha256: sha256(lockBytes), size: lockBytes.length }],
      },
      started_at: '2026-03-01T10:00:00.000Z',
      ended_at: '2026-03-01T10:00:02.000Z',
      exit_code: 0,
      run_url: 'https://github.com/acme/churn/actions/runs/77/attempts/1',
      outputs: [
        { path: 'metrics.json', sha256: sha256(metricsBytes), size: metricsBytes.length },
        { path: 'out/model.bin', sha256: sha256(modelBytes), size: modelBytes.length },
      ],
      metrics: { file: 'metrics.json', values: { auc: 0.81, loss: 0.4, folds: [0.8, 0.82] } },
    });
    // Independent hashes: the sha256sum program agrees.
    expect(lineage.data[0].sha256).toBe(sha256sum(join(root, 'data/train.csv')));
    expect(lineage.outputs[1].sha256).toBe(sha256sum(join(root, 'out/model.bin')));
    // Tracked files minus data and params: train.mjs, src/helper.mjs, package-lock.json, README.md, .gitignore, data/extra.csv.
    expect(lineage.code.files).toBe(6);
    expect(lineage.duration_s).toBeGreaterThan(0);
    expect(lineage.duration_s).toBeLessThan(30);
  });

  it('exports the seed and params, and drops inherited TOLLGATE_PARAM_ variables', async () => {
    const { root, scratch, options } = setup();
    const dump = join(scratch, 'env.json');
    await runTraining({ ...options({ ENV_DUMP: dump, TOLLGATE_PARAM_STALE: 'leak', TOLLGATE_PARAMS: '/elsewhere.yaml' }), seed: 1234 });
    expect(JSON.parse(readFileSync(dump, 'utf8'))).toEqual({
      TOLLGATE_SEED: '1234',
      PYTHONHASHSEED: '1234',
      TOLLGATE_PARAMS: join(root, 'params.yaml'),
      TOLLGATE_PARAM_LR: '0.5',
      TOLLGATE_PARAM_EPOCHS: '10',
      TOLLGATE_PARAM_SEED: '7',
    });
  });

  it('refuses a NaN metric, naming the file, line, column and JSON path, and caches nothing', async () => {
    const { scratch, options } = setup();
    const error = await runTraining(options({ TRAIN_MODE: 'nan' })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^metrics\.json:3:11: \$\.loss: expected a finite number, got NaN/);
    expect(storedKeys(join(scratch, 'cache'))).toEqual([]);
  });

  it('fails when a declared output was not written, rather than keep an old one', async () => {
    const { root, options } = setup();
    writeFiles(root, { 'out/model.bin': 'stale model of an earlier run' });
    const error = await runTraining(options({ TRAIN_MODE: 'no-model' })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^out\/model\.bin: the training command exited 0 but did not write this declared output/);
    expect(existsSync(join(root, 'out/model.bin'))).toBe(false);
  });

  it('runs without a cache, and outside git', async () => {
    const directory = makeDirectory();
    cleanup.push(directory);
    const { TRAIN_SCRIPT } = await import('./project-fixture.js');
    writeFiles(directory, { 'train.mjs': TRAIN_SCRIPT, 'data/train.csv': 'a\n1\n' });
    const result = await runTraining({
      cwd: directory,
      command: ['node', 'train.mjs'],
      data: ['data/train.csv'],
      outputs: ['out/model.bin'],
      metricsFile: 'metrics.json',
      stdout: collector().stream,
      stderr: collector().stream,
    });
    expect(result.cache).toBe('off');
    expect(result.lineage.git).toEqual({ commit: null, dirty: null });
    expect(result.lineage.code.source).toBe('filesystem');
    expect(result.lineage.seed).toBe(0);
  });

  it('refuses a command that cannot start, and outputs that would delete inputs', async () => {
    const { options } = setup();
    await expect(runTraining({ ...options(), command: ['no-such-trainer-xyz'] })).rejects.toThrow(UsageError);
    await expect(runTraining({ ...options(), command: ['no-such-trainer-xyz'] })).rejects.toThrow(/cannot start training command 'no-such-trainer-xyz': not found/);
    await expect(runTraining({ ...options(), outputs: ['data'] })).rejects.toThrow("output 'data' contains the input 'data/train.csv'");
    await expect(runTraining({ ...options(), outputs: ['.'] })).rejects.toThrow(/is the working directory or contains it/);
    await expect(runTraining({ ...options(), outputs: ['../elsewhere'] })).rejects.toThrow(/is outside the project/);
    await expect(runTraining({ ...options(), outputs: ['out', 'out/model.bin'] })).rejects.toThrow(/overlap/);
  });

  it('refuses an output that is or holds a tracked file, naming it, and deletes nothing', async () => {
    const { root, runs, options } = setup();
    writeFiles(root, { 'src/helper.mjs': 'export const helper = 2; // not committed yet\n', 'src/extra.mjs': 'x\n' });
    git(root, 'add', 'src/extra.mjs');
    await expect(runTraining({ ...options(), outputs: ['src'] })).rejects.toThrow(UsageError);
    await expect(runTraining({ ...options(), outputs: ['src'] })).rejects.toThrow(
      "output 'src' contains 'src/extra.mjs', which git tracks (and 1 more tracked file); outputs are deleted before each run",
    );
    await expect(runTraining({ ...options(), outputs: ['README.md'] })).rejects.toThrow("output 'README.md' is a file git tracks");
    expect(readFileSync(join(root, 'src/helper.mjs'), 'utf8')).toBe('export const helper = 2; // not committed yet\n');
    expect(git(root, 'status', '--porcelain', '--', 'src', 'README.md')).toBe('A  src/extra.mjs\n M src/helper.mjs');
    expect(runs()).toBe(0);
    // A tracked file already deleted from the work tree still counts: restoring it is the fix.
    rmSync(join(root, 'src'), { recursive: true });
    await expect(runTraining({ ...options(), outputs: ['src'] })).rejects.toThrow(/output 'src' contains 'src\/extra\.mjs'/);
  });

  it('refuses an output that is or holds a declared code path, also outside git', async () => {
    const directory = makeDirectory();
    cleanup.push(directory);
    writeFiles(directory, { 'train.mjs': 'x\n', 'lib/util.mjs': 'x\n' });
    const spec = { cwd: directory, command: ['node', 'train.mjs'], stdout: collector().stream, stderr: collector().stream };
    await expect(runTraining({ ...spec, outputs: ['lib'], codePaths: ['train.mjs', 'lib/util.mjs'] })).rejects.toThrow(
      "output 'lib' contains the code path 'lib/util.mjs'; outputs are deleted before each run",
    );
    await expect(runTraining({ ...spec, outputs: ['lib'], codePaths: ['lib'] })).rejects.toThrow(UsageError);
    expect(existsSync(join(directory, 'lib/util.mjs'))).toBe(true);
  });

  it('does not serve a run that declares a metrics file inside an output from one that did not', async () => {
    const { runs, options } = setup();
    const script = "const fs = require('fs'); fs.appendFileSync(process.env.COUNTER_FILE, 'ran\\n'); fs.mkdirSync('out', { recursive: true }); " +
      "fs.writeFileSync('out/model.bin', 'model'); fs.writeFileSync('out/metrics.json', JSON.stringify({ auc: 0.9 }));";
    const spec = { command: ['node', '-e', script], outputs: ['out'] };
    const without = await runTraining({ ...options(), ...spec, metricsFile: undefined });
    expect(without.cache).toBe('miss');
    expect(without.metrics).toBeNull();
    const withMetrics = await runTraining({ ...options(), ...spec, metricsFile: 'out/metrics.json' });
    expect(withMetrics.key).not.toBe(without.key);
    expect(withMetrics.cache).toBe('miss');
    expect(withMetrics.metrics).toEqual({ auc: 0.9 });
    expect(runs()).toBe(2);
  });

  it('reports a tracked file turned into a directory as an input error naming it, not a crash', async () => {
    const { root, runs, options } = setup();
    rmSync(join(root, 'src/helper.mjs'));
    mkdirSync(join(root, 'src/helper.mjs'));
    writeFiles(root, { 'src/helper.mjs/index.mjs': 'x\n' });
    const failure = await runTraining(options()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InputError);
    expect((failure as InputError).exitCode).toBe(2);
    expect((failure as Error).message).toMatch(/^src\/helper\.mjs: git tracks this as a file but it is now a directory; commit the change \(git -C '.+' add -A -- 'src\/helper\.mjs'\) or restore the tracked file/);
    expect(runs()).toBe(0);
  });
});
