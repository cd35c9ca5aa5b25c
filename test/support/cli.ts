import { PassThrough } from 'node:stream';
import type { CommandIo } from '../../cli/command.js';
import { main } from '../../cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `tollgate <args>` in-process with captured output, as `cli/bin/tollgate.js` would. */
export async function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; interactive?: boolean } = {}): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const io: CommandIo = { stdout, stderr, cwd: options.cwd ?? process.cwd(), env: options.env ?? {}, interactive: options.interactive ?? false };
  const code = await main(args, io);
  return { code, stdout: out, stderr: err };
}
