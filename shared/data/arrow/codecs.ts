/**
 * Decoders for compressed Arrow IPC buffers, registered with apache-arrow
 * (which ships none): LZ4 frame (the default of pyarrow's `write_feather`)
 * and ZSTD (through hyparquet-compressors).
 */
import { CompressionType, compressionRegistry } from 'apache-arrow';
import { decompressZstd } from 'hyparquet-compressors';

const LZ4_MAGIC = 0x184d2204;

function readUint32(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

/** A growing output buffer (LZ4 matches may reach back into earlier blocks). */
class Output {
  bytes = new Uint8Array(1 << 16);
  length = 0;

  reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}

function decodeBlock(input: Uint8Array, start: number, end: number, out: Output): void {
  let i = start;
  while (i < end) {
    const token = input[i++];
    let literals = token >> 4;
    if (literals === 15) {
      let extra;
      do {
        extra = input[i++];
        literals += extra;
      } while (extra === 255);
    }
    if (i + literals > end) throw new Error('lz4 block: literals run past the block');
    out.reserve(literals);
    out.bytes.set(input.subarray(i, i + literals), out.length);
    out.length += literals;
    i += literals;
    if (i >= end) return;
    const offset = input[i] | (input[i + 1] << 8);
    i += 2;
    if (offset === 0 || offset > out.length) throw new Error('lz4 block: match offset out of range');
    let matchLength = (token & 15) + 4;
    if ((token & 15) === 15) {
      let extra;
      do {
        extra = input[i++];
        matchLength += extra;
      } while (extra === 255);
    }
    out.reserve(matchLength);
    const bytes = out.bytes;
    let from = out.length - offset;
    for (let k = 0; k < matchLength; k++) bytes[out.length++] = bytes[from++];
  }
}

/** Decompresses one or more concatenated LZ4 frames. */
export function decompressLz4Frame(input: Uint8Array): Uint8Array {
  const out = new Output();
  let i = 0;
  while (i + 4 <= input.length) {
    if (readUint32(input, i) !== LZ4_MAGIC) throw new Error('not an LZ4 frame');
    const flags = input[i + 4];
    i += 6; // magic, FLG, BD
    if (flags & 0x08) i += 8; // content size
    if (flags & 0x01) i += 4; // dictionary id
    i += 1; // header checksum
    const blockChecksum = (flags & 0x10) !== 0;
    while (true) {
      const size = readUint32(input, i);
      i += 4;
      if (size === 0) break;
      const length = size & 0x7fffffff;
      if (i + length > input.length) throw new Error('lz4 frame: block runs past the input');
      if (size & 0x80000000) {
        out.reserve(length);
        out.bytes.set(input.subarray(i, i + length), out.length);
        out.length += length;
      } else {
        decodeBlock(input, i, i + length, out);
      }
      i += length + (blockChecksum ? 4 : 0);
    }
    if (flags & 0x04) i += 4; // content checksum
  }
  return out.bytes.subarray(0, out.length);
}

let registered = false;

/** Registers the decoders once (keeping any the application registered itself). */
export function registerArrowCodecs(): void {
  if (registered) return;
  registered = true;
  if (compressionRegistry.get(CompressionType.LZ4_FRAME) === null) {
    compressionRegistry.set(CompressionType.LZ4_FRAME, { decode: decompressLz4Frame });
  }
  if (compressionRegistry.get(CompressionType.ZSTD) === null) {
    compressionRegistry.set(CompressionType.ZSTD, { decode: (input: Uint8Array) => decompressZstd(input) });
  }
}
