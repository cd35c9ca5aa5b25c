/**
 * Byte sources for the text readers: a file read with positioned reads (so a
 * reader can start at any offset and rewind for free) or a gunzip stream.
 * Both fill a caller's buffer, so the scanner owns the only copy of the bytes.
 */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError } from '../errors/index.js';

export interface ByteSource {
  /** Reads up to `length` bytes into `target` at `offset`; resolves 0 at the end. */
  read(target: Uint8Array, offset: number, length: number): Promise<number>;
  /** Starts again from the first byte of the range. */
  rewind(): Promise<void>;
  close(): Promise<void>;
}

/** Positioned reads of `[start, end)` of a plain file. */
export class FileByteSource implements ByteSource {
  private position: number;

  private constructor(
    private readonly handle: FileHandle,
    private start: number,
    private end: number,
  ) {
    this.position = start;
  }

  /** Reads `[start, end)` from now on (a byte range of a split file). */
  setRange(start: number, end: number): void {
    this.start = start;
    this.end = end;
    this.position = start;
  }

  static async open(path: string, start = 0, end = Number.POSITIVE_INFINITY): Promise<FileByteSource> {
    return new FileByteSource(await open(path, 'r'), start, end);
  }

  async read(target: Uint8Array, offset: number, length: number): Promise<number> {
    const wanted = Math.min(length, this.end - this.position);
    if (wanted <= 0) return 0;
    const { bytesRead } = await this.handle.read(target, offset, wanted, this.position);
    this.position += bytesRead;
    return bytesRead;
  }

  async rewind(): Promise<void> {
    this.position = this.start;
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}

/** The decompressed bytes of a gzip file (rewinding decompresses again). */
export class GzipByteSource implements ByteSource {
  private stream: Readable | undefined;
  private iterator: AsyncIterator<Buffer> | undefined;
  private pending: Buffer | undefined;
  private pendingOffset = 0;
  private done = false;

  constructor(private readonly path: string) {}

  async read(target: Uint8Array, offset: number, length: number): Promise<number> {
    let written = 0;
    while (written < length && !this.done) {
      if (this.pending === undefined || this.pendingOffset >= this.pending.length) {
        const next = await this.nextChunk();
        if (next === undefined) break;
        this.pending = next;
        this.pendingOffset = 0;
        continue;
      }
      const take = Math.min(length - written, this.pending.length - this.pendingOffset);
      target.set(this.pending.subarray(this.pendingOffset, this.pendingOffset + take), offset + written);
      this.pendingOffset += take;
      written += take;
    }
    return written;
  }

  private async nextChunk(): Promise<Buffer | undefined> {
    if (this.iterator === undefined) {
      const file = createReadStream(this.path);
      const gunzip = createGunzip();
      file.on('error', (error) => gunzip.destroy(error));
      this.stream = file.pipe(gunzip);
      this.iterator = this.stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    }
    try {
      const result = await this.iterator.next();
      if (result.done) {
        this.done = true;
        return undefined;
      }
      return result.value;
    } catch (error) {
      throw new InputError({ file: this.path }, `not a readable gzip file (${(error as Error).message}); expected gzip-compressed text`, { cause: error });
    }
  }

  async rewind(): Promise<void> {
    await this.close();
    this.done = false;
  }

  async close(): Promise<void> {
    this.stream?.destroy();
    this.stream = undefined;
    this.iterator = undefined;
    this.pending = undefined;
    this.pendingOffset = 0;
  }
}
