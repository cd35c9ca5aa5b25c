/**
 * The files attached to a version's release: `model-card.md`, `metrics.json`,
 * `lineage.json`, `profile.json`, `evaluation.json`, and the model file (or,
 * when it is too large, `model-pointer.json` with its URI and sha256).
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { describeReadFailure, InputError } from '../errors/index.js';
import { sha256File } from '../lineage/hash.js';
import type { ModelFileInfo } from './model-card.js';

/** One file to attach. */
export interface ReleaseAsset {
  name: string;
  contentType: string;
  data: Uint8Array;
}

/** Model files larger than this are referenced, not attached (GitHub allows 2 GiB; releases are not a blob store). */
export const DEFAULT_MAX_MODEL_BYTES = 100 * 1024 * 1024;

/** Names Tollgate gives its own assets; a model file may not take them. */
export const RESERVED_ASSET_NAMES = ['model-card.md', 'metrics.json', 'lineage.json', 'profile.json', 'evaluation.json', 'model-pointer.json'];

/**
 * A release asset name GitHub keeps as is: ASCII letters, digits, `.`, `-`,
 * `_`; no leading or trailing dots; at most 200 characters (extension kept).
 */
export function sanitizeAssetName(name: string): string {
  const ascii = basename(name.replace(/\\/g, '/')).normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  let clean = ascii.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/-{2,}/g, '-').replace(/^[.-]+|[.-]+$/g, '');
  if (clean === '') clean = 'model';
  if (clean.length > 200) {
    const dot = clean.lastIndexOf('.');
    const extension = dot > 0 && clean.length - dot <= 20 ? clean.slice(dot) : '';
    clean = clean.slice(0, 200 - extension.length) + extension;
  }
  return RESERVED_ASSET_NAMES.includes(clean.toLowerCase()) ? `model-${clean}` : clean;
}

/** A JSON asset: pretty-printed, one final newline. */
export function jsonAsset(name: string, value: unknown): ReleaseAsset {
  return { name, contentType: 'application/json', data: Buffer.from(`${JSON.stringify(value, null, 2)}\n`) };
}

/** A Markdown asset. */
export function markdownAsset(name: string, text: string): ReleaseAsset {
  return { name, contentType: 'text/markdown; charset=utf-8', data: Buffer.from(text) };
}

/**
 * The model file's asset: the file itself when it has at most `maxBytes`,
 * else a pointer (`model-pointer.json`) with its URI, size and sha256.
 */
export async function modelFileAsset(file: string, options: { maxBytes?: number; uri?: string } = {}): Promise<{ info: ModelFileInfo; asset: ReleaseAsset }> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    size = info.size;
  } catch (error) {
    throw new InputError({ file }, describeReadFailure(error), { cause: error });
  }
  const name = basename(file);
  if (size <= (options.maxBytes ?? DEFAULT_MAX_MODEL_BYTES)) {
    // Small enough to attach: read it once, and hash what is attached.
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch (error) {
      throw new InputError({ file }, describeReadFailure(error), { cause: error });
    }
    const assetName = sanitizeAssetName(name);
    const sha256 = createHash('sha256').update(data).digest('hex');
    return { info: { name, bytes: size, sha256, assetName }, asset: { name: assetName, contentType: 'application/octet-stream', data } };
  }
  const { sha256 } = await sha256File(file);
  const pointer = { schema: 'tollgate.model-pointer/v1', file: name, bytes: size, sha256, uri: options.uri ?? null };
  return { info: { name, bytes: size, sha256, uri: options.uri }, asset: jsonAsset('model-pointer.json', pointer) };
}

/**
 * The training data's fingerprint from a lineage document: the one data
 * input's sha256, or the sha256 of all inputs' `sha256  path` lines sorted by path.
 */
export function dataFingerprintOf(lineage: unknown): string | undefined {
  const data = (lineage as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) return undefined;
  const entries = data
    .filter((entry): entry is { path: string; sha256: string } => typeof entry?.path === 'string' && typeof entry?.sha256 === 'string')
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (entries.length === 0) return undefined;
  if (entries.length === 1) return `sha256:${entries[0].sha256}`;
  const listing = entries.map((entry) => `${entry.sha256}  ${entry.path}\n`).join('');
  return `sha256:${createHash('sha256').update(listing).digest('hex')}`;
}
