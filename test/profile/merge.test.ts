import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../shared/errors/index.js';
import { ProfileBuilder } from '../../shared/profile/builder.js';
import type { ProfileBuilderOptions } from '../../shared/profile/builder.js';
import { mergeProfiles } from '../../shared/profile/merge.js';
import { parseProfile, profileToJSON } from '../../shared/profile/schema.js';
import type { BooleanColumnProfile, NumberColumnProfile, Profile, StringColumnProfile } from '../../shared/profile/types.js';
import { KllSketch } from '../../shared/stats/index.js';
import { lcgNormals } from '../stats/fixtures/lcg.js';
import { BatchMaker } from './batches.js';
import type { Cell, ColumnSpec } from './batches.js';

interface Rows {
  x: Cell[];
  n: Cell[];
  b: Cell[];
  s: Cell[];
}

function profileOf(rows: Rows, from: number, to: number, options: ProfileBuilderOptions = {}): Profile {
  const builder = new ProfileBuilder({ schema: { fields: [{ name: 'x', type: 'float' }, { name: 'n', type: 'integer' }, { name: 'b', type: 'boolean' }, { name: 's', type: 'category' }] }, ...options });
  const maker = new BatchMaker();
  // Several batches per shard, so batch boundaries are exercised too.
  for (let start = from; start < to; start += 37) {
    const end = Math.min(to, start + 37);
    const specs: ColumnSpec[] = [
      { name: 'x', type: 'float', values: rows.x.slice(start, end) },
      { name: 'n', type: 'integer', values: rows.n.slice(start, end) },
      { name: 'b', type: 'boolean', values: rows.b.slice(start, end) },
      { name: 's', type: 'category', values: rows.s.slice(start, end) },
    ];
    builder.add(maker.make(specs));
  }
  return builder.finish();
}

const rowsArbitrary = fc.integer({ min: 0, max: 300 }).chain((length) =>
  fc.record({
    x: fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(null)), { minLength: length, maxLength: length }),
    n: fc.array(fc.oneof(fc.integer({ min: -5, max: 40 }), fc.constant(null)), { minLength: length, maxLength: length }),
    b: fc.array(fc.oneof(fc.boolean(), fc.constant(null)), { minLength: length, maxLength: length }),
    s: fc.array(fc.oneof(fc.constantFrom('red', 'green', 'blue', 'teal', 'x'), fc.constant(null)), { minLength: length, maxLength: length }),
  }),
);

describe('mergeProfiles', () => {
  it('merging shards equals profiling the whole: counts, moments, HLL, exact sets, top, bins', () => {
    fc.assert(
      fc.property(rowsArbitrary, fc.array(fc.nat(300), { maxLength: 3 }), (rows, cuts) => {
        const length = rows.x.length;
        const options: ProfileBuilderOptions = { bins: { x: [-1000, 0, 1000], n: { kind: 'categories', values: [0, 1, 2] } }, distinctThreshold: 64, topK: 4 };
        const whole = profileOf(rows, 0, length, options);
        const points = [0, ...cuts.map((c) => Math.min(c, length)).sort((a, b) => a - b), length];
        let merged: Profile | null = null;
        for (let i = 0; i + 1 < points.length; i++) {
          const shard = parseProfile(profileToJSON(profileOf(rows, points[i], points[i + 1], options)), `shard-${i}.json`);
          merged = merged === null ? shard : mergeProfiles(merged, shard);
        }
        const m = merged as Profile;
        expect(m.rows).toBe(whole.rows);
        m.columns.forEach((column, i) => {
          const w = whole.columns[i];
          expect([column.count, column.nulls, column.invalid]).toEqual([w.count, w.nulls, w.invalid]);
          expect(column.distinct.hll).toEqual(w.distinct.hll);
          expect(column.distinct.exact).toBe(w.distinct.exact);
          expect(column.exactCounts).toEqual(w.exactCounts);
          if (w.distinct.exact) expect(column.distinct.value).toBe(w.distinct.value);
        });
        const [mx, mn, mb, ms] = m.columns as [NumberColumnProfile, NumberColumnProfile, BooleanColumnProfile, StringColumnProfile];
        const [wx, wn, wb, ws] = whole.columns as [NumberColumnProfile, NumberColumnProfile, BooleanColumnProfile, StringColumnProfile];
        expect(mx.bins).toEqual(wx.bins);
        expect(mn.bins).toEqual(wn.bins);
        expect(mb.trueCount).toBe(wb.trueCount);
        expect(mx.min).toBe(wx.min);
        expect(mx.max).toBe(wx.max);
        if (wx.mean !== null) expect(Math.abs((mx.mean as number) - wx.mean)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(wx.mean), wx.std ?? 0));
        if (wx.variance !== null) expect(Math.abs((mx.variance as number) - wx.variance)).toBeLessThanOrEqual(1e-9 * Math.max(1, wx.variance));
        // Under the thresholds top lists and quantiles are exact, so they match exactly.
        expect(mn.top).toEqual(wn.top);
        expect(ms.top).toEqual(ws.top);
        expect(mb.top).toEqual(wb.top);
        expect(KllSketch.fromJSON(mn.quantiles).quantiles([0.1, 0.5, 0.9])).toEqual(KllSketch.fromJSON(wn.quantiles).quantiles([0.1, 0.5, 0.9]));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps quantiles within the KLL bound when shards exceed the distinct threshold', () => {
    const values = Array.from(lcgNormals(91, 60_000), (v) => v);
    const rows: Rows = { x: values, n: values.map(() => 1), b: values.map(() => true), s: values.map(() => 'a') };
    const parts = [0, 20_000, 40_000, 60_000];
    let merged: Profile | null = null;
    for (let i = 0; i < 3; i++) {
      const shard = profileOf(rows, parts[i], parts[i + 1]);
      merged = merged === null ? shard : mergeProfiles(merged, shard);
    }
    const x = (merged as Profile).columns[0] as NumberColumnProfile;
    expect(x.distinct.exact).toBe(false);
    expect(Math.abs(x.distinct.value - 60_000) / 60_000).toBeLessThan(0.03);
    const sketch = KllSketch.fromJSON(x.quantiles);
    expect(sketch.n).toBe(60_000);
    const sorted = Float64Array.from(values).sort();
    for (const q of [0.05, 0.25, 0.5, 0.75, 0.95]) {
      const v = sketch.quantile(q);
      let below = 0;
      while (below < sorted.length && sorted[below] <= v) below++;
      expect(Math.abs(below / sorted.length - q)).toBeLessThanOrEqual(sketch.rankErrorBound());
    }
  });

  it('refuses different columns, settings or frozen bins, naming both profiles', () => {
    const rows: Rows = { x: [1, 2], n: [1, 2], b: [true, false], s: ['a', 'b'] };
    const base = profileOf(rows, 0, 2);
    const renamed: Profile = { ...base, columns: base.columns.map((c, i) => (i === 1 ? { ...c, name: 'm' } : c)) };
    expect(() => mergeProfiles(base, renamed, { a: 'a.json', b: 'b.json' })).toThrow(/a\.json and b\.json: column 2 is "n" \(integer\) in one and "m" \(integer\)/);
    expect(() => mergeProfiles(base, { ...base, columns: base.columns.slice(1) })).toThrow(/4 and 3 columns/);
    expect(() => mergeProfiles(base, profileOf(rows, 0, 2, { topK: 3 }))).toThrow(/settings differ/);
    const binned = profileOf(rows, 0, 2, { bins: { x: [1.5] } });
    expect(() => mergeProfiles(base, binned)).toThrow(InputError);
    expect(() => mergeProfiles(binned, profileOf(rows, 0, 2, { bins: { x: [1.7] } }))).toThrow(/frozen bins of column "x" differ/);
    expect(mergeProfiles(binned, binned).rows).toBe(4);
  });

  it('does not modify its inputs', () => {
    const rows: Rows = { x: [1, 2, 3], n: [1, 1, 2], b: [true, false, null], s: ['a', 'b', 'a'] };
    const a = profileOf(rows, 0, 2);
    const b = profileOf(rows, 2, 3);
    const before = profileToJSON(a) + profileToJSON(b);
    mergeProfiles(a, b);
    expect(profileToJSON(a) + profileToJSON(b)).toBe(before);
  });
});
