/**
 * Ascending sort of a Float64Array by LSD radix sort on the IEEE-754 bits.
 *
 * Each double is mapped to an unsigned 64-bit key that orders like the number
 * (negative: flip every bit; positive: flip the sign bit), then sorted with six
 * passes of 11-bit digits; a pass whose digit is the same for every key is
 * skipped (common for the top digits of data in a narrow range).
 *
 * Order: -Infinity < negatives < -0 < +0 < positives < +Infinity < NaN.
 * Every NaN (any sign or payload) is written back as the canonical NaN and
 * placed last, like `Float64Array.prototype.sort`.
 *
 * Elements move as pairs of 32-bit words, never as doubles, so transformed
 * keys that happen to look like NaN are not canonicalised on the way.
 */

const DIGIT_BITS = 11;
const RADIX = 1 << DIGIT_BITS;
const DIGIT_MASK = RADIX - 1;
const PASSES = 6;
/** Below this size the engine's comparison sort wins. */
const SMALL = 384;

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Moves every key to its slot for digit `pass`; one loop per digit shape keeps the loop branch-free. */
function scatter(src: Uint32Array, dst: Uint32Array, counts: Uint32Array, base: number, pass: number, n: number): void {
  const end = 2 * n;
  if (pass < 2) {
    const shift = pass * DIGIT_BITS;
    for (let j = 0; j < end; j += 2) {
      const lo = src[j];
      const k = 2 * counts[base + ((lo >>> shift) & DIGIT_MASK)]++;
      dst[k] = lo;
      dst[k + 1] = src[j + 1];
    }
  } else if (pass === 2) {
    for (let j = 0; j < end; j += 2) {
      const lo = src[j];
      const hi = src[j + 1];
      const k = 2 * counts[base + ((lo >>> 22) | ((hi & 1) << 10))]++;
      dst[k] = lo;
      dst[k + 1] = hi;
    }
  } else {
    const shift = (pass - 3) * DIGIT_BITS + 1;
    for (let j = 0; j < end; j += 2) {
      const hi = src[j + 1];
      const k = 2 * counts[base + ((hi >>> shift) & DIGIT_MASK)]++;
      dst[k] = src[j];
      dst[k + 1] = hi;
    }
  }
}

/** Digit `pass` (0 = least significant) of the key whose words are (lo, hi). */
function digitOf(lo: number, hi: number, pass: number): number {
  switch (pass) {
    case 0:
      return lo & DIGIT_MASK;
    case 1:
      return (lo >>> 11) & DIGIT_MASK;
    case 2:
      return (lo >>> 22) | ((hi & 1) << 10);
    case 3:
      return (hi >>> 1) & DIGIT_MASK;
    case 4:
      return (hi >>> 12) & DIGIT_MASK;
    default:
      return hi >>> 23;
  }
}

/**
 * Sorts `values` in place, ascending, and returns it. `scratch`, when given,
 * must have at least `values.length` elements and is overwritten.
 */
export function radixSortFloat64(values: Float64Array, scratch?: Float64Array): Float64Array {
  const n = values.length;
  if (n < SMALL || !LITTLE_ENDIAN) return values.sort();
  if (scratch !== undefined && scratch.length < n) {
    throw new RangeError(`scratch needs ${n} elements, has ${scratch.length}`);
  }
  const temp = scratch ?? new Float64Array(n);
  let src = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  let dst = new Uint32Array(temp.buffer, temp.byteOffset, 2 * n);
  const counts = new Uint32Array(RADIX * PASSES);

  // Map to order-preserving keys and count every digit in one sweep.
  for (let i = 0; i < n; i++) {
    const j = 2 * i;
    let lo = src[j];
    let hi = src[j + 1];
    if ((hi & 0x7ff00000) === 0x7ff00000 && ((hi & 0xfffff) !== 0 || lo !== 0)) {
      // NaN: canonical positive quiet NaN, which maps above +Infinity.
      hi = 0x7ff80000;
      lo = 0;
    }
    if (hi & 0x80000000) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
    } else {
      hi = (hi | 0x80000000) >>> 0;
    }
    src[j] = lo;
    src[j + 1] = hi;
    counts[lo & DIGIT_MASK]++;
    counts[RADIX + ((lo >>> 11) & DIGIT_MASK)]++;
    counts[2 * RADIX + ((lo >>> 22) | ((hi & 1) << 10))]++;
    counts[3 * RADIX + ((hi >>> 1) & DIGIT_MASK)]++;
    counts[4 * RADIX + ((hi >>> 12) & DIGIT_MASK)]++;
    counts[5 * RADIX + (hi >>> 23)]++;
  }

  for (let pass = 0; pass < PASSES; pass++) {
    const base = pass * RADIX;
    // Skip a pass when one bucket holds everything: it would be a plain copy.
    const firstDigit = digitOf(src[0], src[1], pass);
    if (counts[base + firstDigit] === n) continue;
    let offset = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = counts[base + d];
      counts[base + d] = offset;
      offset += c;
    }
    scatter(src, dst, counts, base, pass, n);
    const swap = src;
    src = dst;
    dst = swap;
  }

  // Undo the key mapping, writing into `values` wherever the data ended up.
  const out = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  for (let i = 0; i < n; i++) {
    const j = 2 * i;
    const lo = src[j];
    const hi = src[j + 1];
    if (hi & 0x80000000) {
      out[j] = lo;
      out[j + 1] = (hi & 0x7fffffff) >>> 0;
    } else {
      out[j] = ~lo >>> 0;
      out[j + 1] = ~hi >>> 0;
    }
  }
  return values;
}

/** Returns a sorted copy of the finite and infinite values, dropping NaN. */
export function sortedWithoutNaN(values: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) n++;
  const copy = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x === x) copy[k++] = x;
  }
  return radixSortFloat64(copy);
}
