import { describe, expect, it } from 'vitest';
import type { DriftReport } from '../../shared/drift/index.js';
import { shouldRetrain, type MonitorReport, type MonitorSignal } from '../../shared/monitor/index.js';

function report(levels: Partial<Record<MonitorSignal['signal'], MonitorSignal['level']>>): MonitorReport {
  const signals = Object.entries(levels).map(([signal, level]) => ({ signal, level, summary: '', reasons: [`${signal} moved`], checks: [], notes: [] })) as MonitorSignal[];
  return { schema: 'tollgate.monitor/v1', generated_at: '2024-06-10T00:00:00.000Z', signals } as unknown as MonitorReport;
}

const config = { on: 'alert' as const, signals: ['drift', 'performance'] as MonitorSignal['signal'][], cooldown: '7d' };
const now = new Date('2024-06-10T06:00:00Z');

describe('shouldRetrain', () => {
  it('retrains on a listed signal at the configured level', () => {
    const decision = shouldRetrain(config, [report({ drift: 'none', performance: 'alert', latency: 'alert' })], null, now);
    expect(decision.retrain).toBe(true);
    expect(decision.reason).toBe('retrain: performance (alert)');
    expect(decision.triggers).toEqual([{ signal: 'performance', level: 'alert', report: '2024-06-10T00:00:00.000Z', reasons: ['performance moved'] }]);
  });

  it('ignores unlisted signals and levels below the configured one', () => {
    expect(shouldRetrain(config, [report({ drift: 'warn', latency: 'alert' })], null, now).retrain).toBe(false);
    expect(shouldRetrain({ ...config, on: 'warn' }, [report({ drift: 'warn' })], null, now).retrain).toBe(true);
    expect(shouldRetrain(undefined, [report({ drift: 'alert' })], null, now).reason).toBe('no retrain: section in the configuration');
  });

  it('waits out the cooldown after a dispatch', () => {
    const held = shouldRetrain(config, [report({ drift: 'alert' })], '2024-06-05T00:00:00Z', now);
    expect(held.retrain).toBe(false);
    expect(held.next_allowed).toBe('2024-06-12T00:00:00.000Z');
    expect(held.reason).toContain('within the 7d cooldown');
    expect(shouldRetrain(config, [report({ drift: 'alert' })], new Date('2024-06-03T05:00:00Z'), now).retrain).toBe(true);
  });

  it('reads a plain drift report as the drift signal', () => {
    const drift = { schema: 'tollgate.drift/v1', generated_at: '2024-06-10T00:00:00.000Z', level: 'alert', reasons: ['age at alert'] } as unknown as DriftReport;
    expect(shouldRetrain(config, [drift], null, now).triggers[0]).toMatchObject({ signal: 'drift', level: 'alert', reasons: ['age at alert'] });
    expect(shouldRetrain({ ...config, signals: ['performance'] }, [drift], null, now).retrain).toBe(false);
  });
});
