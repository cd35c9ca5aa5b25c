/**
 * Arrow IPC (file format, which Feather v2 is, and stream format) `TableReader`.
 *
 * Record batches are read one at a time from the open file (the file format
 * by random access, so memory holds one batch). Types: integers, floats and
 * decimals are numbers (64-bit integers as the nearest double); dates and
 * timestamps are epoch ms UTC; dictionary-encoded columns are categories;
 * plain UTF-8 columns are categories or strings by the usual rule on the
 * first batch; any other type (lists, structs, binary, ...) reads as the JSON
 * text of each value. LZ4- and ZSTD-compressed files are supported.
 */
import { checkColumnName } from '../column-name.js';
import { open, type FileHandle } from 'node:fs/promises';
import { DataType, RecordBatchReader, type RecordBatch as ArrowBatch, type Schema as ArrowSchema } from 'apache-arrow';
import { InputError } from '../../errors/index.js';
import { CellWriter } from '../coerce.js';
import { allocateColumns } from '../columns.js';
import { convertColumn, relabel, sameStorage } from '../convert.js';
import { ByteDictionary, StringDictionary } from '../dictionary.js';
import { DEFAULT_CATEGORY_MAX_DISTINCT, isCategory } from '../infer.js';
import { InvalidTracker } from '../invalid.js';
import { DEFAULT_BATCH_SIZE, DEFAULT_INFERENCE_ROWS, positiveInteger } from '../options.js';
import type { Column, ColumnType, Field, ReadOptions, RecordBatch, Schema, TableReader } from '../types.js';
import { registerArrowCodecs } from './codecs.js';
import { DictionaryRemap, decodeAsJson, decodeDictionaryCodes, decodeNumbers, decodeUtf8Codes, isUtf8Data, naturalType } from './decode.js';

const FILE_MAGIC = 'ARROW1';

/** How one column is decoded. */
type Path = 'numbers' | 'utf8' | 'dictionary' | 'json';

interface ColumnReading {
  path: Path;
  natural: ColumnType;
  field: Field;
  /** Dictionary of the natural (text) values when they are the output too. */
  bytes?: ByteDictionary;
  strings?: StringDictionary;
  remap: DictionaryRemap;
}

function pathOf(type: DataType): Path {
  if (DataType.isDictionary(type)) return 'dictionary';
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return 'utf8';
  const natural = naturalType(type);
  return natural === 'string' ? 'json' : 'numbers';
}

function corrupt(path: string, error: unknown): InputError {
  if (error instanceof InputError) return error;
  return new InputError({ file: path }, `not a readable Arrow IPC file (${(error as Error).message}); expected an Arrow IPC / Feather v2 file`, { cause: error });
}

/** Opens an Arrow IPC or Feather v2 file and reads its first record batch. */
export async function openArrow(path: string, options: ReadOptions): Promise<TableReader> {
  registerArrowCodecs();
  const batchSize = positiveInteger(options.batchSize, DEFAULT_BATCH_SIZE, 'batchSize');
  const inferenceRows = positiveInteger(options.inferenceRows, DEFAULT_INFERENCE_ROWS, 'inferenceRows');
  const categoryMaxDistinct = positiveInteger(options.categoryMaxDistinct, DEFAULT_CATEGORY_MAX_DISTINCT, 'categoryMaxDistinct');
  const handle = await open(path, 'r');
  try {
    await checkMagic(handle, path);
    let iterator: AsyncIterator<ArrowBatch>;
    let schema: ArrowSchema;
    let first: ArrowBatch | undefined;
    try {
      const reader = await RecordBatchReader.from(handle);
      await reader.open();
      schema = reader.schema;
      iterator = reader[Symbol.asyncIterator]();
      const next = await iterator.next();
      first = next.done ? undefined : next.value;
    } catch (error) {
      throw corrupt(path, error);
    }
    if (schema === undefined || schema.fields.length === 0) throw new InputError({ file: path }, 'the file has no columns; expected an Arrow table');
    const declared = options.types ?? {};
    schema.fields.forEach((arrowField, c) => checkColumnName(arrowField.name, { file: path }, c + 1));
    const readings: ColumnReading[] = schema.fields.map((arrowField, c) => {
      const path = pathOf(arrowField.type);
      let natural = naturalType(arrowField.type);
      if (path === 'utf8' && first !== undefined) natural = textTypeOf(first, c, inferenceRows, categoryMaxDistinct);
      const field: Field = { name: arrowField.name, type: declared[arrowField.name] ?? natural };
      return { path, natural, field, remap: new DictionaryRemap() };
    });
    for (const reading of readings) {
      if (!sameStorage(reading.natural, reading.field.type)) continue;
      if (reading.path === 'utf8') reading.bytes = new ByteDictionary();
      else if (reading.path !== 'numbers') reading.strings = new StringDictionary();
    }
    return new ArrowTableReader(path, readings, handle, iterator, first, batchSize, declared);
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

async function checkMagic(handle: FileHandle, path: string): Promise<void> {
  const head = Buffer.alloc(8);
  const { bytesRead } = await handle.read(head, 0, 8, 0);
  if (bytesRead === 0) throw new InputError({ file: path }, 'the file is empty; expected an Arrow IPC / Feather v2 file');
  const isFile = head.toString('latin1', 0, 6) === FILE_MAGIC;
  const isStream = bytesRead >= 4 && head.readUInt32LE(0) === 0xffffffff;
  if (!isFile && !isStream) {
    throw new InputError({ file: path }, 'not an Arrow IPC file (no ARROW1 magic or stream header); expected an Arrow IPC / Feather v2 file (Feather v1 files must be re-saved as v2)');
  }
}

/** category or string for a UTF-8 column, from the first batch. */
function textTypeOf(batch: ArrowBatch, c: number, rows: number, categoryMaxDistinct: number): ColumnType {
  const data = batch.data.children[c];
  if (!isUtf8Data(data)) return 'string';
  const count = Math.min(rows, batch.numRows);
  const column = allocateColumns([{ name: '', type: 'string' }], [[]], count, false)[0];
  const dictionary = new ByteDictionary();
  decodeUtf8Codes(data, 0, count, column, dictionary);
  let values = 0;
  for (let i = 0; i < count; i++) values += column.nulls[i] === 0 ? 1 : 0;
  return values > 0 && isCategory(dictionary.values.length, values, categoryMaxDistinct) ? 'category' : 'string';
}

class ArrowTableReader implements TableReader {
  readonly format = 'arrow' as const;
  readonly schema: Schema;
  private readonly tracker: InvalidTracker;
  private readonly writer: CellWriter;
  private readonly outputDictionaries: StringDictionary[];
  private started = false;

  constructor(
    readonly path: string,
    private readonly readings: ColumnReading[],
    private readonly handle: FileHandle,
    private readonly iterator: AsyncIterator<ArrowBatch>,
    private first: ArrowBatch | undefined,
    private readonly batchSize: number,
    declared: Readonly<Record<string, unknown>>,
  ) {
    this.schema = { fields: readings.map((reading) => reading.field) };
    this.tracker = new InvalidTracker(this.schema.fields);
    this.outputDictionaries = readings.map(() => new StringDictionary());
    this.writer = new CellWriter(this.schema.fields, this.outputDictionaries, this.tracker, declared);
  }

  get invalidCounts(): Readonly<Record<string, number>> {
    return this.tracker.counts;
  }

  get invalidExamples(): InvalidTracker['examples'] {
    return this.tracker.examples;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<RecordBatch> {
    if (this.started) throw new Error(`${this.path}: a TableReader can be iterated once`);
    this.started = true;
    try {
      let rowOffset = 0;
      let arrowBatch = this.first;
      this.first = undefined;
      while (arrowBatch !== undefined) {
        for (let from = 0; from < arrowBatch.numRows; from += this.batchSize) {
          const count = Math.min(this.batchSize, arrowBatch.numRows - from);
          yield this.convert(arrowBatch, from, count, rowOffset);
          rowOffset += count;
        }
        let next: IteratorResult<ArrowBatch>;
        try {
          next = await this.iterator.next();
        } catch (error) {
          throw corrupt(this.path, error);
        }
        arrowBatch = next.done ? undefined : next.value;
      }
    } finally {
      await this.close();
    }
  }

  private convert(arrowBatch: ArrowBatch, from: number, count: number, rowOffset: number): RecordBatch {
    const columns = this.readings.map((reading, c): Column => {
      const { path, natural, field } = reading;
      const data = arrowBatch.data.children[c];
      const naturalDictionary = reading.bytes ?? reading.strings ?? (path === 'utf8' ? new ByteDictionary() : new StringDictionary());
      const decoded = allocateColumns([{ name: field.name, type: natural }], [naturalDictionary.values], count, false)[0];
      if (path === 'numbers') {
        decodeNumbers(data, from, count, decoded);
      } else if (path === 'utf8') {
        const bad = decodeUtf8Codes(data, from, count, decoded, naturalDictionary as ByteDictionary);
        if (bad >= 0) throw new InputError({ file: this.path }, `column ${JSON.stringify(field.name)}, row ${rowOffset + bad + 1}: invalid UTF-8 in a string value; expected UTF-8 text`);
      } else if (path === 'dictionary') {
        decodeDictionaryCodes(data, from, count, decoded, naturalDictionary as StringDictionary, reading.remap);
      } else {
        decodeAsJson(arrowBatch.getChildAt(c) as unknown as { get(index: number): unknown }, from, count, decoded, naturalDictionary as StringDictionary, data.type);
      }
      if (sameStorage(natural, field.type)) return relabel(decoded, field.name, field.type);
      const target = allocateColumns([field], [this.outputDictionaries[c].values], count)[0];
      convertColumn(decoded, natural, target, c, count, this.writer, rowOffset);
      return target;
    });
    return { rowOffset, length: count, columns };
  }

  async close(): Promise<void> {
    await this.iterator.return?.().catch(() => undefined);
    await this.handle.close().catch(() => undefined);
  }
}
