/** The one entry point: `openTable` picks the reader for a file. */
import { stat } from 'node:fs/promises';
import { InputError } from '../errors/index.js';
import { openCsv, type CsvRange } from './csv/reader.js';
import { describeFile } from './format.js';
import type { ReadOptions, TableReader } from './types.js';

const TAB = 0x09;

/**
 * Opens a table file for streaming. The format comes from the extension (see
 * `detectFormat`) unless `options.format` is given; `.gz` text is
 * decompressed on the fly. The schema is known when the promise resolves;
 * iterate the reader for record batches. Missing files, directories, empty
 * or malformed files are InputErrors naming the file (and line, column).
 */
export async function openTable(path: string, options: ReadOptions = {}): Promise<TableReader> {
  const detected = describeFile(path, options.format);
  await checkFile(path);
  switch (detected.format) {
    case 'csv':
      return openCsv(path, options, { gzip: detected.gzip, defaultDelimiter: detected.tabSeparated ? TAB : undefined });
    // The other readers (and apache-arrow, hyparquet behind them) load only when a file needs them.
    case 'jsonl':
      return (await import('./jsonl/reader.js')).openJsonl(path, options, detected.gzip);
    case 'parquet':
      return (await import('./parquet/reader.js')).openParquet(path, options);
    case 'arrow':
      return (await import('./arrow/reader.js')).openArrow(path, options);
  }
}

/**
 * Opens one byte range of an uncompressed CSV file (from `splitCsvRanges`),
 * for reading a file in parallel. The header and delimiter come from the top
 * of the file; pass the whole schema as `options.types` (from the reader that
 * opened the full file) so every part reads the same types without sampling.
 * `rowOffset`, `lines` and invalid-value rows and lines count from the
 * range's start: rebase them by the earlier ranges' counts.
 */
export async function openCsvRange(path: string, range: CsvRange, options: ReadOptions = {}): Promise<TableReader> {
  const detected = describeFile(path, options.format ?? 'csv');
  await checkFile(path);
  return openCsv(path, options, { gzip: detected.gzip, defaultDelimiter: detected.tabSeparated ? TAB : undefined, range });
}

async function checkFile(path: string): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const detail = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new InputError({ file: path }, `cannot read the file: ${detail}; expected a readable data file`, { cause: error });
  }
  if (info.isDirectory()) throw new InputError({ file: path }, 'is a directory; expected a data file');
  if (!info.isFile()) throw new InputError({ file: path }, 'is not a regular file; expected a data file');
}
