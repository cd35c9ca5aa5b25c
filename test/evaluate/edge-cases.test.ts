import { describe, expect, it } from 'vitest';
import { evaluateRows, type EvaluationRows } from '../../shared/evaluate/index.js';
import { delongTest } from '../../shared/evaluate/delong.js';
import { PreparedPredictions } from '../../shared/evaluate/metrics/prepared.js';
import { r2 } from '../../shared/evaluate/metrics/regression.js';

// Values printed by test/evaluate/fixtures/make_edge_reference.py (numpy 1.24.2, scipy 1.10.1, scikit-learn 1.2.1).

function r2With(targets: number[], predictions: number[], weights?: number[]): { value: number; warnings: string[] } {
  const warnings: string[] = [];
  return { value: r2(targets, predictions, weights, (message) => warnings.push(message)), warnings };
}

describe('r2 on constant targets equals scikit-learn (force_finite)', () => {
  const tenTenths = Array.from({ length: 10 }, () => 0.1);

  it('ten 0.1 targets (whose naive mean is rounded): 0 when imperfect, 1 when perfect, with a warning', () => {
    const imperfect = r2With(tenTenths, [...tenTenths.slice(0, 9), 0.2]);
    expect(imperfect.value).toBe(0.0);
    expect(imperfect.warnings).toEqual(['r2 is ill-defined: the target is constant; set to 1 for a perfect fit and 0 otherwise, as scikit-learn does']);
    expect(r2With(tenTenths, tenTenths).value).toBe(1.0);
  });

  it('three 0.1 targets: 0, the value scikit-learn documents for a constant target', () => {
    // scikit-learn itself prints -1.7307656195116095e+31 here: numpy's mean of three 0.1 is not exactly 0.1.
    // Three 3.0 targets (an exact mean) show its rule: 0.0.
    expect(r2With([0.1, 0.1, 0.1], [0.1, 0.1, 0.2]).value).toBe(0.0);
    expect(r2With([3, 3, 3], [2, 3, 4]).value).toBe(0.0);
  });

  it('weights: only rows that carry weight decide whether the target is constant', () => {
    expect(r2With([3, 7, 3], [2, 7, 4], [1, 0, 1]).value).toBe(0.0);
    expect(r2With([1, 3, 5], [1, 3, 6], [0, 2, 0]).value).toBe(1.0);
    expect(r2With([1, 3, 5, 2], [1.5, 2, 5, 2], [1, 2, 0, 3]).value).toBeCloseTo(0.2058823529411764, 14);
    // The bootstrap path (counts as weights) agrees.
    const prepared = new PreparedPredictions(Float64Array.from([1, 3, 5]), Float64Array.from([1, 3, 6]));
    expect(prepared.compute('r2', Int32Array.from([0, 2, 0]))).toBe(1.0);
  });

  it('distinct targets whose squared deviations underflow: 0, as scikit-learn with SS_tot = 0', () => {
    const tiny = r2With([1e-300, 2e-300, 1e-300], [1, 1, 1]);
    expect(tiny.value).toBe(0.0);
    expect(tiny.warnings[0]).toMatch(/^r2 is ill-defined: the target varies too little/);
  });

  it('one row: NaN with a warning, as scikit-learn (which counts rows, not weights)', () => {
    const one = r2With([5], [4]);
    expect(one.value).toBeNaN();
    expect(one.warnings).toEqual(['r2 is not defined for fewer than two rows (got 1); left out, as scikit-learn returns NaN']);
    expect(r2With([5], [5], [3]).value).toBeNaN();
  });

  it('the evaluation reports a one-row r2 as null and says why', () => {
    const rows: EvaluationRows = {
      ids: ['a'],
      labels: Float64Array.of(5),
      challenger: Float64Array.of(4),
      champion: undefined,
      segments: [],
      sources: { challenger: 'challenger.csv', champion: null },
    };
    const report = evaluateRows(rows, { task: 'regression' });
    expect(report.metrics.challenger.r2).toBeNull();
    expect(report.warnings).toContain('challenger: r2 is not defined for fewer than two rows (got 1); left out, as scikit-learn returns NaN');
  });
});

describe('DeLong with a zero variance of the difference', () => {
  const labels = [0, 0, 0, 1, 1, 1];
  const perfect = [0.1, 0.2, 0.3, 0.7, 0.8, 0.9];

  it('AUC 1 vs 0.5: the difference is certain, p = 0', () => {
    // { auc: [1.0, 0.5], variance: 0.0, z: inf, pValue: 0.0 }
    expect(delongTest(labels, perfect, [0.5, 0.5, 0.5, 0.5, 0.5, 0.5])).toEqual({ auc: [1, 0.5], difference: 0.5, variance: 0, z: Number.POSITIVE_INFINITY, pValue: 0 });
  });

  it('AUC 0 vs 1: p = 0, z negative', () => {
    // { auc: [0.0, 1.0], variance: 0.0, z: -inf, pValue: 0.0 }
    expect(delongTest(labels, [...perfect].reverse(), perfect)).toEqual({ auc: [0, 1], difference: -1, variance: 0, z: Number.NEGATIVE_INFINITY, pValue: 0 });
  });

  it('two different perfect rankers: no difference, p = 1 (the reference is 0/0 there)', () => {
    // { auc: [1.0, 1.0], variance: 0.0, z: nan, pValue: nan }
    expect(delongTest(labels, perfect, [0, 0.4, 0.45, 0.5, 0.6, 1])).toEqual({ auc: [1, 1], difference: 0, variance: 0, z: 0, pValue: 1 });
  });

  it('the comparison shows p_value 0, not null, for a certain difference', () => {
    const rows: EvaluationRows = {
      ids: labels.map(String),
      labels: Float64Array.from(labels),
      challenger: Float64Array.from(perfect),
      champion: Float64Array.from([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]),
      segments: [],
      sources: { challenger: 'challenger.csv', champion: 'champion.csv' },
    };
    const report = evaluateRows(rows, { primary: { metric: 'roc_auc' }, bootstrap: { resamples: 200 } });
    expect(report.comparison.find((row) => row.metric === 'roc_auc')?.p_value).toBe(0);
  });
});
