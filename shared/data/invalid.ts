/** Counting of values that did not coerce to their column's type. */
import type { ColumnType, Field, InvalidValueExample } from './types.js';

/** Examples kept per column; counts are always complete. */
export const EXAMPLES_PER_COLUMN = 20;
const MAX_EXAMPLE_TEXT = 200;

export class InvalidTracker {
  readonly counts: Record<string, number> = {};
  readonly examples: InvalidValueExample[] = [];
  private readonly exampleCounts: Int32Array;
  private readonly names: string[];
  private readonly types: ColumnType[];

  constructor(fields: readonly Field[]) {
    this.names = fields.map((field) => field.name);
    this.types = fields.map((field) => field.type);
    for (const name of this.names) this.counts[name] = 0;
    this.exampleCounts = new Int32Array(fields.length);
  }

  /** Whether an example for column `column` would still be kept (so callers can skip building its text). */
  wantsExample(column: number): boolean {
    return this.exampleCounts[column] < EXAMPLES_PER_COLUMN;
  }

  add(column: number, row: number, line: number | undefined, text: string | undefined): void {
    const name = this.names[column];
    this.counts[name]++;
    if (text === undefined || !this.wantsExample(column)) return;
    this.exampleCounts[column]++;
    const example: InvalidValueExample = {
      row,
      column: name,
      expected: this.types[column],
      text: text.length > MAX_EXAMPLE_TEXT ? `${text.slice(0, MAX_EXAMPLE_TEXT - 1)}…` : text,
    };
    if (line !== undefined) example.line = line;
    this.examples.push(example);
  }
}

/** The source text a reader kept of the invalid value at `row` (0-based) of `column`, if it kept one. */
export function invalidSourceText(examples: readonly InvalidValueExample[], column: string, row: number): string | undefined {
  return examples.find((example) => example.column === column && example.row === row)?.text;
}
