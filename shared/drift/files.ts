/**
 * The drift check on files: the reference is a data file or a baseline
 * profile (`.json`); the current data is a data file read with the
 * reference's column types.
 */
import { openTable, type ReadOptions } from '../data/index.js';
import { readBaseline } from './baseline.js';
import { computeDrift, currentReadTypes, type DriftOptions } from './engine.js';
import type { DriftReport } from './types.js';

/** True when a reference path names a baseline profile rather than data. */
export function isProfilePath(path: string): boolean {
  return /\.json$/i.test(path);
}

/** Runs the drift check on files (see {@link computeDrift}). */
export async function driftFromFiles(referencePath: string, currentPath: string, options: DriftOptions & { read?: ReadOptions } = {}): Promise<DriftReport> {
  const { read, ...rest } = options;
  if (isProfilePath(referencePath)) {
    const { profile, digest } = await readBaseline(referencePath);
    const types = currentReadTypes(profile.columns.map((column) => ({ name: column.name, type: column.type })));
    const current = await openTable(currentPath, { ...read, types: { ...types, ...read?.types } });
    try {
      return await computeDrift({ kind: 'profile', profile, path: referencePath, digest }, current, { ...rest, currentPath });
    } finally {
      await current.close();
    }
  }
  const reference = await openTable(referencePath, read);
  try {
    const current = await openTable(currentPath, { ...read, types: { ...currentReadTypes(reference.schema.fields), ...read?.types } });
    try {
      return await computeDrift({ kind: 'data', source: reference, path: referencePath }, current, { ...rest, currentPath });
    } finally {
      await current.close();
    }
  } finally {
    await reference.close();
  }
}
