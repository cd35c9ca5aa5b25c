/**
 * `registryState(tags)`: the registry as a pure function of its tags.
 */
import { indexRegistry, isDeprecated, latestVersion, stageHolder, type ModelIndex, type RegistryIndex, type VersionIndex } from './model-index.js';
import { compareVersions } from './semver.js';
import type { ModelState, RegistryState, TagRecord, VersionState } from './types.js';

/** The stage that holds the champion when the configuration names none. */
export const DEFAULT_CHAMPION_STAGE = 'production';

/** Derives the registry state from tags (any order, any backend). */
export function registryState(tags: readonly TagRecord[]): RegistryState {
  return summarizeRegistry(indexRegistry(tags));
}

/** The state of an already indexed registry. */
export function summarizeRegistry(index: RegistryIndex): RegistryState {
  const models = [...index.models.values()]
    .filter((model) => model.events.length > 0)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(summarizeModel);
  return { models, ignored: index.ignored };
}

function compareVersionEntries(a: VersionIndex, b: VersionIndex): number {
  if (a.registered !== b.registered) return a.registered ? -1 : 1;
  if (a.registered) return compareVersions(b.version, a.version);
  return b.origin.date - a.origin.date || (a.version < b.version ? -1 : 1);
}

/** One model's state. */
export function summarizeModel(model: ModelIndex): ModelState {
  const stages: Record<string, string> = {};
  const held = new Map<string, string[]>();
  for (const stage of model.stageOrder) {
    const holder = stageHolder(model, stage);
    if (!holder) continue;
    stages[stage] = holder.version.version;
    const list = held.get(holder.version.version);
    if (list) list.push(stage);
    else held.set(holder.version.version, [stage]);
  }
  const versions: VersionState[] = [...model.versions.values()].sort(compareVersionEntries).map((version) => ({
    version: version.version,
    registered: version.registered,
    commit: version.commit,
    created: version.origin.created,
    author: version.origin.author,
    authorEmail: version.origin.authorEmail,
    tag: version.registered ? version.origin.tag : null,
    deregistered: !version.active,
    stages: held.get(version.version) ?? [],
    metadata: version.registered ? version.origin.metadata : {},
  }));
  return {
    name: model.name,
    path: model.path,
    versions,
    stages,
    latest: latestVersion(model)?.version ?? null,
    deprecated: isDeprecated(model),
  };
}

/** The champion: the version in `championStage` (default `production`), or null. */
export function championOf(model: ModelState, championStage: string = DEFAULT_CHAMPION_STAGE): VersionState | null {
  const version = model.stages[championStage];
  return version === undefined ? null : (model.versions.find((entry) => entry.version === version) ?? null);
}

/** Finds a model by its full name, or by its short name when that is unambiguous. */
export function findModel<T extends { name: string; path: string | null }>(models: Iterable<T>, name: string): T | undefined {
  const list = [...models];
  const exact = list.find((model) => model.name === name || model.name === name.replace('=', ':'));
  if (exact) return exact;
  const short = list.filter((model) => model.path !== null && model.name.slice(model.path.length + 1) === name);
  return short.length === 1 ? short[0] : undefined;
}
