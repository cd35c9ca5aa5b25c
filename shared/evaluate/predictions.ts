/** In-memory predictions: one model's file as loaded, and the joined evaluation rows. */
import type { SourceLocation } from '../errors/index.js';

/** A categorical column used to cut the rows into segments. */
export interface SegmentColumn {
  name: string;
  /** Index into `values`; -1 where the value is missing. */
  codes: Int32Array;
  values: string[];
}

/** One predictions file. */
export interface PredictionsTable {
  file: string;
  ids: string[];
  /** 0/1 (classification) or targets (regression); undefined when the file has no label column. */
  labels: Float64Array | undefined;
  scores: Float64Array;
  /** 1-based line of each row for text formats; undefined for binary formats. */
  lines: Int32Array | undefined;
  /** The requested segment columns this file has. */
  segments: SegmentColumn[];
}

/** The rows both models are evaluated on, aligned by id. */
export interface EvaluationRows {
  ids: string[];
  labels: Float64Array;
  challenger: Float64Array;
  /** Undefined when there is no champion. */
  champion: Float64Array | undefined;
  segments: SegmentColumn[];
  sources: { challenger: string; champion: string | null };
  /** Where row i came from in the challenger's file, for messages. */
  locate?: (row: number) => { location: SourceLocation; text: string };
}

/** `line 12` for text files, `row 12` (1-based data row) otherwise, and the location to report. */
export function locateRow(table: Pick<PredictionsTable, 'file' | 'lines'>, row: number): { location: SourceLocation; text: string } {
  if (table.lines !== undefined && table.lines[row] > 0) {
    return { location: { file: table.file, line: table.lines[row] }, text: `line ${table.lines[row]}` };
  }
  return { location: { file: table.file }, text: `row ${row + 1}` };
}
