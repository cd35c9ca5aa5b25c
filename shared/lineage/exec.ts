import { execFile } from 'node:child_process';

/** What a finished program said. `code` is null when it could not be started. */
export interface ExecResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Set when the program could not be started (e.g. `ENOENT`: not installed). */
  startError?: NodeJS.ErrnoException;
}

export interface ExecOptions {
  cwd: string;
  timeoutMs?: number;
  /** Output larger than this fails the call (default 256 MiB: `git ls-files` of big monorepos). */
  maxBuffer?: number;
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs a program with an argument array (never a shell) and resolves with its
 * result whatever the exit code, so callers decide what a failure means
 * (`git` outside a repository is normal, not an error).
 */
export function execProgram(program: string, args: readonly string[], options: ExecOptions): Promise<ExecResult> {
  return new Promise((resolvePromise) => {
    execFile(
      program,
      args,
      {
        cwd: options.cwd,
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: options.maxBuffer ?? 256 * 1024 * 1024,
        env: options.env,
        encoding: 'utf8',
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        if (!error) return resolvePromise({ code: 0, stdout, stderr });
        const errno = error as NodeJS.ErrnoException & { code?: number | string };
        if (typeof errno.code === 'number') return resolvePromise({ code: errno.code, stdout, stderr });
        // A string code means the program never ran (ENOENT, EACCES) or was killed.
        resolvePromise({ code: null, stdout, stderr, startError: errno });
      },
    );
  });
}
