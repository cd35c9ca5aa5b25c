/**
 * CSV/TSV `TableReader`: header, delimiter, an inference pass over the first
 * `inferenceRows` records, then the reading pass from the top of the file.
 */
import { checkColumnName } from '../column-name.js';
import { InputError, UsageError } from '../../errors/index.js';
import { FileByteSource, GzipByteSource, type ByteSource } from '../byte-source.js';
import { allocateColumns, trimColumns } from '../columns.js';
import { ByteDictionary } from '../dictionary.js';
import { DEFAULT_CATEGORY_MAX_DISTINCT, TypeSampler } from '../infer.js';
import { InvalidTracker } from '../invalid.js';
import { DEFAULT_BATCH_SIZE, DEFAULT_INFERENCE_ROWS, positiveInteger } from '../options.js';
import type { Column, ColumnType, Field, ReadOptions, RecordBatch, Schema, TableReader } from '../types.js';
import { detectDelimiter } from './dialect.js';
import {
  CsvScanner,
  KIND_BOOLEAN,
  KIND_DATE,
  KIND_DATETIME,
  KIND_FLOAT,
  KIND_INTEGER,
  KIND_TEXT,
  SCAN_END,
  SCAN_NEED_DATA,
  describeDelimiter,
  type BatchTarget,
  type ColumnPlan,
} from './scanner.js';

/** How the CSV bytes are stored and which part of them to read. */
export interface CsvSourceOptions {
  gzip: boolean;
  /** Delimiter implied by the extension (tab for `.tsv`), used when none is given. */
  defaultDelimiter?: number;
  /** Bytes read at a time (tests use tiny chunks to cross every boundary). */
  chunkSize?: number;
  /**
   * Read only the data rows in this byte range (from `splitCsvRanges`): the
   * header still comes from the top of the file; rows, `rowOffset` and
   * `lines` count from the range's start (line 1 = its first line).
   */
  range?: CsvRange;
}

/** A byte range of a CSV file that starts and ends on record boundaries. */
export interface CsvRange {
  start: number;
  end: number;
}

const KIND_OF_TYPE: Record<ColumnType, number> = {
  integer: KIND_INTEGER,
  float: KIND_FLOAT,
  boolean: KIND_BOOLEAN,
  date: KIND_DATE,
  datetime: KIND_DATETIME,
  string: KIND_TEXT,
  category: KIND_TEXT,
};

/** Parses the `delimiter` option: one ASCII character that is not a quote or a line break. */
export function delimiterCode(delimiter: string): number {
  const code = delimiter.charCodeAt(0);
  if (delimiter.length !== 1 || code > 0x7e || code === 0x22 || code === 0x0a || code === 0x0d) {
    throw new UsageError(`invalid CSV delimiter ${JSON.stringify(delimiter)}; expected one ASCII character other than a quote or a line break (e.g. "," ";" "|" or "\\t")`);
  }
  return code;
}

/**
 * Reads the first chunk and settles the delimiter: `forced`, or the one
 * detected in that chunk. Throws for an empty file.
 */
export async function startCsv(scanner: CsvScanner, path: string, forced: number | undefined): Promise<void> {
  if (!(await scanner.start())) throw new InputError({ file: path }, 'the file is empty; expected a header row naming the columns');
  const pending = scanner.pending;
  scanner.setDelimiter(forced ?? detectDelimiter(pending.bytes, pending.start, pending.end, pending.complete));
}

/** Opens a CSV file: reads its header and infers the column types. */
export async function openCsv(path: string, options: ReadOptions, sourceOptions: CsvSourceOptions): Promise<TableReader> {
  const batchSize = positiveInteger(options.batchSize, DEFAULT_BATCH_SIZE, 'batchSize');
  const inferenceRows = positiveInteger(options.inferenceRows, DEFAULT_INFERENCE_ROWS, 'inferenceRows');
  const categoryMaxDistinct = positiveInteger(options.categoryMaxDistinct, DEFAULT_CATEGORY_MAX_DISTINCT, 'categoryMaxDistinct');
  const forced = options.delimiter === undefined ? sourceOptions.defaultDelimiter : delimiterCode(options.delimiter);
  const source: ByteSource = sourceOptions.gzip ? new GzipByteSource(path) : await FileByteSource.open(path);
  const scanner = new CsvScanner(source, path, sourceOptions.chunkSize);
  try {
    await startCsv(scanner, path, forced);
    scanner.setNullTexts(options.nullValues ?? []);
    const names = await readNames(scanner, path);
    const declared = options.types ?? {};
    const samplers = names.map((name) => (declared[name] === undefined ? new TypeSampler(categoryMaxDistinct) : undefined));
    if (samplers.some((sampler) => sampler !== undefined)) {
      await sample(scanner, samplers, inferenceRows, path);
      await scanner.rewind();
      await scanner.readRecord();
    }
    const fields: Field[] = names.map((name, i) => ({ name, type: declared[name] ?? (samplers[i] as TypeSampler).result() }));
    const plans: ColumnPlan[] = fields.map((field) => ({
      kind: KIND_OF_TYPE[field.type],
      declaredBoolean: field.type === 'boolean' && declared[field.name] === 'boolean',
    }));
    if (sourceOptions.range !== undefined) {
      const { start, end } = sourceOptions.range;
      if (!(source instanceof FileByteSource) || start < scanner.offset || end < start) {
        throw new UsageError(`invalid CSV byte range [${start}, ${end}); expected a range from splitCsvRanges of an uncompressed file`);
      }
      source.setRange(start, end);
      await scanner.restartAt(start);
    }
    const dictionaries = fields.map(() => new ByteDictionary());
    const tracker = new InvalidTracker(fields);
    scanner.planRead(plans, dictionaries, tracker);
    return new CsvTableReader(path, { fields }, scanner, tracker, dictionaries, batchSize, options.reuseBatches === true);
  } catch (error) {
    await scanner.close();
    throw error;
  }
}

async function readNames(scanner: CsvScanner, path: string): Promise<string[]> {
  const record = await scanner.readRecord();
  const header = record && { names: record.fields, line: record.line };
  if (header === undefined || (header.names.length === 1 && header.names[0].trim() === '')) {
    throw new InputError({ file: path, line: header?.line ?? 1 }, 'the header row is empty; expected a header row naming the columns');
  }
  const seen = new Map<string, number>();
  header.names.forEach((name, i) => {
    if (name.trim() === '') {
      throw new InputError({ file: path, line: header.line }, `header field ${i + 1} is empty; expected a name for every column`);
    }
    checkColumnName(name, { file: path, line: header.line }, i + 1);
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      throw new InputError({ file: path, line: header.line }, `column name ${JSON.stringify(name)} appears twice in the header (fields ${earlier + 1} and ${i + 1}); expected unique names`);
    }
    seen.set(name, i);
  });
  return header.names;
}

/**
 * The inference pass: the first `rows` records, read as text. Blank lines are
 * left to the reading pass (which knows whether the file ends there); a
 * record with the wrong field count fails here already, with its line.
 */
async function sample(scanner: CsvScanner, samplers: (TypeSampler | undefined)[], rows: number, path: string): Promise<void> {
  const columns = samplers.length;
  for (let seen = 0; seen < rows; ) {
    const record = await scanner.readFields();
    if (record === undefined) return;
    const { count, bytes, starts, ends, texts } = record;
    if (count === 1 && starts[0] === ends[0] && texts[0] === undefined && columns > 1) continue;
    if (count !== columns) {
      throw new InputError(
        { file: path, line: record.line },
        `expected ${columns} fields (as in the header) separated by ${describeDelimiter(scanner.delimiterCode)}, got ${count} ${count === 1 ? 'field' : 'fields'}`,
      );
    }
    for (let c = 0; c < columns; c++) {
      const sampler = samplers[c];
      if (sampler === undefined) continue;
      const text = texts[c];
      if (text !== undefined) {
        if (!scanner.isNull(text)) sampler.observeText(text);
      } else if (starts[c] < ends[c] && !scanner.isNullText(bytes, starts[c], ends[c])) {
        sampler.observe(bytes, starts[c], ends[c]);
      }
    }
    seen++;
  }
}

class CsvTableReader implements TableReader {
  readonly format = 'csv' as const;
  private started = false;

  constructor(
    readonly path: string,
    readonly schema: Schema,
    private readonly scanner: CsvScanner,
    private readonly tracker: InvalidTracker,
    private readonly dictionaries: ByteDictionary[],
    private readonly batchSize: number,
    private readonly reuseBatches: boolean,
  ) {}

  get invalidCounts(): Readonly<Record<string, number>> {
    return this.tracker.counts;
  }

  get invalidExamples(): InvalidTracker['examples'] {
    return this.tracker.examples;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<RecordBatch> {
    if (this.started) throw new Error(`${this.path}: a TableReader can be iterated once`);
    this.started = true;
    const { scanner, batchSize } = this;
    let reusable: { columns: Column[]; target: BatchTarget } | undefined;
    try {
      while (true) {
        // The scanner writes every value of a row but only marks nulls, so reused buffers need
        // their null masks cleared; the invalid masks, which it creates on first use, start afresh.
        const { columns, target } = reusable ?? this.allocateBatch();
        if (this.reuseBatches) {
          if (reusable !== undefined) for (const nulls of target.nulls) nulls.fill(0);
          reusable = { columns, target };
          target.invalid.fill(undefined);
        }
        scanner.setTarget(target);
        let status: number;
        while (true) {
          // Scanning in slices gives the JIT feedback for every exit early.
          status = scanner.scan(Math.min(batchSize, scanner.row + SCAN_SLICE));
          if (status === SCAN_NEED_DATA) await scanner.fill();
          else if (status === SCAN_END || scanner.row === batchSize) break;
        }
        const length = scanner.row;
        if (length > 0) {
          columns.forEach((column, c) => {
            column.invalid = target.invalid[c];
          });
          yield { rowOffset: scanner.rowOffset, length, columns: trimColumns(columns, length), lines: target.lines.subarray(0, length) };
        }
        if (status === SCAN_END) return;
      }
    } finally {
      await scanner.close();
    }
  }

  async close(): Promise<void> {
    await this.scanner.close();
  }

  private allocateBatch(): { columns: Column[]; target: BatchTarget } {
    const batchSize = this.batchSize;
    const columns = allocateColumns(this.schema.fields, this.dictionaries.map((dictionary) => dictionary.values), batchSize, false);
    const target: BatchTarget = {
      numbers: columns.map((column) => (column.kind === 'number' ? column.values : EMPTY_FLOATS)),
      booleans: columns.map((column) => (column.kind === 'boolean' ? column.values : EMPTY_BYTES)),
      codes: columns.map((column) => (column.kind === 'string' ? column.codes : EMPTY_INTS)),
      nulls: columns.map((column) => column.nulls),
      invalid: columns.map(() => undefined),
      lines: new Int32Array(batchSize),
      capacity: batchSize,
    };
    return { columns, target };
  }
}

const SCAN_SLICE = 4096;
const EMPTY_FLOATS = new Float64Array(0);
const EMPTY_BYTES = new Uint8Array(0);
const EMPTY_INTS = new Int32Array(0);
