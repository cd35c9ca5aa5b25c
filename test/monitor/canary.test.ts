import { describe, expect, it } from 'vitest';
import { UsageError } from '../../shared/errors/index.js';
import { analyzeCanary } from '../../shared/monitor/index.js';
import { mixedLog as mixed } from './simulate.js';

const bounds = { min_requests: 2000, min_hours: 6, max_error_rate_increase: 0.005, max_latency_increase: 0.2, max_metric_decrease: 0.03 };

describe('analyzeCanary', () => {
  it('refuses a canary that is its own control, which would promote on zero differences', () => {
    const log = mixed(2000, 1000, { errorRate: 0.01 });
    for (const [control, canary] of [
      ['v1.4.0', 'v1.4.0'],
      ['v1.4.0', '1.4.0'],
      ['churn@v1.4.0', 'v1.4.0'],
    ]) {
      expect(() => analyzeCanary(log, control, canary, null, { bounds, resamples: 100 }), `${control} vs ${canary}`).toThrow(UsageError);
    }
    expect(() => analyzeCanary(log, 'v1.4.0', '1.4.0', null, { bounds })).toThrow("the control and the canary are the same version ('v1.4.0' and '1.4.0')");
  });

  it('rolls back a canary with twice the error rate', () => {
    const log = mixed(20_000, 5000, { errorRate: 0.02, canaryErrorRate: 0.04 });
    const report = analyzeCanary(log, 'v1.4.0', 'v1.5.0', null, { bounds, resamples: 400 });
    expect(report.schema).toBe('tollgate.canary/v1');
    expect(report.control.requests).toBe(20_000);
    expect(report.canary.requests).toBe(5000);
    expect(report.control.error_rate.value).toBeCloseTo(0.02, 2);
    expect(report.canary.error_rate.value).toBeCloseTo(0.04, 2);
    expect(report.figures.error_rate_increase?.interval?.[0]).toBeGreaterThan(0.005);
    expect(report.checks.find((check) => check.name === 'max_error_rate_increase')?.status).toBe('broken');
    expect(report.verdict).toBe('rollback');
    expect(report.reasons[0]).toMatch(/^max_error_rate_increase: 0\.0\d+ \(CI \[.*\]\) breaks the bound 0\.005$/);
  });

  it('promotes an equal canary with enough traffic, and holds one with too little', () => {
    const log = mixed(20_000, 10_000, { errorRate: 0.01 });
    const report = analyzeCanary(log, 'v1.4.0', 'v1.5.0', null, { bounds, resamples: 400 });
    expect(report.checks.map((check) => [check.name, check.status])).toEqual([
      ['min_requests', 'met'],
      ['min_hours', 'met'],
      ['max_error_rate_increase', 'met'],
      ['max_latency_increase', 'met'],
      ['max_metric_decrease', 'met'],
    ]);
    expect(report.figures.metric_decrease?.metric).toBe('roc_auc');
    expect(report.verdict).toBe('promote');
    const small = analyzeCanary(mixed(5000, 300, { errorRate: 0.01 }), 'v1.4.0', 'v1.5.0', null, { bounds, resamples: 400 });
    expect(small.verdict).toBe('hold');
    expect(small.checks.find((check) => check.name === 'min_requests')?.status).toBe('unsure');
  });

  it('rolls back a slower canary and a worse model', () => {
    const slow = analyzeCanary(mixed(20_000, 5000, { canaryLatency: 80 }), 'v1.4.0', 'v1.5.0', null, { bounds, resamples: 400 });
    expect(slow.figures.latency_increase?.value).toBeGreaterThan(0.8);
    expect(slow.verdict).toBe('rollback');
    const worse = analyzeCanary(mixed(20_000, 5000, { canarySeparation: 0.6 }), 'v1.4.0', 'v1.5.0', null, { bounds, resamples: 400 });
    expect(worse.figures.metric_decrease?.value).toBeGreaterThan(0.1);
    expect(worse.checks.find((check) => check.name === 'max_metric_decrease')?.status).toBe('broken');
    expect(worse.verdict).toBe('rollback');
  });

  it('matches versions written with or without v and names the versions it found otherwise', () => {
    const log = mixed(2000, 500);
    expect(analyzeCanary(log, '1.4.0', 'churn@v1.5.0', null, { bounds, resamples: 400 }).canary.requests).toBe(500);
    expect(() => analyzeCanary(log, 'v1.4.0', 'v2.0.0', null)).toThrow(/no requests of the canary version v2\.0\.0 in the window; the log holds v1\.4\.0, v1\.5\.0/);
  });
});
