import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runActionInProcess, runBundledAction } from '../support/action-runner.js';

const root = join(import.meta.dirname, '..', '..');
const contract = 'examples/churn/contract.yml';

async function runInProcess(inputs: Record<string, string>) {
  const { validateAction } = await import('../../actions/validate/src/validate-action.js');
  const reportPath = join(await mkdtemp(join(tmpdir(), 'tollgate-report-')), 'report.json');
  return { ...(await runActionInProcess(() => validateAction(), { report: reportPath, ...inputs })), reportPath };
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('validate action, in process with the real @actions/core', () => {
  it('passes good data and sets its outputs and summary', async () => {
    const step = await runInProcess({ data: join(root, 'examples/churn/data/train.csv'), contract: join(root, contract) });
    expect(step.exitCode).toBe(0);
    expect(step.outputs).toMatchObject({ ok: 'true', rows: '4000', report: step.reportPath });
    expect(step.summary).toContain('Data contract passed');
  });

  it('fails broken data with a table of failed checks first and annotations at the contract lines', async () => {
    const step = await runInProcess({ data: join(root, 'examples/churn/data/train-broken.csv'), contract: join(root, contract) });
    expect(step.exitCode).toBe(1);
    expect(step.outputs.ok).toBe('false');
    expect(step.summary.indexOf('| error | plan | allowed |')).toBeGreaterThan(0);
    expect(step.summary.indexOf('| error |')).toBeLessThan(step.summary.indexOf('Passed checks'));
    const errors = step.stdout.split('\n').filter((line) => line.startsWith('::error '));
    expect(errors.length).toBeGreaterThan(3);
    expect(errors.length).toBeLessThanOrEqual(10);
    // The `allowed` rule of `plan` is on line 17 of the example contract.
    expect(errors.some((line) => line.includes(`file=${join(root, contract)},line=17,`) && line.includes('title=plan%3A allowed'))).toBe(true);
    expect(step.stdout).toContain('::error::');
  });

  it('fails with a clear message and no stack for a missing file', async () => {
    const step = await runInProcess({ data: join(root, 'examples/churn/data/nope.csv'), contract: join(root, contract) });
    expect(step.exitCode).toBe(1);
    const failure = step.stdout.split('\n').find((line) => line.startsWith('::error::')) ?? '';
    expect(failure).toContain('nope.csv');
    expect(failure).not.toContain('    at ');
  });

  it('rejects an unknown fail-on value', async () => {
    const step = await runInProcess({ data: join(root, 'examples/churn/data/train.csv'), contract: join(root, contract), 'fail-on': 'sometimes' });
    expect(step.exitCode).toBe(1);
    expect(step.stdout).toContain("input 'fail-on' must be one of error, warn, never; got 'sometimes'");
  });
});

describe('validate action, the committed bundle spawned as a runner would', () => {
  it('runs dist/index.js and fails on the broken example', async () => {
    const report = join(await mkdtemp(join(tmpdir(), 'tollgate-report-')), 'report.json');
    const inputs = { data: 'examples/churn/data/train-broken.csv', contract, report };
    const step = await runBundledAction(join(root, 'actions/validate/dist/index.js'), inputs, { cwd: root });
    expect(step.exitCode).toBe(1);
    expect(step.outputs.ok).toBe('false');
    expect(step.outputs.rows).toBe('4000');
    expect(step.stdout).toMatch(/::error title=[^,]*,file=examples\/churn\/contract\.yml,line=\d+,col=\d+::/);
  });
});
