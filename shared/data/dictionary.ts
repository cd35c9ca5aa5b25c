/**
 * String dictionaries behind `StringColumn.codes`. Codes are stable for the
 * whole file, so a consumer can count by code and look each text up once.
 */
import { decodeUtf8 } from './utf8.js';

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** The FNV-1a hash `ByteDictionary` expects, for callers that did not compute it while scanning. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], FNV_PRIME);
  return hash;
}

/** Seed and step of the hash, exported so a scanner can hash bytes as it passes them. */
export const FNV = { offset: FNV_OFFSET, prime: FNV_PRIME } as const;

/** A dictionary keyed by text (for readers that already hold strings). */
export class StringDictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  codeOf(text: string): number {
    let code = this.codes.get(text);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(text);
      this.codes.set(text, code);
    }
    return code;
  }
}

/**
 * A dictionary keyed by UTF-8 bytes: a repeated value costs a hash probe and a
 * byte comparison, never a string allocation. Each new value is validated and
 * decoded once.
 */
export class ByteDictionary {
  readonly values: string[] = [];
  private slots: Int32Array = new Int32Array(1024);
  private hashes: Int32Array = new Int32Array(256);
  private starts: Int32Array = new Int32Array(256);
  private lengths: Int32Array = new Int32Array(256);
  private arena: Uint8Array = new Uint8Array(4096);
  private arenaUsed = 0;

  /**
   * The code of `bytes[start, end)` (whose FNV-1a hash is `hash`), adding it
   * when new. Returns -1 when the bytes of a new value are not valid UTF-8.
   */
  codeOf(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const length = end - start;
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = hash & mask;
    while (true) {
      const entry = slots[slot];
      if (entry === 0) break;
      const code = entry - 1;
      if (this.hashes[code] === hash && this.lengths[code] === length && this.sameBytes(code, bytes, start, length)) return code;
      slot = (slot + 1) & mask;
    }
    return this.insert(bytes, start, end, hash, slot);
  }

  private sameBytes(code: number, bytes: Uint8Array, start: number, length: number): boolean {
    const arena = this.arena;
    const at = this.starts[code];
    for (let i = 0; i < length; i++) if (arena[at + i] !== bytes[start + i]) return false;
    return true;
  }

  private insert(bytes: Uint8Array, start: number, end: number, hash: number, slot: number): number {
    const text = decodeUtf8(bytes, start, end);
    if (text === undefined) return -1;
    const code = this.values.length;
    if (code === this.hashes.length) this.growEntries();
    const length = end - start;
    if (this.arenaUsed + length > this.arena.length) {
      const grown = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + length));
      grown.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = grown;
    }
    this.arena.set(bytes.subarray(start, end), this.arenaUsed);
    this.starts[code] = this.arenaUsed;
    this.lengths[code] = length;
    this.hashes[code] = hash;
    this.arenaUsed += length;
    this.values.push(text);
    this.slots[slot] = code + 1;
    if ((code + 1) * 2 > this.slots.length) this.rehash();
    return code;
  }

  private growEntries(): void {
    const size = this.hashes.length * 2;
    const grow = (old: Int32Array): Int32Array => {
      const next = new Int32Array(size);
      next.set(old);
      return next;
    };
    this.hashes = grow(this.hashes);
    this.starts = grow(this.starts);
    this.lengths = grow(this.lengths);
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let code = 0; code < this.values.length; code++) {
      let slot = this.hashes[code] & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = code + 1;
    }
    this.slots = slots;
  }
}
