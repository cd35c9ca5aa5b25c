/**
 * The parts of `.github/tollgate.yml` the drift issues read, from the default
 * branch: the models (owners, stages, training workflow), the `incidents:`
 * section and `monitor.retrain`. The whole file is validated by the shared
 * schema, as the promotion handlers read it.
 */
import { CONFIG_PATH, parseConfig, type ModelSettings } from '../../shared/config/index.js';
import { TollgateError } from '../../shared/errors/index.js';
import type { RetrainSettings } from '../../shared/monitor/index.js';
import { defaultIncidentsConfig, type IncidentsConfig } from '../../shared/incidents/index.js';
import { championStageOf } from '../../shared/registry/index.js';
import type { Delivery } from '../delivery.js';
import { readTextFile } from '../github/git-data.js';

/** The configuration the drift issues need. */
export interface IncidentSettings {
  /** Registry name (`churn`, `models/churn:churn`) -> its settings. */
  models: Map<string, ModelSettings>;
  incidents: IncidentsConfig;
  /** `monitor.retrain`: when a scheduled check dispatches training (absent: never automatically). */
  retrain?: RetrainSettings;
  /** Why the file could not be used (the defaults are in force then), or null. */
  error: string | null;
}

/** Parses the file's text (null: no file, the defaults). */
export function parseIncidentSettings(text: string | null): IncidentSettings {
  if (text === null) return { models: new Map(), incidents: defaultIncidentsConfig(), error: null };
  try {
    const { value } = parseConfig(text, CONFIG_PATH);
    const models = new Map(Object.entries(value.models).map(([key, settings]) => [settings.path ? `${settings.path}:${key}` : key, settings]));
    return { models, incidents: value.incidents, ...(value.monitor.retrain ? { retrain: value.monitor.retrain } : {}), error: null };
  } catch (error) {
    if (!(error instanceof TollgateError)) throw error;
    return { models: new Map(), incidents: defaultIncidentsConfig(), error: error.message };
  }
}

/** Reads the settings from `branch` (the default branch), once per delivery. */
export function readIncidentSettings(delivery: Delivery, branch: string): Promise<IncidentSettings> {
  return delivery.memo(`incident-settings:${branch}`, async () => parseIncidentSettings(await readTextFile(delivery, CONFIG_PATH, branch)));
}

/** A model's settings by registry name (or its short name). */
export function modelOf(settings: IncidentSettings, model: string): ModelSettings | undefined {
  return settings.models.get(model) ?? [...settings.models.entries()].find(([name]) => name.split(':').at(-1) === model)?.[1];
}

/** The stage a report without one is about: the model's champion stage. */
export function defaultStage(settings: IncidentSettings, model: string): string {
  return championStageOf(modelOf(settings, model));
}

/** Assignable owners: logins only (teams cannot be assigned), without `@`. */
export function assignableOwners(settings: IncidentSettings, model: string): string[] {
  return (modelOf(settings, model)?.owners ?? []).map((owner) => owner.replace(/^@/, '')).filter((owner) => owner !== '' && !owner.includes('/'));
}

/** Model name -> training workflow, for `/retrain`. */
export function trainingWorkflows(settings: IncidentSettings): Record<string, string | undefined> {
  return Object.fromEntries([...settings.models.entries()].map(([name, model]) => [name, model.training_workflow]));
}
