/**
 * Reads every batch of a table into one column per field (typed arrays,
 * grown by doubling), for the raw-versus-raw comparison that needs all values.
 */
import type { BooleanColumn, Column, NumberColumn, RecordBatch, Schema, StringColumn } from '../data/types.js';

/** Anything that yields record batches with a known schema (a TableReader, or batches built in memory). */
export interface TableSource {
  readonly schema: Schema;
  [Symbol.asyncIterator](): AsyncIterator<RecordBatch>;
}

/** A whole column: the same shape as a batch column, `length` rows long. */
export type LoadedColumn = Column & { missing: number; invalidCount: number };

export interface LoadedTable {
  rows: number;
  columns: LoadedColumn[];
}

class Growable<T extends Float64Array | Uint8Array | Int32Array> {
  data: T;
  constructor(private readonly make: (size: number) => T) {
    this.data = make(1024);
  }
  append(source: Float64Array | Uint8Array | Int32Array, length: number, at: number): void {
    if (at + length > this.data.length) {
      let size = this.data.length;
      while (size < at + length) size *= 2;
      const bigger = this.make(size);
      bigger.set(this.data.subarray(0, at) as never);
      this.data = bigger;
    }
    this.data.set(source.subarray(0, length) as never, at);
  }
  trimmed(length: number): T {
    return this.data.subarray(0, length) as T;
  }
}

/** One string column's texts: adopts the reader's dictionary, remapping codes only if a batch brings another. */
class StringCodes {
  readonly codes = new Growable((n) => new Int32Array(n));
  dictionary: string[] | null = null;
  private own: { texts: string[]; index: Map<string, number> } | null = null;

  append(column: StringColumn, length: number, at: number): void {
    if (this.dictionary === null) this.dictionary = column.dictionary;
    if (this.own === null && column.dictionary === this.dictionary) {
      this.codes.append(column.codes, length, at);
      return;
    }
    if (this.own === null) {
      const texts = [...this.dictionary];
      this.own = { texts, index: new Map(texts.map((text, code) => [text, code])) };
      this.dictionary = texts;
    }
    const own = this.own;
    const remapped = new Int32Array(length);
    for (let i = 0; i < length; i++) {
      const code = column.codes[i];
      if (code < 0) {
        remapped[i] = -1;
        continue;
      }
      const text = column.dictionary[code];
      let mine = own.index.get(text);
      if (mine === undefined) {
        mine = own.texts.length;
        own.texts.push(text);
        own.index.set(text, mine);
      }
      remapped[i] = mine;
    }
    this.codes.append(remapped, length, at);
  }
}

interface Accumulator {
  nulls: Growable<Uint8Array>;
  invalid: number;
  missing: number;
  numbers?: Growable<Float64Array>;
  booleans?: Growable<Uint8Array>;
  strings?: StringCodes;
}

function countOnes(mask: Uint8Array | undefined, length: number): number {
  if (mask === undefined) return 0;
  let total = 0;
  for (let i = 0; i < length; i++) total += mask[i];
  return total;
}

/** Reads the whole table into memory. */
export async function loadTable(source: TableSource): Promise<LoadedTable> {
  const fields = source.schema.fields;
  const accumulators: Accumulator[] = fields.map((field) => {
    const base = { nulls: new Growable((n) => new Uint8Array(n)), invalid: 0, missing: 0 };
    if (field.type === 'boolean') return { ...base, booleans: new Growable((n) => new Uint8Array(n)) };
    if (field.type === 'string' || field.type === 'category') return { ...base, strings: new StringCodes() };
    return { ...base, numbers: new Growable((n) => new Float64Array(n)) };
  });
  let rows = 0;
  for await (const batch of source) {
    const length = batch.length;
    batch.columns.forEach((column, index) => {
      const accumulator = accumulators[index];
      accumulator.nulls.append(column.nulls, length, rows);
      accumulator.missing += countOnes(column.nulls, length);
      accumulator.invalid += countOnes(column.invalid, length);
      if (column.kind === 'number') accumulator.numbers?.append(column.values, length, rows);
      else if (column.kind === 'boolean') accumulator.booleans?.append(column.values, length, rows);
      else accumulator.strings?.append(column, length, rows);
    });
    rows += length;
  }
  const columns = fields.map((field, index): LoadedColumn => {
    const accumulator = accumulators[index];
    const common = { name: field.name, nulls: accumulator.nulls.trimmed(rows), missing: accumulator.missing, invalidCount: accumulator.invalid };
    if (accumulator.booleans) return { ...common, kind: 'boolean', type: 'boolean', values: accumulator.booleans.trimmed(rows) } satisfies BooleanColumn & LoadedColumn;
    if (accumulator.strings) {
      const strings = accumulator.strings;
      return { ...common, kind: 'string', type: field.type as StringColumn['type'], codes: strings.codes.trimmed(rows), dictionary: strings.dictionary ?? [] };
    }
    return { ...common, kind: 'number', type: field.type as NumberColumn['type'], values: (accumulator.numbers as Growable<Float64Array>).trimmed(rows) };
  });
  return { rows, columns };
}
