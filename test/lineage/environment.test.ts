import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureEnvironment, findLockFiles, isLockFileName } from '../../shared/lineage/index.js';
import { makeRepository, removeDirectory, writeFiles } from './git-fixture.js';

const cleanup: string[] = [];
afterAll(() => cleanup.forEach(removeDirectory));

describe('lock files', () => {
  it('recognizes the lock files of pip, poetry, uv, pdm, conda, renv and npm', () => {
    for (const name of ['package-lock.json', 'requirements.txt', 'requirements-dev.txt', 'poetry.lock', 'uv.lock', 'pdm.lock', 'environment.yml', 'renv.lock']) {
      expect(isLockFileName(name)).toBe(true);
    }
    for (const name of ['package.json', 'requirements.in', 'pyproject.toml', 'lock.txt']) expect(isLockFileName(name)).toBe(false);
  });

  it('finds them in the working directory and its parents up to the repository root', async () => {
    const { root } = makeRepository({
      'package-lock.json': '{"lockfileVersion":3}\n',
      'models/churn/requirements.txt': 'scikit-learn==1.5.0\n',
      'models/churn/train.py': 'x\n',
      'models/other/uv.lock': 'other\n',
    });
    cleanup.push(root);
    const found = await findLockFiles(join(root, 'models/churn'), root);
    expect(found).toEqual([
      { path: 'requirements.txt', sha256: createHash('sha256').update('scikit-learn==1.5.0\n').digest('hex'), size: 20 },
      { path: '../../package-lock.json', sha256: createHash('sha256').update('{"lockfileVersion":3}\n').digest('hex'), size: 22 },
    ]);
    // Outside git only the working directory is searched.
    expect((await findLockFiles(join(root, 'models/churn'), null)).map((file) => file.path)).toEqual(['requirements.txt']);
  });

  it('leaves out excluded paths (the run\'s own outputs)', async () => {
    const { root } = makeRepository({ 'package-lock.json': '{}\n', 'models/churn/requirements.txt': 'x\n', 'models/churn/train.py': 'x\n' });
    cleanup.push(root);
    writeFiles(root, { 'models/churn/requirements-lock.txt': 'written by the last run\n' });
    const cwd = join(root, 'models/churn');
    expect((await findLockFiles(cwd, root)).map((file) => file.path)).toEqual(['requirements-lock.txt', 'requirements.txt', '../../package-lock.json']);
    const found = await findLockFiles(cwd, root, [join(cwd, 'requirements-lock.txt'), join(root, 'package-lock.json')]);
    expect(found.map((file) => file.path)).toEqual(['requirements.txt']);
  });
});

describe('captureEnvironment', () => {
  it('records the OS, the node version and the python3 version when present', async () => {
    const { root } = makeRepository({ 'a.txt': 'a' });
    cleanup.push(root);
    writeFiles(root, { 'poetry.lock': 'lock' });
    const environment = await captureEnvironment(root, root);
    expect(environment.os.platform).toBe(process.platform);
    expect(environment.os.arch).toBe(process.arch);
    expect(environment.runtimes.node).toBe(process.versions.node);
    expect(environment.runtimes.python === null || /^\d+\.\d+/.test(environment.runtimes.python)).toBe(true);
    expect(environment.lock_files.map((file) => file.path)).toEqual(['poetry.lock']);
  });
});
