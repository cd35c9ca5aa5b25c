/**
 * Delayed labels: a file of request ids and their true outcome, arriving
 * after the predictions (did the customer churn?), joined to the log by id.
 * Conflicting labels for one id and unreadable labels are errors naming
 * their line; ids the window does not hold are counted, not errors (a labels
 * feed covers many windows).
 */
import { parseClassLabel } from '../evaluate/class-label.js';
import { openTable, type Column } from '../data/index.js';
import { InputError } from '../errors/index.js';
import type { Task } from '../evaluate/index.js';
import { columnNames, roleColumn, rowLocation, textAt, type LogView } from './log.js';

/** Labels by request id. */
export interface LabelSet {
  path: string | null;
  byId: Map<string, number>;
  rows: number;
}

/** A label's value: 0/1 for classification (numbers, booleans, 0/1/true/false text), any finite number for regression; undefined when unreadable. */
export function labelValue(column: Column, row: number, task: Task): number | undefined {
  if (column.nulls[row] === 1) return undefined;
  if (column.kind === 'boolean') return task === 'classification' ? column.values[row] : undefined;
  if (column.kind === 'number') {
    const value = column.values[row];
    if (task === 'regression') return Number.isFinite(value) ? value : undefined;
    return value === 0 || value === 1 ? value : undefined;
  }
  const text = column.dictionary[column.codes[row]];
  if (task === 'regression') {
    const value = Number(text.trim());
    return text.trim() !== '' && Number.isFinite(value) ? value : undefined;
  }
  return parseClassLabel(text);
}

/** Reads a labels file: `id` and `label` columns by the given names. */
export async function loadLabels(path: string, options: { id: string; label: string; task: Task }): Promise<LabelSet> {
  // Checked before declaring types: a JSON lines reader would add a declared column the file lacks.
  const present = await columnNames(path, undefined);
  for (const [role, name] of [
    ['id', options.id],
    ['label', options.label],
  ] as const) {
    if (!present.has(name)) {
      throw new InputError({ file: path }, `no ${role} column '${name}' (monitor.labels.${role}); the labels file has columns ${[...present].map((n) => `'${n}'`).join(', ')}`);
    }
  }
  const reader = await openTable(path, { types: { [options.id]: 'string', ...(options.task === 'regression' ? { [options.label]: 'float' } : {}) } });
  try {
    const names = reader.schema.fields.map((field) => field.name);
    const idIndex = names.indexOf(options.id);
    const labelIndex = names.indexOf(options.label);
    const byId = new Map<string, number>();
    const firstLine = new Map<string, number>();
    let rows = 0;
    for await (const batch of reader) {
      const ids = batch.columns[idIndex];
      const labels = batch.columns[labelIndex];
      for (let row = 0; row < batch.length; row++) {
        const line = batch.lines?.[row];
        const where = line !== undefined ? `line ${line}` : `row ${batch.rowOffset + row + 1}`;
        const id = ids.kind === 'string' ? (ids.nulls[row] === 1 ? undefined : ids.dictionary[ids.codes[row]]) : undefined;
        if (id === undefined || id === '') throw new InputError({ file: path, line }, `the request id is missing at ${where}`);
        const value = labelValue(labels, row, options.task);
        if (value === undefined) {
          const expected = options.task === 'classification' ? '0/1 or true/false' : 'a number';
          const text = labels.nulls[row] === 1 ? 'it is missing' : `got '${labels.kind === 'string' ? labels.dictionary[labels.codes[row]] : String(labels.values[row])}'`;
          throw new InputError({ file: path, line }, `the label of request '${id}' at ${where} must be ${expected}; ${text}`);
        }
        const earlier = byId.get(id);
        if (earlier !== undefined && earlier !== value) {
          throw new InputError({ file: path, line }, `request '${id}' is labelled ${earlier} at line ${firstLine.get(id)} and ${value} at ${where}; each request needs one label`);
        }
        if (earlier === undefined) {
          byId.set(id, value);
          if (line !== undefined) firstLine.set(id, line);
        }
        rows++;
      }
    }
    return { path, byId, rows };
  } finally {
    await reader.close();
  }
}

/**
 * Each row's label (NaN while unlabelled): the log's own label column where
 * it has a value, else the labels file's label for the row's request id.
 */
export function joinLabels(view: LogView, labels: LabelSet | null, task: Task): { values: Float64Array; matched: number } | null {
  const inline = roleColumn(view, 'label');
  if (inline === undefined && labels === null) return null;
  const values = new Float64Array(view.rows).fill(Number.NaN);
  if (inline !== undefined) {
    for (let row = 0; row < view.rows; row++) {
      if (inline.nulls[row] === 1) continue;
      const value = labelValue(inline, row, task);
      if (value === undefined) {
        const { location, text } = rowLocation(view, row);
        throw new InputError(location, `the label at ${text} must be ${task === 'classification' ? '0/1 or true/false' : 'a number'}; got '${textAt(inline, row)}'`);
      }
      values[row] = value;
    }
  }
  let matched = 0;
  if (labels !== null) {
    const ids = roleColumn(view, 'id');
    if (ids === undefined) throw new InputError({ file: view.path }, `joining labels needs a request id column in the log (monitor.columns.id; looked for '${view.roles.id ?? 'request_id'}')`);
    if (ids.kind === 'string') {
      // Look each distinct id up once; rows then map through their codes.
      const byCode = new Float64Array(ids.dictionary.length);
      for (let code = 0; code < ids.dictionary.length; code++) byCode[code] = labels.byId.get(ids.dictionary[code]) ?? Number.NaN;
      for (let row = 0; row < view.rows; row++) {
        const code = ids.codes[row];
        if (code < 0) continue;
        const value = byCode[code];
        if (value === value) {
          matched++;
          if (values[row] !== values[row]) values[row] = value;
        }
      }
    } else {
      for (let row = 0; row < view.rows; row++) {
        const id = textAt(ids, row);
        const value = id === undefined ? undefined : labels.byId.get(id);
        if (value !== undefined) {
          matched++;
          if (values[row] !== values[row]) values[row] = value;
        }
      }
    }
  }
  return { values, matched };
}
