import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isWithin, portablePath } from './paths.js';

export interface WalkOptions {
  /** Directory names never descended into (e.g. `node_modules`). */
  skipNames?: ReadonlySet<string>;
  /** Absolute paths left out, with everything below them. */
  exclude?: readonly string[];
}

/** A regular file found by `listFiles`. */
export interface WalkedFile {
  absolute: string;
  /** Relative to the walked directory, forward slashes. */
  relative: string;
}

/**
 * Every regular file below `directory` (symbolic links followed, loops cut),
 * sorted by relative path in code-unit order so the listing, and any hash
 * over it, is the same on every file system.
 */
export async function listFiles(directory: string, options: WalkOptions = {}): Promise<WalkedFile[]> {
  const found: WalkedFile[] = [];
  const seen = new Set<string>();
  const exclude = options.exclude ?? [];
  const visit = async (current: string): Promise<void> => {
    const real = await realpath(current);
    if (seen.has(real)) return;
    seen.add(real);
    const entries = await readdir(current, { withFileTypes: true });
    for (const entry of entries) {
      const absolute = join(current, entry.name);
      if (exclude.some((path) => isWithin(path, absolute))) continue;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat(absolute).catch(() => undefined);
        if (!target) continue; // a dangling link holds no bytes to hash
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      }
      if (isDirectory) {
        if (!options.skipNames?.has(entry.name)) await visit(absolute);
      } else if (isFile) {
        found.push({ absolute, relative: portablePath(directory, absolute) });
      }
    }
  };
  await visit(directory);
  return found.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}
