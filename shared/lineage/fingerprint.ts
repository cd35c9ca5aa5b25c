import { stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { describeReadFailure, InputError, isUserFacing } from '../errors/index.js';
import { sha256File } from './hash.js';
import { portablePath } from './paths.js';
import { countTableRows } from './row-count.js';
import { listFiles } from './walk.js';

/** What lineage records about one input dataset. */
export interface DataFingerprint {
  /** As given, relative to the run's working directory, forward slashes. */
  path: string;
  kind: 'file' | 'directory';
  /**
   * sha256 of the file's bytes. For a directory: sha256 of its listing in
   * `sha256sum` format (`<sha256>  <relative path>\n` per file, sorted by path),
   * so renaming, adding or changing any file changes it.
   */
  sha256: string;
  /** Bytes (all files, for a directory). */
  size: number;
  /** Number of files (directories only). */
  files?: number;
  /**
   * Data rows when the data is a table the readers open (for a directory:
   * when every file is one); null otherwise, or when the reader refused it.
   */
  rows: number | null;
}

/** A file recorded by lineage: lock files, outputs. */
export interface FileFingerprint {
  path: string;
  sha256: string;
  size: number;
}

/** Receives what a fingerprint could not establish (a table the reader refused). */
export type FingerprintWarning = (message: string) => void;

/**
 * Fingerprints a dataset (file or directory) by streaming its bytes through
 * sha256, and counts its rows when it is a table. A table the readers refuse
 * (malformed rows) still gets its hash: its rows are null and `warn` hears
 * why; refusing bad data is the `validate` step's job, not training's.
 * @param cwd the run's working directory; `path` is resolved against it.
 */
export async function fingerprintData(cwd: string, path: string, warn: FingerprintWarning = () => {}): Promise<DataFingerprint> {
  const absolute = resolve(cwd, path);
  const label = portablePath(cwd, absolute);
  const info = await stat(absolute).catch((error: unknown) => {
    throw new InputError({ file: label }, `data ${describeReadFailure(error)}`, { cause: error });
  });
  if (info.isDirectory()) return fingerprintDirectory(absolute, label, warn);
  const digest = await sha256File(absolute, label);
  return { path: label, kind: 'file', sha256: digest.sha256, size: digest.size, rows: await rowsOf(absolute, warn) };
}

async function rowsOf(absolute: string, warn: FingerprintWarning): Promise<number | null> {
  try {
    return await countTableRows(absolute);
  } catch (error) {
    if (!isUserFacing(error)) throw error;
    warn(`rows not counted: ${error.message}`);
    return null;
  }
}

async function fingerprintDirectory(absolute: string, label: string, warn: FingerprintWarning): Promise<DataFingerprint> {
  const files = await listFiles(absolute);
  const listing = createHash('sha256');
  let size = 0;
  let rows: number | null = files.length > 0 ? 0 : null;
  for (const file of files) {
    const digest = await sha256File(file.absolute, `${label}/${file.relative}`);
    listing.update(`${digest.sha256}  ${file.relative}\n`);
    size += digest.size;
    if (rows !== null) {
      const count = await rowsOf(file.absolute, warn);
      rows = count === null ? null : rows + count;
    }
  }
  return { path: label, kind: 'directory', sha256: listing.digest('hex'), size, files: files.length, rows };
}

/** Fingerprints one file (lock files, outputs) with a portable path. */
export async function fingerprintFile(cwd: string, path: string): Promise<FileFingerprint> {
  const absolute = resolve(cwd, path);
  const label = portablePath(cwd, absolute);
  const digest = await sha256File(absolute, label);
  return { path: label, sha256: digest.sha256, size: digest.size };
}
