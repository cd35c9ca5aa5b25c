import { detectFormat, openTable } from '../data/index.js';

/** True when `file`'s name says it is a table the data readers open (`.csv`, `.jsonl`, `.parquet`, ...). */
export function isTableFile(file: string): boolean {
  try {
    detectFormat(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Counts a table's data rows by streaming it through the project's readers
 * (so "rows" means what every other Tollgate step will read). Returns null
 * for files that are not tables. A table the reader refuses throws its
 * InputError (file, line, column): the caller decides whether that is fatal.
 */
export async function countTableRows(file: string): Promise<number | null> {
  if (!isTableFile(file)) return null;
  const reader = await openTable(file);
  let rows = 0;
  try {
    for await (const batch of reader) rows += batch.length;
  } finally {
    await reader.close();
  }
  return rows;
}
