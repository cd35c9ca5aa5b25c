import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { listFiles, portablePath } from '../lineage/index.js';
import type { CacheFiles, CacheRestoreResult, CacheSaveResult, TrainCache } from './cache.js';
import { copyWithDigest } from './copy.js';

const ENTRY_SCHEMA = 'tollgate.train-cache/v1';

interface StoredFile {
  /** Relative to the run's working directory. */
  path: string;
  sha256: string;
  size: number;
  mode: number;
}

interface StoredOutput {
  path: string;
  kind: 'file' | 'directory';
  files: StoredFile[];
}

interface Manifest {
  schema: typeof ENTRY_SCHEMA;
  key: string;
  created_at: string;
  outputs: StoredOutput[];
}

/**
 * A cache in a local directory: one sub-directory per key holding
 * `manifest.json` and the files' bytes under `blobs/<sha256>`.
 *
 * Entries are written to a temporary directory and renamed into place, so a
 * reader sees a whole entry or none, and two runs storing one key at once
 * leave one intact entry. Restoring checks every file's sha256 as it copies:
 * a damaged entry is a miss (and is removed), never a wrong model.
 */
export class DirectoryTrainCache implements TrainCache {
  readonly directory: string;
  readonly description: string;

  constructor(directory: string, label: string = directory) {
    this.directory = resolve(directory);
    this.description = `directory ${label}`;
  }

  private entry(key: string): string {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new RangeError(`not a content key: ${key}`);
    return join(this.directory, key);
  }

  async restore(key: string, files: CacheFiles): Promise<CacheRestoreResult> {
    const entry = this.entry(key);
    let manifest: Manifest;
    try {
      manifest = JSON.parse(await readFile(join(entry, 'manifest.json'), 'utf8')) as Manifest;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { hit: false };
      return this.discard(entry, `its manifest is unreadable (${(error as Error).message})`);
    }
    const stored = manifest.outputs?.map((output) => output.path).sort() ?? [];
    const wanted = [...files.paths].sort();
    if (manifest.schema !== ENTRY_SCHEMA || manifest.key !== key || stored.join('\n') !== wanted.join('\n')) {
      return this.discard(entry, 'its manifest does not match the key');
    }
    for (const output of manifest.outputs) {
      const target = resolve(files.root, output.path);
      await rm(target, { recursive: true, force: true });
      if (output.kind === 'directory') await mkdir(target, { recursive: true });
      for (const file of output.files) {
        const destination = resolve(files.root, file.path);
        await mkdir(dirname(destination), { recursive: true });
        const temporary = `${destination}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
        try {
          const copied = await copyWithDigest(join(entry, 'blobs', file.sha256), temporary);
          if (copied.sha256 !== file.sha256 || copied.size !== file.size) {
            await rm(temporary, { force: true });
            return this.discard(entry, `its copy of ${file.path} is damaged`);
          }
          await chmod(temporary, file.mode);
          await rename(temporary, destination);
        } catch (error) {
          await rm(temporary, { force: true });
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return this.discard(entry, `its copy of ${file.path} is missing`);
          throw error;
        }
      }
    }
    return { hit: true };
  }

  async save(key: string, files: CacheFiles): Promise<CacheSaveResult> {
    const entry = this.entry(key);
    if (await exists(join(entry, 'manifest.json'))) return { saved: false, note: `an entry for this key already exists in ${this.description}` };
    await this.prepareDirectory();
    const staging = join(this.directory, `.tmp-${key.slice(0, 12)}-${process.pid}-${randomBytes(4).toString('hex')}`);
    await mkdir(join(staging, 'blobs'), { recursive: true });
    try {
      const outputs: StoredOutput[] = [];
      for (const path of files.paths) outputs.push(await storeOutput(files.root, path, staging));
      const manifest: Manifest = { schema: ENTRY_SCHEMA, key, created_at: new Date().toISOString(), outputs };
      await writeFile(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      try {
        await rename(staging, entry);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST' || code === 'ENOTEMPTY' || code === 'EPERM') {
          return { saved: false, note: `another run stored this key first in ${this.description}` };
        }
        throw error;
      }
      return { saved: true };
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }

  /** Creates the cache directory with a `.gitignore` so the cache is never committed by accident. */
  private async prepareDirectory(): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    const ignore = join(this.directory, '.gitignore');
    if (!(await exists(ignore))) await writeFile(ignore, '# Tollgate train cache: local build outputs, never committed.\n*\n');
  }

  private async discard(entry: string, reason: string): Promise<CacheRestoreResult> {
    // Move aside first so a concurrent reader never sees a half-deleted entry.
    const doomed = `${entry}.discarded-${process.pid}-${randomBytes(4).toString('hex')}`;
    await rename(entry, doomed).catch(() => undefined);
    await rm(doomed, { recursive: true, force: true });
    return { hit: false, note: `cache entry ${portablePath(this.directory, entry)} was discarded: ${reason}` };
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function storeOutput(root: string, path: string, staging: string): Promise<StoredOutput> {
  const absolute = resolve(root, path);
  const info = await stat(absolute);
  const sources = info.isDirectory() ? (await listFiles(absolute)).map((file) => file.absolute) : [absolute];
  const stored: StoredFile[] = [];
  for (const source of sources) {
    const mode = (await stat(source)).mode & 0o777;
    const temporary = join(staging, 'blobs', `.incoming-${stored.length}`);
    const digest = await copyWithDigest(source, temporary);
    const blob = join(staging, 'blobs', digest.sha256);
    // Equal contents are stored once.
    if (await exists(blob)) await rm(temporary);
    else await rename(temporary, blob);
    stored.push({ path: portablePath(root, source), sha256: digest.sha256, size: digest.size, mode });
  }
  return { path, kind: info.isDirectory() ? 'directory' : 'file', files: stored };
}
