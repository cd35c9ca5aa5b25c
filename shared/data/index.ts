/**
 * Streaming table readers (CSV/TSV, JSON lines, Parquet, Arrow IPC / Feather)
 * producing record batches of typed columns. See `types.ts` for the shapes.
 */
export { openTable, openCsvRange } from './open.js';
export { lineAtOffset, splitCsvRanges, type SplitOptions } from './csv/ranges.js';
export type { CsvRange } from './csv/reader.js';
export { readHead, type HeadRow, type HeadTable } from './head.js';
export { invalidSourceText } from './invalid.js';
export { detectFormat } from './format.js';
export { COLUMN_TYPES } from './types.js';
export type {
  Column,
  ColumnType,
  BooleanColumn,
  DataFormat,
  Field,
  InvalidValueExample,
  NumberColumn,
  ReadOptions,
  RecordBatch,
  Schema,
  StringColumn,
  TableReader,
} from './types.js';
