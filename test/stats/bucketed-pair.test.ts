import { describe, expect, it } from 'vitest';
import { BucketedPair } from '../../shared/stats/bucketed-pair.js';
import { DECILE_RANKS, createRng, decileEdges, ks2SampSorted, radixSortFloat64, wassersteinSorted, type Rng } from '../../shared/stats/index.js';

function countAtMost(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sortedWithoutNaN(values: Float64Array): Float64Array {
  return radixSortFloat64(values.filter((x) => x === x).map((x) => (x === 0 ? 0 : x)));
}

type Draw = (rng: Rng) => number;

// Each case: two samples well above 10,000 values (SciPy's asymptotic KS range).
const CASES: Record<string, { first: Draw; second: Draw }> = {
  'normal, same distribution': { first: (r) => r.normal() * 30 + 5, second: (r) => r.normal() * 30 + 5 },
  'normal, 0.2 sd shift': { first: (r) => r.normal(), second: (r) => r.normal() + 0.2 },
  'lognormal (heavy tail), wider': { first: (r) => Math.exp(r.normal()) * 100, second: (r) => Math.exp(1.2 * r.normal()) * 100 },
  'two decimals (many ties) around zero, -0 included': { first: (r) => Math.round(r.normal() * 300) / 100, second: (r) => (r.next() < 0.01 ? -0 : Math.round((r.normal() + 0.05) * 300) / 100) },
  'uniform inside one binade': { first: (r) => 64 + 64 * r.next(), second: (r) => 64 + 60 * r.next() },
  'an atom at zero, and missing values': { first: (r) => (r.next() < 0.3 ? 0 : r.next() < 0.05 ? Number.NaN : r.normal()), second: (r) => (r.next() < 0.35 ? 0 : r.normal()) },
  'disjoint ranges': { first: (r) => r.next(), second: (r) => 10 + r.next() },
};

describe('BucketedPair: exact statistics without sorting', () => {
  for (const [name, draw] of Object.entries(CASES)) {
    it(`gives the sorted samples' KS, Wasserstein and deciles: ${name}`, () => {
      const rng = createRng(name.length);
      const first = Float64Array.from({ length: 60_000 }, () => draw.first(rng));
      const second = Float64Array.from({ length: 45_000 }, () => draw.second(rng));
      const pair = BucketedPair.of(first, second, { quantiles: DECILE_RANKS });
      const sorted = { first: sortedWithoutNaN(first), second: sortedWithoutNaN(second) };
      expect([pair.n1, pair.n2]).toEqual([sorted.first.length, sorted.second.length]);
      const expected = ks2SampSorted(sorted.first, sorted.second);
      expect(expected.method).toBe('asymp');
      expect(pair.ksTest()).toEqual({ statistic: expected.statistic, pvalue: expected.pvalue });
      const w = wassersteinSorted(sorted.first, sorted.second);
      expect(Math.abs(pair.wasserstein() - w)).toBeLessThanOrEqual(1e-9 * Math.max(1, w));
      const edges = decileEdges(pair.firstSampleRanks());
      expect(edges).toEqual(decileEdges(sorted.first));
      for (const edge of edges) {
        expect(pair.countAtMost(0, edge)).toBe(countAtMost(sorted.first, edge));
        expect(pair.countAtMost(1, edge)).toBe(countAtMost(sorted.second, edge));
      }
    });
  }

  it('counts exactly at given points, and refuses points it was not told about', () => {
    const rng = createRng(5);
    const first = Float64Array.from({ length: 30_000 }, () => rng.normal());
    const second = Float64Array.from({ length: 30_000 }, () => rng.normal() + 0.1);
    const points = [-1.2345, -0.5, 0, 0.333, 1.75, 40];
    const pair = BucketedPair.of(first, second, { points });
    const sorted = { first: sortedWithoutNaN(first), second: sortedWithoutNaN(second) };
    for (const point of points) {
      expect(pair.countAtMost(0, point)).toBe(countAtMost(sorted.first, point));
      expect(pair.countAtMost(1, point)).toBe(countAtMost(sorted.second, point));
    }
    expect(() => pair.countAtMost(0, 0.123456)).toThrow(/not prepared/);
  });

  it('refuses infinities and samples too small for the asymptotic p-value', () => {
    expect(() => BucketedPair.of(Float64Array.of(1, Number.POSITIVE_INFINITY), Float64Array.of(2))).toThrow(/finite/);
    expect(() => BucketedPair.of(Float64Array.of(1, 2, 3), Float64Array.of(2, 5)).ksTest()).toThrow(/sort smaller samples/);
    expect(() => BucketedPair.of(Float64Array.of(Number.NaN), Float64Array.of(2))).toThrow(/values on both sides/);
  });
});
