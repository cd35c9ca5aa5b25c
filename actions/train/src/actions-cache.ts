import * as cache from '@actions/cache';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { CacheFiles, CacheRestoreResult, CacheSaveResult, TrainCache } from '../../../shared/train/index.js';

/** The part of `@actions/cache` this adapter uses (injectable for tests). */
export interface ActionsCacheApi {
  restoreCache: typeof cache.restoreCache;
  saveCache: typeof cache.saveCache;
}

/** `absolute` relative to the workspace with forward slashes; absolute when outside it. */
export function workspacePath(workspace: string, absolute: string): string {
  const text = relative(workspace, absolute);
  if (text === '..' || text.startsWith(`..${sep}`) || isAbsolute(text)) return absolute;
  return text === '' ? '.' : text.split(sep).join('/');
}

/** `tollgate-train-<model>-`: every entry of one model starts with it. */
export function modelKeyPrefix(model: string): string {
  return `tollgate-train-${model}-`;
}

/**
 * The GitHub Actions cache as a `TrainCache`. Entries are keyed
 * `tollgate-train-<model>-<content key>`.
 *
 * Only an entry stored under exactly that key is a hit. The service matches
 * keys by prefix (the primary key too), so the restored key is compared with
 * the one asked for. On a miss, the model's newest entry is looked up by the
 * restore-key prefix without downloading it, and reported: it shows that the
 * inputs changed since, never stands in for this run's outputs.
 */
export class ActionsTrainCache implements TrainCache {
  readonly description = 'the GitHub Actions cache';

  constructor(
    private readonly model: string,
    /** Cache paths are written relative to this directory (the runner's workspace). */
    private readonly workspace: string,
    private readonly api: ActionsCacheApi = cache,
  ) {}

  /** The cache key for a content key. */
  cacheKey(key: string): string {
    return `${modelKeyPrefix(this.model)}${key}`;
  }

  /** Paths as `@actions/cache` wants them: relative to the workspace, forward slashes. */
  cachePaths(files: CacheFiles): string[] {
    return files.paths.map((path) => workspacePath(this.workspace, resolve(files.root, path)));
  }

  async restore(key: string, files: CacheFiles): Promise<CacheRestoreResult> {
    const primary = this.cacheKey(key);
    const paths = this.cachePaths(files);
    let matched: string | undefined;
    try {
      matched = await this.api.restoreCache(paths, primary);
    } catch (error) {
      return { hit: false, note: `could not read the GitHub Actions cache (${(error as Error).message}); training instead` };
    }
    if (matched === primary) return { hit: true };
    if (matched !== undefined) return { hit: false, note: `the cache offered ${matched} for ${primary}; only an exact key is a hit, so the command runs` };
    let nearest: string | undefined;
    try {
      nearest = await this.api.restoreCache(paths, primary, [modelKeyPrefix(this.model)], { lookupOnly: true });
    } catch {
      nearest = undefined;
    }
    return nearest !== undefined && nearest !== primary
      ? { hit: false, note: `no cache entry for ${primary}; the newest entry for model '${this.model}' is ${nearest} (its inputs differ, so the command runs)` }
      : { hit: false, note: `no cache entry for ${primary}` };
  }

  async save(key: string, files: CacheFiles): Promise<CacheSaveResult> {
    const primary = this.cacheKey(key);
    try {
      const id = await this.api.saveCache(this.cachePaths(files), primary);
      // saveCache reports most failures (a concurrent save, the service down) as -1 and a warning of its own.
      return id === -1 ? { saved: false, note: `the outputs were not stored in the GitHub Actions cache under ${primary}` } : { saved: true, note: `stored the outputs in the GitHub Actions cache as ${primary}` };
    } catch (error) {
      return { saved: false, note: `could not store the outputs in the GitHub Actions cache (${(error as Error).message})` };
    }
  }
}
