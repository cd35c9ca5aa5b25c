/**
 * JSON lines `TableReader`: one object per line. The union of the keys in the
 * first `inferenceRows` objects (in order of first appearance) is the schema;
 * a key first seen after that sample is an InputError naming its line (declare
 * it in the contract, or raise `inferenceRows`); declared keys are columns
 * even when the sample lacks them. Missing keys, `null` and strings listed in
 * `nullValues` are nulls. Blank lines are not rows and are passed over.
 */
import { checkColumnName } from '../column-name.js';
import { InputError } from '../../errors/index.js';
import { FileByteSource, GzipByteSource, type ByteSource } from '../byte-source.js';
import { CellWriter } from '../coerce.js';
import { allocateColumns, trimColumns } from '../columns.js';
import { StringDictionary } from '../dictionary.js';
import { DEFAULT_CATEGORY_MAX_DISTINCT } from '../infer.js';
import { InvalidTracker } from '../invalid.js';
import { DEFAULT_BATCH_SIZE, DEFAULT_INFERENCE_ROWS, positiveInteger } from '../options.js';
import type { Field, ReadOptions, RecordBatch, Schema, TableReader } from '../types.js';
import { JsonSampler } from './infer.js';
import { readLines, type Line } from './lines.js';

interface ParsedRow {
  record: Record<string, unknown>;
  line: number;
}

/** Opens a JSON lines file and infers its schema from the first rows. */
export async function openJsonl(path: string, options: ReadOptions, gzip: boolean): Promise<TableReader> {
  const batchSize = positiveInteger(options.batchSize, DEFAULT_BATCH_SIZE, 'batchSize');
  const inferenceRows = positiveInteger(options.inferenceRows, DEFAULT_INFERENCE_ROWS, 'inferenceRows');
  const categoryMaxDistinct = positiveInteger(options.categoryMaxDistinct, DEFAULT_CATEGORY_MAX_DISTINCT, 'categoryMaxDistinct');
  const source: ByteSource = gzip ? new GzipByteSource(path) : await FileByteSource.open(path);
  const lines = readLines(source, path);
  try {
    const nullTexts = new Set(options.nullValues ?? []);
    const sample: ParsedRow[] = [];
    const samplers = new Map<string, JsonSampler>();
    let sawLine = false;
    while (sample.length < inferenceRows) {
      const next = await lines.next();
      if (next.done) break;
      sawLine = true;
      const record = parseLine(next.value, path);
      if (record === undefined) continue;
      sample.push({ record, line: next.value.number });
      for (const key of Object.keys(record)) {
        let sampler = samplers.get(key);
        if (sampler === undefined) {
          sampler = new JsonSampler(categoryMaxDistinct);
          samplers.set(key, sampler);
        }
        const value = record[key];
        sampler.observe(typeof value === 'string' && nullTexts.has(value) ? null : value);
      }
    }
    if (!sawLine) throw new InputError({ file: path }, 'the file is empty; expected one JSON object per line');
    const declared = options.types ?? {};
    [...samplers.keys()].forEach((name, index) => checkColumnName(name, { file: path }, index + 1));
    const fields: Field[] = [...samplers].map(([name, sampler]) => ({ name, type: declared[name] ?? sampler.result() }));
    // A declared key may be absent from the sample (JSON lines have no header): keep it.
    for (const [name, type] of Object.entries(declared)) if (!samplers.has(name)) fields.push({ name, type });
    if (fields.length === 0) throw new InputError({ file: path }, 'no keys in the first objects; expected one JSON object per line with named values');
    return new JsonlTableReader(path, { fields }, sample, lines, source, batchSize, declared, nullTexts);
  } catch (error) {
    await lines.return(undefined);
    await source.close();
    throw error;
  }
}

/** The object on `line`, or undefined for a blank line. */
function parseLine(line: Line, file: string): Record<string, unknown> | undefined {
  if (line.text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line.text);
  } catch (error) {
    throw new InputError({ file, line: line.number }, `invalid JSON (${(error as Error).message}); expected one JSON object per line`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    throw new InputError({ file, line: line.number }, `expected a JSON object, got ${got}`);
  }
  return value as Record<string, unknown>;
}

class JsonlTableReader implements TableReader {
  readonly format = 'jsonl' as const;
  private readonly tracker: InvalidTracker;
  private readonly dictionaries: StringDictionary[];
  private readonly writer: CellWriter;
  private readonly columnIndex: Map<string, number>;
  private started = false;

  constructor(
    readonly path: string,
    readonly schema: Schema,
    private sample: ParsedRow[],
    private readonly lines: AsyncGenerator<Line>,
    private readonly source: ByteSource,
    private readonly batchSize: number,
    declared: Readonly<Record<string, unknown>>,
    private readonly nullTexts: ReadonlySet<string>,
  ) {
    this.tracker = new InvalidTracker(schema.fields);
    this.dictionaries = schema.fields.map(() => new StringDictionary());
    this.writer = new CellWriter(schema.fields, this.dictionaries, this.tracker, declared, false);
    this.columnIndex = new Map(schema.fields.map((field, i) => [field.name, i]));
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
      let batch = this.newBatch();
      const sample = this.sample;
      this.sample = [];
      for (const row of sample) {
        this.writeRow(batch, row, rowOffset);
        if (batch.length === this.batchSize) {
          yield this.finish(batch, rowOffset);
          rowOffset += batch.length;
          batch = this.newBatch();
        }
      }
      for await (const line of this.lines) {
        const record = parseLine(line, this.path);
        if (record === undefined) continue;
        this.writeRow(batch, { record, line: line.number }, rowOffset);
        if (batch.length === this.batchSize) {
          yield this.finish(batch, rowOffset);
          rowOffset += batch.length;
          batch = this.newBatch();
        }
      }
      if (batch.length > 0) yield this.finish(batch, rowOffset);
    } finally {
      await this.close();
    }
  }

  private newBatch(): { columns: RecordBatch['columns']; lines: Int32Array; length: number } {
    const dictionaries = this.dictionaries.map((dictionary) => dictionary.values);
    return { columns: allocateColumns(this.schema.fields, dictionaries, this.batchSize), lines: new Int32Array(this.batchSize), length: 0 };
  }

  private writeRow(batch: { columns: RecordBatch['columns']; lines: Int32Array; length: number }, row: ParsedRow, rowOffset: number): void {
    const index = batch.length;
    for (const key in row.record) {
      const c = this.columnIndex.get(key);
      if (c === undefined) {
        throw new InputError(
          { file: this.path, line: row.line },
          `key ${JSON.stringify(key)} first appears after the rows used to infer the schema; expected only the keys ${describeKeys(this.schema)} (declare it in the contract or raise inferenceRows)`,
        );
      }
      const value = row.record[key];
      if (typeof value === 'string' && this.nullTexts.has(value)) continue;
      this.writer.write(batch.columns[c], c, index, value, rowOffset + index, row.line);
    }
    batch.lines[index] = row.line;
    batch.length++;
  }

  private finish(batch: { columns: RecordBatch['columns']; lines: Int32Array; length: number }, rowOffset: number): RecordBatch {
    return { rowOffset, length: batch.length, columns: trimColumns(batch.columns, batch.length), lines: batch.lines.subarray(0, batch.length) };
  }

  async close(): Promise<void> {
    await this.lines.return(undefined);
    await this.source.close();
  }
}

function describeKeys(schema: Schema): string {
  const names = schema.fields.map((field) => JSON.stringify(field.name));
  return names.length > 8 ? `${names.slice(0, 8).join(', ')}, …` : names.join(', ');
}
