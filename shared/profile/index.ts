/**
 * Dataset profiles: per-column mergeable summaries of record batches,
 * serialized as versioned JSON (tollgate.profile/v1).
 */
export { ProfileBuilder } from './builder.js';
export type { ProfileBuilderOptions } from './builder.js';
export { mergeProfiles } from './merge.js';
export type { MergeNames } from './merge.js';
export { MAX_CATEGORY_BINS, freezeBins, normalizeBins, sameFrozenBin } from './frozen-bins.js';
export { parseProfile, profileToJSON } from './schema.js';
export { DEFAULT_SETTINGS, PROFILE_SCHEMA } from './types.js';
export type {
  BinCounts,
  BooleanColumnProfile,
  ColumnProfile,
  DistinctSummary,
  ExactCounts,
  FrozenBin,
  FrozenBins,
  NumberColumnProfile,
  Profile,
  ProfileSettings,
  StringColumnProfile,
} from './types.js';
export { profileReader, profileTable, type ProfileTableOptions } from './profile-table.js';
export { summarizeProfile, type ProfileSummary, type ColumnSummary } from './summary.js';
export { profileTableParallel, type ParallelProfileOptions } from './parallel.js';
export { serveProfileWorker } from './profile-worker.js';
