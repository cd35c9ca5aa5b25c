import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../shared/errors/index.js';
import { gitTopLevel, listGitFiles, listTrackedPaths, readGitState } from '../../shared/lineage/index.js';
import { git, makeDirectory, makeRepository, removeDirectory, writeFiles } from './git-fixture.js';

const cleanup: string[] = [];
afterAll(() => cleanup.forEach(removeDirectory));

describe('readGitState', () => {
  it('reads the commit of a temporary repository and a clean tree', async () => {
    const { root, commit } = makeRepository({ 'train.py': 'print(1)\n', 'src/util.py': 'x = 1\n' });
    cleanup.push(root);
    expect(commit).toMatch(/^[0-9a-f]{40}$/);
    expect(await readGitState(join(root, 'src'))).toEqual({ root, commit, dirty: false });
  });

  it('is dirty after an edit, a staged change or a new file, but not for the run\'s own outputs', async () => {
    const { root } = makeRepository({ 'train.py': 'print(1)\n' });
    cleanup.push(root);
    writeFileSync(join(root, 'model.bin'), 'weights');
    expect((await readGitState(root, [join(root, 'model.bin')])).dirty).toBe(false);
    expect((await readGitState(root)).dirty).toBe(true);
    rmSync(join(root, 'model.bin'));
    writeFiles(root, { 'out/deep/model.bin': 'w' });
    expect((await readGitState(root, [join(root, 'out')])).dirty).toBe(false);
    rmSync(join(root, 'out'), { recursive: true });
    writeFileSync(join(root, 'train.py'), 'print(2)\n');
    expect((await readGitState(root)).dirty).toBe(true);
    git(root, 'add', 'train.py');
    expect((await readGitState(root)).dirty).toBe(true);
  });

  it('tolerates a directory that is not a repository', async () => {
    const directory = makeDirectory();
    cleanup.push(directory);
    expect(await readGitState(directory)).toEqual({ root: null, commit: null, dirty: null });
    expect(await gitTopLevel(directory)).toBeNull();
  });

  it('has no commit yet in a fresh repository', async () => {
    const directory = makeDirectory();
    cleanup.push(directory);
    git(directory, 'init', '-q');
    const state = await readGitState(directory);
    expect(state.commit).toBeNull();
    expect(state.root).toBe(directory);
  });
});

describe('listGitFiles', () => {
  it('lists tracked files with their index ids and work-tree ids for modified files', async () => {
    const { root } = makeRepository({ 'a.py': 'a\n', 'lib/b.py': 'b\n', 'lib/c.py': 'c\n', 'docs/readme.md': 'r\n' });
    cleanup.push(root);
    writeFileSync(join(root, 'lib/b.py'), 'b changed\n');
    rmSync(join(root, 'lib/c.py'));
    writeFileSync(join(root, 'lib/untracked.py'), 'u\n');
    const files = await listGitFiles(root, ['lib', 'a.py']);
    expect(files.map((file) => file.path).sort()).toEqual(['a.py', 'lib/b.py']);
    const byPath = Object.fromEntries(files.map((file) => [file.path, file]));
    expect(byPath['a.py'].id).toBe(git(root, 'rev-parse', 'HEAD:a.py'));
    expect(byPath['lib/b.py'].id).toBe(git(root, 'hash-object', 'lib/b.py'));
    expect(byPath['lib/b.py'].id).not.toBe(git(root, 'rev-parse', 'HEAD:lib/b.py'));
    expect(byPath['a.py'].mode).toBe('100644');
  });

  it('gives the committed id back when an edit is undone', async () => {
    const { root } = makeRepository({ 'a.py': 'a\n' });
    cleanup.push(root);
    const before = await listGitFiles(root, []);
    writeFileSync(join(root, 'a.py'), 'edited\n');
    const edited = await listGitFiles(root, []);
    writeFileSync(join(root, 'a.py'), 'a\n');
    const undone = await listGitFiles(root, []);
    expect(edited[0].id).not.toBe(before[0].id);
    expect(undone).toEqual(before);
  });

  it('treats pathspecs literally', async () => {
    const { root } = makeRepository({ 'x*.py': 'star\n', 'xy.py': 'y\n' });
    cleanup.push(root);
    expect((await listGitFiles(root, ['x*.py'])).map((file) => file.path)).toEqual(['x*.py']);
  });

  it('names a tracked file that became a directory, saying to commit or restore it', async () => {
    const { root } = makeRepository({ 'a.py': 'a\n', 'lib/b.py': 'b\n' });
    cleanup.push(root);
    rmSync(join(root, 'lib/b.py'));
    mkdirSync(join(root, 'lib/b.py'));
    writeFileSync(join(root, 'lib/b.py/inner.py'), 'x\n');
    const failure = listGitFiles(root, []);
    await expect(failure).rejects.toThrow(InputError);
    await expect(failure).rejects.toThrow(
      `lib/b.py: git tracks this as a file but it is now a directory; commit the change (git -C '${root}' add -A -- 'lib/b.py') or restore the tracked file (git -C '${root}' restore -- 'lib/b.py')`,
    );
  });

  // root reads any file, so there is nothing to refuse.
  it.skipIf(process.getuid?.() === 0)('names a modified tracked file git cannot read', async () => {
    const { root } = makeRepository({ 'a.py': 'a\n', 'b.py': 'b\n' });
    cleanup.push(root);
    writeFileSync(join(root, 'b.py'), 'changed\n');
    chmodSync(join(root, 'b.py'), 0);
    await expect(listGitFiles(root, [])).rejects.toThrow(/^b\.py: git cannot hash this tracked file \(.+\); commit the change/);
    chmodSync(join(root, 'b.py'), 0o644);
  });

  it('hashes a retargeted symlink as git stores it (its target name), even when the target is missing', async () => {
    const { root } = makeRepository({ 'a.py': 'a\n' });
    cleanup.push(root);
    symlinkSync('a.py', join(root, 'link'));
    git(root, 'add', 'link');
    git(root, 'commit', '-qm', 'link');
    rmSync(join(root, 'link'));
    symlinkSync('missing.py', join(root, 'link'));
    const listed = (await listGitFiles(root, ['link']))[0];
    git(root, 'add', 'link');
    expect(listed.id).toBe(git(root, 'ls-files', '-s', 'link').split(' ')[1]);
    expect(listed.mode).toBe('120000');
  });
});

describe('listTrackedPaths', () => {
  it('lists tracked files at or under paths, deleted ones included, untracked ones not', async () => {
    const { root } = makeRepository({ 'src/a.py': 'a\n', 'src/sub/b.py': 'b\n', 'model.bin': 'm', 'other.py': 'o\n' });
    cleanup.push(root);
    rmSync(join(root, 'src/a.py'));
    writeFiles(root, { 'src/new.py': 'n\n', 'out/x.bin': 'x' });
    expect(await listTrackedPaths(root, ['src'])).toEqual(['src/a.py', 'src/sub/b.py']);
    expect(await listTrackedPaths(root, ['model.bin'])).toEqual(['model.bin']);
    expect(await listTrackedPaths(root, ['out'])).toEqual([]);
  });
});
