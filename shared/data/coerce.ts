/**
 * Writing JavaScript values into typed columns, with the coercions a typed
 * source needs when its values meet a declared or inferred column type.
 *
 * - integer/float: numbers (integers must be whole), or text that is a number.
 * - boolean: booleans, or `true`/`false` text; a declared boolean also takes
 *   1/0 and the texts `parseDeclaredBoolean` accepts.
 * - date/datetime: ISO 8601 text (see text/temporal.ts), or epoch
 *   milliseconds given as a number (Arrow and Parquet temporals; not JSON,
 *   where 20240103 or 1704103200 is no date: invalid).
 * - string/category: text; numbers and booleans as their JavaScript text;
 *   objects and arrays as JSON.
 * Anything else is null and marked invalid, and counted.
 */
import { markInvalid } from './columns.js';
import type { StringDictionary } from './dictionary.js';
import type { InvalidTracker } from './invalid.js';
import { NOT_BOOLEAN, parseBooleanLiteral, parseDeclaredBoolean } from './text/boolean.js';
import { parseNumber } from './text/number.js';
import { parseDate, parseDatetime } from './text/temporal.js';
import type { Column, Field } from './types.js';

const encoder = new TextEncoder();

/** JSON text of any value (BigInts as decimal numbers). */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? Number(item) : item)) ?? String(value);
}

export class CellWriter {
  private scratch = new Uint8Array(64);
  private readonly declaredBoolean: boolean[];

  constructor(
    fields: readonly Field[],
    private readonly dictionaries: readonly (StringDictionary | undefined)[],
    private readonly tracker: InvalidTracker,
    declared: Readonly<Record<string, unknown>>,
    /** Whether a number in a date/datetime column is epoch milliseconds (typed sources' temporals). */
    private readonly temporalNumbers = true,
  ) {
    this.declaredBoolean = fields.map((field) => field.type === 'boolean' && declared[field.name] === 'boolean');
  }

  /**
   * Writes `value` at `row` of column `c` (columns pre-filled as null).
   * `fileRow` and `line` locate it for the invalid-value report.
   */
  write(column: Column, c: number, row: number, value: unknown, fileRow: number, line: number | undefined): void {
    if (value === null || value === undefined) return;
    switch (column.kind) {
      case 'number': {
        const number = this.toNumber(column.type, value);
        if (Number.isNaN(number)) break;
        column.values[row] = number;
        column.nulls[row] = 0;
        return;
      }
      case 'boolean': {
        const flag = this.toBoolean(c, value);
        if (flag === NOT_BOOLEAN) break;
        column.values[row] = flag;
        column.nulls[row] = 0;
        return;
      }
      case 'string': {
        const text = typeof value === 'string' ? value : typeof value === 'object' ? jsonText(value) : String(value);
        column.codes[row] = (this.dictionaries[c] as StringDictionary).codeOf(text);
        column.nulls[row] = 0;
        return;
      }
    }
    markInvalid(column, row, column.nulls.length);
    this.tracker.add(c, fileRow, line, typeof value === 'string' ? value : jsonText(value));
  }

  private toNumber(type: 'integer' | 'float' | 'date' | 'datetime', value: unknown): number {
    if (type === 'integer' || type === 'float') {
      let number = NaN;
      if (typeof value === 'number') number = Number.isFinite(value) ? value : NaN;
      else if (typeof value === 'bigint') number = Number(value);
      else if (typeof value === 'string') number = this.withBytes(value, parseNumber);
      return type === 'integer' && !Number.isInteger(number) ? NaN : number;
    }
    if (typeof value === 'number') return this.temporalNumbers && Number.isFinite(value) ? value : NaN;
    if (value instanceof Date) return value.getTime();
    if (typeof value !== 'string') return NaN;
    return type === 'date'
      ? this.withBytes(value, parseDate)
      : this.withBytes(value, (bytes, start, end) => parseDatetime(bytes, start, end, true));
  }

  private toBoolean(c: number, value: unknown): number {
    if (typeof value === 'boolean') return value ? 1 : 0;
    const declared = this.declaredBoolean[c];
    if (typeof value === 'number') return declared && (value === 0 || value === 1) ? value : NOT_BOOLEAN;
    if (typeof value !== 'string') return NOT_BOOLEAN;
    return this.withBytes(value, declared ? parseDeclaredBoolean : parseBooleanLiteral);
  }

  private withBytes(text: string, parse: (bytes: Uint8Array, start: number, end: number) => number): number {
    if (text.length * 3 > this.scratch.length) this.scratch = new Uint8Array(text.length * 3 + 16);
    const { written } = encoder.encodeInto(text, this.scratch);
    return parse(this.scratch, 0, written);
  }
}
