import { readdir } from 'node:fs/promises';
import { arch, platform, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { execProgram } from './exec.js';
import { fingerprintFile, type FileFingerprint } from './fingerprint.js';
import { isWithin } from './paths.js';

/** The machine a run trained on. */
export interface EnvironmentRecord {
  os: { platform: string; release: string; arch: string };
  /** Runtime versions: node always, python when `python3` is on PATH (null otherwise). */
  runtimes: { node: string; python: string | null };
  /** Dependency lock files found in the working directory and its parents up to the repository root. */
  lock_files: FileFingerprint[];
}

/**
 * Names of dependency lock files. Pinned dependency versions decide what a
 * training script actually runs, so each one found is hashed into lineage
 * and into the content key.
 */
export function isLockFileName(name: string): boolean {
  return (
    /^requirements.*\.txt$/.test(name) ||
    [
      'package-lock.json',
      'poetry.lock',
      'uv.lock',
      'pdm.lock',
      'environment.yml',
      'environment.yaml',
      'Pipfile.lock',
      'conda-lock.yml',
      'renv.lock',
      'yarn.lock',
      'pnpm-lock.yaml',
    ].includes(name)
  );
}

/**
 * Finds lock files in `cwd` and each parent up to `repositoryRoot` (a model in
 * `models/churn/` is governed by its own `requirements.txt` and the monorepo's
 * `package-lock.json` alike). Outside a repository only `cwd` is searched.
 * Paths are relative to `cwd`; the list is in directory order, then by name.
 * `exclude` (absolute) leaves out the run's own outputs: a declared output
 * named like a lock file (`requirements-lock.txt`) is a leftover of the
 * previous run, not an input, and must not change the key.
 */
export async function findLockFiles(cwd: string, repositoryRoot: string | null, exclude: readonly string[] = []): Promise<FileFingerprint[]> {
  const directories: string[] = [resolve(cwd)];
  if (repositoryRoot !== null && isWithin(repositoryRoot, cwd)) {
    let current = resolve(cwd);
    while (resolve(current) !== resolve(repositoryRoot)) {
      current = dirname(current);
      directories.push(current);
    }
  }
  const found: FileFingerprint[] = [];
  for (const directory of directories) {
    const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
    const names = entries.filter((entry) => entry.isFile() && isLockFileName(entry.name)).map((entry) => entry.name).sort();
    for (const name of names) {
      const path = join(directory, name);
      if (!exclude.some((excluded) => isWithin(excluded, path))) found.push(await fingerprintFile(cwd, path));
    }
  }
  return found;
}

/** `python3 --version` as `3.12.1`; null when python3 is not installed or does not answer. */
export async function pythonVersion(cwd: string): Promise<string | null> {
  const result = await execProgram('python3', ['--version'], { cwd, timeoutMs: 10_000, maxBuffer: 64 * 1024 });
  if (result.code !== 0) return null;
  const match = /Python\s+(\S+)/.exec(`${result.stdout} ${result.stderr}`);
  return match ? match[1] : null;
}

/** Captures OS, runtime versions and lock files (`exclude`: the run's outputs, see {@link findLockFiles}). */
export async function captureEnvironment(cwd: string, repositoryRoot: string | null, exclude: readonly string[] = []): Promise<EnvironmentRecord> {
  const [python, lockFiles] = await Promise.all([pythonVersion(cwd), findLockFiles(cwd, repositoryRoot, exclude)]);
  return {
    os: { platform: platform(), release: release(), arch: arch() },
    runtimes: { node: process.versions.node, python },
    lock_files: lockFiles,
  };
}
