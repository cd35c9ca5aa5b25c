import { rm, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../errors/index.js';
import { fingerprintFile, listFiles, portablePath, type FileFingerprint } from '../lineage/index.js';

/** Deletes declared outputs before a run, so a file the command fails to write is never taken from an earlier run. */
export async function clearOutputs(cwd: string, paths: readonly string[]): Promise<void> {
  for (const path of paths) await rm(resolve(cwd, path), { recursive: true, force: true });
}

/** Fails when a declared output was not written by a command that reported success. */
export async function requireOutputs(cwd: string, paths: readonly string[]): Promise<void> {
  const missing: string[] = [];
  for (const path of paths) {
    if (!(await stat(resolve(cwd, path)).catch(() => undefined))) missing.push(path);
  }
  if (missing.length > 0) {
    const others = missing.length > 1 ? ` (also missing: ${missing.slice(1).join(', ')})` : '';
    throw new InputError(
      { file: missing[0] },
      `the training command exited 0 but did not write this declared output${others}; nothing was cached`,
    );
  }
}

/**
 * Fingerprints outputs, directories expanded to their files, sorted by path.
 * `skip` (absolute) leaves out files such as the lineage document itself.
 */
export async function fingerprintOutputs(cwd: string, paths: readonly string[], skip: readonly string[] = []): Promise<FileFingerprint[]> {
  const files = new Map<string, FileFingerprint>();
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute);
    const members = info.isDirectory() ? (await listFiles(absolute)).map((file) => file.absolute) : [absolute];
    for (const member of members) {
      if (skip.includes(member)) continue;
      const key = portablePath(cwd, member);
      if (!files.has(key)) files.set(key, await fingerprintFile(cwd, member));
    }
  }
  return [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
