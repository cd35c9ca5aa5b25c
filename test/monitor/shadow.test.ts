import { mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultMonitorSections } from '../../shared/config/monitor.js';
import { UsageError } from '../../shared/errors/index.js';
import { compareShadow, loadPredictionLog, shadowFromFiles, type LabelSet } from '../../shared/monitor/index.js';
import { makeLog } from './simulate.js';

let dir: string;

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tollgate-shadow-'));
});

// The hand-checked example. Paired ids: r1 r2 r3 r4 r6 r7 (r5 live only, r8 shadow only).
// Classes at 0.5:  live  1 0 1 0 0 1
//                  shadow 1 0 0 1 0 1   -> 4 of 6 agree; matrix 0/0: 2, 0/1: 1, 1/0: 1, 1/1: 2
// |shadow - live|: 0.1 0.1 0.1 0.15 0.05 0.1 -> mean 0.1
// Pearson r = 0.9375403564279905 (test/monitor/fixtures/make_reference.py)
const LIVE = `request_id,timestamp,model_version,score,latency_ms
r1,2024-06-01T00:00:00Z,v1.0.0,0.9,10
r2,2024-06-01T01:00:00Z,v1.0.0,0.2,12
r3,2024-06-01T02:00:00Z,v1.0.0,0.55,11
r4,2024-06-01T03:00:00Z,v1.0.0,0.45,13
r5,2024-06-01T04:00:00Z,v1.0.0,0.7,10
r6,2024-06-01T05:00:00Z,v1.0.0,0.1,12
r7,2024-06-01T06:00:00Z,v1.0.0,0.8,11
`;
const SHADOW = `request_id,timestamp,model_version,score,latency_ms
r1,2024-06-01T00:00:00Z,v1.1.0,0.8,20
r2,2024-06-01T01:00:00Z,v1.1.0,0.3,22
r3,2024-06-01T02:00:00Z,v1.1.0,0.45,21
r4,2024-06-01T03:00:00Z,v1.1.0,0.6,23
r6,2024-06-01T05:00:00Z,v1.1.0,0.05,22
r7,2024-06-01T06:00:00Z,v1.1.0,0.7,21
r8,2024-06-01T07:00:00Z,v1.1.0,0.5,20
`;

describe('compareShadow on a hand-checked example', () => {
  it('pairs on request id and computes agreement, correlation and differences exactly', async () => {
    const live = await loadPredictionLog(await file('live.csv', LIVE));
    const shadow = await loadPredictionLog(await file('shadow.csv', SHADOW));
    const report = await compareShadow(live, shadow, null, { bounds: { min_requests: 5, min_hours: 1, max_disagreement: 0.5 }, now: new Date('2024-06-02T00:00:00Z') });
    expect(report.schema).toBe('tollgate.shadow/v1');
    expect(report.pairing).toEqual({ pairs: 6, live_only: 1, shadow_only: 1 });
    expect(report.agreement?.rate).toBe(4 / 6);
    expect(report.agreement?.matrix).toEqual([
      { live: '0', shadow: '0', count: 2 },
      { live: '0', shadow: '1', count: 1 },
      { live: '1', shadow: '0', count: 1 },
      { live: '1', shadow: '1', count: 2 },
    ]);
    expect(report.figures.disagreement?.value).toBe(2 / 6);
    expect(report.figures.correlation?.value).toBeCloseTo(0.9375403564279905, 12);
    expect(report.figures.mean_abs_diff?.value).toBeCloseTo(0.1, 12);
    expect(report.figures.hours).toBe(6);
    expect(report.live.version).toBe('v1.0.0');
    expect(report.shadow.version).toBe('v1.1.0');
    expect(report.latency?.live.p50.value).toBe(11.5);
    expect(report.latency?.shadow.p50.value).toBe(21.5);
    // p95 of the paired rows (numpy's linear rule): live 12.75 ms, shadow 22.75 ms.
    expect(report.latency?.live.p95.value).toBeCloseTo(12.75, 12);
    expect(report.latency?.shadow.p95.value).toBeCloseTo(22.75, 12);
    expect(report.figures.latency_increase?.value).toBeCloseTo(22.75 / 12.75 - 1, 12);
    // 2 of 6 disagree: the Wilson interval straddles the 0.5 bound, and 6 pairs are not enough to be sure.
    expect(report.verdict).toBe('insufficient');
    expect(report.checks.find((check) => check.name === 'max_disagreement')?.status).toBe('unsure');
    expect(report.evaluation).toBeNull();
  });

  it('rejects a duplicate request id with both lines, and logs with no id in common', async () => {
    const live = await loadPredictionLog(await file('dup.csv', `${LIVE}r2,2024-06-01T07:00:00Z,v1.0.0,0.3,10\n`));
    const shadow = await loadPredictionLog(await file('shadow2.csv', SHADOW));
    await expect(compareShadow(live, shadow, null)).rejects.toThrow(/dup\.csv:9: request id 'r2' appears twice \(line 3 and line 9\)/);
    const other = await loadPredictionLog(await file('other.csv', SHADOW.replace(/^r(\d)/gm, 'x$1')));
    await expect(compareShadow(await loadPredictionLog(await file('live2.csv', LIVE)), other, null)).rejects.toThrow(/no request id is in both/);
  });
});

describe('shadowFromFiles', () => {
  it('refuses one file as both the live and the shadow log (also through a link), before reading it', async () => {
    const live = await file('self.csv', LIVE);
    await expect(shadowFromFiles(live, live, defaultMonitorSections())).rejects.toThrow(UsageError);
    await expect(shadowFromFiles(live, live, defaultMonitorSections())).rejects.toThrow(`the live and the shadow log are the same file (${live}): a shadow comparison needs the shadow model's own log of the same requests`);
    await symlink(live, join(dir, 'self-link.csv'));
    await expect(shadowFromFiles(live, join(dir, 'self-link.csv'), defaultMonitorSections())).rejects.toThrow(UsageError);
    const view = await loadPredictionLog(live);
    await expect(compareShadow(view, view, null)).rejects.toThrow(UsageError);
    // Two files with their own rows are compared as before.
    const report = await shadowFromFiles(live, await file('self-shadow.csv', SHADOW), defaultMonitorSections(), { window: { now: new Date('2024-06-02T00:00:00Z') } });
    expect(report.pairing.pairs).toBe(6);
  });
});

describe('compareShadow at scale', () => {
  it('passes an identical model and compares metrics with labels; fails a worse one', async () => {
    const live = makeLog({ rows: 3000, seed: 41, labels: true }, 'live.csv');
    const same = makeLog({ rows: 3000, seed: 41, labels: true }, 'shadow.csv');
    const labels: LabelSet = { path: null, byId: new Map(), rows: 0 };
    const bounds = { min_requests: 1000, min_hours: 12, max_disagreement: 0.05, max_metric_decrease: 0.02 };
    const identical = await compareShadow(live, same, labels, { bounds });
    expect(identical.figures.correlation?.value).toBe(1);
    expect(identical.agreement?.rate).toBe(1);
    expect(identical.evaluation?.comparison[0].metric).toBe('roc_auc');
    expect(identical.figures.metric_delta?.value).toBe(0);
    expect(identical.distribution?.level).toBe('none');
    expect(identical.verdict).toBe('pass');

    // Same requests and labels (same seed stream for labels), scores with a weaker signal and shifted.
    const worse = makeLog({ rows: 3000, seed: 41, labels: true, separation: 0.5, logitShift: 1 }, 'shadow.csv');
    const report = await compareShadow(live, worse, labels, { bounds });
    expect(report.verdict).toBe('fail');
    expect(report.checks.find((check) => check.name === 'max_disagreement')?.status).toBe('broken');
    expect(report.distribution?.level).toBe('alert');
    expect(report.figures.metric_delta?.value).toBeLessThan(-0.05);
  });
});
