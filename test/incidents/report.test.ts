import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driftFromFiles, type DriftReport } from '../../shared/drift/index.js';
import { compareSummaries, movedSummary, parseDriftReport, parseIncidentReport, runRecordOf, summaryDigest } from '../../shared/incidents/index.js';
import { NO_REFERENCE, monitorLog } from '../../shared/monitor/index.js';
import { baselineOf, makeLog } from '../monitor/simulate.js';
import { column, driftReport, reportWith } from './fixtures.js';

describe('parseIncidentReport', () => {
  it('reads a monitor report as its drift view plus its signals', async () => {
    const training = makeLog({ rows: 2000, seed: 1 });
    const reference = { ...NO_REFERENCE, profile: await baselineOf(training, ['score', 'tenure', 'plan']) };
    const report = JSON.parse(JSON.stringify(await monitorLog(makeLog({ rows: 1000, seed: 2 }), reference, null, { model: 'churn', stage: 'production' }))) as Record<string, unknown>;
    const parsed = parseIncidentReport(report);
    if (!parsed.ok) throw new Error(parsed.problem.message);
    expect(parsed.read.report.schema).toBe('tollgate.drift/v1');
    expect(parsed.read.report.level).toBe(report.level);
    expect(parsed.read.report.columns.map((entry) => entry.name)).toEqual((report.columns as Array<{ name: string }>).map((entry) => entry.name));
    expect(parsed.read.signals!.map((signal) => signal.signal)).toEqual(['drift', 'prediction', 'confidence', 'performance', 'latency', 'volume']);
    expect(parsed.read.signals![0]).not.toHaveProperty('checks');
  });

  it('reads a drift report with no signals, and refuses a monitor report with a bad signal', () => {
    expect(parseIncidentReport(reportWith(2))).toEqual({ ok: true, read: { report: reportWith(2), signals: null } });
    const bad = parseIncidentReport({ ...reportWith(2), schema: 'tollgate.monitor/v1', signals: [{ signal: 'drift', level: 'purple', summary: '', reasons: [] }] });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problem.message).toMatch(/^it does not match tollgate\.monitor\/v1: signals\.0\.level: /);
  });
});

describe('parseDriftReport', () => {
  it('accepts a report and drops fields it does not know (v1 only adds fields)', () => {
    const report = reportWith(3, 1);
    const parsed = parseDriftReport({ ...report, added_later: { anything: true } });
    expect(parsed).toEqual({ ok: true, report });
  });

  it('names a wrong or missing schema', () => {
    expect(parseDriftReport({ schema: 'tollgate.drift/v2' })).toEqual({ ok: false, problem: { kind: 'schema', message: 'its "schema" is "tollgate.drift/v2"; this Tollgate reads tollgate.drift/v1' } });
    expect(parseDriftReport([1, 2])).toEqual({ ok: false, problem: { kind: 'schema', message: 'it has no "schema": "tollgate.drift/v1" field (is it a Tollgate drift report?)' } });
    expect(parseDriftReport(null).ok).toBe(false);
  });

  it('says which field is wrong', () => {
    const report = reportWith(1) as unknown as Record<string, unknown>;
    const broken = { ...report, level: 'catastrophic', columns: [{ ...(report.columns as object[])[0], psi: 'high' }] };
    const parsed = parseDriftReport(broken);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem.kind).toBe('invalid');
    expect(!parsed.ok && parsed.problem.message).toMatch(/^it does not match tollgate\.drift\/v1: level: .*; columns\.0\.psi: /);
  });

  it('refuses model and stage names the registry would not accept', () => {
    expect(parseDriftReport(reportWith(1, 0, { model: 'churn<script>' })).ok).toBe(false);
    expect(parseDriftReport(reportWith(1, 0, { stage: 'prod#1' })).ok).toBe(false);
  });
});

describe('run records and digests', () => {
  it('digests which features moved at which level, not their statistics', () => {
    const a = reportWith(2, 1);
    const b = reportWith(2, 1);
    b.columns[0].psi = 0.9;
    b.columns[0].q_value = 1e-20;
    expect(summaryDigest(movedSummary(a))).toBe(summaryDigest(movedSummary(b)));
    expect(summaryDigest(movedSummary(a))).toMatch(/^[0-9a-f]{16}$/);
    expect(summaryDigest(movedSummary(reportWith(3, 0)))).not.toBe(summaryDigest(movedSummary(a)));
    expect(summaryDigest(movedSummary(reportWith(2, 1, { missing_columns: ['gone'] })))).not.toBe(summaryDigest(movedSummary(a)));
  });

  it('records a run with its level and time', () => {
    expect(runRecordOf(reportWith(1), { id: 9, at: '2026-03-02T06:10:00Z' })).toEqual({ run: 9, level: 'alert', at: '2026-03-02T06:10:00Z', digest: summaryDigest(movedSummary(reportWith(1))) });
  });

  it('says what changed between two comments', () => {
    const before = movedSummary(driftReport([column('a', 'alert'), column('b', 'warn'), column('c', 'warn')]));
    const after = movedSummary(driftReport([column('a', 'alert'), column('b', 'alert'), column('d', 'warn')]));
    expect(compareSummaries(before, after)).toEqual({ added: ['d'], gone: ['c'], changed: [{ name: 'b', from: 'warn', to: 'alert' }] });
  });
});

describe('a report from the drift engine', () => {
  let dir: string;
  let report: DriftReport;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tollgate-incident-'));
    const rows = (shift: number) => {
      const lines = ['spend,<img src=x onerror=alert(1)>,plan'];
      for (let index = 0; index < 400; index += 1) lines.push(`${(index % 97) + shift},${index % 13},${index % 3 === 0 ? 'pro' : 'free'}`);
      return `${lines.join('\n')}\n`;
    };
    await writeFile(join(dir, 'reference.csv'), rows(0));
    await writeFile(join(dir, 'current.csv'), rows(40));
    report = await driftFromFiles(join(dir, 'reference.csv'), join(dir, 'current.csv'), { model: 'churn', stage: 'production', now: new Date('2026-03-02T06:00:00Z') });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('passes the strict reader unchanged, through JSON', () => {
    const parsed = parseDriftReport(JSON.parse(JSON.stringify(report)));
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.report).toEqual(JSON.parse(JSON.stringify(report)));
    expect(movedSummary(report).moved.map((entry) => entry.name)).toContain('spend');
  });
});
