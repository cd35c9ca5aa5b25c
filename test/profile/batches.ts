/**
 * Builds RecordBatch objects from plain JS arrays for profile tests, the way
 * a reader would: NaN / 0 / -1 where null, null and invalid masks, and one
 * growing dictionary per string column shared by every batch of a "file".
 */
import type { Column, ColumnType, RecordBatch } from '../../shared/data/types.js';

export type Cell = number | string | boolean | null;

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  values: readonly Cell[];
  /** Row indexes whose value was unreadable (they must be null in `values`). */
  invalid?: readonly number[];
}

export class BatchMaker {
  private readonly dictionaries = new Map<string, { texts: string[]; codes: Map<string, number> }>();
  private rowOffset = 0;

  make(specs: readonly ColumnSpec[]): RecordBatch {
    const length = specs.length === 0 ? 0 : specs[0].values.length;
    const columns = specs.map((spec): Column => {
      if (spec.values.length !== length) throw new Error(`column ${spec.name} has ${spec.values.length} values, expected ${length}`);
      const nulls = Uint8Array.from(spec.values, (v) => (v === null ? 1 : 0));
      let invalid: Uint8Array | undefined;
      if (spec.invalid !== undefined && spec.invalid.length > 0) {
        invalid = new Uint8Array(length);
        for (const row of spec.invalid) {
          if (spec.values[row] !== null) throw new Error(`invalid row ${row} of ${spec.name} must be null`);
          invalid[row] = 1;
        }
      }
      switch (spec.type) {
        case 'boolean':
          return { name: spec.name, kind: 'boolean', type: 'boolean', nulls, invalid, values: Uint8Array.from(spec.values, (v) => (v === true ? 1 : 0)) };
        case 'string':
        case 'category': {
          let dictionary = this.dictionaries.get(spec.name);
          if (dictionary === undefined) {
            dictionary = { texts: [], codes: new Map() };
            this.dictionaries.set(spec.name, dictionary);
          }
          const dict = dictionary;
          const codes = Int32Array.from(spec.values, (v) => {
            if (v === null) return -1;
            const text = String(v);
            let code = dict.codes.get(text);
            if (code === undefined) {
              code = dict.texts.length;
              dict.texts.push(text);
              dict.codes.set(text, code);
            }
            return code;
          });
          return { name: spec.name, kind: 'string', type: spec.type, nulls, invalid, codes, dictionary: dict.texts };
        }
        default:
          return {
            name: spec.name,
            kind: 'number',
            type: spec.type,
            nulls,
            invalid,
            values: Float64Array.from(spec.values, (v) => (v === null ? Number.NaN : Number(v))),
          };
      }
    });
    const batch: RecordBatch = { rowOffset: this.rowOffset, length, columns };
    this.rowOffset += length;
    return batch;
  }
}

/** One batch from one maker (a one-batch file). */
export function makeBatch(specs: readonly ColumnSpec[]): RecordBatch {
  return new BatchMaker().make(specs);
}
