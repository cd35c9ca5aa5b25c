import { describe, expect, it } from 'vitest';
import { BucketedPair } from '../../shared/stats/bucketed-pair.js';
import { quantilePosition, quantileSorted } from '../../shared/stats/buckets.js';
import { DECILE_RANKS, createRng, decileEdges, ks2SampSorted, radixSortFloat64, wassersteinSorted, type Rng } from '../../shared/stats/index.js';
import { lcgNormals } from './fixtures/lcg.js';

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

// Printed by test/stats/fixtures/make_decile_reference.py (NumPy 1.24.2): sizes where numpy's virtual
// index n q + (1 - q) - 1 floors to another rank than (n - 1) q at the deciles listed.
const NUMPY_DECILES: Record<string, { seed: number; deciles: number[]; ranksDifferAt: number[] }> = {"25461": {"seed": 41, "deciles": [-1.2730802935548127, -0.8271853257901967, -0.5125673864968121, -0.24092830391600728, 0.003728929441422224, 0.2533942717127502, 0.5281353848986328, 0.8507044794969261, 1.2843783455900848], "ranksDifferAt": [0.3, 0.6, 0.7]}, "20011": {"seed": 42, "deciles": [-1.2947344812564552, -0.8498508180491626, -0.5284416223876178, -0.2594747352413833, -0.007534171920269728, 0.2533343774266541, 0.5243704882450402, 0.8503458467312157, 1.2749855522997677], "ranksDifferAt": [0.7]}};

/** Deciles whose lower rank (n - 1) q would miss: where the ranks must come from quantilePosition. */
function naiveRankMisses(n: number): number[] {
  return DECILE_RANKS.filter((q) => Math.floor((n - 1) * q) !== quantilePosition(n, q).below);
}

describe('BucketedPair: the ranks the deciles read', () => {
  it('gives the full sort\'s deciles, all nine, at every size from 10,001 to 10,400', () => {
    const rng = createRng(17);
    const pool = Float64Array.from({ length: 10_400 }, () => rng.normal());
    const second = Float64Array.from({ length: 3_000 }, () => rng.normal() + 0.1);
    let sizesWithOtherRanks = 0;
    for (let n = 10_001; n <= 10_400; n++) {
      const first = pool.subarray(0, n);
      const edges = decileEdges(BucketedPair.of(first, second, { quantiles: DECILE_RANKS }).firstSampleRanks());
      expect(edges, `n = ${n}`).toEqual(decileEdges(sortedWithoutNaN(first)));
      expect(edges, `n = ${n}`).toHaveLength(9);
      if (naiveRankMisses(n).length > 0) sizesWithOtherRanks++;
    }
    // The sweep must include the sizes that lost edges before (one in five of these).
    expect(sizesWithOtherRanks).toBeGreaterThanOrEqual(50);
  });

  for (const [size, reference] of Object.entries(NUMPY_DECILES)) {
    it(`equals numpy.quantile at n = ${size}, where (n - 1) q is another rank at ${reference.ranksDifferAt.join(', ')}`, () => {
      const n = Number(size);
      expect(naiveRankMisses(n)).toEqual(reference.ranksDifferAt);
      const first = lcgNormals(reference.seed, n);
      const second = lcgNormals(reference.seed + 100, 12_000, 0.05);
      const edges = decileEdges(BucketedPair.of(first, second, { quantiles: DECILE_RANKS }).firstSampleRanks());
      expect(edges).toEqual(decileEdges(sortedWithoutNaN(first)));
      expect(edges).toHaveLength(9);
      edges.forEach((edge, i) => expect(Math.abs(edge - reference.deciles[i]), `decile ${i + 1}`).toBeLessThanOrEqual(1e-15 * Math.abs(reference.deciles[i])));
    });
  }

  it('makes a rank it was not asked for an error, not a NaN', () => {
    const rng = createRng(23);
    const first = Float64Array.from({ length: 20_000 }, () => rng.normal());
    const second = Float64Array.from({ length: 20_000 }, () => rng.normal());
    const ranks = BucketedPair.of(first, second, { quantiles: [0.5] }).firstSampleRanks();
    expect(quantileSorted(ranks, 0.5)).toBe(quantileSorted(sortedWithoutNaN(first), 0.5));
    expect(() => quantileSorted(ranks, 0.1)).toThrow(/quantile 0\.1 of 20000 values reads ranks 1999 and 2000, but 1999 is missing/);
    expect(() => BucketedPair.of(first, second, { quantiles: [1.5] })).toThrow(/quantile rank must be in \[0, 1\], got 1\.5/);
  });
});
