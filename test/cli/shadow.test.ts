import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceRecord, ShadowReport } from '../../shared/monitor/index.js';
import { makeLog, toCsv } from '../monitor/simulate.js';
import { runCli } from '../support/cli.js';

let dir: string;
const path = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tollgate-cli-shadow-'));
  writeFileSync(path('live.csv'), toCsv(makeLog({ rows: 3000, seed: 21, labels: true, version: () => 'v1.4.0' })));
  writeFileSync(path('same.csv'), toCsv(makeLog({ rows: 3000, seed: 21, labels: true, version: () => 'v1.5.0', latencyMedian: 44 })));
  writeFileSync(path('shifted.csv'), toCsv(makeLog({ rows: 3000, seed: 21, labels: true, version: () => 'v1.5.0', logitShift: 1.2 })));
  writeFileSync(path('tollgate.yml'), 'monitor:\n  shadow: {min_requests: 2000, min_hours: 12, max_disagreement: 0.05, max_latency_increase: 0.3}\n');
});

describe('tollgate shadow', () => {
  it('passes a shadow that agrees, and writes the report and its evidence record', async () => {
    const result = await runCli(['shadow', '--live', path('live.csv'), '--shadow', path('same.csv'), '--config', path('tollgate.yml'), '--model', 'churn', '--stage', 'production', '--out', path('shadow.json'), '--evidence', path('evidence.json')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('PASS  shadow v1.5.0 vs live v1.4.0: 3000 paired requests, 24 h');
    const report = JSON.parse(readFileSync(path('shadow.json'), 'utf8')) as ShadowReport;
    expect(report.agreement?.rate).toBe(1);
    expect(report.evaluation?.decision).toBe('reject'); // identical scores cannot beat the live model
    const evidence = JSON.parse(readFileSync(path('evidence.json'), 'utf8')) as EvidenceRecord;
    expect(evidence).toMatchObject({ schema: 'tollgate.evidence/v1', kind: 'shadow', model: 'churn', stage: 'production', candidate: 'v1.5.0', baseline: 'v1.4.0', verdict: 'pass' });
    expect(evidence.report_digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('exits 1 when a bound is broken', async () => {
    const result = await runCli(['shadow', '--live', path('live.csv'), '--shadow', path('shifted.csv'), '--config', path('tollgate.yml'), '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as ShadowReport;
    expect(report.verdict).toBe('fail');
    expect(report.reasons[0]).toMatch(/^max_disagreement: /);
    expect(report.distribution?.level).toBe('alert');
  });

  it('reads logs whose names do not say their format with --format', async () => {
    const line = (id: string, score: number) => JSON.stringify({ request_id: id, timestamp: '2024-06-01T00:00:00Z', score });
    writeFileSync(path('a.log'), [line('x1', 0.9), line('x2', 0.2), line('x3', 0.6)].join('\n'));
    writeFileSync(path('b.log'), [line('x1', 0.8), line('x2', 0.1), line('x3', 0.4)].join('\n'));
    const result = await runCli(['shadow', '--live', path('a.log'), '--shadow', path('b.log'), '--format', 'jsonl', '--json']);
    const report = JSON.parse(result.stdout) as ShadowReport;
    expect(report.agreement?.rate).toBe(2 / 3);
    // 1 of 3 disagree: even Wilson's lower bound (0.06) is above the default 0.05.
    expect(report.verdict).toBe('fail');
    expect(result.code).toBe(1);
    const unnamed = await runCli(['shadow', '--live', path('a.log'), '--shadow', path('b.log')]);
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toContain('a.log: unknown file type');
    expect((await runCli(['shadow', '--live', path('a.log'), '--shadow', path('b.log'), '--format', 'xml'])).stderr).toContain("--format must be one of csv, jsonl, parquet, arrow; got 'xml'");
  });

  it('needs both logs, and names only the one missing', async () => {
    const noShadow = await runCli(['shadow', '--live', path('live.csv')]);
    expect(noShadow.code).toBe(2);
    expect(noShadow.stderr.split('\n')[0]).toMatch(/missing --shadow FILE$/);
    expect(noShadow.stderr).not.toContain('missing --live');
    const noLive = await runCli(['shadow', '--shadow', path('same.csv')]);
    expect(noLive.code).toBe(2);
    expect(noLive.stderr.split('\n')[0]).toMatch(/missing --live FILE$/);
    const neither = await runCli(['shadow']);
    expect(neither.code).toBe(2);
    expect(neither.stderr.split('\n')[0]).toMatch(/missing --live FILE and --shadow FILE$/);
  });

  it('refuses to compare a log with itself (exit 2), by path or through a link', async () => {
    const result = await runCli(['shadow', '--live', path('live.csv'), '--shadow', path('live.csv'), '--json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`the live and the shadow log are the same file (${path('live.csv')})`);
    // Another spelling of the path, relative to the working directory.
    const relative = await runCli(['shadow', '--live', 'live.csv', '--shadow', `./live.csv`], { cwd: dir });
    expect(relative.code).toBe(2);
    expect(relative.stderr).toContain('the live and the shadow log are the same file');
    symlinkSync(path('live.csv'), path('link.csv'));
    const linked = await runCli(['shadow', '--live', path('live.csv'), '--shadow', path('link.csv')]);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toContain(`the live and the shadow log are the same file (${path('live.csv')} and ${path('link.csv')})`);
  });
});
