import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitorReport } from '../../shared/monitor/index.js';
import { profileToJSON } from '../../shared/profile/index.js';
import { baselineOf, evaluationOf, labelsOf, makeLog, toCsv } from '../monitor/simulate.js';
import { makeRepo, type TempRepo } from '../registry/support/git-repo.js';
import { runCli } from '../support/cli.js';

let dir: string;
let repo: TempRepo;
const path = (name: string) => join(dir, name);

const CONFIG = `monitor:
  latency: {p95: 150, error_rate: 0.02}
  volume: {per: 1h, alert: [40, 160]}
`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tollgate-cli-monitor-'));
  const training = makeLog({ rows: 20_000, seed: 1, labels: true });
  writeFileSync(path('profile.json'), profileToJSON(await baselineOf(training, ['score', 'tenure', 'plan'])));
  writeFileSync(path('evaluation.json'), JSON.stringify(evaluationOf(training)));
  writeFileSync(path('tollgate.yml'), CONFIG);
  writeFileSync(path('stable.csv'), toCsv(makeLog({ rows: 2000, seed: 7 })));
  const labelled = makeLog({ rows: 2000, seed: 7, labels: true });
  writeFileSync(path('labels.csv'), `request_id,label\n${[...labelsOf(labelled)].map(([id, label]) => `${id},${label}`).join('\n')}\n`);
  writeFileSync(path('worse.csv'), toCsv(makeLog({ rows: 2000, seed: 8, separation: 0.5 })));
  const worse = makeLog({ rows: 2000, seed: 8, labels: true, separation: 0.5 });
  writeFileSync(path('worse-labels.csv'), `request_id,label\n${[...labelsOf(worse)].map(([id, label]) => `${id},${label}`).join('\n')}\n`);

  repo = makeRepo();
  mkdirSync(path('assets'));
  writeFileSync(path('assets/profile.json'), readFileSync(path('profile.json')));
  writeFileSync(path('assets/evaluation.json'), readFileSync(path('evaluation.json')));
});
afterAll(() => repo?.cleanup());

const files = () => ['--reference', path('profile.json'), '--evaluation', path('evaluation.json'), '--config', path('tollgate.yml')];

describe('tollgate monitor', () => {
  it('exits 0 on a healthy window and prints the report as JSON', async () => {
    const result = await runCli(['monitor', '--logs', path('stable.csv'), '--labels', path('labels.csv'), ...files(), '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as MonitorReport;
    expect(report.schema).toBe('tollgate.monitor/v1');
    expect(report.level).toBe('none');
    expect(report.drift).toBe(false);
    expect(report.labels).toEqual({ path: path('labels.csv'), rows: 2000, matched: 2000 });
    expect(report.signals.map((signal) => [signal.signal, signal.level])).toEqual([
      ['drift', 'none'],
      ['prediction', 'none'],
      ['confidence', 'none'],
      ['performance', 'none'],
      ['latency', 'none'],
      ['volume', 'none'],
    ]);
    expect(report.columns.map((column) => column.name)).toEqual(['tenure', 'plan', 'score']);
  });

  it('exits 1 on an alert, writes --out and leads the text with the verdict', async () => {
    const out = path('report.json');
    const result = await runCli(['monitor', '--logs', path('worse.csv'), '--labels', path('worse-labels.csv'), ...files(), '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toMatch(/^ALERT {2}Monitoring alert: .*performance/);
    const report = JSON.parse(readFileSync(out, 'utf8')) as MonitorReport;
    expect(report.level).toBe('alert');
    expect(report.reasons.some((reason) => reason.startsWith('performance: roc_auc'))).toBe(true);
    const never = await runCli(['monitor', '--logs', path('worse.csv'), '--labels', path('worse-labels.csv'), ...files(), '--fail-on', 'never']);
    expect(never.code).toBe(0);
  });

  it('windows the log with --since/--until and continues after a previous report', async () => {
    const first = await runCli(['monitor', '--logs', path('stable.csv'), '--since', '6h', '--until', '2024-06-01T12:00:00Z', '--config', path('tollgate.yml'), '--json', '--out', path('first.json')]);
    const report = JSON.parse(first.stdout) as MonitorReport;
    expect(report.window).toMatchObject({ since: '2024-06-01T06:00:00.000Z', until: '2024-06-01T12:00:00.000Z', rows: 500, total_rows: 2000, hours: 6 });
    const next = await runCli(['monitor', '--logs', path('stable.csv'), '--after-report', path('first.json'), '--json']);
    expect((JSON.parse(next.stdout) as MonitorReport).window).toMatchObject({ after: report.window.last, rows: 1000 });
    // Without a reference, only the absolute signals judge.
    expect(report.signals.filter((signal) => signal.level !== 'off').map((signal) => signal.signal)).toEqual(['latency', 'volume']);
  });

  it('resolves the reference through the registry: the version in the stage and its release assets', async () => {
    expect((await runCli(['registry', 'register', 'churn', '--version', 'v1.0.0', '--repo', repo.dir])).code).toBe(0);
    expect((await runCli(['registry', 'assign', 'churn', 'production', '--version', 'v1.0.0', '--repo', repo.dir])).code).toBe(0);
    const result = await runCli(['monitor', '--logs', path('stable.csv'), '--model', 'churn', '--stage', 'production', '--repo', repo.dir, '--assets', path('assets'), '--config', path('tollgate.yml'), '--json']);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as MonitorReport;
    expect(report).toMatchObject({ model: 'churn', stage: 'production', version: 'v1.0.0' });
    expect(report.reference.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(report.evaluation?.digest).toMatch(/^sha256:/);
    expect(report.signals.find((signal) => signal.signal === 'prediction')?.level).toBe('none');

    const offline = await runCli(['monitor', '--logs', path('stable.csv'), '--model', 'churn', '--stage', 'production', '--repo', repo.dir]);
    expect(offline.code).toBe(2);
    expect(offline.stderr).toContain('gh release download churn@v1.0.0 -p profile.json -p evaluation.json -D assets');
    const empty = await runCli(['monitor', '--logs', path('stable.csv'), '--model', 'churn', '--stage', 'staging', '--repo', repo.dir]);
    expect(empty.stderr).toBe('tollgate monitor: churn has no version in staging: nothing to monitor against\n');
  });

  it('exits 2 with a clear message for usage, input and configuration errors', async () => {
    const missing = await runCli(['monitor', '--reference', path('profile.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing --logs FILE');
    const absent = await runCli(['monitor', '--logs', path('nope.csv')]);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain('nope.csv: cannot read the file: no such file');
    writeFileSync(path('bad.yml'), 'monitor:\n  latency:\n    p96: 100\n');
    const bad = await runCli(['monitor', '--logs', path('stable.csv'), '--config', path('bad.yml')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${path('bad.yml')}:3:5: monitor.latency.p96: unknown key 'p96'`);
    const stage = await runCli(['monitor', '--logs', path('stable.csv'), '--stage', 'production']);
    expect(stage.stderr).toContain('--stage needs --model');
  });

  it('refuses a window without length (exit 2) instead of reporting 0 requests', async () => {
    const zero = await runCli(['monitor', '--logs', path('stable.csv'), ...files(), '--since', '0h', '--json']);
    expect(zero.code).toBe(2);
    expect(zero.stdout).toBe('');
    expect(zero.stderr).toBe("tollgate monitor: --since '0h' is an empty window: give a positive duration such as 30m, 24h or 7d\n");
    const negative = await runCli(['monitor', '--logs', path('stable.csv'), ...files(), '--since=-6h']);
    expect(negative.code).toBe(2);
    expect(negative.stderr).toContain("--since '-6h' is negative");
    const instant = await runCli(['monitor', '--logs', path('stable.csv'), ...files(), '--since', '2024-06-01T12:00:00Z', '--until', '2024-06-01T12:00:00Z']);
    expect(instant.code).toBe(2);
    expect(instant.stderr).toContain('the window starts where it ends, so it is empty (2024-06-01T12:00:00.000Z to 2024-06-01T12:00:00.000Z): --since must be before --until');
    writeFileSync(path('zero-window.yml'), `${CONFIG}  window: 0m\n`);
    const configured = await runCli(['monitor', '--logs', path('stable.csv'), '--config', path('zero-window.yml')]);
    expect(configured.code).toBe(2);
    expect(configured.stderr).toContain("monitor.window '0m' is an empty window");
  });
});
