/**
 * Fixtures made by test/data/fixtures/make_parquet.py (a standard-library
 * Parquet writer; the expected values below are the script's COLUMNS).
 */
import { describe, expect, it } from 'vitest';
import { openTable } from '../../../shared/data/index.js';
import { expectInputError, fixture, invalidRows, readAll, typesOf } from '../helpers.js';

const MS_2024_01_01 = Date.UTC(2024, 0, 1);
const DAY = 86_400_000;

const expected = {
  id: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  score: [1.5, null, -2.25, 3.0, 1e-7, null, 123456.789, 0.1, -8.0, 42.0],
  count: [1, 2, null, 4, 5, 6, 7, null, 9, 10],
  flag: [true, false, null, true, true, false, null, true, false, true],
  color: ['red', 'blue', 'red', 'red', 'blue', 'red', null, 'blue', 'red', 'green'],
  note: ['α', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', null],
  day: Array.from({ length: 10 }, (_, i) => (i === 4 ? null : MS_2024_01_01 + i * DAY)),
  at: Array.from({ length: 10 }, (_, i) => (i === 7 ? null : MS_2024_01_01 + i * 3_600_000)),
  at_us: Array.from({ length: 10 }, (_, i) => MS_2024_01_01 + i * 1.5),
};

describe('Parquet', () => {
  it('reads row groups, nulls, dictionary pages and every mapped type', async () => {
    const reader = await openTable(fixture('basic.parquet'));
    expect(reader.format).toBe('parquet');
    expect(reader.schema.fields).toEqual([
      { name: 'id', type: 'integer' },
      { name: 'score', type: 'float' },
      { name: 'count', type: 'integer' },
      { name: 'flag', type: 'boolean' },
      { name: 'color', type: 'category' },
      { name: 'note', type: 'string' },
      { name: 'day', type: 'date' },
      { name: 'at', type: 'datetime' },
      { name: 'at_us', type: 'datetime' },
    ]);
    const result = await readAll(reader);
    expect(result.columns).toEqual(expected);
    // Two row groups (6 + 4 rows): batches never straddle a group.
    expect(result.batches.map((batch) => batch.length)).toEqual([6, 4]);
  });

  it('reads DECIMAL values as the double nearest the decimal (1.15, not 1.1500000000000001)', async () => {
    const reader = await openTable(fixture('decimal.parquet'));
    expect(reader.schema.fields).toEqual([
      { name: 'price', type: 'float' },
      { name: 'amount', type: 'float' },
    ]);
    const result = await readAll(reader);
    // Exact equality with the literals: each is the double nearest its decimal text.
    expect(result.columns.price).toEqual([1.15, 0.29, 4.35, -1.05]);
    expect(result.columns.amount).toEqual([1234567.891, -0.001, 0.1, null]);
  });

  it('reads TIME values as clock times (not a count of microseconds)', async () => {
    const reader = await openTable(fixture('time.parquet'));
    expect(reader.schema.fields).toEqual([{ name: 'clock', type: 'string' }]);
    expect((await readAll(reader)).columns.clock).toEqual(['12:34:56.789012', null, '00:00:00.000000', '23:59:59.999999']);
  });

  it('reads GZIP and SNAPPY compressed pages', async () => {
    for (const name of ['gzip.parquet', 'snappy.parquet']) {
      expect((await readAll(await openTable(fixture(name)))).columns).toEqual(expected);
    }
  });

  it('infers category from the first row group only', async () => {
    // snappy.parquet's first group holds 3 rows: red, blue, red (2 distinct, too few repeats).
    expect(await typesOf(fixture('snappy.parquet'))).toContain('string');
    expect((await typesOf(fixture('gzip.parquet')))[4]).toBe('category');
  });

  it('cuts row groups into batches of batchSize', async () => {
    const result = await readAll(await openTable(fixture('basic.parquet'), { batchSize: 4 }));
    expect(result.batches.map((batch) => [batch.rowOffset, batch.length])).toEqual([
      [0, 4],
      [4, 2],
      [6, 4],
    ]);
    expect(result.columns.id).toEqual(expected.id);
  });

  it('applies declared types and marks values that do not coerce', async () => {
    const reader = await openTable(fixture('basic.parquet'), { types: { score: 'integer', id: 'string', color: 'string', day: 'datetime' } });
    expect(reader.schema.fields.map((field) => field.type)).toEqual(['string', 'integer', 'integer', 'boolean', 'string', 'string', 'datetime', 'datetime', 'datetime']);
    const result = await readAll(reader);
    expect(result.columns.id).toEqual(expected.id.map(String));
    expect(result.columns.color).toEqual(expected.color);
    expect(result.columns.day).toEqual(expected.day);
    expect(result.columns.score).toEqual([null, null, null, 3, null, null, null, null, -8, 42]);
    expect(invalidRows(result, 'score')).toEqual([0, 2, 4, 6, 7]);
    expect(reader.invalidCounts.score).toBe(5);
  });

  it('reports files that are not Parquet', async () => {
    const truncated = fixture('truncated.parquet');
    await expectInputError(() => openTable(truncated), { file: truncated, message: /no PAR1 magic/ });
    const badFooter = fixture('bad-footer.parquet');
    await expectInputError(() => openTable(badFooter), { file: badFooter, message: /not a readable Parquet file/ });
    await expectInputError(() => openTable(fixture('people.csv'), { format: 'parquet' }), { message: /no PAR1 magic/ });
    await expectInputError(() => openTable(fixture('empty.csv'), { format: 'parquet' }), { message: /empty; expected a Parquet file/ });
  });
});
