/**
 * The drift reference of a model in a stage: the version that holds the
 * stage (through the git-tag registry, via the GitHub API) and the
 * `profile.json` asset of its release, downloaded to a scratch directory.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TollgateError, UsageError } from '../../../shared/errors/index.js';
import { downloadReleaseAsset, releaseByTag, type Release } from '../../../shared/github/release-asset.js';
import { loadModelsConfig, openRegistry } from '../../../shared/registry/index.js';

/** The release asset that holds a version's baseline profile. */
export const PROFILE_ASSET = 'profile.json';

export interface RegistryReferenceRequest {
  model: string;
  /** A stage name, or undefined for the champion stage. */
  stage: string | undefined;
  token: string | undefined;
  repository: string | undefined;
  apiUrl: string | undefined;
  /** The tollgate.yml whose `models:` section names stages (may not exist). */
  configPath: string;
  workDir: string;
  workspace: string;
}

export interface RegistryReference {
  /** The downloaded profile. */
  path: string;
  /** How the report names it, e.g. `churn@v1.4.0 (production) release asset profile.json`. */
  label: string;
  stage: string;
  tag: string;
}

/** Resolves the stage's version and downloads its baseline profile. */
export async function registryReference(request: RegistryReferenceRequest): Promise<RegistryReference> {
  if (!request.token || !request.repository) {
    throw new UsageError("resolving the reference from the registry needs the repository and a token (github-token); or give the profile as 'reference'");
  }
  const { registry, client, owner, repo } = openRegistry({
    backend: 'github',
    cwd: request.workspace,
    token: request.token,
    repository: request.repository,
    apiUrl: request.apiUrl,
    models: await loadModelsConfig(request.configPath),
  });
  const wanted = request.stage ?? 'champion';
  const found = await registry.resolve(request.model, wanted);
  if (found === null) {
    const stage = wanted === 'champion' ? registry.policy(request.model).championStage : wanted;
    throw new TollgateError(`no version of ${registry.modelName(request.model)} holds '${stage}': there is no reference to compare with (give one as 'reference')`);
  }
  const tag = found.version.tag;
  if (!tag || !client || !owner || !repo) throw new TollgateError(`${found.model} ${found.version.version} has no registration tag, so no release with a profile`);
  let release: Release | null;
  try {
    release = await releaseByTag(client, { owner, repo }, tag);
  } catch (error) {
    throw new TollgateError(`cannot read the release of ${tag} in ${owner}/${repo}: ${(error as Error).message}`, { cause: error });
  }
  if (release === null) throw new TollgateError(`${tag} has no release, so no ${PROFILE_ASSET} to compare with`);
  const asset = release.assets.find((candidate) => candidate.name === PROFILE_ASSET);
  if (!asset) throw new TollgateError(`the release of ${tag} has no ${PROFILE_ASSET} asset (register versions with their training data's baseline profile)`);
  const bytes = await downloadReleaseAsset(client, { owner, repo }, asset.id);
  await mkdir(request.workDir, { recursive: true });
  const path = join(request.workDir, PROFILE_ASSET);
  await writeFile(path, bytes);
  return { path, label: `${tag} (${found.stage}) release asset ${PROFILE_ASSET}`, stage: found.stage, tag };
}
