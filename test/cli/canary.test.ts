import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CanaryReport, EvidenceRecord } from '../../shared/monitor/index.js';
import { mixedLog, toCsv } from '../monitor/simulate.js';
import { runCli } from '../support/cli.js';

let dir: string;
const path = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tollgate-cli-canary-'));
  writeFileSync(path('bad.csv'), toCsv(mixedLog(8000, 4000, { errorRate: 0.02, canaryErrorRate: 0.04 })));
  writeFileSync(path('good.csv'), toCsv(mixedLog(8000, 4000, { errorRate: 0.01 })));
  writeFileSync(path('tollgate.yml'), 'monitor:\n  canary: {min_requests: 3000, min_hours: 6, max_error_rate_increase: 0.01}\n');
});

describe('tollgate canary', () => {
  it('rolls back a canary with twice the error rate (exit 1)', async () => {
    const result = await runCli(['canary', '--logs', path('bad.csv'), '--control', 'v1.4.0', '--canary', 'v1.5.0', '--config', path('tollgate.yml'), '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as CanaryReport;
    expect(report.verdict).toBe('rollback');
    expect(report.bounds.max_error_rate_increase).toBe(0.01);
  });

  it('promotes a healthy canary and writes its evidence', async () => {
    const result = await runCli(['canary', '--logs', path('good.csv'), '--control', 'v1.4.0', '--canary', 'v1.5.0', '--config', path('tollgate.yml'), '--evidence', path('evidence.json')]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('PROMOTE  canary v1.5.0 (4000 requests) vs control v1.4.0 (8000 requests)');
    const evidence = JSON.parse(readFileSync(path('evidence.json'), 'utf8')) as EvidenceRecord;
    expect(evidence).toMatchObject({ kind: 'canary', candidate: 'v1.5.0', baseline: 'v1.4.0', verdict: 'promote' });
  });

  it('refuses a canary that is its own control (exit 2), in any spelling of the version', async () => {
    for (const [control, canary] of [
      ['v1.4.0', 'v1.4.0'],
      ['v1.4.0', '1.4.0'],
      ['churn@v1.4.0', 'v1.4.0'],
    ]) {
      const result = await runCli(['canary', '--logs', path('good.csv'), '--control', control, '--canary', canary, '--config', path('tollgate.yml'), '--evidence', path('self-evidence.json')]);
      expect(result.code, `${control} vs ${canary}`).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('the control and the canary are the same version');
    }
    const same = await runCli(['canary', '--logs', path('good.csv'), '--control', 'v1.4.0', '--canary', 'v1.4.0']);
    expect(same.stderr).toContain("the control and the canary are the same version ('v1.4.0'): a canary compares a new version with the one serving the rest of the traffic");
    expect(existsSync(path('self-evidence.json'))).toBe(false);
  });

  it('names only the flags that are missing', async () => {
    const result = await runCli(['canary', '--logs', path('good.csv'), '--control', 'v1.4.0']);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toMatch(/missing --canary VERSION$/);
    const two = await runCli(['canary', '--control', 'v1.4.0']);
    expect(two.stderr.split('\n')[0]).toMatch(/missing --logs FILE and --canary VERSION$/);
    const all = await runCli(['canary']);
    expect(all.stderr.split('\n')[0]).toMatch(/missing --logs FILE, --control VERSION and --canary VERSION$/);
  });

  it('names the versions a log holds when one is not there', async () => {
    const result = await runCli(['canary', '--logs', path('good.csv'), '--control', 'v1.4.0', '--canary', 'v9.9.9']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no requests of the canary version v9.9.9 in the window; the log holds v1.4.0, v1.5.0');
  });
});
