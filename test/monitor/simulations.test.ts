/**
 * Seeded simulations of every signal: no false alerts on stable logs over
 * 100 windows, and detection of the changes each signal exists for.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_REFERENCE, defaultMonitorSettings, monitorLog, type MonitorReference, type MonitorReport, type MonitorSettings, type SignalName } from '../../shared/monitor/index.js';
import { baselineOf, evaluationOf, makeLog, type LogSpec } from './simulate.js';

let reference: MonitorReference;
let settings: MonitorSettings;

beforeAll(async () => {
  const training = makeLog({ rows: 20_000, seed: 1, labels: true });
  reference = { ...NO_REFERENCE, profile: await baselineOf(training, ['score', 'tenure', 'plan']), profilePath: 'profile.json', evaluation: evaluationOf(training), evaluationPath: 'evaluation.json' };
  settings = defaultMonitorSettings();
  // Stable latency: log-normal, median 40 ms, sigma 0.5 -> p95 ≈ 91 ms, p99 ≈ 128 ms; errors 1%.
  settings.latency = { p95: 150, p99: { warn: 180, alert: 250 }, error_rate: 0.02, confidence: 0.95 };
  // 2,000 requests per 24 h ≈ 83 per hour.
  settings.volume = { per: '1h', warn: [60, 110], alert: [40, 160] };
});

function run(spec: Omit<LogSpec, 'rows'> & { rows?: number }): Promise<MonitorReport> {
  return monitorLog(makeLog({ rows: 2000, labels: true, ...spec }), reference, null, { settings });
}

function levelOf(report: MonitorReport, signal: SignalName): string {
  return report.signals.find((entry) => entry.signal === signal)?.level ?? 'missing';
}

describe('stable logs', () => {
  it('raise at most 3 alerts per signal over 100 windows, and every signal judges every window', async () => {
    const alerts: Record<string, number> = {};
    const judged: Record<string, number> = {};
    for (let window = 0; window < 100; window++) {
      const report = await run({ seed: 100 + window });
      for (const signal of report.signals) {
        if (signal.level === 'alert') alerts[signal.signal] = (alerts[signal.signal] ?? 0) + 1;
        if (signal.level === 'none' || signal.level === 'warn' || signal.level === 'alert') judged[signal.signal] = (judged[signal.signal] ?? 0) + 1;
      }
    }
    expect(judged).toEqual({ drift: 100, prediction: 100, confidence: 100, performance: 100, latency: 100, volume: 100 });
    for (const signal of ['drift', 'prediction', 'confidence', 'performance', 'latency', 'volume']) expect(alerts[signal] ?? 0, signal).toBeLessThanOrEqual(3);
  });
});

describe('changes each signal is for', () => {
  it('a 5-point AUC drop (0.80 -> 0.75) is an alert with 2,000 labelled rows', async () => {
    let alerts = 0;
    for (let window = 0; window < 20; window++) {
      // Binormal separation 0.954 gives AUC Φ(0.954/√2) = 0.75.
      const report = await run({ seed: 500 + window, separation: 0.954 });
      const level = levelOf(report, 'performance');
      expect(['warn', 'alert'], `window ${window}`).toContain(level);
      if (level === 'alert') alerts++;
      if (window === 0) {
        const check = report.signals.find((signal) => signal.signal === 'performance')?.checks[0];
        expect(check?.name).toBe('roc_auc');
        expect(check?.reference).toBeGreaterThan(0.79);
        expect(check?.value).toBeLessThan(0.77);
        expect(report.level).toBe(level);
        expect(report.reasons.some((reason) => reason.startsWith('performance: roc_auc'))).toBe(true);
      }
    }
    expect(alerts).toBeGreaterThanOrEqual(17);
  });

  it('a doubling of p95 latency is an alert', async () => {
    for (let window = 0; window < 5; window++) {
      const report = await run({ seed: 700 + window, latencyMedian: 80 });
      const latency = report.signals.find((signal) => signal.signal === 'latency');
      expect(latency?.level).toBe('alert');
      const p95 = latency?.checks.find((check) => check.name === 'p95_ms');
      expect(p95?.level).toBe('alert');
      expect(p95?.value).toBeGreaterThan(170);
      expect(p95?.interval?.[0]).toBeGreaterThan(150);
    }
  });

  it('a shift of the score distribution is prediction drift', async () => {
    const report = await run({ seed: 800, logitShift: 0.8 });
    expect(levelOf(report, 'prediction')).toBe('alert');
    expect(report.columns.find((column) => column.name === 'score')?.level).toBe('alert');
    expect(levelOf(report, 'drift')).toBe('none');
  });

  it('scores crowding at 0.5 are a confidence collapse', async () => {
    const report = await run({ seed: 801, logitScale: 0.3 });
    const confidence = report.signals.find((signal) => signal.signal === 'confidence');
    expect(confidence?.level).toBe('alert');
    const share = confidence?.checks.find((check) => check.name === 'uncertain_share');
    expect((share?.value ?? 0) - (share?.reference ?? 1)).toBeGreaterThan(0.1);
  });

  it('a feature that moved half a standard deviation is feature drift', async () => {
    const report = await run({ seed: 802, featureShift: 0.5 });
    expect(levelOf(report, 'drift')).toBe('alert');
    expect(report.columns.find((column) => column.name === 'tenure')?.drifted).toBe(true);
    expect(report.columns.find((column) => column.name === 'plan')?.drifted).toBe(false);
  });

  it('a quarter of the usual traffic is a volume alert', async () => {
    const report = await run({ seed: 803, rows: 500 });
    expect(levelOf(report, 'volume')).toBe('alert');
  });

  it('twice the error rate breaks the error objective', async () => {
    const report = await run({ seed: 804, errorRate: 0.04 });
    const check = report.signals.find((signal) => signal.signal === 'latency')?.checks.find((entry) => entry.name === 'error_rate');
    expect(check?.level).toBe('alert');
  });
});
