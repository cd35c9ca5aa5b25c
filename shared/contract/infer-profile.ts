/**
 * The profile a starting contract is written from. Types are inferred from
 * the first rows only; a value further down that does not read as its
 * column's type would make the inferred contract fail on the very data it
 * came from. Such columns are read again with a wider type until every value
 * reads (integer, then float, then string; a date may be a datetime).
 */
import type { ColumnType, ReadOptions } from '../data/types.js';
import { profileTable, type Profile } from '../profile/index.js';

const WIDER: Partial<Record<ColumnType, ColumnType>> = { integer: 'float', float: 'string', boolean: 'string', date: 'datetime', datetime: 'string' };

/** Profiles `path`, widening the type of any column with unreadable values; at most 3 more passes over the file. */
export async function profileForContract(path: string, read: ReadOptions = {}, onProgress?: (rows: number) => void): Promise<Profile> {
  const types: Record<string, ColumnType> = { ...read.types };
  let profile = await profileTable(path, { read, onProgress });
  for (let pass = 0; pass < 3; pass++) {
    const widen = profile.columns.filter((column) => column.invalid > 0 && WIDER[column.type] !== undefined);
    if (widen.length === 0) return profile;
    for (const column of widen) types[column.name] = WIDER[column.type] as ColumnType;
    profile = await profileTable(path, { read: { ...read, types }, onProgress });
  }
  return profile;
}
