import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LINEAGE_SCHEMA, TOLLGATE_VERSION, formatLineage, parseLineage, readLineage, writeLineage, type Lineage } from '../../shared/lineage/index.js';
import { InputError } from '../../shared/errors/index.js';
import { makeDirectory, removeDirectory, writeFiles } from './git-fixture.js';

const directory = makeDirectory();
afterAll(() => removeDirectory(directory));

const lineage: Lineage = {
  schema: LINEAGE_SCHEMA,
  tollgate_version: TOLLGATE_VERSION,
  key: 'a'.repeat(64),
  cache: { status: 'miss' },
  git: { commit: 'b'.repeat(40), dirty: false },
  workdir: '.',
  command: ['node', 'train.mjs'],
  params: { file: 'params.yaml', values: { lr: 0.5 } },
  seed: 42,
  data: [{ path: 'data/train.csv', kind: 'file', sha256: 'c'.repeat(64), size: 10, rows: 2 }],
  code: { source: 'git', paths: ['.'], files: 3, digest: 'd'.repeat(64) },
  environment: { os: { platform: 'linux', release: '6', arch: 'x64' }, runtimes: { node: '20.0.0', python: null }, lock_files: [] },
  started_at: '2026-01-01T00:00:00.000Z',
  ended_at: '2026-01-01T00:00:01.500Z',
  duration_s: 1.5,
  exit_code: 0,
  run_url: null,
  outputs: [{ path: 'model.json', sha256: 'e'.repeat(64), size: 5 }],
  metrics: { file: 'metrics.json', values: { auc: 0.8, folds: [0.7, 0.9], by_plan: { basic: { auc: 0.75 } } } },
};

describe('lineage documents', () => {
  it('round-trip through write and read, leaving no temporary file behind', async () => {
    const path = join(directory, 'out', 'lineage.json');
    await writeLineage(path, lineage);
    expect(readFileSync(path, 'utf8')).toBe(formatLineage(lineage));
    expect(formatLineage(lineage).endsWith('}\n')).toBe(true);
    expect(await readLineage(path)).toEqual(lineage);
    expect(readdirSync(join(directory, 'out'))).toEqual(['lineage.json']);
  });

  it('carry the v1 schema name and the package version', () => {
    expect(LINEAGE_SCHEMA).toBe('tollgate.lineage/v1');
    expect(TOLLGATE_VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('refuse another schema or a malformed field, naming it', () => {
    expect(() => parseLineage({ ...lineage, schema: 'tollgate.lineage/v2' }, 'x.json')).toThrow(/^x\.json: not a tollgate\.lineage\/v1 document: schema: /);
    expect(() => parseLineage({ ...lineage, key: 'short' }, 'x.json')).toThrow(/key: /);
  });

  it('report invalid JSON with the file name', async () => {
    writeFiles(directory, { 'broken.json': '{"schema": ' });
    const error = await readLineage(join(directory, 'broken.json'), 'broken.json').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^broken\.json: invalid JSON/);
  });
});
