import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HyperLogLog } from '../../shared/stats/hyperloglog.js';
import { lcgUniforms } from './fixtures/lcg.js';

function relativeError(estimate: number, truth: number): number {
  return Math.abs(estimate - truth) / truth;
}

describe('HyperLogLog', () => {
  it('has standard error 1.04 / sqrt(2^14) = 0.81% at the default precision', () => {
    expect(new HyperLogLog().standardError).toBeCloseTo(0.008125, 6);
  });

  it('estimates 1k and 100k distinct strings within 2%', () => {
    for (const n of [1000, 100_000]) {
      const hll = new HyperLogLog();
      for (let i = 0; i < n; i++) hll.addString(`user-${i}`);
      for (let i = 0; i < n; i += 3) hll.addString(`user-${i}`); // duplicates change nothing
      expect(relativeError(hll.estimate(), n)).toBeLessThan(0.02);
    }
  });

  it('estimates 1k and 100k distinct numbers within 2%, and many more within 3 standard errors', () => {
    for (const n of [1000, 100_000, 1_000_000]) {
      const hll = new HyperLogLog();
      const values = Float64Array.from({ length: n }, (_, i) => i * 0.37 - 5000);
      hll.addNumbers(values);
      expect(relativeError(hll.estimate(), n)).toBeLessThan(n <= 100_000 ? 0.02 : 3 * hll.standardError);
    }
  });

  it('is essentially exact for small cardinalities', () => {
    const hll = new HyperLogLog();
    expect(hll.estimate()).toBe(0);
    hll.addNumber(1);
    expect(hll.estimate()).toBeCloseTo(1, 3);
    for (let i = 0; i < 50; i++) hll.addNumber(i);
    expect(Math.abs(hll.estimate() - 50)).toBeLessThan(0.5);
  });

  it('treats -0 as 0, skips NaN, and addNumbers matches addNumber', () => {
    const bulk = new HyperLogLog(10);
    const single = new HyperLogLog(10);
    const values = Float64Array.from([0, -0, Number.NaN, 1.5, -2, 1e300, Infinity, -Infinity, 1.5]);
    bulk.addNumbers(values);
    for (const v of values) single.addNumber(v);
    expect(bulk.registers).toEqual(single.registers);
    expect(Math.round(bulk.estimate())).toBe(6);
  });

  it('addNumbers fills the same registers as addNumber on 50,000 varied doubles', () => {
    const values = new Float64Array(50_000);
    let state = 99;
    for (let i = 0; i < values.length; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      const kind = state % 7;
      values[i] = kind === 0 ? Number.NaN : kind === 1 ? -0 : kind === 2 ? state % 1000 : (state / 4294967296 - 0.5) * 10 ** (state % 40);
    }
    const bulk = new HyperLogLog(14);
    const single = new HyperLogLog(14);
    bulk.addNumbers(values, 100, 49_900);
    for (let i = 100; i < 49_900; i++) single.addNumber(values[i]);
    expect(bulk.registers).toEqual(single.registers);
    expect(bulk.registers.some((r) => r > 0)).toBe(true);
  });

  it('merging shards gives exactly the registers of the union', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer(), { maxLength: 200 }), { minLength: 1, maxLength: 4 }), (shards) => {
        const whole = new HyperLogLog(8);
        const merged = new HyperLogLog(8);
        for (const shard of shards) {
          const part = new HyperLogLog(8);
          for (const v of shard) {
            part.addNumber(v);
            whole.addNumber(v);
          }
          merged.merge(HyperLogLog.fromJSON(JSON.parse(JSON.stringify(part))));
        }
        expect(merged.registers).toEqual(whole.registers);
      }),
      { numRuns: 100 },
    );
  });

  it('round-trips through base64 JSON and validates it', () => {
    const hll = new HyperLogLog(6);
    for (const u of lcgUniforms(80, 500)) hll.addNumber(u);
    const json = hll.toJSON();
    expect(json.p).toBe(6);
    expect(Buffer.from(json.registers, 'base64')).toHaveLength(64);
    expect(HyperLogLog.fromJSON(json).registers).toEqual(hll.registers);
    expect(() => HyperLogLog.fromJSON({ p: 7, registers: json.registers })).toThrow(RangeError);
    expect(() => HyperLogLog.fromJSON({ p: 6, registers: Buffer.alloc(64, 99).toString('base64') })).toThrow(RangeError);
    expect(() => hll.merge(new HyperLogLog(7))).toThrow(RangeError);
    expect(() => new HyperLogLog(3)).toThrow(RangeError);
  });
});
