import { describe, expect, it } from 'vitest';
import { murmur3Bytes, murmur3Number, murmur3String } from '../../shared/stats/hash.js';

// Reference values from Austin Appleby's MurmurHash3_x86_32 in C (compiled on this machine, x86-64).
const C_REFERENCE: [string, number, number][] = [
  ['', 0, 3954623016],
  ['hello', 613153351, 1568626408],
  ['The quick brown fox jumps over the lazy dog', 776992547, 799549133],
  ['héllo', 3164577896, 1719599455],
  ['abc', 3017643002, 3360318173],
];
const C_REFERENCE_DOUBLES: [number, number, number][] = [
  [1.5, 4034560987, 1290763749],
  [0.0, 1669671676, 2624043101],
  [-2.25e300, 3046707308, 902707375],
  [3.0, 3554953595, 1075969934],
];

describe('murmur3_x86_32', () => {
  it('matches the C implementation on strings (UTF-8), seeds 0 and 0x9747b28c', () => {
    for (const [text, seed0, seedX] of C_REFERENCE) {
      expect(murmur3String(text, 0)).toBe(seed0);
      expect(murmur3String(text, 0x9747b28c)).toBe(seedX);
    }
    expect(murmur3Bytes(new TextEncoder().encode('hello'), 0)).toBe(613153351);
  });

  it('matches the C implementation on the 8 bytes of a double, seeds 0 and 42', () => {
    for (const [value, seed0, seed42] of C_REFERENCE_DOUBLES) {
      expect(murmur3Number(value, 0)).toBe(seed0);
      expect(murmur3Number(value, 42)).toBe(seed42);
    }
  });

  it('folds -0 into 0 and every NaN into one', () => {
    expect(murmur3Number(-0, 7)).toBe(murmur3Number(0, 7));
    const other = new Float64Array(new Uint32Array([1, 0x7ff00000]).buffer)[0];
    expect(murmur3Number(other, 7)).toBe(murmur3Number(Number.NaN, 7));
  });
});
