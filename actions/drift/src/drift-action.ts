/**
 * The `drift` action: reference (a path, or the profile of the version in a
 * stage) against the current data; writes drift-report.json, the outputs
 * and the job summary, and fails the step at the fail-on level.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { defaultDriftConfig, loadDriftConfig, type DriftConfig } from '../../../shared/config/drift.js';
import { CONFIG_PATH } from '../../../shared/config/path.js';
import { FAIL_ON, createBaseline, driftFromFiles, levelFails } from '../../../shared/drift/index.js';
import { profileToJSON } from '../../../shared/profile/index.js';
import { InputError, UsageError } from '../../../shared/errors/index.js';
import { driftHeadline, driftMarkdown } from '../../../shared/report/drift.js';
import { choiceInput, listInput, optionalInput, requiredInput } from '../../lib/inputs.js';
import { acceptedBaseline } from './accepted-baseline.js';
import { registryReference } from './registry-reference.js';

async function readConfig(path: string): Promise<{ config: DriftConfig; file?: string }> {
  if (existsSync(path)) return { config: (await loadDriftConfig(path)).value, file: path };
  if (path !== CONFIG_PATH) throw new InputError({ file: path }, 'file not found; expected drift settings (a drift.yml or a tollgate.yml)');
  core.info(`${path} not found: using the default drift settings.`);
  return { config: defaultDriftConfig() };
}

/** Runs the action against the runner's environment. */
export async function driftAction(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const current = requiredInput('current');
  const referenceInput = optionalInput('reference');
  const model = optionalInput('model');
  const stageInput = optionalInput('stage');
  const reportPath = optionalInput('report') ?? 'drift-report.json';
  const { config, file } = await readConfig(optionalInput('config') ?? CONFIG_PATH);
  const failOn = choiceInput('fail-on', FAIL_ON, config.fail_on);
  const settings = { ...config, segment_by: [...new Set([...config.segment_by, ...listInput('segment-by')])] };

  let referencePath = referenceInput;
  let referenceLabel = referenceInput;
  let stage = stageInput;
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  // `config` may be a standalone drift.yml; the models (stages, paths) are then in the repository's tollgate.yml.
  const modelsConfigPath = file !== undefined && /tollgate\.ya?ml$/.test(file) ? file : CONFIG_PATH;
  if (referencePath === undefined && model !== undefined) {
    const accepted = await acceptedBaseline(model, stageInput, modelsConfigPath, workspace);
    if (accepted) {
      referencePath = accepted.path;
      referenceLabel = `the accepted baseline ${accepted.path.slice(workspace.length + 1)}`;
      stage = accepted.stage;
      core.info(`Reference: ${referenceLabel}`);
    }
  }
  if (referencePath === undefined) {
    if (model === undefined) throw new UsageError("input 'reference' is required (add `reference:` under `with:`), or give `model` (and `stage`) to use the profile stored with that version");
    const workDir = await mkdtemp(join(env.RUNNER_TEMP ?? tmpdir(), 'tollgate-drift-'));
    const resolved = await registryReference({
      model,
      stage: stageInput,
      token: optionalInput('github-token'),
      repository: env.GITHUB_REPOSITORY || undefined,
      apiUrl: env.GITHUB_API_URL || undefined,
      configPath: modelsConfigPath,
      workDir,
      workspace,
    });
    referencePath = resolved.path;
    referenceLabel = resolved.label;
    stage = resolved.stage;
    core.info(`Reference: ${resolved.label}`);
  }

  const report = await driftFromFiles(referencePath, current, { settings, configFile: file, model, stage });
  report.reference.path = referenceLabel ?? referencePath;
  report.current.path = current;
  try {
    await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  } catch (error) {
    throw new InputError({ file: reportPath }, `cannot write the report (${(error as Error).message})`);
  }
  const currentProfilePath = optionalInput('current-profile');
  if (currentProfilePath !== undefined) {
    // What `/accept` stores as the new reference: the current data as a baseline (frozen bins, exact counts).
    const profile = await createBaseline(current);
    try {
      await writeFile(currentProfilePath, profileToJSON(profile));
    } catch (error) {
      throw new InputError({ file: currentProfilePath }, `cannot write the current profile (${(error as Error).message})`);
    }
    core.setOutput('current-profile', currentProfilePath);
  }
  core.setOutput('level', report.level);
  core.setOutput('drifted', String(report.drift));
  core.setOutput('report', reportPath);
  await core.summary.addRaw(driftMarkdown(report)).write();
  const headline = driftHeadline(report);
  core.info(headline);
  if (levelFails(report.level, failOn)) core.setFailed(`${headline} (fail-on: ${failOn}; see the job summary and ${reportPath})`);
}
