/**
 * What a window is compared with: the baseline profile and the evaluation
 * report stored with the model version at registration (release assets
 * `profile.json` and `evaluation.json`), read from files or resolved through
 * the registry (the version holding a stage) and its release.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { modelSchema } from '../config/schema.js';
import { loadYamlFile } from '../config/yaml-document.js';
import { readBaseline } from '../drift/index.js';
import { InputError, TollgateError, UsageError } from '../errors/index.js';
import type { EvaluationReport } from '../evaluate/index.js';
import type { GitHubClient } from '../github/client.js';
import { downloadReleaseAsset, releaseByTag, type ReleaseAsset } from '../github/release-asset.js';
import type { Profile } from '../profile/index.js';
import { openRegistry, type BackendChoice, type Registry } from '../registry/index.js';

/** The model version a reference belongs to, when it came from the registry. */
export interface ReferenceVersion {
  model: string;
  stage: string;
  version: string;
  tag: string | null;
  commit: string;
}

export interface MonitorReference {
  profile: Profile | null;
  profilePath: string | null;
  profileDigest: string | null;
  evaluation: EvaluationReport | null;
  evaluationPath: string | null;
  evaluationDigest: string | null;
  version: ReferenceVersion | null;
}

/** No reference at all: only signals with absolute bounds (latency, volume) can judge. */
export const NO_REFERENCE: MonitorReference = {
  profile: null,
  profilePath: null,
  profileDigest: null,
  evaluation: null,
  evaluationPath: null,
  evaluationDigest: null,
  version: null,
};

/** Reads an evaluation report (`tollgate.evaluation/v1`), checking what monitoring uses of it. */
export async function readEvaluation(path: string): Promise<{ evaluation: EvaluationReport; digest: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError({ file: path }, code === 'ENOENT' ? 'no such file; expected the evaluation.json stored with the model version' : `cannot read it (${(error as Error).message})`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new InputError({ file: path }, `invalid JSON: ${(error as Error).message}`, { cause: error });
  }
  const report = parsed as Partial<EvaluationReport> | null;
  if (report?.schema !== 'tollgate.evaluation/v1') throw new InputError({ file: path }, 'not a Tollgate evaluation report: expected "schema": "tollgate.evaluation/v1"');
  if (report.task !== 'classification' && report.task !== 'regression') throw new InputError({ file: path }, 'the evaluation report has no task (classification or regression)');
  if (typeof report.metrics?.challenger !== 'object' || report.metrics.challenger === null) throw new InputError({ file: path }, 'the evaluation report has no metrics.challenger: the version\'s own metrics are the reference');
  return { evaluation: report as EvaluationReport, digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}` };
}

/** Reads the reference files given on a command line or as action inputs. */
export async function loadReferenceFiles(files: { profile?: string; evaluation?: string }, version: ReferenceVersion | null = null): Promise<MonitorReference> {
  const reference: MonitorReference = { ...NO_REFERENCE, version };
  if (files.profile !== undefined) {
    const { profile, digest } = await readBaseline(files.profile);
    Object.assign(reference, { profile, profilePath: files.profile, profileDigest: digest });
  }
  if (files.evaluation !== undefined) {
    const { evaluation, digest } = await readEvaluation(files.evaluation);
    Object.assign(reference, { evaluation, evaluationPath: files.evaluation, evaluationDigest: digest });
  }
  return reference;
}

/** Fetches a release asset of a registration tag; null when the release or the asset does not exist. */
export type AssetSource = (tag: string, name: string) => Promise<Uint8Array | null>;

/** Assets already on disk (e.g. `gh release download churn@v1.4.0 -D assets`): `directory/<name>`. */
export function directoryAssets(directory: string): AssetSource {
  return async (_tag, name) => {
    try {
      return await readFile(join(directory, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new InputError({ file: join(directory, name) }, `cannot read the asset (${(error as Error).message})`, { cause: error });
    }
  };
}

/** Assets of the GitHub release of each tag (one release lookup per tag). */
export function githubReleaseAssets(client: GitHubClient, owner: string, repo: string): AssetSource {
  const releases = new Map<string, Promise<ReleaseAsset[] | null>>();
  const listing = (tag: string) => {
    let found = releases.get(tag);
    if (found === undefined) {
      found = releaseByTag(client, { owner, repo }, tag).then(
        (release) => release?.assets ?? null,
        (error: { message?: string }) => {
          throw new TollgateError(`cannot read the release of ${tag} in ${owner}/${repo}: ${error.message ?? String(error)}`, { cause: error });
        },
      );
      releases.set(tag, found);
    }
    return found;
  };
  return async (tag, name) => {
    const assets = await listing(tag);
    const asset = assets?.find((candidate) => candidate.name === name);
    if (!asset) return null;
    return downloadReleaseAsset(client, { owner, repo }, asset.id);
  };
}

export interface RegistryReferenceRequest {
  registry: Registry;
  model: string;
  /** A stage, `champion` or `latest`. */
  stage: string;
  assets: AssetSource;
  /** Where fetched assets are written (they are read back as files, with their digests). */
  workDir: string;
}

/**
 * The version of `model` in `stage` and its `profile.json` and
 * `evaluation.json`. A missing asset leaves that part of the reference out
 * (the signals that need it say so); no version in the stage is an error.
 */
export async function resolveReference(request: RegistryReferenceRequest): Promise<MonitorReference> {
  const resolution = await request.registry.resolve(request.model, request.stage);
  if (resolution === null) throw new InputError(undefined, `${request.model} has no version in ${request.stage}: nothing to monitor against`);
  const { version } = resolution;
  const referenceVersion: ReferenceVersion = { model: resolution.model, stage: resolution.stage, version: version.version, tag: version.tag, commit: version.commit };
  if (version.tag === null) return { ...NO_REFERENCE, version: referenceVersion };
  await mkdir(request.workDir, { recursive: true });
  const files: { profile?: string; evaluation?: string } = {};
  for (const [key, name] of [
    ['profile', 'profile.json'],
    ['evaluation', 'evaluation.json'],
  ] as const) {
    const bytes = await request.assets(version.tag, name);
    if (bytes === null) continue;
    const path = join(request.workDir, name);
    await writeFile(path, bytes);
    files[key] = path;
  }
  return loadReferenceFiles(files, referenceVersion);
}

/** How a front-end finds the registry, the version and its assets. */
export interface RegistryLookup {
  model: string;
  /** A stage, `champion` or `latest` (default champion). */
  stage?: string;
  backend: BackendChoice;
  /** The repository checkout (git backend, configuration). */
  cwd: string;
  token?: string;
  /** `owner/name`. */
  repository?: string;
  apiUrl?: string;
  /** `.github/tollgate.yml` (its `models:` section: champion stage, monorepo paths); skipped when absent. */
  configFile?: string;
  /** The version's release assets already on disk; else they are fetched from GitHub. */
  assetsDir?: string;
  /** Reference files given explicitly: used instead of the matching asset. */
  files?: { profile?: string; evaluation?: string };
  /** Tests pass a fetch that reaches a fake GitHub. */
  fetch?: typeof globalThis.fetch;
}

/** Reads only the `models:` section (the other sections are validated by their own schemas). */
async function modelsOf(file: string | undefined) {
  if (file === undefined || !existsSync(file)) return undefined;
  const schema = z.looseObject({ models: z.record(z.string(), modelSchema).default({}) });
  return (await loadYamlFile(file, schema)).value.models;
}

/**
 * The reference of a model's version in a stage: the registry (GitHub API
 * with a token and repository, else the git checkout) resolves the version;
 * its `profile.json` and `evaluation.json` come from `assetsDir`, the
 * version's GitHub release, or `files`.
 */
export async function referenceFromRegistry(lookup: RegistryLookup): Promise<MonitorReference> {
  const opened = openRegistry({ backend: lookup.backend, cwd: lookup.cwd, token: lookup.token, repository: lookup.repository, apiUrl: lookup.apiUrl, models: await modelsOf(lookup.configFile), fetch: lookup.fetch });
  const files = lookup.files ?? {};
  let assets: AssetSource;
  if (lookup.assetsDir !== undefined) assets = directoryAssets(lookup.assetsDir);
  else if (opened.client && opened.owner && opened.repo) assets = githubReleaseAssets(opened.client, opened.owner, opened.repo);
  else {
    assets = async (tag) => {
      throw new UsageError(
        `the reference files of ${tag} are release assets on GitHub: give a token and the repository (GITHUB_TOKEN, GITHUB_REPOSITORY), or download them (gh release download ${tag} -p profile.json -p evaluation.json -D assets) and pass that folder as the assets`,
      );
    };
  }
  // Files given explicitly are not fetched.
  const wanted: AssetSource = async (tag, name) => ((name === 'profile.json' && files.profile) || (name === 'evaluation.json' && files.evaluation) ? null : assets(tag, name));
  const workDir = await mkdtemp(join(tmpdir(), 'tollgate-reference-'));
  try {
    const resolved = await resolveReference({ registry: opened.registry, model: lookup.model, stage: lookup.stage ?? 'champion', assets: wanted, workDir });
    if (files.profile === undefined && files.evaluation === undefined) return resolved;
    const explicit = await loadReferenceFiles(files, resolved.version);
    return {
      ...resolved,
      ...(explicit.profile ? { profile: explicit.profile, profilePath: explicit.profilePath, profileDigest: explicit.profileDigest } : {}),
      ...(explicit.evaluation ? { evaluation: explicit.evaluation, evaluationPath: explicit.evaluationPath, evaluationDigest: explicit.evaluationDigest } : {}),
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
