import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileDigest } from '../lineage/index.js';

/**
 * Copies a file while hashing it, in one streaming pass, so a copy can be
 * checked against the digest it was expected to have.
 */
export async function copyWithDigest(source: string, destination: string): Promise<FileDigest> {
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(createReadStream(source, { highWaterMark: 1 << 20 }), tap, createWriteStream(destination, { flags: 'wx' }));
  return { sha256: hash.digest('hex'), size };
}
