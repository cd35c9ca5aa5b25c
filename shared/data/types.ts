/**
 * The one shape every reader produces: record batches of typed columns.
 *
 * Numbers live in `Float64Array`s (dates and datetimes as epoch milliseconds,
 * UTC), booleans in `Uint8Array`s, strings as codes into a dictionary that the
 * reader grows for the whole file (codes are stable across batches, so a
 * consumer can count by code and look the text up once at the end).
 */

/** Logical column types, as inferred from data or declared by a contract. */
export type ColumnType = 'integer' | 'float' | 'boolean' | 'date' | 'datetime' | 'string' | 'category';

export const COLUMN_TYPES: readonly ColumnType[] = ['integer', 'float', 'boolean', 'date', 'datetime', 'string', 'category'];

export interface Field {
  name: string;
  type: ColumnType;
}

export interface Schema {
  fields: Field[];
}

interface ColumnBase {
  name: string;
  /**
   * 1 where the value is missing (empty CSV field, JSON null, Arrow null).
   * Values that failed to coerce are null here too and also marked in `invalid`.
   */
  nulls: Uint8Array;
  /**
   * 1 where the source held a value that could not be read as the column's
   * type (e.g. `abc` in an integer column). Never silently dropped: readers
   * count these and consumers report them. `undefined` when the batch has none.
   */
  invalid?: Uint8Array;
}

/** integer, float, date (epoch ms at 00:00 UTC), datetime (epoch ms UTC). */
export interface NumberColumn extends ColumnBase {
  kind: 'number';
  type: 'integer' | 'float' | 'date' | 'datetime';
  /** NaN where null. */
  values: Float64Array;
}

export interface BooleanColumn extends ColumnBase {
  kind: 'boolean';
  type: 'boolean';
  /** 0 or 1; 0 where null. */
  values: Uint8Array;
}

export interface StringColumn extends ColumnBase {
  kind: 'string';
  type: 'string' | 'category';
  /** Index into `dictionary`; -1 where null. */
  codes: Int32Array;
  /**
   * Every distinct text seen so far in the file, shared (and appended to) by
   * all batches of one reader. Read it after the batch is consumed.
   */
  dictionary: string[];
}

export type Column = NumberColumn | BooleanColumn | StringColumn;

export interface RecordBatch {
  /** 0-based index of this batch's first row among the file's data rows. */
  rowOffset: number;
  /** Number of rows in this batch. */
  length: number;
  /** In schema order. */
  columns: Column[];
  /**
   * 1-based physical line of each row's start, for text formats (CSV, JSONL),
   * so messages can point at the line even when quoted fields span lines.
   */
  lines?: Int32Array;
}

export type DataFormat = 'csv' | 'jsonl' | 'parquet' | 'arrow';

export interface ReadOptions {
  /** Override the format that the extension implies. */
  format?: DataFormat;
  /**
   * CSV delimiter (one ASCII character); detected among `,` `;` tab `|` from
   * the first lines when omitted (`.tsv` files default to tab).
   */
  delimiter?: string;
  /**
   * Texts read as null in CSV (and in JSON strings). Default: only the empty
   * field. `NA`, `null`, `N/A` and the like are ordinary text unless listed here.
   */
  nullValues?: string[];
  /**
   * A text column whose sample holds at most this many distinct values, each
   * seen at least twice on average, is a `category` (default 50).
   */
  categoryMaxDistinct?: number;
  /** Declared column types (e.g. from a contract); others are inferred. */
  types?: Record<string, ColumnType>;
  /** Rows per batch (default 65,536). */
  batchSize?: number;
  /** Rows sampled for type inference (default 10,000). */
  inferenceRows?: number;
  /**
   * CSV: write every batch into the same column buffers, so a batch is only
   * valid until the next one is requested. For consumers that fold each batch
   * and drop it (a profile): it saves allocating and zeroing ~10 MB per batch.
   */
  reuseBatches?: boolean;
}

/** One value that could not be read as its column's type (kept for messages). */
export interface InvalidValueExample {
  /** 0-based data row index (as in `RecordBatch.rowOffset`). */
  row: number;
  /** 1-based physical line where the row starts (text formats only). */
  line?: number;
  column: string;
  /** The type the value failed to read as. */
  expected: ColumnType;
  /** The source text (or a JSON rendering of a non-text value), at most 200 characters. */
  text: string;
}

/** An open table: its schema is known before the first batch is read. */
export interface TableReader extends AsyncIterable<RecordBatch> {
  readonly path: string;
  readonly format: DataFormat;
  readonly schema: Schema;
  /**
   * Per column name: values read so far that did not coerce to the column's
   * type (set null and marked in `invalid`). Complete once iteration ends.
   */
  readonly invalidCounts: Readonly<Record<string, number>>;
  /** The first few invalid values (at most 20 per column), in reading order. */
  readonly invalidExamples: readonly InvalidValueExample[];
  /** Release file handles early (iteration to the end also does). */
  close(): Promise<void>;
}
