import { describe, expect, it } from 'vitest';
import { delongTest, midranks } from '../../shared/evaluate/delong.js';
import { erfc, normalCdf, twoSidedNormalPValue } from '../../shared/evaluate/normal.js';
import { rocAuc } from '../../shared/evaluate/metrics/ranking.js';
import { createRng } from '../../shared/stats/random.js';
import { B_CHALLENGER, B_CHAMPION, B_LABELS } from './fixtures/examples.js';

describe('DeLong test (Sun & Xu fast midrank version)', () => {
  it('matches the O(m*n) structural-component reference on example B', () => {
    // test/evaluate/fixtures/make_reference.py, "DeLong (O(mn) reference)"
    const expected = { auc: [0.8034285714285714, 0.7291428571428571], variance: 0.00653811924769908, z: 0.9187109335877472, pValue: 0.35824678943303323 };
    const result = delongTest(B_LABELS, B_CHALLENGER, B_CHAMPION);
    expect(result.auc[0]).toBeCloseTo(expected.auc[0], 13);
    expect(result.auc[1]).toBeCloseTo(expected.auc[1], 13);
    expect(result.variance).toBeCloseTo(expected.variance, 14);
    expect(result.z).toBeCloseTo(expected.z, 11);
    expect(result.pValue).toBeCloseTo(expected.pValue, 11);
    expect(result.difference).toBeCloseTo(expected.auc[0] - expected.auc[1], 13);
  });

  it('its AUCs equal the trapezoid ROC AUC, and swapping the models flips the sign only', () => {
    const forward = delongTest(B_LABELS, B_CHALLENGER, B_CHAMPION);
    const backward = delongTest(B_LABELS, B_CHAMPION, B_CHALLENGER);
    expect(forward.auc[0]).toBeCloseTo(rocAuc(B_LABELS, B_CHALLENGER), 13);
    expect(backward.z).toBeCloseTo(-forward.z, 12);
    expect(backward.pValue).toBeCloseTo(forward.pValue, 12);
  });

  it('identical models: no difference, p = 1', () => {
    const result = delongTest(B_LABELS, B_CHALLENGER, B_CHALLENGER);
    expect(result.difference).toBe(0);
    expect(result.pValue).toBe(1);
  });

  it('needs two rows of each class', () => {
    expect(() => delongTest([1, 0, 0], [0.1, 0.2, 0.3], [0.3, 0.2, 0.1])).toThrow(/at least two rows of each class/);
  });

  it('midranks average tied ranks', () => {
    expect(Array.from(midranks(Float64Array.from([3, 1, 3, 2, 3])))).toEqual([4, 1, 4, 2, 4]);
  });

  it('keeps its size under the null: about 5% of simulated equal-AUC pairs are rejected at 0.05', () => {
    const rng = createRng(11);
    const n = 150;
    let rejected = 0;
    const trials = 300;
    for (let trial = 0; trial < trials; trial++) {
      const labels = new Float64Array(n);
      const a = new Float64Array(n);
      const b = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        labels[i] = i % 2;
        const shared = rng.normal();
        a[i] = labels[i] + 0.7 * shared + 0.7 * rng.normal();
        b[i] = labels[i] + 0.7 * shared + 0.7 * rng.normal();
      }
      if (delongTest(labels, a, b).pValue < 0.05) rejected++;
    }
    expect(rejected / trials).toBeGreaterThan(0.01);
    expect(rejected / trials).toBeLessThan(0.1);
  });
});

describe('normal tail', () => {
  it('erfc equals scipy.special.erfc', () => {
    // test/evaluate/fixtures/make_reference.py, "erfc"
    const reference: Array<[number, number]> = [
      [0.0, 1.0],
      [0.5, 0.4795001221869535],
      [1.0, 0.15729920705028516],
      [1.959963984540054, 0.005574596680784415],
      [2.5, 0.00040695201744495886],
      [2.999, 2.223016859983406e-5],
      [3.0, 2.2090496998585445e-5],
      [4.0, 1.541725790028002e-8],
      [6.0, 2.1519736712498913e-17],
      [10.0, 2.0884875837625446e-45],
      [-1.0, 1.8427007929497148],
    ];
    for (const [x, value] of reference) expect(erfc(x) / value, `erfc(${x})`).toBeCloseTo(1, 13);
  });

  it('normal CDF and two-sided p-value', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(twoSidedNormalPValue(1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSidedNormalPValue(-1.959963984540054)).toBeCloseTo(0.05, 14);
  });
});
