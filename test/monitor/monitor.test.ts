import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../shared/errors/index.js';
import { NO_REFERENCE, defaultMonitorSettings, monitorFailed, monitorLog, type MonitorReference } from '../../shared/monitor/index.js';
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

  it('fails at the configured level', () => {
    expect(monitorFailed('alert', 'alert')).toBe(true);
    expect(monitorFailed('warn', 'alert')).toBe(false);
    expect(monitorFailed('warn', 'warn')).toBe(true);
    expect(monitorFailed('alert', 'never')).toBe(false);
    expect(monitorFailed('insufficient', 'warn')).toBe(false);
  });
});
