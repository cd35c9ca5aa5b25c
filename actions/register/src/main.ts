/**
 * The register action: a version tag through the registry, then its release.
 */
import { resolve } from 'node:path';
import * as core from '@actions/core';
import { UsageError } from '../../../shared/errors/index.js';
import {
  configuredModels, dataFingerprintOf, DEFAULT_MAX_MODEL_BYTES, digestJson, GITHUB_ACTIONS_TAGGER, isPrerelease, jsonAsset, loadModelsConfig,
  markdownAsset, modelFileAsset, openRegistry, publishRelease, readJsonFile, renderModelCard,
  type BackendChoice, type BumpPart, type ModelFileInfo, type PublishedRelease, type ReleaseAsset, type TagMetadata, type WriteResult,
} from '../../../shared/registry/index.js';
import { booleanInput, choiceInput, configInput, optionalInput, requiredInput } from '../../lib/inputs.js';
import { readRunContext } from './context.js';
import { registerSummary } from './summary.js';

/** The files a registration may carry, parsed. */
interface Attachments {
  metrics?: unknown;
  lineage?: unknown;
  profile?: unknown;
  evaluation?: unknown;
}

async function readAttachments(base: string): Promise<Attachments> {
  const attachments: Attachments = {};
  for (const name of ['metrics', 'lineage', 'profile', 'evaluation'] as const) {
    const file = optionalInput(name);
    if (file !== undefined) attachments[name] = await readJsonFile(resolve(base, file));
  }
  const trainingData = optionalInput('training-data');
  if (trainingData !== undefined) {
    if (attachments.profile !== undefined) throw new UsageError("give either 'profile' or 'training-data', not both");
    // The drift baseline: a profile with frozen bins, so drift checks never re-read the training data.
    const { createBaseline } = await import('../../../shared/drift/baseline.js');
    attachments.profile = await createBaseline(resolve(base, trainingData));
  }
  return attachments;
}

function metadataOf(attachments: Attachments, runUrl: string | undefined, pullRequest: number | undefined): TagMetadata {
  const lineage = attachments.lineage as { git?: { commit?: unknown } } | undefined;
  const sourceCommit = typeof lineage?.git?.commit === 'string' ? lineage.git.commit : undefined;
  return {
    runUrl,
    pullRequest,
    sourceCommit,
    dataFingerprint: dataFingerprintOf(attachments.lineage),
    metricsDigest: attachments.metrics === undefined ? undefined : digestJson(attachments.metrics),
  };
}

function pullRequestInput(fallback: number | undefined): number | undefined {
  const text = optionalInput('pull-request');
  if (text === undefined) return fallback;
  const number = Number(text.replace(/^#/, ''));
  if (!Number.isSafeInteger(number) || number <= 0) throw new UsageError(`input 'pull-request' must be a pull request number; got '${text}'`);
  return number;
}

function maxModelBytes(): number {
  const text = optionalInput('max-model-size');
  if (text === undefined) return DEFAULT_MAX_MODEL_BYTES;
  const megabytes = Number(text);
  if (!Number.isFinite(megabytes) || megabytes < 0) throw new UsageError(`input 'max-model-size' must be a number of MB; got '${text}'`);
  return Math.floor(megabytes * 1024 * 1024);
}

/** Runs the action against the runner's environment. */
export async function registerAction(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const context = await readRunContext(env);
  const base = resolve(context.workspace, optionalInput('path') ?? '.');
  const model = requiredInput('model');
  const version = optionalInput('version');
  const bump = version === undefined ? choiceInput<BumpPart>('bump', ['major', 'minor', 'patch'], 'patch') : undefined;
  const backend = choiceInput<BackendChoice>('backend', ['auto', 'git', 'github'], 'auto');
  const config = configInput(base);
  const models = await loadModelsConfig(config.path, { required: config.required });
  const attachments = await readAttachments(base);
  const pushTo = booleanInput('push', true) ? 'origin' : undefined;
  const opened = openRegistry({
    backend,
    cwd: base,
    pushTo,
    token: optionalInput('github-token'),
    repository: context.repository,
    apiUrl: context.apiUrl,
    retries: context.apiRetries,
    models,
    tagger: GITHUB_ACTIONS_TAGGER,
  });
  const result = await opened.registry.register({
    model,
    version,
    bump,
    ref: optionalInput('ref') ?? context.sha ?? 'HEAD',
    metadata: metadataOf(attachments, context.runUrl, pullRequestInput(context.pullRequest)),
  });
  const tag = result.event.tag;
  core.setOutput('tag', tag);
  core.setOutput('version', result.event.version ?? '');
  core.setOutput('commit', result.event.commit);
  core.setOutput('created', String(result.created));
  core.info(result.created ? `Created ${tag} on ${result.event.commit} (${opened.kind} backend)` : `${tag} was already registered on this commit: nothing to write`);

  let release: PublishedRelease | undefined;
  if (booleanInput('release', true)) {
    // A release on a tag GitHub does not have would make GitHub create a lightweight tag of that name elsewhere.
    const tagOnGitHub = opened.kind === 'github' || pushTo !== undefined;
    if (!tagOnGitHub) {
      core.warning('No release published: the tag was not pushed (push: false).');
    } else if (opened.client && opened.owner && opened.repo) {
      const { assets, card } = await releaseContents(result, attachments, base, configuredModels(models).get(result.event.model), context.runUrl);
      release = await publishRelease(opened.client, opened.owner, opened.repo, {
        tag,
        title: `${result.event.model} ${result.event.version}`,
        body: card,
        prerelease: isPrerelease(result.event.version ?? ''),
        assets,
      });
      core.info(`Release ${release.url}: uploaded ${release.uploaded.length}, kept ${release.kept.length} asset(s)`);
    } else {
      core.warning('No release published: it needs a token (github-token) and the repository (GITHUB_REPOSITORY).');
    }
  }
  core.setOutput('release-url', release?.url ?? '');
  await core.summary.addRaw(registerSummary(result, release)).write();
}

async function releaseContents(
  result: WriteResult,
  attachments: Attachments,
  base: string,
  config: { card?: { intended_use?: string; limitations?: string }; owners?: string[] } | undefined,
  runUrl: string | undefined,
): Promise<{ assets: ReleaseAsset[]; card: string }> {
  const assets: ReleaseAsset[] = [];
  for (const name of ['metrics', 'lineage', 'profile', 'evaluation'] as const) {
    if (attachments[name] !== undefined) assets.push(jsonAsset(`${name}.json`, attachments[name]));
  }
  let modelFile: ModelFileInfo | undefined;
  const file = optionalInput('model-file');
  if (file !== undefined) {
    const attached = await modelFileAsset(resolve(base, file), { maxBytes: maxModelBytes(), uri: optionalInput('model-uri') });
    modelFile = attached.info;
    assets.push(attached.asset);
  }
  const card = renderModelCard({
    model: result.event.model,
    version: result.event.version ?? '',
    tag: result.event.tag,
    commit: result.event.commit,
    runUrl: result.event.metadata.runUrl ?? runUrl,
    owners: config?.owners,
    intendedUse: config?.card?.intended_use,
    limitations: config?.card?.limitations,
    ...attachments,
    modelFile,
    assets: ['model-card.md', ...assets.map((asset) => asset.name)],
  });
  return { assets: [markdownAsset('model-card.md', card), ...assets], card };
}
