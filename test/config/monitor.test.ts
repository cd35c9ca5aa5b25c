import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defaultMonitorConfig,
  evidenceSchema,
  loadMonitorSections,
  parseMonitorConfig,
  retrainSchema,
} from '../../shared/config/monitor.js';
import { ConfigError } from '../../shared/errors/index.js';
import { defaultMonitorSettings } from '../../shared/monitor/index.js';

function failure(text: string): string {
  try {
    parseMonitorConfig(text, '.github/tollgate.yml');
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('monitor: section', () => {
  it('has the engine’s defaults when empty', () => {
    expect(defaultMonitorConfig()).toEqual(defaultMonitorSettings());
  });

  it('reads a full section under monitor: or standalone', () => {
    const text = [
      'monitor:',
      '  columns: {id: rid, timestamp: ts, latency: ms}',
      '  features: [tenure, plan]',
      '  labels: {label: churned}',
      '  window: 24h',
      '  fail_on: warn',
      '  confidence: {band: [0.35, 0.65]}',
      '  performance: {metrics: [roc_auc, log_loss], tolerance: {roc_auc: 0.02}, segments: [plan]}',
      '  latency: {p95: 150, p99: {warn: 300, alert: 400}, error_rate: 0.01}',
      '  volume: {per: 1h, alert: [100, 5000]}',
      '  canary: {min_requests: 500}',
      '  retrain: {on: alert, signals: [drift, performance], cooldown: 7d}',
    ].join('\n');
    const { value } = parseMonitorConfig(text, 'tollgate.yml');
    expect(value.columns).toEqual({ id: 'rid', timestamp: 'ts', latency: 'ms' });
    expect(value.confidence).toEqual({ band: [0.35, 0.65], uncertain_share: { warn: 0.05, alert: 0.1 }, confidence_drop: { warn: 0.03, alert: 0.06 }, confidence: 0.95 });
    expect(value.performance.tolerance).toEqual({ roc_auc: 0.02 });
    expect(value.latency).toEqual({ p95: 150, p99: { warn: 300, alert: 400 }, error_rate: 0.01, confidence: 0.95 });
    expect(value.volume).toEqual({ per: '1h', alert: [100, 5000], confidence: 0.95 });
    expect(value.canary).toEqual({ min_requests: 500, min_hours: 1, max_error_rate_increase: 0.005, max_latency_increase: 0.2, confidence: 0.95 });
    expect(value.retrain).toEqual({ on: 'alert', signals: ['drift', 'performance'], cooldown: '7d' });
    expect(parseMonitorConfig('window: 6h\nfail_on: never\n', 'monitor.yml').value).toMatchObject({ window: '6h', fail_on: 'never' });
  });

  it('names the line, the column and what was expected', () => {
    expect(failure('monitor:\n  latency:\n    p95: fast\n')).toContain('.github/tollgate.yml:3:10: monitor.latency.p95:');
    expect(failure('monitor:\n  window: a day\n')).toBe('.github/tollgate.yml:2:11: monitor.window: expected a duration such as 30m, 24h, 7d or 2w, got \'a day\'');
    expect(failure('monitor:\n  volume: {per: 1h, warn: [10, 100], alert: [20, 50]}\n')).toContain('monitor.volume.alert: the alert range must contain the warn range');
    expect(failure('monitor:\n  confidence: {band: [0.6, 0.4]}\n')).toContain('monitor.confidence.band: expected [low, high] with low < high');
    expect(failure('monitor:\n  disable: [speed]\n')).toContain('monitor.disable[0]: expected one of "drift", "prediction", "confidence", "performance", "latency", "volume", got \'speed\'');
    expect(failure('monitor:\n  columns: {request: id}\n')).toContain("unknown key 'request'");
  });
});

describe('evidence: and retrain:', () => {
  it('fills evidence bounds with their defaults and rejects unknown kinds', () => {
    expect(evidenceSchema.parse({ shadow: { min_requests: 5000 } })).toEqual({ shadow: { min_requests: 5000, min_hours: 24, max_disagreement: 0.05, confidence: 0.95 } });
    expect(evidenceSchema.parse({})).toEqual({});
    expect(evidenceSchema.safeParse({ ab_test: {} }).success).toBe(false);
    expect(evidenceSchema.safeParse({ canary: { max_error_rate_increase: 2 } }).success).toBe(false);
  });

  it('defaults retrain to alerts of drift or performance, once a week', () => {
    expect(retrainSchema.parse({})).toEqual({ on: 'alert', signals: ['drift', 'performance'], cooldown: '7d' });
    expect(retrainSchema.safeParse({ cooldown: 'weekly' }).success).toBe(false);
    expect(retrainSchema.safeParse({ signals: [] }).success).toBe(false);
  });
});

describe('loadMonitorSections', () => {
  it('reads monitor:, drift: and evaluation: from one file, each by its own schema', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tollgate-config-'));
    const file = join(dir, 'tollgate.yml');
    writeFileSync(file, 'version: 1\nmodels: {churn: {stages: [production]}}\nevaluation: {threshold: 0.4}\ndrift: {thresholds: {min_rows: 50}}\nmonitor: {window: 12h}\n');
    const sections = await loadMonitorSections(file);
    expect(sections.monitor.window).toBe('12h');
    expect(sections.drift.thresholds.min_rows).toBe(50);
    expect(sections.evaluation.threshold).toBe(0.4);
    writeFileSync(file, 'models: {}\n');
    const defaults = await loadMonitorSections(file);
    expect(defaults.drift.thresholds.min_rows).toBe(30);
    expect(defaults.monitor).toEqual(defaultMonitorConfig());
  });
});
