import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprintCode, fingerprintData } from '../../shared/lineage/index.js';
import { InputError } from '../../shared/errors/index.js';
import { makeDirectory, makeRepository, removeDirectory, writeFiles } from './git-fixture.js';

const cleanup: string[] = [];
afterAll(() => cleanup.forEach(removeDirectory));

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

describe('fingerprintData', () => {
  it('hashes a CSV file and counts its rows (a quoted field may span lines)', async () => {
    const directory = makeDirectory();
    cleanup.push(directory);
    const text = 'id,note\n1,plain\n2,"two\nlines"\n3,"quote "" inside"\n';
    writeFiles(directory, { 'data/train.csv': text });
    const fingerprint = await fingerprintData(directory, 'data/train.csv');
    expect(fingerprint).toEqual({ path: 'data/train.csv', kind: 'file', sha256: sha256(text), size: Buffer.byteLength(text), rows: 3 });
    expect(fingerprint.sha256).toBe(execFileSync('sha256sum', ['data/train.csv'], { cwd: directory, encoding: 'utf8' }).split(' ')[0]);
  });

  it('counts JSON lines and leaves rows null for files that are not tables', async () => {
    const directory = makeDirectory();
    cleanup.push(directory);
    writeFiles(directory, { 'a.jsonl': '{"x":1}\n{"x":2}\n', 'weights.npy': 'binary' });
    expect((await fingerprintData(directory, 'a.jsonl')).rows).toBe(2);
    expect((await fingerprintData(directory, 'weights.npy')).rows).toBeNull();
  });

  it('hashes a directory as its sha256sum listing and sums the rows of its tables', async () => {
    const directory = makeDirectory();
    cleanup.push(directory);
    writeFiles(directory, { 'parts/b.csv': 'x\n1\n2\n', 'parts/a.csv': 'x\n3\n', 'parts/sub/c.csv': 'x\n4\n5\n6\n' });
    const fingerprint = await fingerprintData(directory, 'parts');
    const listing = execFileSync('sha256sum', ['a.csv', 'b.csv', 'sub/c.csv'], { cwd: join(directory, 'parts'), encoding: 'utf8' });
    expect(fingerprint).toEqual({ path: 'parts', kind: 'directory', sha256: sha256(listing), size: 6 + 4 + 8, files: 3, rows: 6 });
  });

  it('keeps the hash but warns when the reader refuses a table', async () => {
    const directory = makeDirectory();
    cleanup.push(directory);
    writeFiles(directory, { 'bad.csv': 'a,b\n1,2\n3\n' });
    const warnings: string[] = [];
    const fingerprint = await fingerprintData(directory, 'bad.csv', (message) => warnings.push(message));
    expect(fingerprint.rows).toBeNull();
    expect(fingerprint.sha256).toBe(sha256(readFileSync(join(directory, 'bad.csv'))));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('bad.csv');
  });

  it('names a missing dataset', async () => {
    const directory = makeDirectory();
    cleanup.push(directory);
    await expect(fingerprintData(directory, 'data/none.csv')).rejects.toThrow(new InputError({ file: 'data/none.csv' }, 'data file not found'));
  });
});

describe('fingerprintCode', () => {
  it('digests the tracked files under the declared paths and nothing excluded', async () => {
    const { root } = makeRepository({ 'src/train.py': 't\n', 'src/model.json': '{}', 'README.md': 'r\n' });
    cleanup.push(root);
    const all = await fingerprintCode({ cwd: root, gitRoot: root, exclude: [] });
    const withoutModel = await fingerprintCode({ cwd: root, gitRoot: root, exclude: [join(root, 'src/model.json')] });
    const onlySrc = await fingerprintCode({ cwd: root, gitRoot: root, paths: ['src'], exclude: [] });
    expect(all).toMatchObject({ source: 'git', paths: ['.'], files: 3 });
    expect(withoutModel.files).toBe(2);
    expect(onlySrc).toMatchObject({ paths: ['src'], files: 2 });
    expect(new Set([all.digest, withoutModel.digest, onlySrc.digest]).size).toBe(3);
  });

  it('refuses a declared path that is missing or has no tracked file', async () => {
    const { root } = makeRepository({ 'train.py': 't\n' });
    cleanup.push(root);
    writeFiles(root, { 'scratch/new.py': 'n\n' });
    await expect(fingerprintCode({ cwd: root, gitRoot: root, paths: ['nope'], exclude: [] })).rejects.toThrow('nope: code path not found');
    await expect(fingerprintCode({ cwd: root, gitRoot: root, paths: ['scratch'], exclude: [] })).rejects.toThrow(/scratch: no file under this code path is tracked by git/);
  });

  it('hashes every file outside git, skipping dependency folders and excluded paths', async () => {
    const directory = makeDirectory();
    cleanup.push(directory);
    writeFiles(directory, { 'train.py': 't\n', 'node_modules/x/index.js': 'x', 'out/model.bin': 'm' });
    const code = await fingerprintCode({ cwd: directory, gitRoot: null, exclude: [join(directory, 'out')] });
    const expected = createHash('sha256').update(`file sha256:${sha256('t\n')} 0\ttrain.py\n`).digest('hex');
    expect(code).toEqual({ source: 'filesystem', paths: ['.'], files: 1, digest: expected });
  });
});
