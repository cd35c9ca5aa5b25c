/**
 * Seeded pseudo-random numbers: xoshiro128** with its state filled by
 * splitmix32.
 *
 * Everything is 32-bit integer arithmetic (`Math.imul`, shifts), so a seed
 * gives the same stream on every platform and engine. `normal()` also uses
 * `Math.log` and `Math.sqrt`; V8 (Node) implements `Math.log` with the same
 * fdlibm port on every OS, so streams agree across the machines we run on.
 */

/** A deterministic stream of random numbers. */
export interface Rng {
  /** Uniform on [0, 1), 53 random bits. */
  next(): number;
  /** Uniform integer in 0..n-1 (unbiased); n is a positive integer <= 2^32. */
  nextInt(n: number): number;
  /** Standard normal (mean 0, variance 1). */
  normal(): number;
}

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/** splitmix32 step: returns the mixed output of counter `state` (the caller advances it). */
function splitmix32(state: number): number {
  let t = state | 0;
  t ^= t >>> 16;
  t = Math.imul(t, 0x21f0aaad);
  t ^= t >>> 15;
  t = Math.imul(t, 0x735a2d97);
  t ^= t >>> 15;
  return t >>> 0;
}

class Xoshiro128StarStar implements Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal = 0;
  private hasSpare = false;

  constructor(seed: number) {
    const low = seed >>> 0;
    const high = Math.floor(seed / TWO_POW_32) >>> 0;
    // The high word is folded in so seeds that differ only above bit 32 differ.
    let counter = (low ^ Math.imul(high, 0x85ebca6b)) | 0;
    const draw = (): number => {
      counter = (counter + 0x9e3779b9) | 0;
      return splitmix32(counter);
    };
    // Four distinct counters through a bijection: at most one word is zero,
    // so the all-zero state (a fixed point of xoshiro) cannot occur.
    this.s0 = draw();
    this.s1 = draw();
    this.s2 = draw();
    this.s3 = draw();
  }

  /** One 32-bit output as an unsigned integer. */
  nextUint32(): number {
    const s1 = this.s1;
    const rotated = Math.imul(s1, 5);
    const result = Math.imul((rotated << 7) | (rotated >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }

  next(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / TWO_POW_53;
  }

  nextInt(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
      throw new RangeError(`nextInt expects an integer in 1..2^32, got ${n}`);
    }
    // Rejection keeps every residue equally likely.
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return x % n;
  }

  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spareNormal;
    }
    // Marsaglia's polar method: no trigonometry, two values per accepted pair.
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * factor;
    this.hasSpare = true;
    return u * factor;
  }
}

/**
 * Creates a generator from an integer seed (any safe integer, negative too).
 * The same seed always gives the same stream.
 */
export function createRng(seed: number): Rng {
  if (typeof seed !== 'number') throw new TypeError(`createRng expects a number seed, got ${typeof seed}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`createRng expects a safe integer seed, got ${seed}`);
  return new Xoshiro128StarStar(seed);
}
