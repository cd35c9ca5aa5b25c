import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { describeReadFailure, InputError } from '../errors/index.js';

/** A file's identity: the sha256 of its bytes and its length. */
export interface FileDigest {
  sha256: string;
  size: number;
}

/** Files are read in 1 MiB chunks: fast on big files, flat in memory. */
const CHUNK_BYTES = 1 << 20;

/**
 * Streams a file through sha256; the file is never held in memory whole.
 * `label` is the path shown in errors (relative paths read better than absolute).
 */
export async function sha256File(file: string, label: string = file): Promise<FileDigest> {
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES })) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
  } catch (error) {
    throw new InputError({ file: label }, describeReadFailure(error), { cause: error });
  }
  return { sha256: hash.digest('hex'), size };
}

/** sha256 of a UTF-8 string, hex. */
export function sha256Text(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * JSON with object keys sorted (by UTF-16 code unit, like `Array.prototype.sort`)
 * and no whitespace, so equal values always give equal text and equal hashes.
 * `undefined` members are dropped as `JSON.stringify` does; non-finite numbers
 * are refused because JSON cannot say them and a hash over `null` would hide them.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError(`canonical JSON cannot hold ${value}`);
      return JSON.stringify(value);
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  }
}
