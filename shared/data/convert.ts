/**
 * From a column decoded in its source's natural type to the schema's type
 * (declared in a contract), through the same coercions as every reader.
 */
import type { CellWriter } from './coerce.js';
import { kindOf } from './columns.js';
import { formatDate, formatDatetime } from './text/temporal.js';
import type { Column, ColumnType } from './types.js';

/** True when `natural` values can be used as `target` values without looking at them. */
export function sameStorage(natural: ColumnType, target: ColumnType): boolean {
  if (kindOf(natural) !== kindOf(target)) return false;
  if (target === 'integer') return natural === 'integer';
  if (target === 'date') return natural === 'date';
  return true;
}

/** Relabels a same-storage column with the schema's type (and name). */
export function relabel(column: Column, name: string, type: ColumnType): Column {
  if (column.kind === 'number') return { ...column, name, type: type as 'integer' };
  if (column.kind === 'string') return { ...column, name, type: type as 'string' };
  return { ...column, name };
}

/**
 * Writes the first `count` cells of `natural` into `target` (pre-filled as
 * null) with `writer`; values that do not coerce are marked invalid there.
 */
export function convertColumn(
  natural: Column,
  naturalType: ColumnType,
  target: Column,
  c: number,
  count: number,
  writer: CellWriter,
  rowOffset: number,
): void {
  const asText = target.kind === 'string';
  for (let i = 0; i < count; i++) {
    if (natural.nulls[i] === 1) continue;
    let value: unknown;
    if (natural.kind === 'number') {
      const number = natural.values[i];
      value = asText && naturalType === 'date' ? formatDate(number) : asText && naturalType === 'datetime' ? formatDatetime(number) : number;
    } else if (natural.kind === 'boolean') {
      value = natural.values[i] === 1;
    } else {
      value = natural.dictionary[natural.codes[i]];
    }
    writer.write(target, c, i, value, rowOffset + i, undefined);
  }
}
