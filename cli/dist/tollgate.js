// shared/errors/index.ts
function formatLocation(location) {
  let text = location.file;
  if (location.line !== void 0) {
    text += `:${location.line}`;
    if (location.column !== void 0) text += `:${location.column}`;
  }
  return text;
}
var TollgateError = class extends Error {
  /** Process exit code a command line should use for this failure. */
  exitCode = 2;
  /** Stable machine-readable code, e.g. `E_INPUT`. */
  code = "E_TOLLGATE";
  constructor(message, options2) {
    super(message, options2);
    this.name = new.target.name;
  }
};
var UsageError = class extends TollgateError {
  code = "E_USAGE";
};
var InputError = class extends TollgateError {
  code = "E_INPUT";
  location;
  /** The message without its location prefix. */
  detail;
  constructor(location, detail, options2) {
    super(location ? `${formatLocation(location)}: ${detail}` : detail, options2);
    this.location = location;
    this.detail = detail;
  }
};
var ConfigError = class extends InputError {
  code = "E_CONFIG";
};
function isUserFacing(error) {
  return error instanceof TollgateError;
}

// cli/commands/head.ts
import { resolve } from "node:path";

// shared/data/open.ts
import { stat } from "node:fs/promises";

// shared/data/arrow/reader.ts
import { open } from "node:fs/promises";
import { DataType as DataType2, RecordBatchReader } from "apache-arrow";

// shared/data/columns.ts
function kindOf(type) {
  if (type === "boolean") return "boolean";
  if (type === "string" || type === "category") return "string";
  return "number";
}
function allocateColumns(fields, dictionaries, capacity, prefillNull = true) {
  return fields.map((field, index) => {
    const nulls = new Uint8Array(capacity);
    if (prefillNull) nulls.fill(1);
    const kind = kindOf(field.type);
    if (kind === "number") {
      const values = new Float64Array(capacity);
      if (prefillNull) values.fill(NaN);
      return { name: field.name, kind, type: field.type, nulls, values };
    }
    if (kind === "boolean") return { name: field.name, kind, type: "boolean", nulls, values: new Uint8Array(capacity) };
    return {
      name: field.name,
      kind,
      type: field.type,
      nulls,
      codes: prefillNull ? new Int32Array(capacity).fill(-1) : new Int32Array(capacity),
      dictionary: dictionaries[index] ?? []
    };
  });
}
function trimColumns(columns, length) {
  return columns.map((column) => {
    const nulls = column.nulls.subarray(0, length);
    const invalid = column.invalid?.subarray(0, length);
    const base = { name: column.name, nulls, ...invalid ? { invalid } : {} };
    if (column.kind === "number") return { ...base, kind: "number", type: column.type, values: column.values.subarray(0, length) };
    if (column.kind === "boolean") return { ...base, kind: "boolean", type: "boolean", values: column.values.subarray(0, length) };
    return { ...base, kind: "string", type: column.type, codes: column.codes.subarray(0, length), dictionary: column.dictionary };
  });
}
function markInvalid(column, row, capacity) {
  if (column.invalid === void 0) column.invalid = new Uint8Array(capacity);
  column.invalid[row] = 1;
}

// shared/data/text/boolean.ts
var TRUE = 1;
var FALSE = 0;
var NOT_BOOLEAN = -1;
function lower(byte) {
  return byte >= 65 && byte <= 90 ? byte | 32 : byte;
}
function matches(bytes, start, end, word) {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (lower(bytes[start + i]) !== word.charCodeAt(i)) return false;
  return true;
}
function isOneCasing(bytes, start, end) {
  const secondUpper = bytes[start + 1] <= 90;
  for (let i = start + 1; i < end; i++) if (bytes[i] <= 90 !== secondUpper) return false;
  return !secondUpper || bytes[start] <= 90;
}
function parseBooleanLiteral(bytes, start, end) {
  if (matches(bytes, start, end, "true")) return isOneCasing(bytes, start, end) ? TRUE : NOT_BOOLEAN;
  if (matches(bytes, start, end, "false")) return isOneCasing(bytes, start, end) ? FALSE : NOT_BOOLEAN;
  return NOT_BOOLEAN;
}
function parseDeclaredBoolean(bytes, start, end) {
  if (matches(bytes, start, end, "true")) return TRUE;
  if (matches(bytes, start, end, "false")) return FALSE;
  if (end - start === 1) {
    const c = lower(bytes[start]);
    if (c === 49 || c === 121 || c === 116) return TRUE;
    if (c === 48 || c === 110 || c === 102) return FALSE;
    return NOT_BOOLEAN;
  }
  if (matches(bytes, start, end, "yes")) return TRUE;
  if (matches(bytes, start, end, "no")) return FALSE;
  return NOT_BOOLEAN;
}

// shared/data/utf8.ts
import { isUtf8 } from "node:buffer";
var fatalDecoder = new TextDecoder("utf-8", { fatal: true });
function isAscii(bytes, start, end) {
  for (let i = start; i < end; i++) if (bytes[i] >= 128) return false;
  return true;
}
function decodeUtf8(bytes, start, end) {
  if (isAscii(bytes, start, end)) return latin1(bytes, start, end);
  const view = bytes.subarray(start, end);
  if (!isUtf8(view)) return void 0;
  return fatalDecoder.decode(view);
}
function latin1(bytes, start, end) {
  if (end - start < 16) {
    let text = "";
    for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]);
    return text;
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("latin1");
}
function firstInvalidUtf8(bytes, start, end) {
  let i = start;
  while (i < end) {
    const b = bytes[i];
    if (b < 128) {
      i++;
      continue;
    }
    let need;
    let min;
    if (b >= 194 && b <= 223) {
      need = 1;
      min = 128;
    } else if (b >= 224 && b <= 239) {
      need = 2;
      min = 2048;
    } else if (b >= 240 && b <= 244) {
      need = 3;
      min = 65536;
    } else {
      return i;
    }
    if (i + need >= end) return i;
    let code = b & 63 >> need;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if ((c & 192) !== 128) return i;
      code = code << 6 | c & 63;
    }
    if (code < min || code > 1114111 || code >= 55296 && code <= 57343) return i;
    i += need + 1;
  }
  return -1;
}

// shared/data/text/number.ts
var POW10 = new Float64Array(23);
for (let i = 0, p = 1; i <= 22; i++, p *= 10) POW10[i] = p;
var SPACE = 32;
var ZERO = 48;
var DOT = 46;
var PLUS = 43;
var MINUS = 45;
var EXPONENT_CAP = 1e5;
function isIntegerText(bytes, start, end) {
  for (let i = start; i < end; i++) {
    const c = bytes[i];
    if (c === DOT || c === 101 || c === 69) return false;
  }
  return true;
}
function parseNumber(bytes, start, end) {
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
    if (c !== 101 && c !== 69) return NaN;
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
  let value;
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

// shared/data/text/temporal.ts
var MS_PER_DAY = 864e5;
var ZERO2 = 48;
function digit(bytes, at) {
  const d = bytes[at] - ZERO2;
  return d >= 0 && d <= 9 ? d : -1e5;
}
function twoDigits(bytes, at) {
  return digit(bytes, at) * 10 + digit(bytes, at + 1);
}
function daysFromCivil(year, month, day) {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
function daysInMonth(year, month) {
  if (month === 2) return year % 4 === 0 && year % 100 !== 0 || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
function datePart(bytes, at) {
  if (bytes[at + 4] !== 45 || bytes[at + 7] !== 45) return NaN;
  const year = twoDigits(bytes, at) * 100 + twoDigits(bytes, at + 2);
  const month = twoDigits(bytes, at + 5);
  const day = twoDigits(bytes, at + 8);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return daysFromCivil(year, month, day) * MS_PER_DAY;
}
function parseDate(bytes, start, end) {
  return end - start === 10 ? datePart(bytes, start) : NaN;
}
function parseDatetime(bytes, start, end, acceptDate) {
  const length = end - start;
  if (length === 10) return acceptDate ? datePart(bytes, start) : NaN;
  if (length < 16) return NaN;
  const day = datePart(bytes, start);
  if (Number.isNaN(day)) return NaN;
  const separator = bytes[start + 10];
  if (separator !== 84 && separator !== 32 && separator !== 116) return NaN;
  let i = start + 11;
  const hour = twoDigits(bytes, i);
  if (bytes[i + 2] !== 58) return NaN;
  const minute = twoDigits(bytes, i + 3);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
  i += 5;
  let ms = 0;
  if (i < end && bytes[i] === 58) {
    if (i + 3 > end) return NaN;
    const second = twoDigits(bytes, i + 1);
    if (second < 0 || second > 59) return NaN;
    ms = second * 1e3;
    i += 3;
    if (i < end && (bytes[i] === 46 || bytes[i] === 44)) {
      i++;
      const fractionStart = i;
      let scale = 100;
      while (i < end) {
        const d = bytes[i] - ZERO2;
        if (d < 0 || d > 9) break;
        ms += d * scale;
        scale /= 10;
        i++;
      }
      if (i === fractionStart) return NaN;
    }
  }
  let offsetMinutes = 0;
  if (i < end) {
    const zone = bytes[i];
    if (zone === 90 || zone === 122) {
      i++;
    } else if (zone === 43 || zone === 45) {
      const sign = zone === 45 ? -1 : 1;
      const offsetHours = twoDigits(bytes, i + 1);
      if (i + 3 > end || offsetHours < 0 || offsetHours > 23) return NaN;
      i += 3;
      let offsetMins = 0;
      if (i < end) {
        if (bytes[i] === 58) i++;
        if (i + 2 > end) return NaN;
        offsetMins = twoDigits(bytes, i);
        if (offsetMins < 0 || offsetMins > 59) return NaN;
        i += 2;
      }
      offsetMinutes = sign * (offsetHours * 60 + offsetMins);
    } else {
      return NaN;
    }
  }
  if (i !== end) return NaN;
  return day + (hour * 60 + minute - offsetMinutes) * 6e4 + ms;
}
function formatDate(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}
function formatDatetime(ms) {
  return new Date(ms).toISOString();
}

// shared/data/coerce.ts
var encoder = new TextEncoder();
function jsonText(value) {
  return JSON.stringify(value, (_key, item) => typeof item === "bigint" ? Number(item) : item) ?? String(value);
}
var CellWriter = class {
  constructor(fields, dictionaries, tracker, declared) {
    this.dictionaries = dictionaries;
    this.tracker = tracker;
    this.declaredBoolean = fields.map((field) => field.type === "boolean" && declared[field.name] === "boolean");
  }
  dictionaries;
  tracker;
  scratch = new Uint8Array(64);
  declaredBoolean;
  /**
   * Writes `value` at `row` of column `c` (columns pre-filled as null).
   * `fileRow` and `line` locate it for the invalid-value report.
   */
  write(column, c, row, value, fileRow, line) {
    if (value === null || value === void 0) return;
    switch (column.kind) {
      case "number": {
        const number = this.toNumber(column.type, value);
        if (Number.isNaN(number)) break;
        column.values[row] = number;
        column.nulls[row] = 0;
        return;
      }
      case "boolean": {
        const flag = this.toBoolean(c, value);
        if (flag === NOT_BOOLEAN) break;
        column.values[row] = flag;
        column.nulls[row] = 0;
        return;
      }
      case "string": {
        const text = typeof value === "string" ? value : typeof value === "object" ? jsonText(value) : String(value);
        column.codes[row] = this.dictionaries[c].codeOf(text);
        column.nulls[row] = 0;
        return;
      }
    }
    markInvalid(column, row, column.nulls.length);
    this.tracker.add(c, fileRow, line, typeof value === "string" ? value : jsonText(value));
  }
  toNumber(type, value) {
    if (type === "integer" || type === "float") {
      let number = NaN;
      if (typeof value === "number") number = Number.isFinite(value) ? value : NaN;
      else if (typeof value === "bigint") number = Number(value);
      else if (typeof value === "string") number = this.withBytes(value, parseNumber);
      return type === "integer" && !Number.isInteger(number) ? NaN : number;
    }
    if (typeof value === "number") return Number.isFinite(value) ? value : NaN;
    if (value instanceof Date) return value.getTime();
    if (typeof value !== "string") return NaN;
    return type === "date" ? this.withBytes(value, parseDate) : this.withBytes(value, (bytes, start, end) => parseDatetime(bytes, start, end, true));
  }
  toBoolean(c, value) {
    if (typeof value === "boolean") return value ? 1 : 0;
    const declared = this.declaredBoolean[c];
    if (typeof value === "number") return declared && (value === 0 || value === 1) ? value : NOT_BOOLEAN;
    if (typeof value !== "string") return NOT_BOOLEAN;
    return this.withBytes(value, declared ? parseDeclaredBoolean : parseBooleanLiteral);
  }
  withBytes(text, parse) {
    if (text.length * 3 > this.scratch.length) this.scratch = new Uint8Array(text.length * 3 + 16);
    const { written } = encoder.encodeInto(text, this.scratch);
    return parse(this.scratch, 0, written);
  }
};

// shared/data/convert.ts
function sameStorage(natural, target) {
  if (kindOf(natural) !== kindOf(target)) return false;
  if (target === "integer") return natural === "integer";
  if (target === "date") return natural === "date";
  return true;
}
function relabel(column, name, type) {
  if (column.kind === "number") return { ...column, name, type };
  if (column.kind === "string") return { ...column, name, type };
  return { ...column, name };
}
function convertColumn(natural, naturalType3, target, c, count, writer, rowOffset) {
  const asText = target.kind === "string";
  for (let i = 0; i < count; i++) {
    if (natural.nulls[i] === 1) continue;
    let value;
    if (natural.kind === "number") {
      const number = natural.values[i];
      value = asText && naturalType3 === "date" ? formatDate(number) : asText && naturalType3 === "datetime" ? formatDatetime(number) : number;
    } else if (natural.kind === "boolean") {
      value = natural.values[i] === 1;
    } else {
      value = natural.dictionary[natural.codes[i]];
    }
    writer.write(target, c, i, value, rowOffset + i, void 0);
  }
}

// shared/data/dictionary.ts
var FNV_OFFSET = 2166136261 | 0;
var FNV_PRIME = 16777619;
function hashBytes(bytes, start, end) {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], FNV_PRIME);
  return hash;
}
var FNV = { offset: FNV_OFFSET, prime: FNV_PRIME };
var StringDictionary = class {
  values = [];
  codes = /* @__PURE__ */ new Map();
  codeOf(text) {
    let code = this.codes.get(text);
    if (code === void 0) {
      code = this.values.length;
      this.values.push(text);
      this.codes.set(text, code);
    }
    return code;
  }
};
var ByteDictionary = class {
  values = [];
  slots = new Int32Array(1024);
  hashes = new Int32Array(256);
  starts = new Int32Array(256);
  lengths = new Int32Array(256);
  arena = new Uint8Array(4096);
  arenaUsed = 0;
  /**
   * The code of `bytes[start, end)` (whose FNV-1a hash is `hash`), adding it
   * when new. Returns -1 when the bytes of a new value are not valid UTF-8.
   */
  codeOf(bytes, start, end, hash) {
    const length = end - start;
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = hash & mask;
    while (true) {
      const entry = slots[slot];
      if (entry === 0) break;
      const code = entry - 1;
      if (this.hashes[code] === hash && this.lengths[code] === length && this.sameBytes(code, bytes, start, length)) return code;
      slot = slot + 1 & mask;
    }
    return this.insert(bytes, start, end, hash, slot);
  }
  sameBytes(code, bytes, start, length) {
    const arena = this.arena;
    const at = this.starts[code];
    for (let i = 0; i < length; i++) if (arena[at + i] !== bytes[start + i]) return false;
    return true;
  }
  insert(bytes, start, end, hash, slot) {
    const text = decodeUtf8(bytes, start, end);
    if (text === void 0) return -1;
    const code = this.values.length;
    if (code === this.hashes.length) this.growEntries();
    const length = end - start;
    if (this.arenaUsed + length > this.arena.length) {
      const grown = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + length));
      grown.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = grown;
    }
    this.arena.set(bytes.subarray(start, end), this.arenaUsed);
    this.starts[code] = this.arenaUsed;
    this.lengths[code] = length;
    this.hashes[code] = hash;
    this.arenaUsed += length;
    this.values.push(text);
    this.slots[slot] = code + 1;
    if ((code + 1) * 2 > this.slots.length) this.rehash();
    return code;
  }
  growEntries() {
    const size = this.hashes.length * 2;
    const grow = (old) => {
      const next = new Int32Array(size);
      next.set(old);
      return next;
    };
    this.hashes = grow(this.hashes);
    this.starts = grow(this.starts);
    this.lengths = grow(this.lengths);
  }
  rehash() {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let code = 0; code < this.values.length; code++) {
      let slot = this.hashes[code] & mask;
      while (slots[slot] !== 0) slot = slot + 1 & mask;
      slots[slot] = code + 1;
    }
    this.slots = slots;
  }
};

// shared/data/infer.ts
var DEFAULT_CATEGORY_MAX_DISTINCT = 50;
var encoder2 = new TextEncoder();
var TypeSampler = class {
  /**
   * @param textOnly when the source is typed (JSON), text values are never
   *   numbers or booleans: `"02134"` stays text.
   */
  constructor(categoryMaxDistinct = DEFAULT_CATEGORY_MAX_DISTINCT, textOnly = false) {
    this.categoryMaxDistinct = categoryMaxDistinct;
    this.integer = !textOnly;
    this.number = !textOnly;
    this.boolean = !textOnly;
  }
  categoryMaxDistinct;
  values = 0;
  integer;
  number;
  boolean;
  date = true;
  datetime = true;
  distinct = /* @__PURE__ */ new Set();
  tooManyDistinct = false;
  scratch = new Uint8Array(64);
  /** Observes a non-null value given as UTF-8 bytes. */
  observe(bytes, start, end) {
    this.values++;
    if (this.number) {
      if (Number.isNaN(parseNumber(bytes, start, end))) {
        this.number = false;
        this.integer = false;
      } else if (this.integer && !isIntegerText(bytes, start, end)) {
        this.integer = false;
      }
    }
    if (this.boolean && parseBooleanLiteral(bytes, start, end) === NOT_BOOLEAN) this.boolean = false;
    if (this.date && Number.isNaN(parseDate(bytes, start, end))) this.date = false;
    if (this.datetime && Number.isNaN(parseDatetime(bytes, start, end, true))) this.datetime = false;
    if (!this.tooManyDistinct) {
      const text = decodeUtf8(bytes, start, end);
      if (text !== void 0) this.addDistinct(text);
    }
  }
  /** Observes a non-null value given as a string. */
  observeText(text) {
    if (text.length * 3 > this.scratch.length) this.scratch = new Uint8Array(text.length * 3 + 16);
    const { written } = encoder2.encodeInto(text, this.scratch);
    this.values++;
    const bytes = this.scratch;
    if (this.number) {
      if (Number.isNaN(parseNumber(bytes, 0, written))) {
        this.number = false;
        this.integer = false;
      } else if (this.integer && !isIntegerText(bytes, 0, written)) {
        this.integer = false;
      }
    }
    if (this.boolean && parseBooleanLiteral(bytes, 0, written) === NOT_BOOLEAN) this.boolean = false;
    if (this.date && Number.isNaN(parseDate(bytes, 0, written))) this.date = false;
    if (this.datetime && Number.isNaN(parseDatetime(bytes, 0, written, true))) this.datetime = false;
    if (!this.tooManyDistinct) this.addDistinct(text);
  }
  addDistinct(text) {
    this.distinct.add(text);
    if (this.distinct.size > this.categoryMaxDistinct) {
      this.tooManyDistinct = true;
      this.distinct.clear();
    }
  }
  /** Number of non-null values observed. */
  get count() {
    return this.values;
  }
  result() {
    if (this.values === 0) return "string";
    if (this.integer) return "integer";
    if (this.number) return "float";
    if (this.boolean) return "boolean";
    if (this.date) return "date";
    if (this.datetime) return "datetime";
    return isCategory(this.tooManyDistinct ? Number.POSITIVE_INFINITY : this.distinct.size, this.values, this.categoryMaxDistinct) ? "category" : "string";
  }
};
function isCategory(distinct, values, categoryMaxDistinct) {
  return distinct <= categoryMaxDistinct && distinct * 2 <= values;
}

// shared/data/invalid.ts
var EXAMPLES_PER_COLUMN = 20;
var MAX_EXAMPLE_TEXT = 200;
var InvalidTracker = class {
  counts = {};
  examples = [];
  exampleCounts;
  names;
  types;
  constructor(fields) {
    this.names = fields.map((field) => field.name);
    this.types = fields.map((field) => field.type);
    for (const name of this.names) this.counts[name] = 0;
    this.exampleCounts = new Int32Array(fields.length);
  }
  /** Whether an example for column `column` would still be kept (so callers can skip building its text). */
  wantsExample(column) {
    return this.exampleCounts[column] < EXAMPLES_PER_COLUMN;
  }
  add(column, row, line, text) {
    const name = this.names[column];
    this.counts[name]++;
    if (text === void 0 || !this.wantsExample(column)) return;
    this.exampleCounts[column]++;
    const example = {
      row,
      column: name,
      expected: this.types[column],
      text: text.length > MAX_EXAMPLE_TEXT ? `${text.slice(0, MAX_EXAMPLE_TEXT - 1)}\u2026` : text
    };
    if (line !== void 0) example.line = line;
    this.examples.push(example);
  }
};

// shared/data/options.ts
var DEFAULT_BATCH_SIZE = 65536;
var DEFAULT_INFERENCE_ROWS = 1e4;
function positiveInteger(value, fallback, option) {
  if (value === void 0) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new UsageError(`invalid ${option} ${String(value)}; expected a positive integer`);
  }
  return value;
}

// shared/data/arrow/codecs.ts
import { CompressionType, compressionRegistry } from "apache-arrow";
import { decompressZstd } from "hyparquet-compressors";
var LZ4_MAGIC = 407708164;
function readUint32(bytes, at) {
  return (bytes[at] | bytes[at + 1] << 8 | bytes[at + 2] << 16 | bytes[at + 3] << 24) >>> 0;
}
var Output = class {
  bytes = new Uint8Array(1 << 16);
  length = 0;
  reserve(extra) {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
};
function decodeBlock(input, start, end, out) {
  let i = start;
  while (i < end) {
    const token = input[i++];
    let literals = token >> 4;
    if (literals === 15) {
      let extra;
      do {
        extra = input[i++];
        literals += extra;
      } while (extra === 255);
    }
    if (i + literals > end) throw new Error("lz4 block: literals run past the block");
    out.reserve(literals);
    out.bytes.set(input.subarray(i, i + literals), out.length);
    out.length += literals;
    i += literals;
    if (i >= end) return;
    const offset = input[i] | input[i + 1] << 8;
    i += 2;
    if (offset === 0 || offset > out.length) throw new Error("lz4 block: match offset out of range");
    let matchLength = (token & 15) + 4;
    if ((token & 15) === 15) {
      let extra;
      do {
        extra = input[i++];
        matchLength += extra;
      } while (extra === 255);
    }
    out.reserve(matchLength);
    const bytes = out.bytes;
    let from = out.length - offset;
    for (let k = 0; k < matchLength; k++) bytes[out.length++] = bytes[from++];
  }
}
function decompressLz4Frame(input) {
  const out = new Output();
  let i = 0;
  while (i + 4 <= input.length) {
    if (readUint32(input, i) !== LZ4_MAGIC) throw new Error("not an LZ4 frame");
    const flags = input[i + 4];
    i += 6;
    if (flags & 8) i += 8;
    if (flags & 1) i += 4;
    i += 1;
    const blockChecksum = (flags & 16) !== 0;
    while (true) {
      const size = readUint32(input, i);
      i += 4;
      if (size === 0) break;
      const length = size & 2147483647;
      if (i + length > input.length) throw new Error("lz4 frame: block runs past the input");
      if (size & 2147483648) {
        out.reserve(length);
        out.bytes.set(input.subarray(i, i + length), out.length);
        out.length += length;
      } else {
        decodeBlock(input, i, i + length, out);
      }
      i += length + (blockChecksum ? 4 : 0);
    }
    if (flags & 4) i += 4;
  }
  return out.bytes.subarray(0, out.length);
}
var registered = false;
function registerArrowCodecs() {
  if (registered) return;
  registered = true;
  if (compressionRegistry.get(CompressionType.LZ4_FRAME) === null) {
    compressionRegistry.set(CompressionType.LZ4_FRAME, { decode: decompressLz4Frame });
  }
  if (compressionRegistry.get(CompressionType.ZSTD) === null) {
    compressionRegistry.set(CompressionType.ZSTD, { decode: (input) => decompressZstd(input) });
  }
}

// shared/data/arrow/decode.ts
import { DataType, TimeUnit } from "apache-arrow";
var MS_PER_DAY2 = 864e5;
function naturalType(type) {
  if (DataType.isInt(type)) return "integer";
  if (DataType.isFloat(type) || DataType.isDecimal(type)) return "float";
  if (DataType.isBool(type)) return "boolean";
  if (DataType.isDate(type)) return "date";
  if (DataType.isTimestamp(type)) return "datetime";
  if (DataType.isDictionary(type)) return "category";
  return "string";
}
function isUtf8Data(data) {
  return DataType.isUtf8(data.type) || DataType.isLargeUtf8(data.type);
}
function isValid(bitmap, index) {
  return (bitmap[index >> 3] >> (index & 7) & 1) === 1;
}
function readNulls(data, from, count, nulls) {
  const bitmap = data.nullBitmap;
  if (data.nullCount === 0 || bitmap === void 0 || bitmap.length === 0) {
    nulls.fill(0, 0, count);
    return false;
  }
  const base = data.offset + from;
  for (let i = 0; i < count; i++) nulls[i] = isValid(bitmap, base + i) ? 0 : 1;
  return true;
}
function halfToFloat(half) {
  const exponent = half >> 10 & 31;
  const fraction = half & 1023;
  const sign = half & 32768 ? -1 : 1;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 31) return fraction === 0 ? sign * Infinity : NaN;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}
function decimalAt(words2, index, stride, scale) {
  let value = 0n;
  for (let w = stride - 1; w >= 0; w--) value = value << 32n | BigInt(words2[index * stride + w]);
  if (words2[index * stride + stride - 1] & 2147483648) value -= 1n << BigInt(32 * stride);
  return Number(value) / 10 ** scale;
}
function decodeNumbers(data, from, count, column) {
  const type = data.type;
  const hasNulls = readNulls(data, from, count, column.nulls);
  if (column.kind === "boolean") {
    const bits = data.values;
    const base = data.offset + from;
    for (let i = 0; i < count; i++) column.values[i] = isValid(bits, base + i) ? 1 : 0;
    if (hasNulls) {
      for (let i = 0; i < count; i++) if (column.nulls[i] === 1) column.values[i] = 0;
    }
    return;
  }
  if (column.kind !== "number") throw new Error("decodeNumbers needs a number or boolean column");
  const out = column.values;
  const values = data.values;
  if (DataType.isDate(type)) {
    if (values instanceof Int32Array) for (let i = 0; i < count; i++) out[i] = values[from + i] * MS_PER_DAY2;
    else for (let i = 0; i < count; i++) out[i] = Number(values[from + i]);
  } else if (DataType.isTimestamp(type)) {
    const unit = type.unit;
    const perMs = unit === TimeUnit.SECOND ? 1e-3 : unit === TimeUnit.MILLISECOND ? 1 : unit === TimeUnit.MICROSECOND ? 1e3 : 1e6;
    for (let i = 0; i < count; i++) out[i] = perMs === 1 ? Number(values[from + i]) : Number(values[from + i]) / perMs;
  } else if (DataType.isDecimal(type)) {
    const words2 = data.values;
    const stride = type.bitWidth / 32;
    for (let i = 0; i < count; i++) out[i] = data.nullCount > 0 && column.nulls[i] === 1 ? NaN : decimalAt(words2, from + i, stride, type.scale);
  } else if (DataType.isFloat(type) && values instanceof Uint16Array) {
    for (let i = 0; i < count; i++) out[i] = halfToFloat(values[from + i]);
  } else if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
    for (let i = 0; i < count; i++) out[i] = Number(values[from + i]);
  } else {
    for (let i = 0; i < count; i++) out[i] = values[from + i];
  }
  if (hasNulls) {
    for (let i = 0; i < count; i++) if (column.nulls[i] === 1) out[i] = NaN;
  }
  for (let i = 0; i < count; i++) if (out[i] !== out[i]) column.nulls[i] = 1;
}
function decodeUtf8Codes(data, from, count, column, dictionary) {
  if (column.kind !== "string") throw new Error("decodeUtf8Codes needs a string column");
  readNulls(data, from, count, column.nulls);
  const bytes = data.values;
  const offsets = data.valueOffsets;
  const wide = offsets instanceof BigInt64Array;
  for (let i = 0; i < count; i++) {
    if (column.nulls[i] === 1) {
      column.codes[i] = -1;
      continue;
    }
    const start = wide ? Number(offsets[from + i]) : offsets[from + i];
    const end = wide ? Number(offsets[from + i + 1]) : offsets[from + i + 1];
    const code = dictionary.codeOf(bytes, start, end, hashBytes(bytes, start, end));
    if (code < 0) return i;
    column.codes[i] = code;
  }
  return -1;
}
var DictionaryRemap = class {
  source;
  table = new Int32Array(0);
  codesFor(dictionaryVector, dictionary) {
    if (this.source === dictionaryVector) return this.table;
    const table = new Int32Array(dictionaryVector.length);
    for (let i = 0; i < table.length; i++) {
      const value = dictionaryVector.get(i);
      table[i] = value === null || value === void 0 ? -1 : dictionary.codeOf(typeof value === "string" ? value : jsonText(value));
    }
    this.source = dictionaryVector;
    this.table = table;
    return table;
  }
};
function decodeDictionaryCodes(data, from, count, column, dictionary, remap) {
  if (column.kind !== "string") throw new Error("decodeDictionaryCodes needs a string column");
  readNulls(data, from, count, column.nulls);
  const indices = data.values;
  const table = remap.codesFor(data.dictionary, dictionary);
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
function decodeAsJson(vector, from, count, column, dictionary) {
  if (column.kind !== "string") throw new Error("decodeAsJson needs a string column");
  for (let i = 0; i < count; i++) {
    const value = vector.get(from + i);
    if (value === null || value === void 0) {
      column.nulls[i] = 1;
      column.codes[i] = -1;
    } else {
      column.nulls[i] = 0;
      column.codes[i] = dictionary.codeOf(typeof value === "string" ? value : jsonText(value));
    }
  }
}

// shared/data/arrow/reader.ts
var FILE_MAGIC = "ARROW1";
function pathOf(type) {
  if (DataType2.isDictionary(type)) return "dictionary";
  if (DataType2.isUtf8(type) || DataType2.isLargeUtf8(type)) return "utf8";
  const natural = naturalType(type);
  return natural === "string" ? "json" : "numbers";
}
function corrupt(path, error) {
  if (error instanceof InputError) return error;
  return new InputError({ file: path }, `not a readable Arrow IPC file (${error.message}); expected an Arrow IPC / Feather v2 file`, { cause: error });
}
async function openArrow(path, options2) {
  registerArrowCodecs();
  const batchSize = positiveInteger(options2.batchSize, DEFAULT_BATCH_SIZE, "batchSize");
  const inferenceRows = positiveInteger(options2.inferenceRows, DEFAULT_INFERENCE_ROWS, "inferenceRows");
  const categoryMaxDistinct = positiveInteger(options2.categoryMaxDistinct, DEFAULT_CATEGORY_MAX_DISTINCT, "categoryMaxDistinct");
  const handle = await open(path, "r");
  try {
    await checkMagic(handle, path);
    let iterator;
    let schema;
    let first;
    try {
      const reader = await RecordBatchReader.from(handle);
      await reader.open();
      schema = reader.schema;
      iterator = reader[Symbol.asyncIterator]();
      const next = await iterator.next();
      first = next.done ? void 0 : next.value;
    } catch (error) {
      throw corrupt(path, error);
    }
    if (schema === void 0 || schema.fields.length === 0) throw new InputError({ file: path }, "the file has no columns; expected an Arrow table");
    const declared = options2.types ?? {};
    const readings = schema.fields.map((arrowField, c) => {
      const path2 = pathOf(arrowField.type);
      let natural = naturalType(arrowField.type);
      if (path2 === "utf8" && first !== void 0) natural = textTypeOf(first, c, inferenceRows, categoryMaxDistinct);
      const field = { name: arrowField.name, type: declared[arrowField.name] ?? natural };
      return { path: path2, natural, field, remap: new DictionaryRemap() };
    });
    for (const reading of readings) {
      if (!sameStorage(reading.natural, reading.field.type)) continue;
      if (reading.path === "utf8") reading.bytes = new ByteDictionary();
      else if (reading.path !== "numbers") reading.strings = new StringDictionary();
    }
    return new ArrowTableReader(path, readings, handle, iterator, first, batchSize, declared);
  } catch (error) {
    await handle.close().catch(() => void 0);
    throw error;
  }
}
async function checkMagic(handle, path) {
  const head = Buffer.alloc(8);
  const { bytesRead } = await handle.read(head, 0, 8, 0);
  if (bytesRead === 0) throw new InputError({ file: path }, "the file is empty; expected an Arrow IPC / Feather v2 file");
  const isFile = head.toString("latin1", 0, 6) === FILE_MAGIC;
  const isStream = bytesRead >= 4 && head.readUInt32LE(0) === 4294967295;
  if (!isFile && !isStream) {
    throw new InputError({ file: path }, "not an Arrow IPC file (no ARROW1 magic or stream header); expected an Arrow IPC / Feather v2 file (Feather v1 files must be re-saved as v2)");
  }
}
function textTypeOf(batch, c, rows, categoryMaxDistinct) {
  const data = batch.data.children[c];
  if (!isUtf8Data(data)) return "string";
  const count = Math.min(rows, batch.numRows);
  const column = allocateColumns([{ name: "", type: "string" }], [[]], count, false)[0];
  const dictionary = new ByteDictionary();
  decodeUtf8Codes(data, 0, count, column, dictionary);
  let values = 0;
  for (let i = 0; i < count; i++) values += column.nulls[i] === 0 ? 1 : 0;
  return values > 0 && isCategory(dictionary.values.length, values, categoryMaxDistinct) ? "category" : "string";
}
var ArrowTableReader = class {
  constructor(path, readings, handle, iterator, first, batchSize, declared) {
    this.path = path;
    this.readings = readings;
    this.handle = handle;
    this.iterator = iterator;
    this.first = first;
    this.batchSize = batchSize;
    this.schema = { fields: readings.map((reading) => reading.field) };
    this.tracker = new InvalidTracker(this.schema.fields);
    this.outputDictionaries = readings.map(() => new StringDictionary());
    this.writer = new CellWriter(this.schema.fields, this.outputDictionaries, this.tracker, declared);
  }
  path;
  readings;
  handle;
  iterator;
  first;
  batchSize;
  format = "arrow";
  schema;
  tracker;
  writer;
  outputDictionaries;
  started = false;
  get invalidCounts() {
    return this.tracker.counts;
  }
  get invalidExamples() {
    return this.tracker.examples;
  }
  async *[Symbol.asyncIterator]() {
    if (this.started) throw new Error(`${this.path}: a TableReader can be iterated once`);
    this.started = true;
    try {
      let rowOffset = 0;
      let arrowBatch = this.first;
      this.first = void 0;
      while (arrowBatch !== void 0) {
        for (let from = 0; from < arrowBatch.numRows; from += this.batchSize) {
          const count = Math.min(this.batchSize, arrowBatch.numRows - from);
          yield this.convert(arrowBatch, from, count, rowOffset);
          rowOffset += count;
        }
        let next;
        try {
          next = await this.iterator.next();
        } catch (error) {
          throw corrupt(this.path, error);
        }
        arrowBatch = next.done ? void 0 : next.value;
      }
    } finally {
      await this.close();
    }
  }
  convert(arrowBatch, from, count, rowOffset) {
    const columns = this.readings.map((reading, c) => {
      const { path, natural, field } = reading;
      const data = arrowBatch.data.children[c];
      const naturalDictionary = reading.bytes ?? reading.strings ?? (path === "utf8" ? new ByteDictionary() : new StringDictionary());
      const decoded = allocateColumns([{ name: field.name, type: natural }], [naturalDictionary.values], count, false)[0];
      if (path === "numbers") {
        decodeNumbers(data, from, count, decoded);
      } else if (path === "utf8") {
        const bad = decodeUtf8Codes(data, from, count, decoded, naturalDictionary);
        if (bad >= 0) throw new InputError({ file: this.path }, `column ${JSON.stringify(field.name)}, row ${rowOffset + bad + 1}: invalid UTF-8 in a string value; expected UTF-8 text`);
      } else if (path === "dictionary") {
        decodeDictionaryCodes(data, from, count, decoded, naturalDictionary, reading.remap);
      } else {
        decodeAsJson(arrowBatch.getChildAt(c), from, count, decoded, naturalDictionary);
      }
      if (sameStorage(natural, field.type)) return relabel(decoded, field.name, field.type);
      const target = allocateColumns([field], [this.outputDictionaries[c].values], count)[0];
      convertColumn(decoded, natural, target, c, count, this.writer, rowOffset);
      return target;
    });
    return { rowOffset, length: count, columns };
  }
  async close() {
    await this.iterator.return?.().catch(() => void 0);
    await this.handle.close().catch(() => void 0);
  }
};

// shared/data/byte-source.ts
import { createReadStream } from "node:fs";
import { open as open2 } from "node:fs/promises";
import { createGunzip } from "node:zlib";
var FileByteSource = class _FileByteSource {
  constructor(handle, start, end) {
    this.handle = handle;
    this.start = start;
    this.end = end;
    this.position = start;
  }
  handle;
  start;
  end;
  position;
  static async open(path, start = 0, end = Number.POSITIVE_INFINITY) {
    return new _FileByteSource(await open2(path, "r"), start, end);
  }
  async read(target, offset, length) {
    const wanted = Math.min(length, this.end - this.position);
    if (wanted <= 0) return 0;
    const { bytesRead } = await this.handle.read(target, offset, wanted, this.position);
    this.position += bytesRead;
    return bytesRead;
  }
  async rewind() {
    this.position = this.start;
  }
  async close() {
    await this.handle.close().catch(() => void 0);
  }
};
var GzipByteSource = class {
  constructor(path) {
    this.path = path;
  }
  path;
  stream;
  iterator;
  pending;
  pendingOffset = 0;
  done = false;
  async read(target, offset, length) {
    let written = 0;
    while (written < length && !this.done) {
      if (this.pending === void 0 || this.pendingOffset >= this.pending.length) {
        const next = await this.nextChunk();
        if (next === void 0) break;
        this.pending = next;
        this.pendingOffset = 0;
        continue;
      }
      const take = Math.min(length - written, this.pending.length - this.pendingOffset);
      target.set(this.pending.subarray(this.pendingOffset, this.pendingOffset + take), offset + written);
      this.pendingOffset += take;
      written += take;
    }
    return written;
  }
  async nextChunk() {
    if (this.iterator === void 0) {
      const file = createReadStream(this.path);
      const gunzip = createGunzip();
      file.on("error", (error) => gunzip.destroy(error));
      this.stream = file.pipe(gunzip);
      this.iterator = this.stream[Symbol.asyncIterator]();
    }
    try {
      const result2 = await this.iterator.next();
      if (result2.done) {
        this.done = true;
        return void 0;
      }
      return result2.value;
    } catch (error) {
      throw new InputError({ file: this.path }, `not a readable gzip file (${error.message}); expected gzip-compressed text`, { cause: error });
    }
  }
  async rewind() {
    await this.close();
    this.done = false;
  }
  async close() {
    this.stream?.destroy();
    this.stream = void 0;
    this.iterator = void 0;
    this.pending = void 0;
    this.pendingOffset = 0;
  }
};

// shared/data/csv/dialect.ts
var DELIMITER_CANDIDATES = [44, 9, 59, 124];
var QUOTE = 34;
var LF = 10;
var CR = 13;
var RECORDS_TO_CHECK = 20;
function countFields(bytes, start, end, complete, delimiter, state) {
  let i = start;
  let fields = 1;
  while (true) {
    if (i < end && bytes[i] === QUOTE) {
      i++;
      while (i < end && !(bytes[i] === QUOTE && !(i + 1 < end && bytes[i + 1] === QUOTE))) i += bytes[i] === QUOTE ? 2 : 1;
      if (i >= end) return -1;
      i++;
    }
    while (i < end && bytes[i] !== delimiter && bytes[i] !== LF && bytes[i] !== CR) i++;
    if (i >= end) {
      if (!complete) return -1;
      state.next = end;
      return fields;
    }
    if (bytes[i] === delimiter) {
      fields++;
      i++;
      continue;
    }
    state.next = i + (bytes[i] === CR && i + 1 < end && bytes[i + 1] === LF ? 2 : 1);
    return fields;
  }
}
function detectDelimiter(bytes, start, end, complete) {
  let best = DELIMITER_CANDIDATES[0];
  let bestFields = 1;
  const state = { next: 0 };
  for (const delimiter of DELIMITER_CANDIDATES) {
    let position = start;
    let expected = -1;
    let consistent = true;
    for (let record = 0; record < RECORDS_TO_CHECK && position < end; record++) {
      const blank = bytes[position] === LF || bytes[position] === CR;
      const fields = countFields(bytes, position, end, complete, delimiter, state);
      if (fields < 0) break;
      position = state.next;
      if (blank) continue;
      if (expected < 0) {
        expected = fields;
      } else if (fields !== expected) {
        consistent = false;
        break;
      }
    }
    if (consistent && expected > bestFields) {
      best = delimiter;
      bestFields = expected;
    }
  }
  return best;
}

// shared/data/csv/scanner.ts
var KIND_FLOAT = 0;
var KIND_INTEGER = 1;
var KIND_BOOLEAN = 2;
var KIND_DATE = 3;
var KIND_DATETIME = 4;
var KIND_TEXT = 5;
var KIND_SAMPLE = 6;
var SCAN_FULL = 0;
var SCAN_NEED_DATA = 1;
var SCAN_END = 2;
var LF2 = 10;
var CR2 = 13;
var QUOTE2 = 34;
var MINUS2 = 45;
var DOT2 = 46;
var POW102 = new Float64Array(16);
for (let i = 0, power = 1; i < 16; i++, power *= 10) POW102[i] = power;
var BOM = [239, 187, 191];
var DEFAULT_CHUNK = 1 << 20;
var NO_FLOATS = new Float64Array(0);
var NO_BYTES = new Uint8Array(0);
var NO_INTS = new Int32Array(0);
var CsvScanner = class {
  constructor(source, file, chunkSize = DEFAULT_CHUNK) {
    this.source = source;
    this.file = file;
    this.buf = Buffer.allocUnsafe(chunkSize + 1);
  }
  source;
  file;
  buf;
  dataEnd = 0;
  eof = false;
  pos = 0;
  /** Offset in the stream of `buf[0]`. */
  base = 0;
  line = 1;
  /** Stream offset where the current line starts (for columns in messages). */
  lineStart = 0;
  delimiter = 44;
  special = new Uint8Array(256);
  scratch = Buffer.allocUnsafe(256);
  columnCount = 0;
  kinds = new Int8Array(0);
  declaredBoolean = new Uint8Array(0);
  dictionaries = [];
  nullTexts = [];
  target;
  /** Rows written to the current target. */
  row = 0;
  /** Rows committed before the current target (the file's data-row index of `row` 0). */
  rowOffset = 0;
  tracker;
  pendingInvalidColumns = [];
  pendingInvalidTexts = [];
  samplers = [];
  sampleStarts = new Int32Array(0);
  sampleEnds = new Int32Array(0);
  sampleTexts = [];
  /** Reads the first chunk and skips a UTF-8 BOM. Returns false for an empty stream. */
  async start() {
    this.dataEnd = 0;
    this.eof = false;
    this.pos = 0;
    this.base = 0;
    this.line = 1;
    this.lineStart = 0;
    this.row = 0;
    this.rowOffset = 0;
    await this.fill();
    if (this.dataEnd >= 2 && (this.buf[0] === 255 && this.buf[1] === 254 || this.buf[0] === 254 && this.buf[1] === 255)) {
      throw new InputError({ file: this.file, line: 1 }, "the file is UTF-16 encoded; expected UTF-8 text (re-save it as UTF-8)");
    }
    if (this.dataEnd >= 3 && BOM.every((byte, i) => this.buf[i] === byte)) {
      this.pos = 3;
      this.lineStart = 3;
    }
    return this.pos < this.dataEnd;
  }
  /** Starts over from the first byte (after an inference pass). */
  async rewind() {
    await this.source.rewind();
    await this.start();
  }
  async close() {
    await this.source.close();
  }
  /** The bytes read but not yet scanned, for delimiter detection. */
  get pending() {
    return { bytes: this.buf, start: this.pos, end: this.dataEnd, complete: this.eof };
  }
  setDelimiter(delimiter) {
    this.delimiter = delimiter;
    this.special.fill(0);
    this.special[delimiter] = 1;
    this.special[LF2] = 1;
    this.special[CR2] = 1;
  }
  /** Texts (besides the empty field) that read as null. */
  setNullTexts(texts) {
    this.nullTexts = texts.filter((text) => text !== "").map((text) => Buffer.from(text, "utf8"));
  }
  /**
   * Keeps the unscanned tail and reads more after it, growing the buffer when
   * one record fills it. Returns false at the end of the stream.
   */
  async fill() {
    if (this.eof) return false;
    const keep = this.dataEnd - this.pos;
    if (this.pos > 0) {
      this.buf.copy(this.buf, 0, this.pos, this.dataEnd);
      this.base += this.pos;
      this.pos = 0;
    }
    if (keep >= this.buf.length - 1) {
      const grown = Buffer.allocUnsafe((this.buf.length - 1) * 2 + 1);
      this.buf.copy(grown, 0, 0, keep);
      this.buf = grown;
    }
    let end = keep;
    const room = this.buf.length - 1;
    while (end < room) {
      const read = await this.source.read(this.buf, end, room - end);
      if (read === 0) {
        this.eof = true;
        break;
      }
      end += read;
    }
    this.dataEnd = end;
    this.buf[end] = LF2;
    return true;
  }
  /** Reads the header record as text; undefined when the stream ends first. */
  async readHeader() {
    while (true) {
      const names = this.scanTextRecord();
      if (names !== void 0) return { names, line: this.line - 1 };
      if (this.eof) return void 0;
      await this.fill();
    }
  }
  /** The next record's fields as strings, or undefined when it is not all in the buffer yet. */
  scanTextRecord() {
    const buf = this.buf;
    const end = this.dataEnd;
    if (this.pos >= end) return void 0;
    const recordStart = this.pos;
    const recordLine = this.line;
    const recordLineStart = this.lineStart;
    const fields = [];
    let p = this.pos;
    while (true) {
      const fieldStart = p;
      let src = buf;
      let s = p;
      let e;
      if (buf[p] === QUOTE2) {
        p = this.scanQuoted(p, recordStart, recordLine, recordLineStart);
        if (p < 0) {
          this.restore(recordStart, recordLine, recordLineStart);
          return void 0;
        }
        src = this.quotedSource;
        s = this.quotedStart;
        e = this.quotedEnd;
      } else {
        while (this.special[buf[p]] === 0) p++;
        e = p;
      }
      if (p === end && !this.eof) {
        this.restore(recordStart, recordLine, recordLineStart);
        return void 0;
      }
      const text = decodeUtf8(src, s, e);
      if (text === void 0) this.failUtf8(src === buf ? firstInvalidUtf8(src, s, e) : fieldStart, recordStart, recordLine, recordLineStart);
      fields.push(text);
      if (buf[p] === this.delimiter && p < end) {
        p++;
        continue;
      }
      const next = this.endRecord(p);
      if (next < 0) {
        this.restore(recordStart, recordLine, recordLineStart);
        return void 0;
      }
      this.pos = next;
      return fields;
    }
  }
  /** Prepares an inference pass: every column's fields go to its sampler (or nowhere). */
  planSample(samplers) {
    this.columnCount = samplers.length;
    this.kinds = new Int8Array(samplers.length).fill(KIND_SAMPLE);
    this.samplers = samplers;
    this.sampleStarts = new Int32Array(samplers.length);
    this.sampleEnds = new Int32Array(samplers.length);
    this.sampleTexts = new Array(samplers.length).fill(void 0);
  }
  /** Prepares the reading pass. */
  planRead(plans, dictionaries, tracker) {
    this.columnCount = plans.length;
    this.kinds = Int8Array.from(plans, (plan) => plan.kind);
    this.declaredBoolean = Uint8Array.from(plans, (plan) => plan.declaredBoolean ? 1 : 0);
    this.dictionaries = dictionaries;
    this.tracker = tracker;
    this.samplers = [];
  }
  /** Directs the next rows to `target`, starting at its row 0. */
  setTarget(target) {
    this.rowOffset += this.row;
    this.row = 0;
    this.target = target;
  }
  /** A target for the inference pass, which stores nothing. */
  static sampleTarget(columns, capacity) {
    const none = (empty) => new Array(columns).fill(empty);
    return {
      numbers: none(NO_FLOATS),
      booleans: none(NO_BYTES),
      codes: none(NO_INTS),
      nulls: none(NO_BYTES),
      invalid: new Array(columns).fill(void 0),
      lines: new Int32Array(capacity),
      capacity
    };
  }
  // Result of `scanQuoted`: where the field's content is (the buffer, or the
  // scratch buffer when doubled quotes had to be removed).
  quotedSource = NO_BYTES;
  quotedStart = 0;
  quotedEnd = 0;
  /**
   * Scans the quoted field whose opening quote is at `p`. Returns the index
   * after the closing quote, or -1 when the buffer ends first (more data is
   * needed). Throws for an unterminated quote at the end of the stream and for
   * text between the closing quote and the next delimiter.
   */
  scanQuoted(p, recordStart, recordLine, recordLineStart) {
    const buf = this.buf;
    const end = this.dataEnd;
    const open4 = p;
    let q = p + 1;
    let escaped = false;
    while (true) {
      if (q >= end) {
        if (!this.eof) return -1;
        this.fail(open4, recordStart, recordLine, recordLineStart, 'unterminated quoted field: the quote opened here is never closed; expected a closing `"`');
      }
      const c = buf[q];
      if (c === QUOTE2) {
        if (q + 1 >= end && !this.eof) return -1;
        if (q + 1 < end && buf[q + 1] === QUOTE2) {
          escaped = true;
          q += 2;
          continue;
        }
        break;
      }
      if (c === LF2) {
        this.line++;
        this.lineStart = this.base + q + 1;
      }
      q++;
    }
    const close = q;
    const after = close + 1;
    if (after < end && this.special[buf[after]] === 0) {
      this.fail(after, recordStart, recordLine, recordLineStart, `unexpected text after a closing quote; expected the delimiter ${describeDelimiter(this.delimiter)} or the end of the line`);
    }
    if (!escaped) {
      this.quotedSource = buf;
      this.quotedStart = open4 + 1;
      this.quotedEnd = close;
      return after;
    }
    if (this.scratch.length < close - open4) this.scratch = Buffer.allocUnsafe((close - open4) * 2);
    const scratch2 = this.scratch;
    let length = 0;
    for (let i = open4 + 1; i < close; i++) {
      const c = buf[i];
      scratch2[length++] = c;
      if (c === QUOTE2) i++;
    }
    this.quotedSource = scratch2;
    this.quotedStart = 0;
    this.quotedEnd = length;
    return after;
  }
  /**
   * Consumes the record terminator at `p` (LF, CRLF, a lone CR, or the end of
   * the stream). Returns the next record's start, or -1 when more data is needed.
   */
  endRecord(p) {
    const end = this.dataEnd;
    if (p >= end) {
      if (!this.eof) return -1;
      this.line++;
      this.lineStart = this.base + end;
      return end;
    }
    if (this.buf[p] === CR2) {
      if (p + 1 >= end && !this.eof) return -1;
      p++;
      if (p < end && this.buf[p] === LF2) p++;
    } else {
      p++;
    }
    this.line++;
    this.lineStart = this.base + p;
    return p;
  }
  restore(recordStart, recordLine, recordLineStart) {
    this.pos = recordStart;
    this.line = recordLine;
    this.lineStart = recordLineStart;
    this.pendingInvalidColumns.length = 0;
    this.pendingInvalidTexts.length = 0;
  }
  /**
   * Scans records into the target until it holds `maxRows` rows (SCAN_FULL),
   * the buffer ends inside a record (SCAN_NEED_DATA: call `fill` and scan
   * again) or the stream ends (SCAN_END).
   */
  scan(maxRows) {
    const target = this.target;
    const buf = this.buf;
    const end = this.dataEnd;
    const eof = this.eof;
    const special = this.special;
    const delimiter = this.delimiter;
    const kinds = this.kinds;
    const columnCount = this.columnCount;
    const lastColumn = columnCount - 1;
    const { numbers, booleans, codes, nulls, lines } = target;
    const dictionaries = this.dictionaries;
    const declaredBoolean = this.declaredBoolean;
    const checkNullTexts = this.nullTexts.length > 0;
    const sampling = this.samplers.length > 0;
    let row = this.row;
    let p = this.pos;
    rows: while (row < maxRows) {
      if (p >= end) {
        this.pos = p;
        this.row = row;
        return eof ? SCAN_END : SCAN_NEED_DATA;
      }
      const recordStart = p;
      const recordLine = this.line;
      const recordLineStart = this.lineStart;
      const first = buf[p];
      if (first === LF2 || first === CR2) {
        let q = p;
        while (q < end && (buf[q] === LF2 || buf[q] === CR2)) q++;
        if (q >= end) {
          if (!eof) {
            this.pos = p;
            this.row = row;
            return SCAN_NEED_DATA;
          }
          this.pos = end;
          this.row = row;
          return SCAN_END;
        }
        if (columnCount > 1) {
          throw new InputError({ file: this.file, line: recordLine }, `blank line inside the data; expected ${columnCount} fields separated by ${describeDelimiter(delimiter)}`);
        }
      }
      for (let c = 0; c < columnCount; c++) {
        const kind = kinds[c];
        const fieldStart = p;
        let src = buf;
        let s = p;
        let e;
        let hash = FNV.offset;
        let fast = false;
        let fastValue = 0;
        if (buf[p] === QUOTE2) {
          p = this.scanQuoted(p, recordStart, recordLine, recordLineStart);
          if (p < 0) {
            this.restore(recordStart, recordLine, recordLineStart);
            this.row = row;
            return SCAN_NEED_DATA;
          }
          src = this.quotedSource;
          s = this.quotedStart;
          e = this.quotedEnd;
          if (kind === KIND_TEXT) hash = hashBytes(src, s, e);
        } else if (kind === KIND_TEXT) {
          let b = buf[p];
          while (special[b] === 0) {
            hash = Math.imul(hash ^ b, FNV.prime);
            b = buf[++p];
          }
          e = p;
        } else if (kind <= KIND_INTEGER && !checkNullTexts) {
          let q = p;
          let b = buf[q];
          const negative = b === MINUS2;
          if (negative) b = buf[++q];
          let mantissa = 0;
          const digitsStart = q;
          while (b >= 48 && b <= 57) {
            mantissa = mantissa * 10 + (b - 48);
            b = buf[++q];
          }
          let digits = q - digitsStart;
          let fraction = 0;
          if (b === DOT2) {
            const fractionStart = ++q;
            b = buf[q];
            while (b >= 48 && b <= 57) {
              mantissa = mantissa * 10 + (b - 48);
              b = buf[++q];
            }
            fraction = q - fractionStart;
            digits += fraction;
          }
          if (special[b] === 1 && digits > 0 && digits <= 15) {
            const magnitude = fraction === 0 ? mantissa : mantissa / POW102[fraction];
            fastValue = negative ? -magnitude : magnitude;
            fast = true;
            p = q;
          } else {
            while (special[buf[p]] === 0) p++;
          }
          e = p;
        } else {
          while (special[buf[p]] === 0) p++;
          e = p;
        }
        if (p >= end && !eof) {
          this.restore(recordStart, recordLine, recordLineStart);
          this.row = row;
          return SCAN_NEED_DATA;
        }
        const terminator = p < end ? buf[p] : LF2;
        if (terminator === delimiter) {
          if (c === lastColumn) {
            const got = this.countFields(p, columnCount);
            if (got < 0) {
              this.restore(recordStart, recordLine, recordLineStart);
              this.row = row;
              return SCAN_NEED_DATA;
            }
            this.raggedError(recordLine, got);
          }
          p++;
        } else if (c !== lastColumn) {
          this.raggedError(recordLine, c + 1);
        }
        const isNull = !fast && (s === e || checkNullTexts && this.isNullText(src, s, e));
        switch (kind) {
          case KIND_FLOAT: {
            const column = numbers[c];
            if (fast) {
              column[row] = fastValue;
              nulls[c][row] = 0;
              break;
            }
            if (isNull) {
              column[row] = NaN;
              nulls[c][row] = 1;
              break;
            }
            const value = parseNumber(src, s, e);
            if (value === value) {
              column[row] = value;
              nulls[c][row] = 0;
            } else {
              column[row] = NaN;
              this.flagInvalid(c, row, src, s, e, fieldStart, recordStart, recordLine, recordLineStart);
            }
            break;
          }
          case KIND_INTEGER: {
            const column = numbers[c];
            if (fast && Number.isInteger(fastValue)) {
              column[row] = fastValue;
              nulls[c][row] = 0;
              break;
            }
            if (isNull) {
              column[row] = NaN;
              nulls[c][row] = 1;
              break;
            }
            const value = parseNumber(src, s, e);
            if (Number.isInteger(value)) {
              column[row] = value;
              nulls[c][row] = 0;
            } else {
              column[row] = NaN;
              this.flagInvalid(c, row, src, s, e, fieldStart, recordStart, recordLine, recordLineStart);
            }
            break;
          }
          case KIND_TEXT: {
            const column = codes[c];
            if (isNull) {
              column[row] = -1;
              nulls[c][row] = 1;
              break;
            }
            const code = dictionaries[c].codeOf(src, s, e, hash);
            if (code < 0) this.failUtf8(src === buf ? firstInvalidUtf8(src, s, e) : fieldStart, recordStart, recordLine, recordLineStart);
            column[row] = code;
            nulls[c][row] = 0;
            break;
          }
          case KIND_BOOLEAN: {
            const column = booleans[c];
            column[row] = 0;
            if (isNull) {
              nulls[c][row] = 1;
              break;
            }
            const value = declaredBoolean[c] === 1 ? parseDeclaredBoolean(src, s, e) : parseBooleanLiteral(src, s, e);
            if (value !== NOT_BOOLEAN) {
              column[row] = value;
              nulls[c][row] = 0;
            } else {
              this.flagInvalid(c, row, src, s, e, fieldStart, recordStart, recordLine, recordLineStart);
            }
            break;
          }
          case KIND_DATE:
          case KIND_DATETIME: {
            const column = numbers[c];
            if (isNull) {
              column[row] = NaN;
              nulls[c][row] = 1;
              break;
            }
            const value = kind === KIND_DATE ? parseDate(src, s, e) : parseDatetime(src, s, e, true);
            if (value === value) {
              column[row] = value;
              nulls[c][row] = 0;
            } else {
              column[row] = NaN;
              this.flagInvalid(c, row, src, s, e, fieldStart, recordStart, recordLine, recordLineStart);
            }
            break;
          }
          default: {
            if (isNull) {
              this.sampleStarts[c] = 0;
              this.sampleEnds[c] = 0;
              this.sampleTexts[c] = void 0;
            } else if (src === buf) {
              this.sampleStarts[c] = s;
              this.sampleEnds[c] = e;
              this.sampleTexts[c] = void 0;
            } else {
              const text = decodeUtf8(src, s, e);
              if (text === void 0) this.failUtf8(fieldStart, recordStart, recordLine, recordLineStart);
              this.sampleTexts[c] = text;
              this.sampleStarts[c] = 0;
              this.sampleEnds[c] = 1;
            }
          }
        }
      }
      const next = this.endRecord(p);
      if (next < 0) {
        this.restore(recordStart, recordLine, recordLineStart);
        this.row = row;
        return SCAN_NEED_DATA;
      }
      p = next;
      lines[row] = recordLine;
      if (this.pendingInvalidColumns.length > 0) this.commitInvalid(row, recordLine);
      if (sampling) this.commitSample();
      row++;
      continue rows;
    }
    this.pos = p;
    this.row = row;
    return SCAN_FULL;
  }
  isNullText(src, s, e) {
    const length = e - s;
    outer: for (const text of this.nullTexts) {
      if (text.length !== length) continue;
      for (let i = 0; i < length; i++) if (text[i] !== src[s + i]) continue outer;
      return true;
    }
    return false;
  }
  flagInvalid(c, row, src, s, e, fieldStart, recordStart, recordLine, recordLineStart) {
    let text;
    if (isAscii(src, s, e)) {
      text = this.tracker?.wantsExample(c) ? decodeUtf8(src, s, e) : void 0;
    } else {
      text = decodeUtf8(src, s, e);
      if (text === void 0) this.failUtf8(src === this.buf ? firstInvalidUtf8(src, s, e) : fieldStart, recordStart, recordLine, recordLineStart);
    }
    const target = this.target;
    target.nulls[c][row] = 1;
    let mask = target.invalid[c];
    if (mask === void 0) {
      mask = new Uint8Array(target.capacity);
      target.invalid[c] = mask;
    }
    mask[row] = 1;
    this.pendingInvalidColumns.push(c);
    this.pendingInvalidTexts.push(text);
  }
  commitInvalid(row, line) {
    const tracker = this.tracker;
    for (let i = 0; i < this.pendingInvalidColumns.length; i++) {
      tracker.add(this.pendingInvalidColumns[i], this.rowOffset + row, line, this.pendingInvalidTexts[i]);
    }
    this.pendingInvalidColumns.length = 0;
    this.pendingInvalidTexts.length = 0;
  }
  commitSample() {
    for (let c = 0; c < this.columnCount; c++) {
      const sampler = this.samplers[c];
      if (sampler === void 0 || this.sampleEnds[c] === 0) continue;
      const text = this.sampleTexts[c];
      if (text !== void 0) sampler.observeText(text);
      else sampler.observe(this.buf, this.sampleStarts[c], this.sampleEnds[c]);
    }
  }
  /**
   * Total fields of the record whose field `columns` starts after the
   * delimiter at `p`, or -1 when the record does not end within the buffer.
   */
  countFields(p, columns) {
    const buf = this.buf;
    const end = this.dataEnd;
    let fields = columns;
    let inQuotes = false;
    for (let q = p; q < end; q++) {
      const c = buf[q];
      if (inQuotes) {
        if (c === QUOTE2) inQuotes = false;
      } else if (c === QUOTE2) {
        inQuotes = true;
      } else if (c === this.delimiter) {
        fields++;
      } else if (c === LF2 || c === CR2) {
        return fields;
      }
    }
    return this.eof ? fields : -1;
  }
  raggedError(line, got) {
    const fieldWord = got === 1 ? "field" : "fields";
    throw new InputError(
      { file: this.file, line },
      `expected ${this.columnCount} fields (as in the header) separated by ${describeDelimiter(this.delimiter)}, got ${got} ${fieldWord}`
    );
  }
  failUtf8(index, recordStart, recordLine, recordLineStart) {
    this.fail(index, recordStart, recordLine, recordLineStart, `invalid UTF-8 at byte offset ${this.base + index}; expected UTF-8 text (re-save the file as UTF-8)`);
  }
  /** Throws an InputError at buffer index `index` of the record starting at `recordStart`. */
  fail(index, recordStart, recordLine, recordLineStart, detail) {
    let line = recordLine;
    let lineStart = recordLineStart;
    for (let q = recordStart; q < index; q++) {
      const c = this.buf[q];
      if (c === LF2 || c === CR2 && this.buf[q + 1] !== LF2) {
        line++;
        lineStart = this.base + q + 1;
      }
    }
    throw new InputError({ file: this.file, line, column: this.base + index - lineStart + 1 }, detail);
  }
};
function describeDelimiter(delimiter) {
  if (delimiter === 9) return "tabs";
  return `\`${String.fromCharCode(delimiter)}\``;
}

// shared/data/csv/reader.ts
var KIND_OF_TYPE = {
  integer: KIND_INTEGER,
  float: KIND_FLOAT,
  boolean: KIND_BOOLEAN,
  date: KIND_DATE,
  datetime: KIND_DATETIME,
  string: KIND_TEXT,
  category: KIND_TEXT
};
function delimiterCode(delimiter) {
  const code = delimiter.charCodeAt(0);
  if (delimiter.length !== 1 || code > 126 || code === 34 || code === 10 || code === 13) {
    throw new UsageError(`invalid CSV delimiter ${JSON.stringify(delimiter)}; expected one ASCII character other than a quote or a line break (e.g. "," ";" "|" or "\\t")`);
  }
  return code;
}
async function openCsv(path, options2, sourceOptions) {
  const batchSize = positiveInteger(options2.batchSize, DEFAULT_BATCH_SIZE, "batchSize");
  const inferenceRows = positiveInteger(options2.inferenceRows, DEFAULT_INFERENCE_ROWS, "inferenceRows");
  const categoryMaxDistinct = positiveInteger(options2.categoryMaxDistinct, DEFAULT_CATEGORY_MAX_DISTINCT, "categoryMaxDistinct");
  const forced = options2.delimiter === void 0 ? sourceOptions.defaultDelimiter : delimiterCode(options2.delimiter);
  const source = sourceOptions.gzip ? new GzipByteSource(path) : await FileByteSource.open(path);
  const scanner = new CsvScanner(source, path);
  try {
    if (!await scanner.start()) {
      throw new InputError({ file: path }, "the file is empty; expected a header row naming the columns");
    }
    const pending = scanner.pending;
    scanner.setDelimiter(forced ?? detectDelimiter(pending.bytes, pending.start, pending.end, pending.complete));
    scanner.setNullTexts(options2.nullValues ?? []);
    const names = await readNames(scanner, path);
    const declared = options2.types ?? {};
    const samplers = names.map((name) => declared[name] === void 0 ? new TypeSampler(categoryMaxDistinct) : void 0);
    if (samplers.some((sampler) => sampler !== void 0)) {
      await sample(scanner, samplers, inferenceRows);
      await scanner.rewind();
      await scanner.readHeader();
    }
    const fields = names.map((name, i) => ({ name, type: declared[name] ?? samplers[i].result() }));
    const plans = fields.map((field) => ({
      kind: KIND_OF_TYPE[field.type],
      declaredBoolean: field.type === "boolean" && declared[field.name] === "boolean"
    }));
    const dictionaries = fields.map(() => new ByteDictionary());
    const tracker = new InvalidTracker(fields);
    scanner.planRead(plans, dictionaries, tracker);
    return new CsvTableReader(path, { fields }, scanner, tracker, dictionaries, batchSize);
  } catch (error) {
    await scanner.close();
    throw error;
  }
}
async function readNames(scanner, path) {
  const header = await scanner.readHeader();
  if (header === void 0 || header.names.length === 1 && header.names[0].trim() === "") {
    throw new InputError({ file: path, line: header?.line ?? 1 }, "the header row is empty; expected a header row naming the columns");
  }
  const seen = /* @__PURE__ */ new Map();
  header.names.forEach((name, i) => {
    if (name.trim() === "") {
      throw new InputError({ file: path, line: header.line }, `header field ${i + 1} is empty; expected a name for every column`);
    }
    const earlier = seen.get(name);
    if (earlier !== void 0) {
      throw new InputError({ file: path, line: header.line }, `column name ${JSON.stringify(name)} appears twice in the header (fields ${earlier + 1} and ${i + 1}); expected unique names`);
    }
    seen.set(name, i);
  });
  return header.names;
}
async function sample(scanner, samplers, rows) {
  scanner.planSample(samplers);
  scanner.setTarget(CsvScanner.sampleTarget(samplers.length, rows));
  while (scanner.scan(rows) === SCAN_NEED_DATA) await scanner.fill();
}
var CsvTableReader = class {
  constructor(path, schema, scanner, tracker, dictionaries, batchSize) {
    this.path = path;
    this.schema = schema;
    this.scanner = scanner;
    this.tracker = tracker;
    this.dictionaries = dictionaries;
    this.batchSize = batchSize;
  }
  path;
  schema;
  scanner;
  tracker;
  dictionaries;
  batchSize;
  format = "csv";
  started = false;
  get invalidCounts() {
    return this.tracker.counts;
  }
  get invalidExamples() {
    return this.tracker.examples;
  }
  async *[Symbol.asyncIterator]() {
    if (this.started) throw new Error(`${this.path}: a TableReader can be iterated once`);
    this.started = true;
    const { scanner, batchSize } = this;
    try {
      while (true) {
        const columns = allocateColumns(this.schema.fields, this.dictionaries.map((dictionary) => dictionary.values), batchSize, false);
        const target = {
          numbers: columns.map((column) => column.kind === "number" ? column.values : EMPTY_FLOATS),
          booleans: columns.map((column) => column.kind === "boolean" ? column.values : EMPTY_BYTES),
          codes: columns.map((column) => column.kind === "string" ? column.codes : EMPTY_INTS),
          nulls: columns.map((column) => column.nulls),
          invalid: columns.map(() => void 0),
          lines: new Int32Array(batchSize),
          capacity: batchSize
        };
        scanner.setTarget(target);
        let status;
        while ((status = scanner.scan(batchSize)) === SCAN_NEED_DATA) await scanner.fill();
        const length = scanner.row;
        if (length > 0) {
          columns.forEach((column, c) => {
            const invalid = target.invalid[c];
            if (invalid !== void 0) column.invalid = invalid;
          });
          yield { rowOffset: scanner.rowOffset, length, columns: trimColumns(columns, length), lines: target.lines.subarray(0, length) };
        }
        if (status === SCAN_END) return;
      }
    } finally {
      await scanner.close();
    }
  }
  async close() {
    await this.scanner.close();
  }
};
var EMPTY_FLOATS = new Float64Array(0);
var EMPTY_BYTES = new Uint8Array(0);
var EMPTY_INTS = new Int32Array(0);

// shared/data/format.ts
var EXTENSIONS = {
  csv: "csv",
  tsv: "csv",
  tab: "csv",
  txt: "csv",
  jsonl: "jsonl",
  ndjson: "jsonl",
  parquet: "parquet",
  pq: "parquet",
  arrow: "arrow",
  feather: "arrow",
  ipc: "arrow",
  arrows: "arrow"
};
function describeFile(path, override) {
  const name = path.split(/[\\/]/).pop() ?? path;
  const parts = name.toLowerCase().split(".");
  const gzip = parts.length > 1 && parts[parts.length - 1] === "gz";
  const extensionIndex = parts.length - (gzip ? 2 : 1);
  const extension = extensionIndex > 0 ? parts[extensionIndex] : "";
  const byName = EXTENSIONS[extension];
  const format = override ?? byName;
  if (format === void 0) {
    throw new InputError(
      { file: path },
      "unknown file type; expected a name ending in .csv, .tsv, .txt, .jsonl, .ndjson, .parquet, .arrow, .feather or .ipc (optionally .gz for text), or an explicit format"
    );
  }
  if (gzip && (format === "parquet" || format === "arrow")) {
    throw new InputError({ file: path }, `a gzip-compressed ${format} file cannot be streamed; expected an uncompressed .${extension} (${format} compresses its own columns)`);
  }
  return { format, gzip, tabSeparated: format === "csv" && (extension === "tsv" || extension === "tab") };
}

// shared/data/jsonl/infer.ts
var JsonSampler = class {
  numbers = 0;
  wholeNumbers = 0;
  booleans = 0;
  strings = 0;
  others = 0;
  text;
  constructor(categoryMaxDistinct = DEFAULT_CATEGORY_MAX_DISTINCT) {
    this.text = new TypeSampler(categoryMaxDistinct, true);
  }
  observe(value) {
    if (value === null || value === void 0) return;
    if (typeof value === "number") {
      this.numbers++;
      if (Number.isInteger(value)) this.wholeNumbers++;
    } else if (typeof value === "boolean") {
      this.booleans++;
    } else if (typeof value === "string") {
      this.strings++;
      this.text.observeText(value);
    } else {
      this.others++;
    }
  }
  result() {
    const total = this.numbers + this.booleans + this.strings + this.others;
    if (total === 0) return "string";
    if (this.numbers === total) return this.wholeNumbers === total ? "integer" : "float";
    if (this.booleans === total) return "boolean";
    if (this.strings === total) return this.text.result();
    return "string";
  }
};

// shared/data/jsonl/lines.ts
var LF3 = 10;
var CR3 = 13;
var CHUNK = 1 << 20;
async function* readLines(source, file) {
  let buf = Buffer.allocUnsafe(CHUNK);
  let start = 0;
  let end = 0;
  let eof = false;
  let number = 0;
  let first = true;
  while (true) {
    const newline = buf.indexOf(LF3, start);
    if (newline < 0 || newline >= end) {
      if (eof) {
        if (start < end) yield { text: decode(buf, start, end, ++number, file), number };
        return;
      }
      if (start > 0) {
        buf.copy(buf, 0, start, end);
        end -= start;
        start = 0;
      }
      if (end === buf.length) {
        const grown = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(grown, 0, 0, end);
        buf = grown;
      }
      const read = await source.read(buf, end, buf.length - end);
      if (read === 0) eof = true;
      end += read;
      if (first && end >= 3 && buf[0] === 239 && buf[1] === 187 && buf[2] === 191) start = 3;
      if (end > 0) first = false;
      continue;
    }
    let lineEnd = newline;
    if (lineEnd > start && buf[lineEnd - 1] === CR3) lineEnd--;
    yield { text: decode(buf, start, lineEnd, ++number, file), number };
    start = newline + 1;
  }
}
function decode(buf, start, end, line, file) {
  const text = decodeUtf8(buf, start, end);
  if (text !== void 0) return text;
  const bad = firstInvalidUtf8(buf, start, end);
  throw new InputError({ file, line, column: bad - start + 1 }, "invalid UTF-8; expected UTF-8 text (re-save the file as UTF-8)");
}

// shared/data/jsonl/reader.ts
async function openJsonl(path, options2, gzip) {
  const batchSize = positiveInteger(options2.batchSize, DEFAULT_BATCH_SIZE, "batchSize");
  const inferenceRows = positiveInteger(options2.inferenceRows, DEFAULT_INFERENCE_ROWS, "inferenceRows");
  const categoryMaxDistinct = positiveInteger(options2.categoryMaxDistinct, DEFAULT_CATEGORY_MAX_DISTINCT, "categoryMaxDistinct");
  const source = gzip ? new GzipByteSource(path) : await FileByteSource.open(path);
  const lines = readLines(source, path);
  try {
    const sample2 = [];
    const samplers = /* @__PURE__ */ new Map();
    let sawLine = false;
    while (sample2.length < inferenceRows) {
      const next = await lines.next();
      if (next.done) break;
      sawLine = true;
      const record = parseLine(next.value, path);
      if (record === void 0) continue;
      sample2.push({ record, line: next.value.number });
      for (const key of Object.keys(record)) {
        let sampler = samplers.get(key);
        if (sampler === void 0) {
          sampler = new JsonSampler(categoryMaxDistinct);
          samplers.set(key, sampler);
        }
        sampler.observe(record[key]);
      }
    }
    if (!sawLine) throw new InputError({ file: path }, "the file is empty; expected one JSON object per line");
    const declared = options2.types ?? {};
    const fields = [...samplers].map(([name, sampler]) => ({ name, type: declared[name] ?? sampler.result() }));
    for (const [name, type] of Object.entries(declared)) if (!samplers.has(name)) fields.push({ name, type });
    if (fields.length === 0) throw new InputError({ file: path }, "no keys in the first objects; expected one JSON object per line with named values");
    return new JsonlTableReader(path, { fields }, sample2, lines, source, batchSize, declared);
  } catch (error) {
    await lines.return(void 0);
    await source.close();
    throw error;
  }
}
function parseLine(line, file) {
  if (line.text.trim() === "") return void 0;
  let value;
  try {
    value = JSON.parse(line.text);
  } catch (error) {
    throw new InputError({ file, line: line.number }, `invalid JSON (${error.message}); expected one JSON object per line`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    const got = value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`;
    throw new InputError({ file, line: line.number }, `expected a JSON object, got ${got}`);
  }
  return value;
}
var JsonlTableReader = class {
  constructor(path, schema, sample2, lines, source, batchSize, declared) {
    this.path = path;
    this.schema = schema;
    this.sample = sample2;
    this.lines = lines;
    this.source = source;
    this.batchSize = batchSize;
    this.tracker = new InvalidTracker(schema.fields);
    this.dictionaries = schema.fields.map(() => new StringDictionary());
    this.writer = new CellWriter(schema.fields, this.dictionaries, this.tracker, declared);
    this.columnIndex = new Map(schema.fields.map((field, i) => [field.name, i]));
  }
  path;
  schema;
  sample;
  lines;
  source;
  batchSize;
  format = "jsonl";
  tracker;
  dictionaries;
  writer;
  columnIndex;
  started = false;
  get invalidCounts() {
    return this.tracker.counts;
  }
  get invalidExamples() {
    return this.tracker.examples;
  }
  async *[Symbol.asyncIterator]() {
    if (this.started) throw new Error(`${this.path}: a TableReader can be iterated once`);
    this.started = true;
    try {
      let rowOffset = 0;
      let batch = this.newBatch();
      const sample2 = this.sample;
      this.sample = [];
      for (const row of sample2) {
        this.writeRow(batch, row, rowOffset);
        if (batch.length === this.batchSize) {
          yield this.finish(batch, rowOffset);
          rowOffset += batch.length;
          batch = this.newBatch();
        }
      }
      for await (const line of this.lines) {
        const record = parseLine(line, this.path);
        if (record === void 0) continue;
        this.writeRow(batch, { record, line: line.number }, rowOffset);
        if (batch.length === this.batchSize) {
          yield this.finish(batch, rowOffset);
          rowOffset += batch.length;
          batch = this.newBatch();
        }
      }
      if (batch.length > 0) yield this.finish(batch, rowOffset);
    } finally {
      await this.close();
    }
  }
  newBatch() {
    const dictionaries = this.dictionaries.map((dictionary) => dictionary.values);
    return { columns: allocateColumns(this.schema.fields, dictionaries, this.batchSize), lines: new Int32Array(this.batchSize), length: 0 };
  }
  writeRow(batch, row, rowOffset) {
    const index = batch.length;
    for (const key in row.record) {
      const c = this.columnIndex.get(key);
      if (c === void 0) {
        throw new InputError(
          { file: this.path, line: row.line },
          `key ${JSON.stringify(key)} first appears after the rows used to infer the schema; expected only the keys ${describeKeys(this.schema)} (declare it in the contract or raise inferenceRows)`
        );
      }
      this.writer.write(batch.columns[c], c, index, row.record[key], rowOffset + index, row.line);
    }
    batch.lines[index] = row.line;
    batch.length++;
  }
  finish(batch, rowOffset) {
    return { rowOffset, length: batch.length, columns: trimColumns(batch.columns, batch.length), lines: batch.lines.subarray(0, batch.length) };
  }
  async close() {
    await this.lines.return(void 0);
    await this.source.close();
  }
};
function describeKeys(schema) {
  const names = schema.fields.map((field) => JSON.stringify(field.name));
  return names.length > 8 ? `${names.slice(0, 8).join(", ")}, \u2026` : names.join(", ");
}

// shared/data/parquet/reader.ts
import { open as open3 } from "node:fs/promises";
import { parquetMetadataAsync, parquetRead, parquetSchema } from "hyparquet";
import { compressors } from "hyparquet-compressors";
var MS_PER_DAY3 = 864e5;
var MAGIC = "PAR1";
var fatalDecoder2 = new TextDecoder("utf-8", { fatal: true });
var PARSERS = {
  timestampFromMilliseconds: (value) => Number(value),
  timestampFromMicroseconds: (value) => Number(value) / 1e3,
  timestampFromNanoseconds: (value) => Number(value) / 1e6,
  dateFromDays: (days) => days * MS_PER_DAY3,
  stringFromBytes: (bytes) => bytes === void 0 ? void 0 : fatalDecoder2.decode(bytes)
};
function naturalType2(node) {
  if (node.children.length > 0) return "string";
  const { type, converted_type: converted, logical_type: logical } = node.element;
  const logicalType = logical?.type;
  if (logicalType === "DATE" || converted === "DATE") return "date";
  if (logicalType === "TIMESTAMP" || converted === "TIMESTAMP_MILLIS" || converted === "TIMESTAMP_MICROS" || type === "INT96") return "datetime";
  if (logicalType === "DECIMAL" || converted === "DECIMAL" || logicalType === "FLOAT16") return "float";
  if (type === "BOOLEAN") return "boolean";
  if (type === "INT32" || type === "INT64") return "integer";
  if (type === "FLOAT" || type === "DOUBLE") return "float";
  return "string";
}
function fileBuffer(handle, size) {
  return {
    byteLength: size,
    async slice(start, end = size) {
      const buffer = new ArrayBuffer(Math.max(0, end - start));
      const view = new Uint8Array(buffer);
      let done = 0;
      while (done < view.length) {
        const { bytesRead } = await handle.read(view, done, view.length - done, start + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return buffer;
    }
  };
}
function corrupt2(path, error) {
  if (error instanceof InputError) return error;
  return new InputError({ file: path }, `not a readable Parquet file (${error.message}); expected a Parquet file`, { cause: error });
}
async function openParquet(path, options2) {
  const batchSize = positiveInteger(options2.batchSize, DEFAULT_BATCH_SIZE, "batchSize");
  const inferenceRows = positiveInteger(options2.inferenceRows, DEFAULT_INFERENCE_ROWS, "inferenceRows");
  const categoryMaxDistinct = positiveInteger(options2.categoryMaxDistinct, DEFAULT_CATEGORY_MAX_DISTINCT, "categoryMaxDistinct");
  const handle = await open3(path, "r");
  try {
    const { size } = await handle.stat();
    if (size === 0) throw new InputError({ file: path }, "the file is empty; expected a Parquet file");
    const file = fileBuffer(handle, size);
    const head = Buffer.from(await file.slice(0, Math.min(4, size)));
    const tail = Buffer.from(await file.slice(Math.max(0, size - 4), size));
    if (size < 12 || head.toString("latin1") !== MAGIC || tail.toString("latin1") !== MAGIC) {
      throw new InputError({ file: path }, "not a Parquet file (no PAR1 magic at its start and end); expected a complete Parquet file");
    }
    let metadata;
    let tree;
    try {
      metadata = await parquetMetadataAsync(file, { parsers: PARSERS });
      tree = parquetSchema(metadata);
    } catch (error) {
      throw corrupt2(path, error);
    }
    if (tree.children.length === 0) throw new InputError({ file: path }, "the file has no columns; expected a Parquet table");
    const declared = options2.types ?? {};
    const reader = new ParquetTableReader(path, handle, file, metadata, batchSize, declared);
    const textColumns = tree.children.filter((node) => naturalType2(node) === "string" && node.children.length === 0).map((node) => node.element.name);
    const firstGroup = textColumns.length > 0 && metadata.row_groups.length > 0 ? await reader.readGroup(0) : void 0;
    const readings = tree.children.map((node) => {
      const name = node.element.name;
      let natural = naturalType2(node);
      if (natural === "string" && firstGroup !== void 0 && textColumns.includes(name)) {
        natural = textTypeOf2(firstGroup.get(name) ?? [], inferenceRows, categoryMaxDistinct);
      }
      const field = { name, type: declared[name] ?? natural };
      const reading = { natural, field };
      if (sameStorage(natural, field.type) && (natural === "string" || natural === "category")) reading.dictionary = new StringDictionary();
      return reading;
    });
    reader.setReadings(readings, firstGroup);
    return reader;
  } catch (error) {
    await handle.close().catch(() => void 0);
    throw error;
  }
}
function textTypeOf2(values, rows, categoryMaxDistinct) {
  const distinct = /* @__PURE__ */ new Set();
  let count = 0;
  for (let i = 0; i < Math.min(rows, values.length); i++) {
    const value = values[i];
    if (value === null || value === void 0) continue;
    count++;
    if (distinct.size <= categoryMaxDistinct) distinct.add(value);
  }
  return count > 0 && isCategory(distinct.size, count, categoryMaxDistinct) ? "category" : "string";
}
var ParquetTableReader = class {
  constructor(path, handle, file, metadata, batchSize, declared) {
    this.path = path;
    this.handle = handle;
    this.file = file;
    this.metadata = metadata;
    this.batchSize = batchSize;
    this.declared = declared;
  }
  path;
  handle;
  file;
  metadata;
  batchSize;
  declared;
  format = "parquet";
  schema = { fields: [] };
  readings = [];
  tracker = new InvalidTracker([]);
  writer;
  outputDictionaries = [];
  firstGroup;
  started = false;
  setReadings(readings, firstGroup) {
    this.readings = readings;
    this.schema = { fields: readings.map((reading) => reading.field) };
    this.tracker = new InvalidTracker(this.schema.fields);
    this.outputDictionaries = readings.map(() => new StringDictionary());
    this.writer = new CellWriter(this.schema.fields, this.outputDictionaries, this.tracker, this.declared);
    this.firstGroup = firstGroup;
  }
  get invalidCounts() {
    return this.tracker.counts;
  }
  get invalidExamples() {
    return this.tracker.examples;
  }
  /** Every column of row group `index`, one value per row. */
  async readGroup(index) {
    let groupStart = 0;
    for (let g = 0; g < index; g++) groupStart += Number(this.metadata.row_groups[g].num_rows);
    const groupRows = Number(this.metadata.row_groups[index].num_rows);
    const chunks = /* @__PURE__ */ new Map();
    try {
      await parquetRead({
        file: this.file,
        metadata: this.metadata,
        rowStart: groupStart,
        rowEnd: groupStart + groupRows,
        compressors,
        parsers: PARSERS,
        onChunk: (chunk) => {
          let list = chunks.get(chunk.columnName);
          if (list === void 0) chunks.set(chunk.columnName, list = []);
          list.push({ rowStart: chunk.rowStart, data: chunk.columnData });
        }
      });
    } catch (error) {
      throw corrupt2(this.path, error);
    }
    const columns = /* @__PURE__ */ new Map();
    for (const [name, list] of chunks) {
      const only = list[0];
      if (list.length === 1 && only.rowStart === groupStart && only.data.length === groupRows) {
        columns.set(name, only.data);
        continue;
      }
      const values = new Array(groupRows).fill(null);
      for (const { rowStart, data } of list) {
        for (let i = 0; i < data.length; i++) {
          const row = rowStart - groupStart + i;
          if (row >= 0 && row < groupRows) values[row] = data[i];
        }
      }
      columns.set(name, values);
    }
    return columns;
  }
  async *[Symbol.asyncIterator]() {
    if (this.started) throw new Error(`${this.path}: a TableReader can be iterated once`);
    this.started = true;
    try {
      let rowOffset = 0;
      for (let g = 0; g < this.metadata.row_groups.length; g++) {
        const group = g === 0 && this.firstGroup !== void 0 ? this.firstGroup : await this.readGroup(g);
        this.firstGroup = void 0;
        const groupRows = Number(this.metadata.row_groups[g].num_rows);
        for (let from = 0; from < groupRows; from += this.batchSize) {
          const count = Math.min(this.batchSize, groupRows - from);
          yield this.convert(group, from, count, rowOffset);
          rowOffset += count;
        }
      }
    } finally {
      await this.close();
    }
  }
  convert(group, from, count, rowOffset) {
    const columns = this.readings.map((reading, c) => {
      const { natural, field } = reading;
      const values = group.get(field.name) ?? [];
      const naturalDictionary = reading.dictionary ?? new StringDictionary();
      const decoded = allocateColumns([{ name: field.name, type: natural }], [naturalDictionary.values], count)[0];
      decodeValues(values, from, count, decoded, naturalDictionary);
      if (sameStorage(natural, field.type)) return relabel(decoded, field.name, field.type);
      const target = allocateColumns([field], [this.outputDictionaries[c].values], count)[0];
      convertColumn(decoded, natural, target, c, count, this.writer, rowOffset);
      return target;
    });
    return { rowOffset, length: count, columns };
  }
  async close() {
    await this.handle.close().catch(() => void 0);
  }
};
function decodeValues(values, from, count, column, dictionary) {
  if (column.kind === "number") {
    const out = column.values;
    if (values instanceof Float64Array || values instanceof Float32Array || values instanceof Int32Array) {
      for (let i = 0; i < count; i++) {
        const value = values[from + i];
        out[i] = value;
        column.nulls[i] = value === value ? 0 : 1;
      }
      return;
    }
    for (let i = 0; i < count; i++) {
      const value = values[from + i];
      if (value === null || value === void 0) continue;
      const number = typeof value === "number" ? value : typeof value === "bigint" ? Number(value) : value instanceof Date ? value.getTime() : NaN;
      if (Number.isNaN(number)) continue;
      out[i] = number;
      column.nulls[i] = 0;
    }
    return;
  }
  if (column.kind === "boolean") {
    for (let i = 0; i < count; i++) {
      const value = values[from + i];
      if (value === null || value === void 0) continue;
      column.values[i] = value ? 1 : 0;
      column.nulls[i] = 0;
    }
    return;
  }
  for (let i = 0; i < count; i++) {
    const value = values[from + i];
    if (value === null || value === void 0) continue;
    column.codes[i] = dictionary.codeOf(typeof value === "string" ? value : value instanceof Uint8Array ? Buffer.from(value).toString("hex") : jsonText(value));
    column.nulls[i] = 0;
  }
}

// shared/data/open.ts
var TAB = 9;
async function openTable(path, options2 = {}) {
  const detected = describeFile(path, options2.format);
  await checkFile(path);
  switch (detected.format) {
    case "csv":
      return openCsv(path, options2, { gzip: detected.gzip, defaultDelimiter: detected.tabSeparated ? TAB : void 0 });
    case "jsonl":
      return openJsonl(path, options2, detected.gzip);
    case "parquet":
      return openParquet(path, options2);
    case "arrow":
      return openArrow(path, options2);
  }
}
async function checkFile(path) {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = error.code;
    const detail = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : error.message;
    throw new InputError({ file: path }, `cannot read the file: ${detail}; expected a readable data file`, { cause: error });
  }
  if (info.isDirectory()) throw new InputError({ file: path }, "is a directory; expected a data file");
  if (!info.isFile()) throw new InputError({ file: path }, "is not a regular file; expected a data file");
}

// shared/data/head.ts
function cell(column, row) {
  if (column.nulls[row] === 1) return null;
  switch (column.kind) {
    case "boolean":
      return column.values[row] === 1;
    case "string":
      return column.dictionary[column.codes[row]];
    case "number": {
      const value = column.values[row];
      if (column.type === "date") return formatDate(value);
      if (column.type === "datetime") return formatDatetime(value);
      return value;
    }
  }
}
async function readHead(path, n, options2 = {}) {
  const rows = [];
  if (n <= 0) return rows;
  const reader = await openTable(path, options2);
  try {
    for await (const batch of reader) {
      const take = Math.min(batch.length, n - rows.length);
      for (let r = 0; r < take; r++) {
        const row = {};
        for (const column of batch.columns) row[column.name] = cell(column, r);
        rows.push(row);
      }
      if (rows.length >= n) break;
    }
  } finally {
    await reader.close();
  }
  return rows;
}

// shared/data/types.ts
var COLUMN_TYPES = ["integer", "float", "boolean", "date", "datetime", "string", "category"];

// shared/report/text-table.ts
function textTable(headers, rows, maxWidth = 40) {
  const clip = (cell2) => {
    const flat = cell2.replace(/\s+/g, " ");
    return flat.length > maxWidth ? `${flat.slice(0, maxWidth - 1)}\u2026` : flat;
  };
  const table = [headers.map(clip), ...rows.map((row) => row.map(clip))];
  const widths = headers.map((_, column) => Math.max(...table.map((row) => (row[column] ?? "").length)));
  return table.map((row) => row.map((cell2, column) => (cell2 ?? "").padEnd(widths[column])).join("  ").trimEnd()).join("\n");
}
function displayValue(value) {
  if (value === null || value === void 0) return "\u2014";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isInteger(value) ? value.toLocaleString("en-US") : String(Number(value.toPrecision(6)));
  if (Array.isArray(value)) return value.map(displayValue).join(", ");
  if (typeof value === "object") return Object.entries(value).map(([key, count]) => `${key}: ${displayValue(count)}`).join(", ");
  return String(value);
}

// shared/report/validation.ts
function exampleRows(examples) {
  return examples.map((example) => example.line !== void 0 ? `${example.row} (line ${example.line})` : String(example.row)).join(", ");
}
function verdict(report) {
  const { failed_errors: errors, failed_warnings: warnings, checks } = report.summary;
  const rows = report.rows.toLocaleString("en-US");
  if (errors > 0) return `failed: ${errors} error${errors === 1 ? "" : "s"}${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? "" : "s"}` : ""} in ${checks} checks over ${rows} rows`;
  if (warnings > 0) return `passed with ${warnings} warning${warnings === 1 ? "" : "s"} (${checks} checks, ${rows} rows)`;
  return `passed: ${checks} checks over ${rows} rows`;
}
function ordered(report) {
  const rank = (check) => check.ok ? 2 : check.severity === "error" ? 0 : 1;
  return [...report.checks].sort((a, b) => rank(a) - rank(b));
}
function validationText(report) {
  const mark = report.ok ? report.summary.failed_warnings > 0 ? "!" : "\u2713" : "\u2717";
  const rows = ordered(report).map((check) => [
    check.ok ? "ok" : check.severity === "error" ? "FAIL" : "warn",
    check.column ?? "(dataset)",
    check.rule,
    check.failing_rows > 0 ? check.failing_rows.toLocaleString("en-US") : "",
    displayValue(check.observed),
    displayValue(check.expected),
    check.ok ? "" : exampleRows(check.examples)
  ]);
  const table = textTable(["", "column", "rule", "rows", "observed", "expected", "example rows"], rows);
  return `${mark} ${report.data}: ${verdict(report)}

${table}
`;
}

// cli/command.ts
import { parseArgs } from "node:util";
function parseCommandArgs(argv, options2, usage4, allowPositionals = true) {
  try {
    const parsed = parseArgs({ args: argv, options: options2, allowPositionals: true, strict: true });
    if (!allowPositionals && parsed.positionals.length > 0) {
      throw new UsageError(`unexpected argument '${parsed.positionals[0]}'

${usage4}`);
    }
    return { values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${error.message}

${usage4}`);
  }
}
function writeJson(io, value) {
  io.stdout.write(`${JSON.stringify(value, null, 2)}
`);
}
function parsePositiveInteger(text, flag, fallback) {
  if (text === void 0) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    throw new UsageError(`${flag} expects a positive whole number, got '${text}'`);
  }
  return value;
}
function requirePositional(positionals, index, what, usage4) {
  const value = positionals[index];
  if (value === void 0) throw new UsageError(`missing ${what}

${usage4}`);
  return value;
}

// cli/commands/head.ts
var usage = `Usage: tollgate head <data> [-n 10] [--json] [--format csv|jsonl|parquet|arrow]

Prints the first rows of any supported data file. --json prints an array of
objects keyed by column name (dates as ISO 8601 strings).`;
var headCommand = {
  name: "head",
  summary: "show the first rows of a data file",
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { n: { type: "string", short: "n" }, json: { type: "boolean" }, format: { type: "string" }, delimiter: { type: "string" } },
      usage
    );
    const data = requirePositional(positionals, 0, "the data file", usage);
    if (positionals.length > 1) throw new UsageError(`expected one data file, got ${positionals.length}

${usage}`);
    const count = parsePositiveInteger(values.n, "-n", 10);
    const rows = await readHead(resolve(io.cwd, data), count, { format: values.format, delimiter: values.delimiter });
    if (values.json) {
      writeJson(io, rows);
      return 0;
    }
    const headers = rows.length > 0 ? Object.keys(rows[0]) : [];
    io.stdout.write(`${textTable(headers, rows.map((row) => headers.map((name) => displayValue(row[name]))), 24)}
`);
    return 0;
  }
};

// cli/commands/validate.ts
import { writeFile } from "node:fs/promises";
import { resolve as resolve2 } from "node:path";

// shared/contract/schema.ts
import { z } from "zod";
var severitySchema = z.enum(["error", "warn"], { error: "expected error or warn" });
var finite = (what) => z.number({ error: `expected ${what} (a number)` }).refine(Number.isFinite, "expected a finite number");
function rule(value) {
  return z.union([value, z.object({ value, severity: severitySchema.optional() }).strict()], {
    error: "expected a value, or {value: ..., severity: error|warn}"
  });
}
var boundsSchema = z.object({ min: finite("a lower bound").optional(), max: finite("an upper bound").optional(), severity: severitySchema.optional() }).strict().refine((bounds) => bounds.min !== void 0 || bounds.max !== void 0, "give min, max or both").refine((bounds) => bounds.min === void 0 || bounds.max === void 0 || bounds.min <= bounds.max, "min must not exceed max");
var quantileSchema = z.object({
  q: z.number({ error: "expected q, a probability between 0 and 1" }).min(0).max(1),
  min: finite("a lower bound").optional(),
  max: finite("an upper bound").optional(),
  severity: severitySchema.optional()
}).strict().refine((bounds) => bounds.min !== void 0 || bounds.max !== void 0, "give min, max or both");
var lengthSchema = z.union(
  [
    z.number().int().nonnegative(),
    z.object({ min: z.number().int().nonnegative().optional(), max: z.number().int().nonnegative().optional(), severity: severitySchema.optional() }).strict()
  ],
  { error: "expected a length (whole number) or {min, max}" }
);
var regexSchema = z.string().superRefine((text, context) => {
  try {
    new RegExp(text, "u");
  } catch (error) {
    context.addIssue({ code: "custom", message: `not a valid regular expression: ${error.message}` });
  }
});
var columnRulesSchema = z.object({
  type: rule(z.enum(COLUMN_TYPES, { error: `expected one of ${COLUMN_TYPES.join(", ")}` })).optional(),
  nullable: rule(z.boolean()).optional(),
  max_null_fraction: rule(z.number().min(0).max(1)).optional(),
  min: rule(finite("the minimum")).optional(),
  max: rule(finite("the maximum")).optional(),
  allowed: rule(z.array(z.union([z.string(), z.number(), z.boolean()])).min(1)).optional(),
  pattern: rule(regexSchema).optional(),
  unique: rule(z.boolean()).optional(),
  length: lengthSchema.optional(),
  mean: boundsSchema.optional(),
  std: boundsSchema.optional(),
  quantile: z.union([quantileSchema, z.array(quantileSchema).min(1)], { error: "expected {q, min, max} or a list of them" }).optional(),
  severity: severitySchema.optional(),
  description: z.string().optional()
}).strict();
var durationSchema = z.string().regex(/^\d+(\.\d+)?(s|m|h|d|w)$/, "expected a duration such as 36h, 30d or 2w");
var datasetRulesSchema = z.object({
  rows: z.object({ min: z.number().int().nonnegative().optional(), max: z.number().int().nonnegative().optional(), severity: severitySchema.optional() }).strict().optional(),
  columns: rule(z.enum(["exact", "superset"], { error: "expected exact or superset" })).optional(),
  unique: rule(z.array(z.string()).min(1)).optional(),
  freshness: z.object({ column: z.string(), max_age: durationSchema, severity: severitySchema.optional() }).strict().optional(),
  severity: severitySchema.optional()
}).strict();
var contractSchema = z.object({
  $schema: z.string().optional(),
  version: z.literal(1, { error: "expected version: 1" }),
  description: z.string().optional(),
  dataset: datasetRulesSchema.default({}),
  columns: z.record(z.string(), columnRulesSchema.nullable().transform((rules) => rules ?? {}))
}).strict();
function ruleValue(written) {
  if (written === void 0) return void 0;
  if (typeof written === "object" && written !== null && !Array.isArray(written) && "value" in written) {
    return written;
  }
  return { value: written };
}

// shared/config/yaml-document.ts
import { readFile } from "node:fs/promises";
import { isMap, isSeq, isScalar, isPair, LineCounter, parseDocument } from "yaml";
async function loadYamlFile(file, schema) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new InputError({ file }, describeReadFailure(error), { cause: error });
  }
  return parseYaml(text, file, schema);
}
function parseYaml(text, file, schema) {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const locateOffset = (offset) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  if (document.errors.length > 0) {
    const first = document.errors[0];
    throw new ConfigError(locateOffset(first.pos[0]), `invalid YAML: ${first.message.split("\n")[0]}`);
  }
  const locate = (path) => {
    const offset = offsetOf(document.contents, path);
    return offset === void 0 ? { file, line: 1, column: 1 } : locateOffset(offset);
  };
  const raw = document.toJS({ maxAliasCount: 100 }) ?? {};
  const result2 = schema.safeParse(raw, { reportInput: true });
  if (!result2.success) {
    const issues = result2.error.issues;
    const lines = issues.slice(0, 10).map((issue) => {
      const path = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0]] : issue.path;
      const at = path.length > 0 ? `${formatPath(path)}: ` : "";
      return { where: locate(path), text: `${at}${describeIssue(issue)}` };
    });
    const [head, ...rest] = lines;
    const more = rest.map((entry) => `
  ${entry.where.line}:${entry.where.column}: ${entry.text}`).join("");
    const omitted = issues.length > 10 ? `
  (and ${issues.length - 10} more)` : "";
    throw new ConfigError(head.where, `${head.text}${more}${omitted}`);
  }
  return { file, value: result2.data, locate };
}
function describeIssue(issue) {
  const found = "input" in issue ? describeValue(issue.input) : void 0;
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === void 0) return `is required (expected ${issue.expected})`;
      return `expected ${issue.expected}, got ${found}`;
    case "invalid_value":
      return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(", ")}, got ${found}`;
    case "unrecognized_keys":
      return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((key) => `'${key}'`).join(", ")} (check the spelling)`;
    default:
      return found === void 0 || issue.message.includes(" got ") ? issue.message : `${issue.message}, got ${found}`;
  }
}
function describeValue(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `'${value.length > 40 ? `${value.slice(0, 40)}\u2026` : value}'`;
  return String(value);
}
function formatPath(path) {
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else text += text === "" ? String(key) : `.${String(key)}`;
  }
  return text;
}
function offsetOf(root, path) {
  let node = root;
  let best = rangeStart(root);
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) return best;
      best = rangeStart(pair.value) ?? rangeStart(pair.key) ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof key === "number") {
      const item = node.items[key];
      if (item === void 0) return best;
      best = rangeStart(item) ?? best;
      node = item;
    } else {
      return best;
    }
  }
  return best;
}
function rangeStart(node) {
  return node && "range" in node && node.range ? node.range[0] : void 0;
}
function describeReadFailure(error) {
  const code = error?.code;
  switch (code) {
    case "ENOENT":
      return "file not found";
    case "EISDIR":
      return "is a directory, expected a file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    default:
      return `cannot read file (${error.message})`;
  }
}

// shared/contract/load.ts
function loadContract(file) {
  return loadYamlFile(file, contractSchema);
}

// shared/contract/check.ts
function cellValue(column, row) {
  if (column.nulls[row]) return null;
  switch (column.kind) {
    case "number":
      if (column.type === "date") return new Date(column.values[row]).toISOString().slice(0, 10);
      if (column.type === "datetime") return new Date(column.values[row]).toISOString();
      return column.values[row];
    case "boolean":
      return column.values[row] === 1;
    case "string":
      return column.dictionary[column.codes[row]];
  }
}
var Violations = class _Violations {
  static EXAMPLES = 5;
  count = 0;
  examples = [];
  add(batch, row, value) {
    this.count++;
    if (this.examples.length < _Violations.EXAMPLES) {
      const example = { row: batch.rowOffset + row + 1, value };
      if (batch.lines) example.line = batch.lines[row];
      this.examples.push(example);
    }
  }
};
function result(setup, fields) {
  const failing = fields.violations?.count ?? 0;
  return {
    column: setup.column ?? null,
    rule: setup.rule,
    severity: setup.severity,
    ok: fields.ok ?? failing === 0,
    observed: fields.observed,
    expected: fields.expected,
    failing_rows: failing,
    examples: fields.violations?.examples ?? [],
    message: fields.message,
    location: setup.location
  };
}
function rowsText(count) {
  return `${count.toLocaleString("en-US")} row${count === 1 ? "" : "s"}`;
}

// shared/contract/rules/dictionary-verdicts.ts
var DictionaryVerdicts = class {
  constructor(passes) {
    this.passes = passes;
  }
  passes;
  verdicts = new Int8Array(1024);
  /** True when the dictionary entry `code` satisfies the rule. */
  test(code, dictionary) {
    if (code >= this.verdicts.length) {
      const grown = new Int8Array(Math.max(code + 1, this.verdicts.length * 2));
      grown.set(this.verdicts);
      this.verdicts = grown;
    }
    let verdict2 = this.verdicts[code];
    if (verdict2 === 0) {
      verdict2 = this.passes(dictionary[code]) ? 1 : 2;
      this.verdicts[code] = verdict2;
    }
    return verdict2 === 1;
  }
};

// shared/contract/rules/allowed.ts
var AllowedCheck = class {
  constructor(context, allowed) {
    this.context = context;
    this.allowed = allowed;
    this.texts = new Set(allowed.map(String));
    this.numbers = new Set(allowed.filter((value) => typeof value === "number"));
    this.verdicts = new DictionaryVerdicts((text) => this.texts.has(text));
  }
  context;
  allowed;
  violations = new Violations();
  texts;
  numbers;
  verdicts;
  unexpected = /* @__PURE__ */ new Map();
  observe(batch) {
    const column = batch.columns[this.context.index];
    for (let row = 0; row < batch.length; row++) {
      if (column.nulls[row]) continue;
      let ok;
      if (column.kind === "string") ok = this.verdicts.test(column.codes[row], column.dictionary);
      else if (column.kind === "number") ok = this.numbers.has(column.values[row]) || this.texts.has(String(cellValue(column, row)));
      else ok = this.texts.has(column.values[row] === 1 ? "true" : "false");
      if (!ok) {
        const value = cellValue(column, row);
        this.violations.add(batch, row, value);
        const key = String(value);
        if (this.unexpected.size < 100 || this.unexpected.has(key)) this.unexpected.set(key, (this.unexpected.get(key) ?? 0) + 1);
      }
    }
  }
  finish() {
    const { count } = this.violations;
    const top = [...this.unexpected.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
    return result(this.context, {
      observed: count === 0 ? "only allowed values" : Object.fromEntries(top),
      expected: this.allowed,
      violations: this.violations,
      message: count === 0 ? "only allowed values" : `${rowsText(count)} outside the allowed values (${top.map(([value, n]) => `${JSON.stringify(value)} x${n}`).join(", ")})`
    });
  }
};

// shared/contract/rules/freshness.ts
var UNIT_MS = { s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };
function parseDuration(text) {
  const match = /^(\d+(?:\.\d+)?)(s|m|h|d|w)$/.exec(text);
  if (!match) throw new RangeError(`not a duration: ${text}`);
  return Number(match[1]) * UNIT_MS[match[2]];
}
function formatDuration(ms) {
  const days = ms / UNIT_MS.d;
  if (Math.abs(days) >= 1) return `${days.toFixed(1)}d`;
  return `${(ms / UNIT_MS.h).toFixed(1)}h`;
}
var FreshnessCheck = class {
  constructor(setup, index, maxAge, now) {
    this.setup = setup;
    this.index = index;
    this.maxAge = maxAge;
    this.now = now;
  }
  setup;
  index;
  maxAge;
  now;
  newest = -Infinity;
  observe(batch) {
    const column = batch.columns[this.index];
    if (column.kind !== "number") return;
    const { values, nulls } = column;
    let newest = this.newest;
    for (let row = 0; row < batch.length; row++) {
      if (!nulls[row] && values[row] > newest) newest = values[row];
    }
    this.newest = newest;
  }
  finish() {
    const expected = `newest within ${this.maxAge}`;
    if (this.newest === -Infinity) {
      return result(this.setup, { ok: false, observed: null, expected, message: `no dates in ${this.setup.column}` });
    }
    const age = this.now.getTime() - this.newest;
    const ok = age <= parseDuration(this.maxAge);
    const newest = new Date(this.newest).toISOString();
    return result(this.setup, {
      ok,
      observed: newest,
      expected,
      message: `newest ${this.setup.column} is ${newest} (${formatDuration(age)} old)${ok ? "" : `, older than ${this.maxAge}`}`
    });
  }
};

// shared/contract/rules/length.ts
var LengthCheck = class {
  constructor(context, bounds) {
    this.context = context;
    this.min = bounds.min ?? 0;
    this.max = bounds.max ?? Infinity;
  }
  context;
  violations = new Violations();
  min;
  max;
  shortest = Infinity;
  longest = -Infinity;
  lengths = new Int32Array(0);
  observe(batch) {
    const column = batch.columns[this.context.index];
    for (let row = 0; row < batch.length; row++) {
      if (column.nulls[row]) continue;
      const length = column.kind === "string" ? this.lengthOfCode(column.codes[row], column.dictionary) : [...String(cellValue(column, row))].length;
      if (length < this.shortest) this.shortest = length;
      if (length > this.longest) this.longest = length;
      if (length < this.min || length > this.max) this.violations.add(batch, row, cellValue(column, row));
    }
  }
  lengthOfCode(code, dictionary) {
    if (code >= this.lengths.length) {
      const grown = new Int32Array(Math.max(code + 1, this.lengths.length * 2, 1024)).fill(-1);
      grown.set(this.lengths);
      this.lengths = grown;
    }
    if (this.lengths[code] < 0) this.lengths[code] = [...dictionary[code]].length;
    return this.lengths[code];
  }
  finish() {
    const { count } = this.violations;
    const expected = this.min === this.max ? `${this.min}` : `${this.min}..${this.max === Infinity ? "" : this.max}`;
    const observed = this.shortest === Infinity ? null : this.shortest === this.longest ? `${this.shortest}` : `${this.shortest}..${this.longest}`;
    return result(this.context, {
      observed,
      expected,
      violations: this.violations,
      message: count === 0 ? `lengths ${observed ?? "n/a"}` : `${rowsText(count)} with a length outside ${expected}`
    });
  }
};

// shared/contract/rules/nullable.ts
function forEachNull(batch, index, visit) {
  const { nulls, invalid } = batch.columns[index];
  for (let row = 0; row < batch.length; row++) {
    if (nulls[row] && !(invalid && invalid[row])) visit(row);
  }
}
var NullableCheck = class {
  constructor(context, nullable) {
    this.context = context;
    this.nullable = nullable;
  }
  context;
  nullable;
  violations = new Violations();
  observe(batch) {
    if (this.nullable) return;
    forEachNull(batch, this.context.index, (row) => this.violations.add(batch, row, null));
  }
  finish() {
    const { count } = this.violations;
    return result(this.context, {
      observed: `${count} null${count === 1 ? "" : "s"}`,
      expected: this.nullable ? "nulls allowed" : "no nulls",
      violations: this.violations,
      message: count === 0 ? "no missing values" : `${rowsText(count)} missing a value`
    });
  }
};
var MaxNullFractionCheck = class {
  constructor(context, limit) {
    this.context = context;
    this.limit = limit;
  }
  context;
  limit;
  violations = new Violations();
  observe(batch) {
    forEachNull(batch, this.context.index, (row) => this.violations.add(batch, row, null));
  }
  finish(rows) {
    const fraction = rows === 0 ? 0 : this.violations.count / rows;
    const ok = fraction <= this.limit;
    return {
      ...result(this.context, {
        ok,
        observed: Number(fraction.toFixed(6)),
        expected: `<= ${this.limit}`,
        violations: this.violations,
        message: `${(fraction * 100).toFixed(2)}% missing (${rowsText(this.violations.count)}), limit ${(this.limit * 100).toFixed(2)}%`
      }),
      failing_rows: ok ? 0 : this.violations.count
    };
  }
};

// shared/contract/rules/pattern.ts
var PatternCheck = class {
  constructor(context, pattern) {
    this.context = context;
    this.pattern = pattern;
    this.regex = new RegExp(pattern, "u");
    this.verdicts = new DictionaryVerdicts((text) => this.regex.test(text));
  }
  context;
  pattern;
  violations = new Violations();
  regex;
  verdicts;
  observe(batch) {
    const column = batch.columns[this.context.index];
    for (let row = 0; row < batch.length; row++) {
      if (column.nulls[row]) continue;
      const ok = column.kind === "string" ? this.verdicts.test(column.codes[row], column.dictionary) : this.regex.test(String(cellValue(column, row)));
      if (!ok) this.violations.add(batch, row, cellValue(column, row));
    }
  }
  finish() {
    const { count } = this.violations;
    return result(this.context, {
      observed: count === 0 ? "all match" : `${count} not matching`,
      expected: this.pattern,
      violations: this.violations,
      message: count === 0 ? "every value matches" : `${rowsText(count)} do not match ${this.pattern}`
    });
  }
};

// shared/stats/kll.ts
var MIN_LEVEL_CAPACITY = 8;
var DEFAULT_K = 200;
var SHRINK = 2 / 3;
var Z99 = 2.5758293035489004;
function kllRankError(k, doubleSided = false) {
  return doubleSided ? 2.446 / Math.pow(k, 0.9433) : 2.296 / Math.pow(k, 0.9723);
}
function hash32(seed, counter) {
  let t = Math.imul(seed | 0, 2654435769) ^ Math.imul(Math.floor(seed / 4294967296) | 0, 2146121005) | 0;
  t = t ^ Math.imul(counter | 0, 2246822507) ^ Math.imul(Math.floor(counter / 4294967296) | 0, 3266489909) | 0;
  t = t + 2654435769 | 0;
  t ^= t >>> 16;
  t = Math.imul(t, 569420461);
  t ^= t >>> 15;
  t = Math.imul(t, 1935289751);
  t ^= t >>> 15;
  return t >>> 0;
}
function sortPrefix(a, n) {
  if (n > 32) {
    a.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > x) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}
var KllSketch = class _KllSketch {
  k;
  seed;
  samplerEnabled;
  /** Number of values summarized. */
  n = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  compactions = 0;
  buffers = [];
  sizes = [];
  sorted = [];
  capacities = [];
  totalCapacity = 0;
  retainedCount = 0;
  /** Level new values enter: log2 of the sampler weight. */
  entryLevel = 0;
  sampleWeight = 1;
  samplePosition = 0;
  sampleBlocks = 0;
  /** Position in the current block whose value is kept. */
  samplePick = 0;
  constructor(options2 = {}) {
    const k = options2.k ?? DEFAULT_K;
    if (!Number.isInteger(k) || k < MIN_LEVEL_CAPACITY || k > 65535) {
      throw new RangeError(`KLL k must be an integer in ${MIN_LEVEL_CAPACITY}..65535, got ${k}`);
    }
    const seed = options2.seed ?? 1;
    if (!Number.isSafeInteger(seed)) throw new RangeError(`KLL seed must be a safe integer, got ${seed}`);
    this.k = k;
    this.seed = seed;
    this.samplerEnabled = options2.sampler ?? true;
    this.addLevel();
  }
  /** Number of levels in the hierarchy. */
  get numLevels() {
    return this.sizes.length;
  }
  /** Number of items kept. */
  get retained() {
    return this.retainedCount;
  }
  get isEmpty() {
    return this.n === 0;
  }
  /** Current sampler block size (1 = every value kept). */
  get samplerWeight() {
    return this.sampleWeight;
  }
  /** 99%-confidence normalized rank error of this sketch now (see the module comment). */
  rankErrorBound(doubleSided = false) {
    const kll = kllRankError(this.k, doubleSided);
    if (this.sampleWeight === 1 || this.n === 0) return kll;
    const sampler = Z99 * Math.sqrt(this.sampleWeight / this.n) / 2;
    return Math.sqrt(kll * kll + sampler * sampler);
  }
  addLevel() {
    this.buffers.push(new Float64Array(2 * this.k + 2 * MIN_LEVEL_CAPACITY));
    this.sizes.push(0);
    this.sorted.push(true);
    const h = this.sizes.length;
    let total = 0;
    this.capacities = [];
    for (let level = 0; level < h; level++) {
      const cap = Math.max(MIN_LEVEL_CAPACITY, Math.ceil(this.k * Math.pow(SHRINK, h - 1 - level)));
      this.capacities.push(cap);
      total += cap;
    }
    this.totalCapacity = total;
  }
  ensureRoom(level, needed) {
    const buffer = this.buffers[level];
    if (buffer.length >= needed) return;
    const bigger = new Float64Array(Math.max(needed, 2 * buffer.length));
    bigger.set(buffer.subarray(0, this.sizes[level]));
    this.buffers[level] = bigger;
  }
  /** Adds one value (NaN is skipped). */
  update(value) {
    if (value !== value) return;
    this.addArray([value]);
  }
  /** Adds `values[start..end)`, skipping NaN; the profile's hot path. */
  addArray(values, start = 0, end = values.length) {
    let i = start;
    let min = this.min;
    let max = this.max;
    while (i < end) {
      const level = this.entryLevel;
      while (level >= this.sizes.length) this.addLevel();
      const room = this.totalCapacity - this.retainedCount;
      let size = this.sizes[level];
      this.ensureRoom(level, size + room);
      const buffer = this.buffers[level];
      const limit = size + room;
      let n = this.n;
      if (this.sampleWeight === 1) {
        while (i < end && size < limit) {
          const x = values[i++];
          if (x !== x) continue;
          buffer[size++] = x;
          if (x < min) min = x;
          if (x > max) max = x;
          n++;
        }
        this.n = n;
        if (this.samplerEnabled) this.maybeStartSampling();
      } else {
        const weight = this.sampleWeight;
        let position = this.samplePosition;
        let pick = this.samplePick;
        let weightMayGrow = false;
        while (i < end && size < limit) {
          const x = values[i++];
          if (x !== x) continue;
          if (x < min) min = x;
          if (x > max) max = x;
          n++;
          if (position === pick) buffer[size++] = x;
          if (++position === weight) {
            position = 0;
            this.sampleBlocks++;
            pick = hash32(this.seed, this.sampleBlocks) & weight - 1;
            if (n >= 2 * weight * this.k * this.k) {
              weightMayGrow = true;
              break;
            }
          }
        }
        this.n = n;
        this.samplePosition = position;
        this.samplePick = pick;
        if (weightMayGrow) this.maybeGrowSampler();
      }
      const added = size - this.sizes[level];
      if (added > 0) {
        this.sizes[level] = size;
        this.sorted[level] = false;
        this.retainedCount += added;
      }
      if (this.retainedCount >= this.totalCapacity) this.compactOnce();
    }
    if (min === Number.NEGATIVE_INFINITY || max === Number.POSITIVE_INFINITY) {
      throw new RangeError("KLL accepts finite values only");
    }
    this.min = min;
    this.max = max;
  }
  maybeStartSampling() {
    if (this.n >= 2 * this.k * this.k) {
      this.samplePosition = 0;
      this.sampleBlocks = 0;
      this.sampleWeight = 1;
      this.maybeGrowSampler();
    }
  }
  /** Doubles the sampler weight while w <= n / k^2 allows; only at block boundaries. */
  maybeGrowSampler() {
    if (!this.samplerEnabled || this.samplePosition !== 0) return;
    let grew = false;
    while (this.n >= 2 * this.sampleWeight * this.k * this.k) {
      this.sampleWeight *= 2;
      this.entryLevel++;
      grew = true;
    }
    if (grew) this.samplePick = hash32(this.seed, this.sampleBlocks) & this.sampleWeight - 1;
  }
  /**
   * Adds `values[i]` with multiplicity `counts[i]` (positive integers) exactly:
   * each count is split into powers of two and the value placed directly at
   * those levels, so no error enters until later compactions. This is how a
   * profile turns its exact low-cardinality counts into a sketch.
   */
  addWeighted(values, counts) {
    if (values.length !== counts.length) throw new RangeError("addWeighted needs as many counts as values");
    const perLevel = [];
    let added = 0;
    for (let i = 0; i < values.length; i++) {
      const x = values[i];
      const c = counts[i];
      if (!Number.isSafeInteger(c) || c < 0) throw new RangeError(`addWeighted counts must be non-negative integers, got ${c}`);
      if (c === 0 || x !== x) continue;
      if (!Number.isFinite(x)) throw new RangeError("KLL accepts finite values only");
      if (x < this.min) this.min = x;
      if (x > this.max) this.max = x;
      added += c;
      let rest = c;
      for (let level = 0; rest > 0; level++) {
        if (rest % 2 === 1) (perLevel[level] ??= []).push(x);
        rest = Math.floor(rest / 2);
      }
    }
    if (added === 0) return;
    while (this.sizes.length < perLevel.length) this.addLevel();
    perLevel.forEach((items, level) => {
      if (items === void 0) return;
      const sortedItems = Float64Array.from(items).sort();
      this.absorb(level, sortedItems, true);
    });
    this.n += added;
    if (this.samplerEnabled) {
      if (this.sampleWeight === 1) this.maybeStartSampling();
      else this.maybeGrowSampler();
    }
    while (this.retainedCount >= this.totalCapacity) this.compactOnce();
  }
  /** Compacts the lowest level at or over its capacity (adding a level on top if needed). */
  compactOnce() {
    let level = 0;
    while (level < this.sizes.length && this.sizes[level] < this.capacities[level]) level++;
    if (level === this.sizes.length) return;
    if (level + 1 === this.sizes.length) this.addLevel();
    this.compactLevel(level);
  }
  /** Halves `level` into level + 1. */
  compactLevel(level) {
    const src = this.buffers[level];
    const size = this.sizes[level];
    if (!this.sorted[level]) sortPrefix(src, size);
    const leftover = size & 1;
    const offset = hash32(this.seed ^ 1540483477, this.compactions++) & 1;
    const half = size - leftover >> 1;
    for (let i = 0; i < half; i++) src[leftover + i] = src[leftover + offset + 2 * i];
    const up = level + 1;
    const upSize = this.sizes[up];
    this.ensureRoom(up, upSize + half);
    const dst = this.buffers[up];
    if (!this.sorted[up]) {
      dst.set(src.subarray(leftover, leftover + half), upSize);
    } else {
      let a = upSize - 1;
      let b = leftover + half - 1;
      let out = upSize + half - 1;
      while (b >= leftover) {
        if (a >= 0 && dst[a] > src[b]) dst[out--] = dst[a--];
        else dst[out--] = src[b--];
      }
    }
    this.sizes[up] = upSize + half;
    this.sizes[level] = leftover;
    this.sorted[level] = true;
    this.retainedCount -= half;
  }
  /** Retained items sorted by value with cumulative weights. */
  sortedView() {
    const total = this.retainedCount;
    const values = new Float64Array(total);
    const weights = new Float64Array(total);
    let p = 0;
    for (let level = 0; level < this.sizes.length; level++) {
      const w = 2 ** level;
      const buffer = this.buffers[level];
      for (let i = 0; i < this.sizes[level]; i++) {
        values[p] = buffer[i];
        weights[p] = w;
        p++;
      }
    }
    const order = new Uint32Array(total);
    for (let i = 0; i < total; i++) order[i] = i;
    order.sort((x, y) => values[x] - values[y]);
    const sorted = new Float64Array(total);
    const cumulative = new Float64Array(total);
    let acc = 0;
    for (let i = 0; i < total; i++) {
      sorted[i] = values[order[i]];
      acc += weights[order[i]];
      cumulative[i] = acc;
    }
    return { values: sorted, cumulative };
  }
  totalWeight() {
    let total = 0;
    for (let level = 0; level < this.sizes.length; level++) total += this.sizes[level] * 2 ** level;
    return total;
  }
  /**
   * Normalized rank of `x`: estimated fraction of values <= x (inclusive, like
   * DataSketches' default). Exactly 0 below the minimum and 1 at or above the maximum.
   */
  rank(x) {
    if (this.n === 0) return Number.NaN;
    if (x < this.min) return 0;
    if (x >= this.max) return 1;
    let weight = 0;
    for (let level = 0; level < this.sizes.length; level++) {
      const w = 2 ** level;
      const buffer = this.buffers[level];
      for (let i = 0; i < this.sizes[level]; i++) if (buffer[i] <= x) weight += w;
    }
    return Math.min(1, weight / this.totalWeight());
  }
  /**
   * Estimated CDF at strictly increasing split points: result[i] =
   * rank(splitPoints[i]), plus a final 1 (length + 1 entries, like DataSketches).
   */
  cdf(splitPoints) {
    for (let i = 1; i < splitPoints.length; i++) {
      if (!(splitPoints[i] > splitPoints[i - 1])) throw new RangeError("cdf split points must be strictly increasing");
    }
    const result2 = [];
    for (let i = 0; i < splitPoints.length; i++) result2.push(this.rank(splitPoints[i]));
    result2.push(1);
    return result2;
  }
  /**
   * Value at normalized rank q in [0, 1]: the smallest retained item whose
   * inclusive rank is >= q; q = 0 gives the exact minimum and q = 1 the exact
   * maximum. NaN for an empty sketch.
   */
  quantile(q) {
    return this.quantiles([q])[0];
  }
  /** {@link quantile} for several ranks with one sort of the retained items. */
  quantiles(qs) {
    for (let i = 0; i < qs.length; i++) {
      const q = qs[i];
      if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile rank must be in [0, 1], got ${q}`);
    }
    if (this.n === 0) return Array.from({ length: qs.length }, () => Number.NaN);
    const { values, cumulative } = this.sortedView();
    const total = cumulative[cumulative.length - 1];
    const out = [];
    for (let i = 0; i < qs.length; i++) {
      const q = qs[i];
      if (q === 0) {
        out.push(this.min);
        continue;
      }
      if (q === 1) {
        out.push(this.max);
        continue;
      }
      const target = q * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = lo + hi >> 1;
        if (cumulative[mid] >= target) hi = mid;
        else lo = mid + 1;
      }
      out.push(values[lo]);
    }
    return out;
  }
  /** Folds `other` into this sketch (both must share k); `other` is not changed. */
  merge(other) {
    if (other.k !== this.k) throw new RangeError(`cannot merge KLL sketches with k=${this.k} and k=${other.k}`);
    if (other.n === 0) return this;
    while (this.sizes.length < other.sizes.length) this.addLevel();
    for (let level = 0; level < other.sizes.length; level++) {
      this.absorb(level, other.buffers[level].subarray(0, other.sizes[level]), other.sorted[level]);
    }
    this.n += other.n;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
    if (this.samplerEnabled) {
      if (this.sampleWeight === 1) this.maybeStartSampling();
      else this.maybeGrowSampler();
    }
    while (this.retainedCount >= this.totalCapacity) this.compactOnce();
    return this;
  }
  absorb(level, incoming, incomingSorted) {
    if (incoming.length === 0) return;
    const size = this.sizes[level];
    this.ensureRoom(level, size + incoming.length);
    const buffer = this.buffers[level];
    if (this.sorted[level] && incomingSorted) {
      const merged = new Float64Array(size + incoming.length);
      let a = 0;
      let b = 0;
      let out = 0;
      while (a < size && b < incoming.length) merged[out++] = buffer[a] <= incoming[b] ? buffer[a++] : incoming[b++];
      while (a < size) merged[out++] = buffer[a++];
      while (b < incoming.length) merged[out++] = incoming[b++];
      buffer.set(merged);
    } else {
      buffer.set(incoming, size);
      this.sorted[level] = false;
    }
    this.sizes[level] = size + incoming.length;
    this.retainedCount += incoming.length;
  }
  toJSON() {
    const empty = this.n === 0;
    return {
      k: this.k,
      n: this.n,
      min: empty ? null : this.min,
      max: empty ? null : this.max,
      seed: this.seed,
      compactions: this.compactions,
      sampler: { weight: this.samplerEnabled ? this.sampleWeight : 0, position: this.samplePosition, blocks: this.sampleBlocks },
      levels: this.sizes.map((size, level) => Array.from(this.buffers[level].subarray(0, size)))
    };
  }
  /** Restores a sketch; throws RangeError when the JSON is inconsistent. */
  static fromJSON(json) {
    const samplerOn = json.sampler.weight !== 0;
    const sketch = new _KllSketch({ k: json.k, seed: json.seed, sampler: samplerOn });
    if (!Number.isSafeInteger(json.n) || json.n < 0) throw new RangeError(`KLL n must be a non-negative integer, got ${json.n}`);
    if (!Array.isArray(json.levels) || json.levels.length === 0) throw new RangeError("KLL levels must be a non-empty array");
    const weight = samplerOn ? json.sampler.weight : 1;
    if (!Number.isInteger(Math.log2(weight)) || !(json.sampler.position >= 0 && json.sampler.position < weight)) {
      throw new RangeError(`KLL sampler state is invalid: ${JSON.stringify(json.sampler)}`);
    }
    while (sketch.sizes.length < json.levels.length) sketch.addLevel();
    let retained = 0;
    json.levels.forEach((items, level) => {
      for (const x of items) {
        if (typeof x !== "number" || !Number.isFinite(x)) throw new RangeError(`KLL level ${level} holds a non-finite item`);
      }
      sketch.ensureRoom(level, items.length);
      sketch.buffers[level].set(items);
      sketch.sizes[level] = items.length;
      let sorted = true;
      for (let i = 1; i < items.length && sorted; i++) if (items[i] < items[i - 1]) sorted = false;
      sketch.sorted[level] = sorted;
      retained += items.length;
    });
    sketch.retainedCount = retained;
    sketch.n = json.n;
    sketch.compactions = json.compactions;
    sketch.sampleWeight = weight;
    sketch.entryLevel = Math.log2(weight);
    sketch.samplePosition = json.sampler.position;
    sketch.sampleBlocks = json.sampler.blocks;
    sketch.samplePick = hash32(sketch.seed, sketch.sampleBlocks) & weight - 1;
    if (json.n > 0) {
      if (json.min === null || json.max === null) throw new RangeError("KLL min/max missing for a non-empty sketch");
      sketch.min = json.min;
      sketch.max = json.max;
    }
    return sketch;
  }
};

// shared/stats/moments.ts
var Moments = class _Moments {
  count = 0;
  mean = 0;
  /** Sum of squared deviations from the mean. */
  m2 = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  /** Adds one value (NaN is skipped). */
  add(value) {
    if (value !== value) return;
    if (value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY) {
      throw new RangeError("Moments accepts finite values only; count infinities separately");
    }
    const n = this.count + 1;
    const delta = value - this.mean;
    this.mean += delta / n;
    this.m2 += delta * (value - this.mean);
    this.count = n;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }
  /**
   * Adds `values[start..end)`, skipping NaN. Two passes over the chunk, then
   * one merge: exact to rounding and branch-light for the hot loop.
   */
  addArray(values, start = 0, end = values.length) {
    let n = 0;
    let sum = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = start; i < end; i++) {
      const x = values[i];
      if (x !== x) continue;
      n++;
      sum += x;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    if (n === 0) return;
    if (min === Number.NEGATIVE_INFINITY || max === Number.POSITIVE_INFINITY) {
      throw new RangeError("Moments accepts finite values only; count infinities separately");
    }
    const mean = sum / n;
    let m2 = 0;
    let correction = 0;
    for (let i = start; i < end; i++) {
      const x = values[i];
      if (x !== x) continue;
      const d = x - mean;
      m2 += d * d;
      correction += d;
    }
    m2 -= correction * correction / n;
    this.mergeParts(n, mean, m2, sum, min, max);
  }
  /** Folds another accumulator into this one (Chan's parallel update). */
  merge(other) {
    if (other.count === 0) return this;
    const min = other.min ?? Number.POSITIVE_INFINITY;
    const max = other.max ?? Number.NEGATIVE_INFINITY;
    this.mergeParts(other.count, other.mean, other.m2, other.sum, min, max);
    return this;
  }
  mergeParts(nB, meanB, m2B, sumB, minB, maxB) {
    const nA = this.count;
    if (nA === 0) {
      this.count = nB;
      this.mean = meanB;
      this.m2 = m2B;
    } else {
      const n = nA + nB;
      const delta = meanB - this.mean;
      this.mean = (nA * this.mean + nB * meanB) / n;
      this.m2 = this.m2 + m2B + delta * delta * nA / n * nB;
      this.count = n;
    }
    this.sum += sumB;
    if (minB < this.min) this.min = minB;
    if (maxB > this.max) this.max = maxB;
  }
  /** Sample variance (ddof = 1); NaN for fewer than 2 values. */
  variance() {
    return this.count < 2 ? Number.NaN : this.m2 / (this.count - 1);
  }
  /** Population variance (ddof = 0); NaN when empty. */
  populationVariance() {
    return this.count < 1 ? Number.NaN : this.m2 / this.count;
  }
  /** Sample standard deviation (ddof = 1). */
  std() {
    return Math.sqrt(this.variance());
  }
  /** Population standard deviation (ddof = 0). */
  populationStd() {
    return Math.sqrt(this.populationVariance());
  }
  toJSON() {
    const empty = this.count === 0;
    return {
      count: this.count,
      mean: this.mean,
      m2: this.m2,
      sum: this.sum,
      min: empty ? null : this.min,
      max: empty ? null : this.max
    };
  }
  /** Rebuilds an accumulator from {@link MomentsJSON}. */
  static fromJSON(json) {
    if (!Number.isInteger(json.count) || json.count < 0) throw new RangeError(`Moments count must be a non-negative integer, got ${json.count}`);
    const m = new _Moments();
    m.merge(json);
    return m;
  }
  /** Accumulator over the finite values of an array. */
  static of(values) {
    const m = new _Moments();
    m.addArray(values);
    return m;
  }
};

// shared/contract/rules/statistic.ts
function boundsText(bounds) {
  if (bounds.min !== void 0 && bounds.max !== void 0) return `${bounds.min}..${bounds.max}`;
  return bounds.min !== void 0 ? `>= ${bounds.min}` : `<= ${bounds.max}`;
}
function withinBounds(value, bounds) {
  return (bounds.min === void 0 || value >= bounds.min) && (bounds.max === void 0 || value <= bounds.max);
}
var MomentCheck = class {
  constructor(context, statistic, bounds) {
    this.context = context;
    this.statistic = statistic;
    this.bounds = bounds;
  }
  context;
  statistic;
  bounds;
  moments = new Moments();
  observe(batch) {
    const column = batch.columns[this.context.index];
    if (column.kind === "string") return;
    const { values } = column;
    for (let row = 0; row < batch.length; row++) {
      const value = values[row];
      if (column.nulls[row] || value === Infinity || value === -Infinity) continue;
      this.moments.add(value);
    }
  }
  finish() {
    const { count, mean } = this.moments;
    const value = this.statistic === "mean" ? count > 0 ? mean : Number.NaN : count > 1 ? Math.sqrt(this.moments.m2 / (count - 1)) : Number.NaN;
    const expected = boundsText(this.bounds);
    if (Number.isNaN(value)) {
      return result(this.context, {
        ok: false,
        observed: null,
        expected,
        message: `${this.statistic} is undefined with ${count} present value${count === 1 ? "" : "s"}`
      });
    }
    const ok = withinBounds(value, this.bounds);
    const rounded = Number(value.toPrecision(6));
    return result(this.context, {
      ok,
      observed: rounded,
      expected,
      message: `${this.statistic} is ${rounded}${ok ? "" : `, expected ${expected}`}`
    });
  }
};

// shared/contract/rules/quantile.ts
var QuantileCheck = class {
  constructor(context, bounds) {
    this.context = context;
    this.bounds = bounds;
  }
  context;
  bounds;
  sketch = new KllSketch();
  observe(batch) {
    const column = batch.columns[this.context.index];
    if (column.kind === "string") return;
    const { values, nulls } = column;
    for (let row = 0; row < batch.length; row++) {
      if (!nulls[row] && Number.isFinite(values[row])) this.sketch.update(values[row]);
    }
  }
  finish() {
    const expected = `q${this.bounds.q}: ${boundsText(this.bounds)}`;
    if (this.sketch.n === 0) {
      return result(this.context, { ok: false, observed: null, expected, message: "no values to take a quantile of" });
    }
    const value = Number(this.sketch.quantile(this.bounds.q).toPrecision(6));
    const ok = withinBounds(value, this.bounds);
    return result(this.context, {
      ok,
      observed: value,
      expected,
      message: `quantile ${this.bounds.q} is ${value}${ok ? "" : `, expected ${boundsText(this.bounds)}`}`
    });
  }
};

// shared/contract/rules/range.ts
var RangeCheck = class {
  constructor(context, side, bound) {
    this.context = context;
    this.side = side;
    this.bound = bound;
  }
  context;
  side;
  bound;
  violations = new Violations();
  extreme = Number.NaN;
  observe(batch) {
    const column = batch.columns[this.context.index];
    if (column.kind === "string") return;
    const { values, nulls } = column;
    const bound = this.bound;
    const lower2 = this.side === "min";
    let extreme = this.extreme;
    for (let row = 0; row < batch.length; row++) {
      if (nulls[row]) continue;
      const value = values[row];
      if (lower2 ? !(value >= extreme) : !(value <= extreme)) extreme = value;
      if (lower2 ? value < bound : value > bound) this.violations.add(batch, row, value);
    }
    this.extreme = extreme;
  }
  finish() {
    const isString = this.context.schema.fields[this.context.index].type === "string" || this.context.schema.fields[this.context.index].type === "category";
    if (isString) {
      return result(this.context, {
        ok: false,
        observed: this.context.schema.fields[this.context.index].type,
        expected: "a numeric column",
        message: `${this.side} applies to numbers; this column holds text`
      });
    }
    const { count } = this.violations;
    const word = this.side === "min" ? "below" : "above";
    const observed = Number.isNaN(this.extreme) ? null : this.extreme;
    return result(this.context, {
      observed,
      expected: `${this.side === "min" ? ">=" : "<="} ${this.bound}`,
      violations: this.violations,
      message: count === 0 ? `${this.side} is ${observed ?? "n/a"}` : `${rowsText(count)} ${word} ${this.bound} (observed ${this.side} ${observed})`
    });
  }
};

// shared/contract/rules/rows.ts
var RowCountCheck = class {
  constructor(setup, bounds) {
    this.setup = setup;
    this.bounds = bounds;
  }
  setup;
  bounds;
  observe(_batch) {
  }
  finish(rows) {
    const ok = withinBounds(rows, this.bounds);
    const expected = boundsText(this.bounds);
    return result(this.setup, { ok, observed: rows, expected, message: `${rows.toLocaleString("en-US")} rows${ok ? "" : `, expected ${expected}`}` });
  }
};

// shared/contract/rules/type.ts
var COMPATIBLE = {
  integer: ["integer"],
  float: ["float", "integer"],
  boolean: ["boolean"],
  date: ["date"],
  datetime: ["datetime", "date"],
  string: ["string", "category"],
  category: ["category", "string"]
};
var TypeCheck = class {
  constructor(context, declared) {
    this.context = context;
    this.declared = declared;
    this.observedType = context.schema.fields[context.index].type;
    this.integralOnly = declared === "integer" && this.observedType === "float";
    this.compatible = this.integralOnly || COMPATIBLE[declared].includes(this.observedType);
  }
  context;
  declared;
  violations = new Violations();
  observedType;
  integralOnly;
  compatible;
  observe(batch) {
    const column = batch.columns[this.context.index];
    const { invalid } = column;
    if (invalid) {
      for (let row = 0; row < batch.length; row++) {
        if (invalid[row]) this.violations.add(batch, row, null);
      }
    }
    if (!this.compatible) {
      for (let row = 0; row < batch.length; row++) {
        if (!column.nulls[row]) this.violations.add(batch, row, cellValue(column, row));
      }
    } else if (this.integralOnly && column.kind === "number") {
      const { values, nulls } = column;
      for (let row = 0; row < batch.length; row++) {
        if (!nulls[row] && !Number.isInteger(values[row])) this.violations.add(batch, row, values[row]);
      }
    }
  }
  finish() {
    const { count } = this.violations;
    let message;
    if (!this.compatible) message = `column is ${this.observedType}, expected ${this.declared}`;
    else if (count > 0) message = `${rowsText(count)} not readable as ${this.declared}`;
    else message = `all values are ${this.declared}`;
    return result(this.context, {
      ok: this.compatible && count === 0,
      observed: this.observedType,
      expected: this.declared,
      violations: this.violations,
      message
    });
  }
};

// shared/contract/key-set.ts
var KeyHashSet = class {
  table = new Uint32Array(2 * 1024);
  mask = 1023;
  size = 0;
  /** Adds the hash pair; returns false when it was already present. */
  add(high, low) {
    if (high === 0 && low === 0) low = 1;
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    let slot = (low ^ Math.imul(high, 2654435761)) & this.mask;
    const table = this.table;
    while (true) {
      const at = slot * 2;
      const h = table[at];
      const l = table[at + 1];
      if (h === 0 && l === 0) {
        table[at] = high;
        table[at + 1] = low;
        this.size++;
        return true;
      }
      if (h === high >>> 0 && l === low >>> 0) return false;
      slot = slot + 1 & this.mask;
    }
  }
  grow() {
    const old = this.table;
    this.mask = this.mask * 2 + 1;
    this.table = new Uint32Array((this.mask + 1) * 2);
    this.size = 0;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at] !== 0 || old[at + 1] !== 0) this.add(old[at], old[at + 1]);
    }
  }
};
var scratch = new Float64Array(1);
var words = new Uint32Array(scratch.buffer);
var KeyHasher = class {
  high = 0;
  low = 0;
  reset() {
    this.high = 2166136261;
    this.low = 16777619;
  }
  /** Adds a number (a float value, a dictionary code, a boolean as 0/1). */
  addNumber(value) {
    scratch[0] = value === 0 ? 0 : value;
    this.mix(words[0]);
    this.mix(words[1]);
  }
  /** Adds a missing value, distinct from every number. */
  addNull() {
    this.mix(2146959361);
    this.mix(3735928559);
  }
  mix(word) {
    let h = Math.imul(this.high ^ word, 3432918353);
    h = h << 15 | h >>> 17;
    this.high = Math.imul(h, 461845907) + 3864292196 | 0;
    let l = Math.imul(this.low ^ word, 2246822507);
    l = l << 13 | l >>> 19;
    this.low = Math.imul(l, 3266489909) + 668265263 | 0;
  }
  /** Final avalanche so nearby keys land far apart. */
  finish() {
    this.high = avalanche(this.high) >>> 0;
    this.low = avalanche(this.low ^ this.high) >>> 0;
  }
};
function avalanche(hash) {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 2246822507);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 3266489909);
  return hash ^ hash >>> 16;
}

// shared/contract/rules/unique.ts
var UniqueCheck = class {
  constructor(setup, names, indexes) {
    this.setup = setup;
    this.names = names;
    this.indexes = indexes;
  }
  setup;
  names;
  indexes;
  violations = new Violations();
  seen = new KeyHashSet();
  hasher = new KeyHasher();
  observe(batch) {
    const columns = this.indexes.map((index) => batch.columns[index]);
    const hasher = this.hasher;
    for (let row = 0; row < batch.length; row++) {
      hasher.reset();
      for (const column of columns) {
        if (column.nulls[row]) hasher.addNull();
        else if (column.kind === "string") hasher.addNumber(column.codes[row]);
        else hasher.addNumber(column.values[row]);
      }
      hasher.finish();
      if (!this.seen.add(hasher.high, hasher.low)) {
        const value = columns.length === 1 ? cellValue(columns[0], row) : columns.map((column) => String(cellValue(column, row))).join(", ");
        this.violations.add(batch, row, value);
      }
    }
  }
  finish(rows) {
    const { count } = this.violations;
    const key = this.names.join(", ");
    return result(this.setup, {
      observed: `${this.seen.size} distinct of ${rows}`,
      expected: `unique ${key}`,
      violations: this.violations,
      message: count === 0 ? `${key} is unique` : `${rowsText(count)} repeat an earlier ${key}`
    });
  }
};

// shared/contract/build-checks.ts
function buildChecks(contract, schema, now) {
  const { value: rules, locate } = contract;
  const planned = [];
  const indexOf = new Map(schema.fields.map((field, index) => [field.name, index]));
  const datasetSeverity = rules.dataset.severity ?? "error";
  const datasetSetup = (rule2, severity, path) => ({
    rule: rule2,
    severity: severity ?? datasetSeverity,
    location: locate(["dataset", ...path])
  });
  const { rows } = rules.dataset;
  if (rows) planned.push({ check: new RowCountCheck(datasetSetup("rows", rows.severity, ["rows"]), rows) });
  const key = ruleValue(rules.dataset.unique);
  if (key && key.value.every((name) => indexOf.has(name))) {
    const setup = datasetSetup("unique", key.severity, ["unique"]);
    planned.push({ check: new UniqueCheck(setup, key.value, key.value.map((name) => indexOf.get(name))) });
  }
  const { freshness } = rules.dataset;
  if (freshness && indexOf.has(freshness.column)) {
    const setup = { ...datasetSetup("freshness", freshness.severity, ["freshness"]), column: freshness.column };
    planned.push({ check: new FreshnessCheck(setup, indexOf.get(freshness.column), freshness.max_age, now) });
  }
  for (const field of schema.fields) {
    const columnRules = rules.columns[field.name];
    const index = indexOf.get(field.name);
    if (!columnRules) {
      planned.push({ check: implicitTypeCheck(contract, schema, index), reportOnlyOnFailure: true });
      continue;
    }
    const columnSeverity = columnRules.severity ?? "error";
    const context = (rule2, severity, path = [rule2]) => ({
      rule: rule2,
      severity: severity ?? columnSeverity,
      location: locate(["columns", field.name, ...path]),
      column: field.name,
      index,
      schema
    });
    const type = ruleValue(columnRules.type);
    if (type) planned.push({ check: new TypeCheck(context("type", type.severity), type.value) });
    else planned.push({ check: implicitTypeCheck(contract, schema, index), reportOnlyOnFailure: true });
    const nullable = ruleValue(columnRules.nullable);
    if (nullable && !nullable.value) planned.push({ check: new NullableCheck(context("nullable", nullable.severity), false) });
    const nullFraction = ruleValue(columnRules.max_null_fraction);
    if (nullFraction) planned.push({ check: new MaxNullFractionCheck(context("max_null_fraction", nullFraction.severity), nullFraction.value) });
    for (const side of ["min", "max"]) {
      const bound = ruleValue(columnRules[side]);
      if (bound) planned.push({ check: new RangeCheck(context(side, bound.severity), side, bound.value) });
    }
    const allowed = ruleValue(columnRules.allowed);
    if (allowed) planned.push({ check: new AllowedCheck(context("allowed", allowed.severity), allowed.value) });
    const pattern = ruleValue(columnRules.pattern);
    if (pattern) planned.push({ check: new PatternCheck(context("pattern", pattern.severity), pattern.value) });
    const unique = ruleValue(columnRules.unique);
    if (unique?.value) {
      const setup = context("unique", unique.severity);
      planned.push({ check: new UniqueCheck(setup, [field.name], [index]) });
    }
    const { length } = columnRules;
    if (length !== void 0) {
      const bounds = typeof length === "number" ? { min: length, max: length } : length;
      const severity = typeof length === "number" ? void 0 : length.severity;
      planned.push({ check: new LengthCheck(context("length", severity), bounds) });
    }
    for (const statistic of ["mean", "std"]) {
      const bounds = columnRules[statistic];
      if (bounds) planned.push({ check: new MomentCheck(context(statistic, bounds.severity), statistic, bounds) });
    }
    const { quantile } = columnRules;
    if (quantile) {
      const list = Array.isArray(quantile) ? quantile : [quantile];
      list.forEach((bounds, position) => {
        const path = Array.isArray(quantile) ? ["quantile", position] : ["quantile"];
        planned.push({ check: new QuantileCheck(context("quantile", bounds.severity, path), bounds) });
      });
    }
  }
  return planned;
}
function implicitTypeCheck(contract, schema, index) {
  const field = schema.fields[index];
  return new TypeCheck(
    { rule: "type", severity: "warn", location: contract.locate(["columns", field.name]), column: field.name, index, schema },
    field.type
  );
}

// shared/contract/validate.ts
async function validateData(dataPath, contract, options2 = {}) {
  const types = {};
  for (const [name, rules] of Object.entries(contract.value.columns)) {
    const type = ruleValue(rules.type);
    if (type) types[name] = type.value;
  }
  const reader = await openTable(dataPath, { ...options2.read, types });
  const checks = [schemaCheck(contract, reader.schema.fields.map((field) => field.name))];
  const planned = buildChecks(contract, reader.schema, options2.now ?? /* @__PURE__ */ new Date());
  let rows = 0;
  try {
    for await (const batch of reader) {
      for (const { check } of planned) check.observe(batch);
      rows += batch.length;
      options2.onProgress?.(rows);
    }
  } finally {
    await reader.close();
  }
  for (const { check, reportOnlyOnFailure } of planned) {
    const outcome = check.finish(rows);
    if (!reportOnlyOnFailure || !outcome.ok) checks.push(outcome);
  }
  const failedErrors = checks.filter((check) => !check.ok && check.severity === "error").length;
  const failedWarnings = checks.filter((check) => !check.ok && check.severity === "warn").length;
  return {
    ok: failedErrors === 0,
    data: dataPath,
    contract: contract.file,
    rows,
    checks,
    summary: { checks: checks.length, failed_errors: failedErrors, failed_warnings: failedWarnings }
  };
}
function schemaCheck(contract, present) {
  const mode = ruleValue(contract.value.dataset.columns) ?? { value: "superset" };
  const declared = Object.keys(contract.value.columns);
  const presentSet = new Set(present);
  const declaredSet = new Set(declared);
  const missing = declared.filter((name) => !presentSet.has(name));
  const extra = mode.value === "exact" ? present.filter((name) => !declaredSet.has(name)) : [];
  const problems = [
    missing.length > 0 ? `missing ${missing.join(", ")}` : "",
    extra.length > 0 ? `not in the contract: ${extra.join(", ")}` : ""
  ].filter(Boolean);
  const hasRule = contract.value.dataset.columns !== void 0;
  return result(
    {
      rule: "columns",
      severity: mode.severity ?? contract.value.dataset.severity ?? "error",
      location: contract.locate(hasRule ? ["dataset", "columns"] : ["columns"])
    },
    {
      ok: problems.length === 0,
      observed: present,
      expected: mode.value === "exact" ? declared : `at least ${declared.join(", ")}`,
      message: problems.length === 0 ? `${present.length} columns as declared (${mode.value})` : problems.join("; ")
    }
  );
}

// cli/progress.ts
function progressReporter(io, label) {
  if (!io.interactive) return { update: () => {
  }, done: () => {
  } };
  const started = performance.now();
  let last = 0;
  let shown = false;
  return {
    update(rows) {
      const now = performance.now();
      if (now - last < 250) return;
      last = now;
      const seconds = (now - started) / 1e3;
      const rate = seconds > 0 ? Math.round(rows / seconds) : 0;
      io.stderr.write(`\r${label}: ${rows.toLocaleString("en-US")} rows, ${rate.toLocaleString("en-US")} rows/s`);
      shown = true;
    },
    done() {
      if (shown) io.stderr.write("\r\x1B[2K");
    }
  };
}

// cli/commands/validate.ts
var usage2 = `Usage: tollgate validate <data> --contract <file> [--json] [--out report.json] [--fail-on error|warn|never]

Checks a data file (CSV, JSON lines, Parquet, Arrow; .gz for text) against a data contract.
Exit codes: 0 no failing rule at the --fail-on level (default error), 1 a rule failed, 2 usage or input error.`;
var validateCommand = {
  name: "validate",
  summary: "check a data file against a data contract",
  usage: usage2,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        contract: { type: "string", short: "c" },
        json: { type: "boolean" },
        out: { type: "string", short: "o" },
        "fail-on": { type: "string" },
        format: { type: "string" },
        delimiter: { type: "string" }
      },
      usage2
    );
    const data = requirePositional(positionals, 0, "the data file", usage2);
    if (positionals.length > 1) throw new UsageError(`expected one data file, got ${positionals.length}

${usage2}`);
    if (!values.contract) throw new UsageError(`missing --contract <file>

${usage2}`);
    const failOn = values["fail-on"] ?? "error";
    if (!["error", "warn", "never"].includes(failOn)) throw new UsageError(`--fail-on must be error, warn or never; got '${failOn}'`);
    const contract = await loadContract(resolvePath(io.cwd, values.contract));
    const progress = progressReporter(io, "validate");
    const report = await validateData(resolvePath(io.cwd, data), contract, {
      onProgress: progress.update,
      read: { format: values.format, delimiter: values.delimiter }
    });
    progress.done();
    report.data = data;
    report.contract = values.contract;
    if (values.out) {
      try {
        await writeFile(resolvePath(io.cwd, values.out), `${JSON.stringify(report, null, 2)}
`);
      } catch (error) {
        throw new InputError({ file: values.out }, `cannot write the report (${error.message})`);
      }
    }
    if (values.json) writeJson(io, report);
    else io.stdout.write(validationText(report));
    const failed = failOn === "never" ? false : failOn === "warn" ? report.checks.some((check) => !check.ok) : !report.ok;
    return failed ? 1 : 0;
  }
};
function resolvePath(cwd, path) {
  return resolve2(cwd, path);
}

// cli/commands/train.ts
import { resolve as resolve12 } from "node:path";

// shared/lineage/hash.ts
import { createHash } from "node:crypto";
import { createReadStream as createReadStream2 } from "node:fs";
var CHUNK_BYTES = 1 << 20;
async function sha256File(file, label = file, onChunk) {
  const hash = createHash("sha256");
  let size = 0;
  try {
    for await (const chunk of createReadStream2(file, { highWaterMark: CHUNK_BYTES })) {
      hash.update(chunk);
      size += chunk.length;
      onChunk?.(chunk);
    }
  } catch (error) {
    throw new InputError({ file: label }, describeReadFailure(error), { cause: error });
  }
  return { sha256: hash.digest("hex"), size };
}
function sha256Text(text) {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
function canonicalJson(value) {
  if (value === null) return "null";
  switch (typeof value) {
    case "number":
      if (!Number.isFinite(value)) throw new RangeError(`canonical JSON cannot hold ${value}`);
      return JSON.stringify(value);
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "object": {
      if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(",")}]`;
      const record = value;
      const members = Object.keys(record).filter((key) => record[key] !== void 0).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
      return `{${members.join(",")}}`;
    }
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  }
}

// shared/lineage/paths.ts
import { isAbsolute, relative, resolve as resolve3, sep } from "node:path";
function portablePath(base, file) {
  const text = relative(base, resolve3(base, file));
  if (text === "") return ".";
  return sep === "/" ? text : text.split(sep).join("/");
}
function isWithin(outer, inner) {
  const text = relative(resolve3(outer), resolve3(inner));
  return text === "" || text !== ".." && !text.startsWith(`..${sep}`) && !isAbsolute(text);
}

// shared/lineage/fingerprint.ts
import { stat as stat3 } from "node:fs/promises";
import { createHash as createHash2 } from "node:crypto";
import { resolve as resolve4 } from "node:path";

// shared/lineage/row-count.ts
import { extname } from "node:path";
var TABLE_EXTENSIONS = {
  ".csv": "csv",
  ".tsv": "csv",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl"
};
function tableFormatOf(file) {
  return TABLE_EXTENSIONS[extname(file).toLowerCase()];
}
var QUOTE3 = 34;
var LF4 = 10;
var CR4 = 13;
var SPACE2 = 32;
var TAB2 = 9;
var RowCounter = class {
  constructor(format) {
    this.format = format;
  }
  format;
  records = 0;
  recordHasBytes = false;
  inQuotes = false;
  push(bytes) {
    const quoteAware = this.format === "csv";
    const jsonl = this.format === "jsonl";
    let records = this.records;
    let hasBytes = this.recordHasBytes;
    let inQuotes = this.inQuotes;
    for (let index = 0; index < bytes.length; index += 1) {
      const byte = bytes[index];
      if (byte === LF4) {
        if (inQuotes) continue;
        if (hasBytes) records += 1;
        hasBytes = false;
      } else if (byte === QUOTE3 && quoteAware) {
        inQuotes = !inQuotes;
        hasBytes = true;
      } else if (byte !== CR4 && !(jsonl && (byte === SPACE2 || byte === TAB2))) {
        hasBytes = true;
      }
    }
    this.records = records;
    this.recordHasBytes = hasBytes;
    this.inQuotes = inQuotes;
  }
  /** Data rows seen so far, counting an unterminated last line. */
  rows() {
    const records = this.records + (this.recordHasBytes ? 1 : 0);
    return this.format === "csv" ? Math.max(0, records - 1) : records;
  }
};

// shared/lineage/walk.ts
import { readdir, realpath, stat as stat2 } from "node:fs/promises";
import { join } from "node:path";
async function listFiles(directory, options2 = {}) {
  const found = [];
  const seen = /* @__PURE__ */ new Set();
  const exclude = options2.exclude ?? [];
  const visit = async (current) => {
    const real = await realpath(current);
    if (seen.has(real)) return;
    seen.add(real);
    const entries = await readdir(current, { withFileTypes: true });
    for (const entry of entries) {
      const absolute = join(current, entry.name);
      if (exclude.some((path) => isWithin(path, absolute))) continue;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat2(absolute).catch(() => void 0);
        if (!target) continue;
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      }
      if (isDirectory) {
        if (!options2.skipNames?.has(entry.name)) await visit(absolute);
      } else if (isFile) {
        found.push({ absolute, relative: portablePath(directory, absolute) });
      }
    }
  };
  await visit(directory);
  return found.sort((a, b) => a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0);
}

// shared/lineage/fingerprint.ts
async function fingerprintData(cwd, path) {
  const absolute = resolve4(cwd, path);
  const label = portablePath(cwd, absolute);
  const info = await stat3(absolute).catch((error) => {
    throw new InputError({ file: label }, `data ${describeReadFailure(error)}`, { cause: error });
  });
  if (info.isDirectory()) return fingerprintDirectory(absolute, label);
  const { digest, rows } = await hashAndCount(absolute, label);
  return { path: label, kind: "file", sha256: digest.sha256, size: digest.size, rows };
}
async function hashAndCount(absolute, label) {
  const format = tableFormatOf(absolute);
  const counter = format === void 0 ? void 0 : new RowCounter(format);
  const digest = await sha256File(absolute, label, counter ? (chunk) => counter.push(chunk) : void 0);
  return { digest, rows: counter ? counter.rows() : null };
}
async function fingerprintDirectory(absolute, label) {
  const files = await listFiles(absolute);
  const listing = createHash2("sha256");
  let size = 0;
  let rows = files.length > 0 ? 0 : null;
  for (const file of files) {
    const counted = await hashAndCount(file.absolute, `${label}/${file.relative}`);
    listing.update(`${counted.digest.sha256}  ${file.relative}
`);
    size += counted.digest.size;
    rows = rows === null || counted.rows === null ? null : rows + counted.rows;
  }
  return { path: label, kind: "directory", sha256: listing.digest("hex"), size, files: files.length, rows };
}
async function fingerprintFile(cwd, path) {
  const absolute = resolve4(cwd, path);
  const label = portablePath(cwd, absolute);
  const digest = await sha256File(absolute, label);
  return { path: label, sha256: digest.sha256, size: digest.size };
}

// shared/lineage/git.ts
import { resolve as resolve5 } from "node:path";

// shared/lineage/exec.ts
import { execFile } from "node:child_process";
function execProgram(program, args, options2) {
  return new Promise((resolvePromise) => {
    execFile(
      program,
      args,
      {
        cwd: options2.cwd,
        timeout: options2.timeoutMs ?? 6e4,
        maxBuffer: options2.maxBuffer ?? 256 * 1024 * 1024,
        env: options2.env,
        encoding: "utf8",
        windowsHide: true
      },
      (error, stdout, stderr) => {
        if (!error) return resolvePromise({ code: 0, stdout, stderr });
        const errno = error;
        if (typeof errno.code === "number") return resolvePromise({ code: errno.code, stdout, stderr });
        resolvePromise({ code: null, stdout, stderr, startError: errno });
      }
    );
  });
}

// shared/lineage/git.ts
var GIT_ENV = { ...process.env, GIT_OPTIONAL_LOCKS: "0", GIT_TERMINAL_PROMPT: "0" };
function git(cwd, args) {
  return execProgram("git", args, { cwd, env: GIT_ENV });
}
function nulRecords(text) {
  const records = text.split("\0");
  if (records.at(-1) === "") records.pop();
  return records;
}
async function gitTopLevel(cwd) {
  const top = await git(cwd, ["rev-parse", "--show-toplevel"]);
  return top.code === 0 ? resolve5(top.stdout.trim()) : null;
}
async function readGitState(cwd, ignore = []) {
  const top = await git(cwd, ["rev-parse", "--show-toplevel"]);
  if (top.code !== 0) {
    const message = top.stderr.trim();
    const normal = top.startError !== void 0 || /not a git repository/i.test(message);
    return { root: null, commit: null, dirty: null, ...normal ? {} : { warning: `git: ${message.split("\n")[0]}` } };
  }
  const root = resolve5(top.stdout.trim());
  const head = await git(root, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]);
  const commit = head.code === 0 ? head.stdout.trim() : null;
  const status = await git(root, ["status", "--porcelain=v1", "-z", "--untracked-files=all"]);
  if (status.code !== 0) return { root, commit, dirty: null, warning: `git status: ${status.stderr.trim().split("\n")[0]}` };
  const changed = changedPaths(status.stdout);
  const dirty = changed.some((path) => !ignore.some((ignored) => isWithin(ignored, resolve5(root, path))));
  return { root, commit, dirty };
}
function changedPaths(output) {
  const records = nulRecords(output);
  const paths = [];
  for (let index = 0; index < records.length; index += 1) {
    const record = records[index];
    paths.push(record.slice(3));
    if (record[0] === "R" || record[0] === "C") {
      index += 1;
      if (records[index] !== void 0) paths.push(records[index]);
    }
  }
  return paths;
}
async function listGitFiles(root, pathspecs) {
  const spec = pathspecs.length > 0 ? ["--", ...pathspecs] : [];
  const [staged, modified, deleted] = await Promise.all([
    gitOrThrow(root, ["--literal-pathspecs", "ls-files", "-z", "--stage", "--full-name", ...spec]),
    gitOrThrow(root, ["--literal-pathspecs", "ls-files", "-z", "--modified", "--full-name", ...spec]),
    gitOrThrow(root, ["--literal-pathspecs", "ls-files", "-z", "--deleted", "--full-name", ...spec])
  ]);
  const gone = new Set(nulRecords(deleted));
  const files = [];
  for (const record of nulRecords(staged)) {
    const tab = record.indexOf("	");
    const [mode, id, stage] = record.slice(0, tab).split(" ");
    const path = record.slice(tab + 1);
    if (!gone.has(path)) files.push({ path, mode, id, stage: Number(stage) });
  }
  const submodules = new Set(files.filter((file) => file.mode === "160000").map((file) => file.path));
  const toHash = [...new Set(nulRecords(modified))].filter((path) => !gone.has(path) && !submodules.has(path));
  const worktreeIds = await hashObjects(root, toHash);
  for (const file of files) {
    const id = worktreeIds.get(file.path);
    if (id !== void 0) file.id = id;
  }
  return files;
}
async function hashObjects(root, paths) {
  const ids = /* @__PURE__ */ new Map();
  const CHUNK2 = 500;
  for (let start = 0; start < paths.length; start += CHUNK2) {
    const chunk = paths.slice(start, start + CHUNK2);
    const result2 = await gitOrThrow(root, ["hash-object", "--", ...chunk]);
    const lines = result2.split("\n").filter((line) => line !== "");
    chunk.forEach((path, index) => ids.set(path, lines[index]));
  }
  return ids;
}
async function gitOrThrow(root, args) {
  const result2 = await git(root, args);
  if (result2.code !== 0) {
    throw new Error(`git ${args.join(" ")} failed (exit ${result2.code ?? result2.startError?.code}): ${result2.stderr.trim()}`);
  }
  return result2.stdout;
}

// shared/lineage/code.ts
import { createHash as createHash3 } from "node:crypto";
import { stat as stat4 } from "node:fs/promises";
import { resolve as resolve6 } from "node:path";
var SKIPPED_DIRECTORIES = /* @__PURE__ */ new Set([".git", "node_modules", "__pycache__", ".venv", "venv", ".tollgate-cache", ".mypy_cache", ".pytest_cache"]);
async function fingerprintCode(options2) {
  const declared = (options2.paths ?? []).map((path) => ({ given: path, absolute: resolve6(options2.cwd, path) }));
  for (const path of declared) {
    await stat4(path.absolute).catch((error) => {
      throw new InputError({ file: path.given }, "code path not found", { cause: error });
    });
  }
  const listed = options2.gitRoot === null ? await listFilesystem(options2.cwd, declared, options2.exclude) : await listGit(options2.gitRoot, declared, options2.exclude);
  listed.files.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : a.stage - b.stage);
  const hash = createHash3("sha256");
  for (const file of listed.files) hash.update(`${file.mode} ${file.id} ${file.stage}	${file.path}
`);
  return { source: listed.source, paths: listed.paths, files: listed.files.length, digest: hash.digest("hex") };
}
async function listGit(root, declared, exclude) {
  for (const path of declared) {
    if (!isWithin(root, path.absolute)) throw new InputError({ file: path.given }, `code path is outside the git repository at ${root}`);
  }
  const pathspecs = declared.map((path) => portablePath(root, path.absolute));
  const tracked = await listGitFiles(root, pathspecs);
  for (const path of declared) {
    if (!tracked.some((file) => isWithin(path.absolute, resolve6(root, file.path)))) {
      throw new InputError({ file: path.given }, "no file under this code path is tracked by git; `git add` it so it counts toward the cache key");
    }
  }
  const files = tracked.filter((file) => !exclude.some((path) => isWithin(path, resolve6(root, file.path))));
  return { source: "git", paths: pathspecs.length > 0 ? pathspecs : ["."], files };
}
async function listFilesystem(cwd, declared, exclude) {
  const roots = declared.length > 0 ? declared.map((path) => path.absolute) : [resolve6(cwd)];
  const byPath2 = /* @__PURE__ */ new Map();
  for (const root of roots) {
    const info = await stat4(root);
    const candidates = info.isDirectory() ? (await listFiles(root, { skipNames: SKIPPED_DIRECTORIES, exclude })).map((file) => file.absolute) : exclude.some((path) => isWithin(path, root)) ? [] : [root];
    for (const absolute of candidates) {
      const path = portablePath(cwd, absolute);
      if (byPath2.has(path)) continue;
      const digest = await sha256File(absolute, path);
      byPath2.set(path, { path, mode: "file", id: `sha256:${digest.sha256}`, stage: 0 });
    }
  }
  return { source: "filesystem", paths: roots.map((root) => portablePath(cwd, root)), files: [...byPath2.values()] };
}

// shared/lineage/environment.ts
import { readdir as readdir2 } from "node:fs/promises";
import { arch, platform, release } from "node:os";
import { dirname, join as join2, resolve as resolve7 } from "node:path";
function isLockFileName(name) {
  return /^requirements.*\.txt$/.test(name) || ["package-lock.json", "poetry.lock", "uv.lock", "environment.yml", "environment.yaml", "Pipfile.lock", "conda-lock.yml", "yarn.lock", "pnpm-lock.yaml"].includes(name);
}
async function findLockFiles(cwd, repositoryRoot) {
  const directories = [resolve7(cwd)];
  if (repositoryRoot !== null && isWithin(repositoryRoot, cwd)) {
    let current = resolve7(cwd);
    while (resolve7(current) !== resolve7(repositoryRoot)) {
      current = dirname(current);
      directories.push(current);
    }
  }
  const found = [];
  for (const directory of directories) {
    const entries = await readdir2(directory, { withFileTypes: true }).catch(() => []);
    const names = entries.filter((entry) => entry.isFile() && isLockFileName(entry.name)).map((entry) => entry.name).sort();
    for (const name of names) found.push(await fingerprintFile(cwd, join2(directory, name)));
  }
  return found;
}
async function pythonVersion(cwd) {
  const result2 = await execProgram("python3", ["--version"], { cwd, timeoutMs: 1e4, maxBuffer: 64 * 1024 });
  if (result2.code !== 0) return null;
  const match = /Python\s+(\S+)/.exec(`${result2.stdout} ${result2.stderr}`);
  return match ? match[1] : null;
}
async function captureEnvironment(cwd, repositoryRoot) {
  const [python, lockFiles] = await Promise.all([pythonVersion(cwd), findLockFiles(cwd, repositoryRoot)]);
  return {
    os: { platform: platform(), release: release(), arch: arch() },
    runtimes: { node: process.versions.node, python },
    lock_files: lockFiles
  };
}

// shared/lineage/content-key.ts
var CONTENT_KEY_VERSION = 1;
var byPath = (items) => [...items].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
function contentKeyMaterial(inputs) {
  return canonicalJson({
    version: CONTENT_KEY_VERSION,
    command: [...inputs.command],
    workdir: inputs.workdir,
    params: inputs.params,
    seed: inputs.seed,
    // Order of --data flags does not change the computation: the command names its own files.
    data: byPath(inputs.data).map((item) => ({ path: item.path, sha256: item.sha256 })),
    code: { source: inputs.code.source, digest: inputs.code.digest },
    lock_files: byPath(inputs.lockFiles).map((item) => ({ path: item.path, sha256: item.sha256 })),
    outputs: [...new Set(inputs.outputs)].sort()
  });
}
function contentKey(inputs) {
  return sha256Text(contentKeyMaterial(inputs));
}

// shared/lineage/document.ts
import { mkdir, readFile as readFile2, rename, rm, writeFile as writeFile2 } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { basename, dirname as dirname2, join as join3 } from "node:path";
import { z as z2 } from "zod";

// package.json
var package_default = {
  name: "tollgate",
  version: "0.1.0",
  description: "MLOps that lives inside GitHub: data contracts, lineage, challenger-vs-champion evaluation, a git-tag model registry, approvals and drift checks.",
  type: "module",
  private: true,
  license: "MIT",
  engines: {
    node: ">=20"
  },
  bin: {
    tollgate: "cli/bin/tollgate.js"
  },
  scripts: {
    build: "node scripts/build.mjs && node scripts/generate-schemas.mjs",
    schemas: "node scripts/generate-schemas.mjs",
    lint: "eslint .",
    typecheck: "tsc --noEmit -p tsconfig.json",
    test: "npm run lint && npm run typecheck && vitest run",
    "test:unit": "vitest run"
  },
  dependencies: {
    "@actions/cache": "^6.3.0",
    "@actions/core": "^3.0.1",
    "@actions/github": "^9.1.1",
    "apache-arrow": "^21.2.0",
    fflate: "^0.8.3",
    hyparquet: "^1.31.5",
    "hyparquet-compressors": "^1.1.2",
    octokit: "^5.0.5",
    probot: "^14.3.2",
    "simple-statistics": "^7.12.1",
    yaml: "^2.9.1",
    zod: "^4.6.7"
  },
  devDependencies: {
    "@eslint/js": "^10.0.1",
    "@octokit/webhooks-examples": "^7.6.1",
    "@types/node": "^20.19.43",
    esbuild: "^0.28.2",
    eslint: "^10.15.0",
    "fast-check": "^4.10.2",
    nock: "^14.0.9",
    typescript: "^5.9.3",
    "typescript-eslint": "^8.73.0",
    vitest: "^4.1.12"
  }
};

// shared/lineage/document.ts
var LINEAGE_SCHEMA = "tollgate.lineage/v1";
var TOLLGATE_VERSION = package_default.version;
var fileSchema = z2.object({ path: z2.string(), sha256: z2.string().regex(/^[0-9a-f]{64}$/), size: z2.number().int().nonnegative() });
var metricValueSchema = z2.lazy(() => z2.union([z2.number(), z2.array(metricValueSchema), z2.record(z2.string(), metricValueSchema)]));
var lineageSchema = z2.object({
  schema: z2.literal(LINEAGE_SCHEMA),
  tollgate_version: z2.string(),
  key: z2.string().regex(/^[0-9a-f]{64}$/),
  cache: z2.object({
    status: z2.enum(["miss", "hit", "off"]),
    restored_at: z2.string().optional(),
    restored_for: z2.object({ commit: z2.string().nullable(), dirty: z2.boolean().nullable(), run_url: z2.string().nullable() }).optional()
  }),
  git: z2.object({ commit: z2.string().nullable(), dirty: z2.boolean().nullable() }),
  workdir: z2.string(),
  command: z2.array(z2.string()).min(1),
  params: z2.object({ file: z2.string().nullable(), values: z2.record(z2.string(), z2.unknown()).nullable() }),
  seed: z2.number().int(),
  data: z2.array(
    z2.object({
      path: z2.string(),
      kind: z2.enum(["file", "directory"]),
      sha256: z2.string().regex(/^[0-9a-f]{64}$/),
      size: z2.number().int().nonnegative(),
      files: z2.number().int().nonnegative().optional(),
      rows: z2.number().int().nonnegative().nullable()
    })
  ),
  code: z2.object({ source: z2.enum(["git", "filesystem"]), paths: z2.array(z2.string()), files: z2.number().int().nonnegative(), digest: z2.string() }),
  environment: z2.object({
    os: z2.object({ platform: z2.string(), release: z2.string(), arch: z2.string() }),
    runtimes: z2.object({ node: z2.string(), python: z2.string().nullable() }),
    lock_files: z2.array(fileSchema)
  }),
  started_at: z2.string(),
  ended_at: z2.string(),
  duration_s: z2.number().nonnegative(),
  exit_code: z2.number().int(),
  run_url: z2.string().nullable(),
  outputs: z2.array(fileSchema),
  metrics: z2.object({ file: z2.string().nullable(), values: z2.record(z2.string(), metricValueSchema).nullable() })
});
function parseLineage(value, file) {
  const result2 = lineageSchema.safeParse(value);
  if (!result2.success) {
    const issue = result2.error.issues[0];
    const at = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    throw new InputError({ file }, `not a ${LINEAGE_SCHEMA} document: ${at}${issue.message}`);
  }
  return result2.data;
}
async function readLineage(path, label = path) {
  let text;
  try {
    text = await readFile2(path, "utf8");
  } catch (error) {
    throw new InputError({ file: label }, describeReadFailure(error), { cause: error });
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError({ file: label }, `invalid JSON: ${error.message}`, { cause: error });
  }
  return parseLineage(value, label);
}
function formatLineage(lineage) {
  return `${JSON.stringify(lineage, null, 2)}
`;
}
async function writeLineage(path, lineage) {
  await writeFileAtomic(path, formatLineage(lineage));
}
async function writeFileAtomic(path, contents) {
  await mkdir(dirname2(path), { recursive: true });
  const temporary = join3(dirname2(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile2(temporary, contents);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

// shared/lineage/ci.ts
function actionsRunUrl(env) {
  const server = env.GITHUB_SERVER_URL;
  const repository = env.GITHUB_REPOSITORY;
  const runId = env.GITHUB_RUN_ID;
  if (!server || !repository || !runId) return null;
  const attempt = env.GITHUB_RUN_ATTEMPT;
  const base = `${server.replace(/\/+$/, "")}/${repository}/actions/runs/${runId}`;
  return attempt ? `${base}/attempts/${attempt}` : base;
}

// shared/train/runner.ts
import { resolve as resolve10 } from "node:path";

// shared/train/command.ts
import { spawn } from "node:child_process";
import { constants } from "node:os";

// shared/train/tail.ts
import { StringDecoder } from "node:string_decoder";
var LineTail = class {
  constructor(maxLines = 40, maxLineLength = 2e3) {
    this.maxLines = maxLines;
    this.maxLineLength = maxLineLength;
  }
  maxLines;
  maxLineLength;
  lines = [];
  partial = "";
  decoder = new StringDecoder("utf8");
  /** Adds a chunk of the stream. */
  push(chunk) {
    const text = this.partial + (typeof chunk === "string" ? chunk : this.decoder.write(chunk));
    const parts = text.split(/\r?\n/);
    this.partial = this.clip(parts.pop() ?? "");
    for (const line of parts) this.keep(line);
  }
  /** The kept lines, the unterminated last one included. */
  result() {
    const rest = this.partial + this.decoder.end();
    return rest === "" ? [...this.lines] : [...this.lines, this.clip(rest)].slice(-this.maxLines);
  }
  keep(line) {
    this.lines.push(this.clip(line));
    if (this.lines.length > this.maxLines) this.lines.shift();
  }
  clip(line) {
    const last = line.lastIndexOf("\r");
    const visible = last === -1 ? line : line.slice(last + 1);
    return visible.length > this.maxLineLength ? `${visible.slice(0, this.maxLineLength)}\u2026` : visible;
  }
};

// shared/train/command.ts
function runCommand(argv, options2) {
  if (argv.length === 0 || argv[0] === "") throw new UsageError("no training command given");
  const started = performance.now();
  const tail = new LineTail(options2.tailLines ?? 40);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(argv[0], argv.slice(1), { cwd: options2.cwd, env: options2.env, stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
    child.stdout.pipe(options2.stdout, { end: false });
    child.stderr.on("data", (chunk) => {
      tail.push(chunk);
      options2.stderr.write(chunk);
    });
    child.on("error", (error) => {
      const reason = error.code === "ENOENT" ? "not found (is it installed and on PATH?)" : error.code === "EACCES" ? "is not executable" : error.message;
      reject(new UsageError(`cannot start training command '${argv[0]}': ${reason}`, { cause: error }));
    });
    child.on("close", (code, signal) => {
      child.stdout.unpipe(options2.stdout);
      const exitCode = code ?? 128 + (signal ? constants.signals[signal] ?? 0 : 0);
      resolvePromise({ exitCode, signal, stderrTail: tail.result(), durationS: (performance.now() - started) / 1e3 });
    });
  });
}

// shared/train/metrics.ts
import { readFile as readFile3 } from "node:fs/promises";

// shared/train/json-located.ts
function childPath(parent, key) {
  if (typeof key === "number") return `${parent}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}
var NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
var NON_FINITE = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, "-Infinity": Number.NEGATIVE_INFINITY };
function parseJsonLocated(text, file, options2 = {}) {
  const lineStarts = [0];
  for (let index = 0; index < text.length; index += 1) if (text.charCodeAt(index) === 10) lineStarts.push(index + 1);
  const positionOf = (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = low + high + 1 >> 1;
      if (lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low] + 1 };
  };
  const fail = (offset, detail) => {
    throw new InputError({ file, ...positionOf(Math.min(offset, text.length)) }, `invalid JSON: ${detail}`);
  };
  const positions = /* @__PURE__ */ new Map();
  let at = text.charCodeAt(0) === 65279 ? 1 : 0;
  const skipSpace = () => {
    while (at < text.length) {
      const code = text.charCodeAt(at);
      if (code === 32 || code === 10 || code === 13 || code === 9) at += 1;
      else break;
    }
  };
  const describe2 = (offset) => offset >= text.length ? "the end of the file" : JSON.stringify(text[offset]);
  const parseString = () => {
    const start = at;
    at += 1;
    while (at < text.length) {
      const code = text.charCodeAt(at);
      if (code === 34) {
        at += 1;
        try {
          return JSON.parse(text.slice(start, at));
        } catch {
          return fail(start, "bad escape or control character in string");
        }
      }
      at += code === 92 ? 2 : 1;
    }
    return fail(start, "unterminated string");
  };
  const parseValue = (path) => {
    skipSpace();
    positions.set(path, positionOf(at));
    const char = text[at];
    if (char === "{") return parseObject(path);
    if (char === "[") return parseArray(path);
    if (char === '"') return parseString();
    for (const [word, value2] of [["true", true], ["false", false], ["null", null]]) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return value2;
      }
    }
    if (options2.allowNonFinite) {
      for (const word of ["NaN", "Infinity", "-Infinity"]) {
        if (text.startsWith(word, at)) {
          at += word.length;
          return NON_FINITE[word];
        }
      }
    }
    NUMBER.lastIndex = at;
    const match = NUMBER.exec(text);
    if (match && match[0] !== "" && match[0] !== "-") {
      at += match[0].length;
      return Number(match[0]);
    }
    return fail(at, `expected a value, found ${describe2(at)}`);
  };
  const parseObject = (path) => {
    const result2 = {};
    at += 1;
    skipSpace();
    if (text[at] === "}") {
      at += 1;
      return result2;
    }
    while (true) {
      skipSpace();
      if (text[at] !== '"') fail(at, `expected a "quoted" key, found ${describe2(at)}`);
      const keyOffset = at;
      const key = parseString();
      if (Object.prototype.hasOwnProperty.call(result2, key)) fail(keyOffset, `duplicate key ${JSON.stringify(key)}`);
      skipSpace();
      if (text[at] !== ":") fail(at, `expected ':' after key ${JSON.stringify(key)}, found ${describe2(at)}`);
      at += 1;
      Object.defineProperty(result2, key, { value: parseValue(childPath(path, key)), enumerable: true, writable: true, configurable: true });
      skipSpace();
      if (text[at] === ",") {
        at += 1;
        continue;
      }
      if (text[at] === "}") {
        at += 1;
        return result2;
      }
      fail(at, `expected ',' or '}', found ${describe2(at)}`);
    }
  };
  const parseArray = (path) => {
    const result2 = [];
    at += 1;
    skipSpace();
    if (text[at] === "]") {
      at += 1;
      return result2;
    }
    while (true) {
      result2.push(parseValue(childPath(path, result2.length)));
      skipSpace();
      if (text[at] === ",") {
        at += 1;
        continue;
      }
      if (text[at] === "]") {
        at += 1;
        return result2;
      }
      fail(at, `expected ',' or ']', found ${describe2(at)}`);
    }
  };
  const value = parseValue("$");
  skipSpace();
  if (at < text.length) fail(at, `unexpected ${describe2(at)} after the end of the document`);
  return { value, positions };
}

// shared/train/metrics.ts
function describeValue2(value) {
  if (typeof value === "number") return String(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}\u2026` : value)}`;
  return typeof value === "object" ? "an object" : String(value);
}
function collectProblems(value, path, problems) {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      const hint = Number.isNaN(value) ? " (Python's json.dump writes NaN for float('nan'): a diverged loss or an empty class?)" : "";
      problems.push({ path, message: `expected a finite number, got ${value}${hint}` });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => collectProblems(item, childPath(path, index), problems));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) collectProblems(item, childPath(path, key), problems);
  } else {
    problems.push({ path, message: `expected a finite number, got ${describeValue2(value)}` });
  }
}
function validateMetrics(value, file, positions) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new InputError({ file, ...positions?.get("$") }, `metrics must be a JSON object of numbers, got ${describeValue2(value)}`);
  }
  const problems = [];
  collectProblems(value, "$", problems);
  if (problems.length === 0) return value;
  const [first, ...rest] = problems;
  const others = rest.slice(0, 4).map((problem) => {
    const where = positions?.get(problem.path);
    return `
  ${where ? `${where.line}:${where.column}: ` : ""}${problem.path}: ${problem.message}`;
  });
  const omitted = rest.length > 4 ? `
  (and ${rest.length - 4} more)` : "";
  throw new InputError({ file, ...positions?.get(first.path) }, `${first.path}: ${first.message}${others.join("")}${omitted}`);
}
async function readMetrics(path, label = path) {
  let text;
  try {
    text = await readFile3(path, "utf8");
  } catch (error) {
    throw new InputError({ file: label }, `metrics file: ${describeReadFailure(error)}`, { cause: error });
  }
  const parsed = parseJsonLocated(text, label, { allowNonFinite: true });
  return validateMetrics(parsed.value, label, parsed.positions);
}
function flattenMetrics(metrics) {
  const pairs = [];
  const visit = (value, path) => {
    if (typeof value === "number") pairs.push([path, value]);
    else if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${path}[${index}]`));
    else for (const [key, item] of Object.entries(value)) visit(item, path === "" ? key : `${path}.${key}`);
  };
  visit(metrics, "");
  return pairs;
}

// shared/train/outputs.ts
import { rm as rm2, stat as stat5 } from "node:fs/promises";
import { resolve as resolve8 } from "node:path";
async function clearOutputs(cwd, paths) {
  for (const path of paths) await rm2(resolve8(cwd, path), { recursive: true, force: true });
}
async function requireOutputs(cwd, paths) {
  const missing = [];
  for (const path of paths) {
    if (!await stat5(resolve8(cwd, path)).catch(() => void 0)) missing.push(path);
  }
  if (missing.length > 0) {
    const others = missing.length > 1 ? ` (also missing: ${missing.slice(1).join(", ")})` : "";
    throw new InputError(
      { file: missing[0] },
      `the training command exited 0 but did not write this declared output${others}; nothing was cached`
    );
  }
}
async function fingerprintOutputs(cwd, paths, skip = []) {
  const files = /* @__PURE__ */ new Map();
  for (const path of paths) {
    const absolute = resolve8(cwd, path);
    const info = await stat5(absolute);
    const members = info.isDirectory() ? (await listFiles(absolute)).map((file) => file.absolute) : [absolute];
    for (const member of members) {
      if (skip.includes(member)) continue;
      const key = portablePath(cwd, member);
      if (!files.has(key)) files.set(key, await fingerprintFile(cwd, member));
    }
  }
  return [...files.values()].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

// shared/train/params.ts
import { readFile as readFile4 } from "node:fs/promises";
import { extname as extname2 } from "node:path";
import { z as z3 } from "zod";
var MAX_SEED = 4294967295;
var paramsSchema = z3.record(z3.string(), z3.unknown(), { error: "params must be a mapping of names to values" });
function parseParams(text, file) {
  if (extname2(file).toLowerCase() === ".json") {
    const parsed = parseJsonLocated(text, file);
    if (parsed.value === null || typeof parsed.value !== "object" || Array.isArray(parsed.value)) {
      throw new ConfigError({ file, ...parsed.positions.get("$") }, "params must be a JSON object of names to values");
    }
    const locate = (path) => {
      const key = path.reduce((parent, part) => childPath(parent, typeof part === "number" ? part : String(part)), "$");
      return { file, ...parsed.positions.get(key) ?? parsed.positions.get("$") };
    };
    return { file, values: parsed.value, locate };
  }
  const document = parseYaml(text, file, paramsSchema);
  const values = document.value;
  refuseNonFinite(values, [], document.locate);
  return { file, values, locate: document.locate };
}
function refuseNonFinite(value, path, locate) {
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new ConfigError(locate(path), `${formatPath(path)}: expected a finite number, got ${value}`);
  }
  if (Array.isArray(value)) value.forEach((item, index) => refuseNonFinite(item, [...path, index], locate));
  else if (value !== null && typeof value === "object") for (const [key, item] of Object.entries(value)) refuseNonFinite(item, [...path, key], locate);
}
async function readParams(path, label = path) {
  let text;
  try {
    text = await readFile4(path, "utf8");
  } catch (error) {
    throw new InputError({ file: label }, `params ${describeReadFailure(error)}`, { cause: error });
  }
  return parseParams(text, label);
}
function paramVariableName(name) {
  return `TOLLGATE_PARAM_${name.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}
function paramEnvironment(params) {
  const env = {};
  const owner = /* @__PURE__ */ new Map();
  for (const [name, value] of Object.entries(params.values)) {
    if (value !== null && typeof value === "object") continue;
    const variable = paramVariableName(name);
    const previous = owner.get(variable);
    if (previous !== void 0) {
      throw new ConfigError(params.locate([name]), `params '${previous}' and '${name}' would both be exported as ${variable}; rename one`);
    }
    owner.set(variable, name);
    env[variable] = value === null || value === void 0 ? "" : String(value);
  }
  return env;
}
function parseSeed(text, what) {
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value > MAX_SEED) {
    throw new UsageError(`${what} expects a whole number from 0 to ${MAX_SEED}, got '${text}'`);
  }
  return value;
}
function resolveSeed(explicit, params) {
  if (explicit !== void 0) return explicit;
  const fromParams = params?.values.seed;
  if (fromParams === void 0 || params === void 0) return 0;
  if (typeof fromParams !== "number" || !Number.isInteger(fromParams) || fromParams < 0 || fromParams > MAX_SEED) {
    throw new ConfigError(params.locate(["seed"]), `seed: expected a whole number from 0 to ${MAX_SEED}, got ${JSON.stringify(fromParams)}`);
  }
  return fromParams;
}

// shared/train/plan.ts
import { dirname as dirname3, join as join4, resolve as resolve9 } from "node:path";
function declare(cwd, path, flag) {
  if (path.trim() === "") throw new UsageError(`${flag} expects a path, got an empty string`);
  const absolute = resolve9(cwd, path);
  return { given: path, absolute, portable: portablePath(cwd, absolute) };
}
function defaultLineage(cwd, outputs, metrics) {
  const anchor = outputs[0] ?? metrics;
  return anchor ? join4(dirname3(anchor.absolute), "lineage.json") : resolve9(cwd, "lineage.json");
}
async function planTraining(spec) {
  const cwd = resolve9(spec.cwd);
  const env = spec.env ?? process.env;
  if (spec.command.length === 0 || spec.command[0] === "") throw new UsageError("no training command given (put it after --)");
  const outputs = (spec.outputs ?? []).map((path) => declare(cwd, path, "--outputs"));
  const metrics = spec.metricsFile === void 0 ? void 0 : declare(cwd, spec.metricsFile, "--metrics");
  const lineage = declare(cwd, spec.lineageFile ?? defaultLineage(cwd, outputs, metrics), "--lineage");
  const data = (spec.data ?? []).map((path) => declare(cwd, path, "--data"));
  const params = spec.paramsFile === void 0 ? void 0 : declare(cwd, spec.paramsFile, "--params");
  const cacheDirectory = spec.cache?.directory;
  const written = [...outputs, ...metrics ? [metrics] : [], lineage];
  const git2 = await readGitState(cwd, [...written.map((path) => path.absolute), ...cacheDirectory ? [cacheDirectory] : []]);
  checkLayout(git2.root ?? cwd, cwd, outputs, metrics, lineage, [...data, ...params ? [params] : []]);
  const paramsDocument = params ? await readParams(params.absolute, spec.paramsLabel ?? params.portable) : void 0;
  const seed = resolveSeed(spec.seed, paramsDocument);
  const fingerprints = [];
  for (const path of data) fingerprints.push(await fingerprintData(cwd, path.given));
  const exclude = [...written, ...data, ...params ? [params] : []].map((path) => path.absolute);
  if (cacheDirectory) exclude.push(cacheDirectory);
  const [code, environment] = await Promise.all([
    fingerprintCode({ cwd, gitRoot: git2.root, paths: spec.codePaths, exclude }),
    captureEnvironment(cwd, git2.root)
  ]);
  const cachedPaths = [...new Set([...outputs, ...metrics && !outputs.some((output) => isWithin(output.absolute, metrics.absolute)) ? [metrics] : [], lineage].map((path) => path.portable))].sort();
  const workdir = git2.root ? portablePath(git2.root, cwd) : ".";
  const command = [...spec.command];
  const key = contentKey({
    command,
    workdir,
    params: paramsDocument?.values ?? null,
    seed,
    data: fingerprints,
    code,
    lockFiles: environment.lock_files,
    outputs: cachedPaths
  });
  return {
    cwd,
    git: git2,
    workdir,
    command,
    params: paramsDocument,
    paramsPath: params?.absolute,
    seed,
    data: fingerprints,
    code,
    environment,
    outputs: outputs.map((path) => path.portable),
    metricsFile: metrics?.portable ?? null,
    lineageFile: lineage.portable,
    cachedPaths,
    key,
    runUrl: actionsRunUrl(env),
    warnings: git2.warning ? [git2.warning] : []
  };
}
function checkLayout(projectRoot, cwd, outputs, metrics, lineage, inputs) {
  const written = [...outputs, ...metrics ? [metrics] : [], lineage];
  for (const path of written) {
    if (!isWithin(projectRoot, path.absolute)) throw new UsageError(`output '${path.given}' is outside the project (${projectRoot})`);
    if (isWithin(path.absolute, cwd)) throw new UsageError(`output '${path.given}' is the working directory or contains it; outputs are deleted before each run`);
    for (const input of inputs) {
      if (isWithin(path.absolute, input.absolute)) throw new UsageError(`output '${path.given}' contains the input '${input.given}'; outputs are deleted before each run`);
    }
  }
  outputs.forEach((output, index) => {
    outputs.slice(index + 1).forEach((other) => {
      if (isWithin(output.absolute, other.absolute) || isWithin(other.absolute, output.absolute)) {
        throw new UsageError(`outputs '${output.given}' and '${other.given}' overlap; declare each file or directory once`);
      }
    });
    if (isWithin(output.absolute, lineage.absolute)) {
      throw new UsageError(`the lineage file '${lineage.given}' is inside the output '${output.given}'; choose another place with --lineage`);
    }
  });
  if (metrics && metrics.absolute === lineage.absolute) throw new UsageError("the metrics file and the lineage file must differ");
}

// shared/train/runner.ts
async function runTraining(options2) {
  const log = options2.log ?? (() => {
  });
  const now = options2.now ?? (() => /* @__PURE__ */ new Date());
  const plan = await planTraining(options2);
  for (const warning of plan.warnings) log(`warning: ${warning}`);
  const files = { root: plan.cwd, paths: plan.cachedPaths };
  const lineagePath = resolve10(plan.cwd, plan.lineageFile);
  if (options2.cache) {
    const restored = await options2.cache.restore(plan.key, files);
    if (restored.note) log(restored.note);
    if (restored.hit) {
      const hit = await acceptRestored(plan, lineagePath, now());
      if (typeof hit === "string") log(`cache entry not used: ${hit}; training instead`);
      else return hit;
    }
  }
  await clearOutputs(plan.cwd, plan.cachedPaths);
  const startedAt = now();
  const outcome = await runCommand(plan.command, {
    cwd: plan.cwd,
    env: commandEnvironment(options2.env ?? process.env, plan),
    stdout: options2.stdout,
    stderr: options2.stderr,
    tailLines: options2.tailLines
  });
  const endedAt = now();
  const lineage = baseLineage(plan, options2.cache ? "miss" : "off", startedAt, endedAt, outcome.durationS, outcome.exitCode);
  const result2 = (outputs2, metrics2) => ({
    cache: lineage.cache.status,
    key: plan.key,
    exitCode: outcome.exitCode,
    durationS: lineage.duration_s,
    metrics: metrics2,
    lineagePath: plan.lineageFile,
    lineage,
    outputs: outputs2,
    stderrTail: outcome.stderrTail,
    plan
  });
  if (outcome.exitCode !== 0) {
    await writeLineage(lineagePath, lineage);
    return result2([], null);
  }
  await requireOutputs(plan.cwd, [...plan.outputs, ...plan.metricsFile ? [plan.metricsFile] : []]);
  const metrics = plan.metricsFile ? await readMetrics(resolve10(plan.cwd, plan.metricsFile), plan.metricsFile) : null;
  const outputs = await fingerprintOutputs(plan.cwd, [...plan.outputs, ...plan.metricsFile ? [plan.metricsFile] : []], [lineagePath]);
  lineage.outputs = outputs;
  lineage.metrics = { file: plan.metricsFile, values: metrics };
  await writeLineage(lineagePath, lineage);
  if (options2.cache) {
    const saved = await options2.cache.save(plan.key, files).catch((error) => ({ saved: false, note: `could not store outputs in the cache: ${error.message}` }));
    if (saved.note) log(saved.note);
    else if (saved.saved) log(`stored outputs in ${options2.cache.description} under key ${plan.key}`);
  }
  return result2(outputs, metrics);
}
async function acceptRestored(plan, lineagePath, restoredAt) {
  let lineage;
  try {
    lineage = await readLineage(lineagePath, plan.lineageFile);
  } catch (error) {
    return `its lineage is unreadable (${error.message})`;
  }
  if (lineage.key !== plan.key) return "its lineage belongs to another key";
  const outputs = await fingerprintOutputs(plan.cwd, [...plan.outputs, ...plan.metricsFile ? [plan.metricsFile] : []], [lineagePath]).catch(() => void 0);
  if (!outputs || JSON.stringify(outputs) !== JSON.stringify(lineage.outputs)) return "the restored files differ from those its lineage lists";
  lineage.cache = {
    status: "hit",
    restored_at: restoredAt.toISOString(),
    restored_for: { commit: plan.git.commit, dirty: plan.git.dirty, run_url: plan.runUrl }
  };
  await writeLineage(lineagePath, lineage);
  return {
    cache: "hit",
    key: plan.key,
    exitCode: 0,
    durationS: lineage.duration_s,
    metrics: lineage.metrics.values,
    lineagePath: plan.lineageFile,
    lineage,
    outputs: lineage.outputs,
    stderrTail: [],
    plan
  };
}
function commandEnvironment(base, plan) {
  const env = {};
  for (const [name, value] of Object.entries(base)) {
    if (!name.startsWith("TOLLGATE_PARAM_") && name !== "TOLLGATE_PARAMS") env[name] = value;
  }
  env.TOLLGATE_SEED = String(plan.seed);
  env.PYTHONHASHSEED = String(plan.seed);
  if (plan.params && plan.paramsPath) {
    env.TOLLGATE_PARAMS = plan.paramsPath;
    Object.assign(env, paramEnvironment(plan.params));
  }
  return env;
}
function baseLineage(plan, status, startedAt, endedAt, durationS, exitCode) {
  return {
    schema: LINEAGE_SCHEMA,
    tollgate_version: TOLLGATE_VERSION,
    key: plan.key,
    cache: { status },
    git: { commit: plan.git.commit, dirty: plan.git.dirty },
    workdir: plan.workdir,
    command: plan.command,
    params: { file: plan.params?.file ?? null, values: plan.params?.values ?? null },
    seed: plan.seed,
    data: plan.data,
    code: plan.code,
    environment: plan.environment,
    started_at: startedAt.toISOString(),
    ended_at: endedAt.toISOString(),
    duration_s: Math.round(durationS * 1e3) / 1e3,
    exit_code: exitCode,
    run_url: plan.runUrl,
    outputs: [],
    metrics: { file: plan.metricsFile, values: null }
  };
}

// shared/train/directory-cache.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { chmod, mkdir as mkdir2, readFile as readFile5, rename as rename2, rm as rm3, stat as stat6, writeFile as writeFile3 } from "node:fs/promises";
import { dirname as dirname4, join as join5, resolve as resolve11 } from "node:path";

// shared/train/copy.ts
import { createHash as createHash4 } from "node:crypto";
import { createReadStream as createReadStream3, createWriteStream } from "node:fs";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
async function copyWithDigest(source, destination) {
  const hash = createHash4("sha256");
  let size = 0;
  const tap = new Transform({
    transform(chunk, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    }
  });
  await pipeline(createReadStream3(source, { highWaterMark: 1 << 20 }), tap, createWriteStream(destination, { flags: "wx" }));
  return { sha256: hash.digest("hex"), size };
}

// shared/train/directory-cache.ts
var ENTRY_SCHEMA = "tollgate.train-cache/v1";
var DirectoryTrainCache = class {
  directory;
  description;
  constructor(directory, label = directory) {
    this.directory = resolve11(directory);
    this.description = `directory ${label}`;
  }
  entry(key) {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new RangeError(`not a content key: ${key}`);
    return join5(this.directory, key);
  }
  async restore(key, files) {
    const entry = this.entry(key);
    let manifest;
    try {
      manifest = JSON.parse(await readFile5(join5(entry, "manifest.json"), "utf8"));
    } catch (error) {
      if (error.code === "ENOENT") return { hit: false };
      return this.discard(entry, `its manifest is unreadable (${error.message})`);
    }
    const stored = manifest.outputs?.map((output) => output.path).sort() ?? [];
    const wanted = [...files.paths].sort();
    if (manifest.schema !== ENTRY_SCHEMA || manifest.key !== key || stored.join("\n") !== wanted.join("\n")) {
      return this.discard(entry, "its manifest does not match the key");
    }
    for (const output of manifest.outputs) {
      const target = resolve11(files.root, output.path);
      await rm3(target, { recursive: true, force: true });
      if (output.kind === "directory") await mkdir2(target, { recursive: true });
      for (const file of output.files) {
        const destination = resolve11(files.root, file.path);
        await mkdir2(dirname4(destination), { recursive: true });
        const temporary = `${destination}.${process.pid}.${randomBytes2(4).toString("hex")}.tmp`;
        try {
          const copied = await copyWithDigest(join5(entry, "blobs", file.sha256), temporary);
          if (copied.sha256 !== file.sha256 || copied.size !== file.size) {
            await rm3(temporary, { force: true });
            return this.discard(entry, `its copy of ${file.path} is damaged`);
          }
          await chmod(temporary, file.mode);
          await rename2(temporary, destination);
        } catch (error) {
          await rm3(temporary, { force: true });
          if (error.code === "ENOENT") return this.discard(entry, `its copy of ${file.path} is missing`);
          throw error;
        }
      }
    }
    return { hit: true };
  }
  async save(key, files) {
    const entry = this.entry(key);
    if (await exists(join5(entry, "manifest.json"))) return { saved: false, note: `an entry for this key already exists in ${this.description}` };
    await this.prepareDirectory();
    const staging = join5(this.directory, `.tmp-${key.slice(0, 12)}-${process.pid}-${randomBytes2(4).toString("hex")}`);
    await mkdir2(join5(staging, "blobs"), { recursive: true });
    try {
      const outputs = [];
      for (const path of files.paths) outputs.push(await storeOutput(files.root, path, staging));
      const manifest = { schema: ENTRY_SCHEMA, key, created_at: (/* @__PURE__ */ new Date()).toISOString(), outputs };
      await writeFile3(join5(staging, "manifest.json"), `${JSON.stringify(manifest, null, 2)}
`);
      try {
        await rename2(staging, entry);
      } catch (error) {
        const code = error.code;
        if (code === "EEXIST" || code === "ENOTEMPTY" || code === "EPERM") {
          return { saved: false, note: `another run stored this key first in ${this.description}` };
        }
        throw error;
      }
      return { saved: true };
    } finally {
      await rm3(staging, { recursive: true, force: true });
    }
  }
  /** Creates the cache directory with a `.gitignore` so the cache is never committed by accident. */
  async prepareDirectory() {
    await mkdir2(this.directory, { recursive: true });
    const ignore = join5(this.directory, ".gitignore");
    if (!await exists(ignore)) await writeFile3(ignore, "# Tollgate train cache: local build outputs, never committed.\n*\n");
  }
  async discard(entry, reason) {
    const doomed = `${entry}.discarded-${process.pid}-${randomBytes2(4).toString("hex")}`;
    await rename2(entry, doomed).catch(() => void 0);
    await rm3(doomed, { recursive: true, force: true });
    return { hit: false, note: `cache entry ${portablePath(this.directory, entry)} was discarded: ${reason}` };
  }
};
async function exists(path) {
  return stat6(path).then(
    () => true,
    () => false
  );
}
async function storeOutput(root, path, staging) {
  const absolute = resolve11(root, path);
  const info = await stat6(absolute);
  const sources = info.isDirectory() ? (await listFiles(absolute)).map((file) => file.absolute) : [absolute];
  const stored = [];
  for (const source of sources) {
    const mode = (await stat6(source)).mode & 511;
    const temporary = join5(staging, "blobs", `.incoming-${stored.length}`);
    const digest = await copyWithDigest(source, temporary);
    const blob = join5(staging, "blobs", digest.sha256);
    if (await exists(blob)) await rm3(temporary);
    else await rename2(temporary, blob);
    stored.push({ path: portablePath(root, source), sha256: digest.sha256, size: digest.size, mode });
  }
  return { path, kind: info.isDirectory() ? "directory" : "file", files: stored };
}

// cli/commands/train.ts
var usage3 = `Usage: tollgate train [options] -- <command...>

Runs your own training command (any language, no shell) reproducibly: exports
the seed and params, fingerprints data, code and lock files into a content key,
restores the outputs of an earlier run with the same key instead of training
again, validates the metrics file and writes lineage.json.

Options:
  --params F       params.yaml or .json, exported as TOLLGATE_PARAMS (its path)
                   and TOLLGATE_PARAM_<NAME> (each top-level scalar)
  --data P         an input dataset, file or directory (repeatable)
  --outputs P      a file or directory the command writes (repeatable); deleted
                   before the command runs, restored on a cache hit
  --metrics F      the metrics JSON the command writes (finite numbers)
  --lineage F      where lineage.json goes (default: beside the first output)
  --code P         a code path whose git-tracked files enter the key
                   (repeatable; default: the whole repository)
  --seed N         exported as TOLLGATE_SEED and PYTHONHASHSEED
                   (default: the params' seed, else 0)
  --cache-dir DIR  the local cache (default: .tollgate-cache at the repository root)
  --no-cache       always run the command, store nothing
  --json           print one JSON document on stdout (the command's stdout goes to stderr)

Example:
  tollgate train --params params.yaml --data data/train.csv \\
    --outputs model.json --metrics metrics.json -- node train.mjs

Exit codes: 0 trained or restored, 1 the training command failed, 2 usage or input error.`;
var options = {
  params: { type: "string" },
  data: { type: "string", multiple: true },
  outputs: { type: "string", multiple: true },
  metrics: { type: "string" },
  lineage: { type: "string" },
  code: { type: "string", multiple: true },
  seed: { type: "string" },
  "cache-dir": { type: "string" },
  "no-cache": { type: "boolean" },
  json: { type: "boolean" }
};
function trainJson(result2) {
  return {
    cache: result2.cache,
    key: result2.key,
    exit_code: result2.exitCode,
    duration_s: result2.durationS,
    metrics: result2.metrics,
    lineage: result2.lineagePath,
    outputs: result2.outputs,
    ...result2.exitCode !== 0 ? { stderr_tail: result2.stderrTail } : {}
  };
}
function formatBytes(size) {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KiB`;
  return `${(size / 1024 / 1024).toFixed(1)} MiB`;
}
function describe(result2) {
  const how = result2.cache === "hit" ? `cache hit: restored the outputs of a ${result2.durationS} s run` : `trained in ${result2.durationS} s (cache ${result2.cache})`;
  const lines = [`tollgate train: ${how}`, `  key:     ${result2.key}`];
  if (result2.metrics) {
    const pairs = flattenMetrics(result2.metrics);
    const shown = pairs.slice(0, 12).map(([name, value]) => `${name} ${Number(value.toPrecision(6))}`);
    lines.push(`  metrics: ${shown.join(", ")}${pairs.length > 12 ? `, \u2026 (${pairs.length - 12} more)` : ""}`);
  }
  if (result2.outputs.length > 0) lines.push(`  outputs: ${result2.outputs.map((file) => `${file.path} (${formatBytes(file.size)})`).join(", ")}`);
  lines.push(`  lineage: ${result2.lineagePath}`);
  return lines.join("\n");
}
async function run(argv, io) {
  const separator = argv.indexOf("--");
  if (separator === -1) throw new UsageError(`put the training command after --, e.g. tollgate train -- python train.py

${usage3}`);
  const command = argv.slice(separator + 1);
  if (command.length === 0) throw new UsageError(`no training command after --

${usage3}`);
  const { values } = parseCommandArgs(argv.slice(0, separator), options, usage3, false);
  if (values["no-cache"] && values["cache-dir"] !== void 0) throw new UsageError("--no-cache and --cache-dir exclude each other");
  const cwd = resolve12(io.cwd);
  let cache;
  if (!values["no-cache"]) {
    const directory = values["cache-dir"] !== void 0 ? resolve12(cwd, values["cache-dir"]) : resolve12(await gitTopLevel(cwd) ?? cwd, ".tollgate-cache");
    cache = new DirectoryTrainCache(directory, portablePath(cwd, directory));
  }
  const commandStdout = values.json ? io.stderr : io.stdout;
  const result2 = await runTraining({
    cwd,
    command,
    paramsFile: values.params,
    data: values.data,
    outputs: values.outputs,
    metricsFile: values.metrics,
    lineageFile: values.lineage,
    codePaths: values.code,
    seed: values.seed === void 0 ? void 0 : parseSeed(values.seed, "--seed"),
    cache,
    env: io.env,
    stdout: commandStdout,
    stderr: io.stderr,
    log: (message) => io.stderr.write(`tollgate train: ${message}
`)
  });
  if (result2.exitCode !== 0) {
    const tail = result2.stderrTail.length > 0 ? `
--- last ${result2.stderrTail.length} lines of its stderr ---
${result2.stderrTail.join("\n")}` : " (it wrote nothing to stderr)";
    io.stderr.write(`tollgate train: the training command failed with exit code ${result2.exitCode}; nothing was cached${tail}
`);
  }
  if (values.json) writeJson(io, trainJson(result2));
  else if (result2.exitCode === 0) io.stdout.write(`${describe(result2)}
`);
  return result2.exitCode === 0 ? 0 : 1;
}
var trainCommand = {
  name: "train",
  summary: "Run a training command with lineage and a content-addressed cache",
  usage: usage3,
  run
};

// cli/commands/index.ts
var commands = [validateCommand, headCommand, trainCommand];

// cli/main.ts
var INTERNAL_ERROR_EXIT = 3;
function overview() {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    "Usage: tollgate <command> [options]",
    "",
    "Commands:",
    ...lines,
    "",
    "Every command takes --json (one JSON document on stdout) and --help.",
    "Exit codes: 0 passed, 1 the check failed, 2 usage or input error."
  ].join("\n");
}
function asksForHelp(argv) {
  const end = argv.indexOf("--");
  const own = end === -1 ? argv : argv.slice(0, end);
  return own.includes("--help") || own.includes("-h");
}
async function main(argv, io) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(`${overview()}
`);
    return name === void 0 ? 2 : 0;
  }
  if (name === "--version") {
    io.stdout.write(`${process.env.TOLLGATE_VERSION ?? "0.1.0"}
`);
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr.write(`tollgate: unknown command '${name}'

${overview()}
`);
    return 2;
  }
  if (asksForHelp(rest)) {
    io.stdout.write(`${command.usage}
`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (isUserFacing(error)) {
      io.stderr.write(`tollgate ${command.name}: ${error.message}
`);
      return error.exitCode;
    }
    io.stderr.write(`tollgate ${command.name}: internal error (please report it)
${error?.stack ?? String(error)}
`);
    return INTERNAL_ERROR_EXIT;
  }
}
async function runProcess() {
  const io = {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    interactive: Boolean(process.stderr.isTTY)
  };
  process.exitCode = await main(process.argv.slice(2), io);
}
export {
  main,
  runProcess
};
