import { describe, expect, it } from 'vitest';
import { chi2Sf, erf, erfc, gammainc, gammaincc, kstwoSf, logGamma, normalCdf, normalSf, smirnovSf } from '../../shared/stats/distributions.js';
import { expectRelClose } from './close.js';

// Printed by test/stats/fixtures/make_reference.py (SciPy 1.10.1, NumPy 1.24.2, pandas 1.5.3).
const SCIPY = {
  kstwo_sf: [
    [0.15, 5, 0.9988],
    [0.3, 5, 0.664],
    [0.6, 5, 0.03008000000000001],
    [0.95, 5, 6.250000000000028e-07],
    [0.02, 50, 1.0],
    [0.1, 50, 0.6623112704658186],
    [0.2, 50, 0.03143877776953241],
    [0.35, 50, 5.573523514803185e-06],
    [0.6, 50, 9.634070456142374e-18],
    [0.07, 140, 0.4776228287946577],
    [0.15, 140, 0.0032495604415101703],
    [0.3, 140, 1.1370251710737309e-11],
    [0.005, 141, 1.0],
    [0.05, 141, 0.8548456930096628],
    [0.13, 141, 0.015449346308454497],
    [0.5, 141, 4.034017661079683e-33],
    [0.01, 1000, 0.9999496745370611],
    [0.03, 1000, 0.3226902143914636],
    [0.06, 1000, 0.001428597887952891],
    [0.2, 1000, 1.5528629204250538e-35],
    [0.004, 50000, 0.3994316646755731],
    [0.008, 50000, 0.003305231279334067],
    [0.02, 50000, 8.35587873542047e-18],
    [0.002, 200000, 0.39995085369038097],
    [0.004, 200000, 0.003314212822560255],
    [0.01, 200000, 8.433125699870092e-18],
  ],
  smirnov: [
    [10, 0.5, 0.003888705],
    [50, 0.3, 8.676630101359369e-05],
    [1000, 0.06, 0.0007142989439764456],
    [200000, 0.004, 0.0016571064112801276],
    [30, 0.97, 2.058911320946545e-46],
  ],
  norm_sf: [
    [-8, 0.9999999999999993],
    [-3, 0.9986501019683699],
    [-1, 0.8413447460685429],
    [0, 0.5],
    [0.5, 0.3085375387259869],
    [1.959963984540054, 0.025],
    [3, 0.0013498980316300933],
    [5, 2.866515718791933e-07],
    [10, 7.61985302416047e-24],
    [20, 2.7536241186061556e-89],
    [30, 4.906713927147908e-198],
    [37, 5.7255712225239266e-300],
  ],
  norm_cdf: [
    [-30, 4.906713927147908e-198],
    [-10, 7.61985302416047e-24],
    [-2, 0.022750131948179195],
    [-0.3, 0.3820885778110474],
    [0, 0.5],
    [0.7, 0.758036347776927],
    [4, 0.9999683287581669],
  ],
  chi2_sf: [
    [0.5, 1, 0.47950012218695337],
    [3.841458820694124, 1, 0.04999999999999989],
    [100, 1, 1.5239706048320995e-23],
    [0.01, 2, 0.9950124791926823],
    [5, 10, 0.8911780189141513],
    [1000, 10, 1.870290720915977e-208],
    [50, 3, 7.989179244951495e-11],
    [9000, 9000, 0.4980176374247972],
    [9500, 9000, 0.00012373422607057184],
    [200, 150, 0.003973185970821635],
    [1.0, 0.5, 0.15351359580832247],
    [25.0, 25, 0.46237366292661375],
    [30.5, 21, 0.08239146159392217],
    [0.3, 7, 0.9998999626177479],
    [0.0001, 1, 0.9920212873707368],
    [700, 30, 4.910784176303052e-128],
    [2.0, 1, 0.15729920705028105],
  ],
  gammaincc: [
    [0.5, 0.3, 0.4385780260809997],
    [3.0, 0.9, 0.937143065702081],
    [40.0, 38.0, 0.6059193678811066],
    [250.0, 260.0, 0.2593894826076473],
    [0.1, 0.05, 0.22446136454896942],
    [2.5, 40.0, 8.391825114831597e-16],
  ],
};

describe('kstwoSf = scipy.stats.kstwo.sf (every branch of _kolmogn)', () => {
  for (const [d, n, expected] of SCIPY.kstwo_sf) {
    it(`d=${d}, n=${n}`, () => {
      // Smirnov's sum in doubles (SciPy uses double-double) loses a few digits at n = 2e5.
      expectRelClose(kstwoSf(d, n), expected, n >= 50000 ? 1e-8 : 1e-11);
    });
  }
  it('handles the ends of the range', () => {
    expect(kstwoSf(0, 10)).toBe(1);
    expect(kstwoSf(1, 10)).toBe(0);
    expect(kstwoSf(0.01, 10)).toBe(1);
    expect(kstwoSf(0.5, 1.5)).toBeNaN();
  });
});

describe('smirnovSf = scipy.special.smirnov', () => {
  for (const [n, d, expected] of SCIPY.smirnov) {
    it(`n=${n}, d=${d}`, () => expectRelClose(smirnovSf(n, d), expected, n >= 100000 ? 1e-8 : 1e-11));
  }
  it('covers the closed forms', () => {
    expect(smirnovSf(1, 0.3)).toBeCloseTo(0.7, 15);
    expect(smirnovSf(5, 0)).toBe(1);
    expect(smirnovSf(5, 1)).toBe(0);
    expect(smirnovSf(10, 0.05)).toBeCloseTo(1 - 0.05 * 1.05 ** 9, 14);
  });
});

describe('normal distribution = scipy.stats.norm', () => {
  for (const [x, expected] of SCIPY.norm_sf) it(`sf(${x})`, () => expectRelClose(normalSf(x), expected, 1e-14));
  for (const [x, expected] of SCIPY.norm_cdf) it(`cdf(${x})`, () => expectRelClose(normalCdf(x), expected, 1e-14));
  it('erf and erfc are consistent and odd/complementary', () => {
    for (const x of [-3, -0.5, 0.2, 0.9, 1.5, 4]) {
      expect(erf(x) + erfc(x)).toBeCloseTo(1, 15);
      expect(erf(-x)).toBe(-erf(x));
    }
    expect(erfc(30)).toBe(0);
    expect(erfc(-30)).toBe(2);
    expect(normalSf(Number.NaN)).toBeNaN();
  });
});

describe('chi-square survival = scipy.stats.chi2.sf', () => {
  for (const [x, dof, expected] of SCIPY.chi2_sf) it(`sf(${x}, ${dof})`, () => expectRelClose(chi2Sf(x, dof), expected, 1e-12));
  for (const [a, x, expected] of SCIPY.gammaincc) {
    it(`gammaincc(${a}, ${x})`, () => {
      expectRelClose(gammaincc(a, x), expected, 1e-12);
      expect(gammainc(a, x) + gammaincc(a, x)).toBeCloseTo(1, 14);
    });
  }
  it('handles edges and bad arguments', () => {
    expect(chi2Sf(0, 3)).toBe(1);
    expect(chi2Sf(-1, 3)).toBe(1);
    expect(chi2Sf(Infinity, 3)).toBe(0);
    expect(chi2Sf(1, 0)).toBeNaN();
    expect(gammaincc(-1, 1)).toBeNaN();
  });
  it('logGamma matches factorials', () => {
    expectRelClose(logGamma(10), Math.log(362880), 1e-14);
    expectRelClose(logGamma(0.5), Math.log(Math.sqrt(Math.PI)), 1e-14);
    expectRelClose(logGamma(171), 706.5730622457874, 1e-14);
  });
});
