/** File format from the file name. */
import { InputError, UsageError } from '../errors/index.js';
import type { DataFormat } from './types.js';

/** What a path's name says about its content. */
export interface DetectedFormat {
  format: DataFormat;
  /** The text is gzip-compressed (`.gz`), for CSV and JSON lines. */
  gzip: boolean;
  /** Tab-separated by name (`.tsv`, `.tab`). */
  tabSeparated: boolean;
}

const EXTENSIONS: Record<string, DataFormat> = {
  csv: 'csv',
  tsv: 'csv',
  tab: 'csv',
  txt: 'csv',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  parquet: 'parquet',
  pq: 'parquet',
  arrow: 'arrow',
  feather: 'arrow',
  ipc: 'arrow',
  arrows: 'arrow',
};

/** Every format a reader exists for. */
export const DATA_FORMATS: readonly DataFormat[] = ['csv', 'jsonl', 'parquet', 'arrow'];

/**
 * The format of `path` from its extension: see `describeFile`. Throws an
 * InputError for a name that does not say.
 */
export function detectFormat(path: string): DataFormat {
  return describeFile(path).format;
}

/**
 * The format of `path` from its extension: `.csv` `.tsv` `.tab` `.txt`
 * (delimited text), `.jsonl` `.ndjson`, `.parquet` `.pq`, `.arrow` `.feather`
 * `.ipc` `.arrows`; a further `.gz` means gzip-compressed text. Throws an
 * InputError for any other name unless `override` gives the format, and a
 * UsageError for an override that is not a format.
 */
export function describeFile(path: string, override?: DataFormat): DetectedFormat {
  const name = path.split(/[\\/]/).pop() ?? path;
  const parts = name.toLowerCase().split('.');
  const gzip = parts.length > 1 && parts[parts.length - 1] === 'gz';
  const extensionIndex = parts.length - (gzip ? 2 : 1);
  const extension = extensionIndex > 0 ? parts[extensionIndex] : '';
  const byName = EXTENSIONS[extension];
  // The override comes from a flag or an input: a typo is a usage error, not an unknown reader.
  if (override !== undefined && !DATA_FORMATS.includes(override)) {
    throw new UsageError(`unknown format '${String(override)}'; expected one of ${DATA_FORMATS.join(', ')}`);
  }
  const format = override ?? byName;
  if (format === undefined) {
    throw new InputError(
      { file: path },
      'unknown file type; expected a name ending in .csv, .tsv, .txt, .jsonl, .ndjson, .parquet, .arrow, .feather or .ipc (optionally .gz for text), or an explicit format',
    );
  }
  if (gzip && (format === 'parquet' || format === 'arrow')) {
    throw new InputError({ file: path }, `a gzip-compressed ${format} file cannot be streamed; expected an uncompressed .${extension} (${format} compresses its own columns)`);
  }
  return { format, gzip, tabSeparated: format === 'csv' && (extension === 'tsv' || extension === 'tab') };
}
