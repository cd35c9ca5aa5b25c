/** The first rows of a table as plain objects, for `tollgate head --json`. */
import { openTable } from './open.js';
import { formatDate, formatDatetime } from './text/temporal.js';
import type { Column, ReadOptions } from './types.js';

/** One row: column name to value (null when missing or invalid). */
export type HeadRow = Record<string, number | string | boolean | null>;

function cell(column: Column, row: number): number | string | boolean | null {
  if (column.nulls[row] === 1) return null;
  switch (column.kind) {
    case 'boolean':
      return column.values[row] === 1;
    case 'string':
      return column.dictionary[column.codes[row]];
    case 'number': {
      const value = column.values[row];
      if (column.type === 'date') return formatDate(value);
      if (column.type === 'datetime') return formatDatetime(value);
      return value;
    }
  }
}

/** The column names, in schema order, and the first rows. */
export interface HeadTable {
  columns: string[];
  rows: HeadRow[];
}

/**
 * The column names and first `n` rows of `path` (the names even when the
 * file has no rows), keyed by column name in schema order; dates as
 * `YYYY-MM-DD`, datetimes as ISO 8601 UTC strings. Types are inferred as
 * `openTable` does (from `inferenceRows` rows, not only the `n` shown).
 */
export async function readHead(path: string, n: number, options: ReadOptions = {}): Promise<HeadTable> {
  const rows: HeadRow[] = [];
  const reader = await openTable(path, options);
  const columns = reader.schema.fields.map((field) => field.name);
  try {
    if (n > 0) {
      for await (const batch of reader) {
        const take = Math.min(batch.length, n - rows.length);
        for (let r = 0; r < take; r++) {
          const row: HeadRow = {};
          for (const column of batch.columns) row[column.name] = cell(column, r);
          rows.push(row);
        }
        if (rows.length >= n) break;
      }
    }
  } finally {
    await reader.close();
  }
  return { columns, rows };
}
