import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../shared/errors/index.js';
import { NO_REFERENCE, defaultMonitorSettings, monitorFailed, monitorLog, quantileEstimate, wilsonInterval, type MonitorReference, type MonitorSignal, type SignalCheck } from '../../shared/monitor/index.js';
import { numericRole } from '../../shared/monitor/log.js';
import { ciLabel } from '../../shared/monitor/signals/common.js';
import { HOUR, START, baselineOf, evaluationOf, makeLog } from './simulate.js';

let reference: MonitorReference;

beforeAll(async () => {
  const training = makeLog({ rows: 10_000, seed: 1, labels: true });
  reference = {
    ...NO_REFERENCE,
    profile: await baselineOf(training, ['score', 'tenure', 'plan']),
    evaluation: evaluationOf(training),
    version: { model: 'churn', stage: 'production', version: 'v1.0.0', tag: 'churn@v1.0.0', commit: 'c'.repeat(40) },
  };
});

// Every field a drift report has, so a reader of drift reports reads monitor reports.
const DRIFT_FIELDS = ['generated_at', 'reference', 'current', 'preset', 'level', 'drift', 'reasons', 'rows', 'row_ratio', 'columns', 'share_drifted', 'evidently_share_drifted', 'evidently_drift', 'excluded', 'insufficient', 'missing_columns', 'added_columns', 'segments', 'notes', 'thresholds'];

describe('monitorLog', () => {
  it('extends the drift report: every drift field, plus signals', async () => {
    const report = await monitorLog(makeLog({ rows: 1000, seed: 2 }), reference, null, { model: 'churn', stage: 'production' });
    for (const field of DRIFT_FIELDS) expect(report, field).toHaveProperty(field);
    expect(report.schema).toBe('tollgate.monitor/v1');
    expect(report.version).toBe('v1.0.0');
    expect(report.signals.map((signal) => signal.signal)).toEqual(['drift', 'prediction', 'confidence', 'performance', 'latency', 'volume']);
    expect(report.notes).toContain('no labels: performance is checked once labels arrive (--labels)');
    const bare = await monitorLog(makeLog({ rows: 1000, seed: 2 }), NO_REFERENCE, null);
    for (const field of DRIFT_FIELDS) expect(bare, field).toHaveProperty(field);
    expect(bare.level).toBe('insufficient');
    expect(bare.columns).toEqual([]);
  });

  it('monitors only the registry version’s requests, and says how many others it left out', async () => {
    const log = makeLog({ rows: 3000, seed: 3, version: (i) => (i % 3 === 0 ? 'v0.9.0' : 'v1.0.0') });
    const report = await monitorLog(log, reference, null);
    expect(report.current.rows).toBe(2000);
    expect(report.log.versions).toEqual({ 'v0.9.0': 1000, 'v1.0.0': 2000 });
    expect(report.notes).toContain('1000 requests of other versions are not monitored');
    const error = await monitorLog(log, reference, null, { version: 'v2.0.0' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe('sim.csv: the log has no requests of version v2.0.0 (asked for); it holds v0.9.0, v1.0.0. Choose one with --version.');
  });

  it('judges an empty window as insufficient, except volume, which is an alert', async () => {
    const settings = defaultMonitorSettings();
    settings.volume = { per: '1h', alert: [10, 1000] };
    const report = await monitorLog(makeLog({ rows: 500, seed: 4 }), reference, null, { settings, window: { since: '6h', until: new Date(START + 48 * HOUR).toISOString() } });
    expect(report.window.rows).toBe(0);
    expect(report.signals.map((signal) => [signal.signal, signal.level])).toEqual([
      ['drift', 'insufficient'],
      ['prediction', 'insufficient'],
      ['confidence', 'insufficient'],
      ['performance', 'off'],
      ['latency', 'insufficient'],
      ['volume', 'alert'],
    ]);
    expect(report.level).toBe('alert');
  });

  it('skips disabled signals and checks performance segments against the evaluation', async () => {
    const settings = defaultMonitorSettings();
    settings.disable = ['volume', 'latency'];
    settings.performance = { ...settings.performance, segments: ['plan'], segment_min_rows: 300, resamples: 300 };
    const report = await monitorLog(makeLog({ rows: 1500, seed: 5, labels: true }), reference, null, { settings });
    expect(report.signals.map((signal) => signal.signal)).toEqual(['drift', 'prediction', 'confidence', 'performance']);
    const segments = report.signals.find((signal) => signal.signal === 'performance')?.segments ?? [];
    expect(segments.map((segment) => segment.value).sort()).toEqual(['basic', 'premium', 'standard']);
    for (const segment of segments) {
      expect(segment.rows).toBeGreaterThan(400);
      expect(segment.reference).toBe(reference.evaluation?.metrics.challenger.roc_auc);
      expect(segment.level).not.toBe('alert');
    }
  });

  it('judges volume on the exact Poisson interval: 5 requests in 1 h cannot rule out 10 per hour', async () => {
    // Garwood 95%: [1.623486390118421, 11.66833207932267]; 99%: [1.0779282406523196, 14.149759411023012];
    // 2 requests at 95%: upper 7.22468766772396 (test/monitor/fixtures/make_reference.py).
    const settings = defaultMonitorSettings();
    settings.volume = { per: '1h', alert: [10, 100] };
    const window = { since: '1h', until: new Date(START + HOUR).toISOString() };
    const volumeOf = async (rows: number) => {
      const report = await monitorLog(makeLog({ rows, seed: 9, spanMs: HOUR }), NO_REFERENCE, null, { settings, window });
      return report.signals.find((signal) => signal.signal === 'volume') as MonitorSignal;
    };
    const five = await volumeOf(5);
    expect(five.checks[0].value).toBe(5);
    const [low, high] = five.checks[0].interval as [number, number];
    expect(low).toBeCloseTo(1.623486390118421, 10);
    expect(high).toBeCloseTo(11.66833207932267, 10);
    // Below the range, but not with confidence: a warning, not an alert.
    expect(five.level).toBe('warn');
    expect(five.reasons).toEqual(['5 requests per 1h (95% CI [1.623, 11.67]) is outside the expected [10, 100]']);
    const two = await volumeOf(2);
    expect(two.checks[0].interval?.[1]).toBeCloseTo(7.22468766772396, 10);
    expect(two.level).toBe('alert');
    // At a configured 0.99 the interval is wider and labelled so.
    settings.volume = { per: '1h', alert: [10, 100], confidence: 0.99 };
    const strict = await volumeOf(5);
    expect(strict.checks[0].interval?.[0]).toBeCloseTo(1.0779282406523196, 10);
    expect(strict.checks[0].interval?.[1]).toBeCloseTo(14.149759411023012, 10);
    expect(strict.reasons[0]).toContain('(99% CI [1.078, 14.15])');
  });

  it('labels latency intervals with monitor.latency.confidence', async () => {
    const settings = defaultMonitorSettings();
    settings.latency = { p95: 50, p50: { warn: 30, alert: 80 }, error_rate: 0.001, confidence: 0.99 };
    const log = makeLog({ rows: 2000, seed: 10 });
    const report = await monitorLog(log, NO_REFERENCE, null, { settings });
    const latency = report.signals.find((signal) => signal.signal === 'latency') as MonitorSignal;
    const p95 = latency.checks.find((check) => check.name === 'p95_ms') as SignalCheck;
    expect(p95.level).toBe('alert');
    const sorted = Float64Array.from(numericRole(log, 'latency') as Float64Array).sort();
    expect(p95.interval).toEqual(quantileEstimate(sorted, 0.95, 0.99).interval);
    expect(p95.reason).toMatch(/^p95 latency \d+(\.\d+)? ms breaks the objective 50 ms \(99% CI \[/);
    const p50 = latency.checks.find((check) => check.name === 'p50_ms') as SignalCheck;
    expect(p50.level).toBe('warn');
    expect(p50.reason).toContain('(99% CI [');
    const errors = latency.checks.find((check) => check.name === 'error_rate') as SignalCheck;
    expect(errors.reason).toContain('(99% CI [');
    for (const reason of latency.reasons) expect(reason).not.toContain('95% CI');
  });

  it('computes and labels the confidence signal’s intervals at its configured confidence', async () => {
    const settings = defaultMonitorSettings();
    settings.confidence = { ...settings.confidence, confidence: 0.99 };
    const log = makeLog({ rows: 2000, seed: 11, logitScale: 0.3 }); // scores crowd towards 0.5
    const report = await monitorLog(log, reference, null, { settings });
    const signal = report.signals.find((candidate) => candidate.signal === 'confidence') as MonitorSignal;
    const share = signal.checks.find((check) => check.name === 'uncertain_share') as SignalCheck;
    expect(share.level).toBe('alert');
    const inBand = Math.round((share.value as number) * 2000);
    expect(share.interval).toEqual(wilsonInterval(inBand, 2000, 0.99));
    expect(share.reason).toContain('99% CI of the rise');
    const defaults = await monitorLog(log, reference, null);
    const shareAt95 = defaults.signals.find((candidate) => candidate.signal === 'confidence')?.checks.find((check) => check.name === 'uncertain_share') as SignalCheck;
    expect(shareAt95.interval).toEqual(wilsonInterval(inBand, 2000, 0.95));
    expect(shareAt95.reason).toContain('95% CI of the rise');
  });

  it('names an interval by its confidence, fractions of a percent included', () => {
    expect(ciLabel(0.95)).toBe('95% CI');
    expect(ciLabel(0.99)).toBe('99% CI');
    expect(ciLabel(0.975)).toBe('97.5% CI'); // was rounded to 98% in performance reasons
    expect(ciLabel(0.999)).toBe('99.9% CI');
  });

  it('fails at the configured level', () => {
    expect(monitorFailed('alert', 'alert')).toBe(true);
    expect(monitorFailed('warn', 'alert')).toBe(false);
    expect(monitorFailed('warn', 'warn')).toBe(true);
    expect(monitorFailed('alert', 'never')).toBe(false);
    expect(monitorFailed('insufficient', 'warn')).toBe(false);
  });
});
