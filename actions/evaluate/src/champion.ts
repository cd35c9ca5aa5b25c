/**
 * The champion's predictions when the workflow did not give them: the
 * champion is resolved through the registry (git tags via the GitHub API),
 * its release assets are downloaded, and the user's predict command writes
 * its predictions on the evaluation data.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as core from '@actions/core';
import type { ModelsConfig } from '../../../shared/config/models.js';
import { TollgateError, UsageError } from '../../../shared/errors/index.js';
import type { GitHubClient } from '../../../shared/github/client.js';
import { downloadReleaseAsset, releaseByTag, type Release } from '../../../shared/github/release-asset.js';
import { GitHubBackend, Registry, sanitizeAssetName, type Resolution } from '../../../shared/registry/index.js';
import { splitShellWords, userCommandEnvironment } from '../../../shared/process/index.js';

export interface ChampionRequest {
  client: GitHubClient;
  owner: string;
  repo: string;
  model: string;
  /** Stage name, or undefined for the registry's champion stage. */
  stage: string | undefined;
  /** The `models:` section of `.github/tollgate.yml` (champion stage, stages, monorepo paths). */
  models: ModelsConfig | undefined;
  predictCommand: string | undefined;
  /** Where the predict command runs (the model project's folder). */
  cwd: string;
  /** Scratch directory for the release assets and the predictions. */
  workDir: string;
}

export interface ChampionPredictions {
  resolution: Resolution;
  /** The predictions file the predict command wrote. */
  file: string;
}

/** Downloads every asset of the release for `tag` into `directory`; none when the tag has no release. */
async function downloadReleaseAssets(client: GitHubClient, owner: string, repo: string, tag: string, directory: string): Promise<string[]> {
  let release: Release | null;
  try {
    release = await releaseByTag(client, { owner, repo }, tag);
  } catch (error) {
    throw new TollgateError(`cannot read the release of ${tag} in ${owner}/${repo}: ${(error as Error).message}`, { cause: error });
  }
  if (release === null) return [];
  await mkdir(directory, { recursive: true });
  const written: string[] = [];
  for (const asset of release.assets) {
    const bytes = await downloadReleaseAsset(client, { owner, repo }, asset.id);
    const name = sanitizeAssetName(asset.name);
    await writeFile(join(directory, name), bytes);
    written.push(name);
  }
  return written;
}

/** Runs the predict command without a shell; its output goes to the job log. */
function runPredictCommand(argv: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(argv[0], argv.slice(1), { cwd, env, stdio: ['ignore', 'inherit', 'inherit'], windowsHide: true });
    child.on('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'ENOENT' ? 'not found (is it installed and on PATH?)' : error.message;
      reject(new UsageError(`cannot start predict-command '${argv[0]}': ${reason}`, { cause: error }));
    });
    child.on('close', (code, signal) => resolvePromise(code ?? (signal ? 128 : 1)));
  });
}

/**
 * Resolves the champion of `model` and produces its predictions; undefined
 * when the model has no champion yet (the decision then uses absolute thresholds).
 */
export async function championPredictions(request: ChampionRequest): Promise<ChampionPredictions | undefined> {
  const registry = new Registry({ backend: new GitHubBackend({ client: request.client, owner: request.owner, repo: request.repo }), models: request.models });
  const resolution = await registry.resolve(request.model, request.stage ?? 'champion');
  if (!resolution) {
    core.info(`${request.model} has no version in ${request.stage ?? registry.policy(request.model).championStage} yet: evaluating against absolute thresholds.`);
    return undefined;
  }
  const { version } = resolution;
  const label = `${resolution.model} ${version.version} (${resolution.stage})`;
  if (!request.predictCommand) {
    throw new UsageError(`the champion is ${label}, but there are no predictions for it: give them as champion-predictions, or set predict-command to produce them`);
  }
  const argv = splitShellWords(request.predictCommand, "input 'predict-command'");
  if (argv.length === 0) throw new UsageError("input 'predict-command' is empty");

  const assetsDir = join(request.workDir, 'champion');
  const assets = version.tag ? await downloadReleaseAssets(request.client, request.owner, request.repo, version.tag, assetsDir) : [];
  await mkdir(assetsDir, { recursive: true });
  core.info(`Champion: ${label}, commit ${version.commit}; ${assets.length} release asset(s) in ${assetsDir}`);

  const file = join(request.workDir, 'champion-predictions.csv');
  // What a run: step would see: not this action's inputs (its token among them).
  const env = {
    ...userCommandEnvironment(process.env),
    TOLLGATE_MODEL: resolution.model,
    TOLLGATE_CHAMPION_VERSION: version.version,
    TOLLGATE_CHAMPION_TAG: version.tag ?? '',
    TOLLGATE_CHAMPION_COMMIT: version.commit,
    TOLLGATE_CHAMPION_DIR: assetsDir,
    TOLLGATE_PREDICTIONS: file,
  };
  const code = await runPredictCommand(argv, request.cwd, env);
  if (code !== 0) throw new TollgateError(`predict-command exited with code ${code} while scoring the champion ${label}`);
  if (!existsSync(file)) throw new UsageError(`predict-command finished but did not write the champion's predictions to TOLLGATE_PREDICTIONS (${file})`);
  return { resolution, file };
}
