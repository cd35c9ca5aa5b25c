import { describe, expect, it } from 'vitest';
import { createRng } from '../../shared/stats/random.js';

describe('createRng', () => {
  it('implements xoshiro128** (reference outputs of the C code for state 1,2,3,4)', () => {
    // Outputs of Vigna's xoshiro128starstar.c with s = {1, 2, 3, 4}.
    const rng = createRng(0) as unknown as { s0: number; s1: number; s2: number; s3: number; nextUint32(): number };
    rng.s0 = 1;
    rng.s1 = 2;
    rng.s2 = 3;
    rng.s3 = 4;
    const out = Array.from({ length: 6 }, () => rng.nextUint32());
    expect(out).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const d = createRng(42 + 2 ** 32);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    expect(Array.from({ length: 5 }, () => d.next())).not.toEqual(xs);
  });

  it('pins the stream for seed 1 so a change of algorithm is noticed', () => {
    const rng = createRng(1);
    const first = [rng.next(), rng.next(), rng.nextInt(1000), rng.normal()];
    expect(first).toEqual([0.09156953175513294, 0.8881928137485323, 206, 0.09360392100457025]);
  });

  it('next() is in [0,1) with mean ~0.5; nextInt covers 0..n-1 evenly', () => {
    const rng = createRng(7);
    let sum = 0;
    const n = 100_000;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.next();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.005);
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < n; i++) counts[rng.nextInt(10)]++;
    for (const c of counts) expect(Math.abs(c - n / 10)).toBeLessThan(500);
    expect(rng.nextInt(1)).toBe(0);
  });

  it('normal() has mean 0 and variance 1', () => {
    const rng = createRng(11);
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.01);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.015);
  });

  it('rejects bad seeds and bad bounds', () => {
    expect(() => createRng(1.5)).toThrow(RangeError);
    expect(() => createRng(Number.NaN)).toThrow(RangeError);
    expect(() => createRng('1' as unknown as number)).toThrow(TypeError);
    const rng = createRng(1);
    expect(() => rng.nextInt(0)).toThrow(RangeError);
    expect(() => rng.nextInt(2.5)).toThrow(RangeError);
    expect(() => rng.nextInt(2 ** 33)).toThrow(RangeError);
  });
});
