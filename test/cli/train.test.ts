import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { makeDirectory, removeDirectory } from '../lineage/git-fixture.js';
import { makeProject } from '../train/project-fixture.js';

const cleanup: string[] = [];
afterAll(() => cleanup.forEach(removeDirectory));

const FLAGS = ['--params', 'params.yaml', '--data', 'data/train.csv', '--outputs', 'out/model.bin', '--metrics', 'metrics.json'];

function setup() {
  const { root } = makeProject();
  const scratch = makeDirectory();
  cleanup.push(root, scratch);
  const counter = join(scratch, 'counter.txt');
  const runs = () => (existsSync(counter) ? readFileSync(counter, 'utf8').split('\n').filter(Boolean).length : 0);
  return { root, counter, runs };
}

describe('tollgate train', () => {
  it('prints one JSON document: a miss, then a hit that does not run the command', async () => {
    const { root, counter, runs } = setup();
    const first = await runCli(['train', ...FLAGS, '--json', '--', 'node', 'train.mjs'], { cwd: root, env: { ...process.env, COUNTER_FILE: counter } });
    expect(first.code).toBe(0);
    const miss = JSON.parse(first.stdout);
    expect(Object.keys(miss)).toEqual(['cache', 'key', 'exit_code', 'duration_s', 'metrics', 'lineage', 'outputs']);
    expect(miss).toMatchObject({ cache: 'miss', exit_code: 0, metrics: { auc: 0.81 }, lineage: 'out/lineage.json' });
    expect(miss.key).toMatch(/^[0-9a-f]{64}$/);
    expect(miss.outputs.map((file: { path: string }) => file.path)).toEqual(['metrics.json', 'out/model.bin']);
    // The command's own stdout went to stderr, so stdout stays parseable.
    expect(first.stderr).toContain('training in mode ok');
    // The default cache lives at the repository root.
    expect(existsSync(join(root, '.tollgate-cache', miss.key, 'manifest.json'))).toBe(true);

    const second = await runCli(['train', ...FLAGS, '--json', '--', 'node', 'train.mjs'], { cwd: root, env: { ...process.env, COUNTER_FILE: counter } });
    expect(second.code).toBe(0);
    const hit = JSON.parse(second.stdout);
    expect(hit).toMatchObject({ cache: 'hit', key: miss.key, exit_code: 0, duration_s: miss.duration_s, outputs: miss.outputs });
    expect(runs()).toBe(1);
  });

  it('exits 1 on a failing command and prints its exit code and stderr tail', async () => {
    const { root, counter } = setup();
    const out = await runCli(['train', ...FLAGS, '--json', '--', 'node', 'train.mjs'], { cwd: root, env: { ...process.env, COUNTER_FILE: counter, TRAIN_MODE: 'fail' } });
    expect(out.code).toBe(1);
    const document = JSON.parse(out.stdout);
    expect(document).toMatchObject({ cache: 'miss', exit_code: 3, outputs: [], metrics: null });
    expect(document.stderr_tail).toHaveLength(40);
    expect(out.stderr).toContain('tollgate train: the training command failed with exit code 3; nothing was cached\n--- last 40 lines of its stderr ---\nstderr line 21\n');
  });

  it('prints a human summary without --json, after the command\'s own output', async () => {
    const { root, counter } = setup();
    const out = await runCli(['train', ...FLAGS, '--no-cache', '--seed', '3', '--', 'node', 'train.mjs'], { cwd: root, env: { ...process.env, COUNTER_FILE: counter } });
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^training in mode ok\ntollgate train: trained in [\d.]+ s \(cache off\)\n {2}key: {5}[0-9a-f]{64}\n {2}metrics: auc 0\.81, loss 0\.4, folds\[0\] 0\.8, folds\[1\] 0\.82\n {2}outputs: metrics\.json \(\d+ B\), out\/model\.bin \(4\.0 KiB\)\n {2}lineage: out\/lineage\.json\n$/);
    expect(JSON.parse(readFileSync(join(root, 'out/lineage.json'), 'utf8')).seed).toBe(3);
    expect(existsSync(join(root, '.tollgate-cache'))).toBe(false);
  });

  it('uses --cache-dir and --code', async () => {
    const { root, counter } = setup();
    const out = await runCli(['train', ...FLAGS, '--cache-dir', 'tmp-cache', '--code', 'train.mjs', '--json', '--', 'node', 'train.mjs'], { cwd: root, env: { ...process.env, COUNTER_FILE: counter } });
    expect(out.code).toBe(0);
    const { key } = JSON.parse(out.stdout);
    expect(existsSync(join(root, 'tmp-cache', key))).toBe(true);
    expect(JSON.parse(readFileSync(join(root, 'out/lineage.json'), 'utf8')).code).toMatchObject({ paths: ['train.mjs'], files: 1 });
  });

  it.each([
    [['train', '--json'], 'put the training command after --'],
    [['train', '--json', '--'], 'no training command after --'],
    [['train', '--bogus', '--', 'node'], "unknown option '--bogus'"],
    [['train', 'stray', '--', 'node'], "unexpected argument 'stray'"],
    [['train', '--seed=1.5', '--', 'node'], "--seed expects a whole number from 0 to 4294967295, got '1.5'"],
    [['train', '--no-cache', '--cache-dir', 'x', '--', 'node'], '--no-cache and --cache-dir exclude each other'],
    [['train', '--data', 'missing.csv', '--', 'node', 'train.mjs'], 'missing.csv: data file not found'],
    [['train', '--params', 'nope.yaml', '--', 'node', 'train.mjs'], 'nope.yaml: params file not found'],
  ])('exits 2 on a usage or input error: %j', async (argv, message) => {
    const { root } = setup();
    const out = await runCli(argv, { cwd: root, env: process.env });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(message);
    expect(out.stdout).toBe('');
  });

  it('answers --help before --, and leaves a --help after -- to the user\'s command', async () => {
    const { root } = setup();
    const help = await runCli(['train', '--help'], { cwd: root, env: process.env });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: tollgate train \[options\] -- <command\.\.\.>/);
    const passed = await runCli(['train', '--no-cache', '--', 'node', '--help'], { cwd: root, env: process.env });
    expect(passed.code).toBe(0);
    expect(passed.stdout).toContain('Usage: node');
  });
});
