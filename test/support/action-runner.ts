import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What a runner leaves behind after a step: its outputs, summary and log. */
export interface StepResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Parses the `name<<DELIMITER` blocks (and `name=value` lines) of a GITHUB_OUTPUT file. */
export function parseCommandFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const body: string[] = [];
      for (index++; index < lines.length && lines[index] !== delimiter; index++) body.push(lines[index]);
      values[name] = body.join('\n');
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return values;
}

/** The environment a runner gives a step: INPUT_* variables and the command files. */
export async function stepEnvironment(inputs: Record<string, string>, extra: Record<string, string> = {}): Promise<{ env: Record<string, string>; folder: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'tollgate-step-'));
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STEP_SUMMARY: 'summary', GITHUB_STATE: 'state', GITHUB_ENV: 'env', GITHUB_PATH: 'path' };
  const env: Record<string, string> = {};
  for (const [variable, name] of Object.entries(files)) {
    const path = join(folder, name);
    await writeFile(path, '');
    env[variable] = path;
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  return { env: { ...env, ...extra }, folder };
}

/** Reads back what the step wrote to its command files. */
export async function collectStep(env: Record<string, string>, exitCode: number, stdout = '', stderr = ''): Promise<StepResult> {
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseCommandFile(await readFile(env.GITHUB_OUTPUT, 'utf8')),
    summary: await readFile(env.GITHUB_STEP_SUMMARY, 'utf8'),
  };
}

/**
 * Spawns a bundled action (`actions/<name>/dist/index.js`) as the runner does:
 * a fresh node process whose environment holds only the runner's variables.
 */
export async function runBundledAction(
  bundle: string,
  inputs: Record<string, string>,
  options: { cwd?: string; env?: Record<string, string>; node?: string } = {},
): Promise<StepResult> {
  const { env } = await stepEnvironment(inputs, options.env);
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', RUNNER_TEMP: tmpdir() };
  return new Promise((resolve, reject) => {
    execFile(options.node ?? process.execPath, [bundle], { cwd: options.cwd, env: { ...base, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      if (error && typeof error.code !== 'number') {
        reject(error);
        return;
      }
      collectStep(env, code, stdout, stderr).then(resolve, reject);
    });
  });
}

// @actions/core caches the summary file's path on first use, as in one runner
// process: every in-process run shares one summary file, emptied before each run.
let sharedSummaryFile: string | undefined;

/**
 * Runs an action's main function in this process with the real `@actions/core`,
 * as a runner would: INPUT_* variables and command files in the environment,
 * stdout captured (workflow commands, annotations), the exit code read from
 * `process.exitCode`. The environment is restored afterwards.
 */
export async function runActionInProcess(main: () => Promise<void>, inputs: Record<string, string>, extra: Record<string, string> = {}): Promise<StepResult & { folder: string }> {
  sharedSummaryFile ??= join(await mkdtemp(join(tmpdir(), 'tollgate-summary-')), 'summary.md');
  await writeFile(sharedSummaryFile, '');
  const { env, folder } = await stepEnvironment(inputs, { GITHUB_STEP_SUMMARY: sharedSummaryFile, ...extra });
  const saved = { ...process.env };
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
  Object.assign(process.env, env);
  const log: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    log.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    const { runAction } = await import('../../actions/lib/run-action.js');
    process.exitCode = undefined;
    await runAction(main);
    return { ...(await collectStep(env, Number(process.exitCode ?? 0), log.join(''))), folder };
  } finally {
    process.stdout.write = write;
    process.exitCode = undefined;
    process.env = saved;
  }
}
