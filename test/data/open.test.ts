import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeFile } from '../../shared/data/format.js';
import { detectFormat, openTable } from '../../shared/data/index.js';
import { expectInputError, fixture, readAll, tempDir } from './helpers.js';

const temp = tempDir();
afterAll(() => temp.cleanup());

describe('detectFormat', () => {
  it.each([
    ['data.csv', 'csv'],
    ['DATA.CSV', 'csv'],
    ['a/b/data.tsv', 'csv'],
    ['notes.txt', 'csv'],
    ['x.jsonl', 'jsonl'],
    ['x.ndjson', 'jsonl'],
    ['x.parquet', 'parquet'],
    ['x.arrow', 'arrow'],
    ['x.feather', 'arrow'],
    ['x.ipc', 'arrow'],
    ['x.csv.gz', 'csv'],
    ['x.jsonl.gz', 'jsonl'],
  ])('%s is %s', (path, format) => {
    expect(detectFormat(path)).toBe(format);
  });

  it('says which text files are compressed or tab-separated', () => {
    expect(describeFile('x.tsv.gz')).toEqual({ format: 'csv', gzip: true, tabSeparated: true });
    expect(describeFile('x.csv')).toEqual({ format: 'csv', gzip: false, tabSeparated: false });
    expect(describeFile('dump.gz', 'jsonl')).toEqual({ format: 'jsonl', gzip: true, tabSeparated: false });
    expect(describeFile('data.bin', 'parquet').format).toBe('parquet');
  });

  it('rejects unknown extensions and gzip around binary formats', () => {
    expect(() => detectFormat('data.xlsx')).toThrow(/unknown file type/);
    expect(() => detectFormat('README')).toThrow(/unknown file type/);
    expect(() => detectFormat('x.parquet.gz')).toThrow(/cannot be streamed/);
  });
});

describe('openTable', () => {
  it('refuses a column named __proto__ with a clear error in every text format (it used to vanish or crash the profile)', async () => {
    const csv = temp.write('proto.csv', 'a,__proto__\n1,x\n');
    await expectInputError(() => openTable(csv), { file: csv, line: 1, message: /column 2 is named "__proto__", a name Tollgate cannot hold .*rename the column/ });
    const jsonl = temp.write('proto.jsonl', '{"a":1,"__proto__":"x"}\n');
    await expectInputError(() => openTable(jsonl), { file: jsonl, message: /column 2 is named "__proto__"/ });
  });

  it('reads by an explicit format whatever the name', async () => {
    const path = temp.write('data.unknown', 'a,b\n1,2\n');
    await expectInputError(() => openTable(path), { file: path, message: /unknown file type/ });
    expect((await readAll(await openTable(path, { format: 'csv' }))).columns).toEqual({ a: [1], b: [2] });
  });

  it('reports a missing file and a directory', async () => {
    const missing = join(temp.dir, 'nope.csv');
    await expectInputError(() => openTable(missing), { file: missing, message: /no such file/ });
    const dir = join(temp.dir, 'folder.csv');
    mkdirSync(dir);
    await expectInputError(() => openTable(dir), { file: dir, message: /is a directory; expected a data file/ });
  });

  it('can be iterated once only', async () => {
    const reader = await openTable(fixture('cities.tsv'));
    await readAll(reader);
    await expect(async () => {
      for await (const _batch of reader) break;
    }).rejects.toThrow(/iterated once/);
  });
});
