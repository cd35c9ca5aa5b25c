/**
 * A reference accepted by people: `/accept` on a drift issue commits the
 * current profile to `incidents.baseline_path` (default
 * `.tollgate/baselines/{model}/{stage}.profile.json`); from then on it is the
 * reference of that model and stage instead of the profile stored with the
 * version.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../../shared/config/index.js';
import { baselinePath, defaultIncidentsConfig } from '../../../shared/incidents/index.js';
import { championStageOf } from '../../../shared/registry/index.js';

export interface AcceptedBaseline {
  path: string;
  stage: string;
}

/** The accepted baseline of `model` in `stage` (default: the champion stage), when the repository has one. */
export async function acceptedBaseline(model: string, stage: string | undefined, configPath: string | undefined, workspace: string): Promise<AcceptedBaseline | undefined> {
  const config = configPath !== undefined && existsSync(configPath) && /tollgate\.ya?ml$/.test(configPath) ? (await loadConfig(configPath)).value : undefined;
  const resolvedStage = stage ?? championStageOf(config?.models[model]);
  // Where `/accept` writes it: the same function decides both.
  const path = join(workspace, baselinePath(config?.incidents ?? defaultIncidentsConfig(), model, resolvedStage));
  return existsSync(path) ? { path, stage: resolvedStage } : undefined;
}
