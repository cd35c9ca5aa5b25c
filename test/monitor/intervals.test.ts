// Reference values printed by test/monitor/fixtures/make_reference.py (scipy 1.10).
import { describe, expect, it } from 'vitest';
import {
  correlationEstimate,
  meanEstimate,
  normalQuantile,
  proportionDifference,
  quantileEstimate,
  relativeIncrease,
  wilsonInterval,
  zFor,
} from '../../shared/monitor/index.js';
import { expectRelClose } from '../stats/close.js';

describe('normalQuantile', () => {
  it.each([
    [0.975, 1.959963984540054],
    [0.9, 1.2815515655446004],
    [0.001, -3.090232306167813],
    [1e-10, -6.361340902404056],
    [0.999999, 4.753424308817087],
  ])('matches scipy.stats.norm.ppf(%s)', (p, expected) => {
    expectRelClose(normalQuantile(p), expected, 1e-12, String(p));
  });

  it('is 0 at the median and rejects 0 and 1', () => {
    expect(Math.abs(normalQuantile(0.5))).toBeLessThan(1e-15);
    expect(() => normalQuantile(0)).toThrow(RangeError);
    expect(() => normalQuantile(1)).toThrow(RangeError);
    expect(zFor(0.95)).toBeCloseTo(1.959963984540054, 12);
  });
});

describe('wilsonInterval', () => {
  it.each([
    [15, 200, 0.95, 0.045974917184382014, 0.12004361023629459],
    [0, 50, 0.95, 0, 0.07134759913335872],
    [50, 50, 0.9, 0.9486668142137299, 1],
    [7, 1000, 0.99, 0.002741177154732507, 0.01775771144002663],
  ])('matches scipy binomtest(%i, %i).proportion_ci(%s, wilson)', (k, n, confidence, low, high) => {
    const interval = wilsonInterval(k, n, confidence) as [number, number];
    expect(interval[0]).toBeCloseTo(low, 12);
    expect(interval[1]).toBeCloseTo(high, 12);
  });

  it('has no interval for an empty sample', () => {
    expect(wilsonInterval(0, 0, 0.95)).toBeNull();
  });
});

describe('proportionDifference (Newcombe, method 10)', () => {
  it.each([
    [20, 1000, 40, 1000, 0.005023488896319742, 0.035668402401703325],
    [5, 200, 4, 100, -0.025345016593546592, 0.07509096374486499],
  ])('matches the hybrid score interval for %i/%i vs %i/%i', (x1, n1, x2, n2, low, high) => {
    const estimate = proportionDifference(x1, n1, x2, n2, 0.95);
    expect(estimate.value).toBeCloseTo(x2 / n2 - x1 / n1, 15);
    expect(estimate.interval?.[0]).toBeCloseTo(low, 12);
    expect(estimate.interval?.[1]).toBeCloseTo(high, 12);
  });
});

describe('quantileEstimate', () => {
  const sorted = Float64Array.from({ length: 1000 }, (_, i) => i + 1);

  it('is numpy’s linear quantile with order statistics around n·p as bounds', () => {
    const estimate = quantileEstimate(sorted, 0.95, 0.95);
    // np.quantile(1..1000, 0.95) = 950.05; ranks 950 -/+ 1.96·sqrt(1000·0.95·0.05) = 950 -/+ 13.5 -> 936 and 964.
    expect(estimate.value).toBeCloseTo(950.05, 10);
    expect(estimate.interval).toEqual([936, 964]);
  });

  it('clamps the bounds to the sample and is empty for no values', () => {
    const estimate = quantileEstimate(Float64Array.of(5, 7), 0.99, 0.95);
    expect(estimate.interval).toEqual([5, 7]);
    expect(quantileEstimate(new Float64Array(0), 0.5, 0.95)).toEqual({ value: null, interval: null });
  });
});

describe('means, correlations and ratios', () => {
  it('meanEstimate is mean ± z·s/√n', () => {
    // values 1..5: mean 3, sample sd sqrt(2.5)
    const estimate = meanEstimate(15, 55, 5, 0.95);
    const half = 1.959963984540054 * Math.sqrt(2.5 / 5);
    expect(estimate.value).toBe(3);
    expect(estimate.interval?.[0]).toBeCloseTo(3 - half, 12);
    expect(estimate.interval?.[1]).toBeCloseTo(3 + half, 12);
  });

  it('correlationEstimate is Fisher’s interval', () => {
    const estimate = correlationEstimate(0.6, 50, 0.95);
    expect(estimate.interval?.[0]).toBeCloseTo(0.386141193639051, 12);
    expect(estimate.interval?.[1]).toBeCloseTo(0.7526488623205274, 12);
    expect(correlationEstimate(0.5, 3, 0.95).interval).toBeNull();
  });

  it('relativeIncrease is b/a − 1 with a log-ratio interval that contains it', () => {
    const a = { value: 100, interval: [90, 110] as [number, number] };
    const b = { value: 200, interval: [180, 220] as [number, number] };
    const estimate = relativeIncrease(a, b, 0.95);
    expect(estimate.value).toBe(1);
    const [low, high] = estimate.interval as [number, number];
    // se(log ratio) = sqrt((10/1.96/100)^2 + (20/1.96/200)^2) = 0.0722
    expect(low).toBeCloseTo(Math.exp(Math.log(2) - Math.sqrt(2) * 0.1) - 1, 10);
    expect(high).toBeCloseTo(Math.exp(Math.log(2) + Math.sqrt(2) * 0.1) - 1, 10);
    expect(relativeIncrease({ value: 0, interval: null }, b, 0.95).value).toBeNull();
  });
});
