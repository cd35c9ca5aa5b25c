import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../errors/index.js';
import { listGitFiles } from './git.js';
import { sha256File } from './hash.js';
import { isWithin, portablePath } from './paths.js';
import { listFiles } from './walk.js';

/** The code a run depends on, reduced to one digest. */
export interface CodeFingerprint {
  /** `git`: tracked files and git object ids; `filesystem`: outside a repository, every file's sha256. */
  source: 'git' | 'filesystem';
  /** Declared code paths, relative to the repository root (`filesystem`: to the working directory); `.` is everything. */
  paths: string[];
  /** Number of files in the listing. */
  files: number;
  /** sha256 of the sorted listing, one `<mode> <id> <stage>\t<path>\n` line per file. */
  digest: string;
}

export interface CodeFingerprintOptions {
  /** The run's working directory; declared paths are relative to it. */
  cwd: string;
  /** The repository's top level, or null outside git. */
  gitRoot: string | null;
  /** Declared code paths; empty or missing = the whole repository (or working directory). */
  paths?: readonly string[];
  /** Absolute paths left out: the run's outputs, lineage, data, params file and cache. */
  exclude: readonly string[];
}

/**
 * Directories never walked outside git: installed dependencies and caches.
 * Lock files stand for installed dependencies in the key.
 */
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules', '__pycache__', '.venv', 'venv', '.tollgate-cache', '.mypy_cache', '.pytest_cache']);

interface ListedFile {
  path: string;
  mode: string;
  id: string;
  stage: number;
}

/**
 * Fingerprints the code under the declared paths. In a git repository these
 * are the tracked files (`git ls-files -s`), with work-tree ids for modified
 * files; untracked files are not code until they are added, which keeps
 * scratch files and caches out of the key. Outside git every file under the
 * paths is hashed.
 */
export async function fingerprintCode(options: CodeFingerprintOptions): Promise<CodeFingerprint> {
  const declared = (options.paths ?? []).map((path) => ({ given: path, absolute: resolve(options.cwd, path) }));
  for (const path of declared) {
    await stat(path.absolute).catch((error: unknown) => {
      throw new InputError({ file: path.given }, 'code path not found', { cause: error });
    });
  }
  const listed = options.gitRoot === null ? await listFilesystem(options.cwd, declared, options.exclude) : await listGit(options.gitRoot, declared, options.exclude);
  listed.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.stage - b.stage));
  const hash = createHash('sha256');
  for (const file of listed.files) hash.update(`${file.mode} ${file.id} ${file.stage}\t${file.path}\n`);
  return { source: listed.source, paths: listed.paths, files: listed.files.length, digest: hash.digest('hex') };
}

async function listGit(root: string, declared: { given: string; absolute: string }[], exclude: readonly string[]) {
  for (const path of declared) {
    if (!isWithin(root, path.absolute)) throw new InputError({ file: path.given }, `code path is outside the git repository at ${root}`);
  }
  const pathspecs = declared.map((path) => portablePath(root, path.absolute));
  const tracked = await listGitFiles(root, pathspecs);
  for (const path of declared) {
    if (!tracked.some((file) => isWithin(path.absolute, resolve(root, file.path)))) {
      throw new InputError({ file: path.given }, 'no file under this code path is tracked by git; `git add` it so it counts toward the cache key');
    }
  }
  const files: ListedFile[] = tracked.filter((file) => !exclude.some((path) => isWithin(path, resolve(root, file.path))));
  return { source: 'git' as const, paths: pathspecs.length > 0 ? pathspecs : ['.'], files };
}

async function listFilesystem(cwd: string, declared: { given: string; absolute: string }[], exclude: readonly string[]) {
  const roots = declared.length > 0 ? declared.map((path) => path.absolute) : [resolve(cwd)];
  const byPath = new Map<string, ListedFile>();
  for (const root of roots) {
    const info = await stat(root);
    const candidates = info.isDirectory()
      ? (await listFiles(root, { skipNames: SKIPPED_DIRECTORIES, exclude })).map((file) => file.absolute)
      : exclude.some((path) => isWithin(path, root))
        ? []
        : [root];
    for (const absolute of candidates) {
      const path = portablePath(cwd, absolute);
      if (byPath.has(path)) continue;
      const digest = await sha256File(absolute, path);
      byPath.set(path, { path, mode: 'file', id: `sha256:${digest.sha256}`, stage: 0 });
    }
  }
  return { source: 'filesystem' as const, paths: roots.map((root) => portablePath(cwd, root)), files: [...byPath.values()] };
}
