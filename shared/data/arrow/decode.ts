/**
 * Arrow column data to our typed columns, reading the value buffers and the
 * validity bitmap directly (no per-value `get`). Dictionary-encoded columns
 * become codes into the reader's dictionary through a remap table built once
 * per Arrow dictionary.
 */
import { valueText } from '../value-text.js';
import { DataType, TimeUnit, type Data } from 'apache-arrow';
import { jsonText } from '../coerce.js';
import { hashBytes, type ByteDictionary, type StringDictionary } from '../dictionary.js';
import type { Column, ColumnType } from '../types.js';

const MS_PER_DAY = 86_400_000;

/** The column type an Arrow type reads as, before any declared override. */
export function naturalType(type: DataType): ColumnType {
  if (DataType.isInt(type)) return 'integer';
  if (DataType.isFloat(type) || DataType.isDecimal(type)) return 'float';
  if (DataType.isBool(type)) return 'boolean';
  if (DataType.isDate(type)) return 'date';
  if (DataType.isTimestamp(type)) return 'datetime';
  if (DataType.isDictionary(type)) return 'category';
  return 'string';
}

/** True when `data` is plain UTF-8 text with 32- or 64-bit offsets. */
export function isUtf8Data(data: Data): boolean {
  return DataType.isUtf8(data.type) || DataType.isLargeUtf8(data.type);
}

function isValid(bitmap: Uint8Array, index: number): boolean {
  return ((bitmap[index >> 3] >> (index & 7)) & 1) === 1;
}

/** Copies nulls for rows `[from, from + count)` of `data` into `nulls`; returns true when any. */
function readNulls(data: Data, from: number, count: number, nulls: Uint8Array): boolean {
  const bitmap = data.nullBitmap;
  if (data.nullCount === 0 || bitmap === undefined || bitmap.length === 0) {
    nulls.fill(0, 0, count);
    return false;
  }
  const base = data.offset + from;
  for (let i = 0; i < count; i++) nulls[i] = isValid(bitmap, base + i) ? 0 : 1;
  return true;
}

function halfToFloat(half: number): number {
  const exponent = (half >> 10) & 0x1f;
  const fraction = half & 0x3ff;
  const sign = half & 0x8000 ? -1 : 1;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 31) return fraction === 0 ? sign * Infinity : NaN;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

function decimalAt(words: Uint32Array, index: number, stride: number, scale: number): number {
  let value = 0n;
  for (let w = stride - 1; w >= 0; w--) value = (value << 32n) | BigInt(words[index * stride + w]);
  if (words[index * stride + stride - 1] & 0x80000000) value -= 1n << BigInt(32 * stride);
  return Number(value) / 10 ** scale;
}

/**
 * Reads rows `[from, from + count)` of numeric, temporal or boolean `data`
 * into `column` (its natural kind). Null cells get NaN (or 0).
 */
export function decodeNumbers(data: Data, from: number, count: number, column: Column): void {
  const type = data.type;
  const hasNulls = readNulls(data, from, count, column.nulls);
  if (column.kind === 'boolean') {
    const bits = data.values as Uint8Array;
    const base = data.offset + from;
    for (let i = 0; i < count; i++) column.values[i] = isValid(bits, base + i) ? 1 : 0;
    if (hasNulls) for (let i = 0; i < count; i++) if (column.nulls[i] === 1) column.values[i] = 0;
    return;
  }
  if (column.kind !== 'number') throw new Error('decodeNumbers needs a number or boolean column');
  const out = column.values;
  const values = data.values as ArrayLike<number | bigint>;
  if (DataType.isDate(type)) {
    if (values instanceof Int32Array) for (let i = 0; i < count; i++) out[i] = values[from + i] * MS_PER_DAY;
    else for (let i = 0; i < count; i++) out[i] = Number(values[from + i]);
  } else if (DataType.isTimestamp(type)) {
    const unit = type.unit;
    const perMs = unit === TimeUnit.SECOND ? 1e-3 : unit === TimeUnit.MILLISECOND ? 1 : unit === TimeUnit.MICROSECOND ? 1e3 : 1e6;
    for (let i = 0; i < count; i++) out[i] = perMs === 1 ? Number(values[from + i]) : Number(values[from + i]) / perMs;
  } else if (DataType.isDecimal(type)) {
    const words = data.values as Uint32Array;
    const stride = type.bitWidth / 32;
    for (let i = 0; i < count; i++) out[i] = data.nullCount > 0 && column.nulls[i] === 1 ? NaN : decimalAt(words, from + i, stride, type.scale);
  } else if (DataType.isFloat(type) && values instanceof Uint16Array) {
    for (let i = 0; i < count; i++) out[i] = halfToFloat(values[from + i]);
  } else if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
    for (let i = 0; i < count; i++) out[i] = Number(values[from + i]);
  } else {
    for (let i = 0; i < count; i++) out[i] = values[from + i] as number;
  }
  if (hasNulls) for (let i = 0; i < count; i++) if (column.nulls[i] === 1) out[i] = NaN;
  // A stored NaN is read as null, as everywhere else.
  for (let i = 0; i < count; i++) if (out[i] !== out[i]) column.nulls[i] = 1;
}

/**
 * Reads rows of UTF-8 `data` into `column.codes` through `dictionary`.
 * Returns the row (relative to `from`) of the first invalid UTF-8 value, or -1.
 */
export function decodeUtf8Codes(data: Data, from: number, count: number, column: Column, dictionary: ByteDictionary): number {
  if (column.kind !== 'string') throw new Error('decodeUtf8Codes needs a string column');
  readNulls(data, from, count, column.nulls);
  const bytes = data.values as Uint8Array;
  const offsets = data.valueOffsets as Int32Array | BigInt64Array;
  const wide = offsets instanceof BigInt64Array;
  for (let i = 0; i < count; i++) {
    if (column.nulls[i] === 1) {
      column.codes[i] = -1;
      continue;
    }
    const start = wide ? Number(offsets[from + i]) : (offsets[from + i] as number);
    const end = wide ? Number(offsets[from + i + 1]) : (offsets[from + i + 1] as number);
    const code = dictionary.codeOf(bytes, start, end, hashBytes(bytes, start, end));
    if (code < 0) return i;
    column.codes[i] = code;
  }
  return -1;
}

/** Maps each entry of an Arrow dictionary to a code in ours, built once per Arrow dictionary. */
export class DictionaryRemap {
  private source: unknown;
  private table = new Int32Array(0);

  codesFor(dictionaryVector: { length: number; get(index: number): unknown }, dictionary: StringDictionary): Int32Array {
    if (this.source === dictionaryVector) return this.table;
    const table = new Int32Array(dictionaryVector.length);
    for (let i = 0; i < table.length; i++) {
      const value = dictionaryVector.get(i);
      table[i] = value === null || value === undefined ? -1 : dictionary.codeOf(typeof value === 'string' ? value : jsonText(value));
    }
    this.source = dictionaryVector;
    this.table = table;
    return table;
  }
}

/** Reads rows of dictionary-encoded `data` into `column.codes`. */
export function decodeDictionaryCodes(data: Data, from: number, count: number, column: Column, dictionary: StringDictionary, remap: DictionaryRemap): void {
  if (column.kind !== 'string') throw new Error('decodeDictionaryCodes needs a string column');
  readNulls(data, from, count, column.nulls);
  const indices = data.values as ArrayLike<number | bigint>;
  const table = remap.codesFor(data.dictionary as unknown as { length: number; get(index: number): unknown }, dictionary);
  for (let i = 0; i < count; i++) {
    if (column.nulls[i] === 1) {
      column.codes[i] = -1;
      continue;
    }
    const code = table[Number(indices[from + i])];
    column.codes[i] = code;
    if (code < 0) column.nulls[i] = 1;
  }
}

/** Any other type: each value's JSON text (lists, structs, maps, binary, times, ...). */
export function decodeAsJson(vector: { get(index: number): unknown }, from: number, count: number, column: Column, dictionary: StringDictionary, type?: DataType): void {
  if (column.kind !== 'string') throw new Error('decodeAsJson needs a string column');
  const ticksPerSecond = type !== undefined && DataType.isTime(type) ? TIME_TICKS[(type as unknown as { unit: number }).unit] : undefined;
  for (let i = 0; i < count; i++) {
    const value = vector.get(from + i);
    if (value === null || value === undefined) {
      column.nulls[i] = 1;
      column.codes[i] = -1;
    } else {
      column.nulls[i] = 0;
      column.codes[i] = dictionary.codeOf(valueText(value, ticksPerSecond));
    }
  }
}

/** Ticks per second of Arrow's TimeUnit (SECOND, MILLISECOND, MICROSECOND, NANOSECOND). */
const TIME_TICKS = [1, 1_000, 1_000_000, 1_000_000_000] as const;

