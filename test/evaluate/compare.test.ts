import { describe, expect, it } from 'vitest';
import { ConfigError, InputError } from '../../shared/errors/index.js';
import { evaluateRows, type EvaluationPolicy, type EvaluationRows, type SegmentColumn } from '../../shared/evaluate/index.js';
import { createRng } from '../../shared/stats/random.js';
import { B_CHALLENGER, B_CHAMPION, B_LABELS } from './fixtures/examples.js';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Simulated evaluation rows: labels 0/1, each model's probability = sigmoid of
 * (signal * (2 label - 1) + noise). Higher signal ranks better.
 */
function simulate(options: { n?: number; challengerSignal: number; championSignal: number; seed?: number; segmentB?: { challengerSignal: number } }): EvaluationRows {
  const n = options.n ?? 600;
  const rng = createRng(options.seed ?? 1);
  const labels = new Float64Array(n);
  const challenger = new Float64Array(n);
  const champion = new Float64Array(n);
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = rng.next() < 0.4 ? 1 : 0;
    codes[i] = i % 4 === 0 ? 1 : 0; // a quarter of the rows are plan "b"
    const sign = 2 * labels[i] - 1;
    const signal = codes[i] === 1 && options.segmentB ? options.segmentB.challengerSignal : options.challengerSignal;
    challenger[i] = sigmoid(signal * sign + rng.normal());
    champion[i] = sigmoid(options.championSignal * sign + rng.normal());
  }
  const plan: SegmentColumn = { name: 'plan', codes, values: ['a', 'b'] };
  return { ids: Array.from({ length: n }, (_, i) => `r${i}`), labels, challenger, champion, segments: [plan], sources: { challenger: 'challenger.csv', champion: 'champion.csv' } };
}

const FAST: EvaluationPolicy = { bootstrap: { resamples: 300, seed: 3 } };

describe('decision', () => {
  it('promotes a clearly better challenger, with the primary reason first', () => {
    const report = evaluateRows(simulate({ challengerSignal: 1.5, championSignal: 0.5 }), FAST);
    expect(report.decision).toBe('promote');
    expect(report.mode).toBe('champion');
    const primary = report.comparison[0];
    expect(primary).toMatchObject({ metric: 'roc_auc', role: 'primary', pass: true, higher_is_better: true });
    expect(primary.delta).toBeGreaterThan(0.1);
    expect(primary.ci?.[0]).toBeGreaterThan(0);
    expect(primary.p_value).toBeLessThan(1e-6);
    expect(report.reasons[0]).toMatch(/^Primary metric roc_auc improved: Δ \+/);
  });

  it('rejects a challenger whose improvement is within noise (example B: DeLong p = 0.36)', () => {
    const rows: EvaluationRows = {
      ids: B_LABELS.map((_, i) => String(i)),
      labels: Float64Array.from(B_LABELS),
      challenger: Float64Array.from(B_CHALLENGER),
      champion: Float64Array.from(B_CHAMPION),
      segments: [],
      sources: { challenger: 'a.csv', champion: 'b.csv' },
    };
    const report = evaluateRows(rows, FAST);
    expect(report.decision).toBe('reject');
    expect(report.comparison[0].delta).toBeCloseTo(0.8034285714285715 - 0.7291428571428571, 12);
    expect(report.comparison[0].p_value).toBeCloseTo(0.35824678943303323, 10);
    expect(report.comparison[0].ci?.[0]).toBeLessThan(0);
    expect(report.reasons[0]).toMatch(/^Primary metric roc_auc is not higher by more than min_delta 0 with 95% confidence/);
  });

  it('a negative min_delta is a non-inferiority margin', () => {
    const base = simulate({ challengerSignal: 1, championSignal: 1 });
    // The challenger is the champion plus a little noise: no real difference.
    const rows = { ...base, challenger: base.champion!.map((p, i) => Math.min(1, Math.max(0, p + 0.02 * ((i % 3) - 1)))) };
    expect(evaluateRows(rows, FAST).decision).toBe('reject');
    expect(evaluateRows(rows, { ...FAST, primary: { metric: 'roc_auc', min_delta: -0.1 } }).decision).toBe('promote');
  });

  it('lists every broken guardrail and limit, failures before passes', () => {
    // Better ranking but underconfident (squeezed towards 0.5): log loss and ECE get worse.
    const rows = simulate({ challengerSignal: 1.5, championSignal: 0.5 });
    const squeezed = rows.challenger.map((p) => 0.5 + 0.2 * (p - 0.5));
    const report = evaluateRows({ ...rows, challenger: squeezed }, {
      ...FAST,
      guardrails: [
        { metric: 'ece', max_increase: 0.01 },
        { metric: 'log_loss', max_increase: 0 },
        { metric: 'accuracy', max_decrease: 0.5 },
      ],
      max: { brier_score: 0.01 },
    });
    expect(report.decision).toBe('reject');
    const byMetric = Object.fromEntries(report.comparison.map((row) => [row.metric, row]));
    expect(byMetric.roc_auc.pass).toBe(true);
    expect(byMetric.ece.pass).toBe(false);
    expect(byMetric.ece.rule).toBe('Δ ≤ +0.01');
    expect(byMetric.log_loss.pass).toBe(false);
    expect(byMetric.accuracy.pass).toBe(true);
    expect(report.thresholds).toEqual([{ metric: 'brier_score', bound: 'max', limit: 0.01, value: report.metrics.challenger.brier_score, pass: false }]);
    expect(report.reasons.slice(0, 3).map((reason) => reason.split(' ').slice(0, 2).join(' '))).toEqual(['Guardrail ece', 'Guardrail log_loss', 'brier_score is']);
    expect(report.reasons[3]).toMatch(/^Primary metric roc_auc improved/);
  });

  it('a lower-is-better primary metric must go down', () => {
    const better = simulate({ challengerSignal: 2, championSignal: 0.5 });
    const worse = simulate({ challengerSignal: 0.5, championSignal: 2 });
    const policy: EvaluationPolicy = { ...FAST, primary: { metric: 'log_loss' } };
    const promoted = evaluateRows(better, policy);
    expect(promoted.decision).toBe('promote');
    expect(promoted.comparison[0].rule).toBe('upper bound of Δ < 0');
    expect(promoted.comparison[0].delta).toBeLessThan(0);
    expect(promoted.comparison[0].p_value).toBeNull();
    expect(evaluateRows(worse, policy).decision).toBe('reject');
  });

  it('rejects when a large enough segment regresses, and does not gate small ones', () => {
    const rows = simulate({ challengerSignal: 2.5, championSignal: 1.0, segmentB: { challengerSignal: 0.2 } });
    const report = evaluateRows(rows, { ...FAST, segments: { by: ['plan'], min_rows: 100, max_regression: { delta: 0.02 } } });
    expect(report.decision).toBe('reject');
    const b = report.segments.find((row) => row.value === 'b');
    expect(b).toMatchObject({ segment: 'plan', rows: 150, metric: 'roc_auc', status: 'regressed', pass: false });
    expect(b?.delta).toBeLessThan(-0.02);
    expect(report.reasons.some((reason) => /^Segment plan=b \(150 rows\): roc_auc/.test(reason))).toBe(true);

    const small = evaluateRows(rows, { ...FAST, segments: { by: ['plan'], min_rows: 151, max_regression: { delta: 0.02 } } });
    expect(small.segments.find((row) => row.value === 'b')?.status).toBe('too_few_rows');
    expect(small.segments.find((row) => row.value === 'a')?.status).toBe('pass');
    expect(small.decision).toBe('promote');
  });

  it('segments name a missing column clearly', () => {
    const rows = simulate({ challengerSignal: 1.5, championSignal: 0.5 });
    expect(() => evaluateRows(rows, { ...FAST, segments: { by: ['region'], max_regression: { delta: 0.02 } } })).toThrow(/names column 'region', which neither predictions file has/);
  });

  it('is reproducible: the same seed gives the same report', () => {
    const rows = simulate({ challengerSignal: 1.1, championSignal: 1.0 });
    expect(evaluateRows(rows, FAST)).toEqual(evaluateRows(rows, FAST));
    const other = evaluateRows(rows, { bootstrap: { resamples: 300, seed: 4 } });
    expect(other.comparison[0].ci).not.toEqual(evaluateRows(rows, FAST).comparison[0].ci);
  });
});

describe('no champion: absolute thresholds', () => {
  const rows = (): EvaluationRows => ({ ...simulate({ challengerSignal: 1.5, championSignal: 0.5 }), champion: undefined, sources: { challenger: 'c.csv', champion: null } });

  it('promotes when every min/max holds, and says it had no champion', () => {
    const report = evaluateRows(rows(), { ...FAST, min: { roc_auc: 0.7 }, max: { log_loss: 0.9 } });
    expect(report.mode).toBe('absolute');
    expect(report.decision).toBe('promote');
    expect(report.comparison).toEqual([]);
    expect(report.metrics.champion).toBeNull();
    expect(report.reasons[0]).toBe('No champion to compare with: decided on the absolute thresholds only.');
    expect(report.thresholds.map((check) => [check.metric, check.bound, check.pass])).toEqual([
      ['roc_auc', 'min', true],
      ['log_loss', 'max', true],
    ]);
  });

  it('rejects when a threshold fails; guardrails contribute their own min/max', () => {
    const report = evaluateRows(rows(), { ...FAST, min: { roc_auc: 0.99 }, guardrails: [{ metric: 'ece', max_increase: 0.01, max: 0.0001 }] });
    expect(report.decision).toBe('reject');
    expect(report.reasons.slice(1)).toEqual([
      expect.stringMatching(/^roc_auc is 0\.\d+, below the min of 0\.99\.$/),
      expect.stringMatching(/^ece is .*, above the max of 0\.0001\.$/),
    ]);
  });

  it('with no thresholds at all it promotes and says nothing blocks it', () => {
    const report = evaluateRows(rows(), FAST);
    expect(report.decision).toBe('promote');
    expect(report.reasons).toEqual(['No champion to compare with, and no absolute thresholds are configured (evaluation.min / evaluation.max): nothing blocks this model.']);
  });
});

describe('input errors', () => {
  const base = (): EvaluationRows => simulate({ n: 40, challengerSignal: 1, championSignal: 1 });

  it('one class only', () => {
    const rows = base();
    rows.labels.fill(1);
    expect(() => evaluateRows(rows, FAST)).toThrow(InputError);
    expect(() => evaluateRows(rows, FAST)).toThrow(/challenger\.csv: every evaluation row has label 1: ROC AUC and average precision are undefined/);
  });

  it('NaN scores and labels other than 0/1', () => {
    const nan = base();
    nan.challenger[7] = Number.NaN;
    expect(() => evaluateRows(nan, FAST)).toThrow(InputError);
    expect(() => evaluateRows(nan, FAST)).toThrow(/the challenger's score must be a finite number; row 8 \(id 'r7'\) has NaN/);
    const two = base();
    two.labels[3] = 2;
    expect(() => evaluateRows(two, FAST)).toThrow(/classification labels must be 0 or 1; row 4 \(id 'r3'\) has 2/);
  });

  it('scores outside [0, 1]: probability metrics are skipped with a warning, or an error when gated', () => {
    const rows = base();
    const margins = rows.challenger.map((p) => Math.log(p / (1 - p)));
    const report = evaluateRows({ ...rows, challenger: margins }, FAST);
    expect(report.metrics.challenger.log_loss).toBeNull();
    expect(report.metrics.challenger.roc_auc).toBeGreaterThan(0.5);
    expect(report.warnings[0]).toMatch(/The challenger's scores are not probabilities/);
    expect(() => evaluateRows({ ...rows, challenger: margins }, { ...FAST, guardrails: [{ metric: 'ece', max_increase: 0.01 }] })).toThrow(
      /evaluation\.guardrails\[0\] uses ece, which needs probabilities in \[0, 1\], but the challenger's scores range from/,
    );
  });

  it('a regression metric in a classification policy is a ConfigError', () => {
    expect(() => evaluateRows(base(), { primary: { metric: 'roc_auc' }, guardrails: [{ metric: 'rmse', max_increase: 1 }] })).toThrow(ConfigError);
  });
});

describe('regression', () => {
  it('compares RMSE by default and promotes a more accurate model', () => {
    const rng = createRng(5);
    const n = 300;
    const targets = Float64Array.from({ length: n }, () => 10 + 3 * rng.normal());
    const challenger = targets.map((y) => y + 0.5 * rng.normal());
    const champion = targets.map((y) => y + 1.5 * rng.normal());
    const report = evaluateRows(
      { ids: Array.from({ length: n }, (_, i) => String(i)), labels: targets, challenger, champion, segments: [], sources: { challenger: 'a', champion: 'b' } },
      { task: 'regression', bootstrap: { resamples: 200 } },
    );
    expect(report.task).toBe('regression');
    expect(report.primary).toBe('rmse');
    expect(report.decision).toBe('promote');
    expect(Object.keys(report.metrics.challenger)).toEqual(['rmse', 'mae', 'r2', 'mape']);
  });
});

describe('report JSON shape', () => {
  it('has the documented keys', () => {
    const report = evaluateRows(simulate({ challengerSignal: 1.5, championSignal: 0.5 }), { ...FAST, segments: { by: ['plan'], max_regression: { delta: 0.05 } } });
    const json = JSON.parse(JSON.stringify(report));
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['decision', 'reasons', 'metrics', 'comparison', 'segments']));
    expect(Object.keys(json.metrics)).toEqual(['challenger', 'champion']);
    expect(Object.keys(json.comparison[0])).toEqual(expect.arrayContaining(['metric', 'challenger', 'champion', 'delta', 'ci', 'p_value', 'pass']));
    expect(Object.keys(json.segments[0])).toEqual(expect.arrayContaining(['segment', 'value', 'rows', 'metrics', 'delta', 'pass']));
    expect(json.segments.map((row: { value: string }) => row.value)).toEqual(['a', 'b']);
  });
});
