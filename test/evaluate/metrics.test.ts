// Reference values: printed by test/evaluate/fixtures/make_reference.py
// (numpy 1.24.2, scipy 1.10.1, scikit-learn 1.2.1) and pasted here.
import { describe, expect, it } from 'vitest';
import { accuracy, brierScore, calibrationBins, expectedCalibrationError, f1, logLoss, precision, recall } from '../../shared/evaluate/metrics/classification.js';
import { averagePrecision, rocAuc } from '../../shared/evaluate/metrics/ranking.js';
import { mae, mape, r2, rmse } from '../../shared/evaluate/metrics/regression.js';
import { PreparedPredictions } from '../../shared/evaluate/metrics/prepared.js';
import { B_CHALLENGER, B_CHAMPION, B_LABELS } from './fixtures/examples.js';
import { CLASSIFICATION_METRICS, REGRESSION_METRICS, type MetricName } from '../../shared/evaluate/metrics/catalog.js';

const A_LABELS = [1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1];
const A_SCORES = [0.9, 0.9, 0.5, 0.5, 0.5, 0.2, 1.0, 0.0, 0.35, 0.35, 0.7, 0.61];
const A_EXPECTED = { roc_auc: 0.6944444444444444, average_precision: 0.6861111111111111, accuracy: 0.6666666666666666, precision: 0.625, recall: 0.8333333333333334, f1: 0.7142857142857143, log_loss: 0.6574504056981472, brier_score: 0.23309166666666667, ece: 0.24083333333333332 };

const B_CHALLENGER_EXPECTED = { roc_auc: 0.8034285714285715, average_precision: 0.7678747906540321, accuracy: 0.6666666666666666, precision: 0.5862068965517241, recall: 0.68, f1: 0.6296296296296295, log_loss: 0.5086005362360749, brier_score: 0.17433333333333328, ece: 0.12666666666666662 };
const B_CHAMPION_EXPECTED = { roc_auc: 0.7291428571428571, average_precision: 0.6926330592295489, accuracy: 0.6333333333333333, precision: 0.5454545454545454, recall: 0.72, f1: 0.6206896551724138, log_loss: 0.6037085441541942, brier_score: 0.21396333333333337, ece: 0.13266666666666668 };
const B_AT_03 = { accuracy: 0.6, precision: 0.5102040816326531, recall: 1.0, f1: 0.6756756756756758 };
const B_WEIGHTS = [0, 3, 2, 1, 0, 3, 2, 1, 0, 3, 2, 1, 0, 3, 2, 1, 0, 3, 2, 1, 0, 3, 2, 1, 0, 3, 2, 1, 0, 3, 2, 1, 0, 3, 2, 1, 0, 3, 2, 1, 0, 3, 2, 1, 0, 3, 2, 1, 0, 3, 2, 1, 0, 3, 2, 1, 0, 3, 2, 1];
const B_WEIGHTED = { roc_auc: 0.8758081896551724, average_precision: 0.8272780624838534, log_loss: 0.44371943207512354, accuracy: 0.7444444444444445 };

const D_TARGETS = [8.479, 10.875, 9.899, 8.677, 8.476, 11.89, 9.094, 9.546, 10.067, 13.53, 12.042, 11.148, 8.309, 5.854, 12.849, 12.899, 9.578, 11.626, 12.344, 12.494, 12.764, 8.633, 14.545, 6.26, 12.585, 11.482, 12.621, 15.637, 14.453, 6.564];
const D_PREDICTIONS = [5.946, 12.1, 8.376, 8.658, 9.736, 9.424, 5.929, 9.935, 10.134, 13.161, 12.1, 9.857, 6.039, 5.604, 11.391, 10.434, 10.337, 11.534, 12.954, 11.01, 11.777, 7.134, 13.215, 6.553, 11.411, 12.016, 13.131, 18.675, 12.364, 7.896];
const D_EXPECTED = { rmse: 1.5146829261157817, mae: 1.2179666666666664, r2: 0.6237493718444604, mape: 0.11512652790967835 };

const f64 = (values: number[]) => Float64Array.from(values);

function expectAll(prepared: PreparedPredictions, expected: Partial<Record<MetricName, number>>) {
  for (const [metric, value] of Object.entries(expected) as Array<[MetricName, number]>) {
    expect(prepared.compute(metric), metric).toBeCloseTo(value, 12);
  }
}

describe('classification metrics equal scikit-learn', () => {
  it('example A: ties across classes, a score at the threshold, probabilities 0 and 1', () => {
    expectAll(new PreparedPredictions(f64(A_LABELS), f64(A_SCORES)), A_EXPECTED);
  });

  it('example B: heavy ties, both models', () => {
    expectAll(new PreparedPredictions(f64(B_LABELS), f64(B_CHALLENGER)), B_CHALLENGER_EXPECTED);
    expectAll(new PreparedPredictions(f64(B_LABELS), f64(B_CHAMPION)), B_CHAMPION_EXPECTED);
  });

  it('threshold metrics follow the configured threshold (score >= threshold is positive)', () => {
    expectAll(new PreparedPredictions(f64(B_LABELS), f64(B_CHALLENGER), 0.3), B_AT_03);
    // A score exactly at the threshold counts as positive: only row 0 is predicted positive.
    expect(accuracy([1, 0], [0.5, 0.49], 0.5)).toBe(1);
    expect(accuracy([0, 1], [0.5, 0.49], 0.5)).toBe(0);
  });

  it('plain-array functions agree with the prepared path', () => {
    expect(rocAuc(A_LABELS, A_SCORES)).toBeCloseTo(A_EXPECTED.roc_auc, 12);
    expect(averagePrecision(A_LABELS, A_SCORES)).toBeCloseTo(A_EXPECTED.average_precision, 12);
    expect(precision(A_LABELS, A_SCORES)).toBeCloseTo(A_EXPECTED.precision, 12);
    expect(recall(A_LABELS, A_SCORES)).toBeCloseTo(A_EXPECTED.recall, 12);
    expect(f1(A_LABELS, A_SCORES)).toBeCloseTo(A_EXPECTED.f1, 12);
    expect(logLoss(A_LABELS, A_SCORES)).toBeCloseTo(A_EXPECTED.log_loss, 12);
    expect(brierScore(A_LABELS, A_SCORES)).toBeCloseTo(A_EXPECTED.brier_score, 12);
    expect(expectedCalibrationError(A_LABELS, A_SCORES)).toBeCloseTo(A_EXPECTED.ece, 12);
  });

  it('integer weights equal scikit-learn sample_weight (the bootstrap relies on this)', () => {
    const prepared = new PreparedPredictions(f64(B_LABELS), f64(B_CHALLENGER));
    const weights = Int32Array.from(B_WEIGHTS);
    for (const [metric, value] of Object.entries(B_WEIGHTED) as Array<[MetricName, number]>) {
      expect(prepared.compute(metric, weights), metric).toBeCloseTo(value, 12);
    }
  });

  it('weights equal physically repeated rows for every metric', () => {
    const labels: number[] = [];
    const scores: number[] = [];
    B_WEIGHTS.forEach((count, row) => {
      for (let k = 0; k < count; k++) {
        labels.push(B_LABELS[row]);
        scores.push(B_CHALLENGER[row]);
      }
    });
    const weighted = new PreparedPredictions(f64(B_LABELS), f64(B_CHALLENGER));
    const repeated = new PreparedPredictions(f64(labels), f64(scores));
    for (const metric of CLASSIFICATION_METRICS) {
      expect(weighted.compute(metric, Int32Array.from(B_WEIGHTS)), metric).toBeCloseTo(repeated.compute(metric), 12);
    }
  });

  it('zero division gives 0 and a warning, as scikit-learn zero_division="warn"', () => {
    // Example C: no score reaches 0.5. sklearn: precision 0, recall 0, f1 0.
    const warnings: string[] = [];
    const prepared = new PreparedPredictions(f64([0, 1, 0, 1]), f64([0.1, 0.4, 0.3, 0.2]));
    expect(prepared.compute('precision', undefined, (message) => warnings.push(message))).toBe(0);
    expect(prepared.compute('recall')).toBe(0);
    expect(prepared.compute('f1')).toBe(0);
    expect(prepared.compute('roc_auc')).toBeCloseTo(0.75, 12);
    expect(prepared.compute('average_precision')).toBeCloseTo(0.8333333333333333, 12);
    expect(prepared.compute('log_loss')).toBeCloseTo(0.7469410259762035, 12);
    expect(prepared.compute('ece')).toBeCloseTo(0.45, 12);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/precision is ill-defined/);
  });

  it('ROC AUC and average precision are NaN with one class (the evaluation turns that into an InputError)', () => {
    expect(rocAuc([1, 1, 1], [0.2, 0.4, 0.9])).toBeNaN();
    expect(averagePrecision([0, 0], [0.2, 0.4])).toBeNaN();
  });

  it('log loss clips at float64 epsilon like scikit-learn', () => {
    // -log(eps) for a confident wrong answer, 1 - eps for a confident right one.
    expect(logLoss([1], [0])).toBeCloseTo(-Math.log(2 ** -52), 12);
    expect(logLoss([1], [1])).toBeCloseTo(-Math.log(1 - 2 ** -52), 20);
  });

  it('ECE bins are [k/10, (k+1)/10) with the last closed, edges exact', () => {
    expect(Array.from(calibrationBins([0, 0.0999, 0.1, 0.3, 0.29999999999999993, 0.7, 0.9, 0.95, 1]))).toEqual([0, 0, 1, 3, 2, 7, 9, 9, 9]);
  });
});

describe('regression metrics equal scikit-learn', () => {
  it('example D', () => {
    expectAll(new PreparedPredictions(f64(D_TARGETS), f64(D_PREDICTIONS)), D_EXPECTED);
    expect(rmse(D_TARGETS, D_PREDICTIONS)).toBeCloseTo(D_EXPECTED.rmse, 12);
    expect(mae(D_TARGETS, D_PREDICTIONS)).toBeCloseTo(D_EXPECTED.mae, 12);
    expect(r2(D_TARGETS, D_PREDICTIONS)).toBeCloseTo(D_EXPECTED.r2, 12);
    expect(mape(D_TARGETS, D_PREDICTIONS)).toBeCloseTo(D_EXPECTED.mape, 12);
  });

  it('example E: a zero target divides by float64 epsilon in MAPE', () => {
    const prepared = new PreparedPredictions(f64([0.0, 2.0, -1.0, 4.0]), f64([0.5, 2.5, -1.5, 3.0]));
    expect(prepared.compute('rmse')).toBeCloseTo(0.6614378277661477, 12);
    expect(prepared.compute('mae')).toBeCloseTo(0.625, 12);
    expect(prepared.compute('r2')).toBeCloseTo(0.8813559322033898, 12);
    // sklearn printed 562949953421312.2: (0.5 / eps + 0.25 + 0.5 + 0.25) / 4 = 0.125 / eps + 0.25, written exactly.
    expect(prepared.compute('mape') / 562949953421312.25).toBeCloseTo(1, 12);
  });

  it('example F: constant target gives r2 0 (imperfect) or 1 (perfect), with a warning', () => {
    const warnings: string[] = [];
    expect(r2([3, 3, 3], [2, 3, 4], undefined, (message) => warnings.push(message))).toBe(0);
    expect(r2([3, 3, 3], [3, 3, 3])).toBe(1);
    expect(warnings).toHaveLength(1);
    const prepared = new PreparedPredictions(f64([3, 3, 3]), f64([2, 3, 4]));
    expect(prepared.compute('rmse')).toBeCloseTo(0.816496580927726, 12);
    expect(prepared.compute('mape')).toBeCloseTo(0.2222222222222222, 12);
  });

  it('weights equal repeated rows', () => {
    const weights = Int32Array.from(D_TARGETS.map((_, i) => i % 3));
    const targets: number[] = [];
    const predictions: number[] = [];
    weights.forEach((count, row) => {
      for (let k = 0; k < count; k++) {
        targets.push(D_TARGETS[row]);
        predictions.push(D_PREDICTIONS[row]);
      }
    });
    const weighted = new PreparedPredictions(f64(D_TARGETS), f64(D_PREDICTIONS));
    const repeated = new PreparedPredictions(f64(targets), f64(predictions));
    for (const metric of REGRESSION_METRICS) expect(weighted.compute(metric, weights), metric).toBeCloseTo(repeated.compute(metric), 12);
  });
});
