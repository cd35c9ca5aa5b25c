/**
 * Decimal numbers straight from bytes, equal to JavaScript's `Number(text)`.
 *
 * Grammar: optional spaces, optional sign, digits with an optional decimal
 * point (`1`, `1.`, `.5`, `1.5`), optional exponent (`e-7`), optional spaces.
 * Not numbers here: `0x1F`, `Infinity`, `NaN`, `1_000`, `1,5`, an empty text,
 * and values that overflow to ±Infinity.
 *
 * Fast path (Clinger): when the significant digits fit in 15 decimal digits
 * the mantissa is an exact integer below 2^53, and one multiplication or
 * division by an exact power of ten (at most 1e22) is correctly rounded, so
 * the result equals `Number(text)`. Anything else falls back to `Number` on
 * the validated text.
 */
import { latin1 } from '../utf8.js';

const POW10 = new Float64Array(23);
for (let i = 0, p = 1; i <= 22; i++, p *= 10) POW10[i] = p;

const SPACE = 0x20;
const ZERO = 0x30;
const DOT = 0x2e;
const PLUS = 0x2b;
const MINUS = 0x2d;
/** Cap on the exponent we accumulate: anything beyond is 0 or Infinity anyway. */
const EXPONENT_CAP = 100_000;

/**
 * True when `bytes[start, end)` (already known to be a number) is written as
 * an integer: no decimal point, no exponent.
 */
export function isIntegerText(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = bytes[i];
    if (c === DOT || c === 0x65 || c === 0x45) return false;
  }
  return true;
}

/** The value of `bytes[start, end)`, or NaN when it is not a number. */
export function parseNumber(bytes: Uint8Array, start: number, end: number): number {
  while (start < end && bytes[start] === SPACE) start++;
  while (end > start && bytes[end - 1] === SPACE) end--;
  if (start === end) return NaN;
  let i = start;
  let negative = false;
  let c = bytes[i];
  if (c === MINUS || c === PLUS) {
    negative = c === MINUS;
    i++;
  }
  let mantissa = 0;
  let significant = 0;
  let digits = 0;
  let scale = 0;
  while (i < end) {
    const d = bytes[i] - ZERO;
    if (d < 0 || d > 9) break;
    if (mantissa !== 0 || d !== 0) {
      if (significant < 15) mantissa = mantissa * 10 + d;
      else scale++;
      significant++;
    }
    digits++;
    i++;
  }
  if (i < end && bytes[i] === DOT) {
    i++;
    while (i < end) {
      const d = bytes[i] - ZERO;
      if (d < 0 || d > 9) break;
      if (mantissa !== 0 || d !== 0) {
        if (significant < 15) {
          mantissa = mantissa * 10 + d;
          scale--;
        }
        significant++;
      } else {
        scale--;
      }
      digits++;
      i++;
    }
  }
  if (digits === 0) return NaN;
  if (i < end) {
    c = bytes[i];
    if (c !== 0x65 && c !== 0x45) return NaN;
    i++;
    let exponentNegative = false;
    if (i < end && (bytes[i] === MINUS || bytes[i] === PLUS)) {
      exponentNegative = bytes[i] === MINUS;
      i++;
    }
    const exponentStart = i;
    let exponent = 0;
    while (i < end) {
      const d = bytes[i] - ZERO;
      if (d < 0 || d > 9) break;
      if (exponent < EXPONENT_CAP) exponent = exponent * 10 + d;
      i++;
    }
    if (i === exponentStart || i < end) return NaN;
    scale += exponentNegative ? -exponent : exponent;
  }
  let value: number;
  if (significant <= 15 && scale >= -22 && scale <= 22) {
    value = scale < 0 ? mantissa / POW10[-scale] : mantissa * POW10[scale];
  } else if (mantissa === 0) {
    value = 0;
  } else {
    value = Number(latin1(bytes, start, end));
    if (!Number.isFinite(value)) {
          return NaN;
    }
    return value;
  }
  return negative ? -value : value;
}
