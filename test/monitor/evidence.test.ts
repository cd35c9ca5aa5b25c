import { describe, expect, it } from 'vitest';
import { checkBound, decideCanary, decideShadow, evidenceMet, type CanaryFigures, type EvidenceRecord, type ShadowFigures } from '../../shared/monitor/index.js';

const shadowFigures: ShadowFigures = {
  pairs: 6000,
  hours: 30,
  disagreement: { value: 0.02, interval: [0.017, 0.024] },
  correlation: { value: 0.97, interval: [0.968, 0.972] },
  mean_abs_diff: { value: 0.03, interval: [0.029, 0.031] },
  latency_increase: { value: 0.1, interval: [0.05, 0.15] },
  metric_delta: { metric: 'roc_auc', higher_is_better: true, value: -0.004, interval: [-0.012, 0.004] },
};

const canaryFigures: CanaryFigures = {
  requests: { control: 40_000, canary: 5000 },
  hours: 12,
  error_rate: { control: 0.01, canary: 0.011 },
  error_rate_increase: { value: 0.001, interval: [-0.002, 0.004] },
  latency_increase: { value: 0.05, interval: [0.0, 0.1] },
  metric_decrease: null,
};

function record(kind: 'shadow' | 'canary', overrides: Partial<EvidenceRecord> = {}): EvidenceRecord {
  const base = {
    schema: 'tollgate.evidence/v1' as const,
    model: 'churn',
    stage: 'production',
    candidate: 'v1.5.0',
    baseline: 'v1.4.0',
    generated_at: '2024-06-02T00:00:00.000Z',
    report_digest: 'sha256:0',
  };
  const full = kind === 'shadow' ? { ...base, kind, verdict: 'pass' as const, figures: shadowFigures } : { ...base, kind, verdict: 'promote' as const, figures: canaryFigures };
  return { ...full, ...overrides } as EvidenceRecord;
}

describe('checkBound', () => {
  it('is met inside, broken wholly outside, unsure across the bound or without an interval', () => {
    expect(checkBound('max_x', 0.05, { value: 0.02, interval: [0.01, 0.03] }, 'max').status).toBe('met');
    expect(checkBound('max_x', 0.05, { value: 0.08, interval: [0.06, 0.1] }, 'max').status).toBe('broken');
    expect(checkBound('max_x', 0.05, { value: 0.04, interval: [0.03, 0.06] }, 'max').status).toBe('unsure');
    expect(checkBound('min_x', 0.9, { value: 0.95, interval: [0.92, 0.97] }, 'min').status).toBe('met');
    expect(checkBound('min_x', 0.9, { value: 0.85, interval: [0.8, 0.89] }, 'min').status).toBe('broken');
    expect(checkBound('max_x', 0.05, null, 'max').status).toBe('unsure');
  });
});

describe('decideShadow and decideCanary', () => {
  it('pass when every bound is met; fail on a broken one whatever the traffic', () => {
    expect(decideShadow(shadowFigures, { min_requests: 5000, min_hours: 24, max_disagreement: 0.03 }).verdict).toBe('pass');
    const strict = decideShadow(shadowFigures, { min_requests: 5000, min_hours: 24, max_disagreement: 0.01 });
    expect(strict.verdict).toBe('fail');
    expect(strict.reasons[0]).toBe('max_disagreement: 0.02 (CI [0.017, 0.024]) breaks the bound 0.01');
    const young = decideShadow({ ...shadowFigures, hours: 3 }, { min_requests: 5000, min_hours: 24 });
    expect(young.verdict).toBe('insufficient');
    expect(young.reasons[0]).toBe('min_hours: 3 so far, short of the 24 needed (more traffic will reach it)');
  });

  it('says what is uncertain: traffic not reached yet, or an interval across the bound', () => {
    // 300 < 1000 is certain: what is missing is traffic, not confidence.
    const few = decideCanary({ ...canaryFigures, requests: { control: 2000, canary: 300 } }, { min_requests: 1000, min_hours: 6 });
    expect(few.verdict).toBe('hold');
    expect(few.reasons[0]).toBe('min_requests: 300 so far, short of the 1000 needed (more traffic will reach it)');
    expect(few.reasons.join('\n')).not.toContain('cannot yet be told');
    // An interval that straddles the bound: the figure may be either side of it.
    const across = decideCanary({ ...canaryFigures, error_rate_increase: { value: 0.004, interval: [-0.001, 0.009] } }, { min_requests: 2000, min_hours: 6 });
    expect(across.verdict).toBe('hold');
    expect(across.reasons[0]).toBe('max_error_rate_increase: 0.004 (CI [-0.001, 0.009]) straddles the bound 0.005: not yet known to be at most it (more traffic will tell)');
    const correlation = decideShadow({ ...shadowFigures, correlation: { value: 0.95, interval: [0.88, 0.98] } }, { min_requests: 5000, min_hours: 24, min_correlation: 0.9 });
    expect(correlation.reasons[0]).toBe('min_correlation: 0.95 (CI [0.88, 0.98]) straddles the bound 0.9: not yet known to be at least it (more traffic will tell)');
    // A figure without an interval yet, and no figure at all.
    const noInterval = decideCanary({ ...canaryFigures, latency_increase: { value: 0.1, interval: null } }, { min_requests: 2000, min_hours: 6 });
    expect(noInterval.reasons[0]).toBe('max_latency_increase: 0.1 has no interval yet, so it is not yet known to be at most 0.2');
    const waiting = decideCanary(canaryFigures, { min_requests: 2000, min_hours: 6, max_metric_decrease: 0.02 });
    expect(waiting.reasons[0]).toBe('max_metric_decrease: no figure yet (needs at most 0.02)');
  });

  it('reads a metric decrease in the metric’s better direction', () => {
    // Δ roc_auc = shadow - live in [-0.012, 0.004]: a decrease in [-0.004, 0.012].
    expect(decideShadow(shadowFigures, { min_requests: 1, min_hours: 0, max_metric_decrease: 0.02 }).verdict).toBe('pass');
    expect(decideShadow(shadowFigures, { min_requests: 1, min_hours: 0, max_metric_decrease: 0.01 }).verdict).toBe('insufficient');
    const loss = { ...shadowFigures, metric_delta: { metric: 'log_loss' as const, higher_is_better: false, value: 0.05, interval: [0.03, 0.07] as [number, number] } };
    expect(decideShadow(loss, { min_requests: 1, min_hours: 0, max_metric_decrease: 0.02 }).verdict).toBe('fail');
  });

  it('canary: promote, hold for traffic, rollback on a broken bound', () => {
    expect(decideCanary(canaryFigures, { min_requests: 2000, min_hours: 6 }).verdict).toBe('promote');
    expect(decideCanary(canaryFigures, { min_requests: 10_000 }).verdict).toBe('hold');
    expect(decideCanary({ ...canaryFigures, error_rate_increase: { value: 0.01, interval: [0.006, 0.014] } }).verdict).toBe('rollback');
    // A metric bound without labelled figures cannot be met yet.
    expect(decideCanary(canaryFigures, { min_requests: 2000, max_metric_decrease: 0.02 }).verdict).toBe('hold');
  });

  it('does not let a figure the logs cannot give hold the verdict back, and says so', () => {
    const noLatency = decideCanary({ ...canaryFigures, latency_increase: null }, { min_requests: 2000, min_hours: 6 });
    expect(noLatency.verdict).toBe('promote');
    expect(noLatency.checks.find((check) => check.name === 'max_latency_increase')?.status).toBe('unavailable');
    expect(noLatency.reasons).toContain('max_latency_increase: not checked, the logs do not give this figure');
    const regression = decideShadow({ ...shadowFigures, disagreement: null, metric_delta: null }, { min_requests: 5000, min_hours: 24, max_disagreement: 0.03 });
    expect(regression.verdict).toBe('pass');
    expect(decideShadow({ ...shadowFigures, metric_delta: null }, { min_requests: 5000, min_hours: 24, max_metric_decrease: 0.01 }).verdict).toBe('insufficient');
  });
});

describe('evidenceMet', () => {
  it('needs every kind the policy names, re-judged with the stage’s own bounds', () => {
    const both = { shadow: { min_requests: 5000, min_hours: 24, max_disagreement: 0.03 }, canary: { min_requests: 2000, min_hours: 6 } };
    expect(evidenceMet(both, [record('shadow'), record('canary')]).met).toBe(true);
    const onlyShadow = evidenceMet(both, [record('shadow')]);
    expect(onlyShadow.met).toBe(false);
    expect(onlyShadow.requirements.map((requirement) => [requirement.kind, requirement.met])).toEqual([
      ['shadow', true],
      ['canary', false],
    ]);
    expect(onlyShadow.summary[1]).toBe('canary: not met: no canary evidence yet');
    // The record says pass, but this stage is stricter than the bounds it was made with.
    const strict = evidenceMet({ shadow: { max_disagreement: 0.01, min_requests: 1000, min_hours: 1 } }, [record('shadow')]);
    expect(strict.met).toBe(false);
    expect(strict.requirements[0].verdict).toBe('fail');
  });

  it('counts only the candidate’s evidence, and any one passing record of a kind', () => {
    const policy = { canary: { min_requests: 2000, min_hours: 6 } };
    const other = record('canary', { candidate: 'v1.3.0' });
    expect(evidenceMet(policy, [other], { candidate: 'v1.5.0' }).met).toBe(false);
    expect(evidenceMet(policy, [other, record('canary', { candidate: 'churn@v1.5.0' })], { candidate: '1.5.0' }).met).toBe(true);
    const early = record('canary', { generated_at: '2024-06-03T00:00:00.000Z', figures: { ...canaryFigures, requests: { control: 100, canary: 50 } } } as Partial<EvidenceRecord>);
    const status = evidenceMet(policy, [early, record('canary')]);
    expect(status.met).toBe(true);
    expect(status.requirements[0].evidence?.generated_at).toBe('2024-06-02T00:00:00.000Z');
    expect(evidenceMet({}, []).met).toBe(true);
  });
});
