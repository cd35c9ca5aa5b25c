import { beforeAll, describe, expect, it } from 'vitest';
import { NO_REFERENCE, analyzeCanary, compareShadow, defaultMonitorSettings, evidenceMet, evidenceRecord, monitorLog, type MonitorReport } from '../../shared/monitor/index.js';
import { canaryMarkdown, canaryText, evidenceMarkdown, monitorHeadline, monitorMarkdown, monitorText, shadowMarkdown } from '../../shared/report/monitor.js';
import { baselineOf, evaluationOf, makeLog, mixedLog } from '../monitor/simulate.js';

const EVIL = '<img src=x onerror=alert(1)>|`code`[link](http://x) @acme/team';
let alert: MonitorReport;
let healthy: MonitorReport;

beforeAll(async () => {
  const training = makeLog({ rows: 10_000, seed: 1, labels: true });
  const reference = { ...NO_REFERENCE, profile: await baselineOf(training, ['score', 'tenure', 'plan']), evaluation: evaluationOf(training), profilePath: 'profile.json' };
  const settings = defaultMonitorSettings();
  settings.latency = { p95: 150, confidence: 0.95 };
  healthy = await monitorLog(makeLog({ rows: 2000, seed: 5, labels: true }), reference, null, { settings, model: 'churn', stage: 'production' });
  alert = await monitorLog(makeLog({ rows: 2000, seed: 6, labels: true, latencyMedian: 90, featureShift: 0.6 }), reference, null, { settings, model: EVIL, stage: 'production' });
});

describe('monitorMarkdown', () => {
  it('leads with the verdict and lists what fired before the figures', () => {
    const text = monitorMarkdown(alert);
    const [heading] = text.split('\n');
    expect(heading.startsWith('### 🔴 Monitoring alert: drift, latency')).toBe(true);
    expect(text.indexOf('- drift: ')).toBeGreaterThan(0);
    expect(text.indexOf('- drift: ')).toBeLessThan(text.indexOf('| signal | level | summary |'));
    expect(text).toContain('**Columns that moved**');
    expect(text).toContain('| tenure | alert |');
    expect(monitorMarkdown(healthy).split('\n')[0]).toBe('### ✅ Healthy: 5 signals checked, none fired — churn · production');
  });

  it('escapes everything that came from data or configuration', () => {
    const tampered: MonitorReport = structuredClone(alert);
    tampered.signals[0].reasons = [EVIL];
    tampered.reasons = [`drift: ${EVIL}`];
    tampered.columns[0].name = EVIL;
    tampered.columns[0].reasons = [EVIL];
    tampered.log.path = EVIL;
    const text = monitorMarkdown(tampered);
    expect(text).not.toContain('<img');
    expect(text).not.toMatch(/(?<!\\)\[link\]/);
    expect(text).not.toContain('@acme');
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;\\|\\`code\\`\\[link\\](http://x) @\u200bacme/team');
  });

  it('has a terminal version without control characters', () => {
    const tampered: MonitorReport = structuredClone(alert);
    tampered.reasons = ['drift: \u001b[31mred'];
    const text = monitorText(tampered);
    expect(text.split('\n')[0]).toMatch(/^ALERT {2}Monitoring alert: drift, latency/);
    expect(text).not.toContain('\u001b');
    expect(monitorHeadline({ ...healthy, level: 'insufficient' })).toBe('Not enough data to judge any signal');
  });
});

describe('shadow, canary and evidence Markdown', () => {
  it('leads with the verdict', async () => {
    const live = makeLog({ rows: 1500, seed: 9, version: () => 'v1.4.0' });
    const shadow = makeLog({ rows: 1500, seed: 9, version: () => EVIL });
    const report = await compareShadow(live, shadow, null, { bounds: { min_requests: 1000, min_hours: 12 } });
    const text = shadowMarkdown(report);
    expect(text.split('\n')[0]).toBe('### ✅ Shadow evidence: pass');
    expect(text).not.toContain('<img');

    const canary = analyzeCanary(mixedLog(4000, 2000, { errorRate: 0.02, canaryErrorRate: 0.05 }), 'v1.4.0', 'v1.5.0', null, { resamples: 200, model: 'churn' });
    expect(canaryMarkdown(canary).split('\n')[0]).toBe('### ❌ Canary verdict: rollback — churn');
    expect(canaryText(canary).split('\n')[0]).toBe('ROLLBACK  canary v1.5.0 (2000 requests) vs control v1.4.0 (4000 requests)');

    const status = evidenceMet({ shadow: { min_requests: 1000, min_hours: 12 }, canary: {} }, [evidenceRecord(report), evidenceRecord(canary)]);
    const table = evidenceMarkdown(status);
    expect(table.split('\n')[0]).toBe('| live evidence | verdict | candidate | recorded | first reason |');
    expect(table).toContain('| ✅ shadow | pass |');
    expect(table).toContain('| ⏳ canary | rollback | v1.5.0 |');
    expect(table).not.toContain('<img');
  });
});
