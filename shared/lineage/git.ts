import { createHash } from 'node:crypto';
import { lstat, readlink } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../errors/index.js';
import { execProgram, type ExecResult } from './exec.js';
import { isWithin } from './paths.js';

/** Where a run's code came from, as git sees it. */
export interface GitState {
  /** Absolute path of the work tree's top level; null outside a repository. */
  root: string | null;
  /** The checked-out commit; null outside a repository or before the first commit. */
  commit: string | null;
  /**
   * True when the work tree differs from `commit` (modified, staged or untracked
   * files), not counting the run's own outputs; null outside a repository.
   */
  dirty: boolean | null;
  /** Why git could not be asked although it looked like a repository (e.g. "dubious ownership"). */
  warning?: string;
}

/** One entry of the index, or a modified file hashed as git would store it. */
export interface GitCodeFile {
  /** Path relative to the repository root, forward slashes. */
  path: string;
  /** `100644`, `100755`, `120000` (symlink), `160000` (submodule). */
  mode: string;
  /** Git object id of the content (of the work tree copy when modified). */
  id: string;
  /** Merge stage: 0 normally, 1-3 while a conflict is unresolved. */
  stage: number;
}

// No index lock for read-only commands: a parallel `git` of the user's is never blocked.
const GIT_ENV = { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' };

function git(cwd: string, args: readonly string[]): Promise<ExecResult> {
  return execProgram('git', args, { cwd, env: GIT_ENV });
}

/** Splits NUL-terminated output (`-z`) into its records. */
function nulRecords(text: string): string[] {
  const records = text.split('\0');
  if (records.at(-1) === '') records.pop();
  return records;
}

/** The work tree's top level (absolute), or null outside a repository or without git. */
export async function gitTopLevel(cwd: string): Promise<string | null> {
  const top = await git(cwd, ['rev-parse', '--show-toplevel']);
  return top.code === 0 ? resolve(top.stdout.trim()) : null;
}

/**
 * Reads commit and dirtiness with `git rev-parse` and `git status --porcelain`.
 * Outside a repository (or without git installed) every field is null: a
 * notebook directory can still be trained, its lineage just says "no git".
 * `ignore` lists absolute paths (the run's outputs) whose changes do not make
 * the tree dirty, so a second run is not "dirty" because of the first run's model.
 */
export async function readGitState(cwd: string, ignore: readonly string[] = []): Promise<GitState> {
  const top = await git(cwd, ['rev-parse', '--show-toplevel']);
  if (top.code !== 0) {
    const message = top.stderr.trim();
    const normal = top.startError !== undefined || /not a git repository/i.test(message);
    return { root: null, commit: null, dirty: null, ...(normal ? {} : { warning: `git: ${message.split('\n')[0]}` }) };
  }
  const root = resolve(top.stdout.trim());
  const head = await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  const commit = head.code === 0 ? head.stdout.trim() : null;
  const status = await git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all']);
  if (status.code !== 0) return { root, commit, dirty: null, warning: `git status: ${status.stderr.trim().split('\n')[0]}` };
  const changed = changedPaths(status.stdout);
  const dirty = changed.some((path) => !ignore.some((ignored) => isWithin(ignored, resolve(root, path))));
  return { root, commit, dirty };
}

/** Paths named by `git status --porcelain=v1 -z` (both sides of a rename). */
function changedPaths(output: string): string[] {
  const records = nulRecords(output);
  const paths: string[] = [];
  for (let index = 0; index < records.length; index += 1) {
    const record = records[index];
    paths.push(record.slice(3));
    // Renames and copies carry their origin as the next record.
    if (record[0] === 'R' || record[0] === 'C') {
      index += 1;
      if (records[index] !== undefined) paths.push(records[index]);
    }
  }
  return paths;
}

/**
 * Lists the tracked files under `pathspecs` (relative to `root`; none = the whole
 * repository) with `git ls-files -s`, then replaces the index id of files that
 * differ in the work tree by `git hash-object` of the work tree copy, and drops
 * files deleted from the work tree. Ids are git's own, so editing a file and
 * undoing the edit gives back the committed id (and the same content key).
 * Pathspecs are literal: `*` in a name is a character, not a glob.
 */
export async function listGitFiles(root: string, pathspecs: readonly string[]): Promise<GitCodeFile[]> {
  const spec = pathspecs.length > 0 ? ['--', ...pathspecs] : [];
  const [staged, modified, deleted] = await Promise.all([
    gitOrThrow(root, ['--literal-pathspecs', 'ls-files', '-z', '--stage', '--full-name', ...spec]),
    gitOrThrow(root, ['--literal-pathspecs', 'ls-files', '-z', '--modified', '--full-name', ...spec]),
    gitOrThrow(root, ['--literal-pathspecs', 'ls-files', '-z', '--deleted', '--full-name', ...spec]),
  ]);
  const gone = new Set(nulRecords(deleted));
  const files: GitCodeFile[] = [];
  for (const record of nulRecords(staged)) {
    const tab = record.indexOf('\t');
    const [mode, id, stage] = record.slice(0, tab).split(' ');
    const path = record.slice(tab + 1);
    if (!gone.has(path)) files.push({ path, mode, id, stage: Number(stage) });
  }
  // Submodules (mode 160000) are pinned by the commit the index records.
  const submodules = new Set(files.filter((file) => file.mode === '160000').map((file) => file.path));
  const toHash = [...new Set(nulRecords(modified))].filter((path) => !gone.has(path) && !submodules.has(path));
  const worktreeIds = await hashObjects(root, toHash, files[0]?.id.length === 64 ? 'sha256' : 'sha1');
  for (const file of files) {
    const id = worktreeIds.get(file.path);
    if (id !== undefined) file.id = id;
  }
  return files;
}

/**
 * Tracked paths (relative to `root`) at or under `pathspecs`, as the index
 * lists them (a tracked file deleted from the work tree included).
 */
export async function listTrackedPaths(root: string, pathspecs: readonly string[]): Promise<string[]> {
  if (pathspecs.length === 0) return [];
  return nulRecords(await gitOrThrow(root, ['--literal-pathspecs', 'ls-files', '-z', '--full-name', '--', ...pathspecs]));
}

/** What to do about a tracked path git cannot hash. */
const commitOrRestore = (root: string, path: string) =>
  `commit the change (git -C '${root}' add -A -- '${path}') or restore the tracked file (git -C '${root}' restore -- '${path}')`;

/**
 * Work-tree ids of modified files, as git would store them: `git hash-object`
 * (clean filters applied, nothing written) in argument-list-sized chunks; a
 * symlink is the blob of its target's name, as git stores links. A tracked
 * file that is now a directory, or that git cannot read, is an InputError
 * naming it.
 */
async function hashObjects(root: string, paths: readonly string[], format: 'sha1' | 'sha256'): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const regular: string[] = [];
  const infos = await Promise.all(paths.map((path) => lstat(resolve(root, path)).catch(() => undefined)));
  for (const [index, path] of paths.entries()) {
    const info = infos[index];
    if (info?.isDirectory()) throw new InputError({ file: path }, `git tracks this as a file but it is now a directory; ${commitOrRestore(root, path)}`);
    if (!info?.isSymbolicLink()) {
      regular.push(path);
      continue;
    }
    const target = await readlink(resolve(root, path), { encoding: 'buffer' });
    ids.set(path, createHash(format).update(`blob ${target.length}\0`).update(target).digest('hex'));
  }
  const CHUNK = 500;
  for (let start = 0; start < regular.length; start += CHUNK) {
    const chunk = regular.slice(start, start + CHUNK);
    const result = await git(root, ['hash-object', '--', ...chunk]);
    if (result.code !== 0) {
      // Find the path git refused, one at a time, to name it.
      for (const path of chunk) {
        const single = await git(root, ['hash-object', '--', path]);
        if (single.code !== 0) throw new InputError({ file: path }, `git cannot hash this tracked file (${firstLine(single.stderr)}); ${commitOrRestore(root, path)}`);
      }
      throw new InputError(undefined, `git hash-object failed in ${root}: ${firstLine(result.stderr)}`);
    }
    const lines = result.stdout.split('\n').filter((line) => line !== '');
    chunk.forEach((path, index) => ids.set(path, lines[index]));
  }
  return ids;
}

const firstLine = (text: string) => text.trim().split('\n')[0].replace(/^fatal: /, '') || 'no message';

async function gitOrThrow(root: string, args: readonly string[]): Promise<string> {
  const result = await git(root, args);
  if (result.code !== 0) {
    const reason = result.startError ? `git could not be started (${result.startError.code})` : firstLine(result.stderr);
    const command = args.find((arg) => !arg.startsWith('-')) ?? '';
    throw new InputError(undefined, `git ${command} failed in ${root}: ${reason}; check the repository with 'git status'`);
  }
  return result.stdout;
}
