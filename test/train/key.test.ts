import { readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planTraining, type TrainSpec } from '../../shared/train/index.js';
import { git, removeDirectory, writeFiles } from '../lineage/git-fixture.js';
import { BASE_SPEC, makeProject } from './project-fixture.js';

const cleanup: string[] = [];
afterAll(() => cleanup.forEach(removeDirectory));

type Case = [name: string, change: (root: string) => Partial<TrainSpec> | void];

async function keyOf(change: Case[1], base: Partial<TrainSpec> = {}): Promise<string> {
  const { root } = makeProject();
  cleanup.push(root);
  const overrides = change(root) ?? {};
  const plan = await planTraining({ cwd: root, ...BASE_SPEC, ...base, ...overrides });
  return plan.key;
}

let baseline: string;
beforeAll(async () => {
  baseline = await keyOf(() => {});
});

// Each declared input, changed on its own in a fresh checkout: the key must move.
const changes: Case[] = [
  ['the command gains an argument', () => ({ command: ['node', 'train.mjs', '--fast'] })],
  ['the interpreter changes', () => ({ command: ['node', '--no-warnings', 'train.mjs'] })],
  ['a param value changes', (root) => writeFiles(root, { 'params.yaml': '# training params\nlr: 0.25\nepochs: 10\nseed: 7\n' })],
  ['an int param is written as a float (10 -> 10.0)', (root) => writeFiles(root, { 'params.yaml': '# training params\nlr: 0.5\nepochs: 10.0\nseed: 7\n' })],
  ['a param is added', (root) => writeFiles(root, { 'params.yaml': '# training params\nlr: 0.5\nepochs: 10\nseed: 7\ndepth: 3\n' })],
  ['another params file is used', (root) => (writeFiles(root, { 'other.yaml': 'lr: 0.5\n' }), { paramsFile: 'other.yaml' })],
  ['the seed is given explicitly', () => ({ seed: 8 })],
  ['one byte of the data changes', (root) => writeFiles(root, { 'data/train.csv': 'id,x,y\n1,0.5,true\n2,1.5,false\n3,2.6,true\n' })],
  ['a dataset is added', () => ({ data: ['data/train.csv', 'data/extra.csv'] })],
  ['the training script is edited (not committed)', (root) => writeFiles(root, { 'train.mjs': '// tuned\n' + BASE_SPEC.command.join(' ') })],
  ['a helper module is edited and committed', (root) => {
    writeFiles(root, { 'src/helper.mjs': 'export const helper = 2;\n' });
    git(root, 'commit', '-qam', 'edit');
  }],
  ['a new file is added to git', (root) => {
    writeFiles(root, { 'src/new.mjs': 'x\n' });
    git(root, 'add', 'src/new.mjs');
  }],
  ['a tracked file is deleted', (root) => rmSync(join(root, 'README.md'))],
  ['the lock file changes', (root) => writeFiles(root, { 'package-lock.json': '{"lockfileVersion": 3, "packages": {}}\n' })],
  ['a lock file appears', (root) => writeFiles(root, { 'requirements.txt': 'numpy==2.0.0\n' })],
  ['another output is declared', () => ({ outputs: ['out/model.bin', 'out/encoder.bin'] })],
  ['the metrics file moves', () => ({ metricsFile: 'reports/metrics.json' })],
  ['code paths are narrowed', () => ({ codePaths: ['train.mjs', 'src'] })],
];

// Changes that are not declared inputs: the key must stay.
const nonChanges: Case[] = [
  ['nothing changes (another checkout path)', () => {}],
  ['params are reformatted, reordered and commented', (root) => writeFiles(root, { 'params.yaml': 'seed: 7   # fixed\n\nepochs: 10\nlr: 0.50\n' })],
  ['the data is rewritten with the same bytes and a new mtime', (root) => {
    writeFileSync(join(root, 'data/train.csv'), 'id,x,y\n1,0.5,true\n2,1.5,false\n3,2.5,true\n');
    utimesSync(join(root, 'data/train.csv'), new Date('2030-01-01'), new Date('2030-01-01'));
  }],
  ['an untracked scratch file appears', (root) => writeFiles(root, { 'notes.txt': 'scratch\n', 'src/tmp.mjs': 'x\n' })],
  ['outputs, metrics and lineage of an earlier run are present', (root) => writeFiles(root, { 'out/model.bin': 'old', 'metrics.json': '{}', 'out/lineage.json': '{}' })],
  ['a commit changes no file', (root) => {
    git(root, 'commit', '-q', '--allow-empty', '-m', 'empty');
  }],
  ['an inherited environment variable changes', () => ({ env: { ...process.env, TOLLGATE_PARAM_LR: '9', TRAIN_MODE: 'fail' } })],
];

describe('content key', () => {
  it('is a 64-digit sha256', () => {
    expect(baseline).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each(changes)('changes when %s', async (_name, change) => {
    expect(await keyOf(change)).not.toBe(baseline);
  });

  it.each(nonChanges)('stays when %s', async (_name, change) => {
    expect(await keyOf(change)).toBe(baseline);
  });

  it('stays when an edit is made and undone', async () => {
    const { root } = makeProject();
    cleanup.push(root);
    const before = (await planTraining({ cwd: root, ...BASE_SPEC })).key;
    const original = readFileSync(join(root, 'train.mjs'), 'utf8');
    writeFiles(root, { 'train.mjs': 'changed\n' });
    const edited = (await planTraining({ cwd: root, ...BASE_SPEC })).key;
    writeFiles(root, { 'train.mjs': original });
    expect(edited).not.toBe(before);
    expect((await planTraining({ cwd: root, ...BASE_SPEC })).key).toBe(before);
    expect(before).toBe(baseline);
  });

  it('does not depend on the order of --data flags', async () => {
    const forward = await keyOf(() => {}, { data: ['data/train.csv', 'data/extra.csv'] });
    const backward = await keyOf(() => {}, { data: ['data/extra.csv', 'data/train.csv'] });
    expect(forward).toBe(backward);
  });

  it('ignores files outside the declared code paths', async () => {
    const base = { codePaths: ['train.mjs', 'src'] };
    const narrowed = await keyOf(() => {}, base);
    const readmeEdited = await keyOf((root) => {
      writeFiles(root, { 'README.md': '# edited\n' });
      git(root, 'commit', '-qam', 'docs');
    }, base);
    const helperEdited = await keyOf((root) => writeFiles(root, { 'src/helper.mjs': 'export const helper = 3;\n' }), base);
    expect(readmeEdited).toBe(narrowed);
    expect(helperEdited).not.toBe(narrowed);
  });

  it('tells a plain yes (True to PyYAML) from a quoted "yes"', async () => {
    const plain = await keyOf((root) => writeFiles(root, { 'params.yaml': 'lr: 0.5\nseed: 7\nflag: yes\n' }));
    const quoted = await keyOf((root) => writeFiles(root, { 'params.yaml': 'lr: 0.5\nseed: 7\nflag: "yes"\n' }));
    expect(plain).not.toBe(quoted);
  });

  it('changes when a metrics file inside an output directory is declared', async () => {
    const without = await keyOf(() => {}, { outputs: ['out'], metricsFile: undefined });
    const withMetrics = await keyOf(() => {}, { outputs: ['out'], metricsFile: 'out/metrics.json' });
    expect(withMetrics).not.toBe(without);
  });

  it('does not take an output named like a lock file for a lock file', async () => {
    const base = { outputs: ['requirements-lock.txt'] };
    const { root } = makeProject();
    cleanup.push(root);
    const fresh = await planTraining({ cwd: root, ...BASE_SPEC, ...base });
    writeFiles(root, { 'requirements-lock.txt': 'numpy==2.0.0\n' }); // what the previous run wrote
    const after = await planTraining({ cwd: root, ...BASE_SPEC, ...base });
    expect(after.environment.lock_files.map((file) => file.path)).toEqual(['package-lock.json']);
    expect(after.key).toBe(fresh.key);
  });
});
