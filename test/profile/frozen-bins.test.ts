import { describe, expect, it } from 'vitest';
import { ProfileBuilder } from '../../shared/profile/builder.js';
import { freezeBins, normalizeBins, sameFrozenBin } from '../../shared/profile/frozen-bins.js';
import type { NumberColumnProfile } from '../../shared/profile/types.js';
import { lcgNormals } from '../stats/fixtures/lcg.js';
import { makeBatch } from './batches.js';

function twoColumns(n: number): ReturnType<typeof makeBatch> {
  const normals = lcgNormals(90, n);
  return makeBatch([
    { name: 'income', type: 'float', values: Array.from(normals, (v) => 1000 * v + 5000) },
    { name: 'children', type: 'integer', values: Array.from({ length: n }, (_, i) => i % 4) },
    { name: 'city', type: 'category', values: Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 'a' : 'b')) },
    { name: 'empty', type: 'float', values: new Array(n).fill(null) },
  ]);
}

describe('freezeBins', () => {
  const batch = twoColumns(20_000);
  const builder = new ProfileBuilder();
  builder.add(batch);
  const baseline = builder.finish();
  const bins = freezeBins(baseline);

  it('uses decile edges for continuous columns and values for low-cardinality ones', () => {
    expect(Object.keys(bins).sort()).toEqual(['children', 'income']);
    expect(bins.children).toEqual({ kind: 'categories', values: [0, 1, 2, 3] });
    const income = bins.income;
    expect(income.kind).toBe('edges');
    if (income.kind !== 'edges') return;
    expect(income.edges).toHaveLength(9);
    // Deciles of N(5000, 1000): 5000 + 1000 * z_q, within the sketch's rank error.
    const z = [-1.2816, -0.8416, -0.5244, -0.2533, 0, 0.2533, 0.5244, 0.8416, 1.2816];
    income.edges.forEach((edge, i) => expect(Math.abs(edge - (5000 + 1000 * z[i]))).toBeLessThan(60));
  });

  it('merges equal edges', () => {
    const b = new ProfileBuilder({ distinctThreshold: 10 });
    const values = Array.from({ length: 5000 }, (_, i) => (i < 4000 ? 0 : i));
    b.add(makeBatch([{ name: 'skewed', type: 'float', values }]));
    const skewed = freezeBins(b.finish()).skewed;
    expect(skewed.kind).toBe('edges');
    if (skewed.kind === 'edges') {
      expect(skewed.edges[0]).toBe(0);
      expect(new Set(skewed.edges).size).toBe(skewed.edges.length);
      expect(skewed.edges.length).toBeLessThan(9);
    }
  });

  it('a second pass fills exact counts on the frozen bins', () => {
    const second = new ProfileBuilder({ bins });
    second.add(batch);
    const profile = second.finish();
    const income = profile.columns[0] as NumberColumnProfile;
    const children = profile.columns[1] as NumberColumnProfile;
    expect(income.bins?.counts.reduce((s, c) => s + c, 0)).toBe(20_000);
    expect(income.bins?.counts).toHaveLength(10);
    income.bins?.counts.forEach((c) => expect(Math.abs(c - 2000)).toBeLessThan(300));
    expect(children.bins).toEqual({ kind: 'categories', values: [0, 1, 2, 3], counts: [5000, 5000, 5000, 5000, 0] });
  });

  it('counts values outside the categories, infinities included, in the last bin', () => {
    const b = new ProfileBuilder({ bins: { x: { kind: 'categories', values: [1, 2] } } });
    b.add(makeBatch([{ name: 'x', type: 'integer', values: [1, 2, 2, 7, null, Infinity] }]));
    expect((b.finish().columns[0] as NumberColumnProfile).bins).toEqual({ kind: 'categories', values: [1, 2], counts: [1, 2, 2] });
  });

  it('puts infinities in the outer edge bins', () => {
    const b = new ProfileBuilder({ bins: { x: [0, 10] } });
    b.add(makeBatch([{ name: 'x', type: 'float', values: [-Infinity, 0, 5, 10, 11, Infinity, null] }]));
    expect((b.finish().columns[0] as NumberColumnProfile).bins?.counts).toEqual([2, 2, 2]);
  });

  it('normalizes edge shorthand and compares definitions', () => {
    expect(normalizeBins({ a: [1, 2] })).toEqual({ a: { kind: 'edges', edges: [1, 2] } });
    expect(() => normalizeBins({ a: { kind: 'categories', values: [2, 1] } })).toThrow(/strictly increasing/);
    expect(sameFrozenBin({ kind: 'edges', edges: [1] }, { kind: 'edges', edges: [1] })).toBe(true);
    expect(sameFrozenBin({ kind: 'edges', edges: [1] }, { kind: 'categories', values: [1] })).toBe(false);
    expect(sameFrozenBin({ kind: 'edges', edges: [1] }, null)).toBe(false);
    expect(sameFrozenBin(null, null)).toBe(true);
  });
});
