/**
 * Runs git with an argument array (never through a shell) and collects its
 * output. Used by the git backend only.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { statSync } from 'node:fs';
import { TollgateError } from '../errors/index.js';

/** What a finished git process left behind. */
export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options for one git invocation. */
export interface GitRunOptions {
  cwd: string;
  /** Extra environment variables (merged over the process environment). */
  env?: NodeJS.ProcessEnv;
  /** Bytes written to stdin. */
  input?: string;
  /** The git executable (default `git`). */
  git?: string;
}

/** Runs git; resolves with the exit code instead of throwing on failure. */
export function runGit(args: readonly string[], options: GitRunOptions): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    let child: ChildProcessWithoutNullStreams;
    try {
      child = spawn(options.git ?? 'git', args, {
        cwd: options.cwd,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...options.env },
        stdio: ['pipe', 'pipe', 'pipe'],
        shell: false,
      });
    } catch (error) {
      // A working directory that is a file fails here, synchronously (ENOTDIR).
      reject(spawnFailure(error as NodeJS.ErrnoException, options.cwd));
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => reject(spawnFailure(error, options.cwd)));
    child.on('close', (code) => {
      resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.on('error', () => {}); // git may exit before reading stdin; the exit code tells.
    child.stdin.end(options.input ?? '');
  });
}

/** Runs git and returns stdout; a non-zero exit becomes a `TollgateError` quoting git's message. */
export async function gitOutput(args: readonly string[], options: GitRunOptions, what: string): Promise<string> {
  const result = await runGit(args, options);
  if (result.code !== 0) {
    throw new TollgateError(`${what} failed in ${options.cwd}: ${firstLines(result.stderr) || `git exited with ${result.code}`}`);
  }
  return result.stdout;
}

/** The first few lines of git's stderr, for messages. */
export function firstLines(text: string, count = 3): string {
  return text.trim().split('\n').slice(0, count).join(' / ');
}

/**
 * Why git could not start. A missing working directory is reported as ENOENT
 * too, just like a missing git executable: look at the directory to tell them apart.
 */
function spawnFailure(error: NodeJS.ErrnoException, cwd: string): Error {
  if (error.code !== 'ENOENT' && error.code !== 'ENOTDIR') return error;
  return directoryProblem(cwd, error) ?? new TollgateError(`git is not installed or not on PATH (needed for the registry's git backend in ${cwd})`, { cause: error });
}

/** Why `cwd` cannot be git's working directory, or undefined when it can. */
function directoryProblem(cwd: string, cause: unknown): TollgateError | undefined {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(cwd).isDirectory();
  } catch {
    return new TollgateError(`the repository directory ${cwd} does not exist (check the repository path, e.g. --repo)`, { cause });
  }
  return isDirectory ? undefined : new TollgateError(`the repository path ${cwd} is not a directory (check the repository path, e.g. --repo)`, { cause });
}
