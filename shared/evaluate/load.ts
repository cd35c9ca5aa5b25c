/**
 * Reads a predictions file (any format `openTable` reads) into typed arrays:
 * id, label, score and the requested segment columns. Every missing or
 * unreadable value is counted and reported with the line of its first
 * occurrence; nothing is skipped.
 */
import { parseClassLabel } from './class-label.js';
import { invalidSourceText, openTable } from '../data/index.js';
import type { Column, ColumnType, RecordBatch, TableReader } from '../data/index.js';
import { InputError } from '../errors/index.js';
import { formatCount } from './format.js';
import type { Task } from './metrics/catalog.js';
import type { PredictionsTable, SegmentColumn } from './predictions.js';

/** Names of the columns a predictions file holds. */
export interface PredictionColumns {
  id: string;
  label: string;
  score: string;
}

export const DEFAULT_COLUMNS: Readonly<PredictionColumns> = { id: 'id', label: 'label', score: 'score' };

export interface LoadPredictionsOptions {
  columns?: Partial<PredictionColumns>;
  task?: Task;
  /** Allow a file without the label column (a champion's file can rely on the challenger's labels). */
  labelOptional?: boolean;
  /** Segment columns to read when the file has them. */
  segments?: readonly string[];
}

/** A typed array that doubles as values are pushed. */
class Growable<T extends Float64Array | Int32Array> {
  private data: T;
  length = 0;
  constructor(private readonly make: (size: number) => T) {
    this.data = make(1024);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  toArray(): T {
    return this.data.slice(0, this.length) as T;
  }
}

const growableFloat64 = () => new Growable((size) => new Float64Array(size));
const growableInt32 = () => new Growable((size) => new Int32Array(size));

/** One kind of bad value: how many, and where the first one is. */
interface Problem {
  count: number;
  row: number;
  line: number | undefined;
  text: string;
}

class ProblemLog {
  private readonly problems = new Map<string, Problem>();
  add(what: string, row: number, line: number | undefined, text: string): void {
    const existing = this.problems.get(what);
    if (existing) existing.count++;
    else this.problems.set(what, { count: 1, row, line, text });
  }
  throwIfAny(file: string): void {
    if (this.problems.size === 0) return;
    const entries = [...this.problems.entries()].sort((a, b) => a[1].row - b[1].row);
    const [firstWhat, first] = entries[0];
    const describe = (what: string, problem: Problem) => {
      const where = problem.line !== undefined ? `line ${problem.line}` : `row ${problem.row + 1}`;
      const rows = problem.count === 1 ? `at ${where}` : `on ${formatCount(problem.count)} rows, first at ${where}`;
      return `${what} ${rows}${problem.text}`;
    };
    const others = entries.slice(1).map(([what, problem]) => describe(what, problem));
    const more = others.length > 0 ? `; also ${others.join('; ')}` : '';
    throw new InputError({ file, line: first.line }, `${describe(firstWhat, first)}${more}. Every evaluation row needs an id, a label and a numeric score.`);
  }
}

function textOf(column: Column, row: number): string | undefined {
  if (column.nulls[row] === 1) return undefined;
  switch (column.kind) {
    case 'string':
      return column.dictionary[column.codes[row]];
    case 'boolean':
      return column.values[row] === 1 ? 'true' : 'false';
    case 'number':
      return String(column.values[row]);
  }
}

function findColumn(reader: TableReader, name: string, role: string, required: boolean): number {
  const index = reader.schema.fields.findIndex((field) => field.name === name);
  if (index < 0 && required) {
    const names = reader.schema.fields.map((field) => `'${field.name}'`).join(', ');
    throw new InputError({ file: reader.path }, `no ${role} column '${name}'; the file has columns ${names}. Name the ${role} column in the configuration (evaluation.columns.${role}) or with the ${role} option.`);
  }
  return index;
}

/** Where the reader recorded the source text of an invalid value, quoted for a message. */
function invalidText(reader: TableReader, column: string, row: number): string {
  const text = invalidSourceText(reader.invalidExamples, column, row);
  return text !== undefined ? `: '${text}'` : '';
}

/** Reads the predictions file at `file`. */
export async function loadPredictions(file: string, options: LoadPredictionsOptions = {}): Promise<PredictionsTable> {
  const columns = { ...DEFAULT_COLUMNS, ...options.columns };
  const task = options.task ?? 'classification';
  const segmentNames = (options.segments ?? []).filter((name) => ![columns.id, columns.label, columns.score].includes(name));
  const types: Record<string, ColumnType> = { [columns.id]: 'string', [columns.score]: 'float' };
  if (task === 'regression') types[columns.label] = 'float';
  for (const name of segmentNames) types[name] = 'string';

  const reader = await openTable(file, { types });
  try {
    const idIndex = findColumn(reader, columns.id, 'id', true);
    const scoreIndex = findColumn(reader, columns.score, 'score', true);
    const labelIndex = findColumn(reader, columns.label, 'label', !options.labelOptional);
    const segmentIndexes = segmentNames.map((name) => ({ name, index: findColumn(reader, name, 'segment', false) })).filter((entry) => entry.index >= 0);

    const ids: string[] = [];
    const labels = growableFloat64();
    const scores = growableFloat64();
    const lines = growableInt32();
    let hasLines = true;
    const problems = new ProblemLog();
    const segments = segmentIndexes.map(({ name }) => ({ name, codes: growableInt32(), values: [] as string[], lookup: new Map<string, number>() }));
    const labelCache = new Map<number, number>();

    const readLabel = (column: Column, row: number, globalRow: number, line: number | undefined): number => {
      if (column.nulls[row] === 1) {
        problems.add('the label is missing', globalRow, line, column.invalid?.[row] === 1 ? invalidText(reader, column.name, globalRow) : '');
        return Number.NaN;
      }
      if (task === 'regression') {
        if (column.kind !== 'number') throw new InputError({ file }, `label column '${column.name}' must hold numbers for regression`);
        return column.values[row];
      }
      let value: number | undefined;
      if (column.kind === 'number') value = column.values[row] === 0 || column.values[row] === 1 ? column.values[row] : undefined;
      else if (column.kind === 'boolean') value = column.values[row];
      else {
        const code = column.codes[row];
        value = labelCache.get(code);
        if (value === undefined) {
          value = parseClassLabel(column.dictionary[code]);
          if (value !== undefined) labelCache.set(code, value);
        }
      }
      if (value === undefined) {
        problems.add('the label is not 0/1 or true/false', globalRow, line, `: '${textOf(column, row)}'`);
        return Number.NaN;
      }
      return value;
    };

    const readBatch = (batch: RecordBatch) => {
      const idColumn = batch.columns[idIndex];
      const scoreColumn = batch.columns[scoreIndex];
      const labelColumn = labelIndex >= 0 ? batch.columns[labelIndex] : undefined;
      if (scoreColumn.kind !== 'number') throw new InputError({ file }, `score column '${columns.score}' must hold numbers`);
      if (batch.lines === undefined) hasLines = false;
      for (let row = 0; row < batch.length; row++) {
        const globalRow = batch.rowOffset + row;
        const line = batch.lines?.[row];
        lines.push(line ?? 0);
        const id = textOf(idColumn, row);
        if (id === undefined || id === '') problems.add('the id is missing', globalRow, line, '');
        ids.push(id ?? '');
        if (scoreColumn.nulls[row] === 1) {
          const invalid = scoreColumn.invalid?.[row] === 1;
          problems.add(invalid ? 'the score is not a number' : 'the score is missing', globalRow, line, invalid ? invalidText(reader, columns.score, globalRow) : '');
        } else if (!Number.isFinite(scoreColumn.values[row])) {
          problems.add('the score is not finite', globalRow, line, `: ${scoreColumn.values[row]}`);
        }
        scores.push(scoreColumn.values[row]);
        if (labelColumn) labels.push(readLabel(labelColumn, row, globalRow, line));
        segmentIndexes.forEach(({ index }, s) => {
          const text = textOf(batch.columns[index], row);
          const segment = segments[s];
          if (text === undefined) {
            segment.codes.push(-1);
            return;
          }
          let code = segment.lookup.get(text);
          if (code === undefined) {
            code = segment.values.length;
            segment.values.push(text);
            segment.lookup.set(text, code);
          }
          segment.codes.push(code);
        });
      }
    };

    for await (const batch of reader) readBatch(batch);
    problems.throwIfAny(file);
    if (ids.length === 0) throw new InputError({ file }, 'the file has a header but no data rows; expected one row per evaluation example');

    const segmentColumns: SegmentColumn[] = segments.map((segment) => ({ name: segment.name, codes: segment.codes.toArray(), values: segment.values }));
    return {
      file,
      ids,
      labels: labelIndex >= 0 ? labels.toArray() : undefined,
      scores: scores.toArray(),
      lines: hasLines ? lines.toArray() : undefined,
      segments: segmentColumns,
    };
  } finally {
    await reader.close();
  }
}
