/**
 * The resolve action: which version of a model is in a stage (or latest).
 */
import { resolve } from 'node:path';
import * as core from '@actions/core';
import { RegistryError, loadModelsConfig, openRegistry, type BackendChoice } from '../../../shared/registry/index.js';
import { codeSpan, escapeMarkdown } from '../../../shared/report/index.js';
import { booleanInput, choiceInput, configInput, optionalInput, requiredInput } from '../../lib/inputs.js';
import { readRunContext, releaseUrls } from '../../register/src/context.js';

/** Runs the action against the runner's environment. */
export async function resolveAction(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const context = await readRunContext(env);
  const base = resolve(context.workspace, optionalInput('path') ?? '.');
  const model = requiredInput('model');
  const stage = optionalInput('stage') ?? 'champion';
  const config = configInput(base);
  const { registry, kind } = openRegistry({
    backend: choiceInput<BackendChoice>('backend', ['auto', 'git', 'github'], 'auto'),
    cwd: base,
    token: optionalInput('github-token'),
    repository: context.repository,
    apiUrl: context.apiUrl,
    retries: context.apiRetries,
    models: await loadModelsConfig(config.path, { required: config.required }),
  });
  const found = await registry.resolve(model, stage);
  core.setOutput('found', String(found !== null));
  if (found === null) {
    const wanted = stage === 'champion' ? registry.policy(model).championStage : stage;
    const message = `no version of ${registry.modelName(model)} ${wanted === 'latest' ? 'is registered' : `holds '${wanted}'`} (${kind} backend)`;
    if (booleanInput('required', false)) throw new RegistryError(message);
    core.notice(message);
    core.setOutput('stage', wanted);
    await core.summary.addRaw(`### Tollgate resolve\n\n${escapeMarkdown(message)}\n`).write();
    return;
  }
  const tag = found.version.tag ?? found.version.commit;
  const urls = found.version.tag ? releaseUrls(context, found.version.tag) : undefined;
  core.setOutput('version', found.version.version);
  core.setOutput('commit', found.version.commit);
  core.setOutput('tag', tag);
  core.setOutput('stage', found.stage);
  core.setOutput('release-url', urls?.release ?? '');
  core.setOutput('assets-url', urls?.assets ?? '');
  core.info(`${found.model} ${found.stage}: ${found.version.version} (${found.version.commit})`);
  const link = urls ? ` · [release](${urls.release})` : '';
  await core.summary
    .addRaw(`### Tollgate resolve\n\n${escapeMarkdown(found.model)} in ${codeSpan(found.stage)}: ${codeSpan(found.version.version)} at ${codeSpan(found.version.commit.slice(0, 12))}${link}\n`)
    .write();
}
