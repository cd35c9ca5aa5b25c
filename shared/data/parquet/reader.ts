/**
 * Parquet `TableReader` on hyparquet: one row group at a time (memory is
 * bounded by a row group, not the file), all its columns decoded together,
 * then handed out in batches.
 *
 * Types: BOOLEAN is boolean; INT32/INT64 (and INTEGER annotations) integer,
 * 64-bit values as the nearest double; FLOAT/DOUBLE/DECIMAL/FLOAT16 float;
 * DATE date; TIMESTAMP (ms, us, ns) and INT96 datetime, as epoch ms UTC;
 * strings (UTF8/STRING/ENUM, unannotated BYTE_ARRAY) category or string by
 * the usual rule on the first row group; anything else (lists, structs, maps,
 * JSON, UUID, ...) the JSON text of each value.
 */
import { valueText } from '../value-text.js';
import type { TicksPerSecond } from '../time-of-day.js';
import { checkColumnName } from '../column-name.js';
import { open, type FileHandle } from 'node:fs/promises';
import { parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer, type FileMetaData, type SchemaTree } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { InputError } from '../../errors/index.js';
import { CellWriter } from '../coerce.js';
import { allocateColumns } from '../columns.js';
import { convertColumn, relabel, sameStorage } from '../convert.js';
import { StringDictionary } from '../dictionary.js';
import { DEFAULT_CATEGORY_MAX_DISTINCT, isCategory } from '../infer.js';
import { InvalidTracker } from '../invalid.js';
import { DEFAULT_BATCH_SIZE, DEFAULT_INFERENCE_ROWS, positiveInteger } from '../options.js';
import type { Column, ColumnType, Field, ReadOptions, RecordBatch, Schema, TableReader } from '../types.js';

const MS_PER_DAY = 86_400_000;
const MAGIC = 'PAR1';
const fatalDecoder = new TextDecoder('utf-8', { fatal: true });

/** hyparquet parsers that give epoch milliseconds as numbers and reject invalid UTF-8. */
const PARSERS = {
  timestampFromMilliseconds: (value: bigint): number => Number(value),
  timestampFromMicroseconds: (value: bigint): number => Number(value) / 1e3,
  timestampFromNanoseconds: (value: bigint): number => Number(value) / 1e6,
  dateFromDays: (days: number): number => days * MS_PER_DAY,
  stringFromBytes: (bytes: Uint8Array): string | undefined => (bytes === undefined ? undefined : fatalDecoder.decode(bytes)),
};

interface ColumnReading {
  natural: ColumnType;
  field: Field;
  /** Dictionary of the natural text values, when they are the output too. */
  dictionary?: StringDictionary;
  /** DECIMAL columns: the scale (digits after the point). */
  decimalScale?: number;
  /** TIME columns: ticks per second of the stored count since midnight. */
  timeTicks?: TicksPerSecond;
}

/** Ticks per second of a TIME (time of day) column, else undefined. */
function timeTicksOf(node: SchemaTree): TicksPerSecond | undefined {
  const { converted_type: converted, logical_type: logical } = node.element;
  if (converted === 'TIME_MILLIS') return 1_000;
  if (converted === 'TIME_MICROS') return 1_000_000;
  if (logical?.type !== 'TIME') return undefined;
  const unit = (logical as { unit?: string }).unit;
  return unit === 'MILLIS' ? 1_000 : unit === 'NANOS' ? 1_000_000_000 : 1_000_000;
}

/** The scale of a DECIMAL column, else undefined. */
function decimalScaleOf(node: SchemaTree): number | undefined {
  const { converted_type: converted, logical_type: logical, scale } = node.element;
  if (logical?.type === 'DECIMAL') return (logical as { scale?: number }).scale ?? scale ?? 0;
  return converted === 'DECIMAL' ? (scale ?? 0) : undefined;
}

/**
 * hyparquet gives a decimal as unscaled * 10^-scale, which is not always the
 * double nearest the decimal (1.15 comes out 1.1500000000000001). The
 * unscaled integer is recovered by rounding and divided by `power` (10^scale),
 * a correctly rounded division, while it is exact in a double.
 */
function nearestDecimal(value: number, power: number): number {
  const unscaled = Math.round(value * power);
  return Math.abs(unscaled) <= Number.MAX_SAFE_INTEGER ? unscaled / power : value;
}

/** The natural column type of a top-level Parquet column. */
function naturalType(node: SchemaTree): ColumnType {
  if (node.children.length > 0) return 'string';
  const { type, converted_type: converted, logical_type: logical } = node.element;
  const logicalType = logical?.type;
  if (timeTicksOf(node) !== undefined) return 'string';
  if (logicalType === 'DATE' || converted === 'DATE') return 'date';
  if (logicalType === 'TIMESTAMP' || converted === 'TIMESTAMP_MILLIS' || converted === 'TIMESTAMP_MICROS' || type === 'INT96') return 'datetime';
  if (logicalType === 'DECIMAL' || converted === 'DECIMAL' || logicalType === 'FLOAT16') return 'float';
  if (type === 'BOOLEAN') return 'boolean';
  if (type === 'INT32' || type === 'INT64') return 'integer';
  if (type === 'FLOAT' || type === 'DOUBLE') return 'float';
  return 'string';
}

/** Positioned reads of an open file, as hyparquet's AsyncBuffer. */
function fileBuffer(handle: FileHandle, size: number): AsyncBuffer {
  return {
    byteLength: size,
    async slice(start: number, end = size): Promise<ArrayBuffer> {
      const buffer = new ArrayBuffer(Math.max(0, end - start));
      const view = new Uint8Array(buffer);
      let done = 0;
      while (done < view.length) {
        const { bytesRead } = await handle.read(view, done, view.length - done, start + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return buffer;
    },
  };
}

function corrupt(path: string, error: unknown): InputError {
  if (error instanceof InputError) return error;
  return new InputError({ file: path }, `not a readable Parquet file (${(error as Error).message}); expected a Parquet file`, { cause: error });
}

/** Opens a Parquet file: reads its footer and, for text columns, its first row group. */
export async function openParquet(path: string, options: ReadOptions): Promise<TableReader> {
  const batchSize = positiveInteger(options.batchSize, DEFAULT_BATCH_SIZE, 'batchSize');
  const inferenceRows = positiveInteger(options.inferenceRows, DEFAULT_INFERENCE_ROWS, 'inferenceRows');
  const categoryMaxDistinct = positiveInteger(options.categoryMaxDistinct, DEFAULT_CATEGORY_MAX_DISTINCT, 'categoryMaxDistinct');
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) throw new InputError({ file: path }, 'the file is empty; expected a Parquet file');
    const file = fileBuffer(handle, size);
    const head = Buffer.from(await file.slice(0, Math.min(4, size)));
    const tail = Buffer.from(await file.slice(Math.max(0, size - 4), size));
    if (size < 12 || head.toString('latin1') !== MAGIC || tail.toString('latin1') !== MAGIC) {
      throw new InputError({ file: path }, 'not a Parquet file (no PAR1 magic at its start and end); expected a complete Parquet file');
    }
    let metadata: FileMetaData;
    let tree: SchemaTree;
    try {
      metadata = await parquetMetadataAsync(file, { parsers: PARSERS });
      tree = parquetSchema(metadata);
    } catch (error) {
      throw corrupt(path, error);
    }
    if (tree.children.length === 0) throw new InputError({ file: path }, 'the file has no columns; expected a Parquet table');
    const declared = options.types ?? {};
    const reader = new ParquetTableReader(path, handle, file, metadata, batchSize, declared);
    const textColumns = tree.children.filter((node) => naturalType(node) === 'string' && node.children.length === 0).map((node) => node.element.name);
    tree.children.forEach((node, c) => checkColumnName(node.element.name, { file: path }, c + 1));
    const firstGroup = textColumns.length > 0 && metadata.row_groups.length > 0 ? await reader.readGroup(0) : undefined;
    const readings: ColumnReading[] = tree.children.map((node) => {
      const name = node.element.name;
      let natural = naturalType(node);
      if (natural === 'string' && firstGroup !== undefined && textColumns.includes(name)) {
        natural = textTypeOf(firstGroup.get(name) ?? [], inferenceRows, categoryMaxDistinct);
      }
      const field: Field = { name, type: declared[name] ?? natural };
      const reading: ColumnReading = { natural, field, decimalScale: decimalScaleOf(node), timeTicks: timeTicksOf(node) };
      if (sameStorage(natural, field.type) && (natural === 'string' || natural === 'category')) reading.dictionary = new StringDictionary();
      return reading;
    });
    reader.setReadings(readings, firstGroup);
    return reader;
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

function textTypeOf(values: ArrayLike<unknown>, rows: number, categoryMaxDistinct: number): ColumnType {
  const distinct = new Set<unknown>();
  let count = 0;
  for (let i = 0; i < Math.min(rows, values.length); i++) {
    const value = values[i];
    if (value === null || value === undefined) continue;
    count++;
    if (distinct.size <= categoryMaxDistinct) distinct.add(value);
  }
  return count > 0 && isCategory(distinct.size, count, categoryMaxDistinct) ? 'category' : 'string';
}

class ParquetTableReader implements TableReader {
  readonly format = 'parquet' as const;
  schema: Schema = { fields: [] };
  private readings: ColumnReading[] = [];
  private tracker = new InvalidTracker([]);
  private writer: CellWriter | undefined;
  private outputDictionaries: StringDictionary[] = [];
  private firstGroup: Map<string, ArrayLike<unknown>> | undefined;
  private started = false;

  constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private readonly file: AsyncBuffer,
    private readonly metadata: FileMetaData,
    private readonly batchSize: number,
    private readonly declared: Readonly<Record<string, unknown>>,
  ) {}

  setReadings(readings: ColumnReading[], firstGroup: Map<string, ArrayLike<unknown>> | undefined): void {
    this.readings = readings;
    this.schema = { fields: readings.map((reading) => reading.field) };
    this.tracker = new InvalidTracker(this.schema.fields);
    this.outputDictionaries = readings.map(() => new StringDictionary());
    this.writer = new CellWriter(this.schema.fields, this.outputDictionaries, this.tracker, this.declared);
    this.firstGroup = firstGroup;
  }

  get invalidCounts(): Readonly<Record<string, number>> {
    return this.tracker.counts;
  }

  get invalidExamples(): InvalidTracker['examples'] {
    return this.tracker.examples;
  }

  /** Every column of row group `index`, one value per row. */
  async readGroup(index: number): Promise<Map<string, ArrayLike<unknown>>> {
    let groupStart = 0;
    for (let g = 0; g < index; g++) groupStart += Number(this.metadata.row_groups[g].num_rows);
    const groupRows = Number(this.metadata.row_groups[index].num_rows);
    const chunks = new Map<string, { rowStart: number; data: ArrayLike<unknown> }[]>();
    try {
      await parquetRead({
        file: this.file,
        metadata: this.metadata,
        rowStart: groupStart,
        rowEnd: groupStart + groupRows,
        compressors,
        parsers: PARSERS,
        onChunk: (chunk) => {
          let list = chunks.get(chunk.columnName);
          if (list === undefined) chunks.set(chunk.columnName, (list = []));
          list.push({ rowStart: chunk.rowStart, data: chunk.columnData as ArrayLike<unknown> });
        },
      });
    } catch (error) {
      throw corrupt(this.path, error);
    }
    const columns = new Map<string, ArrayLike<unknown>>();
    for (const [name, list] of chunks) {
      const only = list[0];
      if (list.length === 1 && only.rowStart === groupStart && only.data.length === groupRows) {
        columns.set(name, only.data);
        continue;
      }
      const values = new Array<unknown>(groupRows).fill(null);
      for (const { rowStart, data } of list) {
        for (let i = 0; i < data.length; i++) {
          const row = rowStart - groupStart + i;
          if (row >= 0 && row < groupRows) values[row] = data[i];
        }
      }
      columns.set(name, values);
    }
    return columns;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<RecordBatch> {
    if (this.started) throw new Error(`${this.path}: a TableReader can be iterated once`);
    this.started = true;
    try {
      let rowOffset = 0;
      for (let g = 0; g < this.metadata.row_groups.length; g++) {
        const group = g === 0 && this.firstGroup !== undefined ? this.firstGroup : await this.readGroup(g);
        this.firstGroup = undefined;
        const groupRows = Number(this.metadata.row_groups[g].num_rows);
        for (let from = 0; from < groupRows; from += this.batchSize) {
          const count = Math.min(this.batchSize, groupRows - from);
          yield this.convert(group, from, count, rowOffset);
          rowOffset += count;
        }
      }
    } finally {
      await this.close();
    }
  }

  private convert(group: Map<string, ArrayLike<unknown>>, from: number, count: number, rowOffset: number): RecordBatch {
    const columns = this.readings.map((reading, c): Column => {
      const { natural, field } = reading;
      const values = group.get(field.name) ?? [];
      const naturalDictionary = reading.dictionary ?? new StringDictionary();
      const decoded = allocateColumns([{ name: field.name, type: natural }], [naturalDictionary.values], count)[0];
      decodeValues(values, from, count, decoded, naturalDictionary, reading);
      if (sameStorage(natural, field.type)) return relabel(decoded, field.name, field.type);
      const target = allocateColumns([field], [this.outputDictionaries[c].values], count)[0];
      convertColumn(decoded, natural, target, c, count, this.writer as CellWriter, rowOffset);
      return target;
    });
    return { rowOffset, length: count, columns };
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}

/** Copies values `[from, from + count)` into a column of their natural type (pre-filled as null). */
function decodeValues(
  values: ArrayLike<unknown>,
  from: number,
  count: number,
  column: Column,
  dictionary: StringDictionary,
  { timeTicks, decimalScale }: Pick<ColumnReading, 'timeTicks' | 'decimalScale'>,
): void {
  if (column.kind === 'number') {
    const out = column.values;
    const power = decimalScale !== undefined && decimalScale > 0 && decimalScale <= 22 ? 10 ** decimalScale : 0;
    if (values instanceof Float64Array || values instanceof Float32Array || values instanceof Int32Array) {
      // A stored NaN is read as null, as everywhere else.
      for (let i = 0; i < count; i++) {
        const value = values[from + i];
        out[i] = power === 0 ? value : nearestDecimal(value, power);
        column.nulls[i] = value === value ? 0 : 1;
      }
      return;
    }
    for (let i = 0; i < count; i++) {
      const value = values[from + i];
      if (value === null || value === undefined) continue;
      const number = typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : value instanceof Date ? value.getTime() : NaN;
      if (Number.isNaN(number)) continue;
      out[i] = power === 0 ? number : nearestDecimal(number, power);
      column.nulls[i] = 0;
    }
    return;
  }
  if (column.kind === 'boolean') {
    for (let i = 0; i < count; i++) {
      const value = values[from + i];
      if (value === null || value === undefined) continue;
      column.values[i] = value ? 1 : 0;
      column.nulls[i] = 0;
    }
    return;
  }
  for (let i = 0; i < count; i++) {
    const value = values[from + i];
    if (value === null || value === undefined) continue;
    column.codes[i] = dictionary.codeOf(valueText(value, timeTicks));
    column.nulls[i] = 0;
  }
}
