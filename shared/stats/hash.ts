/**
 * MurmurHash3 x86_32 (Austin Appleby, public domain), the hash behind our
 * distinct-count sketches. Stored sketches depend on these exact bits: never
 * change them without bumping the profile schema version.
 *
 * Strings are hashed as their UTF-8 bytes; numbers as the 8 little-endian
 * bytes of their IEEE-754 double, with -0 folded into +0 and every NaN into
 * the canonical NaN, so equal numbers hash equally.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function mixK(k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, C2);
}

function mixH(h: number, k: number): number {
  h ^= mixK(k);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finalize(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** murmur3_x86_32 of a byte array. */
export function murmur3Bytes(bytes: Uint8Array, seed: number): number {
  let h = seed | 0;
  const length = bytes.length;
  const blocks = length & ~3;
  for (let i = 0; i < blocks; i += 4) {
    const k = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
    h = mixH(h, k);
  }
  const tail = length & 3;
  if (tail > 0) {
    let k = 0;
    if (tail === 3) k ^= bytes[blocks + 2] << 16;
    if (tail >= 2) k ^= bytes[blocks + 1] << 8;
    k ^= bytes[blocks];
    h ^= mixK(k);
  }
  return finalize(h, length);
}

/** murmur3_x86_32 of the 8 bytes whose little-endian 32-bit words are (lo, hi). */
export function murmur3Words(lo: number, hi: number, seed: number): number {
  let h = mixH(seed | 0, lo);
  h = mixH(h, hi);
  return finalize(h, 8);
}

const encoder = new TextEncoder();
let utf8Scratch = new Uint8Array(256);

/** murmur3_x86_32 of a string's UTF-8 bytes. */
export function murmur3String(text: string, seed: number): number {
  // Reuse one buffer: UTF-8 takes at most 3 bytes per UTF-16 unit.
  if (utf8Scratch.length < 3 * text.length) utf8Scratch = new Uint8Array(3 * text.length);
  const { written } = encoder.encodeInto(text, utf8Scratch);
  return murmur3Bytes(utf8Scratch.subarray(0, written), seed);
}

const scratchFloat = new Float64Array(1);
const scratchWords = new Uint32Array(scratchFloat.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const LO = LITTLE_ENDIAN ? 0 : 1;
const HI = LITTLE_ENDIAN ? 1 : 0;

/**
 * Writes the (lo, hi) 32-bit words of a number's canonical IEEE-754 bits
 * into `out` (-0 as +0, any NaN as the canonical NaN).
 */
export function float64Words(value: number, out: Uint32Array): void {
  if (value === 0) value = 0;
  else if (value !== value) value = Number.NaN;
  scratchFloat[0] = value;
  out[0] = scratchWords[LO];
  out[1] = scratchWords[HI];
}

const wordsOut = new Uint32Array(2);

/** murmur3_x86_32 of a number's 8 canonical IEEE-754 bytes. */
export function murmur3Number(value: number, seed: number): number {
  float64Words(value, wordsOut);
  return murmur3Words(wordsOut[0], wordsOut[1], seed);
}
