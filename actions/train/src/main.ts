import * as actionsCache from '@actions/cache';
import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { UsageError } from '../../../shared/errors/index.js';
import { parseParams, parseSeed, runTraining, type TrainCache } from '../../../shared/train/index.js';
import { booleanInput, listInput, optionalInput, requiredInput } from '../../lib/inputs.js';
import { ActionsTrainCache, workspacePath } from './actions-cache.js';
import { artifactName, defaultArtifactUploader, type ArtifactUploader } from './artifact.js';
import { splitShellWords } from '../../../shared/process/shell-words.js';
import { trainSummary } from './summary.js';

/** What the action can be given instead of the real services (tests). */
export interface TrainActionDependencies {
  artifactUploader?: ArtifactUploader;
}

const MODEL_NAME = /^[a-zA-Z0-9]([a-zA-Z0-9\-/_]*[a-zA-Z0-9])?$/;
/** What `@actions/cache` (through `@actions/glob`) reads as a pattern, a negation or a comment. */
const PATTERN = /[*?[\]]|^[!#]/;

/**
 * `params` is a path, or params written inline (a YAML mapping on several
 * lines, or `{...}` flow/JSON style). Inline params are written to a file
 * under RUNNER_TEMP, so the command still finds them through TOLLGATE_PARAMS.
 */
async function resolveParamsInput(value: string | undefined): Promise<{ file?: string; label?: string }> {
  if (value === undefined) return {};
  if (!value.includes('\n') && !value.trimStart().startsWith('{')) return { file: value };
  parseParams(value, "input 'params'");
  const directory = process.env.RUNNER_TEMP || tmpdir();
  await mkdir(directory, { recursive: true });
  const file = join(directory, `tollgate-params-${randomBytes(6).toString('hex')}.yaml`);
  await writeFile(file, value.endsWith('\n') ? value : `${value}\n`);
  return { file, label: "input 'params'" };
}

/** The `train` action: reads inputs, runs `runTraining`, sets outputs and writes the job summary. */
export async function runTrainAction(dependencies: TrainActionDependencies = {}): Promise<void> {
  const command = splitShellWords(requiredInput('command'));
  const model = optionalInput('model') ?? 'model';
  if (!MODEL_NAME.test(model)) throw new UsageError(`input 'model' must look like churn or models/churn (letters, digits, - _ /); got '${model}'`);
  const workspace = resolve(process.env.GITHUB_WORKSPACE || process.cwd());
  const cwd = resolve(workspace, optionalInput('working-directory') ?? '.');
  const outputs = listInput('outputs');
  const metrics = optionalInput('metrics');
  const lineage = optionalInput('lineage');
  for (const path of [...outputs, ...(metrics ? [metrics] : []), ...(lineage ? [lineage] : [])]) {
    if (PATTERN.test(path)) throw new UsageError(`output '${path}' would be read as a pattern by the Actions cache (it holds * ? [ ] or starts with ! or #); rename it`);
  }
  const seedText = optionalInput('seed');
  const params = await resolveParamsInput(optionalInput('params'));
  const useCache = booleanInput('cache', true);
  const uploadArtifact = booleanInput('upload-artifact', false);

  const notes: string[] = [];
  let cache: TrainCache | undefined;
  if (useCache) {
    if (actionsCache.isFeatureAvailable()) cache = new ActionsTrainCache(model, workspace);
    else {
      const note = 'the GitHub Actions cache service is not available here; training without a cache';
      core.warning(note);
      notes.push(note);
    }
  }

  const result = await runTraining({
    cwd,
    command,
    paramsFile: params.file,
    paramsLabel: params.label,
    data: listInput('data'),
    outputs,
    metricsFile: metrics,
    lineageFile: lineage,
    codePaths: listInput('code'),
    seed: seedText === undefined ? undefined : parseSeed(seedText, "input 'seed'"),
    cache,
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    log: (message) => (message.startsWith('warning: ') ? core.warning(message.slice('warning: '.length)) : core.info(message)),
  });

  const lineagePath = workspacePath(workspace, resolve(cwd, result.lineagePath));
  core.setOutput('cache-hit', String(result.cache === 'hit'));
  core.setOutput('key', result.key);
  core.setOutput('lineage', lineagePath);
  core.setOutput('metrics', JSON.stringify(result.metrics ?? {}));

  if (uploadArtifact && result.exitCode === 0) {
    const uploader = dependencies.artifactUploader ?? defaultArtifactUploader();
    const files = [resolve(cwd, result.lineagePath), ...result.outputs.map((file) => resolve(cwd, file.path))];
    const name = artifactName(`tollgate-train-${model}`);
    const uploaded = await uploader.upload(name, files, cwd);
    core.info(`uploaded artifact ${name}${uploaded.size !== undefined ? ` (${uploaded.size} bytes)` : ''}`);
    notes.push(`Lineage and outputs were uploaded as the artifact ${name}.`);
  }

  await core.summary.addRaw(trainSummary(model, result, notes)).write();
  if (result.exitCode !== 0) {
    const tail = result.stderrTail.length > 0 ? `\n${result.stderrTail.join('\n')}` : '';
    core.setFailed(`the training command failed with exit code ${result.exitCode}; nothing was cached${tail}`);
  }
}
