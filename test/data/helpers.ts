/** Shared helpers for the data reader tests. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { InputError } from '../../shared/errors/index.js';
import { openTable, type Column, type ColumnType, type ReadOptions, type RecordBatch, type TableReader } from '../../shared/data/index.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

/** A temporary directory removed by the returned cleanup. */
export function tempDir(): { dir: string; write(name: string, content: string | Uint8Array): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-data-'));
  return {
    dir,
    write(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type Cell = number | string | boolean | null;

/** A column's cells as plain values (null where null). */
export function cells(column: Column, length: number): Cell[] {
  const out: Cell[] = [];
  for (let i = 0; i < length; i++) {
    if (column.nulls[i] === 1) out.push(null);
    else if (column.kind === 'string') out.push(column.dictionary[column.codes[i]]);
    else if (column.kind === 'boolean') out.push(column.values[i] === 1);
    else out.push(column.values[i]);
  }
  return out;
}

export interface ReadResult {
  batches: RecordBatch[];
  /** Column name to all its cells. */
  columns: Record<string, Cell[]>;
  lines: number[];
  rows: number;
}

/** Reads every batch; checks batch offsets are contiguous. */
export async function readAll(reader: TableReader): Promise<ReadResult> {
  const batches: RecordBatch[] = [];
  const columns: Record<string, Cell[]> = {};
  for (const field of reader.schema.fields) columns[field.name] = [];
  const lines: number[] = [];
  let rows = 0;
  for await (const batch of reader) {
    expect(batch.rowOffset).toBe(rows);
    expect(batch.columns.map((column) => column.name)).toEqual(reader.schema.fields.map((field) => field.name));
    batches.push(batch);
    for (const column of batch.columns) columns[column.name].push(...cells(column, batch.length));
    if (batch.lines) lines.push(...batch.lines);
    rows += batch.length;
  }
  return { batches, columns, lines, rows };
}

/** Invalid-mask positions of a column over all batches. */
export function invalidRows(result: ReadResult, name: string): number[] {
  const rows: number[] = [];
  for (const batch of result.batches) {
    const column = batch.columns.find((c) => c.name === name);
    if (column?.invalid) column.invalid.forEach((flag, i) => flag === 1 && rows.push(batch.rowOffset + i));
  }
  return rows;
}

/** Asserts that `action` rejects with an InputError at this location whose message matches. */
export async function expectInputError(
  action: () => Promise<unknown>,
  expected: { file?: string; line?: number; column?: number; message: RegExp },
): Promise<InputError> {
  let caught: unknown;
  try {
    await action();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InputError);
  const error = caught as InputError;
  if (expected.file !== undefined) expect(error.location?.file).toBe(expected.file);
  if (expected.line !== undefined) expect(error.location?.line).toBe(expected.line);
  if (expected.column !== undefined) expect(error.location?.column).toBe(expected.column);
  expect(error.message).toMatch(expected.message);
  return error;
}

/** The schema's column types of a file (the reader is closed again). */
export async function typesOf(path: string, options: ReadOptions = {}): Promise<ColumnType[]> {
  const reader = await openTable(path, options);
  await reader.close();
  return reader.schema.fields.map((field) => field.type);
}
