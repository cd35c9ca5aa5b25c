// Reference values printed by test/monitor/fixtures/make_reference.py (scipy 1.10.1).
import { describe, expect, it } from 'vitest';
import {
  correlationEstimate,
  gammaQuantile,
  meanEstimate,
  normalQuantile,
  poissonInterval,
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

describe('poissonInterval (Garwood, exact)', () => {
  it.each([
    [0, 0.95, 0, 3.6888794541139354],
    [0, 0.99, 0, 5.298317366548036],
    [1, 0.95, 0.025317807984289897, 5.571643390938898],
    [5, 0.95, 1.623486390118421, 11.66833207932267],
    [5, 0.99, 1.0779282406523196, 14.149759411023012],
    [10, 0.9, 5.425405697091292, 16.962219235721896],
    [100, 0.95, 81.36399125092315, 121.62679379242638],
    [1000, 0.999, 899.2086831191871, 1108.3940211570052],
    [1_000_000, 0.95, 998040.9833402939, 1001961.9119454322],
    [123_456_789, 0.95, 123435012.5696615, 123478568.32473257],
    [3, 0.5, 1.7272994178605192, 5.10942748512338],
  ])('matches chi2.ppf(α/2, 2k)/2 and chi2.ppf(1−α/2, 2k+2)/2 for k = %i at %s', (k, confidence, low, high) => {
    const [lower, upper] = poissonInterval(k, confidence);
    expectRelClose(lower, low, 1e-12, `lower(${k}, ${confidence})`);
    expectRelClose(upper, high, 1e-12, `upper(${k}, ${confidence})`);
  });

  it('is wider than the normal approximation for a small count (5 of an expected ≥ 10 is not yet an alert)', () => {
    // The old interval, 5 ± 1.96·√5 = [0.62, 9.38], excluded 10; the exact one does not.
    const [lower, upper] = poissonInterval(5, 0.95);
    expect(lower).toBeGreaterThan(1.6);
    expect(upper).toBeGreaterThan(10);
  });

  it('rejects counts that are not whole and confidences outside (0, 1)', () => {
    expect(() => poissonInterval(2.5, 0.95)).toThrow(RangeError);
    expect(() => poissonInterval(-1, 0.95)).toThrow(RangeError);
    expect(() => poissonInterval(5, 1)).toThrow(RangeError);
  });
});

describe('gammaQuantile', () => {
  it.each([
    [0.5, 1e-12, 7.853981633974466e-25, 25.422063955909078],
    [2.5, 0.3, 1.4999540663799533, 3.0322149920774524],
    [40, 1e-9, 12.823174448352042, 90.24007911208241],
  ])('matches scipy.stats.gamma.ppf / isf (shape %s, tail %s)', (shape, tail, ppf, isf) => {
    expectRelClose(gammaQuantile(shape, tail), ppf, 1e-12, 'ppf');
    expectRelClose(gammaQuantile(shape, tail, true), isf, 1e-12, 'isf');
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
