/**
 * Runs a bundled action (`actions/<name>/dist/index.js`) as a process, the way
 * the runner does: INPUT_* variables, temporary GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, and the GitHub API at a local fake.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface ActionRun {
  code: number;
  outputs: Record<string, string>;
  summary: string;
  stdout: string;
  stderr: string;
}

/** Reads `name<<delimiter ... delimiter` blocks (and plain `name=value` lines) of a GITHUB_OUTPUT file. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[index]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], index + 1);
      outputs[heredoc[1]] = lines.slice(index + 1, end).join('\n');
      index = end;
    } else if (lines[index].includes('=')) {
      const at = lines[index].indexOf('=');
      outputs[lines[index].slice(0, at)] = lines[index].slice(at + 1);
    }
  }
  return outputs;
}

/**
 * The inputs the runner passes: action.yml defaults (`${{ github.token }}`
 * becomes `token`), overridden by the step's `with:`.
 */
export function runnerInputs(actionDir: string, inputs: Record<string, string>, token: string): Record<string, string> {
  const definition = parse(readFileSync(join(actionDir, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
  const all: Record<string, string> = {};
  for (const [name, input] of Object.entries(definition.inputs)) {
    if (input.default !== undefined) all[name] = input.default.includes('${{') ? token : input.default;
  }
  return { ...all, ...inputs };
}

/** Spawns `node actions/<name>/dist/index.js` with the given inputs and GitHub environment. */
export function runBundle(
  actionDir: string,
  inputs: Record<string, string>,
  github: { workspace: string; token?: string; retries?: string; apiUrl?: string; repository?: string; sha?: string; eventName?: string; event?: object; node?: string },
): Promise<ActionRun> {
  const bundle = join(actionDir, 'dist', 'index.js');
  const scratch = mkdtempSync(join(tmpdir(), 'tollgate-action-'));
  const files = { output: join(scratch, 'output'), summary: join(scratch, 'summary.md'), event: join(scratch, 'event.json') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  writeFileSync(files.event, JSON.stringify(github.event ?? {}));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_EVENT_NAME: github.eventName ?? 'push',
    GITHUB_WORKSPACE: github.workspace,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_RUN_ID: '4242',
    RUNNER_TEMP: scratch,
    // No retries and no write pacing against the local fake (1 s between writes otherwise).
    TOLLGATE_GITHUB_RETRIES: github.retries ?? '0',
    ...(github.apiUrl ? { GITHUB_API_URL: github.apiUrl } : {}),
    ...(github.repository ? { GITHUB_REPOSITORY: github.repository } : {}),
    ...(github.sha ? { GITHUB_SHA: github.sha } : {}),
  };
  for (const [name, value] of Object.entries(runnerInputs(actionDir, inputs, github.token ?? ''))) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  return new Promise((resolve, reject) => {
    execFile(github.node ?? process.execPath, [bundle], { cwd: github.workspace, env, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      if (code === -1) {
        reject(error);
        return;
      }
      const run = { code, outputs: parseOutputFile(readFileSync(files.output, 'utf8')), summary: readFileSync(files.summary, 'utf8'), stdout, stderr };
      rmSync(scratch, { recursive: true, force: true });
      resolve(run);
    });
  });
}
