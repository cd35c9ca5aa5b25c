import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openTable } from '../../../shared/data/index.js';
import { expectInputError, fixture, invalidRows, readAll, tempDir, typesOf } from '../helpers.js';

const temp = tempDir();
afterAll(() => temp.cleanup());

describe('JSON lines', () => {
  it('reads one object per line: schema from the union of keys, nested values as JSON text', async () => {
    const reader = await openTable(fixture('people.jsonl'));
    expect(reader.format).toBe('jsonl');
    expect(reader.schema.fields).toEqual([
      { name: 'id', type: 'integer' },
      { name: 'name', type: 'string' },
      { name: 'score', type: 'float' },
      { name: 'active', type: 'boolean' },
      { name: 'joined', type: 'date' },
      { name: 'tags', type: 'string' },
    ]);
    const result = await readAll(reader);
    expect(result.columns).toEqual({
      id: [1, 2, 3],
      name: ['Ada', 'Bob', 'Ada'],
      score: [3.5, null, 4],
      active: [true, false, true],
      joined: [Date.parse('2024-01-02T00:00:00Z'), Date.parse('2024-02-29T00:00:00Z'), Date.parse('2024-03-01T00:00:00Z')],
      tags: ['["x","y"]', null, '{"k":1}'],
    });
    // Line 3 is blank: not a row.
    expect(result.lines).toEqual([1, 2, 4]);
  });

  it('keeps numeric-looking strings as text and reads mixed kinds as text', async () => {
    const path = temp.write('mixed.jsonl', '{"zip":"02134","v":1}\n{"zip":"10001","v":"two"}\n');
    expect(await typesOf(path)).toEqual(['string', 'string']);
    expect((await readAll(await openTable(path))).columns).toEqual({ zip: ['02134', '10001'], v: ['1', 'two'] });
  });

  it('marks values after the sample that do not fit as invalid', async () => {
    const path = temp.write('late.jsonl', '{"n":1}\n{"n":2}\n{"n":"3"}\n{"n":"x"}\n{"n":2.5}\n{"n":true}\n');
    const reader = await openTable(path, { inferenceRows: 2 });
    expect(reader.schema.fields).toEqual([{ name: 'n', type: 'integer' }]);
    const result = await readAll(reader);
    expect(result.columns.n).toEqual([1, 2, 3, null, null, null]);
    expect(invalidRows(result, 'n')).toEqual([3, 4, 5]);
    expect(reader.invalidCounts).toEqual({ n: 3 });
    expect(reader.invalidExamples.map((example) => [example.row, example.line, example.text])).toEqual([
      [3, 4, 'x'],
      [4, 5, '2.5'],
      [5, 6, 'true'],
    ]);
  });

  it('a number in a date or datetime column is invalid, not epoch milliseconds', async () => {
    const path = temp.write('dates.jsonl', '{"d":"2024-01-01","t":"2024-01-01T10:00:00Z"}\n{"d":"2024-01-02","t":"2024-01-02T10:00:00Z"}\n{"d":20240103,"t":1704103200}\n');
    const reader = await openTable(path, { inferenceRows: 2 });
    expect(reader.schema.fields.map((field) => field.type)).toEqual(['date', 'datetime']);
    const result = await readAll(reader);
    expect(invalidRows(result, 'd')).toEqual([2]);
    expect(invalidRows(result, 't')).toEqual([2]);
    expect(reader.invalidExamples.map((example) => example.text)).toEqual(['20240103', '1704103200']);
  });

  it('applies declared types, including keys the sample lacks', async () => {
    const path = temp.write('declared.jsonl', '{"a":"yes"}\n{"a":"no","late":5}\n');
    const reader = await openTable(path, { inferenceRows: 1, types: { a: 'boolean', late: 'float' } });
    expect(reader.schema.fields).toEqual([
      { name: 'a', type: 'boolean' },
      { name: 'late', type: 'float' },
    ]);
    expect((await readAll(reader)).columns).toEqual({ a: [true, false], late: [null, 5] });
  });

  it('reads strings listed in nullValues as null', async () => {
    const path = temp.write('na.jsonl', '{"x":"NA","y":1}\n{"x":"2024-01-01","y":"NA"}\n');
    const reader = await openTable(path, { nullValues: ['NA'] });
    expect(reader.schema.fields.map((field) => field.type)).toEqual(['date', 'integer']);
    expect((await readAll(reader)).columns).toEqual({ x: [null, Date.parse('2024-01-01T00:00:00Z')], y: [1, null] });
    expect(reader.invalidCounts).toEqual({ x: 0, y: 0 });
  });

  it('reads .jsonl.gz and CRLF lines with a BOM', async () => {
    const path = temp.write('data.ndjson.gz', gzipSync('\uFEFF{"a":1}\r\n{"a":2}\r\n'));
    expect((await readAll(await openTable(path))).columns).toEqual({ a: [1, 2] });
  });

  it('reports a key first seen after the sample with its line', async () => {
    const path = temp.write('new-key.jsonl', '{"a":1}\n{"a":2}\n{"a":3,"b":4}\n');
    await expectInputError(async () => readAll(await openTable(path, { inferenceRows: 2 })), { file: path, line: 3, message: /key "b" first appears after the rows used to infer the schema/ });
  });

  it('reports invalid JSON, non-objects, invalid UTF-8 and empty files', async () => {
    await expectInputError(() => openTable(temp.write('bad.jsonl', '{"a":1}\n{"a":\n')), { line: 2, message: /invalid JSON .*expected one JSON object per line/ });
    await expectInputError(() => openTable(temp.write('array.jsonl', '[1,2]\n')), { line: 1, message: /expected a JSON object, got an array/ });
    const bytes = Buffer.concat([Buffer.from('{"a":"ok"}\n{"a":"x'), Buffer.from([0xe2, 0x28, 0xa1]), Buffer.from('"}\n')]);
    await expectInputError(() => openTable(temp.write('utf8.jsonl', bytes)), { line: 2, column: 8, message: /invalid UTF-8/ });
    await expectInputError(() => openTable(temp.write('empty.jsonl', '')), { message: /empty; expected one JSON object per line/ });
  });
});
