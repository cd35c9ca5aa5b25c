/** UTF-8 decoding with validation that can say where the first bad byte is. */
import { isUtf8 } from 'node:buffer';

const fatalDecoder = new TextDecoder('utf-8', { fatal: true });

/** True when every byte of `bytes[start, end)` is below 0x80. */
export function isAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] >= 0x80) return false;
  return true;
}

/**
 * Decodes `bytes[start, end)`; returns undefined when they are not valid UTF-8
 * (the caller knows the line and builds the error).
 */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string | undefined {
  if (isAscii(bytes, start, end)) return latin1(bytes, start, end);
  const view = bytes.subarray(start, end);
  if (!isUtf8(view)) return undefined;
  return fatalDecoder.decode(view);
}

/** ASCII text without validation (callers checked that every byte is < 0x80). */
export function latin1(bytes: Uint8Array, start: number, end: number): string {
  if (end - start < 16) {
    let text = '';
    for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]);
    return text;
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
}

/** Offset of the first byte that starts an invalid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + need >= end) return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
