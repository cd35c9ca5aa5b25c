import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openCsvRange, openTable, splitCsvRanges, type ColumnType } from '../../../shared/data/index.js';
import { UsageError } from '../../../shared/errors/index.js';
import { readAll, tempDir, type Cell } from '../helpers.js';

const temp = tempDir();
afterAll(() => temp.cleanup());

const header = 'id,name,score\n';
const plainRows = Array.from({ length: 200 }, (_, i) => `${i},name${i % 7},${(i * 0.5).toFixed(1)}\n`);
const quotedRows = Array.from({ length: 200 }, (_, i) => `${i},"line ${i}\nmore ""${i}""",${i}\n`);

/** Reads every range in order and joins the columns. */
async function readRanges(path: string, ranges: { start: number; end: number }[], types: Record<string, ColumnType>): Promise<{ columns: Record<string, Cell[]>; lines: number[][] }> {
  const columns: Record<string, Cell[]> = { id: [], name: [], score: [] };
  const lines: number[][] = [];
  for (const range of ranges) {
    const result = await readAll(await openCsvRange(path, range, { types }));
    for (const name of Object.keys(columns)) columns[name].push(...result.columns[name]);
    lines.push(result.lines);
  }
  return { columns, lines };
}

async function schemaTypes(path: string): Promise<Record<string, ColumnType>> {
  const reader = await openTable(path);
  await reader.close();
  return Object.fromEntries(reader.schema.fields.map((field) => [field.name, field.type]));
}

describe('splitCsvRanges', () => {
  it('splits the data rows into contiguous ranges on line boundaries', async () => {
    const text = header + plainRows.join('');
    const path = temp.write('plain.csv', text);
    const ranges = await splitCsvRanges(path, 3);
    expect(ranges).toHaveLength(3);
    expect(ranges[0].start).toBe(header.length);
    expect(ranges[2].end).toBe(Buffer.byteLength(text));
    for (let i = 1; i < ranges.length; i++) {
      expect(ranges[i].start).toBe(ranges[i - 1].end);
      expect(text[ranges[i].start - 1]).toBe('\n');
    }
    const whole = await readAll(await openTable(path));
    const parts = await readRanges(path, ranges, await schemaTypes(path));
    expect(parts.columns).toEqual(whole.columns);
    // Lines count from each range's start.
    expect(parts.lines.map((lines) => lines[0])).toEqual([1, 1, 1]);
    expect(parts.lines.flat()).toHaveLength(200);
  });

  it('finds true record boundaries when quoted fields hold line breaks (quotedNewlines)', async () => {
    const path = temp.write('quoted.csv', header + quotedRows.join(''));
    const ranges = await splitCsvRanges(path, 4, { quotedNewlines: true });
    expect(ranges).toHaveLength(4);
    const whole = await readAll(await openTable(path));
    const parts = await readRanges(path, ranges, await schemaTypes(path));
    expect(parts.columns).toEqual(whole.columns);
    expect(parts.lines.map((lines) => lines.slice(0, 2))).toEqual([
      [1, 3],
      [1, 3],
      [1, 3],
      [1, 3],
    ]);
  });

  it('documents why the flag exists: resyncing at the next line feed can land inside a quoted field', async () => {
    const path = temp.write('quoted-naive.csv', header + quotedRows.join(''));
    const ranges = await splitCsvRanges(path, 4);
    const whole = await readAll(await openTable(path));
    const parts = await readRanges(path, ranges, await schemaTypes(path)).catch((error: Error) => error);
    expect(parts instanceof Error ? parts.message : parts.columns).not.toEqual(whole.columns);
  });

  it('returns fewer ranges than asked for a tiny file, one range for parts = 1', async () => {
    const path = temp.write('tiny.csv', `${header}1,a,2\n`);
    expect(await splitCsvRanges(path, 8)).toEqual([{ start: header.length, end: header.length + 6 }]);
    expect(await splitCsvRanges(temp.write('big.csv', header + plainRows.join('')), 1)).toHaveLength(1);
  });

  it('refuses gzip files and bad part counts', async () => {
    const path = temp.write('x.csv.gz', gzipSync(header));
    await expect(splitCsvRanges(path, 2)).rejects.toBeInstanceOf(UsageError);
    await expect(splitCsvRanges(temp.write('y.csv', header), 0)).rejects.toBeInstanceOf(UsageError);
  });
});
