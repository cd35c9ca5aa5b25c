/**
 * Real git repositories in temporary folders, for the git backend's tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A scratch repository. */
export interface TempRepo {
  dir: string;
  /** Runs git in the repository and returns trimmed stdout. */
  git(args: string[], input?: string, env?: Record<string, string>): string;
  /** Adds an empty commit and returns its sha. */
  commit(message?: string): string;
  cleanup(): void;
}

const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C' };

/** Runs git in `dir`. */
export function git(dir: string, args: string[], input?: string, env?: Record<string, string>): string {
  return execFileSync('git', args, { cwd: dir, env: { ...GIT_ENV, ...env }, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }).trim();
}

/** A new repository with a configured identity and one commit. `bare` makes a remote. */
export function makeRepo(options: { bare?: boolean; clone?: string } = {}): TempRepo {
  const root = mkdtempSync(join(tmpdir(), 'tollgate-registry-'));
  const dir = join(root, 'repo');
  if (options.clone) execFileSync('git', ['clone', '--quiet', options.clone, dir], { env: GIT_ENV, stdio: 'pipe' });
  else execFileSync('git', ['init', '--quiet', ...(options.bare ? ['--bare'] : []), '--initial-branch=main', dir], { env: GIT_ENV, stdio: 'pipe' });
  if (!options.bare) {
    git(dir, ['config', 'user.name', 'Test Tagger']);
    git(dir, ['config', 'user.email', 'tagger@example.com']);
  }
  let count = 0;
  const repo: TempRepo = {
    dir,
    git: (args, input, env) => git(dir, args, input, env),
    commit: (message) => {
      count += 1;
      git(dir, ['commit', '--quiet', '--allow-empty', '-m', message ?? `commit ${count}`]);
      return git(dir, ['rev-parse', 'HEAD']);
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
  if (!options.bare && !options.clone) repo.commit('initial');
  return repo;
}
