/**
 * Reading named files out of an untrusted zip archive (a workflow artifact)
 * with bounded memory: sizes are checked from the archive's directory before
 * anything is inflated, only the wanted files are inflated, and each into a
 * buffer of its declared size, so a header that understates the real size
 * truncates the output instead of growing it.
 */
import { unzipSync } from 'fflate';

/** One file the archive lists. */
export interface ZipEntry {
  /** Path inside the archive (`/`-separated). */
  name: string;
  compressedSize: number;
  size: number;
}

/** Why an archive could not be read. */
export type ZipProblem = { kind: 'not-zip'; detail: string } | { kind: 'oversized'; entry: ZipEntry; limit: number };

/** The files found, or what went wrong. */
export type ZipRead = { ok: true; entries: ZipEntry[]; files: Map<string, Uint8Array> } | { ok: false; problem: ZipProblem; entries: ZipEntry[] };

function isDirectory(name: string): boolean {
  return name.endsWith('/');
}

/**
 * Inflates the entries `pick` selects (given the listing) if each is at most
 * `maxBytes` uncompressed and together they are too. Nothing is inflated
 * when any selected entry is over the bound.
 */
export function readZip(archive: Uint8Array, pick: (entries: readonly ZipEntry[]) => readonly string[], maxBytes: number): ZipRead {
  const entries: ZipEntry[] = [];
  try {
    unzipSync(archive, {
      filter(file) {
        if (!isDirectory(file.name)) entries.push({ name: file.name, compressedSize: file.size, size: file.originalSize });
        return false;
      },
    });
  } catch (error) {
    return { ok: false, problem: { kind: 'not-zip', detail: (error as Error).message }, entries };
  }
  const wanted = new Set(pick(entries));
  let total = 0;
  for (const entry of entries) {
    if (!wanted.has(entry.name)) continue;
    total += entry.size;
    if (entry.size > maxBytes || total > maxBytes) return { ok: false, problem: { kind: 'oversized', entry, limit: maxBytes }, entries };
  }
  if (wanted.size === 0) return { ok: true, entries, files: new Map() };
  try {
    const files = unzipSync(archive, { filter: (file) => wanted.has(file.name) });
    return { ok: true, entries, files: new Map(Object.entries(files)) };
  } catch (error) {
    return { ok: false, problem: { kind: 'not-zip', detail: (error as Error).message }, entries };
  }
}
