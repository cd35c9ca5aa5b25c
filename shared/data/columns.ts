/** Allocation and trimming of a batch's typed columns. */
import type { Column, Field } from './types.js';

/** Storage class of a column type. */
export function kindOf(type: Field['type']): Column['kind'] {
  if (type === 'boolean') return 'boolean';
  if (type === 'string' || type === 'category') return 'string';
  return 'number';
}

/**
 * Fresh columns for `capacity` rows. With `prefillNull` every cell starts as
 * null (NaN / 0 / -1 with the null flag set), for readers that only write the
 * cells they have values for; without it the reader must write every cell.
 */
export function allocateColumns(fields: readonly Field[], dictionaries: readonly (string[] | undefined)[], capacity: number, prefillNull = true): Column[] {
  return fields.map((field, index): Column => {
    const nulls = new Uint8Array(capacity);
    if (prefillNull) nulls.fill(1);
    const kind = kindOf(field.type);
    if (kind === 'number') {
      const values = new Float64Array(capacity);
      if (prefillNull) values.fill(NaN);
      return { name: field.name, kind, type: field.type as 'integer', nulls, values };
    }
    if (kind === 'boolean') return { name: field.name, kind, type: 'boolean', nulls, values: new Uint8Array(capacity) };
    return {
      name: field.name,
      kind,
      type: field.type as 'string',
      nulls,
      codes: prefillNull ? new Int32Array(capacity).fill(-1) : new Int32Array(capacity),
      dictionary: dictionaries[index] ?? [],
    };
  });
}

/** The first `length` rows of each column (views, no copy). */
export function trimColumns(columns: readonly Column[], length: number): Column[] {
  return columns.map((column): Column => {
    const nulls = column.nulls.subarray(0, length);
    const invalid = column.invalid?.subarray(0, length);
    const base = { name: column.name, nulls, ...(invalid ? { invalid } : {}) };
    if (column.kind === 'number') return { ...base, kind: 'number', type: column.type, values: column.values.subarray(0, length) };
    if (column.kind === 'boolean') return { ...base, kind: 'boolean', type: 'boolean', values: column.values.subarray(0, length) };
    return { ...base, kind: 'string', type: column.type, codes: column.codes.subarray(0, length), dictionary: column.dictionary };
  });
}

/** Marks `row` of `column` invalid, creating the mask on first use. */
export function markInvalid(column: Column, row: number, capacity: number): void {
  if (column.invalid === undefined) column.invalid = new Uint8Array(capacity);
  column.invalid[row] = 1;
}
