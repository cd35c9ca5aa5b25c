/**
 * `.github/tollgate.yml` as the bot reads it: from the default branch only
 * (never from the pull request being decided), validated by the shared
 * schema, with its blob SHA for the audit record.
 */
import { CONFIG_PATH, parseConfig, type ModelSettings, type TollgateConfig } from '../shared/config/index.js';
import type { StagePolicy } from '../shared/config/promotion.js';
import { TollgateError } from '../shared/errors/index.js';
import { championStageOf } from '../shared/registry/index.js';

export { CONFIG_PATH };

/** The configuration, or why there is none. */
export type ConfigRead =
  | { ok: true; config: TollgateConfig; blobSha: string | null }
  | { ok: false; missing: boolean; error: string; blobSha: string | null };

/** Parses the file's text (null when the file does not exist). */
export function readConfig(file: { text: string; sha: string } | null): ConfigRead {
  if (file === null) return { ok: false, missing: true, error: `${CONFIG_PATH} does not exist on the default branch`, blobSha: null };
  try {
    return { ok: true, config: parseConfig(file.text, CONFIG_PATH).value, blobSha: file.sha };
  } catch (error) {
    if (error instanceof TollgateError) return { ok: false, missing: false, error: error.message, blobSha: file.sha };
    throw error;
  }
}

/** A configured model, found by its registry name (`churn`, or `path:name` for a monorepo model). */
export function modelSettings(config: TollgateConfig, model: string): { key: string; settings: ModelSettings } | undefined {
  for (const [key, settings] of Object.entries(config.models)) {
    const full = settings.path ? `${settings.path}:${key}` : key;
    if (full === model || key === model) return { key, settings };
  }
  return undefined;
}

/** The registry name of a configured model. */
export function registryName(key: string, settings: ModelSettings): string {
  return settings.path ? `${settings.path}:${key}` : key;
}

/** A stage's promotion policy, or null when the configuration has none for it. */
export function stagePolicy(read: ConfigRead, model: string, stage: string): StagePolicy | null {
  if (!read.ok) return null;
  return modelSettings(read.config, model)?.settings.promotion?.[stage] ?? null;
}

/** The stage a model's champion lives in (`/rollback` without a stage). */
export function championStage(read: ConfigRead, model: string): string {
  const found = read.ok ? modelSettings(read.config, model) : undefined;
  return championStageOf(found?.settings);
}

/** The stage before `stage` in the model's order; null for the first (or an unlisted) stage. */
export function previousStageOf(read: ConfigRead, model: string, stage: string): string | null {
  const stages = read.ok ? (modelSettings(read.config, model)?.settings.stages ?? []) : [];
  const index = stages.indexOf(stage);
  return index > 0 ? stages[index - 1] : null;
}
