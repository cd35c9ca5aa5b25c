/**
 * Type inference from a sample of text values.
 *
 * Order of preference, each requiring every non-null sample value to fit:
 * integer, float (integers and decimals; not when a value has a leading zero
 * like `007`, or is a whole number beyond 2^53, which a number would change),
 * boolean (`true`/`false` literals
 * only), date (`YYYY-MM-DD`), datetime (ISO 8601; dates mixed in are read as
 * midnight UTC). Otherwise text: `category` when the sample holds at most
 * `categoryMaxDistinct` distinct values and at least twice as many values as
 * distinct ones, else `string`. A column with no value in the sample is `string`.
 */
import { parseBooleanLiteral, NOT_BOOLEAN } from './text/boolean.js';
import { isIntegerText, parseNumber } from './text/number.js';
import { parseDate, parseDatetime } from './text/temporal.js';
import type { ColumnType } from './types.js';
import { decodeUtf8 } from './utf8.js';

export const DEFAULT_CATEGORY_MAX_DISTINCT = 50;

const encoder = new TextEncoder();

export class TypeSampler {
  private values = 0;
  private integer: boolean;
  private number: boolean;
  private boolean: boolean;
  private date = true;
  private datetime = true;
  private readonly distinct = new Set<string>();
  private tooManyDistinct = false;
  private scratch = new Uint8Array(64);

  /**
   * @param textOnly when the source is typed (JSON), text values are never
   *   numbers or booleans: `"02134"` stays text.
   */
  constructor(
    private readonly categoryMaxDistinct = DEFAULT_CATEGORY_MAX_DISTINCT,
    textOnly = false,
  ) {
    this.integer = !textOnly;
    this.number = !textOnly;
    this.boolean = !textOnly;
  }

  /** Observes a non-null value given as UTF-8 bytes. */
  observe(bytes: Uint8Array, start: number, end: number): void {
    this.observeTypes(bytes, start, end);
    if (!this.tooManyDistinct) {
      // Invalid UTF-8 is reported with its position by the reading pass.
      const text = decodeUtf8(bytes, start, end);
      if (text !== undefined) this.addDistinct(text);
    }
  }

  /** Observes a non-null value given as a string. */
  observeText(text: string): void {
    if (text.length * 3 > this.scratch.length) this.scratch = new Uint8Array(text.length * 3 + 16);
    const { written } = encoder.encodeInto(text, this.scratch);
    this.observeTypes(this.scratch, 0, written);
    if (!this.tooManyDistinct) this.addDistinct(text);
  }

  /** Counts the value and rules out every type it does not read as. */
  private observeTypes(bytes: Uint8Array, start: number, end: number): void {
    this.values++;
    if (this.number) {
      const value = parseNumber(bytes, start, end);
      // `007` and `02134` are codes, and 20-digit ids do not survive a double: reading either as a
      // number would change the value, so such a column stays text.
      if (Number.isNaN(value) || hasLeadingZero(bytes, start, end)) {
        this.number = false;
        this.integer = false;
      } else if (this.integer && !isIntegerText(bytes, start, end)) {
        this.integer = false;
      } else if (this.integer && !Number.isSafeInteger(value)) {
        this.number = false;
        this.integer = false;
      }
    }
    if (this.boolean && parseBooleanLiteral(bytes, start, end) === NOT_BOOLEAN) this.boolean = false;
    if (this.date && Number.isNaN(parseDate(bytes, start, end))) this.date = false;
    if (this.datetime && Number.isNaN(parseDatetime(bytes, start, end, true))) this.datetime = false;
  }

  private addDistinct(text: string): void {
    this.distinct.add(text);
    if (this.distinct.size > this.categoryMaxDistinct) {
      this.tooManyDistinct = true;
      this.distinct.clear();
    }
  }

  /** Number of non-null values observed. */
  get count(): number {
    return this.values;
  }

  result(): ColumnType {
    if (this.values === 0) return 'string';
    if (this.integer) return 'integer';
    if (this.number) return 'float';
    if (this.boolean) return 'boolean';
    if (this.date) return 'date';
    if (this.datetime) return 'datetime';
    return isCategory(this.tooManyDistinct ? Number.POSITIVE_INFINITY : this.distinct.size, this.values, this.categoryMaxDistinct) ? 'category' : 'string';
  }
}

/** `007`, `-01`, `00.5`: a zero followed by another digit at the start of the number. */
function hasLeadingZero(bytes: Uint8Array, start: number, end: number): boolean {
  let p = start;
  if (bytes[p] === 0x2b || bytes[p] === 0x2d) p++;
  return end - p >= 2 && bytes[p] === 0x30 && bytes[p + 1] >= 0x30 && bytes[p + 1] <= 0x39;
}

/** The category rule shared by every reader. */
export function isCategory(distinct: number, values: number, categoryMaxDistinct: number): boolean {
  return distinct <= categoryMaxDistinct && distinct * 2 <= values;
}
