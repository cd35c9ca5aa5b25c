/**
 * Prediction logs: one row per request, in any format `openTable` reads,
 * with configurable columns for each role (request id, timestamp, model
 * version, score, predicted class, confidence, latency, error, label) and
 * the feature columns. The whole log is loaded into typed columns; every
 * unreadable value of a role column is an error naming its line.
 */
import type { ColumnType, DataFormat, Schema, TableReader } from '../data/index.js';
import { openTable } from '../data/index.js';
import { loadTable, type LoadedColumn, type TableSource } from '../drift/index.js';
import { InputError } from '../errors/index.js';
import { DEFAULT_LOG_COLUMNS, LOG_ROLES, type LogColumns, type LogRole } from './settings.js';

/** A loaded log, or a window of one: columns of equal length, role columns found by name. */
export interface LogView {
  path: string;
  rows: number;
  schema: Schema;
  /** In schema order. */
  columns: LoadedColumn[];
  /** The column name of each role the log has. */
  roles: Partial<Record<LogRole, string>>;
  /** Request time per row, epoch milliseconds (null without a timestamp column). */
  timestamps: Float64Array | null;
  /** 1-based line of each row for text formats (null for binary formats). */
  lines: Int32Array | null;
}

export interface LoadLogOptions {
  columns?: LogColumns;
  /** Column types to read features with (the reference profile's). */
  featureTypes?: Record<string, ColumnType>;
  /** Regression: labels are numbers. */
  numericLabels?: boolean;
  /** The file's format when its name does not say (e.g. `predictions.log` holding JSON lines). */
  format?: DataFormat;
}

/** Roles whose values must be readable as numbers. */
const NUMERIC_ROLES: readonly LogRole[] = ['score', 'confidence', 'latency'];

class Lines {
  data = new Int32Array(65_536);
  length = 0;
  missing = false;
  append(lines: Int32Array | undefined, count: number): void {
    if (lines === undefined) {
      this.missing = true;
      return;
    }
    if (this.length + count > this.data.length) {
      let size = this.data.length;
      while (size < this.length + count) size *= 2;
      const bigger = new Int32Array(size);
      bigger.set(this.data.subarray(0, this.length));
      this.data = bigger;
    }
    this.data.set(lines.subarray(0, count), this.length);
    this.length += count;
  }
}

/**
 * Types to read the log's own columns with. Only names the file has: some
 * readers (JSON lines) add a declared column the data does not hold.
 */
function readTypes(options: LoadLogOptions, present: ReadonlySet<string>): Record<string, ColumnType> {
  const types: Record<string, ColumnType> = { ...options.featureTypes };
  const name = (role: LogRole) => options.columns?.[role] ?? DEFAULT_LOG_COLUMNS[role];
  types[name('id')] = 'string';
  types[name('version')] = 'category';
  types[name('prediction')] = 'category';
  for (const role of NUMERIC_ROLES) types[name(role)] = 'float';
  if (options.numericLabels) types[name('label')] = 'float';
  return Object.fromEntries(Object.entries(types).filter(([column]) => present.has(column)));
}

/** The column names of a table file (its header, or the names its first records hold). */
export async function columnNames(path: string, format: LoadLogOptions['format']): Promise<Set<string>> {
  const reader = await openTable(path, { format });
  await reader.close();
  return new Set(reader.schema.fields.map((field) => field.name));
}

function resolveRoles(schema: Schema, path: string, columns: LogColumns): Partial<Record<LogRole, string>> {
  const present = new Set(schema.fields.map((field) => field.name));
  const roles: Partial<Record<LogRole, string>> = {};
  for (const role of LOG_ROLES) {
    const explicit = columns[role];
    if (explicit !== undefined) {
      if (!present.has(explicit)) {
        throw new InputError(
          { file: path },
          `no ${role} column '${explicit}' (configured as monitor.columns.${role}); the log has columns ${schema.fields.map((field) => `'${field.name}'`).join(', ')}`,
        );
      }
      roles[role] = explicit;
    } else if (present.has(DEFAULT_LOG_COLUMNS[role])) {
      roles[role] = DEFAULT_LOG_COLUMNS[role];
    }
  }
  return roles;
}

/** Where row `row` is, for messages: `line 12` or `row 12`. */
export function rowLocation(view: Pick<LogView, 'path' | 'lines'>, row: number): { location: { file: string; line?: number }; text: string } {
  const line = view.lines?.[row];
  if (line !== undefined && line > 0) return { location: { file: view.path, line }, text: `line ${line}` };
  return { location: { file: view.path }, text: `row ${row + 1}` };
}

function checkInvalid(reader: TableReader, roles: Partial<Record<LogRole, string>>): void {
  for (const role of [...NUMERIC_ROLES, 'timestamp', 'label'] as LogRole[]) {
    const name = roles[role];
    if (name === undefined) continue;
    const count = reader.invalidCounts[name] ?? 0;
    if (count === 0) continue;
    const example = reader.invalidExamples.find((entry) => entry.column === name);
    const where = example?.line !== undefined ? `line ${example.line}` : example ? `row ${example.row + 1}` : 'a row';
    throw new InputError(
      { file: reader.path, line: example?.line },
      `the ${role} column '${name}' holds ${count} value${count === 1 ? '' : 's'} that cannot be read as ${example?.expected ?? 'a number'}, first at ${where}${example ? `: '${example.text}'` : ''}`,
    );
  }
}

/** Epoch milliseconds from a timestamp column: date-times as read, numbers as epoch seconds (below 1e11) or milliseconds. */
function timestampsOf(column: LoadedColumn, view: Pick<LogView, 'path' | 'lines'>): Float64Array {
  if (column.kind !== 'number') {
    throw new InputError({ file: view.path }, `the timestamp column '${column.name}' must hold ISO 8601 date-times or epoch seconds or milliseconds; it was read as ${column.type}`);
  }
  const values = column.values;
  let firstMissing = -1;
  let missing = 0;
  let largest = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== value) {
      missing++;
      if (firstMissing < 0) firstMissing = i;
    } else if (value > largest) largest = value;
  }
  if (missing > 0) {
    const { location, text } = rowLocation(view, firstMissing);
    throw new InputError(location, `the timestamp is missing on ${missing} row${missing === 1 ? '' : 's'}, first at ${text}; every request needs its time to be placed in a window`);
  }
  if (column.type === 'date' || column.type === 'datetime' || largest >= 1e11) return values;
  const scaled = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) scaled[i] = values[i] * 1000;
  return scaled;
}

/** A table source over in-memory columns, in batches (views, no copies). */
export function columnsSource(schema: Schema, columns: readonly LoadedColumn[], rows: number, batchSize = 65_536): TableSource {
  return {
    schema,
    async *[Symbol.asyncIterator]() {
      for (let start = 0; start < rows || (start === 0 && rows === 0); start += batchSize) {
        const end = Math.min(rows, start + batchSize);
        if (end <= start) return;
        yield {
          rowOffset: start,
          length: end - start,
          columns: columns.map((column) => {
            const nulls = column.nulls.subarray(start, end);
            if (column.kind === 'number') return { name: column.name, kind: 'number', type: column.type, nulls, values: column.values.subarray(start, end) };
            if (column.kind === 'boolean') return { name: column.name, kind: 'boolean', type: 'boolean', nulls, values: column.values.subarray(start, end) };
            return { name: column.name, kind: 'string', type: column.type, nulls, codes: column.codes.subarray(start, end), dictionary: column.dictionary };
          }),
        };
      }
    },
  };
}

/** Reads a prediction log. */
export async function loadPredictionLog(path: string, options: LoadLogOptions = {}): Promise<LogView> {
  const reader = await openTable(path, { types: readTypes(options, await columnNames(path, options.format)), format: options.format });
  try {
    const roles = resolveRoles(reader.schema, path, options.columns ?? {});
    const lines = new Lines();
    const source: TableSource = {
      schema: reader.schema,
      async *[Symbol.asyncIterator]() {
        for await (const batch of reader) {
          lines.append(batch.lines, batch.length);
          yield batch;
        }
      },
    };
    const table = await loadTable(source);
    checkInvalid(reader, roles);
    const view: LogView = {
      path,
      rows: table.rows,
      schema: reader.schema,
      columns: table.columns,
      roles,
      timestamps: null,
      lines: lines.missing ? null : lines.data.subarray(0, lines.length),
    };
    if (table.rows === 0) throw new InputError({ file: path }, 'the log has no rows; expected one row per request');
    if (roles.timestamp !== undefined) view.timestamps = timestampsOf(columnOf(view, roles.timestamp), view);
    return view;
  } finally {
    await reader.close();
  }
}

/** The column named `name`. */
export function columnOf(view: Pick<LogView, 'columns'>, name: string): LoadedColumn {
  const column = view.columns.find((candidate) => candidate.name === name);
  if (!column) throw new RangeError(`no column ${name}`);
  return column;
}

/** The column of a role, or undefined when the log has none. */
export function roleColumn(view: LogView, role: LogRole): LoadedColumn | undefined {
  const name = view.roles[role];
  return name === undefined ? undefined : columnOf(view, name);
}

/** A numeric role column's values (NaN where missing); undefined when absent. */
export function numericRole(view: LogView, role: LogRole): Float64Array | undefined {
  const column = roleColumn(view, role);
  if (column === undefined) return undefined;
  if (column.kind !== 'number') throw new InputError({ file: view.path }, `the ${role} column '${column.name}' must hold numbers; it was read as ${column.type}`);
  return column.values;
}

/** Text of a cell, undefined when missing. */
export function textAt(column: LoadedColumn, row: number): string | undefined {
  if (column.nulls[row] === 1) return undefined;
  if (column.kind === 'string') return column.dictionary[column.codes[row]];
  if (column.kind === 'boolean') return column.values[row] === 1 ? 'true' : 'false';
  return String(column.values[row]);
}

const NOT_AN_ERROR = new Set(['', '0', 'false', 'no', 'ok', 'none', 'null', 'success']);

/** 1 where the request failed: a true boolean, a non-zero number, or any text but ok/false/0/none. */
export function errorFlags(view: LogView): Uint8Array | undefined {
  const column = roleColumn(view, 'error');
  if (column === undefined) return undefined;
  const flags = new Uint8Array(view.rows);
  if (column.kind === 'boolean') {
    for (let i = 0; i < view.rows; i++) flags[i] = column.nulls[i] === 1 ? 0 : column.values[i];
  } else if (column.kind === 'number') {
    for (let i = 0; i < view.rows; i++) flags[i] = column.nulls[i] === 0 && column.values[i] !== 0 ? 1 : 0;
  } else {
    const failed = column.dictionary.map((text) => (NOT_AN_ERROR.has(text.trim().toLowerCase()) ? 0 : 1));
    for (let i = 0; i < view.rows; i++) flags[i] = column.codes[i] < 0 ? 0 : failed[column.codes[i]];
  }
  return flags;
}

/** Rows per model version (`(none)` for rows without one). */
export function versionCounts(view: LogView): Record<string, number> {
  const column = roleColumn(view, 'version');
  if (column === undefined || column.kind !== 'string') return {};
  const counts = new Int32Array(column.dictionary.length + 1);
  for (let i = 0; i < view.rows; i++) counts[column.codes[i] < 0 ? column.dictionary.length : column.codes[i]]++;
  const out: Record<string, number> = {};
  column.dictionary.forEach((text, code) => {
    if (counts[code] > 0) out[text] = (out[text] ?? 0) + counts[code];
  });
  if (counts[column.dictionary.length] > 0) out['(none)'] = counts[column.dictionary.length];
  return out;
}

/** The same log restricted to `rows` (ascending row indexes). */
export function takeRows(view: LogView, rows: Int32Array): LogView {
  const n = rows.length;
  const pick = <T extends Float64Array | Uint8Array | Int32Array>(source: T, make: (size: number) => T): T => {
    const out = make(n);
    for (let i = 0; i < n; i++) out[i] = source[rows[i]];
    return out;
  };
  const columns = view.columns.map((column): LoadedColumn => {
    const nulls = pick(column.nulls, (size) => new Uint8Array(size));
    let missing = 0;
    for (let i = 0; i < n; i++) missing += nulls[i];
    const base = { name: column.name, nulls, missing, invalidCount: column.invalidCount };
    if (column.kind === 'number') return { ...base, kind: 'number', type: column.type, values: pick(column.values, (size) => new Float64Array(size)) };
    if (column.kind === 'boolean') return { ...base, kind: 'boolean', type: 'boolean', values: pick(column.values, (size) => new Uint8Array(size)) };
    return { ...base, kind: 'string', type: column.type, codes: pick(column.codes, (size) => new Int32Array(size)), dictionary: column.dictionary };
  });
  return {
    ...view,
    rows: n,
    columns,
    timestamps: view.timestamps ? pick(view.timestamps, (size) => new Float64Array(size)) : null,
    lines: view.lines ? pick(view.lines, (size) => new Int32Array(size)) : null,
  };
}

/** `churn@v1.4.0`, `v1.4.0` and `1.4.0` name the same version. */
export function sameVersion(a: string, b: string): boolean {
  return normalVersion(a) === normalVersion(b);
}

function normalVersion(text: string): string {
  return text.trim().replace(/^.*@/, '').replace(/^v(?=\d)/, '');
}

/**
 * The rows (ascending) whose version column names `version` in any of the
 * spellings {@link sameVersion} accepts, with the spellings found; undefined
 * when the log has no text version column. One pass over the log.
 */
export function versionRows(view: LogView, version: string): { rows: Int32Array; names: string[] } | undefined {
  const column = roleColumn(view, 'version');
  if (column === undefined || column.kind !== 'string') return undefined;
  const wanted = new Uint8Array(column.dictionary.length);
  const names: string[] = [];
  column.dictionary.forEach((text, code) => {
    if (sameVersion(text, version)) {
      wanted[code] = 1;
      names.push(text);
    }
  });
  let count = 0;
  for (let i = 0; i < view.rows; i++) {
    const code = column.codes[i];
    if (code >= 0 && wanted[code] === 1) count++;
  }
  const rows = new Int32Array(count);
  let k = 0;
  for (let i = 0; i < view.rows; i++) {
    const code = column.codes[i];
    if (code >= 0 && wanted[code] === 1) rows[k++] = i;
  }
  return { rows, names };
}

