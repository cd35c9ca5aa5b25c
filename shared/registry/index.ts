// The model registry: GTO-compatible git tags, state derived from them, git and GitHub backends.
export { SEMVER_SOURCE, parseVersion, isVersion, comparePrecedence, compareVersions, bumpVersion, isPrerelease, type SemVer, type BumpPart } from './semver.js';
export {
  NAME_SOURCE, DIRNAME_SOURCE, RESERVED_STAGE_NAMES, isValidName, parseModelName, requireModelName, requireStageName, requireAssignableStageName, modelNameToTag, tagToModelName, checkRefFormat, type ModelName,
} from './names.js';
export { parseTagName, requireTagName, formatTagName, type TagAction, type ParsedTagName, type TagNameParts } from './tag-name.js';
export { defaultSubject, formatTagMessage, parseTagMessage, trailerValues, type Trailer, type MessageSubject, type ParsedMessage } from './message.js';
export { metadataToTrailers, trailersToMetadata, canonicalJson, digestJson, type TagMetadata } from './metadata.js';
export type { Tagger, TagRecord, RegistryEvent, IgnoredTag, VersionState, ModelState, RegistryState } from './types.js';
export { indexRegistry, stageHolder, latestVersion, isDeprecated, type ModelIndex, type RegistryIndex, type VersionIndex, type StageSlot } from './model-index.js';
export { registryState, summarizeRegistry, summarizeModel, championOf, findModel, DEFAULT_CHAMPION_STAGE } from './state.js';
export { stageTimeline, type HolderChange } from './stage-history.js';
export { describeEvent } from './describe.js';
export { RegistryError, PolicyError } from './errors.js';
export { OPEN_POLICY, championStageOf, stagePolicyOf, configuredModels, assignmentBlocker, type StagePolicy } from './policy.js';
export type { RegistryBackend, CreateTagRequest, ListTagsOptions } from './backend.js';
export { GitBackend, parseForEachRef, type GitBackendOptions } from './git-backend.js';
export { GitHubBackend, GITHUB_ACTIONS_TAGGER, formatGitTimestamp, type GitHubBackendOptions } from './github-backend.js';
export { parseGitTimestamp } from './github-graphql.js';
export {
  Registry, type RegistryOptions, type WriteResult, type RegisterRequest, type AssignRequest, type UnassignRequest, type RollbackRequest, type Resolution,
} from './registry.js';
export { renderModelCard, flattenMetrics, type ModelCardInput, type ModelFileInfo } from './model-card.js';
export {
  sanitizeAssetName, jsonAsset, markdownAsset, modelFileAsset, dataFingerprintOf, DEFAULT_MAX_MODEL_BYTES, RESERVED_ASSET_NAMES, type ReleaseAsset,
} from './release-assets.js';
export { publishRelease, type ReleaseSpec, type PublishedRelease } from './github-releases.js';
export { loadModelsConfig, CONFIG_PATH, type LoadModelsConfigOptions } from './config.js';
export { openRegistry, type BackendChoice, type OpenRegistryOptions, type OpenedRegistry } from './open.js';
// Callers read attachments through the registry's surface; the reader itself is a shared one.
export { readJsonFile } from '../errors/index.js';
