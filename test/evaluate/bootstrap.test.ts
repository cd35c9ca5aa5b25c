import { describe, expect, it } from 'vitest';
import { pairedBootstrap, percentileInterval, quantileSorted } from '../../shared/evaluate/bootstrap.js';
import { rankScores, rocAucRanked } from '../../shared/evaluate/metrics/ranking.js';
import { normalCdf } from '../../shared/evaluate/normal.js';
import { createRng } from '../../shared/stats/random.js';
import { B_CHALLENGER, B_CHAMPION, B_LABELS } from './fixtures/examples.js';

function aucDifference(labels: ArrayLike<number>, a: ArrayLike<number>, b: ArrayLike<number>) {
  const rankedA = rankScores(labels, a);
  const rankedB = rankScores(labels, b);
  return (counts: Int32Array) => rocAucRanked(rankedA, counts) - rocAucRanked(rankedB, counts);
}

describe('paired bootstrap', () => {
  it('is reproducible with a seed and differs with another seed', () => {
    const statistic = aucDifference(B_LABELS, B_CHALLENGER, B_CHAMPION);
    const first = pairedBootstrap(B_LABELS.length, [statistic], { resamples: 200, seed: 5 })[0];
    const again = pairedBootstrap(B_LABELS.length, [statistic], { resamples: 200, seed: 5 })[0];
    const other = pairedBootstrap(B_LABELS.length, [statistic], { resamples: 200, seed: 6 })[0];
    expect(Array.from(again)).toEqual(Array.from(first));
    expect(Array.from(other)).not.toEqual(Array.from(first));
  });

  it('draws each resample as n rows with replacement, shared by every statistic', () => {
    const seen: number[][] = [];
    const record = (tag: number) => (counts: Int32Array) => {
      seen.push([tag, counts.reduce((sum, count) => sum + count, 0), counts[0]]);
      return tag;
    };
    const [a, b] = pairedBootstrap(7, [record(1), record(2)], { resamples: 3, seed: 1 });
    expect(Array.from(a)).toEqual([1, 1, 1]);
    expect(Array.from(b)).toEqual([2, 2, 2]);
    for (let r = 0; r < 3; r++) {
      expect(seen[2 * r][1]).toBe(7);
      // Both statistics saw the same resample.
      expect(seen[2 * r + 1][2]).toBe(seen[2 * r][2]);
    }
  });

  it('percentile interval uses linear-interpolation quantiles (numpy default) and skips undefined resamples', () => {
    // np.quantile(np.arange(10) ** 2, [0.025, 0.975]) from make_reference.py
    const squares = Float64Array.from({ length: 10 }, (_, i) => i * i);
    expect(quantileSorted(squares, 0.025)).toBeCloseTo(0.225, 14);
    expect(quantileSorted(squares, 0.975)).toBeCloseTo(77.17500000000001, 12);
    const withNaN = Float64Array.from([81, Number.NaN, 0, 49, 1, 64, 4, Number.NaN, 9, 36, 16, 25]);
    const { interval, valid } = percentileInterval(withNaN, 0.95);
    expect(valid).toBe(10);
    expect(interval[0]).toBeCloseTo(0.225, 14);
    expect(interval[1]).toBeCloseTo(77.175, 12);
  });

  it('covers the true AUC difference about 95% of the time (200 simulated datasets)', () => {
    // Binormal scores: positives N(mu, 1), negatives N(0, 1) give AUC = Phi(mu / sqrt 2).
    // The two models share part of their noise, so their AUCs are correlated, as in a real comparison.
    const muA = 1.2;
    const muB = 0.9;
    const trueDifference = normalCdf(muA / Math.SQRT2) - normalCdf(muB / Math.SQRT2);
    const rng = createRng(2024);
    const n = 200;
    const datasets = 200;
    let covered = 0;
    for (let d = 0; d < datasets; d++) {
      const labels = new Float64Array(n);
      const a = new Float64Array(n);
      const b = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        labels[i] = rng.next() < 0.5 ? 1 : 0;
        const shared = rng.normal();
        // Each score's noise has variance 0.5 + 0.5 = 1.
        a[i] = labels[i] * muA + Math.SQRT1_2 * shared + Math.SQRT1_2 * rng.normal();
        b[i] = labels[i] * muB + Math.SQRT1_2 * shared + Math.SQRT1_2 * rng.normal();
      }
      const [estimates] = pairedBootstrap(n, [aucDifference(labels, a, b)], { resamples: 500, seed: d });
      const { interval } = percentileInterval(estimates, 0.95);
      if (interval[0] <= trueDifference && trueDifference <= interval[1]) covered++;
    }
    const coverage = covered / datasets;
    expect(coverage).toBeGreaterThanOrEqual(0.9);
    expect(coverage).toBeLessThanOrEqual(0.99);
  });

  it('rejects nonsense options', () => {
    expect(() => pairedBootstrap(10, [], { resamples: 0 })).toThrow(RangeError);
    expect(() => pairedBootstrap(0, [], {})).toThrow(RangeError);
    expect(() => percentileInterval(new Float64Array(3), 1)).toThrow(RangeError);
  });
});
