/**
 * Promotion rules from `.github/tollgate.yml`: ordered stages, and whether a
 * version must have held the previous stage before it may take the next.
 */
import { UsageError } from '../errors/index.js';
import type { ModelConfig, ModelsConfig } from '../config/models.js';
import type { ModelIndex } from './model-index.js';
import { DEFAULT_CHAMPION_STAGE } from './state.js';

/** The rules for one model. */
export interface StagePolicy {
  /** Allowed stages in promotion order; empty means any stage, no order. */
  stages: string[];
  requirePreviousStage: boolean;
  championStage: string;
}

/** The policy when a model has no configuration: any stage, champion in `production`. */
export const OPEN_POLICY: StagePolicy = { stages: [], requirePreviousStage: false, championStage: DEFAULT_CHAMPION_STAGE };

/** The champion stage a model's configuration implies: `champion_stage`, else the last stage, else `production`. */
export function championStageOf(config: Pick<ModelConfig, 'stages' | 'champion_stage'> | undefined): string {
  return config?.champion_stage ?? config?.stages?.at(-1) ?? DEFAULT_CHAMPION_STAGE;
}

/** A model's policy from its configuration entry. */
export function stagePolicyOf(config: ModelConfig | undefined): StagePolicy {
  if (!config) return OPEN_POLICY;
  return { stages: [...config.stages], requirePreviousStage: config.require_previous_stage, championStage: championStageOf(config) };
}

/** The full registry name of each configured model (`path:name` for monorepo models). */
export function configuredModels(models: ModelsConfig | undefined): Map<string, ModelConfig> {
  const byName = new Map<string, ModelConfig>();
  for (const [name, config] of Object.entries(models ?? {})) byName.set(config.path ? `${config.path}:${name}` : name, config);
  return byName;
}

/** Why an assignment is blocked, or undefined when it is allowed. */
export function assignmentBlocker(model: ModelIndex, version: string, stage: string, policy: StagePolicy): string | undefined {
  if (policy.stages.length === 0) return undefined;
  const position = policy.stages.indexOf(stage);
  if (position === -1) {
    throw new UsageError(`stage '${stage}' is not configured for ${model.name}; configured stages: ${policy.stages.join(', ')} (.github/tollgate.yml)`);
  }
  if (!policy.requirePreviousStage || position === 0) return undefined;
  const previous = policy.stages[position - 1];
  const held = model.slots.get(`${version}\u0000${previous}`)?.assignments.length ?? 0;
  if (held > 0) return undefined;
  return `${model.name} ${version} has never held '${previous}', the stage before '${stage}' (order: ${policy.stages.join(' -> ')})`;
}
