import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { UsageError } from '../errors/index.js';
import { LineTail } from './tail.js';

/** How a training command ended. */
export interface CommandOutcome {
  /** The exit code; 128 + the signal number when a signal ended it (as shells report). */
  exitCode: number;
  /** The signal that ended it, if any. */
  signal: NodeJS.Signals | null;
  /** The last lines of its stderr. */
  stderrTail: string[];
  /** Wall time in seconds. */
  durationS: number;
}

export interface CommandOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Where the command's stdout is copied (the terminal, or stderr when stdout is reserved for JSON). */
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Lines of stderr kept for the error message (default 40). */
  tailLines?: number;
}

/**
 * Runs `argv` without a shell (`spawn(argv[0], argv.slice(1))`: no quoting
 * bugs, no injection), copies its output through as it comes, and keeps the
 * tail of its stderr. Resolves with the outcome whatever the exit code; a
 * program that cannot be started is a `UsageError`.
 */
export function runCommand(argv: readonly string[], options: CommandOptions): Promise<CommandOutcome> {
  if (argv.length === 0 || argv[0] === '') throw new UsageError('no training command given');
  const started = performance.now();
  const tail = new LineTail(options.tailLines ?? 40);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(argv[0], argv.slice(1), { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    child.stdout.pipe(options.stdout, { end: false });
    child.stderr.on('data', (chunk: Buffer) => {
      tail.push(chunk);
      options.stderr.write(chunk);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'ENOENT' ? 'not found (is it installed and on PATH?)' : error.code === 'EACCES' ? 'is not executable' : error.message;
      reject(new UsageError(`cannot start training command '${argv[0]}': ${reason}`, { cause: error }));
    });
    child.on('close', (code, signal) => {
      child.stdout.unpipe(options.stdout);
      const exitCode = code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0);
      resolvePromise({ exitCode, signal, stderrTail: tail.result(), durationS: (performance.now() - started) / 1000 });
    });
  });
}
