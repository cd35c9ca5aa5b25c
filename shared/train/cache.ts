/** The files one run produced, as a cache stores and restores them. */
export interface CacheFiles {
  /** Absolute directory the paths are relative to (the run's working directory). */
  root: string;
  /** Declared outputs (files or directories) relative to `root`, forward slashes, sorted. */
  paths: readonly string[];
}

export interface CacheRestoreResult {
  /** True only when an entry stored under exactly this key was restored whole. */
  hit: boolean;
  /** Something the person running should know (a corrupt entry, a near miss). */
  note?: string;
}

export interface CacheSaveResult {
  saved: boolean;
  note?: string;
}

/**
 * Where finished runs' outputs are kept, by content key. A run whose key is
 * found is not run again: its outputs are restored byte for byte.
 *
 * Implementations: `DirectoryTrainCache` (a local directory) and, in the
 * `train` action, the GitHub Actions cache.
 */
export interface TrainCache {
  /** Says where entries live, for messages ("directory .tollgate-cache"). */
  readonly description: string;
  /** A local directory the entries live in (absolute): left out of the code listing and of git dirtiness. */
  readonly directory?: string;
  /**
   * Restores the entry stored under exactly `key` over `files.paths`. After a
   * miss the paths are in no promised state: the runner clears them before it
   * runs the command.
   */
  restore(key: string, files: CacheFiles): Promise<CacheRestoreResult>;
  /** Stores the files under `key`. Entries are immutable: an existing entry is kept. */
  save(key: string, files: CacheFiles): Promise<CacheSaveResult>;
}
