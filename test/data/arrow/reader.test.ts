import {
  Binary,
  Bool,
  CompressionType,
  DateDay,
  DateMillisecond,
  Dictionary,
  Field,
  Float16,
  Float32,
  Float64,
  Int32,
  Int64,
  Int8,
  List,
  Table,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimeMillisecond,
  TimeNanosecond,
  TimestampSecond,
  Uint32,
  Utf8,
  compressionRegistry,
  tableToIPC,
  vectorFromArray,
} from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decompressLz4Frame, registerArrowCodecs } from '../../../shared/data/arrow/codecs.js';
import { openTable } from '../../../shared/data/index.js';
import { expectInputError, invalidRows, readAll, tempDir } from '../helpers.js';

const temp = tempDir();
afterAll(() => temp.cleanup());

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);
const colors = ['red', 'blue', 'red', null, 'blue', 'red'];

/** Two record batches of three rows each, covering the types the reader maps. */
function sampleTable(): Table {
  const whole = (from: number): Table =>
    new Table({
      i8: vectorFromArray([1, null, -3, 4, 5, 6].slice(from, from + 6), new Int8()),
      u32: vectorFromArray([4000000000, 1, 2, 3, 4, 5].slice(from, from + 6), new Uint32()),
      i64: vectorFromArray([1n, 2n, null, -4n, 9007199254740993n, 6n].slice(from, from + 6), new Int64()),
      f64: vectorFromArray([1.5, null, NaN, -0.25, 1e300, 6].slice(from, from + 6), new Float64()),
      f32: vectorFromArray([0.5, 1, 2, 3, 4, 5].slice(from, from + 6), new Float32()),
      f16: vectorFromArray([1.5, -2, 0.25, 65504, null, 0].slice(from, from + 6), new Float16()),
      flag: vectorFromArray([true, false, null, true, true, false].slice(from, from + 6), new Bool()),
      color: vectorFromArray(colors.slice(from, from + 6), new Utf8()),
      note: vectorFromArray(['α', 'b', 'c', 'd', 'e', null].slice(from, from + 6), new Utf8()),
      tier: vectorFromArray(['gold', null, 'silver', 'gold', 'gold', 'silver'].slice(from, from + 6), new Dictionary(new Utf8(), new Int32())),
      d32: vectorFromArray([new Date(day('2024-01-01')), null, new Date(day('2024-02-29')), new Date(day('1969-12-31')), new Date(day('2000-01-01')), new Date(day('2024-03-01'))].slice(from, from + 6), new DateDay()),
      d64: vectorFromArray([new Date(day('2024-01-01')), new Date(day('2024-01-02')), null, new Date(day('2024-01-04')), new Date(day('2024-01-05')), new Date(day('2024-01-06'))].slice(from, from + 6), new DateMillisecond()),
      ts_ms: vectorFromArray([Date.UTC(2024, 0, 1, 5), null, 1500, 0, -1000, 86_400_000].slice(from, from + 6), new TimestampMillisecond()),
      ts_us: vectorFromArray([Date.UTC(2024, 0, 1, 5), 1, 2, 3, 4, 5].slice(from, from + 6), new TimestampMicrosecond()),
      ts_s: vectorFromArray([Date.UTC(2024, 0, 1, 5), 2000, 3000, 4000, 5000, 6000].slice(from, from + 6), new TimestampSecond()),
      list: vectorFromArray([[1, 2], null, [], [3], [4, 5], [6]].slice(from, from + 6), new List(new Field('item', new Int32(), true))),
    });
  const table = whole(0);
  // Two batches sharing one dictionary (the file format allows no replacement).
  return new Table([...table.slice(0, 3).batches, ...table.slice(3).batches]);
}

/** An LZ4 frame holding `data` as one literal-only compressed block. */
function lz4Frame(data: Uint8Array): Uint8Array {
  const block: number[] = [];
  const length = data.length;
  block.push(Math.min(length, 15) << 4);
  if (length >= 15) {
    let rest = length - 15;
    while (rest >= 255) {
      block.push(255);
      rest -= 255;
    }
    block.push(rest);
  }
  const body = Uint8Array.from([...block, ...data]);
  const size = new Uint8Array(4);
  new DataView(size.buffer).setUint32(0, body.length, true);
  return Uint8Array.from([0x04, 0x22, 0x4d, 0x18, 0x60, 0x70, 0x00, ...size, ...body, 0, 0, 0, 0]);
}

/** A ZSTD frame holding `data` as one raw block. */
function zstdRawFrame(data: Uint8Array): Uint8Array {
  const header = [0x28, 0xb5, 0x2f, 0xfd, 0xa0];
  const contentSize = new Uint8Array(4);
  new DataView(contentSize.buffer).setUint32(0, data.length, true);
  const blockHeader = (data.length << 3) | 1;
  return Uint8Array.from([...header, ...contentSize, blockHeader & 0xff, (blockHeader >> 8) & 0xff, (blockHeader >> 16) & 0xff, ...data]);
}

let filePath = '';
let streamPath = '';
beforeAll(() => {
  const table = sampleTable();
  filePath = temp.write('sample.arrow', tableToIPC(table, 'file'));
  streamPath = temp.write('sample.arrows', tableToIPC(table, 'stream'));
});

describe('Arrow IPC', () => {
  const expectSample = async (path: string): Promise<void> => {
    const reader = await openTable(path);
    expect(reader.format).toBe('arrow');
    expect(reader.schema.fields).toEqual([
      { name: 'i8', type: 'integer' },
      { name: 'u32', type: 'integer' },
      { name: 'i64', type: 'integer' },
      { name: 'f64', type: 'float' },
      { name: 'f32', type: 'float' },
      { name: 'f16', type: 'float' },
      { name: 'flag', type: 'boolean' },
      { name: 'color', type: 'string' },
      { name: 'note', type: 'string' },
      { name: 'tier', type: 'category' },
      { name: 'd32', type: 'date' },
      { name: 'd64', type: 'date' },
      { name: 'ts_ms', type: 'datetime' },
      { name: 'ts_us', type: 'datetime' },
      { name: 'ts_s', type: 'datetime' },
      { name: 'list', type: 'string' },
    ]);
    const result = await readAll(reader);
    expect(result.batches.map((batch) => batch.length)).toEqual([3, 3]);
    expect(result.columns).toEqual({
      i8: [1, null, -3, 4, 5, 6],
      u32: [4000000000, 1, 2, 3, 4, 5],
      i64: [1, 2, null, -4, 9007199254740992, 6],
      f64: [1.5, null, null, -0.25, 1e300, 6],
      f32: [0.5, 1, 2, 3, 4, 5],
      f16: [1.5, -2, 0.25, 65504, null, 0],
      flag: [true, false, null, true, true, false],
      color: colors,
      note: ['α', 'b', 'c', 'd', 'e', null],
      tier: ['gold', null, 'silver', 'gold', 'gold', 'silver'],
      d32: [day('2024-01-01'), null, day('2024-02-29'), day('1969-12-31'), day('2000-01-01'), day('2024-03-01')],
      d64: [day('2024-01-01'), day('2024-01-02'), null, day('2024-01-04'), day('2024-01-05'), day('2024-01-06')],
      ts_ms: [Date.UTC(2024, 0, 1, 5), null, 1500, 0, -1000, 86_400_000],
      ts_us: [Date.UTC(2024, 0, 1, 5), 1, 2, 3, 4, 5],
      ts_s: [Date.UTC(2024, 0, 1, 5), 2000, 3000, 4000, 5000, 6000],
      list: ['[1,2]', null, '[]', '[3]', '[4,5]', '[6]'],
    });
    expect(result.lines).toEqual([]);
  };

  it('reads the file format (Feather v2) with every mapped type', async () => {
    await expectSample(filePath);
  });

  it('reads the stream format', async () => {
    await expectSample(streamPath);
  });

  it('reads times of day as clock times and binary values as hex', async () => {
    const table = new Table({
      ms: vectorFromArray([45_296_789, null, 0], new TimeMillisecond()),
      ns: vectorFromArray([45_296_000_000_001n, 1n, 86_399_999_999_999n], new TimeNanosecond()),
      bytes: vectorFromArray([new Uint8Array([0x62, 0x6c]), null, new Uint8Array([0x00, 0xff])], new Binary()),
    });
    const result = await readAll(await openTable(temp.write('times.arrow', tableToIPC(table, 'file'))));
    expect(result.columns.ms).toEqual(['12:34:56.789', null, '00:00:00.000']);
    expect(result.columns.ns).toEqual(['12:34:56.000000001', '00:00:00.000000001', '23:59:59.999999999']);
    expect(result.columns.bytes).toEqual(['626c', null, '00ff']);
  });

  it('infers category for a repetitive UTF-8 column from the first batch', async () => {
    const table = new Table({ c: vectorFromArray(['a', 'b', 'a', 'b', 'a', 'a'], new Utf8()) });
    const reader = await openTable(temp.write('cat.feather', tableToIPC(table, 'file')));
    expect(reader.schema.fields).toEqual([{ name: 'c', type: 'category' }]);
    const result = await readAll(reader);
    expect(result.columns.c).toEqual(['a', 'b', 'a', 'b', 'a', 'a']);
    const column = result.batches[0].columns[0];
    expect(column.kind === 'string' && [...column.codes]).toEqual([0, 1, 0, 1, 0, 0]);
  });

  it('splits record batches larger than batchSize', async () => {
    const reader = await openTable(filePath, { batchSize: 2 });
    const result = await readAll(reader);
    expect(result.batches.map((batch) => [batch.rowOffset, batch.length])).toEqual([
      [0, 2],
      [2, 1],
      [3, 2],
      [5, 1],
    ]);
    expect(result.columns.i8).toEqual([1, null, -3, 4, 5, 6]);
  });

  it('applies declared types and marks what does not coerce', async () => {
    const reader = await openTable(filePath, { types: { f64: 'integer', i8: 'string', d32: 'string', tier: 'string', flag: 'integer' } });
    expect(reader.schema.fields.filter((field) => ['f64', 'i8', 'd32', 'tier', 'flag'].includes(field.name))).toEqual([
      { name: 'i8', type: 'string' },
      { name: 'f64', type: 'integer' },
      { name: 'flag', type: 'integer' },
      { name: 'tier', type: 'string' },
      { name: 'd32', type: 'string' },
    ]);
    const result = await readAll(reader);
    expect(result.columns.i8).toEqual(['1', null, '-3', '4', '5', '6']);
    expect(result.columns.d32).toEqual(['2024-01-01', null, '2024-02-29', '1969-12-31', '2000-01-01', '2024-03-01']);
    expect(result.columns.f64).toEqual([null, null, null, null, 1e300, 6]);
    expect(invalidRows(result, 'f64')).toEqual([0, 3]);
    expect(result.columns.flag).toEqual([null, null, null, null, null, null]);
    expect(reader.invalidCounts.f64).toBe(2);
    expect(reader.invalidCounts.flag).toBe(5);
    expect(reader.invalidExamples[0]).toEqual({ row: 0, column: 'f64', expected: 'integer', text: '1.5' });
  });

  it('reads LZ4-frame and ZSTD compressed files', async () => {
    registerArrowCodecs();
    const table = new Table({ x: vectorFromArray([1.5, 2.5, null], new Float64()), s: vectorFromArray(['a', 'b', 'a'], new Utf8()) });
    const lz4 = compressionRegistry.get(CompressionType.LZ4_FRAME);
    const zstd = compressionRegistry.get(CompressionType.ZSTD);
    try {
      compressionRegistry.set(CompressionType.LZ4_FRAME, { encode: lz4Frame, decode: decompressLz4Frame });
      const lz4Path = temp.write('lz4.feather', tableToIPC(table, 'file', CompressionType.LZ4_FRAME));
      compressionRegistry.set(CompressionType.ZSTD, { encode: zstdRawFrame, decode: zstd?.decode });
      const zstdPath = temp.write('zstd.feather', tableToIPC(table, 'file', CompressionType.ZSTD));
      for (const path of [lz4Path, zstdPath]) {
        expect((await readAll(await openTable(path))).columns).toEqual({ x: [1.5, 2.5, null], s: ['a', 'b', 'a'] });
      }
    } finally {
      if (lz4) compressionRegistry.set(CompressionType.LZ4_FRAME, lz4);
      if (zstd) compressionRegistry.set(CompressionType.ZSTD, zstd);
    }
  });

  it('reads an empty table as a schema with no rows', async () => {
    const empty = new Table({ x: vectorFromArray([], new Float64()) });
    const reader = await openTable(temp.write('empty-table.arrow', tableToIPC(empty, 'file')));
    expect(reader.schema.fields).toEqual([{ name: 'x', type: 'float' }]);
    expect((await readAll(reader)).rows).toBe(0);
  });

  it('reports files that are not Arrow IPC', async () => {
    await expectInputError(() => openTable(temp.write('junk.arrow', 'hello, this is text')), { message: /not an Arrow IPC file/ });
    await expectInputError(() => openTable(temp.write('zero.feather', '')), { message: /empty; expected an Arrow IPC/ });
    const bytes = tableToIPC(sampleTable(), 'file');
    const truncated = temp.write('truncated.arrow', bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectInputError(async () => readAll(await openTable(truncated)), { file: truncated, message: /not a readable Arrow IPC file/ });
  });
});

describe('decompressLz4Frame', () => {
  it('decodes literals and overlapping matches', () => {
    // "abc", then a match of 6 at offset 3, then the literal "X".
    const block = [0x32, 0x61, 0x62, 0x63, 0x03, 0x00, 0x10, 0x58];
    const frame = Uint8Array.from([0x04, 0x22, 0x4d, 0x18, 0x60, 0x70, 0x00, block.length, 0, 0, 0, ...block, 0, 0, 0, 0]);
    expect(Buffer.from(decompressLz4Frame(frame)).toString()).toBe('abcabcabcX');
  });

  it('decodes uncompressed blocks and rejects a bad offset', () => {
    const frame = Uint8Array.from([0x04, 0x22, 0x4d, 0x18, 0x60, 0x70, 0x00, 2, 0, 0, 0x80, 0x68, 0x69, 0, 0, 0, 0]);
    expect(Buffer.from(decompressLz4Frame(frame)).toString()).toBe('hi');
    const bad = Uint8Array.from([0x04, 0x22, 0x4d, 0x18, 0x60, 0x70, 0x00, 4, 0, 0, 0, 0x10, 0x61, 0x09, 0x00, 0, 0, 0, 0]);
    expect(() => decompressLz4Frame(bad)).toThrow(/offset/);
  });
});
