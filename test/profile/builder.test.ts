import { describe, expect, it } from 'vitest';
import { ProfileBuilder } from '../../shared/profile/builder.js';
import { summarizeProfile } from '../../shared/profile/summary.js';
import type { BooleanColumnProfile, NumberColumnProfile, Profile, StringColumnProfile } from '../../shared/profile/types.js';
import { HyperLogLog, KllSketch } from '../../shared/stats/index.js';
import { BatchMaker, makeBatch } from './batches.js';

function column<T>(profile: Profile, name: string): T {
  const found = profile.columns.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no column ${name}`);
  return found as T;
}

describe('ProfileBuilder', () => {
  const batch = makeBatch([
    { name: 'age', type: 'integer', values: [30, 40, null, 40, 50, null], invalid: [5] },
    { name: 'score', type: 'float', values: [0.5, 1.5, 2.5, null, 3.5, 4.5] },
    { name: 'active', type: 'boolean', values: [true, false, true, null, true, true] },
    { name: 'city', type: 'category', values: ['Oslo', 'Rome', 'Oslo', null, 'Lima', 'Oslo'] },
    { name: 'signup', type: 'date', values: [Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 2), null, null, null, Date.UTC(2024, 0, 1)] },
  ]);
  const builder = new ProfileBuilder();
  builder.add(batch);
  const profile = builder.finish();

  it('writes a versioned profile with settings and one entry per column', () => {
    expect(profile.schema).toBe('tollgate.profile/v1');
    expect(profile.rows).toBe(6);
    expect(profile.settings).toEqual({ distinctThreshold: 4096, topK: 50, kllK: 200, hllPrecision: 14 });
    expect(profile.columns.map((c) => [c.name, c.kind, c.type])).toEqual([
      ['age', 'number', 'integer'],
      ['score', 'number', 'float'],
      ['active', 'boolean', 'boolean'],
      ['city', 'string', 'category'],
      ['signup', 'number', 'date'],
    ]);
  });

  it('summarizes numbers: counts, nulls, invalid, min, max, mean, sample variance', () => {
    const age = column<NumberColumnProfile>(profile, 'age');
    expect([age.count, age.nulls, age.invalid]).toEqual([4, 2, 1]);
    expect([age.min, age.max, age.mean]).toEqual([30, 50, 40]);
    expect(age.variance).toBeCloseTo(200 / 3, 12);
    expect(age.std).toBeCloseTo(Math.sqrt(200 / 3), 12);
    expect(age.distinct).toMatchObject({ value: 3, exact: true });
    expect(age.exactCounts).toEqual({ values: [30, 40, 50], counts: [1, 2, 1] });
    expect(age.top?.items).toEqual([
      { value: 40, count: 2 },
      { value: 30, count: 1 },
      { value: 50, count: 1 },
    ]);
    expect(age.bins).toBeNull();
    expect(KllSketch.fromJSON(age.quantiles).quantiles([0, 0.5, 1])).toEqual([30, 40, 50]);
  });

  it('keeps dates as numbers (epoch ms) with their type', () => {
    const signup = column<NumberColumnProfile>(profile, 'signup');
    expect(signup.type).toBe('date');
    expect(signup.min).toBe(Date.UTC(2024, 0, 1));
    expect(signup.max).toBe(Date.UTC(2024, 0, 2));
    expect(signup.distinct.value).toBe(2);
  });

  it('counts true values for booleans', () => {
    const active = column<BooleanColumnProfile>(profile, 'active');
    expect([active.count, active.nulls, active.trueCount]).toEqual([5, 1, 4]);
    expect(active.exactCounts).toEqual({ values: [false, true], counts: [1, 4] });
    expect(active.top?.items[0]).toEqual({ value: true, count: 4 });
  });

  it('counts categories exactly with their top list', () => {
    const city = column<StringColumnProfile>(profile, 'city');
    expect([city.count, city.nulls]).toEqual([5, 1]);
    expect(city.exactCounts).toEqual({ values: ['Lima', 'Oslo', 'Rome'], counts: [1, 3, 1] });
    expect(city.top?.items.map((i) => i.value)).toEqual(['Oslo', 'Lima', 'Rome']);
    expect(city.top?.total).toBe(5);
    expect(Math.round(HyperLogLog.fromJSON(city.distinct.hll).estimate())).toBe(3);
  });

  it('keeps infinities out of moments, quantiles and distinct counts, but counts them', () => {
    const b = new ProfileBuilder();
    b.add(makeBatch([{ name: 'x', type: 'float', values: [1, Infinity, 2, -Infinity, Infinity, null] }]));
    const profile = b.finish();
    const x = profile.columns[0] as NumberColumnProfile;
    expect(x.count).toBe(5);
    expect(x.infinite).toEqual({ positive: 2, negative: 1 });
    expect([x.min, x.max, x.mean]).toEqual([1, 2, 1.5]);
    expect(x.moments.count).toBe(2);
    expect(x.quantiles.n).toBe(2);
    expect(x.exactCounts).toEqual({ values: [1, 2], counts: [1, 1] });
    // The summary (profile --json) shows the true extremes, as validate's min and max rules see them.
    const [summary] = summarizeProfile(profile).columns;
    expect([summary.count, summary.min, summary.max, summary.mean]).toEqual([5, '-Infinity', 'Infinity', 1.5]);
  });

  it('switches from exact counts to sketches above the distinct threshold', () => {
    const maker = new BatchMaker();
    const b = new ProfileBuilder({ distinctThreshold: 100, topK: 5 });
    const n = 20_000;
    for (let start = 0; start < n; start += 5000) {
      const ids = Array.from({ length: 5000 }, (_, i) => start + i);
      b.add(
        maker.make([
          { name: 'id', type: 'integer', values: ids },
          { name: 'user', type: 'string', values: ids.map((i) => `u${i % 7000}`) },
          { name: 'level', type: 'integer', values: ids.map((i) => i % 10) },
        ]),
      );
    }
    const p = b.finish();
    const id = column<NumberColumnProfile>(p, 'id');
    expect(id.distinct.exact).toBe(false);
    expect(Math.abs(id.distinct.value - n) / n).toBeLessThan(0.03);
    expect(id.exactCounts).toBeNull();
    expect(id.top).toBeNull();
    expect(id.quantiles.n).toBe(n);
    const median = KllSketch.fromJSON(id.quantiles).quantile(0.5);
    expect(Math.abs(median - n / 2) / n).toBeLessThan(0.0133);
    const user = column<StringColumnProfile>(p, 'user');
    expect(user.distinct.exact).toBe(false);
    expect(Math.abs(user.distinct.value - 7000) / 7000).toBeLessThan(0.03);
    expect(user.exactCounts).toBeNull();
    expect(user.top?.items).toHaveLength(5);
    expect(user.top?.items[0].count).toBe(3);
    expect(user.top?.total).toBe(n);
    const level = column<NumberColumnProfile>(p, 'level');
    expect(level.distinct).toMatchObject({ value: 10, exact: true });
    expect(level.exactCounts?.counts).toEqual(new Array(10).fill(2000));
  });

  it('folds counts when batches come with a different dictionary (another file)', () => {
    const b = new ProfileBuilder();
    b.add(new BatchMaker().make([{ name: 's', type: 'string', values: ['a', 'b', 'a'] }]));
    b.add(new BatchMaker().make([{ name: 's', type: 'string', values: ['b', 'c', 'b'] }]));
    const s = b.finish().columns[0] as StringColumnProfile;
    expect(s.exactCounts).toEqual({ values: ['a', 'b', 'c'], counts: [2, 3, 1] });
  });

  it('profiles an empty table from its schema, and one row', () => {
    const empty = new ProfileBuilder({ schema: { fields: [{ name: 'x', type: 'float' }, { name: 's', type: 'string' }, { name: 'b', type: 'boolean' }] } }).finish();
    expect(empty.rows).toBe(0);
    const x = empty.columns[0] as NumberColumnProfile;
    expect([x.count, x.min, x.mean, x.variance]).toEqual([0, null, null, null]);
    expect(x.distinct).toMatchObject({ value: 0, exact: true });
    expect(new ProfileBuilder().finish().columns).toEqual([]);
    const one = new ProfileBuilder();
    one.add(makeBatch([{ name: 'x', type: 'float', values: [2.5] }]));
    const single = one.finish().columns[0] as NumberColumnProfile;
    expect([single.count, single.min, single.max, single.mean, single.variance]).toEqual([1, 2.5, 2.5, 2.5, null]);
  });

  it('handles all-null columns and empty categories', () => {
    const b = new ProfileBuilder();
    b.add(
      makeBatch([
        { name: 'x', type: 'float', values: [null, null] },
        { name: 'c', type: 'category', values: [null, null] },
      ]),
    );
    const [x, c] = b.finish().columns as [NumberColumnProfile, StringColumnProfile];
    expect([x.count, x.nulls, x.mean]).toEqual([0, 2, null]);
    expect(c.exactCounts).toEqual({ values: [], counts: [] });
    expect(c.top?.items).toEqual([]);
  });

  it('rejects batches that do not fit the profile and bad options', () => {
    const b = new ProfileBuilder();
    b.add(makeBatch([{ name: 'x', type: 'float', values: [1] }]));
    expect(() => b.add(makeBatch([{ name: 'y', type: 'float', values: [1] }]))).toThrow(/expected x \(float\)/);
    expect(() => b.add(makeBatch([]))).toThrow(/0 columns/);
    b.finish();
    expect(() => b.finish()).toThrow(RangeError);
    expect(() => b.add(makeBatch([{ name: 'x', type: 'float', values: [1] }]))).toThrow(RangeError);
    expect(() => new ProfileBuilder({ topK: 0 })).toThrow(RangeError);
    expect(() => new ProfileBuilder({ bins: { x: [2, 1] } })).toThrow(RangeError);
    const withBins = new ProfileBuilder({ bins: { s: [1, 2] } });
    expect(() => withBins.add(makeBatch([{ name: 's', type: 'string', values: ['a'] }]))).toThrow(/only numeric columns/);
    const missing = new ProfileBuilder({ bins: { nope: [1] } });
    expect(() => missing.add(makeBatch([{ name: 'x', type: 'float', values: [1] }]))).toThrow(/not a column/);
  });
});
