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
  constructor(message, options4) {
    super(message, options4);
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
  constructor(location, detail, options4) {
    super(location ? `${formatLocation(location)}: ${detail}` : detail, options4);
    this.location = location;
    this.detail = detail;
  }
};
var ConfigError = class extends InputError {
  code = "E_CONFIG";
};
var ConflictError = class extends TollgateError {
  code = "E_CONFLICT";
  exitCode = 1;
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
function trimColumns(columns2, length) {
  return columns2.map((column) => {
    const nulls = column.nulls.subarray(0, length);
    const invalid = column.invalid?.subarray(0, length);
    const base2 = { name: column.name, nulls, ...invalid ? { invalid } : {} };
    if (column.kind === "number") return { ...base2, kind: "number", type: column.type, values: column.values.subarray(0, length) };
    if (column.kind === "boolean") return { ...base2, kind: "boolean", type: "boolean", values: column.values.subarray(0, length) };
    return { ...base2, kind: "string", type: column.type, codes: column.codes.subarray(0, length), dictionary: column.dictionary };
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
function convertColumn(natural, naturalType3, target, c, count2, writer, rowOffset) {
  const asText = target.kind === "string";
  for (let i = 0; i < count2; i++) {
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
function readNulls(data, from, count2, nulls) {
  const bitmap = data.nullBitmap;
  if (data.nullCount === 0 || bitmap === void 0 || bitmap.length === 0) {
    nulls.fill(0, 0, count2);
    return false;
  }
  const base2 = data.offset + from;
  for (let i = 0; i < count2; i++) nulls[i] = isValid(bitmap, base2 + i) ? 0 : 1;
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
function decimalAt(words3, index, stride, scale) {
  let value = 0n;
  for (let w = stride - 1; w >= 0; w--) value = value << 32n | BigInt(words3[index * stride + w]);
  if (words3[index * stride + stride - 1] & 2147483648) value -= 1n << BigInt(32 * stride);
  return Number(value) / 10 ** scale;
}
function decodeNumbers(data, from, count2, column) {
  const type = data.type;
  const hasNulls = readNulls(data, from, count2, column.nulls);
  if (column.kind === "boolean") {
    const bits = data.values;
    const base2 = data.offset + from;
    for (let i = 0; i < count2; i++) column.values[i] = isValid(bits, base2 + i) ? 1 : 0;
    if (hasNulls) {
      for (let i = 0; i < count2; i++) if (column.nulls[i] === 1) column.values[i] = 0;
    }
    return;
  }
  if (column.kind !== "number") throw new Error("decodeNumbers needs a number or boolean column");
  const out = column.values;
  const values = data.values;
  if (DataType.isDate(type)) {
    if (values instanceof Int32Array) for (let i = 0; i < count2; i++) out[i] = values[from + i] * MS_PER_DAY2;
    else for (let i = 0; i < count2; i++) out[i] = Number(values[from + i]);
  } else if (DataType.isTimestamp(type)) {
    const unit = type.unit;
    const perMs = unit === TimeUnit.SECOND ? 1e-3 : unit === TimeUnit.MILLISECOND ? 1 : unit === TimeUnit.MICROSECOND ? 1e3 : 1e6;
    for (let i = 0; i < count2; i++) out[i] = perMs === 1 ? Number(values[from + i]) : Number(values[from + i]) / perMs;
  } else if (DataType.isDecimal(type)) {
    const words3 = data.values;
    const stride = type.bitWidth / 32;
    for (let i = 0; i < count2; i++) out[i] = data.nullCount > 0 && column.nulls[i] === 1 ? NaN : decimalAt(words3, from + i, stride, type.scale);
  } else if (DataType.isFloat(type) && values instanceof Uint16Array) {
    for (let i = 0; i < count2; i++) out[i] = halfToFloat(values[from + i]);
  } else if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
    for (let i = 0; i < count2; i++) out[i] = Number(values[from + i]);
  } else {
    for (let i = 0; i < count2; i++) out[i] = values[from + i];
  }
  if (hasNulls) {
    for (let i = 0; i < count2; i++) if (column.nulls[i] === 1) out[i] = NaN;
  }
  for (let i = 0; i < count2; i++) if (out[i] !== out[i]) column.nulls[i] = 1;
}
function decodeUtf8Codes(data, from, count2, column, dictionary) {
  if (column.kind !== "string") throw new Error("decodeUtf8Codes needs a string column");
  readNulls(data, from, count2, column.nulls);
  const bytes = data.values;
  const offsets = data.valueOffsets;
  const wide = offsets instanceof BigInt64Array;
  for (let i = 0; i < count2; i++) {
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
function decodeDictionaryCodes(data, from, count2, column, dictionary, remap) {
  if (column.kind !== "string") throw new Error("decodeDictionaryCodes needs a string column");
  readNulls(data, from, count2, column.nulls);
  const indices = data.values;
  const table = remap.codesFor(data.dictionary, dictionary);
  for (let i = 0; i < count2; i++) {
    if (column.nulls[i] === 1) {
      column.codes[i] = -1;
      continue;
    }
    const code = table[Number(indices[from + i])];
    column.codes[i] = code;
    if (code < 0) column.nulls[i] = 1;
  }
}
function decodeAsJson(vector, from, count2, column, dictionary) {
  if (column.kind !== "string") throw new Error("decodeAsJson needs a string column");
  for (let i = 0; i < count2; i++) {
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
async function openArrow(path, options4) {
  registerArrowCodecs();
  const batchSize = positiveInteger(options4.batchSize, DEFAULT_BATCH_SIZE, "batchSize");
  const inferenceRows = positiveInteger(options4.inferenceRows, DEFAULT_INFERENCE_ROWS, "inferenceRows");
  const categoryMaxDistinct = positiveInteger(options4.categoryMaxDistinct, DEFAULT_CATEGORY_MAX_DISTINCT, "categoryMaxDistinct");
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
    const declared = options4.types ?? {};
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
  const count2 = Math.min(rows, batch.numRows);
  const column = allocateColumns([{ name: "", type: "string" }], [[]], count2, false)[0];
  const dictionary = new ByteDictionary();
  decodeUtf8Codes(data, 0, count2, column, dictionary);
  let values = 0;
  for (let i = 0; i < count2; i++) values += column.nulls[i] === 0 ? 1 : 0;
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
          const count2 = Math.min(this.batchSize, arrowBatch.numRows - from);
          yield this.convert(arrowBatch, from, count2, rowOffset);
          rowOffset += count2;
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
  convert(arrowBatch, from, count2, rowOffset) {
    const columns2 = this.readings.map((reading, c) => {
      const { path, natural, field } = reading;
      const data = arrowBatch.data.children[c];
      const naturalDictionary = reading.bytes ?? reading.strings ?? (path === "utf8" ? new ByteDictionary() : new StringDictionary());
      const decoded = allocateColumns([{ name: field.name, type: natural }], [naturalDictionary.values], count2, false)[0];
      if (path === "numbers") {
        decodeNumbers(data, from, count2, decoded);
      } else if (path === "utf8") {
        const bad = decodeUtf8Codes(data, from, count2, decoded, naturalDictionary);
        if (bad >= 0) throw new InputError({ file: this.path }, `column ${JSON.stringify(field.name)}, row ${rowOffset + bad + 1}: invalid UTF-8 in a string value; expected UTF-8 text`);
      } else if (path === "dictionary") {
        decodeDictionaryCodes(data, from, count2, decoded, naturalDictionary, reading.remap);
      } else {
        decodeAsJson(arrowBatch.getChildAt(c), from, count2, decoded, naturalDictionary);
      }
      if (sameStorage(natural, field.type)) return relabel(decoded, field.name, field.type);
      const target = allocateColumns([field], [this.outputDictionaries[c].values], count2)[0];
      convertColumn(decoded, natural, target, c, count2, this.writer, rowOffset);
      return target;
    });
    return { rowOffset, length: count2, columns: columns2 };
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
  /** Reads `[start, end)` from now on (a byte range of a split file). */
  setRange(start, end) {
    this.start = start;
    this.end = end;
    this.position = start;
  }
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
var NO_BYTES = new Uint8Array(0);
var CsvScanner = class {
  constructor(source2, file, chunkSize = DEFAULT_CHUNK) {
    this.source = source2;
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
  nullTextSet = /* @__PURE__ */ new Set();
  target;
  /** Rows written to the current target. */
  row = 0;
  /** Rows committed before the current target (the file's data-row index of `row` 0). */
  rowOffset = 0;
  tracker;
  pendingInvalidColumns = [];
  pendingInvalidTexts = [];
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
  /**
   * Continues at stream offset `base` of a source that now starts there
   * (a byte range of a split file): lines count from 1 at that offset, rows
   * from 0.
   */
  async restartAt(base2) {
    this.dataEnd = 0;
    this.eof = false;
    this.pos = 0;
    this.base = base2;
    this.line = 1;
    this.lineStart = base2;
    this.row = 0;
    this.rowOffset = 0;
    await this.fill();
  }
  /** Stream offset of the next unscanned byte. */
  get offset() {
    return this.base + this.pos;
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
  get delimiterCode() {
    return this.delimiter;
  }
  /** Texts (besides the empty field) that read as null. */
  setNullTexts(texts) {
    this.nullTextSet = new Set(texts);
    this.nullTexts = texts.filter((text) => text !== "").map((text) => Buffer.from(text, "utf8"));
  }
  /** Whether a field's text reads as null (the empty field always does). */
  isNull(text) {
    return text === "" || this.nullTextSet.has(text);
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
  /**
   * Reads the next record as text (the header, or a row for type inference);
   * undefined at the end of the stream. `line` is where the record starts.
   */
  async readRecord() {
    const record = await this.readFields();
    if (record === void 0) return void 0;
    const fields = [];
    for (let i = 0; i < record.count; i++) {
      const text = record.texts[i];
      if (text !== void 0) {
        fields.push(text);
        continue;
      }
      const decoded = decodeUtf8(this.buf, record.starts[i], record.ends[i]);
      if (decoded === void 0) this.failUtf8(firstInvalidUtf8(this.buf, record.starts[i], record.ends[i]), record.start, record.line, record.lineStart);
      fields.push(decoded);
    }
    return { fields, line: record.line };
  }
  /**
   * Reads the next record's field boundaries (for type inference, without a
   * string per field). Field `i` is `texts[i]` when its quotes had to be
   * unescaped, else the bytes `[starts[i], ends[i])` of `bytes`, valid until
   * the next read. Undefined at the end of the stream.
   */
  async readFields() {
    while (true) {
      const line = this.line;
      const lineStart = this.lineStart;
      const start = this.pos;
      const count2 = this.scanFieldRecord();
      if (count2 >= 0) {
        const record = this.fieldRecord;
        record.count = count2;
        record.line = line;
        record.lineStart = lineStart;
        record.start = start;
        record.bytes = this.buf;
        return record;
      }
      if (this.eof) return void 0;
      await this.fill();
    }
  }
  fieldRecord = {
    count: 0,
    line: 0,
    lineStart: 0,
    start: 0,
    bytes: NO_BYTES,
    starts: new Int32Array(64),
    ends: new Int32Array(64),
    texts: []
  };
  /** Field count of the next record (boundaries into `fieldRecord`), or -1 when it is not all in the buffer yet. */
  scanFieldRecord() {
    const buf = this.buf;
    const end = this.dataEnd;
    if (this.pos >= end) return -1;
    const recordStart = this.pos;
    const recordLine = this.line;
    const recordLineStart = this.lineStart;
    const record = this.fieldRecord;
    let count2 = 0;
    let p = this.pos;
    while (true) {
      if (count2 === record.starts.length) {
        const starts = new Int32Array(count2 * 2);
        starts.set(record.starts);
        const ends = new Int32Array(count2 * 2);
        ends.set(record.ends);
        record.starts = starts;
        record.ends = ends;
      }
      let text;
      if (buf[p] === QUOTE2) {
        const fieldStart = p;
        p = this.scanQuoted(p, recordStart, recordLine, recordLineStart);
        if (p < 0) {
          this.restore(recordStart, recordLine, recordLineStart);
          return -1;
        }
        if (this.quotedSource === buf) {
          record.starts[count2] = this.quotedStart;
          record.ends[count2] = this.quotedEnd;
        } else {
          text = decodeUtf8(this.quotedSource, this.quotedStart, this.quotedEnd);
          if (text === void 0) this.failUtf8(fieldStart, recordStart, recordLine, recordLineStart);
        }
      } else {
        record.starts[count2] = p;
        while (this.special[buf[p]] === 0) p++;
        record.ends[count2] = p;
      }
      record.texts[count2] = text;
      count2++;
      if (p === end && !this.eof) {
        this.restore(recordStart, recordLine, recordLineStart);
        return -1;
      }
      if (buf[p] === this.delimiter && p < end) {
        p++;
        continue;
      }
      const next = this.endRecord(p);
      if (next < 0) {
        this.restore(recordStart, recordLine, recordLineStart);
        return -1;
      }
      this.pos = next;
      return count2;
    }
  }
  /** Prepares the reading pass. */
  planRead(plans, dictionaries, tracker) {
    this.columnCount = plans.length;
    this.kinds = Int8Array.from(plans, (plan) => plan.kind);
    this.declaredBoolean = Uint8Array.from(plans, (plan) => plan.declaredBoolean ? 1 : 0);
    this.dictionaries = dictionaries;
    this.tracker = tracker;
  }
  /** Directs the next rows to `target`, starting at its row 0. */
  setTarget(target) {
    this.rowOffset += this.row;
    this.row = 0;
    this.target = target;
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
    const open5 = p;
    let q = p + 1;
    let escaped = false;
    while (true) {
      if (q >= end) {
        if (!this.eof) return -1;
        this.fail(open5, recordStart, recordLine, recordLineStart, 'unterminated quoted field: the quote opened here is never closed; expected a closing `"`');
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
      this.quotedStart = open5 + 1;
      this.quotedEnd = close;
      return after;
    }
    if (this.scratch.length < close - open5) this.scratch = Buffer.allocUnsafe((close - open5) * 2);
    const scratch3 = this.scratch;
    let length = 0;
    for (let i = open5 + 1; i < close; i++) {
      const c = buf[i];
      scratch3[length++] = c;
      if (c === QUOTE2) i++;
    }
    this.quotedSource = scratch3;
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
    const express = !checkNullTexts;
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
        if (express) {
          if (kind <= KIND_INTEGER) {
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
            if (digits > 0 && digits <= 15 && (fraction === 0 || kind === KIND_FLOAT) && (b === delimiter ? c !== lastColumn : c === lastColumn && (b === LF2 || b === CR2) && q < end)) {
              const magnitude = fraction === 0 ? mantissa : mantissa / POW102[fraction];
              numbers[c][row] = negative ? -magnitude : magnitude;
              nulls[c][row] = 0;
              p = b === delimiter ? q + 1 : q;
              continue;
            }
          } else if (kind === KIND_TEXT && buf[p] !== QUOTE2) {
            let q = p;
            let b = buf[q];
            let textHash = FNV.offset;
            while (special[b] === 0) {
              textHash = Math.imul(textHash ^ b, FNV.prime);
              b = buf[++q];
            }
            if (q > p && (b === delimiter ? c !== lastColumn : c === lastColumn && q < end)) {
              const code = dictionaries[c].codeOf(buf, p, q, textHash);
              if (code >= 0) {
                codes[c][row] = code;
                nulls[c][row] = 0;
                p = b === delimiter ? q + 1 : q;
                continue;
              }
            }
          }
        }
        const fieldStart = p;
        let src = buf;
        let s = p;
        let e;
        let hash = FNV.offset;
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
        const isNull = s === e || checkNullTexts && this.isNullText(src, s, e);
        switch (kind) {
          case KIND_FLOAT: {
            const column = numbers[c];
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
      row++;
      continue rows;
    }
    this.pos = p;
    this.row = row;
    return SCAN_FULL;
  }
  /** Whether the bytes are one of the texts given to `setNullTexts`. */
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
  /**
   * Total fields of the record whose field `columns` starts after the
   * delimiter at `p`, or -1 when the record does not end within the buffer.
   */
  countFields(p, columns2) {
    const buf = this.buf;
    const end = this.dataEnd;
    let fields = columns2;
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
async function openCsv(path, options4, sourceOptions) {
  const batchSize = positiveInteger(options4.batchSize, DEFAULT_BATCH_SIZE, "batchSize");
  const inferenceRows = positiveInteger(options4.inferenceRows, DEFAULT_INFERENCE_ROWS, "inferenceRows");
  const categoryMaxDistinct = positiveInteger(options4.categoryMaxDistinct, DEFAULT_CATEGORY_MAX_DISTINCT, "categoryMaxDistinct");
  const forced = options4.delimiter === void 0 ? sourceOptions.defaultDelimiter : delimiterCode(options4.delimiter);
  const source2 = sourceOptions.gzip ? new GzipByteSource(path) : await FileByteSource.open(path);
  const scanner = new CsvScanner(source2, path, sourceOptions.chunkSize);
  try {
    if (!await scanner.start()) {
      throw new InputError({ file: path }, "the file is empty; expected a header row naming the columns");
    }
    const pending = scanner.pending;
    scanner.setDelimiter(forced ?? detectDelimiter(pending.bytes, pending.start, pending.end, pending.complete));
    scanner.setNullTexts(options4.nullValues ?? []);
    const names = await readNames(scanner, path);
    const declared = options4.types ?? {};
    const samplers = names.map((name) => declared[name] === void 0 ? new TypeSampler(categoryMaxDistinct) : void 0);
    if (samplers.some((sampler) => sampler !== void 0)) {
      await sample(scanner, samplers, inferenceRows, path);
      await scanner.rewind();
      await scanner.readRecord();
    }
    const fields = names.map((name, i) => ({ name, type: declared[name] ?? samplers[i].result() }));
    const plans = fields.map((field) => ({
      kind: KIND_OF_TYPE[field.type],
      declaredBoolean: field.type === "boolean" && declared[field.name] === "boolean"
    }));
    if (sourceOptions.range !== void 0) {
      const { start, end } = sourceOptions.range;
      if (!(source2 instanceof FileByteSource) || start < scanner.offset || end < start) {
        throw new UsageError(`invalid CSV byte range [${start}, ${end}); expected a range from splitCsvRanges of an uncompressed file`);
      }
      source2.setRange(start, end);
      await scanner.restartAt(start);
    }
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
  const record = await scanner.readRecord();
  const header = record && { names: record.fields, line: record.line };
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
async function sample(scanner, samplers, rows, path) {
  const columns2 = samplers.length;
  for (let seen = 0; seen < rows; ) {
    const record = await scanner.readFields();
    if (record === void 0) return;
    const { count: count2, bytes, starts, ends, texts } = record;
    if (count2 === 1 && starts[0] === ends[0] && texts[0] === void 0 && columns2 > 1) continue;
    if (count2 !== columns2) {
      throw new InputError(
        { file: path, line: record.line },
        `expected ${columns2} fields (as in the header) separated by ${describeDelimiter(scanner.delimiterCode)}, got ${count2} ${count2 === 1 ? "field" : "fields"}`
      );
    }
    for (let c = 0; c < columns2; c++) {
      const sampler = samplers[c];
      if (sampler === void 0) continue;
      const text = texts[c];
      if (text !== void 0) {
        if (!scanner.isNull(text)) sampler.observeText(text);
      } else if (starts[c] < ends[c] && !scanner.isNullText(bytes, starts[c], ends[c])) {
        sampler.observe(bytes, starts[c], ends[c]);
      }
    }
    seen++;
  }
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
        const columns2 = allocateColumns(this.schema.fields, this.dictionaries.map((dictionary) => dictionary.values), batchSize, false);
        const target = {
          numbers: columns2.map((column) => column.kind === "number" ? column.values : EMPTY_FLOATS),
          booleans: columns2.map((column) => column.kind === "boolean" ? column.values : EMPTY_BYTES),
          codes: columns2.map((column) => column.kind === "string" ? column.codes : EMPTY_INTS),
          nulls: columns2.map((column) => column.nulls),
          invalid: columns2.map(() => void 0),
          lines: new Int32Array(batchSize),
          capacity: batchSize
        };
        scanner.setTarget(target);
        let status;
        while (true) {
          status = scanner.scan(Math.min(batchSize, scanner.row + SCAN_SLICE));
          if (status === SCAN_NEED_DATA) await scanner.fill();
          else if (status === SCAN_END || scanner.row === batchSize) break;
        }
        const length = scanner.row;
        if (length > 0) {
          columns2.forEach((column, c) => {
            const invalid = target.invalid[c];
            if (invalid !== void 0) column.invalid = invalid;
          });
          yield { rowOffset: scanner.rowOffset, length, columns: trimColumns(columns2, length), lines: target.lines.subarray(0, length) };
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
var SCAN_SLICE = 4096;
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
function detectFormat(path) {
  return describeFile(path).format;
}
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
async function* readLines(source2, file) {
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
      const read = await source2.read(buf, end, buf.length - end);
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
async function openJsonl(path, options4, gzip) {
  const batchSize = positiveInteger(options4.batchSize, DEFAULT_BATCH_SIZE, "batchSize");
  const inferenceRows = positiveInteger(options4.inferenceRows, DEFAULT_INFERENCE_ROWS, "inferenceRows");
  const categoryMaxDistinct = positiveInteger(options4.categoryMaxDistinct, DEFAULT_CATEGORY_MAX_DISTINCT, "categoryMaxDistinct");
  const source2 = gzip ? new GzipByteSource(path) : await FileByteSource.open(path);
  const lines = readLines(source2, path);
  try {
    const nullTexts = new Set(options4.nullValues ?? []);
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
        const value = record[key];
        sampler.observe(typeof value === "string" && nullTexts.has(value) ? null : value);
      }
    }
    if (!sawLine) throw new InputError({ file: path }, "the file is empty; expected one JSON object per line");
    const declared = options4.types ?? {};
    const fields = [...samplers].map(([name, sampler]) => ({ name, type: declared[name] ?? sampler.result() }));
    for (const [name, type] of Object.entries(declared)) if (!samplers.has(name)) fields.push({ name, type });
    if (fields.length === 0) throw new InputError({ file: path }, "no keys in the first objects; expected one JSON object per line with named values");
    return new JsonlTableReader(path, { fields }, sample2, lines, source2, batchSize, declared, nullTexts);
  } catch (error) {
    await lines.return(void 0);
    await source2.close();
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
  constructor(path, schema, sample2, lines, source2, batchSize, declared, nullTexts) {
    this.path = path;
    this.schema = schema;
    this.sample = sample2;
    this.lines = lines;
    this.source = source2;
    this.batchSize = batchSize;
    this.nullTexts = nullTexts;
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
  nullTexts;
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
      const value = row.record[key];
      if (typeof value === "string" && this.nullTexts.has(value)) continue;
      this.writer.write(batch.columns[c], c, index, value, rowOffset + index, row.line);
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
async function openParquet(path, options4) {
  const batchSize = positiveInteger(options4.batchSize, DEFAULT_BATCH_SIZE, "batchSize");
  const inferenceRows = positiveInteger(options4.inferenceRows, DEFAULT_INFERENCE_ROWS, "inferenceRows");
  const categoryMaxDistinct = positiveInteger(options4.categoryMaxDistinct, DEFAULT_CATEGORY_MAX_DISTINCT, "categoryMaxDistinct");
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
    const declared = options4.types ?? {};
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
  let count2 = 0;
  for (let i = 0; i < Math.min(rows, values.length); i++) {
    const value = values[i];
    if (value === null || value === void 0) continue;
    count2++;
    if (distinct.size <= categoryMaxDistinct) distinct.add(value);
  }
  return count2 > 0 && isCategory(distinct.size, count2, categoryMaxDistinct) ? "category" : "string";
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
    const groupRows2 = Number(this.metadata.row_groups[index].num_rows);
    const chunks = /* @__PURE__ */ new Map();
    try {
      await parquetRead({
        file: this.file,
        metadata: this.metadata,
        rowStart: groupStart,
        rowEnd: groupStart + groupRows2,
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
    const columns2 = /* @__PURE__ */ new Map();
    for (const [name, list] of chunks) {
      const only = list[0];
      if (list.length === 1 && only.rowStart === groupStart && only.data.length === groupRows2) {
        columns2.set(name, only.data);
        continue;
      }
      const values = new Array(groupRows2).fill(null);
      for (const { rowStart, data } of list) {
        for (let i = 0; i < data.length; i++) {
          const row = rowStart - groupStart + i;
          if (row >= 0 && row < groupRows2) values[row] = data[i];
        }
      }
      columns2.set(name, values);
    }
    return columns2;
  }
  async *[Symbol.asyncIterator]() {
    if (this.started) throw new Error(`${this.path}: a TableReader can be iterated once`);
    this.started = true;
    try {
      let rowOffset = 0;
      for (let g = 0; g < this.metadata.row_groups.length; g++) {
        const group = g === 0 && this.firstGroup !== void 0 ? this.firstGroup : await this.readGroup(g);
        this.firstGroup = void 0;
        const groupRows2 = Number(this.metadata.row_groups[g].num_rows);
        for (let from = 0; from < groupRows2; from += this.batchSize) {
          const count2 = Math.min(this.batchSize, groupRows2 - from);
          yield this.convert(group, from, count2, rowOffset);
          rowOffset += count2;
        }
      }
    } finally {
      await this.close();
    }
  }
  convert(group, from, count2, rowOffset) {
    const columns2 = this.readings.map((reading, c) => {
      const { natural, field } = reading;
      const values = group.get(field.name) ?? [];
      const naturalDictionary = reading.dictionary ?? new StringDictionary();
      const decoded = allocateColumns([{ name: field.name, type: natural }], [naturalDictionary.values], count2)[0];
      decodeValues(values, from, count2, decoded, naturalDictionary);
      if (sameStorage(natural, field.type)) return relabel(decoded, field.name, field.type);
      const target = allocateColumns([field], [this.outputDictionaries[c].values], count2)[0];
      convertColumn(decoded, natural, target, c, count2, this.writer, rowOffset);
      return target;
    });
    return { rowOffset, length: count2, columns: columns2 };
  }
  async close() {
    await this.handle.close().catch(() => void 0);
  }
};
function decodeValues(values, from, count2, column, dictionary) {
  if (column.kind === "number") {
    const out = column.values;
    if (values instanceof Float64Array || values instanceof Float32Array || values instanceof Int32Array) {
      for (let i = 0; i < count2; i++) {
        const value = values[from + i];
        out[i] = value;
        column.nulls[i] = value === value ? 0 : 1;
      }
      return;
    }
    for (let i = 0; i < count2; i++) {
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
    for (let i = 0; i < count2; i++) {
      const value = values[from + i];
      if (value === null || value === void 0) continue;
      column.values[i] = value ? 1 : 0;
      column.nulls[i] = 0;
    }
    return;
  }
  for (let i = 0; i < count2; i++) {
    const value = values[from + i];
    if (value === null || value === void 0) continue;
    column.codes[i] = dictionary.codeOf(typeof value === "string" ? value : value instanceof Uint8Array ? Buffer.from(value).toString("hex") : jsonText(value));
    column.nulls[i] = 0;
  }
}

// shared/data/open.ts
var TAB = 9;
async function openTable(path, options4 = {}) {
  const detected = describeFile(path, options4.format);
  await checkFile(path);
  switch (detected.format) {
    case "csv":
      return openCsv(path, options4, { gzip: detected.gzip, defaultDelimiter: detected.tabSeparated ? TAB : void 0 });
    case "jsonl":
      return openJsonl(path, options4, detected.gzip);
    case "parquet":
      return openParquet(path, options4);
    case "arrow":
      return openArrow(path, options4);
  }
}
async function checkFile(path) {
  let info2;
  try {
    info2 = await stat(path);
  } catch (error) {
    const code = error.code;
    const detail = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : error.message;
    throw new InputError({ file: path }, `cannot read the file: ${detail}; expected a readable data file`, { cause: error });
  }
  if (info2.isDirectory()) throw new InputError({ file: path }, "is a directory; expected a data file");
  if (!info2.isFile()) throw new InputError({ file: path }, "is not a regular file; expected a data file");
}

// shared/data/csv/ranges.ts
import { open as open4 } from "node:fs/promises";
var LF4 = 10;
var QUOTE3 = 34;
var CHUNK2 = 1 << 20;
async function splitCsvRanges(path, parts, options4 = {}) {
  if (!Number.isInteger(parts) || parts < 1) throw new UsageError(`invalid number of parts ${String(parts)}; expected a positive integer`);
  const detected = describeFile(path, "csv");
  if (detected.gzip) throw new UsageError(`${path}: a gzip-compressed file cannot be split; expected an uncompressed CSV file`);
  const dataStart = await headerEnd(path, options4.delimiter, detected.tabSeparated);
  const handle = await open4(path, "r");
  try {
    const { size } = await handle.stat();
    if (dataStart >= size) return [{ start: dataStart, end: size }];
    const targets = [];
    for (let k = 1; k < parts; k++) targets.push(dataStart + Math.floor((size - dataStart) * k / parts));
    const boundaries = options4.quotedNewlines ? await boundariesByQuoteParity(handle, dataStart, size, targets) : await boundariesByNextLine(handle, size, targets);
    const ranges = [];
    let start = dataStart;
    for (const boundary of [...boundaries, size]) {
      if (boundary > start) {
        ranges.push({ start, end: boundary });
        start = boundary;
      }
    }
    return ranges;
  } finally {
    await handle.close();
  }
}
async function headerEnd(path, delimiter, tabSeparated) {
  const scanner = new CsvScanner(await FileByteSource.open(path), path);
  try {
    if (!await scanner.start()) throw new InputError({ file: path }, "the file is empty; expected a header row naming the columns");
    const pending = scanner.pending;
    const forced = delimiter !== void 0 ? delimiterCode(delimiter) : tabSeparated ? 9 : void 0;
    scanner.setDelimiter(forced ?? detectDelimiter(pending.bytes, pending.start, pending.end, pending.complete));
    if (await scanner.readRecord() === void 0) throw new InputError({ file: path, line: 1 }, "the header row is empty; expected a header row naming the columns");
    return scanner.offset;
  } finally {
    await scanner.close();
  }
}
async function boundariesByNextLine(handle, size, targets) {
  const buffer = Buffer.allocUnsafe(CHUNK2);
  const boundaries = [];
  for (const target of targets) {
    let position = target - 1;
    let boundary = size;
    while (position < size) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK2, position);
      if (bytesRead === 0) break;
      const index = buffer.subarray(0, bytesRead).indexOf(LF4);
      if (index >= 0) {
        boundary = position + index + 1;
        break;
      }
      position += bytesRead;
    }
    boundaries.push(boundary);
  }
  return boundaries;
}
async function boundariesByQuoteParity(handle, dataStart, size, targets) {
  const buffer = Buffer.allocUnsafe(CHUNK2);
  const boundaries = [];
  let inQuotes = false;
  let next = 0;
  let position = dataStart;
  while (position < size && next < targets.length) {
    const { bytesRead } = await handle.read(buffer, 0, CHUNK2, position);
    if (bytesRead === 0) break;
    for (let i = 0; i < bytesRead && next < targets.length; i++) {
      const byte = buffer[i];
      if (byte === QUOTE3) inQuotes = !inQuotes;
      else if (byte === LF4 && !inQuotes && position + i >= targets[next] - 1) {
        boundaries.push(position + i + 1);
        next++;
        while (next < targets.length && targets[next] - 1 <= position + i) next++;
      }
    }
    position += bytesRead;
  }
  return boundaries;
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
async function readHead(path, n, options4 = {}) {
  const rows = [];
  if (n <= 0) return rows;
  const reader = await openTable(path, options4);
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

// shared/report/markdown.ts
function formatNumber(value, digits = 4) {
  if (value === null || value === void 0) return "\u2014";
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "\u221E" : "\u2212\u221E";
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude < 1e-4 || magnitude >= 1e9) return value.toExponential(digits - 1);
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(digits)));
}

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
  if (typeof value === "object") return Object.entries(value).map(([key, count2]) => `${key}: ${displayValue(count2)}`).join(", ");
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

// shared/promotion/duration.ts
var UNIT_MS = { s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };
var DURATION_PATTERN = /^(\d{1,6}(?:\.\d{1,3})?)(s|m|h|d|w)$/;
var DURATION_HINT = "a duration such as 30m, 24h, 7d or 2w";
function parseDuration(text) {
  const match = DURATION_PATTERN.exec(text.trim().toLowerCase());
  if (!match) return void 0;
  return Math.round(Number(match[1]) * UNIT_MS[match[2]]);
}

// shared/registry/names.ts
var NAME_SOURCE = "[a-zA-Z0-9](?:[a-zA-Z0-9\\-/_]*[a-zA-Z0-9])?";
var DIRNAME_SOURCE = "[a-zA-Z0-9\\-_./]+";
var NAME_RE = new RegExp(`^${NAME_SOURCE}$`);
var DIRNAME_RE = new RegExp(`^${DIRNAME_SOURCE}$`);
var SEPARATOR_IN_NAME = ":";
var SEPARATOR_IN_TAG = "=";
var NAME_RULE = "letters, digits, '-', '_' and '/', starting and ending with a letter or digit (e.g. 'churn', 'fraud/eu')";
function isValidName(name) {
  return NAME_RE.test(name) && checkRefFormat(`refs/tags/${name}`) === void 0;
}
function parseModelName(text) {
  const separator = text.includes(SEPARATOR_IN_NAME) ? SEPARATOR_IN_NAME : SEPARATOR_IN_TAG;
  const at = text.indexOf(separator);
  const path = at === -1 ? null : text.slice(0, at);
  const name = at === -1 ? text : text.slice(at + 1);
  if (!NAME_RE.test(name)) return void 0;
  if (path !== null && !DIRNAME_RE.test(path)) return void 0;
  const fullName = path === null ? name : `${path}${SEPARATOR_IN_NAME}${name}`;
  if (checkRefFormat(`refs/tags/${modelNameToTag(fullName)}`) !== void 0) return void 0;
  return { fullName, path, name };
}
function requireModelName(text) {
  const parsed = parseModelName(text);
  if (!parsed) {
    throw new UsageError(
      `invalid model name '${text}': use ${NAME_RULE}; a monorepo model is 'path/to:name'`
    );
  }
  return parsed;
}
function requireStageName(text) {
  if (!isValidName(text)) throw new UsageError(`invalid stage name '${text}': use ${NAME_RULE}`);
  return text;
}
function modelNameToTag(fullName) {
  return fullName.replace(SEPARATOR_IN_NAME, SEPARATOR_IN_TAG);
}
function tagToModelName(tagName) {
  return tagName.replace(SEPARATOR_IN_TAG, SEPARATOR_IN_NAME);
}
function checkRefFormat(ref) {
  if (ref === "@") return "'@' alone is not a valid ref";
  if (ref.startsWith("/") || ref.endsWith("/")) return "it starts or ends with '/'";
  if (ref.includes("//")) return "it contains '//'";
  if (ref.endsWith(".")) return "it ends with '.'";
  if (ref.includes("..")) return "it contains '..'";
  if (ref.includes("@{")) return "it contains '@{'";
  for (const character of ref) {
    const code = character.charCodeAt(0);
    if (code < 32 || code === 127) return "it contains a control character";
    if (" ~^:?*[\\".includes(character)) return `it contains '${character}'`;
  }
  for (const component of ref.split("/")) {
    if (component.startsWith(".")) return `the component '${component}' starts with '.'`;
    if (component.endsWith(".lock")) return `the component '${component}' ends with '.lock'`;
  }
  return void 0;
}

// shared/registry/semver.ts
var SEMVER_SOURCE = "(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)(?:-(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*)?(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?";
var VERSION_RE = new RegExp(`^v(${SEMVER_SOURCE})$`);
function parseVersion(text) {
  const match = VERSION_RE.exec(text);
  if (!match) return void 0;
  const core = match[1];
  const plus = core.indexOf("+");
  const withoutBuild = plus === -1 ? core : core.slice(0, plus);
  const build = plus === -1 ? [] : core.slice(plus + 1).split(".");
  const dash = withoutBuild.indexOf("-");
  const numbers = (dash === -1 ? withoutBuild : withoutBuild.slice(0, dash)).split(".");
  const prerelease = dash === -1 ? [] : withoutBuild.slice(dash + 1).split(".");
  return { text, major: numbers[0], minor: numbers[1], patch: numbers[2], prerelease, build };
}
function isVersion(text) {
  return VERSION_RE.test(text);
}
var NUMERIC = /^[0-9]+$/;
function compareNumeric(a, b) {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
function compareIdentifier(a, b) {
  const aNumeric = NUMERIC.test(a);
  const bNumeric = NUMERIC.test(b);
  if (aNumeric && bNumeric) return compareNumeric(a, b);
  if (aNumeric) return -1;
  if (bNumeric) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
function comparePrecedence(a, b) {
  const core = compareNumeric(a.major, b.major) || compareNumeric(a.minor, b.minor) || compareNumeric(a.patch, b.patch);
  if (core !== 0) return core;
  if (a.prerelease.length === 0) return b.prerelease.length === 0 ? 0 : 1;
  if (b.prerelease.length === 0) return -1;
  const shared = Math.min(a.prerelease.length, b.prerelease.length);
  for (let index = 0; index < shared; index += 1) {
    const order = compareIdentifier(a.prerelease[index], b.prerelease[index]);
    if (order !== 0) return order;
  }
  return a.prerelease.length - b.prerelease.length;
}
function compareVersions(a, b) {
  const left = parseVersion(a);
  const right = parseVersion(b);
  if (!left || !right) throw new RangeError(`not a version: ${left ? b : a}`);
  return comparePrecedence(left, right) || (a < b ? -1 : a > b ? 1 : 0);
}
function increment(decimal) {
  return (BigInt(decimal) + 1n).toString();
}
function bumpVersion(from, part) {
  const version = parseVersion(from);
  if (!version) throw new RangeError(`not a version: ${from}`);
  if (part === "major") return `v${increment(version.major)}.0.0`;
  if (part === "minor") return `v${version.major}.${increment(version.minor)}.0`;
  return `v${version.major}.${version.minor}.${increment(version.patch)}`;
}

// shared/promotion/names.ts
function normalizeModelName(text) {
  return parseModelName(text)?.fullName;
}
function isStageName(text) {
  return isValidName(text);
}
function isModelVersion(text) {
  return isVersion(text);
}

// shared/promotion/commands.ts
var MAX_SNOOZE_MS = 365 * 864e5;

// shared/promotion/state.ts
var PROMOTION_STATES = ["awaiting-approval", "held", "approved", "rejected", "superseded", "stale", "promoting", "promoted", "failed"];

// shared/promotion/audit.ts
import { z } from "zod";

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
      const unknownKey = issue.code === "unrecognized_keys";
      const path = unknownKey ? [...issue.path, issue.keys[0]] : issue.path;
      const at = path.length > 0 ? `${formatPath(path)}: ` : "";
      const offset = offsetOf(document.contents, path, unknownKey);
      return { where: offset === void 0 ? { file, line: 1, column: 1 } : locateOffset(offset), text: `${at}${describeIssue(issue)}` };
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
function offsetOf(root, path, atKey = false) {
  let node = root;
  let best = rangeStart(root);
  for (const [depth, key] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) return best;
      if (atKey && depth === path.length - 1) return rangeStart(pair.key) ?? best;
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

// shared/registry/metadata.ts
import { createHash } from "node:crypto";

// shared/registry/message.ts
function defaultSubject(subject) {
  switch (subject.action) {
    case "register":
      return `Registering artifact ${subject.model} version ${subject.version}`;
    case "deregister":
      return `Deregistering artifact ${subject.model} version ${subject.version}`;
    case "assign":
      return `Assigning stage ${subject.stage} to artifact ${subject.model} version ${subject.version}`;
    case "unassign":
      return `Unassigning stage '${subject.stage}' to artifact '${subject.model}' version '${subject.version}'`;
    case "deprecate":
      return `Deprecating artifact '${subject.model}'`;
  }
}
var TRAILER_KEY = /^Tollgate-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;
var TRAILER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*): (.*)$/;
function formatTagMessage(subject, trailers = []) {
  const firstLine = subject.trim();
  if (firstLine === "" || /[\r\n]/.test(firstLine)) throw new RangeError("a tag subject is one non-empty line");
  if (trailers.length === 0) return `${firstLine}
`;
  const lines = trailers.map(({ key, value }) => {
    if (!TRAILER_KEY.test(key)) throw new UsageError(`invalid trailer key '${key}': expected Tollgate-<Word>[-<Word>...]`);
    const clean = value.trim();
    if (clean === "" || /[\r\n]/.test(clean)) {
      throw new UsageError(`trailer ${key} must be one non-empty line, got ${JSON.stringify(value)}`);
    }
    return `${key}: ${clean}`;
  });
  return `${firstLine}

${lines.join("\n")}
`;
}
function parseTagMessage(message) {
  const text = stripSignature(message).replace(/\r\n/g, "\n").trim();
  const paragraphs = text === "" ? [] : text.split(/\n[ \t]*\n+/);
  const subject = (paragraphs[0] ?? "").split("\n").map((line) => line.trim()).join(" ");
  const rest = paragraphs.slice(1);
  const body = rest.join("\n\n");
  const trailers = [];
  const last = rest.at(-1);
  if (last !== void 0) {
    const lines = last.split("\n");
    const matches2 = lines.map((line) => TRAILER_LINE.exec(line));
    if (matches2.every((match) => match !== null)) {
      for (const match of matches2) trailers.push({ key: match[1], value: match[2].trim() });
    }
  }
  return { subject, body, trailers };
}
function stripSignature(message) {
  const at = message.search(/^-----BEGIN (?:PGP|SSH) SIGNATURE-----$/m);
  return at === -1 ? message : message.slice(0, at);
}
function trailerValues(trailers, key) {
  const lower2 = key.toLowerCase();
  return trailers.filter((trailer) => trailer.key.toLowerCase() === lower2).map((trailer) => trailer.value);
}

// shared/registry/metadata.ts
var SINGLE_FIELDS = [
  ["runUrl", "Tollgate-Run"],
  ["pullRequest", "Tollgate-PR"],
  ["sourceCommit", "Tollgate-Commit"],
  ["dataFingerprint", "Tollgate-Data"],
  ["metricsDigest", "Tollgate-Metrics"],
  ["championDelta", "Tollgate-Champion-Delta"]
];
var APPROVERS_KEY = "Tollgate-Approved-By";
var TAIL_FIELDS = [
  ["forced", "Tollgate-Forced"],
  ["rollbackFrom", "Tollgate-Rollback-From"],
  ["auditDigest", "Tollgate-Audit"]
];
var KNOWN_KEYS = new Set([...SINGLE_FIELDS, ...TAIL_FIELDS].map(([, key]) => key.toLowerCase()).concat(APPROVERS_KEY.toLowerCase()));
function metadataToTrailers(metadata) {
  const trailers = [];
  for (const [field, key] of SINGLE_FIELDS) {
    const value = metadata[field];
    if (value !== void 0 && String(value).trim() !== "") trailers.push({ key, value: String(value) });
  }
  for (const login2 of metadata.approvers ?? []) trailers.push({ key: APPROVERS_KEY, value: login2 });
  for (const [field, key] of TAIL_FIELDS) {
    const value = metadata[field];
    if (value !== void 0 && value.trim() !== "") trailers.push({ key, value });
  }
  for (const trailer of metadata.extra ?? []) trailers.push(trailer);
  return trailers;
}
function trailersToMetadata(trailers) {
  const metadata = {};
  for (const [field, key] of SINGLE_FIELDS) {
    const value = trailerValues(trailers, key).at(-1);
    if (value === void 0) continue;
    if (field === "pullRequest") {
      const number = Number(value.replace(/^#/, ""));
      if (Number.isSafeInteger(number)) metadata.pullRequest = number;
    } else {
      metadata[field] = value;
    }
  }
  const approvers = trailerValues(trailers, APPROVERS_KEY);
  if (approvers.length > 0) metadata.approvers = approvers;
  for (const [field, key] of TAIL_FIELDS) {
    const value = trailerValues(trailers, key).at(-1);
    if (value !== void 0) metadata[field] = value;
  }
  const extra = trailers.filter((trailer) => /^tollgate-/i.test(trailer.key) && !KNOWN_KEYS.has(trailer.key.toLowerCase()));
  if (extra.length > 0) metadata.extra = extra;
  return metadata;
}
function canonicalJson(value) {
  return JSON.stringify(value, (_key, item) => {
    if (item === null || typeof item !== "object" || Array.isArray(item)) return item;
    const sorted = {};
    for (const key of Object.keys(item).sort()) sorted[key] = item[key];
    return sorted;
  });
}
function digestJson(value) {
  return `sha256:${createHash("sha256").update(canonicalJson(value)).digest("hex")}`;
}

// shared/promotion/audit.ts
var AUDIT_SCHEMA = "tollgate.promotion/v1";
var sha = z.string().regex(/^[0-9a-f]{7,64}$/, "expected a hex digest or commit SHA");
var time = z.iso.datetime({ offset: true, error: "expected an ISO 8601 time" });
var source = {
  login: z.string().min(1),
  id: z.number().int().nonnegative(),
  source: z.enum(["comment", "review"]),
  url: z.string(),
  at: time
};
var approvalSchema = z.object({ ...source, body_sha256: z.string().regex(/^[0-9a-f]{64}$/), team: z.string().nullable(), commit_id: z.string().nullable(), reason: z.string().nullable() }).strict();
var holdSchema = z.object({ ...source, reason: z.string().nullable(), from_review: z.boolean() }).strict();
var rejectionSchema = z.object({ ...source, reason: z.string().nullable() }).strict();
var bypassSchema = z.object({ ...source, body_sha256: z.string().regex(/^[0-9a-f]{64}$/), reason: z.string().nullable(), bypassed: z.array(z.enum(["approvals", "checks", "soak"])) }).strict();
var auditRecordSchema = z.object({
  schema: z.literal(AUDIT_SCHEMA),
  model: z.string().min(1),
  stage: z.string().min(1),
  pull_request: z.object({ number: z.number().int().positive(), url: z.string().nullable(), head_sha: z.string().min(1) }).strict(),
  candidate: z.object({
    version: z.string().min(1),
    commit: z.string().min(1),
    artifact_digest: z.string().nullable(),
    training_run: z.string().nullable(),
    trained_by: z.string().nullable(),
    registered_by: z.string().nullable()
  }).strict(),
  previous_holder: z.object({ version: z.string().min(1), commit: z.string().nullable() }).strict().nullable(),
  evaluation: z.object({ digest: z.string().nullable(), decision: z.string().nullable() }).strict(),
  policy: z.object({
    blob_sha: sha.nullable(),
    approvers: z.array(z.string()),
    required: z.number().int().min(1),
    soak: z.string().nullable(),
    require_checks: z.array(z.string()),
    allow_force: z.boolean(),
    auto_merge: z.boolean()
  }).strict().nullable(),
  approvals: z.array(approvalSchema),
  holds: z.array(holdSchema),
  rejections: z.array(rejectionSchema),
  bypasses: z.array(bypassSchema),
  deliveries: z.array(z.string()),
  decision: z.object({ state: z.enum(PROMOTION_STATES), policy_met: z.boolean(), at: time }).strict()
}).strict();

// shared/promotion/marker.ts
import { z as z2 } from "zod";
var login = z2.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/, "expected a GitHub login");
var promotionMarkerSchema = z2.object({
  model: z2.string().refine((text) => normalizeModelName(text) === text, "expected a model name"),
  stage: z2.string().refine(isStageName, "expected a stage name"),
  version: z2.string().refine(isModelVersion, "expected v + SemVer"),
  commit: z2.string().regex(/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/, "expected a full commit SHA"),
  holder: z2.string().refine(isModelVersion, "expected v + SemVer").nullable(),
  requested_by: login.nullable()
}).strict();

// cli/command.ts
import { parseArgs } from "node:util";
function parseCommandArgs(argv, options4, usage8, allowPositionals = true) {
  try {
    const parsed = parseArgs({ args: argv, options: options4, allowPositionals: true, strict: true });
    if (!allowPositionals && parsed.positionals.length > 0) {
      throw new UsageError(`unexpected argument '${parsed.positionals[0]}'

${usage8}`);
    }
    return { values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${error.message}

${usage8}`);
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
function requirePositional(positionals, index, what, usage8) {
  const value = positionals[index];
  if (value === void 0) throw new UsageError(`missing ${what}

${usage8}`);
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
    const count2 = parsePositiveInteger(values.n, "-n", 10);
    const rows = await readHead(resolve(io.cwd, data), count2, { format: values.format, delimiter: values.delimiter });
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

// cli/commands/profile.ts
import { readFile as readFile2, writeFile } from "node:fs/promises";
import { resolve as resolve2 } from "node:path";

// shared/config/schema.ts
import { z as z6 } from "zod";

// shared/config/evaluation.ts
import { z as z3 } from "zod";

// shared/evaluate/metrics/catalog.ts
var CLASSIFICATION_METRICS = ["roc_auc", "average_precision", "accuracy", "precision", "recall", "f1", "log_loss", "brier_score", "ece"];
var REGRESSION_METRICS = ["rmse", "mae", "r2", "mape"];
var METRIC_NAMES = [...CLASSIFICATION_METRICS, ...REGRESSION_METRICS];
function info(name, task, higherIsBetter, title, flags = {}) {
  return { name, task, higherIsBetter, title, needsProbabilities: flags.probabilities ?? false, usesThreshold: flags.threshold ?? false };
}
var METRICS = {
  roc_auc: info("roc_auc", "classification", true, "ROC AUC"),
  average_precision: info("average_precision", "classification", true, "Average precision"),
  accuracy: info("accuracy", "classification", true, "Accuracy", { threshold: true }),
  precision: info("precision", "classification", true, "Precision", { threshold: true }),
  recall: info("recall", "classification", true, "Recall", { threshold: true }),
  f1: info("f1", "classification", true, "F1", { threshold: true }),
  log_loss: info("log_loss", "classification", false, "Log loss", { probabilities: true }),
  brier_score: info("brier_score", "classification", false, "Brier score", { probabilities: true }),
  ece: info("ece", "classification", false, "Expected calibration error", { probabilities: true }),
  rmse: info("rmse", "regression", false, "RMSE"),
  mae: info("mae", "regression", false, "MAE"),
  r2: info("r2", "regression", true, "R\xB2"),
  mape: info("mape", "regression", false, "MAPE")
};
function metricsForTask(task) {
  return task === "classification" ? CLASSIFICATION_METRICS : REGRESSION_METRICS;
}

// shared/evaluate/metrics/classification.ts
function predictPositive(scores, threshold) {
  const predicted = new Uint8Array(scores.length);
  for (let i = 0; i < predicted.length; i++) predicted[i] = scores[i] >= threshold ? 1 : 0;
  return predicted;
}
function confusionCounts(labels, predicted, weights) {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < predicted.length; i++) {
    const weight = weights === void 0 ? 1 : weights[i];
    if (predicted[i] === 1) {
      if (labels[i] === 1) tp += weight;
      else fp += weight;
    } else if (labels[i] === 1) fn += weight;
    else tn += weight;
  }
  return { tp, fp, tn, fn };
}
function accuracyFromCounts(counts) {
  const total = counts.tp + counts.fp + counts.tn + counts.fn;
  return total === 0 ? Number.NaN : (counts.tp + counts.tn) / total;
}
function precisionFromCounts(counts, warn) {
  const denominator = counts.tp + counts.fp;
  if (denominator === 0) {
    warn?.("precision is ill-defined: no row is predicted positive at this threshold; set to 0 as scikit-learn does");
    return 0;
  }
  return counts.tp / denominator;
}
function recallFromCounts(counts, warn) {
  const denominator = counts.tp + counts.fn;
  if (denominator === 0) {
    warn?.("recall is ill-defined: no positive row; set to 0 as scikit-learn does");
    return 0;
  }
  return counts.tp / denominator;
}
function f1FromCounts(counts, warn) {
  const denominator = 2 * counts.tp + counts.fp + counts.fn;
  if (denominator === 0) {
    warn?.("f1 is ill-defined: no positive row and none predicted positive; set to 0 as scikit-learn does");
    return 0;
  }
  return 2 * counts.tp / denominator;
}
var FLOAT64_EPSILON = 2 ** -52;
function logLossPerRow(labels, scores) {
  const losses = new Float64Array(scores.length);
  for (let i = 0; i < losses.length; i++) {
    const p = Math.min(Math.max(scores[i], FLOAT64_EPSILON), 1 - FLOAT64_EPSILON);
    const q = 1 - p;
    losses[i] = -Math.log((labels[i] === 1 ? p : q) / (q + p));
  }
  return losses;
}
function brierPerRow(labels, scores) {
  const errors = new Float64Array(scores.length);
  for (let i = 0; i < errors.length; i++) {
    const difference = labels[i] - scores[i];
    errors[i] = difference * difference;
  }
  return errors;
}
function weightedMean(values, weights) {
  let sum2 = 0;
  let total = 0;
  if (weights === void 0) {
    for (let i = 0; i < values.length; i++) sum2 += values[i];
    total = values.length;
  } else {
    for (let i = 0; i < values.length; i++) {
      sum2 += weights[i] * values[i];
      total += weights[i];
    }
  }
  return total === 0 ? Number.NaN : sum2 / total;
}
var ECE_BINS = 10;
var ECE_EDGES = Array.from({ length: ECE_BINS + 1 }, (_, k) => k / ECE_BINS);
function calibrationBins(scores) {
  const bins = new Uint8Array(scores.length);
  for (let i = 0; i < bins.length; i++) {
    const p = scores[i];
    let bin = Math.min(ECE_BINS - 1, Math.max(0, Math.floor(p * ECE_BINS)));
    if (p < ECE_EDGES[bin] && bin > 0) bin--;
    else if (bin < ECE_BINS - 1 && p >= ECE_EDGES[bin + 1]) bin++;
    bins[i] = bin;
  }
  return bins;
}
function expectedCalibrationErrorBinned(labels, scores, bins, weights) {
  const labelSum = new Float64Array(ECE_BINS);
  const scoreSum = new Float64Array(ECE_BINS);
  let total = 0;
  for (let i = 0; i < bins.length; i++) {
    const weight = weights === void 0 ? 1 : weights[i];
    labelSum[bins[i]] += weight * labels[i];
    scoreSum[bins[i]] += weight * scores[i];
    total += weight;
  }
  if (total === 0) return Number.NaN;
  let sum2 = 0;
  for (let bin = 0; bin < ECE_BINS; bin++) sum2 += Math.abs(labelSum[bin] - scoreSum[bin]);
  return sum2 / total;
}

// shared/evaluate/metrics/ranking.ts
function descendingOrder(scores) {
  const order = new Int32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => scores[b] - scores[a] || a - b);
  return order;
}
function rankScores(labels, scores) {
  const order = descendingOrder(scores);
  const n = order.length;
  const positive = new Uint8Array(n);
  const groupEnd = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const row = order[k];
    positive[k] = labels[row] === 1 ? 1 : 0;
    groupEnd[k] = k === n - 1 || scores[order[k + 1]] !== scores[row] ? 1 : 0;
  }
  return { order, positive, groupEnd };
}
function rocAucRanked(ranked, weights) {
  const { order, positive, groupEnd } = ranked;
  let tp = 0;
  let fp = 0;
  let previousTp = 0;
  let previousFp = 0;
  let doubledArea = 0;
  for (let k = 0; k < order.length; k++) {
    const weight = weights === void 0 ? 1 : weights[order[k]];
    const positiveWeight = weight * positive[k];
    tp += positiveWeight;
    fp += weight - positiveWeight;
    if (groupEnd[k] === 1) {
      doubledArea += (fp - previousFp) * (tp + previousTp);
      previousTp = tp;
      previousFp = fp;
    }
  }
  if (tp === 0 || fp === 0) return Number.NaN;
  return doubledArea / (2 * tp * fp);
}
function averagePrecisionRanked(ranked, weights) {
  const { order, positive, groupEnd } = ranked;
  let tp = 0;
  let fp = 0;
  let previousTp = 0;
  let sum2 = 0;
  for (let k = 0; k < order.length; k++) {
    const weight = weights === void 0 ? 1 : weights[order[k]];
    const positiveWeight = weight * positive[k];
    tp += positiveWeight;
    fp += weight - positiveWeight;
    if (groupEnd[k] === 1 && tp > previousTp) {
      sum2 += (tp - previousTp) * (tp / (tp + fp));
      previousTp = tp;
    }
  }
  if (tp === 0) return Number.NaN;
  return sum2 / tp;
}

// shared/evaluate/metrics/regression.ts
function squaredErrors(targets, predictions) {
  const errors = new Float64Array(targets.length);
  for (let i = 0; i < errors.length; i++) {
    const difference = targets[i] - predictions[i];
    errors[i] = difference * difference;
  }
  return errors;
}
function absoluteErrors(targets, predictions) {
  const errors = new Float64Array(targets.length);
  for (let i = 0; i < errors.length; i++) errors[i] = Math.abs(targets[i] - predictions[i]);
  return errors;
}
function absolutePercentageErrors(targets, predictions) {
  const errors = new Float64Array(targets.length);
  for (let i = 0; i < errors.length; i++) {
    errors[i] = Math.abs(predictions[i] - targets[i]) / Math.max(Math.abs(targets[i]), FLOAT64_EPSILON);
  }
  return errors;
}
function r2FromErrors(targets, errors, weights, warn) {
  const mean = weightedMean(targets, weights);
  if (Number.isNaN(mean)) return Number.NaN;
  let residual = 0;
  let total = 0;
  for (let i = 0; i < errors.length; i++) {
    const weight = weights === void 0 ? 1 : weights[i];
    const deviation = targets[i] - mean;
    residual += weight * errors[i];
    total += weight * deviation * deviation;
  }
  if (total === 0) {
    warn?.("r2 is ill-defined: the target is constant; set to 1 for a perfect fit and 0 otherwise, as scikit-learn does");
    return residual === 0 ? 1 : 0;
  }
  return 1 - residual / total;
}

// shared/evaluate/metrics/prepared.ts
var PreparedPredictions = class _PreparedPredictions {
  constructor(labels, scores, threshold = 0.5) {
    this.labels = labels;
    this.scores = scores;
    this.threshold = threshold;
    if (labels.length !== scores.length) throw new RangeError(`labels (${labels.length}) and scores (${scores.length}) differ in length`);
  }
  labels;
  scores;
  threshold;
  ranked;
  predicted;
  bins;
  perRow = /* @__PURE__ */ new Map();
  get length() {
    return this.labels.length;
  }
  /** The same model restricted to `rows` (a segment). */
  subset(rows) {
    const labels = new Float64Array(rows.length);
    const scores = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      labels[i] = this.labels[rows[i]];
      scores[i] = this.scores[rows[i]];
    }
    return new _PreparedPredictions(labels, scores, this.threshold);
  }
  /**
   * The metric on all rows, or on rows weighted by `weights` (bootstrap
   * counts). NaN when undefined for these rows (ROC AUC with one class).
   */
  compute(metric, weights, warn) {
    switch (metric) {
      case "roc_auc":
        return rocAucRanked(this.rank(), weights);
      case "average_precision":
        return averagePrecisionRanked(this.rank(), weights);
      case "accuracy":
        return accuracyFromCounts(this.counts(weights));
      case "precision":
        return precisionFromCounts(this.counts(weights), warn);
      case "recall":
        return recallFromCounts(this.counts(weights), warn);
      case "f1":
        return f1FromCounts(this.counts(weights), warn);
      case "log_loss":
        return weightedMean(this.rowValues("log_loss", logLossPerRow), weights);
      case "brier_score":
        return weightedMean(this.rowValues("squared", brierPerRow), weights);
      case "ece":
        this.bins ??= calibrationBins(this.scores);
        return expectedCalibrationErrorBinned(this.labels, this.scores, this.bins, weights);
      case "rmse":
        return Math.sqrt(weightedMean(this.rowValues("squared", squaredErrors), weights));
      case "mae":
        return weightedMean(this.rowValues("absolute", absoluteErrors), weights);
      case "mape":
        return weightedMean(this.rowValues("percentage", absolutePercentageErrors), weights);
      case "r2":
        return r2FromErrors(this.labels, this.rowValues("squared", squaredErrors), weights, warn);
    }
  }
  rank() {
    this.ranked ??= rankScores(this.labels, this.scores);
    return this.ranked;
  }
  counts(weights) {
    this.predicted ??= predictPositive(this.scores, this.threshold);
    return confusionCounts(this.labels, this.predicted, weights);
  }
  /** Per-row terms, computed once; (y - p)^2 serves Brier, RMSE and r2 alike. */
  rowValues(key, make) {
    let values = this.perRow.get(key);
    if (values === void 0) {
      values = make(this.labels, this.scores);
      this.perRow.set(key, values);
    }
    return values;
  }
};

// shared/stats/random.ts
var TWO_POW_32 = 4294967296;
var TWO_POW_53 = 9007199254740992;
function splitmix32(state) {
  let t = state | 0;
  t ^= t >>> 16;
  t = Math.imul(t, 569420461);
  t ^= t >>> 15;
  t = Math.imul(t, 1935289751);
  t ^= t >>> 15;
  return t >>> 0;
}
var Xoshiro128StarStar = class {
  s0;
  s1;
  s2;
  s3;
  spareNormal = 0;
  hasSpare = false;
  constructor(seed) {
    const low = seed >>> 0;
    const high = Math.floor(seed / TWO_POW_32) >>> 0;
    let counter = low ^ Math.imul(high, 2246822507) | 0;
    const draw = () => {
      counter = counter + 2654435769 | 0;
      return splitmix32(counter);
    };
    this.s0 = draw();
    this.s1 = draw();
    this.s2 = draw();
    this.s3 = draw();
  }
  /** One 32-bit output as an unsigned integer. */
  nextUint32() {
    const s1 = this.s1;
    const rotated = Math.imul(s1, 5);
    const result2 = Math.imul(rotated << 7 | rotated >>> 25, 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = this.s3 << 11 | this.s3 >>> 21;
    return result2;
  }
  next() {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) / TWO_POW_53;
  }
  nextInt(n) {
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
      throw new RangeError(`nextInt expects an integer in 1..2^32, got ${n}`);
    }
    const limit = TWO_POW_32 - TWO_POW_32 % n;
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return x % n;
  }
  normal() {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spareNormal;
    }
    let u;
    let v;
    let s;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt(-2 * Math.log(s) / s);
    this.spareNormal = v * factor;
    this.hasSpare = true;
    return u * factor;
  }
};
function createRng(seed) {
  if (typeof seed !== "number") throw new TypeError(`createRng expects a number seed, got ${typeof seed}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`createRng expects a safe integer seed, got ${seed}`);
  return new Xoshiro128StarStar(seed);
}

// shared/evaluate/bootstrap.ts
var DEFAULT_RESAMPLES = 1e3;
var DEFAULT_SEED = 20240601;
function pairedBootstrap(rows, statistics, options4 = {}) {
  const resamples = options4.resamples ?? DEFAULT_RESAMPLES;
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  if (!Number.isInteger(rows) || rows < 1) throw new RangeError(`the bootstrap needs at least one row, got ${rows}`);
  const rng = createRng(options4.seed ?? DEFAULT_SEED);
  const estimates = statistics.map(() => new Float64Array(resamples));
  const counts = new Int32Array(rows);
  for (let r = 0; r < resamples; r++) {
    counts.fill(0);
    for (let i = 0; i < rows; i++) counts[Math.floor(rng.next() * rows)]++;
    for (let s = 0; s < statistics.length; s++) estimates[s][r] = statistics[s](counts);
  }
  return estimates;
}
function quantileSorted(sorted, probability) {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * probability;
  const lower2 = Math.floor(position);
  const upper = Math.min(lower2 + 1, sorted.length - 1);
  return sorted[lower2] + (position - lower2) * (sorted[upper] - sorted[lower2]);
}
function percentileInterval(estimates, confidence2) {
  if (!(confidence2 > 0 && confidence2 < 1)) throw new RangeError(`confidence must be between 0 and 1, got ${confidence2}`);
  const defined = estimates.filter((value) => !Number.isNaN(value)).sort();
  const tail = (1 - confidence2) / 2;
  return { interval: [quantileSorted(defined, tail), quantileSorted(defined, 1 - tail)], valid: defined.length };
}

// shared/evaluate/normal.ts
var TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
var SERIES_LIMIT = 1;
function erfSeries(x) {
  const twoXSquared = 2 * x * x;
  let term = x;
  let sum2 = x;
  for (let n = 1; n < 200; n++) {
    term *= twoXSquared / (2 * n + 1);
    sum2 += term;
    if (term < sum2 * 1e-17) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum2;
}
function erfcContinuedFraction(x) {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
    c = x + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}
function erfc(x) {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < SERIES_LIMIT) return 1 - erfSeries(x);
  return erfcContinuedFraction(x);
}
function twoSidedNormalPValue(z12) {
  return erfc(Math.abs(z12) / Math.SQRT2);
}

// shared/evaluate/delong.ts
function midranks(values) {
  const n = values.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => values[a] - values[b]);
  const ranks = new Float64Array(n);
  let start = 0;
  while (start < n) {
    let end = start;
    while (end + 1 < n && values[order[end + 1]] === values[order[start]]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]] = rank;
    start = end + 1;
  }
  return ranks;
}
function components(positives, negatives) {
  const m = positives.length;
  const n = negatives.length;
  const combined = new Float64Array(m + n);
  combined.set(positives, 0);
  combined.set(negatives, m);
  const rankPositive = midranks(positives);
  const rankNegative = midranks(negatives);
  const rankCombined = midranks(combined);
  const v10 = new Float64Array(m);
  const v01 = new Float64Array(n);
  let rankSum = 0;
  for (let i = 0; i < m; i++) {
    rankSum += rankCombined[i];
    v10[i] = (rankCombined[i] - rankPositive[i]) / n;
  }
  for (let j = 0; j < n; j++) {
    v01[j] = 1 - (rankCombined[m + j] - rankNegative[j]) / m;
  }
  return { auc: (rankSum - m * (m + 1) / 2) / (m * n), v10, v01 };
}
function covariance(a, b) {
  const k = a.length;
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < k; i++) {
    meanA += a[i];
    meanB += b[i];
  }
  meanA /= k;
  meanB /= k;
  let sum2 = 0;
  for (let i = 0; i < k; i++) sum2 += (a[i] - meanA) * (b[i] - meanB);
  return sum2 / (k - 1);
}
function delongTest(labels, scoresA, scoresB) {
  let m = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) m++;
  const n = labels.length - m;
  if (m < 2 || n < 2) throw new RangeError(`DeLong's test needs at least two rows of each class (got ${m} positive, ${n} negative)`);
  const split = (scores) => {
    const positives = new Float64Array(m);
    const negatives = new Float64Array(n);
    let p = 0;
    let q = 0;
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] === 1) positives[p++] = scores[i];
      else negatives[q++] = scores[i];
    }
    return components(positives, negatives);
  };
  const a = split(scoresA);
  const b = split(scoresB);
  const variance = (covariance(a.v10, a.v10) + covariance(b.v10, b.v10) - 2 * covariance(a.v10, b.v10)) / m + (covariance(a.v01, a.v01) + covariance(b.v01, b.v01) - 2 * covariance(a.v01, b.v01)) / n;
  const difference = a.auc - b.auc;
  if (!(variance > 0)) {
    return { auc: [a.auc, b.auc], difference, variance: Math.max(variance, 0), z: difference === 0 ? 0 : Number.NaN, pValue: difference === 0 ? 1 : Number.NaN };
  }
  const z12 = difference / Math.sqrt(variance);
  return { auc: [a.auc, b.auc], difference, variance, z: z12, pValue: twoSidedNormalPValue(z12) };
}

// shared/evaluate/policy.ts
var EVALUATION_DEFAULTS = {
  threshold: 0.5,
  minDelta: 0,
  confidence: 0.95,
  resamples: DEFAULT_RESAMPLES,
  seed: DEFAULT_SEED,
  segmentMinRows: 200,
  primary: { classification: "roc_auc", regression: "rmse" }
};
function namedMetrics(policy) {
  const named = [];
  if (policy.primary) named.push({ metric: policy.primary.metric, where: "evaluation.primary.metric" });
  policy.guardrails?.forEach((rule2, index) => named.push({ metric: rule2.metric, where: `evaluation.guardrails[${index}].metric` }));
  const segmentMetric = policy.segments?.max_regression.metric;
  if (segmentMetric) named.push({ metric: segmentMetric, where: "evaluation.segments.max_regression.metric" });
  for (const bound of ["min", "max"]) {
    for (const metric of Object.keys(policy[bound] ?? {})) named.push({ metric, where: `evaluation.${bound}.${metric}` });
  }
  return named;
}
function inferTask(policy) {
  if (policy.task) return policy.task;
  const first = namedMetrics(policy)[0];
  return first ? METRICS[first.metric].task : "classification";
}
function resolvePolicy(policy = {}) {
  const task = inferTask(policy);
  for (const { metric, where: where2 } of namedMetrics(policy)) {
    if (METRICS[metric].task !== task) {
      throw new ConfigError(void 0, `${where2}: '${metric}' is a ${METRICS[metric].task} metric but the evaluation is ${task}`);
    }
  }
  const confidence2 = policy.bootstrap?.confidence ?? EVALUATION_DEFAULTS.confidence;
  const primaryMetric = policy.primary?.metric ?? EVALUATION_DEFAULTS.primary[task];
  return {
    task,
    threshold: policy.threshold ?? EVALUATION_DEFAULTS.threshold,
    primary: {
      metric: primaryMetric,
      min_delta: policy.primary?.min_delta ?? EVALUATION_DEFAULTS.minDelta,
      confidence: policy.primary?.confidence ?? confidence2
    },
    guardrails: policy.guardrails ?? [],
    segments: policy.segments ? {
      by: policy.segments.by,
      min_rows: policy.segments.min_rows ?? EVALUATION_DEFAULTS.segmentMinRows,
      max_regression: { metric: policy.segments.max_regression.metric ?? primaryMetric, delta: policy.segments.max_regression.delta }
    } : void 0,
    min: policy.min ?? {},
    max: policy.max ?? {},
    bootstrap: {
      resamples: policy.bootstrap?.resamples ?? EVALUATION_DEFAULTS.resamples,
      seed: policy.bootstrap?.seed ?? EVALUATION_DEFAULTS.seed,
      confidence: confidence2
    }
  };
}

// shared/evaluate/format.ts
function formatValue(value) {
  if (Number.isNaN(value)) return "undefined";
  if (!Number.isFinite(value)) return value > 0 ? "\u221E" : "\u2212\u221E";
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  const text = magnitude < 1e-4 || magnitude >= 1e9 ? magnitude.toExponential(3) : String(Number(magnitude.toPrecision(4)));
  return value < 0 ? `\u2212${text}` : text;
}
function formatDelta(value) {
  return value > 0 ? `+${formatValue(value)}` : formatValue(value);
}
function formatConfidence(confidence2) {
  return `${Number((confidence2 * 100).toPrecision(4))}%`;
}
function formatCount(count2) {
  return count2.toLocaleString("en-US");
}
function exceeds(value, limit) {
  return value > limit + 1e-12 * Math.max(1, Math.abs(limit));
}

// shared/evaluate/segments.ts
var MAX_SEGMENTS_PER_COLUMN = 100;
function findColumn(rows, name) {
  const column = rows.segments.find((candidate) => candidate.name === name);
  if (column) return column;
  const files = [rows.sources.challenger, rows.sources.champion].filter((file) => Boolean(file));
  throw new InputError(void 0, `evaluation.segments.by names column '${name}', which ${files.length > 1 ? "neither predictions file" : "the predictions file"} has (${files.join(", ")})`);
}
function groupRows(column) {
  const slots = column.values.length + 1;
  if (column.values.length > MAX_SEGMENTS_PER_COLUMN) {
    throw new InputError(
      void 0,
      `segment column '${column.name}' has ${column.values.length} distinct values; segments are meant for categories (at most ${MAX_SEGMENTS_PER_COLUMN}), not ids or continuous numbers`
    );
  }
  const counts = new Int32Array(slots);
  const slotOf = (code) => code < 0 ? slots - 1 : code;
  for (let i = 0; i < column.codes.length; i++) counts[slotOf(column.codes[i])]++;
  const groups = [];
  for (let slot = 0; slot < slots; slot++) {
    if (counts[slot] === 0) continue;
    const mask = new Uint8Array(column.codes.length);
    for (let i = 0; i < column.codes.length; i++) if (slotOf(column.codes[i]) === slot) mask[i] = 1;
    groups.push({ value: slot === slots - 1 ? null : column.values[slot], mask, rows: counts[slot] });
  }
  return groups.sort((a, b) => Number(a.value === null) - Number(b.value === null) || b.rows - a.rows);
}
function finite(value) {
  return Number.isNaN(value) ? null : value;
}
function analyzeSegments(rows, challenger, champion, policy) {
  const metric = policy.max_regression.metric;
  const higherIsBetter = METRICS[metric].higherIsBetter;
  const result2 = [];
  for (const name of policy.by) {
    for (const group of groupRows(findColumn(rows, name))) {
      const challengerValue = finite(challenger.compute(metric, group.mask));
      const championValue = champion ? finite(champion.compute(metric, group.mask)) : null;
      const delta = challengerValue !== null && championValue !== null ? challengerValue - championValue : null;
      let status;
      if (!champion) status = "no_champion";
      else if (delta === null) status = "undefined";
      else if (group.rows < policy.min_rows) status = "too_few_rows";
      else status = exceeds(higherIsBetter ? -delta : delta, policy.max_regression.delta) ? "regressed" : "pass";
      result2.push({
        segment: name,
        value: group.value,
        rows: group.rows,
        metric,
        metrics: { challenger: challengerValue, champion: championValue },
        delta,
        status,
        pass: status !== "regressed"
      });
    }
  }
  return result2;
}

// shared/evaluate/validate.ts
function where(rows, row, file) {
  if (rows.locate && file === rows.sources.challenger) return rows.locate(row);
  return { location: file ? { file } : void 0, text: `row ${row + 1} (id '${rows.ids[row]}')` };
}
function checkFinite(rows, values, what, file) {
  let bad = 0;
  let first = -1;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      bad++;
      if (first < 0) first = i;
    }
  }
  if (bad > 0) {
    const { location, text } = where(rows, first, file);
    const others = bad > 1 ? ` (and ${bad - 1} more row${bad > 2 ? "s" : ""})` : "";
    throw new InputError(location, `${what} must be a finite number; ${text} has ${String(values[first])}${others}`);
  }
}
function allProbabilities(scores) {
  for (let i = 0; i < scores.length; i++) if (!(scores[i] >= 0 && scores[i] <= 1)) return false;
  return true;
}
function validateRows(rows, task) {
  const { challenger: challengerFile, champion: championFile } = rows.sources;
  if (rows.labels.length === 0) throw new InputError(challengerFile ? { file: challengerFile } : void 0, "no evaluation rows: the predictions file has no data rows");
  checkFinite(rows, rows.labels, "the label", challengerFile);
  checkFinite(rows, rows.challenger, "the challenger's score", challengerFile);
  if (rows.champion) checkFinite(rows, rows.champion, "the champion's score", championFile ?? "");
  if (task !== "classification") return;
  let positives = 0;
  for (let i = 0; i < rows.labels.length; i++) {
    const label = rows.labels[i];
    if (label !== 0 && label !== 1) {
      const { location, text } = where(rows, i, challengerFile);
      throw new InputError(location, `classification labels must be 0 or 1; ${text} has ${label}`);
    }
    positives += label;
  }
  if (positives === 0 || positives === rows.labels.length) {
    throw new InputError(
      challengerFile ? { file: challengerFile } : void 0,
      `every evaluation row has label ${positives === 0 ? 0 : 1}: ROC AUC and average precision are undefined with one class; evaluate on rows of both classes`
    );
  }
}

// shared/evaluate/compare.ts
function nullable(value) {
  return Number.isNaN(value) ? null : value;
}
function gatedMetrics(policy) {
  const gated = [{ metric: policy.primary.metric, where: "evaluation.primary" }];
  policy.guardrails.forEach((rule2, index) => gated.push({ metric: rule2.metric, where: `evaluation.guardrails[${index}]` }));
  for (const bound of ["min", "max"]) {
    for (const metric of Object.keys(policy[bound])) gated.push({ metric, where: `evaluation.${bound}.${metric}` });
  }
  if (policy.segments) gated.push({ metric: policy.segments.max_regression.metric, where: "evaluation.segments.max_regression" });
  return gated;
}
function scoreRange(scores) {
  let low = Infinity;
  let high = -Infinity;
  for (const score of scores) {
    if (score < low) low = score;
    if (score > high) high = score;
  }
  return `${formatValue(low)} to ${formatValue(high)}`;
}
function probabilityScores(rows, policy, warnings) {
  const ok = { challenger: true, champion: true };
  if (policy.task !== "classification") return ok;
  for (const side of ["challenger", "champion"]) {
    const scores = rows[side];
    if (!scores || allProbabilities(scores)) continue;
    ok[side] = false;
    const gated = gatedMetrics(policy).find(({ metric }) => METRICS[metric].needsProbabilities);
    const file = rows.sources[side];
    if (gated) {
      throw new InputError(
        file ? { file } : void 0,
        `${gated.where} uses ${gated.metric}, which needs probabilities in [0, 1], but the ${side}'s scores range from ${scoreRange(scores)}`
      );
    }
    warnings.push(`The ${side}'s scores are not probabilities (they range from ${scoreRange(scores)}): log_loss, brier_score and ece are not computed for it.`);
  }
  return ok;
}
function computeAll(model, policy, side, probabilities, warnings) {
  const values = {};
  for (const metric of metricsForTask(policy.task)) {
    if (METRICS[metric].needsProbabilities && !probabilities) {
      values[metric] = null;
      continue;
    }
    values[metric] = nullable(model.compute(metric, void 0, (message) => warnings.push(`${side}: ${message}`)));
  }
  return values;
}
function delongOrWarn(labels, challenger, champion, warnings) {
  let positives = 0;
  for (const label of labels) positives += label;
  if (positives < 2 || labels.length - positives < 2) {
    warnings.push("DeLong's test needs at least two rows of each class: no p-value for roc_auc.");
    return void 0;
  }
  return delongTest(labels, challenger, champion);
}
function compareGated(rows, challenger, champion, policy, metrics, warnings) {
  const rules = [{ role: "primary", metric: policy.primary.metric }, ...policy.guardrails.map((guardrail) => ({ role: "guardrail", metric: guardrail.metric, guardrail }))];
  const distinct = [...new Set(rules.map((rule2) => rule2.metric))];
  const distributions = pairedBootstrap(
    rows.labels.length,
    distinct.map((metric) => (counts) => challenger.compute(metric, counts) - champion.compute(metric, counts)),
    { resamples: policy.bootstrap.resamples, seed: policy.bootstrap.seed }
  );
  const delong = distinct.includes("roc_auc") && rows.champion ? delongOrWarn(rows.labels, rows.challenger, rows.champion, warnings) : void 0;
  return rules.map((rule2) => {
    const challengerValue = metrics.challenger[rule2.metric] ?? Number.NaN;
    const championValue = metrics.champion[rule2.metric] ?? Number.NaN;
    const delta = challengerValue - championValue;
    const confidence2 = rule2.role === "primary" ? policy.primary.confidence : policy.bootstrap.confidence;
    const { interval: interval2, valid } = percentileInterval(distributions[distinct.indexOf(rule2.metric)], confidence2);
    const higherIsBetter = METRICS[rule2.metric].higherIsBetter;
    const base2 = {
      metric: rule2.metric,
      role: rule2.role,
      higher_is_better: higherIsBetter,
      challenger: challengerValue,
      champion: championValue,
      delta,
      ci: valid > 0 ? interval2 : null,
      confidence: confidence2,
      p_value: rule2.metric === "roc_auc" && delong ? nullable(delong.pValue) : null
    };
    if (rule2.role === "primary") {
      const minDelta = policy.primary.min_delta;
      const pass = valid > 0 && (higherIsBetter ? interval2[0] > minDelta : interval2[1] < -minDelta);
      return { ...base2, rule: higherIsBetter ? `lower bound of \u0394 > ${formatValue(minDelta)}` : `upper bound of \u0394 < ${formatValue(-minDelta)}`, pass };
    }
    return { ...base2, ...guardrailVerdict(rule2.guardrail, challengerValue, delta) };
  });
}
function guardrailVerdict(guardrail, value, delta) {
  const parts = [];
  let pass = true;
  if (guardrail.max_increase !== void 0) {
    parts.push(`\u0394 \u2264 ${formatDelta(guardrail.max_increase)}`);
    if (exceeds(delta, guardrail.max_increase)) pass = false;
  }
  if (guardrail.max_decrease !== void 0) {
    parts.push(`\u0394 \u2265 ${formatValue(-guardrail.max_decrease)}`);
    if (exceeds(-delta, guardrail.max_decrease)) pass = false;
  }
  if (guardrail.min !== void 0) {
    parts.push(`value \u2265 ${formatValue(guardrail.min)}`);
    if (exceeds(guardrail.min, value)) pass = false;
  }
  if (guardrail.max !== void 0) {
    parts.push(`value \u2264 ${formatValue(guardrail.max)}`);
    if (exceeds(value, guardrail.max)) pass = false;
  }
  return { rule: parts.join(", "), pass };
}
function thresholdChecks(policy, values, withChampion) {
  const checks = [];
  const add = (metric, bound, limit) => {
    const value = values[metric] ?? null;
    const pass = value !== null && (bound === "min" ? !exceeds(limit, value) : !exceeds(value, limit));
    checks.push({ metric, bound, limit, value, pass });
  };
  for (const bound of ["min", "max"]) {
    for (const [metric, limit] of Object.entries(policy[bound])) add(metric, bound, limit);
  }
  if (!withChampion) {
    for (const guardrail of policy.guardrails) {
      if (guardrail.min !== void 0) add(guardrail.metric, "min", guardrail.min);
      if (guardrail.max !== void 0) add(guardrail.metric, "max", guardrail.max);
    }
  }
  return checks;
}
function interval(row) {
  return row.ci ? `${formatConfidence(row.confidence)} CI ${formatDelta(row.ci[0])} to ${formatDelta(row.ci[1])}` : "no interval: undefined on every resample";
}
function comparisonReason(row, policy) {
  const p = row.p_value !== null ? `; DeLong p = ${formatValue(row.p_value)}` : "";
  const stats = `\u0394 ${formatDelta(row.delta)} (${interval(row)}${p})`;
  if (row.role === "primary") {
    const better = row.higher_is_better ? "higher" : "lower";
    return row.pass ? `Primary metric ${row.metric} improved: ${stats}; the interval clears min_delta ${formatValue(policy.primary.min_delta)}.` : `Primary metric ${row.metric} is not ${better} by more than min_delta ${formatValue(policy.primary.min_delta)} with ${formatConfidence(row.confidence)} confidence: ${stats}.`;
  }
  return row.pass ? `Guardrail ${row.metric} held (${row.rule}): ${formatValue(row.challenger)} vs ${formatValue(row.champion)}, \u0394 ${formatDelta(row.delta)}.` : `Guardrail ${row.metric} broken (${row.rule}): ${formatValue(row.challenger)} vs ${formatValue(row.champion)}, \u0394 ${formatDelta(row.delta)}.`;
}
function thresholdReason(check) {
  const relation = check.bound === "min" ? check.pass ? "at least" : "below" : check.pass ? "at most" : "above";
  const value = check.value === null ? "undefined" : formatValue(check.value);
  return `${check.metric} is ${value}, ${relation} the ${check.bound} of ${formatValue(check.limit)}.`;
}
function segmentLabel(row) {
  return `${row.segment}=${row.value ?? "(missing)"}`;
}
function segmentReasons(segments, policy, withChampion) {
  const settings = policy.segments;
  if (!settings || !withChampion) return { failures: [], passes: [] };
  const limit = formatValue(settings.max_regression.delta);
  const failures = segments.filter((row) => row.status === "regressed").map((row) => `Segment ${segmentLabel(row)} (${formatCount(row.rows)} rows): ${row.metric} ${formatValue(row.metrics.champion ?? Number.NaN)} \u2192 ${formatValue(row.metrics.challenger ?? Number.NaN)} (\u0394 ${formatDelta(row.delta ?? Number.NaN)}), worse by more than the ${limit} allowed.`);
  if (failures.length > 0) return { failures, passes: [] };
  const gated = segments.filter((row) => row.status === "pass").length;
  const small = segments.filter((row) => row.status === "too_few_rows").length;
  const smallNote = small > 0 ? `; ${small} with fewer than ${formatCount(settings.min_rows)} rows not gated` : "";
  return { failures: [], passes: [`No segment regressed on ${settings.max_regression.metric} by more than ${limit} (${gated} gated${smallNote}).`] };
}
function evaluateRows(rows, policyInput = {}) {
  const policy = resolvePolicy(policyInput);
  validateRows(rows, policy.task);
  const warnings = [];
  const probabilities = probabilityScores(rows, policy, warnings);
  const challenger = new PreparedPredictions(rows.labels, rows.challenger, policy.threshold);
  const champion = rows.champion ? new PreparedPredictions(rows.labels, rows.champion, policy.threshold) : void 0;
  const challengerMetrics = computeAll(challenger, policy, "challenger", probabilities.challenger, warnings);
  const championMetrics = champion ? computeAll(champion, policy, "champion", probabilities.champion, warnings) : null;
  const comparison = champion && championMetrics ? compareGated(rows, challenger, champion, policy, { challenger: challengerMetrics, champion: championMetrics }, warnings) : [];
  const thresholds = thresholdChecks(policy, challengerMetrics, champion !== void 0);
  const segments = policy.segments ? analyzeSegments(rows, challenger, champion, policy.segments) : [];
  const failures = [];
  const passes = [];
  const notes = [];
  if (!champion) {
    const gates = thresholds.length > 0 ? "absolute thresholds only" : "no absolute thresholds are configured (evaluation.min / evaluation.max), so nothing blocks it";
    notes.push(`No champion to compare with: decided on ${gates}.`);
  }
  for (const row of comparison) (row.pass ? passes : failures).push(comparisonReason(row, policy));
  for (const check of thresholds) (check.pass ? passes : failures).push(thresholdReason(check));
  const segmentText = segmentReasons(segments, policy, champion !== void 0);
  failures.push(...segmentText.failures);
  passes.push(...segmentText.passes);
  return {
    schema: "tollgate.evaluation/v1",
    decision: failures.length === 0 ? "promote" : "reject",
    mode: champion ? "champion" : "absolute",
    task: policy.task,
    reasons: [...notes, ...failures, ...passes],
    rows: rows.labels.length,
    threshold: policy.threshold,
    primary: policy.primary.metric,
    metrics: { challenger: challengerMetrics, champion: championMetrics },
    comparison,
    thresholds,
    segments,
    bootstrap: { ...policy.bootstrap },
    warnings: [...new Set(warnings)],
    inputs: { challenger: rows.sources.challenger, champion: rows.sources.champion }
  };
}

// shared/evaluate/predictions.ts
function locateRow(table, row) {
  if (table.lines !== void 0 && table.lines[row] > 0) {
    return { location: { file: table.file, line: table.lines[row] }, text: `line ${table.lines[row]}` };
  }
  return { location: { file: table.file }, text: `row ${row + 1}` };
}

// shared/evaluate/join.ts
var EXAMPLES = 3;
function quoteList(ids) {
  return ids.slice(0, EXAMPLES).map((id) => `'${id}'`).join(", ");
}
function indexIds(table) {
  const index = /* @__PURE__ */ new Map();
  let firstDuplicate = -1;
  const duplicated = /* @__PURE__ */ new Set();
  for (let row = 0; row < table.ids.length; row++) {
    const id = table.ids[row];
    if (index.has(id)) {
      if (firstDuplicate < 0) firstDuplicate = row;
      duplicated.add(id);
    } else {
      index.set(id, row);
    }
  }
  if (firstDuplicate >= 0) {
    const id = table.ids[firstDuplicate];
    const { location, text } = locateRow(table, firstDuplicate);
    const earlier = locateRow(table, index.get(id)).text;
    const more = duplicated.size > 1 ? `; ${formatCount(duplicated.size)} ids occur more than once (e.g. ${quoteList([...duplicated])})` : "";
    throw new InputError(location, `duplicate id '${id}' (${text}, first at ${earlier})${more}: each evaluation row needs a unique id`);
  }
  return index;
}
function missingFrom(from, index) {
  return from.ids.filter((id) => !index.has(id));
}
function describeMissing(count2, examples, owner, other) {
  return `${formatCount(count2)} id${count2 === 1 ? "" : "s"} in ${owner} ${count2 === 1 ? "is" : "are"} missing from ${other} (e.g. ${quoteList(examples)})`;
}
function singleModelRows(challenger) {
  indexIds(challenger);
  if (!challenger.labels) throw new InputError({ file: challenger.file }, "the predictions file has no label column, so there is nothing to evaluate against");
  return {
    ids: challenger.ids,
    labels: challenger.labels,
    challenger: challenger.scores,
    champion: void 0,
    segments: challenger.segments,
    sources: { challenger: challenger.file, champion: null },
    locate: (row) => locateRow(challenger, row)
  };
}
function alignSegment(column, championRowOf) {
  const codes = new Int32Array(championRowOf.length);
  for (let row = 0; row < codes.length; row++) codes[row] = column.codes[championRowOf[row]];
  return { name: column.name, codes, values: column.values };
}
function joinPredictions(challenger, champion) {
  const challengerIndex = indexIds(challenger);
  const championIndex = indexIds(champion);
  const onlyChallenger = missingFrom(challenger, championIndex);
  const onlyChampion = missingFrom(champion, challengerIndex);
  if (onlyChallenger.length > 0 || onlyChampion.length > 0) {
    const parts = [];
    if (onlyChallenger.length > 0) parts.push(describeMissing(onlyChallenger.length, onlyChallenger, `the challenger's ${challenger.file}`, `the champion's ${champion.file}`));
    if (onlyChampion.length > 0) parts.push(describeMissing(onlyChampion.length, onlyChampion, `the champion's ${champion.file}`, `the challenger's ${challenger.file}`));
    throw new InputError(void 0, `the challenger and the champion were not scored on the same rows: ${parts.join("; ")}. Score both models on the same evaluation data.`);
  }
  const rows = challenger.ids.length;
  const championRowOf = new Int32Array(rows);
  const championScores = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    const other = championIndex.get(challenger.ids[row]);
    championRowOf[row] = other;
    championScores[row] = champion.scores[other];
  }
  let labels = challenger.labels;
  if (!labels) {
    if (!champion.labels) throw new InputError(void 0, `neither ${challenger.file} nor ${champion.file} has a label column`);
    labels = new Float64Array(rows);
    for (let row = 0; row < rows; row++) labels[row] = champion.labels[championRowOf[row]];
  } else if (champion.labels) {
    let disagreements = 0;
    let first = -1;
    for (let row = 0; row < rows; row++) {
      const theirs = champion.labels[championRowOf[row]];
      if (theirs !== labels[row] && !(Number.isNaN(theirs) && Number.isNaN(labels[row]))) {
        disagreements++;
        if (first < 0) first = row;
      }
    }
    if (disagreements > 0) {
      const mine = locateRow(challenger, first);
      const theirs = locateRow(champion, championRowOf[first]);
      throw new InputError(
        mine.location,
        `the label of id '${challenger.ids[first]}' is ${labels[first]} here (${mine.text}) but ${champion.labels[championRowOf[first]]} in ${champion.file} (${theirs.text}); ${formatCount(disagreements)} row${disagreements === 1 ? "" : "s"} disagree. Both files must carry the same evaluation labels.`
      );
    }
  }
  const segments = [...challenger.segments];
  for (const column of champion.segments) {
    if (!segments.some((existing) => existing.name === column.name)) segments.push(alignSegment(column, championRowOf));
  }
  return {
    ids: challenger.ids,
    labels,
    challenger: challenger.scores,
    champion: championScores,
    segments,
    sources: { challenger: challenger.file, champion: champion.file },
    locate: (row) => locateRow(challenger, row)
  };
}

// shared/evaluate/load.ts
var DEFAULT_COLUMNS = { id: "id", label: "label", score: "score" };
var TEXT_LABELS = /* @__PURE__ */ new Map([
  ["0", 0],
  ["1", 1],
  ["0.0", 0],
  ["1.0", 1],
  ["false", 0],
  ["true", 1]
]);
var GrowableFloat64 = class {
  data = new Float64Array(1024);
  length = 0;
  push(value) {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  toArray() {
    return this.data.slice(0, this.length);
  }
};
var GrowableInt32 = class {
  data = new Int32Array(1024);
  length = 0;
  push(value) {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  toArray() {
    return this.data.slice(0, this.length);
  }
};
var ProblemLog = class {
  problems = /* @__PURE__ */ new Map();
  add(what, row, line, text) {
    const existing = this.problems.get(what);
    if (existing) existing.count++;
    else this.problems.set(what, { count: 1, row, line, text });
  }
  throwIfAny(file) {
    if (this.problems.size === 0) return;
    const entries = [...this.problems.entries()].sort((a, b) => a[1].row - b[1].row);
    const [firstWhat, first] = entries[0];
    const describe2 = (what, problem) => {
      const where2 = problem.line !== void 0 ? `line ${problem.line}` : `row ${problem.row + 1}`;
      const rows = problem.count === 1 ? `at ${where2}` : `on ${formatCount(problem.count)} rows, first at ${where2}`;
      return `${what} ${rows}${problem.text}`;
    };
    const others = entries.slice(1).map(([what, problem]) => describe2(what, problem));
    const more = others.length > 0 ? `; also ${others.join("; ")}` : "";
    throw new InputError({ file, line: first.line }, `${describe2(firstWhat, first)}${more}. Every evaluation row needs an id, a label and a numeric score.`);
  }
};
function textOf(column, row) {
  if (column.nulls[row] === 1) return void 0;
  switch (column.kind) {
    case "string":
      return column.dictionary[column.codes[row]];
    case "boolean":
      return column.values[row] === 1 ? "true" : "false";
    case "number":
      return String(column.values[row]);
  }
}
function findColumn2(reader, name, role, required) {
  const index = reader.schema.fields.findIndex((field) => field.name === name);
  if (index < 0 && required) {
    const names = reader.schema.fields.map((field) => `'${field.name}'`).join(", ");
    throw new InputError({ file: reader.path }, `no ${role} column '${name}'; the file has columns ${names}. Name the ${role} column in the configuration (evaluation.columns.${role}) or with the ${role} option.`);
  }
  return index;
}
function invalidText(reader, column, row) {
  const example = reader.invalidExamples.find((candidate) => candidate.column === column && candidate.row === row);
  return example ? `: '${example.text}'` : "";
}
async function loadPredictions(file, options4 = {}) {
  const columns2 = { ...DEFAULT_COLUMNS, ...options4.columns };
  const task = options4.task ?? "classification";
  const segmentNames = (options4.segments ?? []).filter((name) => ![columns2.id, columns2.label, columns2.score].includes(name));
  const types = { [columns2.id]: "string", [columns2.score]: "float" };
  if (task === "regression") types[columns2.label] = "float";
  for (const name of segmentNames) types[name] = "string";
  const reader = await openTable(file, { types });
  try {
    const idIndex = findColumn2(reader, columns2.id, "id", true);
    const scoreIndex = findColumn2(reader, columns2.score, "score", true);
    const labelIndex = findColumn2(reader, columns2.label, "label", !options4.labelOptional);
    const segmentIndexes = segmentNames.map((name) => ({ name, index: findColumn2(reader, name, "segment", false) })).filter((entry) => entry.index >= 0);
    const ids = [];
    const labels = new GrowableFloat64();
    const scores = new GrowableFloat64();
    const lines = new GrowableInt32();
    let hasLines = true;
    const problems = new ProblemLog();
    const segments = segmentIndexes.map(({ name }) => ({ name, codes: new GrowableInt32(), values: [], lookup: /* @__PURE__ */ new Map() }));
    const labelCache = /* @__PURE__ */ new Map();
    const readLabel = (column, row, globalRow, line) => {
      if (column.nulls[row] === 1) {
        problems.add("the label is missing", globalRow, line, column.invalid?.[row] === 1 ? invalidText(reader, column.name, globalRow) : "");
        return Number.NaN;
      }
      if (task === "regression") {
        if (column.kind !== "number") throw new InputError({ file }, `label column '${column.name}' must hold numbers for regression`);
        return column.values[row];
      }
      let value;
      if (column.kind === "number") value = column.values[row] === 0 || column.values[row] === 1 ? column.values[row] : void 0;
      else if (column.kind === "boolean") value = column.values[row];
      else {
        const code = column.codes[row];
        value = labelCache.get(code);
        if (value === void 0) {
          value = TEXT_LABELS.get(column.dictionary[code].trim().toLowerCase());
          if (value !== void 0) labelCache.set(code, value);
        }
      }
      if (value === void 0) {
        problems.add("the label is not 0/1 or true/false", globalRow, line, `: '${textOf(column, row)}'`);
        return Number.NaN;
      }
      return value;
    };
    const readBatch = (batch) => {
      const idColumn = batch.columns[idIndex];
      const scoreColumn = batch.columns[scoreIndex];
      const labelColumn = labelIndex >= 0 ? batch.columns[labelIndex] : void 0;
      if (scoreColumn.kind !== "number") throw new InputError({ file }, `score column '${columns2.score}' must hold numbers`);
      if (batch.lines === void 0) hasLines = false;
      for (let row = 0; row < batch.length; row++) {
        const globalRow = batch.rowOffset + row;
        const line = batch.lines?.[row];
        lines.push(line ?? 0);
        const id = textOf(idColumn, row);
        if (id === void 0 || id === "") problems.add("the id is missing", globalRow, line, "");
        ids.push(id ?? "");
        if (scoreColumn.nulls[row] === 1) {
          const invalid = scoreColumn.invalid?.[row] === 1;
          problems.add(invalid ? "the score is not a number" : "the score is missing", globalRow, line, invalid ? invalidText(reader, columns2.score, globalRow) : "");
        } else if (!Number.isFinite(scoreColumn.values[row])) {
          problems.add("the score is not finite", globalRow, line, `: ${scoreColumn.values[row]}`);
        }
        scores.push(scoreColumn.values[row]);
        if (labelColumn) labels.push(readLabel(labelColumn, row, globalRow, line));
        segmentIndexes.forEach(({ index }, s) => {
          const text = textOf(batch.columns[index], row);
          const segment = segments[s];
          if (text === void 0) {
            segment.codes.push(-1);
            return;
          }
          let code = segment.lookup.get(text);
          if (code === void 0) {
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
    if (ids.length === 0) throw new InputError({ file }, "the file has a header but no data rows; expected one row per evaluation example");
    const segmentColumns = segments.map((segment) => ({ name: segment.name, codes: segment.codes.toArray(), values: segment.values }));
    return {
      file,
      ids,
      labels: labelIndex >= 0 ? labels.toArray() : void 0,
      scores: scores.toArray(),
      lines: hasLines ? lines.toArray() : void 0,
      segments: segmentColumns
    };
  } finally {
    await reader.close();
  }
}

// shared/evaluate/run.ts
async function evaluateFiles(options4) {
  const policy = options4.policy ?? {};
  const columns2 = { ...DEFAULT_COLUMNS, ...definedOnly(policy.columns), ...definedOnly(options4.columns) };
  const task = inferTask(policy);
  const segments = policy.segments?.by ?? [];
  const challenger = await loadPredictions(options4.predictions, { columns: columns2, task, segments });
  if (options4.champion === void 0) return evaluateRows(singleModelRows(challenger), policy);
  const champion = await loadPredictions(options4.champion, { columns: columns2, task, segments, labelOptional: true });
  return evaluateRows(joinPredictions(challenger, champion), policy);
}
function definedOnly(value) {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== void 0));
}

// shared/config/evaluation.ts
var metricName = z3.enum(METRIC_NAMES);
var confidence = z3.number().gt(0).lt(1);
var columnsSchema = z3.strictObject({
  id: z3.string().min(1).default("id").describe("Column holding the row id both predictions files are joined on."),
  label: z3.string().min(1).default("label").describe("Column holding the true label (0/1 or true/false) or the regression target."),
  score: z3.string().min(1).default("score").describe("Column holding the predicted probability (or score) or the predicted value.")
}).describe("Column names in the predictions files.");
var primarySchema = z3.strictObject({
  metric: metricName.describe("The metric that decides."),
  min_delta: z3.number().default(EVALUATION_DEFAULTS.minDelta).describe("Required improvement in the metric's better direction; the confidence interval's bound must clear it. Negative = a non-inferiority margin."),
  confidence: confidence.optional().describe("Confidence of that interval (default: bootstrap.confidence).")
}).describe("Promote only when the challenger beats the champion on this metric with this confidence.");
var LIMITS = ["max_increase", "max_decrease", "min", "max"];
var guardrailSchema = z3.strictObject({
  metric: metricName,
  max_increase: z3.number().min(0).optional().describe("challenger \u2212 champion may be at most this."),
  max_decrease: z3.number().min(0).optional().describe("champion \u2212 challenger may be at most this."),
  min: z3.number().optional().describe("The challenger's value must be at least this."),
  max: z3.number().optional().describe("The challenger's value must be at most this.")
}).refine((rule2) => LIMITS.some((limit) => rule2[limit] !== void 0), { message: `set at least one of ${LIMITS.join(", ")}` }).describe("A metric that may not get worse than allowed (point estimates).");
var segmentsSchema = z3.strictObject({
  by: z3.array(z3.string().min(1)).min(1).describe("Columns (in the predictions files) whose values define segments."),
  min_rows: z3.number().int().positive().default(EVALUATION_DEFAULTS.segmentMinRows).describe("Smaller segments are reported, not gated."),
  max_regression: z3.strictObject({
    metric: metricName.optional().describe("Default: the primary metric."),
    delta: z3.number().min(0).describe("How much worse a segment may get.")
  }).describe("A segment fails when its metric is worse than the champion's by more than delta.")
}).describe("Per-segment gates that catch regressions an overall metric hides.");
var boundsSchema = (what) => z3.partialRecord(metricName, z3.number()).default({}).describe(what);
var evaluationSchema = z3.strictObject({
  task: z3.enum(["classification", "regression"]).optional().describe("Inferred from the primary metric when omitted."),
  columns: columnsSchema.prefault({}),
  threshold: z3.number().default(EVALUATION_DEFAULTS.threshold).describe("A row is predicted positive when score >= threshold."),
  primary: primarySchema.optional().describe("Default: roc_auc (classification) or rmse (regression), min_delta 0."),
  guardrails: z3.array(guardrailSchema).default([]),
  segments: segmentsSchema.optional(),
  min: boundsSchema("Absolute floors on the challenger, e.g. {roc_auc: 0.7}. Always checked; the only gates when there is no champion."),
  max: boundsSchema("Absolute ceilings on the challenger, e.g. {log_loss: 0.5}."),
  bootstrap: z3.strictObject({
    resamples: z3.number().int().min(100).max(1e5).default(EVALUATION_DEFAULTS.resamples),
    seed: z3.number().int().default(EVALUATION_DEFAULTS.seed),
    confidence: confidence.default(EVALUATION_DEFAULTS.confidence).describe("Confidence level of the intervals shown.")
  }).prefault({}).describe("Paired bootstrap over the evaluation rows.")
}).superRefine((section, context) => {
  const task = inferTask(section);
  const check = (metric, path) => {
    if (METRICS[metric].task !== task) {
      context.addIssue({ code: "custom", path, message: `'${metric}' is a ${METRICS[metric].task} metric but this evaluation is ${task}` });
    }
  };
  if (section.primary) check(section.primary.metric, ["primary", "metric"]);
  section.guardrails.forEach((rule2, index) => check(rule2.metric, ["guardrails", index, "metric"]));
  if (section.segments?.max_regression.metric) check(section.segments.max_regression.metric, ["segments", "max_regression", "metric"]);
  for (const bound of ["min", "max"]) {
    for (const metric of Object.keys(section[bound])) check(metric, [bound, metric]);
  }
}).describe("Challenger-versus-champion evaluation: what must improve, what may not get worse.");
var evaluationFileSchema = z3.looseObject({ evaluation: evaluationSchema.prefault({}) });
async function loadEvaluationConfig(file) {
  const document = await loadYamlFile(file, evaluationFileSchema);
  return { file: document.file, value: document.value.evaluation, locate: (path) => document.locate(["evaluation", ...path]) };
}
function defaultEvaluationConfig() {
  return evaluationSchema.parse({});
}

// shared/config/models.ts
import { z as z4 } from "zod";
var NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9\-/_]*[a-zA-Z0-9])?$/;
var DIRNAME = /^[a-zA-Z0-9\-_./]+$/;
var NAME_HINT = "letters, digits, '-', '_' and '/', starting and ending with a letter or digit";
var registryNameSchema = z4.string().regex(NAME, `expected ${NAME_HINT}`);
var modelCardSchema = z4.object({
  intended_use: z4.string().optional(),
  limitations: z4.string().optional()
}).strict();
var modelObjectSchema = z4.object({
  /** Monorepo directory; the registry name becomes `path:name` (tags `path=name@...`). */
  path: z4.string().regex(DIRNAME, "expected a directory made of letters, digits, '-', '_', '.', '/'").optional(),
  /** Logins or `@org/team` handles responsible for the model. */
  owners: z4.array(z4.string().min(1)).optional(),
  /** Stages in promotion order, e.g. [staging, canary, production]. */
  stages: z4.array(registryNameSchema).default([]),
  /** Where the champion lives: default the last stage, or `production` when no stages are listed. */
  champion_stage: registryNameSchema.optional(),
  /** A version must have held the previous stage before it may take the next (unless forced). */
  require_previous_stage: z4.boolean().default(true),
  card: modelCardSchema.optional(),
  /** The workflow file that trains the model, for `/retrain`. */
  training_workflow: z4.string().min(1).optional()
}).strict();
function checkModel(model, context, path) {
  const seen = /* @__PURE__ */ new Set();
  model.stages.forEach((stage, index) => {
    if (seen.has(stage)) context.addIssue({ code: "custom", path: [...path, "stages", index], message: `stage '${stage}' is listed twice` });
    seen.add(stage);
  });
  if (model.champion_stage !== void 0 && model.stages.length > 0 && !model.stages.includes(model.champion_stage)) {
    context.addIssue({
      code: "custom",
      path: [...path, "champion_stage"],
      message: `champion_stage '${model.champion_stage}' is not one of the stages (${model.stages.join(", ")})`
    });
  }
}
var modelsSchema = z4.record(z4.string(), modelObjectSchema).superRefine((models, context) => {
  for (const [name, model] of Object.entries(models)) {
    if (!NAME.test(name)) context.addIssue({ code: "custom", path: [name], message: `model name '${name}': expected ${NAME_HINT}` });
    checkModel(model, context, [name]);
  }
});

// shared/config/promotion.ts
import { z as z5 } from "zod";
var PROMOTION_CHECK_NAME = "tollgate/promotion";
var LOGIN = /^@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
var TEAM = /^@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/[A-Za-z0-9][A-Za-z0-9._-]*$/;
var approverSchema = z5.string({ error: "expected a GitHub login (alice) or a team (acme/ml-leads)" }).refine((text) => LOGIN.test(text) || TEAM.test(text), "expected a GitHub login (alice) or a team (acme/ml-leads)");
var durationSchema = z5.string({ error: `expected ${DURATION_HINT}` }).refine((text) => parseDuration(text) !== void 0, `expected ${DURATION_HINT}`);
var stagePolicySchema = z5.object({
  /** Users and `org/team` slugs whose approval counts. */
  approvers: z5.array(approverSchema).min(1, "list at least one approver (a login or an org/team)"),
  /** Distinct approvals needed. */
  required: z5.number({ error: "expected a whole number of approvals" }).int("expected a whole number of approvals").min(1, "at least 1 approval").default(1),
  /** Minimum time the version held the previous stage (or, for the first stage, was registered). */
  soak: durationSchema.optional(),
  /** Check runs on the head commit that must have succeeded. */
  require_checks: z5.array(z5.string().min(1, "a check name cannot be empty")).refine((names) => !names.includes(PROMOTION_CHECK_NAME), `${PROMOTION_CHECK_NAME} is the promotion's own check and cannot be required by it`).default(["tollgate/evaluation"]),
  /** Merge the promotion PR as soon as the policy is met. */
  auto_merge: z5.boolean().default(false),
  /** Admins may `/approve --force` (recorded as a bypass). */
  allow_force: z5.boolean().default(true)
}).strict().superRefine((policy, context) => {
  const people = new Set(policy.approvers.map((entry) => entry.replace(/^@/, "").toLowerCase()));
  const hasTeam = [...people].some((entry) => entry.includes("/"));
  if (!hasTeam && people.size > 0 && policy.required > people.size) {
    context.addIssue({
      code: "custom",
      path: ["required"],
      input: policy.required,
      message: `requires ${policy.required} approvals but only ${people.size} approver${people.size === 1 ? " is" : "s are"} listed`
    });
  }
});
var promotionSchema = z5.record(z5.string(), stagePolicySchema).superRefine((stages, context) => {
  for (const stage of Object.keys(stages)) {
    if (!isValidName(stage)) {
      context.addIssue({ code: "custom", path: [stage], input: stage, message: "stage names use letters, digits, '-', '_' and '/', starting and ending with a letter or digit" });
    }
  }
});

// shared/config/schema.ts
var modelSchema = modelObjectSchema.extend({
  promotion: promotionSchema.optional().describe("Per stage: who approves, how many, soak time, required checks.")
});
var modelsSchema2 = z6.record(z6.string(), modelSchema).superRefine((models, context) => {
  for (const [name, model] of Object.entries(models)) {
    const named = registryNameSchema.safeParse(name);
    if (!named.success) context.addIssue({ code: "custom", path: [name], message: `model name '${name}': ${named.error.issues[0].message}` });
    checkModel(model, context, [name]);
    for (const stage of Object.keys(model.promotion ?? {})) {
      if (!model.stages.includes(stage)) {
        context.addIssue({
          code: "custom",
          path: [name, "promotion", stage],
          message: `'${stage}' is not one of this model's stages (${model.stages.join(", ") || "none listed"})`
        });
      }
    }
  }
});
var tollgateConfigSchema = z6.strictObject({
  $schema: z6.string().optional(),
  version: z6.literal(1, { error: "expected version: 1" }).default(1),
  models: modelsSchema2.default({}),
  evaluation: evaluationSchema.prefault({})
}).describe("Tollgate configuration (.github/tollgate.yml)");

// shared/stats/moments.ts
var Moments = class _Moments {
  count = 0;
  mean = 0;
  /** Sum of squared deviations from the mean. */
  m2 = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  /** Adds one value; NaN and +/-Infinity are skipped. Returns 1 if `value` was infinite, else 0. */
  add(value) {
    if (value !== value) return 0;
    if (value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY) return 1;
    const n = this.count + 1;
    const delta = value - this.mean;
    this.mean += delta / n;
    this.m2 += delta * (value - this.mean);
    this.count = n;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    return 0;
  }
  /**
   * Adds `values[start..end)`, skipping NaN and +/-Infinity; returns the
   * number of infinities skipped. Two passes over the chunk, then one merge:
   * exact to rounding and branch-light for the hot loop.
   */
  addArray(values, start = 0, end = values.length) {
    let n = 0;
    let sum2 = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = start; i < end; i++) {
      const x = values[i];
      if (x !== x) continue;
      n++;
      sum2 += x;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    if (n === 0) return 0;
    if (min === Number.NEGATIVE_INFINITY || max === Number.POSITIVE_INFINITY) return this.addArrayWithInfinities(values, start, end);
    const mean = sum2 / n;
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
    this.mergeParts(n, mean, m2, sum2, min, max);
    return 0;
  }
  /** Rare path: copy the finite values, then accumulate them. */
  addArrayWithInfinities(values, start, end) {
    const finite4 = [];
    let infinities = 0;
    for (let i = start; i < end; i++) {
      const x = values[i];
      if (x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY) infinities++;
      else if (x === x) finite4.push(x);
    }
    this.addArray(finite4);
    return infinities;
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

// shared/stats/radix-sort.ts
var DIGIT_BITS = 11;
var RADIX = 1 << DIGIT_BITS;
var DIGIT_MASK = RADIX - 1;
var LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

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
  constructor(options4 = {}) {
    const k = options4.k ?? DEFAULT_K;
    if (!Number.isInteger(k) || k < MIN_LEVEL_CAPACITY || k > 65535) {
      throw new RangeError(`KLL k must be an integer in ${MIN_LEVEL_CAPACITY}..65535, got ${k}`);
    }
    const seed = options4.seed ?? 1;
    if (!Number.isSafeInteger(seed)) throw new RangeError(`KLL seed must be a safe integer, got ${seed}`);
    this.k = k;
    this.seed = seed;
    this.samplerEnabled = options4.sampler ?? true;
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

// shared/stats/hash.ts
var C1 = 3432918353;
var C2 = 461845907;
function mixK(k) {
  k = Math.imul(k, C1);
  k = k << 15 | k >>> 17;
  return Math.imul(k, C2);
}
function mixH(h, k) {
  h ^= mixK(k);
  h = h << 13 | h >>> 19;
  return Math.imul(h, 5) + 3864292196 | 0;
}
function finalize(h, length) {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  h ^= h >>> 16;
  return h >>> 0;
}
function murmur3Bytes(bytes, seed) {
  let h = seed | 0;
  const length = bytes.length;
  const blocks = length & ~3;
  for (let i = 0; i < blocks; i += 4) {
    const k = bytes[i] | bytes[i + 1] << 8 | bytes[i + 2] << 16 | bytes[i + 3] << 24;
    h = mixH(h, k);
  }
  const tail = length & 3;
  if (tail > 0) {
    let k = 0;
    if (tail === 3) k ^= bytes[blocks + 2] << 16;
    if (tail >= 2) k ^= bytes[blocks + 1] << 8;
    k ^= bytes[blocks];
    h ^= mixK(k);
  }
  return finalize(h, length);
}
function murmur3Words(lo, hi, seed) {
  let h = mixH(seed | 0, lo);
  h = mixH(h, hi);
  return finalize(h, 8);
}
function murmur3WordsTwice(lo, hi, seedA, seedB, out) {
  const k1 = mixK(lo);
  const k2 = mixK(hi);
  let a = (seedA | 0) ^ k1;
  a = a << 13 | a >>> 19;
  a = Math.imul(a, 5) + 3864292196 ^ k2;
  a = a << 13 | a >>> 19;
  a = Math.imul(a, 5) + 3864292196 | 0;
  let b = (seedB | 0) ^ k1;
  b = b << 13 | b >>> 19;
  b = Math.imul(b, 5) + 3864292196 ^ k2;
  b = b << 13 | b >>> 19;
  b = Math.imul(b, 5) + 3864292196 | 0;
  out[0] = finalize(a, 8);
  out[1] = finalize(b, 8);
}
var encoder3 = new TextEncoder();
var utf8Scratch = new Uint8Array(256);
function murmur3String(text, seed) {
  if (utf8Scratch.length < 3 * text.length) utf8Scratch = new Uint8Array(3 * text.length);
  const { written } = encoder3.encodeInto(text, utf8Scratch);
  return murmur3Bytes(utf8Scratch.subarray(0, written), seed);
}
var scratchFloat = new Float64Array(1);
var scratchWords = new Uint32Array(scratchFloat.buffer);
var LITTLE_ENDIAN2 = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
var LO = LITTLE_ENDIAN2 ? 0 : 1;
var HI = LITTLE_ENDIAN2 ? 1 : 0;
function float64Words(value, out) {
  if (value === 0) value = 0;
  else if (value !== value) value = Number.NaN;
  scratchFloat[0] = value;
  out[0] = scratchWords[LO];
  out[1] = scratchWords[HI];
}
var wordsOut = new Uint32Array(2);

// shared/stats/hyperloglog.ts
var SEED_A = 745531758;
var SEED_B = 2538058380;
var DEFAULT_PRECISION = 14;
var words = new Uint32Array(2);
var hashes = new Uint32Array(2);
function sigma(x) {
  if (x === 1) return Number.POSITIVE_INFINITY;
  let y = 1;
  let z12 = x;
  let previous;
  do {
    x *= x;
    previous = z12;
    z12 += x * y;
    y += y;
  } while (z12 !== previous);
  return z12;
}
function tau(x) {
  if (x === 0 || x === 1) return 0;
  let y = 1;
  let z12 = 1 - x;
  let previous;
  do {
    x = Math.sqrt(x);
    previous = z12;
    y *= 0.5;
    z12 -= (1 - x) * (1 - x) * y;
  } while (z12 !== previous);
  return z12 / 3;
}
var HyperLogLog = class _HyperLogLog {
  /** Precision: 2^p registers. */
  p;
  registers;
  rankBits;
  constructor(p = DEFAULT_PRECISION) {
    if (!Number.isInteger(p) || p < 4 || p > 18) throw new RangeError(`HyperLogLog precision must be an integer in 4..18, got ${p}`);
    this.p = p;
    this.registers = new Uint8Array(1 << p);
    this.rankBits = 64 - p;
  }
  /** Relative standard error of the estimate: 1.04 / sqrt(2^p). */
  get standardError() {
    return 1.04 / Math.sqrt(this.registers.length);
  }
  /** Records an item given its two 32-bit hashes. */
  addHashes(hashA, hashB) {
    const p = this.p;
    const index = hashA >>> 32 - p;
    let rank;
    if (hashB !== 0) {
      rank = Math.clz32(hashB) + 1;
    } else {
      const rest = hashA << p >>> 0;
      rank = rest !== 0 ? 33 + Math.clz32(rest) : this.rankBits + 1;
    }
    if (rank > this.registers[index]) this.registers[index] = rank;
  }
  /** Records a string (by its UTF-8 bytes). */
  addString(text) {
    this.addHashes(murmur3String(text, SEED_A), murmur3String(text, SEED_B));
  }
  /** Records a number (-0 and +0 are one value; NaN is skipped). */
  addNumber(value) {
    if (value !== value) return;
    float64Words(value, words);
    this.addHashes(murmur3Words(words[0], words[1], SEED_A), murmur3Words(words[0], words[1], SEED_B));
  }
  /** Records `values[start..end)`, skipping NaN: the profile's hot path. */
  addNumbers(values, start = 0, end = values.length) {
    const view = new Uint32Array(values.buffer, values.byteOffset + 8 * start, 2 * (end - start));
    const registers = this.registers;
    const shift = 32 - this.p;
    const p = this.p;
    const overflowRank = this.rankBits + 1;
    for (let i = 0, j = 0; i < end - start; i++, j += 2) {
      const lo = view[j];
      let hi = view[j + 1];
      if ((hi & 2146435072) === 2146435072 && ((hi & 1048575) !== 0 || lo !== 0)) continue;
      if (lo === 0 && hi === 2147483648) hi = 0;
      murmur3WordsTwice(lo, hi, SEED_A, SEED_B, hashes);
      const a = hashes[0];
      const b = hashes[1];
      const index = a >>> shift;
      let rank;
      if (b !== 0) rank = Math.clz32(b) + 1;
      else {
        const rest = a << p >>> 0;
        rank = rest !== 0 ? 33 + Math.clz32(rest) : overflowRank;
      }
      if (rank > registers[index]) registers[index] = rank;
    }
  }
  /** Estimated number of distinct items (Ertl's improved raw estimator). */
  estimate() {
    const m = this.registers.length;
    const q = this.rankBits;
    const histogram = new Float64Array(q + 2);
    for (let i = 0; i < m; i++) histogram[this.registers[i]]++;
    let z12 = m * tau(1 - histogram[q + 1] / m);
    for (let k = q; k >= 1; k--) z12 = 0.5 * (z12 + histogram[k]);
    z12 += m * sigma(histogram[0] / m);
    return m * m / (2 * Math.LN2 * z12);
  }
  /** Folds `other` (same precision) into this sketch: register-wise maximum. */
  merge(other) {
    if (other.p !== this.p) throw new RangeError(`cannot merge HyperLogLog sketches with p=${this.p} and p=${other.p}`);
    const mine = this.registers;
    const theirs = other.registers;
    for (let i = 0; i < mine.length; i++) if (theirs[i] > mine[i]) mine[i] = theirs[i];
    return this;
  }
  clone() {
    const copy = new _HyperLogLog(this.p);
    copy.registers.set(this.registers);
    return copy;
  }
  toJSON() {
    return { p: this.p, registers: Buffer.from(this.registers.buffer, this.registers.byteOffset, this.registers.length).toString("base64") };
  }
  /** Restores a sketch; throws RangeError when the registers do not fit the precision. */
  static fromJSON(json) {
    const sketch = new _HyperLogLog(json.p);
    const bytes = Buffer.from(json.registers, "base64");
    if (bytes.length !== sketch.registers.length) {
      throw new RangeError(`HyperLogLog p=${json.p} needs ${sketch.registers.length} registers, got ${bytes.length}`);
    }
    const maxRank = sketch.rankBits + 1;
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] > maxRank) throw new RangeError(`HyperLogLog register ${i} holds ${bytes[i]}, above ${maxRank}`);
    }
    sketch.registers.set(bytes);
    return sketch;
  }
};

// shared/stats/top-k.ts
var TYPE_ORDER = { boolean: 0, number: 1, string: 2 };
function compareValues(a, b) {
  const ta = TYPE_ORDER[typeof a];
  const tb = TYPE_ORDER[typeof b];
  if (ta !== tb) return ta - tb;
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
function byCountThenValue(a, b) {
  return b.count - a.count || compareValues(a.value, b.value);
}
function checkValue(value) {
  const type = typeof value;
  if (type === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`top-K numbers must be finite, got ${value}`);
  } else if (type !== "string" && type !== "boolean") {
    throw new TypeError(`top-K values are strings, numbers or booleans, got ${type}`);
  }
}
var TopK = class _TopK {
  capacity;
  total = 0;
  maxError = 0;
  counters = /* @__PURE__ */ new Map();
  constructor(capacity = 100) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`top-K capacity must be a positive integer, got ${capacity}`);
    this.capacity = capacity;
  }
  /** True while every count is exact. */
  get exact() {
    return this.maxError === 0 && this.counters.size <= this.capacity;
  }
  /** Adds `count` (a positive integer, default 1) occurrences of `value`. */
  add(value, count2 = 1) {
    checkValue(value);
    if (!Number.isSafeInteger(count2) || count2 < 0) throw new RangeError(`top-K counts must be non-negative integers, got ${count2}`);
    if (count2 === 0) return;
    if (typeof value === "number" && value === 0) value = 0;
    this.total += count2;
    this.counters.set(value, (this.counters.get(value) ?? 0) + count2);
    if (this.counters.size > 2 * this.capacity) this.trim();
  }
  /** Keeps the `capacity` largest counters; the largest dropped count joins maxError. */
  trim() {
    if (this.counters.size <= this.capacity) return;
    const items = this.sortedItems();
    const dropped = items[this.capacity].count;
    this.maxError += dropped;
    this.counters = new Map(items.slice(0, this.capacity).map((item) => [item.value, item.count]));
  }
  sortedItems() {
    return Array.from(this.counters, ([value, count2]) => ({ value, count: count2 })).sort(byCountThenValue);
  }
  /** Lower bound on the frequency of `value` (0 if unlisted). */
  lowerBound(value) {
    return this.counters.get(value) ?? 0;
  }
  /** Upper bound on the frequency of `value`. */
  upperBound(value) {
    return this.lowerBound(value) + this.maxError;
  }
  /** At most `capacity` items, most frequent first (ties by value). */
  items() {
    this.trim();
    return this.sortedItems();
  }
  /** Folds another summary into this one (capacities may differ; this one's is kept). */
  merge(other) {
    this.total += other.total;
    this.maxError += other.maxError;
    for (const [value, count2] of other.counters) this.counters.set(value, (this.counters.get(value) ?? 0) + count2);
    this.trim();
    return this;
  }
  toJSON() {
    return { capacity: this.capacity, total: this.total, maxError: this.maxError, items: this.items() };
  }
  /** Restores a summary; throws RangeError/TypeError when the JSON is inconsistent. */
  static fromJSON(json) {
    const topK = new _TopK(json.capacity);
    let listed = 0;
    for (const item of json.items) {
      checkValue(item.value);
      if (!Number.isSafeInteger(item.count) || item.count <= 0) throw new RangeError(`top-K item counts must be positive integers, got ${item.count}`);
      if (topK.counters.has(item.value)) throw new RangeError(`top-K lists ${String(item.value)} twice`);
      topK.counters.set(item.value, item.count);
      listed += item.count;
    }
    if (json.items.length > json.capacity) throw new RangeError(`top-K lists ${json.items.length} items, above its capacity ${json.capacity}`);
    if (!Number.isSafeInteger(json.total) || json.total < listed) throw new RangeError(`top-K total ${json.total} is below the listed counts (${listed})`);
    if (!(json.maxError >= 0) || !Number.isSafeInteger(json.maxError)) throw new RangeError(`top-K maxError must be a non-negative integer, got ${json.maxError}`);
    topK.total = json.total;
    topK.maxError = json.maxError;
    return topK;
  }
  /**
   * Summary of exact counts (e.g. a profile's per-category tallies): the
   * `capacity` largest are kept exactly and maxError is the largest count left out.
   */
  static fromCounts(entries, capacity = 100) {
    const topK = new _TopK(capacity);
    for (const [value, count2] of entries) {
      checkValue(value);
      if (!Number.isSafeInteger(count2) || count2 < 0) throw new RangeError(`top-K counts must be non-negative integers, got ${count2}`);
      if (count2 === 0) continue;
      topK.total += count2;
      topK.counters.set(value, (topK.counters.get(value) ?? 0) + count2);
    }
    topK.trim();
    return topK;
  }
};

// shared/stats/buckets.ts
function validateEdges(edges) {
  for (let i = 0; i < edges.length; i++) {
    if (!Number.isFinite(edges[i])) throw new RangeError(`bin edges must be finite; edge ${i} is ${edges[i]}`);
    if (i > 0 && !(edges[i] > edges[i - 1])) throw new RangeError(`bin edges must be strictly increasing; edge ${i} (${edges[i]}) <= ${edges[i - 1]}`);
  }
}
function binIndex(edges, x) {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (edges[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
var GRID_CELLS = 4096;
var BucketCounts = class _BucketCounts {
  edges;
  counts;
  /**
   * grid[c] = a lower bound of the bin of any x in grid cell c (the number of
   * edges below the previous cell's start), so a short upward scan finishes
   * the search. Null when there are fewer than 2 edges.
   */
  grid;
  gridScale;
  constructor(edges) {
    validateEdges(edges);
    this.edges = Float64Array.from(edges);
    this.counts = new Float64Array(this.edges.length + 1);
    const m = this.edges.length;
    const span = m >= 2 ? this.edges[m - 1] - this.edges[0] : 0;
    const magnitude = Math.max(Math.abs(this.edges[0]), Math.abs(this.edges[m - 1]));
    if (m >= 2 && Number.isFinite(span) && span / GRID_CELLS > 1e6 * Number.EPSILON * magnitude) {
      this.gridScale = GRID_CELLS / span;
      this.grid = new Int32Array(GRID_CELLS + 1);
      for (let c = 0; c <= GRID_CELLS; c++) {
        const previousStart = this.edges[0] + Math.max(0, c - 1) / this.gridScale;
        this.grid[c] = binIndex(this.edges, previousStart);
      }
    } else {
      this.gridScale = 0;
      this.grid = null;
    }
  }
  /** Number of values counted. */
  get total() {
    let sum2 = 0;
    for (let i = 0; i < this.counts.length; i++) sum2 += this.counts[i];
    return sum2;
  }
  /** Counts one value (NaN is skipped). */
  add(x) {
    if (x !== x) return;
    this.counts[binIndex(this.edges, x)]++;
  }
  /** Counts `values[start..end)`, skipping NaN. */
  addArray(values, start = 0, end = values.length) {
    const grid = this.grid;
    if (grid === null) {
      for (let i = start; i < end; i++) this.add(values[i]);
      return;
    }
    const edges = this.edges;
    const counts = this.counts;
    const m = edges.length;
    const first = edges[0];
    const last = edges[m - 1];
    const scale = this.gridScale;
    for (let i = start; i < end; i++) {
      const x = values[i];
      if (x !== x) continue;
      if (x <= first) counts[0]++;
      else if (x > last) counts[m]++;
      else {
        let bin = grid[Math.min(GRID_CELLS, Math.floor((x - first) * scale))];
        while (edges[bin] < x) bin++;
        counts[bin]++;
      }
    }
  }
  /** Adds another counter's counts; the edges must be identical. */
  merge(other) {
    if (!sameEdges(this.edges, other.edges)) throw new RangeError("cannot merge bucket counts with different edges");
    for (let i = 0; i < this.counts.length; i++) this.counts[i] += other.counts[i];
    return this;
  }
  toJSON() {
    return { edges: Array.from(this.edges), counts: Array.from(this.counts) };
  }
  static fromJSON(json) {
    const buckets = new _BucketCounts(json.edges);
    if (json.counts.length !== buckets.counts.length) {
      throw new RangeError(`${json.edges.length} edges need ${buckets.counts.length} counts, got ${json.counts.length}`);
    }
    json.counts.forEach((c, i) => {
      if (!Number.isSafeInteger(c) || c < 0) throw new RangeError(`bucket count ${i} must be a non-negative integer, got ${c}`);
      buckets.counts[i] = c;
    });
    return buckets;
  }
};
function sameEdges(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// shared/stats/kolmogorov.ts
var EP128 = 2 ** 128;
var EM128 = 2 ** -128;
var LOG_2PI = Math.log(2 * Math.PI);
var SQRT_2PI = Math.sqrt(2 * Math.PI);
var SQRT3 = Math.sqrt(3);
var PI_SQUARED = Math.PI ** 2;
var PI_FOUR = Math.PI ** 4;
var PI_SIX = Math.PI ** 6;

// shared/profile/mask.ts
function countMask(mask, length) {
  if (mask === void 0) return 0;
  let total = 0;
  for (let i = 0; i < length; i++) total += mask[i];
  return total;
}

// shared/profile/boolean-accumulator.ts
var BooleanAccumulator = class {
  constructor(name, settings) {
    this.name = name;
    this.settings = settings;
  }
  name;
  settings;
  count = 0;
  nulls = 0;
  invalid = 0;
  trueCount = 0;
  add(column, length) {
    const nulls = countMask(column.nulls, length);
    this.nulls += nulls;
    this.invalid += countMask(column.invalid, length);
    this.count += length - nulls;
    const values = column.values;
    let trues = 0;
    for (let i = 0; i < length; i++) trues += values[i];
    this.trueCount += trues;
  }
  finish() {
    const falseCount = this.count - this.trueCount;
    const present = [];
    if (falseCount > 0) present.push([false, falseCount]);
    if (this.trueCount > 0) present.push([true, this.trueCount]);
    const hll = new HyperLogLog(this.settings.hllPrecision);
    for (const [value] of present) hll.addString(String(value));
    return {
      name: this.name,
      kind: "boolean",
      type: "boolean",
      count: this.count,
      nulls: this.nulls,
      invalid: this.invalid,
      trueCount: this.trueCount,
      distinct: { value: present.length, exact: true, hll: hll.toJSON() },
      exactCounts: { values: present.map(([v]) => v), counts: present.map(([, c]) => c) },
      top: TopK.fromCounts(present, this.settings.topK).toJSON()
    };
  }
};

// shared/profile/frozen-bins.ts
function normalizeBins(bins) {
  const out = {};
  for (const [name, bin] of Object.entries(bins)) {
    const frozen = Array.isArray(bin) ? { kind: "edges", edges: bin } : bin;
    if (frozen.kind === "edges") validateEdges(frozen.edges);
    else {
      try {
        validateEdges(frozen.values);
      } catch {
        throw new RangeError(`category bins for ${name} must be finite and strictly increasing`);
      }
    }
    out[name] = frozen.kind === "edges" ? { kind: "edges", edges: [...frozen.edges] } : { kind: "categories", values: [...frozen.values] };
  }
  return out;
}
function sameFrozenBin(a, b) {
  if (a === null || b === null) return a === b;
  if (a.kind !== b.kind) return false;
  const x = a.kind === "edges" ? a.edges : a.values;
  const y = b.kind === "edges" ? b.edges : b.values;
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
var EdgeCounter = class {
  constructor(edges) {
    this.edges = edges;
    this.buckets = new BucketCounts(edges);
  }
  edges;
  buckets;
  addArray(values, start, end) {
    this.buckets.addArray(values, start, end);
  }
  toJSON() {
    return { kind: "edges", edges: [...this.edges], counts: Array.from(this.buckets.counts) };
  }
};
var CategoryCounter = class {
  constructor(values) {
    this.values = values;
    this.sorted = Float64Array.from(values);
    this.counts = new Float64Array(values.length + 1);
  }
  values;
  sorted;
  counts;
  addArray(values, start, end) {
    const sorted = this.sorted;
    const m = sorted.length;
    const counts = this.counts;
    for (let i = start; i < end; i++) {
      const x = values[i];
      if (x !== x) continue;
      let lo = 0;
      let hi = m;
      while (lo < hi) {
        const mid = lo + hi >> 1;
        if (sorted[mid] < x) lo = mid + 1;
        else hi = mid;
      }
      counts[lo < m && sorted[lo] === x ? lo : m]++;
    }
  }
  toJSON() {
    return { kind: "categories", values: [...this.values], counts: Array.from(this.counts) };
  }
};
function createBinCounter(bin) {
  return bin.kind === "edges" ? new EdgeCounter(bin.edges) : new CategoryCounter(bin.values);
}

// shared/profile/exact-number-counter.ts
var scratch = new Float64Array(1);
var scratchWords2 = new Uint32Array(scratch.buffer);
var ExactNumberCounter = class {
  threshold;
  size = 0;
  keys;
  counts;
  mask;
  constructor(threshold) {
    if (!Number.isInteger(threshold) || threshold < 1) throw new RangeError(`threshold must be a positive integer, got ${threshold}`);
    this.threshold = threshold;
    let capacity = 16;
    while (capacity < 2 * threshold) capacity *= 2;
    this.mask = capacity - 1;
    this.keys = new Float64Array(capacity).fill(Number.NaN);
    this.counts = new Float64Array(capacity);
  }
  /**
   * Counts `values[start..end)`, skipping NaN. Values must be finite. Returns
   * `end`, or the index of the first value that would make the number of
   * distinct values exceed the threshold (that value and the rest are not counted).
   */
  addArray(values, start, end) {
    const words3 = new Uint32Array(values.buffer, values.byteOffset, 2 * values.length);
    const keys = this.keys;
    const counts = this.counts;
    const mask = this.mask;
    for (let i = start; i < end; i++) {
      const x = values[i];
      if (x !== x) continue;
      let lo = words3[2 * i];
      let hi = words3[2 * i + 1];
      if (x === 0) {
        lo = 0;
        hi = 0;
      }
      let h = Math.imul(hi, 2654435761) ^ lo;
      h = Math.imul(h ^ h >>> 16, 2246822507);
      h ^= h >>> 13;
      let slot = h & mask;
      while (true) {
        const key = keys[slot];
        if (key === x) {
          counts[slot]++;
          break;
        }
        if (key !== key) {
          if (this.size === this.threshold) return i;
          keys[slot] = x === 0 ? 0 : x;
          counts[slot] = 1;
          this.size++;
          break;
        }
        slot = slot + 1 & mask;
      }
    }
    return end;
  }
  /** Adds `count` occurrences of finite `x`; returns false (adding nothing) if that would exceed the threshold. */
  addCount(x, count2) {
    if (x !== x || count2 <= 0) return true;
    scratch[0] = x === 0 ? 0 : x;
    let h = Math.imul(scratchWords2[1], 2654435761) ^ scratchWords2[0];
    h = Math.imul(h ^ h >>> 16, 2246822507);
    h ^= h >>> 13;
    let slot = h & this.mask;
    while (true) {
      const key = this.keys[slot];
      if (key === x) {
        this.counts[slot] += count2;
        return true;
      }
      if (key !== key) {
        if (this.size === this.threshold) return false;
        this.keys[slot] = scratch[0];
        this.counts[slot] = count2;
        this.size++;
        return true;
      }
      slot = slot + 1 & this.mask;
    }
  }
  /** Distinct values ascending with their counts. */
  entries() {
    const order = [];
    for (let slot = 0; slot < this.keys.length; slot++) if (this.keys[slot] === this.keys[slot]) order.push(slot);
    order.sort((a, b) => this.keys[a] - this.keys[b]);
    return {
      values: Float64Array.from(order, (slot) => this.keys[slot]),
      counts: Float64Array.from(order, (slot) => this.counts[slot])
    };
  }
};

// shared/profile/number-accumulator.ts
var NumberAccumulator = class {
  constructor(name, type, settings, seed, bin) {
    this.name = name;
    this.type = type;
    this.settings = settings;
    this.kll = new KllSketch({ k: settings.kllK, seed });
    this.exact = new ExactNumberCounter(settings.distinctThreshold);
    this.binCounter = bin === void 0 ? null : createBinCounter(bin);
  }
  name;
  type;
  settings;
  count = 0;
  nulls = 0;
  invalid = 0;
  positiveInfinity = 0;
  negativeInfinity = 0;
  moments = new Moments();
  kll;
  hll = null;
  exact;
  binCounter;
  scratch = new Float64Array(0);
  add(column, length) {
    const nulls = countMask(column.nulls, length);
    this.nulls += nulls;
    this.invalid += countMask(column.invalid, length);
    this.count += length - nulls;
    const values = column.values;
    this.binCounter?.addArray(values, 0, length);
    const infinities = this.moments.addArray(values, 0, length);
    const finite4 = infinities > 0 ? this.withoutInfinities(values, length) : values;
    let from = 0;
    if (this.exact !== null) {
      from = this.exact.addArray(finite4, 0, length);
      if (from === length) return;
      this.leaveExactMode();
    }
    this.kll.addArray(finite4, from, length);
    this.hll.addNumbers(finite4, from, length);
  }
  /** Copy with infinities turned into NaN (skipped downstream), counting them. */
  withoutInfinities(values, length) {
    if (this.scratch.length < length) this.scratch = new Float64Array(length);
    const out = this.scratch;
    for (let i = 0; i < length; i++) {
      const x = values[i];
      if (x === Number.POSITIVE_INFINITY) {
        this.positiveInfinity++;
        out[i] = Number.NaN;
      } else if (x === Number.NEGATIVE_INFINITY) {
        this.negativeInfinity++;
        out[i] = Number.NaN;
      } else {
        out[i] = x;
      }
    }
    return out;
  }
  /** Too many distinct values: hand the exact counts to the sketches and stream from now on. */
  leaveExactMode() {
    const { values, counts } = this.exact.entries();
    this.exact = null;
    this.kll.addWeighted(values, counts);
    this.hll = new HyperLogLog(this.settings.hllPrecision);
    for (let i = 0; i < values.length; i++) this.hll.addNumber(values[i]);
  }
  finish() {
    const moments = this.moments;
    const finite4 = moments.count;
    let distinct;
    let exactCounts = null;
    let top = null;
    const kll = KllSketch.fromJSON(this.kll.toJSON());
    if (this.exact !== null) {
      const { values, counts } = this.exact.entries();
      kll.addWeighted(values, counts);
      const hll = new HyperLogLog(this.settings.hllPrecision);
      for (let i = 0; i < values.length; i++) hll.addNumber(values[i]);
      distinct = { value: values.length, exact: true, hll: hll.toJSON() };
      exactCounts = { values: Array.from(values), counts: Array.from(counts) };
      top = TopK.fromCounts(
        Array.from(values, (v, i) => [v, counts[i]]),
        this.settings.topK
      ).toJSON();
    } else {
      const hll = this.hll;
      distinct = { value: Math.round(hll.estimate()), exact: false, hll: hll.toJSON() };
    }
    return {
      name: this.name,
      kind: "number",
      type: this.type,
      count: this.count,
      nulls: this.nulls,
      invalid: this.invalid,
      min: finite4 > 0 ? moments.min : null,
      max: finite4 > 0 ? moments.max : null,
      mean: finite4 > 0 ? moments.mean : null,
      variance: finite4 > 1 ? moments.variance() : null,
      std: finite4 > 1 ? moments.std() : null,
      moments: moments.toJSON(),
      infinite: { positive: this.positiveInfinity, negative: this.negativeInfinity },
      quantiles: kll.toJSON(),
      distinct,
      exactCounts,
      top,
      bins: this.binCounter?.toJSON() ?? null
    };
  }
};

// shared/profile/string-accumulator.ts
function largestIndexes(counts, size, k) {
  const heap = [];
  const less = (a, b) => counts[a] < counts[b] || counts[a] === counts[b] && a > b;
  const siftDown = (i) => {
    while (true) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l], heap[m])) m = l;
      if (r < heap.length && less(heap[r], heap[m])) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  for (let code = 0; code < size; code++) {
    if (counts[code] === 0) continue;
    if (heap.length < k) {
      heap.push(code);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = i - 1 >> 1;
        if (!less(heap[i], heap[parent])) break;
        [heap[i], heap[parent]] = [heap[parent], heap[i]];
        i = parent;
      }
    } else if (less(heap[0], code)) {
      heap[0] = code;
      siftDown(0);
    }
  }
  return heap;
}
var StringAccumulator = class {
  constructor(name, type, settings) {
    this.name = name;
    this.type = type;
    this.settings = settings;
  }
  name;
  type;
  settings;
  count = 0;
  nulls = 0;
  invalid = 0;
  dictionary = null;
  codeCounts = new Float64Array(64);
  /** Counts from batches of earlier dictionaries. */
  textCounts = /* @__PURE__ */ new Map();
  add(column, length) {
    const nulls = countMask(column.nulls, length);
    this.nulls += nulls;
    this.invalid += countMask(column.invalid, length);
    this.count += length - nulls;
    if (this.dictionary !== column.dictionary) {
      this.foldCodes();
      this.dictionary = column.dictionary;
    }
    if (this.codeCounts.length < column.dictionary.length) this.grow(column.dictionary.length);
    let counts = this.codeCounts;
    const codes = column.codes;
    for (let i = 0; i < length; i++) {
      const code = codes[i];
      if (code < 0) continue;
      if (code >= counts.length) {
        this.grow(code + 1);
        counts = this.codeCounts;
      }
      counts[code]++;
    }
  }
  grow(size) {
    const bigger = new Float64Array(Math.max(size, 2 * this.codeCounts.length));
    bigger.set(this.codeCounts);
    this.codeCounts = bigger;
  }
  foldCodes() {
    const dictionary = this.dictionary;
    if (dictionary === null) return;
    const counts = this.codeCounts;
    for (let code = 0; code < counts.length; code++) {
      if (counts[code] === 0) continue;
      const text = dictionary[code];
      this.textCounts.set(text, (this.textCounts.get(text) ?? 0) + counts[code]);
    }
    this.codeCounts = new Float64Array(64);
  }
  finish() {
    let entries;
    let topEntries;
    if (this.textCounts.size === 0 && this.dictionary !== null) {
      const dictionary = this.dictionary;
      const counts = this.codeCounts;
      const size = Math.min(counts.length, dictionary.length);
      entries = [];
      for (let code = 0; code < size; code++) if (counts[code] > 0) entries.push([dictionary[code], counts[code]]);
      topEntries = largestIndexes(counts, size, this.settings.topK + 1).map((code) => [dictionary[code], counts[code]]);
    } else {
      this.foldCodes();
      entries = Array.from(this.textCounts);
      topEntries = entries;
    }
    const hll = new HyperLogLog(this.settings.hllPrecision);
    for (const [text] of entries) hll.addString(text);
    const exact = entries.length <= this.settings.distinctThreshold;
    let exactCounts = null;
    if (exact) {
      entries.sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
      exactCounts = { values: entries.map(([v]) => v), counts: entries.map(([, c]) => c) };
    }
    const top = TopK.fromCounts(topEntries, this.settings.topK);
    top.total = this.count;
    return {
      name: this.name,
      kind: "string",
      type: this.type,
      count: this.count,
      nulls: this.nulls,
      invalid: this.invalid,
      distinct: { value: exact ? entries.length : Math.round(hll.estimate()), exact, hll: hll.toJSON() },
      exactCounts,
      top: top.toJSON()
    };
  }
};

// shared/profile/types.ts
var PROFILE_SCHEMA = "tollgate.profile/v1";
var DEFAULT_SETTINGS = { distinctThreshold: 4096, topK: 50, kllK: 200, hllPrecision: 14 };

// shared/profile/builder.ts
function checkSettings(settings) {
  const { distinctThreshold, topK, kllK, hllPrecision } = settings;
  if (!Number.isInteger(distinctThreshold) || distinctThreshold < 1) throw new RangeError(`distinctThreshold must be a positive integer, got ${distinctThreshold}`);
  if (!Number.isInteger(topK) || topK < 1) throw new RangeError(`topK must be a positive integer, got ${topK}`);
  if (!Number.isInteger(kllK) || kllK < 8 || kllK > 65535) throw new RangeError(`kllK must be an integer in 8..65535, got ${kllK}`);
  if (!Number.isInteger(hllPrecision) || hllPrecision < 4 || hllPrecision > 18) throw new RangeError(`hllPrecision must be an integer in 4..18, got ${hllPrecision}`);
}
var ProfileBuilder = class {
  settings;
  bins;
  seed;
  accumulators = null;
  fields = [];
  rowCount = 0;
  finished = false;
  constructor(options4 = {}) {
    this.settings = {
      distinctThreshold: options4.distinctThreshold ?? DEFAULT_SETTINGS.distinctThreshold,
      topK: options4.topK ?? DEFAULT_SETTINGS.topK,
      kllK: options4.kllK ?? DEFAULT_SETTINGS.kllK,
      hllPrecision: options4.hllPrecision ?? DEFAULT_SETTINGS.hllPrecision
    };
    checkSettings(this.settings);
    this.bins = normalizeBins(options4.bins ?? {});
    this.seed = options4.seed ?? 1;
    if (!Number.isSafeInteger(this.seed)) throw new RangeError(`seed must be a safe integer, got ${this.seed}`);
    if (options4.schema !== void 0) this.createAccumulators(options4.schema.fields);
  }
  /** Rows added so far. */
  get rows() {
    return this.rowCount;
  }
  createAccumulators(fields) {
    const names = /* @__PURE__ */ new Set();
    for (const field of fields) {
      if (names.has(field.name)) throw new RangeError(`column ${JSON.stringify(field.name)} appears twice`);
      names.add(field.name);
    }
    for (const [name, bin] of Object.entries(this.bins)) {
      const field = fields.find((f) => f.name === name);
      if (field === void 0) throw new RangeError(`bins were given for ${JSON.stringify(name)}, which is not a column`);
      if (!isNumberType(field.type)) throw new RangeError(`bins were given for ${JSON.stringify(name)}, a ${field.type} column; only numeric columns take ${bin.kind}`);
    }
    this.fields = fields.map((f) => ({ name: f.name, type: f.type }));
    this.accumulators = fields.map((field, index) => {
      const type = field.type;
      if (type === "boolean") return new BooleanAccumulator(field.name, this.settings);
      if (type === "string" || type === "category") return new StringAccumulator(field.name, type, this.settings);
      return new NumberAccumulator(field.name, type, this.settings, this.seed + index, this.bins[field.name]);
    });
  }
  /** Folds one batch into the profile. */
  add(batch) {
    if (this.finished) throw new RangeError("ProfileBuilder.add after finish()");
    const length = batch.length;
    if (!Number.isInteger(length) || length < 0) throw new RangeError(`batch length must be a non-negative integer, got ${length}`);
    if (this.accumulators === null) this.createAccumulators(batch.columns);
    const accumulators = this.accumulators;
    if (batch.columns.length !== accumulators.length) {
      throw new RangeError(`batch has ${batch.columns.length} columns, the profile has ${accumulators.length}`);
    }
    for (let i = 0; i < accumulators.length; i++) {
      const column = batch.columns[i];
      const field = this.fields[i];
      if (column.name !== field.name || column.type !== field.type) {
        throw new RangeError(`batch column ${i} is ${column.name} (${column.type}), expected ${field.name} (${field.type})`);
      }
      const accumulator = accumulators[i];
      if (accumulator instanceof NumberAccumulator && column.kind === "number") accumulator.add(column, length);
      else if (accumulator instanceof BooleanAccumulator && column.kind === "boolean") accumulator.add(column, length);
      else if (accumulator instanceof StringAccumulator && column.kind === "string") accumulator.add(column, length);
      else throw new RangeError(`batch column ${column.name} has kind ${column.kind}, which does not fit type ${field.type}`);
    }
    this.rowCount += length;
  }
  /** The profile of everything added. The builder cannot be used afterwards. */
  finish() {
    if (this.finished) throw new RangeError("ProfileBuilder.finish called twice");
    this.finished = true;
    const columns2 = (this.accumulators ?? []).map((a) => a.finish());
    return { schema: PROFILE_SCHEMA, rows: this.rowCount, settings: { ...this.settings }, columns: columns2 };
  }
};
function isNumberType(type) {
  return type === "integer" || type === "float" || type === "date" || type === "datetime";
}

// shared/profile/merge.ts
function mismatch(names, detail) {
  const a = names.a ?? "the first profile";
  const b = names.b ?? "the second profile";
  return new InputError(void 0, `cannot merge profiles ${a} and ${b}: ${detail}`);
}
function sameSettings(a, b) {
  return a.distinctThreshold === b.distinctThreshold && a.topK === b.topK && a.kllK === b.kllK && a.hllPrecision === b.hllPrecision;
}
function mergeExactCounts(a, b, threshold) {
  if (a === null || b === null) return null;
  const values = [];
  const counts = [];
  let i = 0;
  let j = 0;
  while (i < a.values.length || j < b.values.length) {
    const order = i >= a.values.length ? 1 : j >= b.values.length ? -1 : compareValues(a.values[i], b.values[j]);
    if (order < 0) {
      values.push(a.values[i]);
      counts.push(a.counts[i++]);
    } else if (order > 0) {
      values.push(b.values[j]);
      counts.push(b.counts[j++]);
    } else {
      values.push(a.values[i]);
      counts.push(a.counts[i++] + b.counts[j++]);
    }
    if (values.length > threshold) return null;
  }
  return { values, counts };
}
function mergeDistinct(a, b, exact) {
  const hll = HyperLogLog.fromJSON(a.hll).merge(HyperLogLog.fromJSON(b.hll));
  return exact !== null ? { value: exact.values.length, exact: true, hll: hll.toJSON() } : { value: Math.round(hll.estimate()), exact: false, hll: hll.toJSON() };
}
function mergeTop(a, b, exact, capacity) {
  if (exact !== null) return TopK.fromCounts(exact.values.map((v, i) => [v, exact.counts[i]]), capacity).toJSON();
  if (a.top === null || b.top === null) return null;
  return TopK.fromJSON(a.top).merge(TopK.fromJSON(b.top)).toJSON();
}
function mergeBins(a, b, name, names) {
  const definition = (bins) => bins === null ? null : bins.kind === "edges" ? { kind: "edges", edges: bins.edges } : { kind: "categories", values: bins.values };
  if (!sameFrozenBin(definition(a), definition(b))) throw mismatch(names, `frozen bins of column ${JSON.stringify(name)} differ`);
  if (a === null || b === null) return null;
  return { ...a, counts: a.counts.map((c, i) => c + b.counts[i]) };
}
function mergeNumber(a, b, settings, names) {
  const moments = Moments.fromJSON(a.moments).merge(b.moments);
  const exactCounts = mergeExactCounts(a.exactCounts, b.exactCounts, settings.distinctThreshold);
  let kll;
  if (exactCounts !== null) {
    kll = new KllSketch({ k: settings.kllK, seed: a.quantiles.seed });
    kll.addWeighted(exactCounts.values, exactCounts.counts);
  } else {
    kll = KllSketch.fromJSON(a.quantiles).merge(KllSketch.fromJSON(b.quantiles));
  }
  const finite4 = moments.count;
  return {
    ...a,
    count: a.count + b.count,
    nulls: a.nulls + b.nulls,
    invalid: a.invalid + b.invalid,
    min: finite4 > 0 ? moments.min : null,
    max: finite4 > 0 ? moments.max : null,
    mean: finite4 > 0 ? moments.mean : null,
    variance: finite4 > 1 ? moments.variance() : null,
    std: finite4 > 1 ? moments.std() : null,
    moments: moments.toJSON(),
    infinite: { positive: a.infinite.positive + b.infinite.positive, negative: a.infinite.negative + b.infinite.negative },
    quantiles: kll.toJSON(),
    distinct: mergeDistinct(a.distinct, b.distinct, exactCounts),
    exactCounts,
    top: mergeTop(a, b, exactCounts, settings.topK),
    bins: mergeBins(a.bins, b.bins, a.name, names)
  };
}
function mergeColumn(a, b, settings, names) {
  if (a.kind === "number" && b.kind === "number") return mergeNumber(a, b, settings, names);
  const exactCounts = mergeExactCounts(a.exactCounts, b.exactCounts, settings.distinctThreshold);
  const merged = {
    ...a,
    count: a.count + b.count,
    nulls: a.nulls + b.nulls,
    invalid: a.invalid + b.invalid,
    distinct: mergeDistinct(a.distinct, b.distinct, exactCounts),
    exactCounts,
    top: mergeTop(a, b, exactCounts, settings.topK)
  };
  if (a.kind === "boolean" && b.kind === "boolean") return { ...merged, trueCount: a.trueCount + b.trueCount };
  return merged;
}
function mergeProfiles(a, b, names = {}) {
  if (!sameSettings(a.settings, b.settings)) {
    throw mismatch(names, `their settings differ (${JSON.stringify(a.settings)} vs ${JSON.stringify(b.settings)})`);
  }
  if (a.columns.length !== b.columns.length) {
    throw mismatch(names, `they have ${a.columns.length} and ${b.columns.length} columns`);
  }
  const columns2 = a.columns.map((ca, i) => {
    const cb = b.columns[i];
    if (ca.name !== cb.name || ca.type !== cb.type) {
      throw mismatch(names, `column ${i + 1} is ${JSON.stringify(ca.name)} (${ca.type}) in one and ${JSON.stringify(cb.name)} (${cb.type}) in the other`);
    }
    return mergeColumn(ca, cb, a.settings, names);
  });
  return { schema: a.schema, rows: a.rows + b.rows, settings: { ...a.settings }, columns: columns2 };
}

// shared/profile/schema.ts
import { z as z7 } from "zod";
var count = z7.number().int().nonnegative();
var finite2 = z7.number().refine(Number.isFinite, "expected a finite number");
var nullableFinite = finite2.nullable();
var momentsSchema = z7.object({ count, mean: finite2, m2: z7.number().nonnegative(), sum: finite2, min: nullableFinite, max: nullableFinite });
var kllSchema = z7.object({
  k: z7.number().int(),
  n: count,
  min: nullableFinite,
  max: nullableFinite,
  seed: z7.number().int(),
  compactions: count,
  sampler: z7.object({ weight: count, position: count, blocks: count }),
  levels: z7.array(z7.array(finite2))
});
var hllSchema = z7.object({ p: z7.number().int(), registers: z7.string() });
var topValue = z7.union([z7.string(), finite2, z7.boolean()]);
var topKSchema = z7.object({ capacity: z7.number().int().positive(), total: count, maxError: count, items: z7.array(z7.object({ value: topValue, count })) });
var exactCountsSchema = z7.object({ values: z7.array(topValue), counts: z7.array(count) }).nullable();
var distinctSchema = z7.object({ value: count, exact: z7.boolean(), hll: hllSchema });
var binSchema = z7.union([
  z7.object({ kind: z7.literal("edges"), edges: z7.array(finite2), counts: z7.array(count) }),
  z7.object({ kind: z7.literal("categories"), values: z7.array(finite2), counts: z7.array(count) })
]).nullable();
var base = {
  name: z7.string(),
  count,
  nulls: count,
  invalid: count,
  distinct: distinctSchema,
  exactCounts: exactCountsSchema,
  top: topKSchema.nullable()
};
var columnSchema = z7.discriminatedUnion("kind", [
  z7.object({
    ...base,
    kind: z7.literal("number"),
    type: z7.enum(["integer", "float", "date", "datetime"]),
    min: nullableFinite,
    max: nullableFinite,
    mean: nullableFinite,
    variance: nullableFinite,
    std: nullableFinite,
    moments: momentsSchema,
    infinite: z7.object({ positive: count, negative: count }),
    quantiles: kllSchema,
    bins: binSchema
  }),
  z7.object({ ...base, kind: z7.literal("boolean"), type: z7.literal("boolean"), trueCount: count }),
  z7.object({ ...base, kind: z7.literal("string"), type: z7.enum(["string", "category"]) })
]);
var profileSchema = z7.object({
  schema: z7.literal(PROFILE_SCHEMA),
  rows: count,
  settings: z7.object({
    distinctThreshold: z7.number().int().positive(),
    topK: z7.number().int().positive(),
    kllK: z7.number().int().min(8).max(65535),
    hllPrecision: z7.number().int().min(4).max(18)
  }),
  columns: z7.array(columnSchema)
});
function pathText(path) {
  let text = "";
  for (const key of path) text += typeof key === "number" ? `[${key}]` : text === "" ? String(key) : `.${String(key)}`;
  return text === "" ? "(top level)" : text;
}
function profileToJSON(profile, options4 = {}) {
  return `${JSON.stringify(profile, null, options4.pretty ? 2 : void 0)}
`;
}
function parseProfile(input, file) {
  let data = input;
  if (typeof input === "string") {
    try {
      data = JSON.parse(input);
    } catch (error) {
      throw new InputError({ file }, `not valid JSON: ${error.message}`);
    }
  }
  const version = data?.schema;
  if (version !== PROFILE_SCHEMA) {
    const detail = typeof version === "string" && version.startsWith("tollgate.profile/") ? `profile format ${version} is not supported; this Tollgate reads ${PROFILE_SCHEMA}` : `not a Tollgate profile: expected "schema": "${PROFILE_SCHEMA}"`;
    throw new InputError({ file }, detail);
  }
  const result2 = profileSchema.safeParse(data);
  if (!result2.success) {
    const issues = result2.error.issues.slice(0, 5).map((issue) => `${pathText(issue.path)}: ${issue.message}`);
    const more = result2.error.issues.length > 5 ? ` (and ${result2.error.issues.length - 5} more)` : "";
    throw new InputError({ file }, `profile does not match ${PROFILE_SCHEMA}: ${issues.join("; ")}${more}`);
  }
  const profile = result2.data;
  profile.columns.forEach((column, index) => {
    try {
      checkColumn(profile, column);
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError({ file }, `columns[${index}] (${column.name}): ${error.message}`);
    }
  });
  const names = /* @__PURE__ */ new Set();
  for (const column of profile.columns) {
    if (names.has(column.name)) throw new InputError({ file }, `column ${JSON.stringify(column.name)} appears twice`);
    names.add(column.name);
  }
  return profile;
}
function sum(values) {
  return values.reduce((s, v) => s + v, 0);
}
function checkColumn(profile, column) {
  const { settings, rows } = profile;
  if (column.count + column.nulls !== rows) throw new Error(`count ${column.count} + nulls ${column.nulls} != rows ${rows}`);
  if (column.invalid > column.nulls) throw new Error(`invalid ${column.invalid} exceeds nulls ${column.nulls}`);
  const hll = HyperLogLog.fromJSON(column.distinct.hll);
  if (hll.p !== settings.hllPrecision) throw new Error(`HyperLogLog precision ${hll.p} differs from settings (${settings.hllPrecision})`);
  let counted = column.count;
  if (column.kind === "number") {
    counted = column.count - column.infinite.positive - column.infinite.negative;
    const moments = Moments.fromJSON(column.moments);
    if (moments.count !== counted) throw new Error(`moments count ${moments.count} != finite values ${counted}`);
    const kll = KllSketch.fromJSON(column.quantiles);
    if (kll.k !== settings.kllK) throw new Error(`quantile sketch k ${kll.k} differs from settings (${settings.kllK})`);
    if (kll.n !== counted) throw new Error(`quantile sketch holds ${kll.n} values, expected ${counted}`);
    if (column.bins !== null) {
      const defining = column.bins.kind === "edges" ? column.bins.edges : column.bins.values;
      for (let i = 1; i < defining.length; i++) if (!(defining[i] > defining[i - 1])) throw new Error("bin definition is not strictly increasing");
      const expectedBins = defining.length + 1;
      if (column.bins.counts.length !== expectedBins) throw new Error(`bins need ${expectedBins} counts, found ${column.bins.counts.length}`);
      if (sum(column.bins.counts) !== column.count) throw new Error(`bin counts sum to ${sum(column.bins.counts)}, expected ${column.count}`);
    }
  }
  if (column.kind === "boolean" && column.trueCount > column.count) throw new Error(`trueCount ${column.trueCount} exceeds count ${column.count}`);
  const exactCounts = column.exactCounts;
  if (column.distinct.exact !== (exactCounts !== null)) throw new Error("distinct.exact must be true exactly when exactCounts is present");
  if (exactCounts !== null) {
    if (exactCounts.values.length !== exactCounts.counts.length) throw new Error("exactCounts has different numbers of values and counts");
    if (exactCounts.values.length > settings.distinctThreshold) throw new Error(`exactCounts lists ${exactCounts.values.length} values, above the threshold ${settings.distinctThreshold}`);
    if (column.distinct.value !== exactCounts.values.length) throw new Error(`distinct.value ${column.distinct.value} != ${exactCounts.values.length} exact values`);
    for (let i = 1; i < exactCounts.values.length; i++) {
      if (!(exactCounts.values[i] > exactCounts.values[i - 1])) throw new Error("exactCounts values must be strictly ascending");
    }
    if (exactCounts.counts.some((c) => c === 0)) throw new Error("exactCounts holds a zero count");
    if (sum(exactCounts.counts) !== counted) throw new Error(`exactCounts sum to ${sum(exactCounts.counts)}, expected ${counted}`);
  }
  if (column.top !== null) {
    const top = TopK.fromJSON(column.top);
    if (top.total !== counted) throw new Error(`top total ${top.total} != ${counted} values`);
  }
}

// shared/profile/profile-table.ts
async function profileTable(path, options4 = {}) {
  const { read, onProgress, ...settings } = options4;
  const reader = await openTable(path, read);
  const builder = new ProfileBuilder({ ...settings, schema: reader.schema });
  try {
    for await (const batch of reader) {
      builder.add(batch);
      onProgress?.(builder.rows);
    }
  } finally {
    await reader.close();
  }
  return builder.finish();
}

// shared/profile/summary.ts
var TOP_SHOWN = 10;
function summarizeProfile(profile) {
  return {
    rows: profile.rows,
    columns: profile.columns.map((column) => {
      const summary = {
        name: column.name,
        type: column.type,
        count: column.count,
        nulls: column.nulls,
        invalid: column.invalid,
        min: null,
        max: null,
        mean: null,
        std: null,
        distinct: column.distinct.value,
        distinct_exact: column.distinct.exact
      };
      if (column.kind === "number") {
        const asDate = column.type === "date" || column.type === "datetime";
        const show2 = (value) => value === null ? null : asDate ? formatDate2(value, column.type) : value;
        summary.min = show2(column.min);
        summary.max = show2(column.max);
        summary.mean = asDate ? null : column.mean;
        summary.std = asDate ? null : column.std;
      } else if (column.kind === "boolean") {
        summary.true_share = column.count > 0 ? column.trueCount / column.count : null;
      }
      if (column.top) {
        const asDate = column.type === "date" || column.type === "datetime";
        summary.top = column.top.items.slice(0, TOP_SHOWN).map((item) => ({
          value: asDate && typeof item.value === "number" ? formatDate2(item.value, column.type) : item.value,
          count: item.count
        }));
      }
      return summary;
    })
  };
}
function formatDate2(epochMs, type) {
  const iso = new Date(epochMs).toISOString();
  return type === "date" ? iso.slice(0, 10) : iso;
}

// shared/profile/parallel.ts
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
async function profileTableParallel(path, options4) {
  const { threads, read = {}, settings = {} } = options4;
  if (!Number.isInteger(threads) || threads < 1) throw new UsageError(`--threads expects a positive whole number, got ${String(threads)}`);
  const probe = await openTable(path, read);
  const schema = probe.schema;
  const splittable = probe.format === "csv" && !path.endsWith(".gz");
  await probe.close();
  if (threads === 1 || !splittable) return profileTable(path, { ...settings, read });
  const types = {};
  for (const field of schema.fields) types[field.name] = field.type;
  const ranges = await splitCsvRanges(path, threads, { delimiter: read.delimiter });
  const profiles = await Promise.all(
    ranges.map((range) => runWorker(options4.workerUrl, { kind: "tollgate-profile-range", path, range, read: { ...read, types }, settings }))
  );
  return profiles.reduce((merged, next) => mergeProfiles(merged, next));
}
function runWorker(url, task) {
  return new Promise((resolve16, reject) => {
    const worker = new Worker(url, { workerData: task });
    worker.once("message", (reply) => {
      void worker.terminate();
      if (reply.ok) resolve16(reply.profile);
      else reject(reply.userFacing ? new UsageError(reply.message) : new Error(reply.message));
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`profile worker exited with code ${code}`));
    });
  });
}

// cli/commands/profile.ts
var usage2 = `Usage: tollgate profile <data> [--json] [--out profile.json] [--threads N]
       tollgate profile merge <a.json> <b.json> [...] [--out merged.json] [--json]

Profiles a data file in one streaming pass: per column type, count (non-null),
nulls, min, max, mean, std (sample), distinct (exact while few, else within
about 2%), top values. --out writes the full mergeable profile
(tollgate.profile/v1); profiles of shards merge into the profile of the whole.
--threads N reads an uncompressed CSV in N parts at once (quoted fields must
not contain line breaks); other formats use one thread.`;
var profileCommand = {
  name: "profile",
  summary: "profile a data file, or merge profiles of shards",
  usage: usage2,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { json: { type: "boolean" }, out: { type: "string", short: "o" }, format: { type: "string" }, delimiter: { type: "string" }, threads: { type: "string" } },
      usage2
    );
    const first = requirePositional(positionals, 0, "the data file", usage2);
    let profile;
    if (first === "merge") {
      const files = positionals.slice(1);
      if (files.length < 2) throw new UsageError(`profile merge needs at least two profile files

${usage2}`);
      const profiles = await Promise.all(files.map((file) => readProfile(resolve2(io.cwd, file), file)));
      profile = profiles.reduce((merged, next, index) => mergeWithContext(merged, next, files[index + 1]));
    } else {
      if (positionals.length > 1) throw new UsageError(`expected one data file, got ${positionals.length}

${usage2}`);
      profile = await profileTableParallel(resolve2(io.cwd, first), {
        threads: parsePositiveInteger(values.threads, "--threads", 1),
        // The bundled command line ships its worker script next to itself.
        workerUrl: new URL("./profile-worker.js", import.meta.url),
        read: { format: values.format, delimiter: values.delimiter }
      });
    }
    if (values.out) {
      try {
        await writeFile(resolve2(io.cwd, values.out), profileToJSON(profile, { pretty: true }));
      } catch (error) {
        throw new InputError({ file: values.out }, `cannot write the profile (${error.message})`);
      }
    }
    const summary = summarizeProfile(profile);
    if (values.json) writeJson(io, summary);
    else printSummary(io, summary);
    return 0;
  }
};
async function readProfile(path, shown) {
  let text;
  try {
    text = await readFile2(path, "utf8");
  } catch (error) {
    throw new InputError({ file: shown }, describeReadFailure(error));
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError({ file: shown }, `not JSON (${error.message}); expected a profile written by \`tollgate profile --out\``);
  }
  return parseProfile(json, shown);
}
function mergeWithContext(a, b, file) {
  try {
    return mergeProfiles(a, b);
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) throw new InputError({ file }, `cannot merge: ${error.message}`);
    throw error;
  }
}
function printSummary(io, summary) {
  const rows = summary.columns.map((column) => [
    column.name,
    column.type,
    displayValue(column.count),
    displayValue(column.nulls),
    displayValue(column.min),
    displayValue(column.max),
    displayValue(column.mean),
    displayValue(column.std),
    `${column.distinct_exact ? "" : "~"}${displayValue(column.distinct)}`,
    column.top ? column.top.slice(0, 3).map((item) => `${item.value} (${item.count})`).join(", ") : ""
  ]);
  io.stdout.write(`${summary.rows.toLocaleString("en-US")} rows

${textTable(["column", "type", "count", "nulls", "min", "max", "mean", "std", "distinct", "top"], rows, 32)}
`);
}

// cli/commands/contract.ts
import { writeFile as writeFile2 } from "node:fs/promises";
import { resolve as resolve3 } from "node:path";

// shared/contract/schema.ts
import { z as z8 } from "zod";
var severitySchema = z8.enum(["error", "warn"], { error: "expected error or warn" });
var finite3 = (what) => z8.number({ error: `expected ${what} (a number)` }).refine(Number.isFinite, "expected a finite number");
function rule(value) {
  return z8.union([value, z8.object({ value, severity: severitySchema.optional() }).strict()], {
    error: "expected a value, or {value: ..., severity: error|warn}"
  });
}
var boundsSchema2 = z8.object({ min: finite3("a lower bound").optional(), max: finite3("an upper bound").optional(), severity: severitySchema.optional() }).strict().refine((bounds) => bounds.min !== void 0 || bounds.max !== void 0, "give min, max or both").refine((bounds) => bounds.min === void 0 || bounds.max === void 0 || bounds.min <= bounds.max, "min must not exceed max");
var quantileSchema = z8.object({
  q: z8.number({ error: "expected q, a probability between 0 and 1" }).min(0).max(1),
  min: finite3("a lower bound").optional(),
  max: finite3("an upper bound").optional(),
  severity: severitySchema.optional()
}).strict().refine((bounds) => bounds.min !== void 0 || bounds.max !== void 0, "give min, max or both");
var lengthSchema = z8.union(
  [
    z8.number().int().nonnegative(),
    z8.object({ min: z8.number().int().nonnegative().optional(), max: z8.number().int().nonnegative().optional(), severity: severitySchema.optional() }).strict()
  ],
  { error: "expected a length (whole number) or {min, max}" }
);
var regexSchema = z8.string().superRefine((text, context) => {
  try {
    new RegExp(text, "u");
  } catch (error) {
    context.addIssue({ code: "custom", message: `not a valid regular expression: ${error.message}` });
  }
});
var columnRulesSchema = z8.object({
  type: rule(z8.enum(COLUMN_TYPES, { error: `expected one of ${COLUMN_TYPES.join(", ")}` })).optional(),
  nullable: rule(z8.boolean()).optional(),
  max_null_fraction: rule(z8.number().min(0).max(1)).optional(),
  min: rule(finite3("the minimum")).optional(),
  max: rule(finite3("the maximum")).optional(),
  allowed: rule(z8.array(z8.union([z8.string(), z8.number(), z8.boolean()])).min(1)).optional(),
  pattern: rule(regexSchema).optional(),
  unique: rule(z8.boolean()).optional(),
  length: lengthSchema.optional(),
  mean: boundsSchema2.optional(),
  std: boundsSchema2.optional(),
  quantile: z8.union([quantileSchema, z8.array(quantileSchema).min(1)], { error: "expected {q, min, max} or a list of them" }).optional(),
  severity: severitySchema.optional(),
  description: z8.string().optional()
}).strict();
var durationSchema2 = z8.string().regex(/^\d+(\.\d+)?(s|m|h|d|w)$/, "expected a duration such as 36h, 30d or 2w");
var datasetRulesSchema = z8.object({
  rows: z8.object({ min: z8.number().int().nonnegative().optional(), max: z8.number().int().nonnegative().optional(), severity: severitySchema.optional() }).strict().optional(),
  columns: rule(z8.enum(["exact", "superset"], { error: "expected exact or superset" })).optional(),
  unique: rule(z8.array(z8.string()).min(1)).optional(),
  freshness: z8.object({ column: z8.string(), max_age: durationSchema2, severity: severitySchema.optional() }).strict().optional(),
  severity: severitySchema.optional()
}).strict();
var contractSchema = z8.object({
  $schema: z8.string().optional(),
  version: z8.literal(1, { error: "expected version: 1" }),
  description: z8.string().optional(),
  dataset: datasetRulesSchema.default({}),
  columns: z8.record(z8.string(), columnRulesSchema.nullable().transform((rules) => rules ?? {}))
}).strict();
function ruleValue(written) {
  if (written === void 0) return void 0;
  if (typeof written === "object" && written !== null && !Array.isArray(written) && "value" in written) {
    return written;
  }
  return { value: written };
}

// shared/contract/load.ts
function loadContract(file) {
  return loadYamlFile(file, contractSchema);
}
function parseContract(text, file = "contract.yml") {
  return parseYaml(text, file, contractSchema);
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
function rowsText(count2) {
  return `${count2.toLocaleString("en-US")} row${count2 === 1 ? "" : "s"}`;
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
    const { count: count2 } = this.violations;
    const top = [...this.unexpected.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
    return result(this.context, {
      observed: count2 === 0 ? "only allowed values" : Object.fromEntries(top),
      expected: this.allowed,
      violations: this.violations,
      message: count2 === 0 ? "only allowed values" : `${rowsText(count2)} outside the allowed values (${top.map(([value, n]) => `${JSON.stringify(value)} x${n}`).join(", ")})`
    });
  }
};

// shared/contract/rules/freshness.ts
var UNIT_MS2 = { s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };
function parseDuration2(text) {
  const match = /^(\d+(?:\.\d+)?)(s|m|h|d|w)$/.exec(text);
  if (!match) throw new RangeError(`not a duration: ${text}`);
  return Number(match[1]) * UNIT_MS2[match[2]];
}
function formatDuration2(ms) {
  const days = ms / UNIT_MS2.d;
  if (Math.abs(days) >= 1) return `${days.toFixed(1)}d`;
  return `${(ms / UNIT_MS2.h).toFixed(1)}h`;
}
var FreshnessCheck = class {
  constructor(setup, column, index, maxAge, now) {
    this.setup = setup;
    this.column = column;
    this.index = index;
    this.maxAge = maxAge;
    this.now = now;
  }
  setup;
  column;
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
      return result(this.setup, { ok: false, observed: null, expected, message: `no dates in ${this.column}` });
    }
    const age = this.now.getTime() - this.newest;
    const ok = age <= parseDuration2(this.maxAge);
    const newest = new Date(this.newest).toISOString();
    return result(this.setup, {
      ok,
      observed: newest,
      expected,
      message: `newest ${this.column} is ${newest} (${formatDuration2(age)} old)${ok ? "" : `, older than ${this.maxAge}`}`
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
    const { count: count2 } = this.violations;
    const expected = this.min === this.max ? `${this.min}` : `${this.min}..${this.max === Infinity ? "" : this.max}`;
    const observed = this.shortest === Infinity ? null : this.shortest === this.longest ? `${this.shortest}` : `${this.shortest}..${this.longest}`;
    return result(this.context, {
      observed,
      expected,
      violations: this.violations,
      message: count2 === 0 ? `lengths ${observed ?? "n/a"}` : `${rowsText(count2)} with a length outside ${expected}`
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
  constructor(context, nullable2) {
    this.context = context;
    this.nullable = nullable2;
  }
  context;
  nullable;
  violations = new Violations();
  observe(batch) {
    if (this.nullable) return;
    forEachNull(batch, this.context.index, (row) => this.violations.add(batch, row, null));
  }
  finish() {
    const { count: count2 } = this.violations;
    return result(this.context, {
      observed: `${count2} null${count2 === 1 ? "" : "s"}`,
      expected: this.nullable ? "nulls allowed" : "no nulls",
      violations: this.violations,
      message: count2 === 0 ? "no missing values" : `${rowsText(count2)} missing a value`
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
    const { count: count2 } = this.violations;
    return result(this.context, {
      observed: count2 === 0 ? "all match" : `${count2} not matching`,
      expected: this.pattern,
      violations: this.violations,
      message: count2 === 0 ? "every value matches" : `${rowsText(count2)} not matching ${this.pattern}`
    });
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
    const { count: count2, mean } = this.moments;
    const value = this.statistic === "mean" ? count2 > 0 ? mean : Number.NaN : count2 > 1 ? Math.sqrt(this.moments.m2 / (count2 - 1)) : Number.NaN;
    const expected = boundsText(this.bounds);
    if (Number.isNaN(value)) {
      return result(this.context, {
        ok: false,
        observed: null,
        expected,
        message: `${this.statistic} is undefined with ${count2} present value${count2 === 1 ? "" : "s"}`
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
    const { count: count2 } = this.violations;
    const word = this.side === "min" ? "below" : "above";
    const observed = Number.isNaN(this.extreme) ? null : this.extreme;
    return result(this.context, {
      observed,
      expected: `${this.side === "min" ? ">=" : "<="} ${this.bound}`,
      violations: this.violations,
      message: count2 === 0 ? `${this.side} is ${observed ?? "n/a"}` : `${rowsText(count2)} ${word} ${this.bound} (observed ${this.side} ${observed})`
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
    const { count: count2 } = this.violations;
    let message;
    if (!this.compatible) message = `column is ${this.observedType}, expected ${this.declared}`;
    else if (count2 > 0) message = `${rowsText(count2)} not readable as ${this.declared}`;
    else message = `all values are ${this.declared}`;
    return result(this.context, {
      ok: this.compatible && count2 === 0,
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
var scratch2 = new Float64Array(1);
var words2 = new Uint32Array(scratch2.buffer);
var KeyHasher = class {
  high = 0;
  low = 0;
  reset() {
    this.high = 2166136261;
    this.low = 16777619;
  }
  /** Adds a number (a float value, a dictionary code, a boolean as 0/1). */
  addNumber(value) {
    scratch2[0] = value === 0 ? 0 : value;
    this.mix(words2[0]);
    this.mix(words2[1]);
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
    const columns2 = this.indexes.map((index) => batch.columns[index]);
    const hasher = this.hasher;
    for (let row = 0; row < batch.length; row++) {
      hasher.reset();
      for (const column of columns2) {
        if (column.nulls[row]) hasher.addNull();
        else if (column.kind === "string") hasher.addNumber(column.codes[row]);
        else hasher.addNumber(column.values[row]);
      }
      hasher.finish();
      if (!this.seen.add(hasher.high, hasher.low)) {
        const value = columns2.length === 1 ? cellValue(columns2[0], row) : columns2.map((column) => String(cellValue(column, row))).join(", ");
        this.violations.add(batch, row, value);
      }
    }
  }
  finish(rows) {
    const { count: count2 } = this.violations;
    const key = this.names.join(", ");
    return result(this.setup, {
      observed: `${this.seen.size} distinct of ${rows}`,
      expected: `unique ${key}`,
      violations: this.violations,
      message: count2 === 0 ? `${key} is unique` : `${rowsText(count2)} repeating an earlier ${key}`
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
    const setup = datasetSetup("freshness", freshness.severity, ["freshness"]);
    planned.push({ check: new FreshnessCheck(setup, freshness.column, indexOf.get(freshness.column), freshness.max_age, now) });
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
    const nullable2 = ruleValue(columnRules.nullable);
    if (nullable2 && !nullable2.value) planned.push({ check: new NullableCheck(context("nullable", nullable2.severity), false) });
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
async function validateData(dataPath, contract, options4 = {}) {
  const types = {};
  for (const [name, rules] of Object.entries(contract.value.columns)) {
    const type = ruleValue(rules.type);
    if (type) types[name] = type.value;
  }
  const reader = await openTable(dataPath, { ...options4.read, types });
  const checks = [schemaCheck(contract, reader.schema.fields.map((field) => field.name))];
  const planned = buildChecks(contract, reader.schema, options4.now ?? /* @__PURE__ */ new Date());
  let rows = 0;
  try {
    for await (const batch of reader) {
      for (const { check } of planned) check.observe(batch);
      rows += batch.length;
      options4.onProgress?.(rows);
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

// shared/contract/infer.ts
import { stringify } from "yaml";
var MAX_ALLOWED_VALUES = 50;
function inferContract(profile, source2) {
  const columns2 = {};
  const uniqueKeys = [];
  for (const column of profile.columns) {
    const rules = inferColumn(column, profile.rows);
    columns2[column.name] = rules;
    if (rules.unique === true) uniqueKeys.push(column.name);
  }
  const contract = {
    version: 1,
    dataset: {
      rows: { min: Math.max(1, Math.floor(profile.rows / 2)), severity: "warn" },
      columns: "exact",
      ...uniqueKeys.length > 0 ? { unique: [uniqueKeys[0]] } : {}
    },
    columns: columns2
  };
  const body = stringify(contract, { lineWidth: 0, flowCollectionPadding: false, collectionStyle: "block" }).replace(/^columns:\n([\s\S]*)$/m, () => `columns:
${Object.entries(columns2).map(([name, rules]) => `  ${yamlKey(name)}: ${stringify(rules, { collectionStyle: "flow", lineWidth: 0 }).trim()}`).join("\n")}
`);
  return `# yaml-language-server: $schema=https://tollgate.dev/schemas/contract.schema.json
# Inferred by \`tollgate contract infer\` from ${source2} (${profile.rows} rows).
# Review it: bounds marked warn describe this sample only.
${body}`;
}
function inferColumn(column, rows) {
  const rules = { type: column.type };
  if (column.nulls === 0 && rows > 0) rules.nullable = false;
  else if (rows > 0) rules.max_null_fraction = { value: roundUp(Math.min(1, column.nulls / rows * 1.5 + 5e-3), 3), severity: "warn" };
  const idLike = column.distinct.exact && column.distinct.value === column.count && column.count === rows && (column.type === "string" || column.type === "integer");
  if (idLike && rows > 1) rules.unique = true;
  if (column.kind === "number" && column.min !== null && column.max !== null && column.type !== "date" && column.type !== "datetime") {
    rules.min = { value: column.min, severity: "warn" };
    rules.max = { value: column.max, severity: "warn" };
  }
  if (column.kind === "string" && column.exactCounts) {
    const values = column.exactCounts.values.map(String);
    if (!idLike && values.length <= MAX_ALLOWED_VALUES) rules.allowed = values;
    const shape = commonShape(values);
    if (shape) rules.pattern = shape;
  }
  return rules;
}
function commonShape(values) {
  if (values.length < 2) return void 0;
  let shape;
  for (const value of values) {
    const own = shapeOf(value);
    if (own === void 0 || shape !== void 0 && own !== shape) return void 0;
    shape = own;
  }
  return shape;
}
function shapeOf(value) {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(value)) return void 0;
  const parts = value.match(/[0-9]+|[^0-9]+/g) ?? [];
  if (!parts.some((part) => /^[0-9]/.test(part))) return void 0;
  return `^${parts.map((part) => /^[0-9]/.test(part) ? `[0-9]{${part.length}}` : part.replace(/-/g, "\\-")).join("")}$`;
}
function roundUp(value, digits) {
  const scale = 10 ** digits;
  return Math.ceil(value * scale) / scale;
}
function yamlKey(name) {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : JSON.stringify(name);
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

// cli/commands/contract.ts
var usage3 = `Usage: tollgate contract infer <data> [--out contract.yml] [--json]

Writes a starting data contract from the data: types, nullability, unique
keys, category lists and ID patterns as error rules; observed bounds as warn
rules to review. Without --out the contract is printed.`;
var contractCommand = {
  name: "contract",
  summary: "write a starting data contract from data (contract infer)",
  usage: usage3,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { out: { type: "string", short: "o" }, json: { type: "boolean" }, format: { type: "string" } }, usage3);
    const action = requirePositional(positionals, 0, "the subcommand 'infer'", usage3);
    if (action !== "infer") throw new UsageError(`unknown subcommand '${action}'; expected infer

${usage3}`);
    const data = requirePositional(positionals, 1, "the data file", usage3);
    const progress = progressReporter(io, "contract infer");
    const profile = await profileTable(resolve3(io.cwd, data), { read: { format: values.format }, onProgress: progress.update });
    progress.done();
    const text = inferContract(profile, data);
    const parsed = parseContract(text, values.out ?? "contract.yml");
    if (values.out) {
      try {
        await writeFile2(resolve3(io.cwd, values.out), text);
      } catch (error) {
        throw new InputError({ file: values.out }, `cannot write the contract (${error.message})`);
      }
    }
    if (values.json) writeJson(io, { contract: values.out ?? null, rules: parsed.value });
    else if (!values.out) io.stdout.write(text);
    else io.stdout.write(`wrote ${values.out} (${Object.keys(parsed.value.columns).length} columns)
`);
    return 0;
  }
};

// cli/commands/validate.ts
import { writeFile as writeFile3 } from "node:fs/promises";
import { resolve as resolve4 } from "node:path";
var usage4 = `Usage: tollgate validate <data> --contract <file> [--json] [--out report.json] [--fail-on error|warn|never]

Checks a data file (CSV, JSON lines, Parquet, Arrow; .gz for text) against a data contract.
Exit codes: 0 no failing rule at the --fail-on level (default error), 1 a rule failed, 2 usage or input error.`;
var validateCommand = {
  name: "validate",
  summary: "check a data file against a data contract",
  usage: usage4,
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
      usage4
    );
    const data = requirePositional(positionals, 0, "the data file", usage4);
    if (positionals.length > 1) throw new UsageError(`expected one data file, got ${positionals.length}

${usage4}`);
    if (!values.contract) throw new UsageError(`missing --contract <file>

${usage4}`);
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
        await writeFile3(resolvePath(io.cwd, values.out), `${JSON.stringify(report, null, 2)}
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
  return resolve4(cwd, path);
}

// cli/commands/train.ts
import { resolve as resolve14 } from "node:path";

// shared/lineage/hash.ts
import { createHash as createHash2 } from "node:crypto";
import { createReadStream as createReadStream2 } from "node:fs";
var CHUNK_BYTES = 1 << 20;
async function sha256File(file, label = file) {
  const hash = createHash2("sha256");
  let size = 0;
  try {
    for await (const chunk of createReadStream2(file, { highWaterMark: CHUNK_BYTES })) {
      hash.update(chunk);
      size += chunk.length;
    }
  } catch (error) {
    throw new InputError({ file: label }, describeReadFailure(error), { cause: error });
  }
  return { sha256: hash.digest("hex"), size };
}
function sha256Text(text) {
  return createHash2("sha256").update(text, "utf8").digest("hex");
}
function canonicalJson2(value) {
  if (value === null) return "null";
  switch (typeof value) {
    case "number":
      if (!Number.isFinite(value)) throw new RangeError(`canonical JSON cannot hold ${value}`);
      return JSON.stringify(value);
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "object": {
      if (Array.isArray(value)) return `[${value.map((item) => canonicalJson2(item ?? null)).join(",")}]`;
      const record = value;
      const members = Object.keys(record).filter((key) => record[key] !== void 0).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson2(record[key])}`);
      return `{${members.join(",")}}`;
    }
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  }
}

// shared/lineage/paths.ts
import { isAbsolute, relative, resolve as resolve5, sep } from "node:path";
function portablePath(base2, file) {
  const text = relative(base2, resolve5(base2, file));
  if (text === "") return ".";
  return sep === "/" ? text : text.split(sep).join("/");
}
function isWithin(outer, inner) {
  const text = relative(resolve5(outer), resolve5(inner));
  return text === "" || text !== ".." && !text.startsWith(`..${sep}`) && !isAbsolute(text);
}

// shared/lineage/fingerprint.ts
import { stat as stat3 } from "node:fs/promises";
import { createHash as createHash3 } from "node:crypto";
import { resolve as resolve6 } from "node:path";

// shared/lineage/row-count.ts
function isTableFile(file) {
  try {
    detectFormat(file);
    return true;
  } catch {
    return false;
  }
}
async function countTableRows(file) {
  if (!isTableFile(file)) return null;
  const reader = await openTable(file);
  let rows = 0;
  try {
    for await (const batch of reader) rows += batch.length;
  } finally {
    await reader.close();
  }
  return rows;
}

// shared/lineage/walk.ts
import { readdir, realpath, stat as stat2 } from "node:fs/promises";
import { join } from "node:path";
async function listFiles(directory, options4 = {}) {
  const found = [];
  const seen = /* @__PURE__ */ new Set();
  const exclude = options4.exclude ?? [];
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
        if (!options4.skipNames?.has(entry.name)) await visit(absolute);
      } else if (isFile) {
        found.push({ absolute, relative: portablePath(directory, absolute) });
      }
    }
  };
  await visit(directory);
  return found.sort((a, b) => a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0);
}

// shared/lineage/fingerprint.ts
async function fingerprintData(cwd, path, warn = () => {
}) {
  const absolute = resolve6(cwd, path);
  const label = portablePath(cwd, absolute);
  const info2 = await stat3(absolute).catch((error) => {
    throw new InputError({ file: label }, `data ${describeReadFailure(error)}`, { cause: error });
  });
  if (info2.isDirectory()) return fingerprintDirectory(absolute, label, warn);
  const digest = await sha256File(absolute, label);
  return { path: label, kind: "file", sha256: digest.sha256, size: digest.size, rows: await rowsOf(absolute, warn) };
}
async function rowsOf(absolute, warn) {
  try {
    return await countTableRows(absolute);
  } catch (error) {
    if (!isUserFacing(error)) throw error;
    warn(`rows not counted: ${error.message}`);
    return null;
  }
}
async function fingerprintDirectory(absolute, label, warn) {
  const files = await listFiles(absolute);
  const listing = createHash3("sha256");
  let size = 0;
  let rows = files.length > 0 ? 0 : null;
  for (const file of files) {
    const digest = await sha256File(file.absolute, `${label}/${file.relative}`);
    listing.update(`${digest.sha256}  ${file.relative}
`);
    size += digest.size;
    if (rows !== null) {
      const count2 = await rowsOf(file.absolute, warn);
      rows = count2 === null ? null : rows + count2;
    }
  }
  return { path: label, kind: "directory", sha256: listing.digest("hex"), size, files: files.length, rows };
}
async function fingerprintFile(cwd, path) {
  const absolute = resolve6(cwd, path);
  const label = portablePath(cwd, absolute);
  const digest = await sha256File(absolute, label);
  return { path: label, sha256: digest.sha256, size: digest.size };
}

// shared/lineage/git.ts
import { resolve as resolve7 } from "node:path";

// shared/lineage/exec.ts
import { execFile } from "node:child_process";
function execProgram(program, args, options4) {
  return new Promise((resolvePromise) => {
    execFile(
      program,
      args,
      {
        cwd: options4.cwd,
        timeout: options4.timeoutMs ?? 6e4,
        maxBuffer: options4.maxBuffer ?? 256 * 1024 * 1024,
        env: options4.env,
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
  return top.code === 0 ? resolve7(top.stdout.trim()) : null;
}
async function readGitState(cwd, ignore = []) {
  const top = await git(cwd, ["rev-parse", "--show-toplevel"]);
  if (top.code !== 0) {
    const message = top.stderr.trim();
    const normal = top.startError !== void 0 || /not a git repository/i.test(message);
    return { root: null, commit: null, dirty: null, ...normal ? {} : { warning: `git: ${message.split("\n")[0]}` } };
  }
  const root = resolve7(top.stdout.trim());
  const head = await git(root, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]);
  const commit = head.code === 0 ? head.stdout.trim() : null;
  const status = await git(root, ["status", "--porcelain=v1", "-z", "--untracked-files=all"]);
  if (status.code !== 0) return { root, commit, dirty: null, warning: `git status: ${status.stderr.trim().split("\n")[0]}` };
  const changed = changedPaths(status.stdout);
  const dirty = changed.some((path) => !ignore.some((ignored) => isWithin(ignored, resolve7(root, path))));
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
  const CHUNK3 = 500;
  for (let start = 0; start < paths.length; start += CHUNK3) {
    const chunk = paths.slice(start, start + CHUNK3);
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
import { createHash as createHash4 } from "node:crypto";
import { stat as stat4 } from "node:fs/promises";
import { resolve as resolve8 } from "node:path";
var SKIPPED_DIRECTORIES = /* @__PURE__ */ new Set([".git", "node_modules", "__pycache__", ".venv", "venv", ".tollgate-cache", ".mypy_cache", ".pytest_cache"]);
async function fingerprintCode(options4) {
  const declared = (options4.paths ?? []).map((path) => ({ given: path, absolute: resolve8(options4.cwd, path) }));
  for (const path of declared) {
    await stat4(path.absolute).catch((error) => {
      throw new InputError({ file: path.given }, "code path not found", { cause: error });
    });
  }
  const listed = options4.gitRoot === null ? await listFilesystem(options4.cwd, declared, options4.exclude) : await listGit(options4.gitRoot, declared, options4.exclude);
  listed.files.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : a.stage - b.stage);
  const hash = createHash4("sha256");
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
    if (!tracked.some((file) => isWithin(path.absolute, resolve8(root, file.path)))) {
      throw new InputError({ file: path.given }, "no file under this code path is tracked by git; `git add` it so it counts toward the cache key");
    }
  }
  const files = tracked.filter((file) => !exclude.some((path) => isWithin(path, resolve8(root, file.path))));
  return { source: "git", paths: pathspecs.length > 0 ? pathspecs : ["."], files };
}
async function listFilesystem(cwd, declared, exclude) {
  const roots = declared.length > 0 ? declared.map((path) => path.absolute) : [resolve8(cwd)];
  const byPath2 = /* @__PURE__ */ new Map();
  for (const root of roots) {
    const info2 = await stat4(root);
    const candidates = info2.isDirectory() ? (await listFiles(root, { skipNames: SKIPPED_DIRECTORIES, exclude })).map((file) => file.absolute) : exclude.some((path) => isWithin(path, root)) ? [] : [root];
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
import { dirname, join as join2, resolve as resolve9 } from "node:path";
function isLockFileName(name) {
  return /^requirements.*\.txt$/.test(name) || ["package-lock.json", "poetry.lock", "uv.lock", "environment.yml", "environment.yaml", "Pipfile.lock", "conda-lock.yml", "yarn.lock", "pnpm-lock.yaml"].includes(name);
}
async function findLockFiles(cwd, repositoryRoot) {
  const directories = [resolve9(cwd)];
  if (repositoryRoot !== null && isWithin(repositoryRoot, cwd)) {
    let current = resolve9(cwd);
    while (resolve9(current) !== resolve9(repositoryRoot)) {
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
  return canonicalJson2({
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
import { mkdir, readFile as readFile3, rename, rm, writeFile as writeFile4 } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { basename, dirname as dirname2, join as join3 } from "node:path";
import { z as z9 } from "zod";

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
    build: "node scripts/build.mjs && node scripts/generate-schemas.mjs && node scripts/action-docs.mjs",
    schemas: "node scripts/generate-schemas.mjs",
    lint: "eslint .",
    typecheck: "tsc --noEmit -p tsconfig.json",
    test: "npm run lint && npm run typecheck && vitest run",
    "test:unit": "vitest run"
  },
  dependencies: {
    "@actions/artifact": "^6.2.1",
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
var fileSchema = z9.object({ path: z9.string(), sha256: z9.string().regex(/^[0-9a-f]{64}$/), size: z9.number().int().nonnegative() });
var metricValueSchema = z9.lazy(() => z9.union([z9.number(), z9.array(metricValueSchema), z9.record(z9.string(), metricValueSchema)]));
var lineageSchema = z9.object({
  schema: z9.literal(LINEAGE_SCHEMA),
  tollgate_version: z9.string(),
  key: z9.string().regex(/^[0-9a-f]{64}$/),
  cache: z9.object({
    status: z9.enum(["miss", "hit", "off"]),
    restored_at: z9.string().optional(),
    restored_for: z9.object({ commit: z9.string().nullable(), dirty: z9.boolean().nullable(), run_url: z9.string().nullable() }).optional()
  }),
  git: z9.object({ commit: z9.string().nullable(), dirty: z9.boolean().nullable() }),
  workdir: z9.string(),
  command: z9.array(z9.string()).min(1),
  params: z9.object({ file: z9.string().nullable(), values: z9.record(z9.string(), z9.unknown()).nullable() }),
  seed: z9.number().int(),
  data: z9.array(
    z9.object({
      path: z9.string(),
      kind: z9.enum(["file", "directory"]),
      sha256: z9.string().regex(/^[0-9a-f]{64}$/),
      size: z9.number().int().nonnegative(),
      files: z9.number().int().nonnegative().optional(),
      rows: z9.number().int().nonnegative().nullable()
    })
  ),
  code: z9.object({ source: z9.enum(["git", "filesystem"]), paths: z9.array(z9.string()), files: z9.number().int().nonnegative(), digest: z9.string() }),
  environment: z9.object({
    os: z9.object({ platform: z9.string(), release: z9.string(), arch: z9.string() }),
    runtimes: z9.object({ node: z9.string(), python: z9.string().nullable() }),
    lock_files: z9.array(fileSchema)
  }),
  started_at: z9.string(),
  ended_at: z9.string(),
  duration_s: z9.number().nonnegative(),
  exit_code: z9.number().int(),
  run_url: z9.string().nullable(),
  outputs: z9.array(fileSchema),
  metrics: z9.object({ file: z9.string().nullable(), values: z9.record(z9.string(), metricValueSchema).nullable() })
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
    text = await readFile3(path, "utf8");
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
    await writeFile4(temporary, contents);
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
  const base2 = `${server.replace(/\/+$/, "")}/${repository}/actions/runs/${runId}`;
  return attempt ? `${base2}/attempts/${attempt}` : base2;
}

// shared/train/runner.ts
import { resolve as resolve12 } from "node:path";

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
function runCommand(argv, options4) {
  if (argv.length === 0 || argv[0] === "") throw new UsageError("no training command given");
  const started = performance.now();
  const tail = new LineTail(options4.tailLines ?? 40);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(argv[0], argv.slice(1), { cwd: options4.cwd, env: options4.env, stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
    child.stdout.pipe(options4.stdout, { end: false });
    child.stderr.on("data", (chunk) => {
      tail.push(chunk);
      options4.stderr.write(chunk);
    });
    child.on("error", (error) => {
      const reason = error.code === "ENOENT" ? "not found (is it installed and on PATH?)" : error.code === "EACCES" ? "is not executable" : error.message;
      reject(new UsageError(`cannot start training command '${argv[0]}': ${reason}`, { cause: error }));
    });
    child.on("close", (code, signal) => {
      child.stdout.unpipe(options4.stdout);
      const exitCode = code ?? 128 + (signal ? constants.signals[signal] ?? 0 : 0);
      resolvePromise({ exitCode, signal, stderrTail: tail.result(), durationS: (performance.now() - started) / 1e3 });
    });
  });
}

// shared/train/metrics.ts
import { readFile as readFile4 } from "node:fs/promises";

// shared/train/json-located.ts
function childPath(parent, key) {
  if (typeof key === "number") return `${parent}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}
var NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
var NON_FINITE = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, "-Infinity": Number.NEGATIVE_INFINITY };
function parseJsonLocated(text, file, options4 = {}) {
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
    if (options4.allowNonFinite) {
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
    const where2 = positions?.get(problem.path);
    return `
  ${where2 ? `${where2.line}:${where2.column}: ` : ""}${problem.path}: ${problem.message}`;
  });
  const omitted = rest.length > 4 ? `
  (and ${rest.length - 4} more)` : "";
  throw new InputError({ file, ...positions?.get(first.path) }, `${first.path}: ${first.message}${others.join("")}${omitted}`);
}
async function readMetrics(path, label = path) {
  let text;
  try {
    text = await readFile4(path, "utf8");
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
import { resolve as resolve10 } from "node:path";
async function clearOutputs(cwd, paths) {
  for (const path of paths) await rm2(resolve10(cwd, path), { recursive: true, force: true });
}
async function requireOutputs(cwd, paths) {
  const missing = [];
  for (const path of paths) {
    if (!await stat5(resolve10(cwd, path)).catch(() => void 0)) missing.push(path);
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
    const absolute = resolve10(cwd, path);
    const info2 = await stat5(absolute);
    const members = info2.isDirectory() ? (await listFiles(absolute)).map((file) => file.absolute) : [absolute];
    for (const member of members) {
      if (skip.includes(member)) continue;
      const key = portablePath(cwd, member);
      if (!files.has(key)) files.set(key, await fingerprintFile(cwd, member));
    }
  }
  return [...files.values()].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

// shared/train/params.ts
import { readFile as readFile5 } from "node:fs/promises";
import { extname } from "node:path";
import { z as z10 } from "zod";
var MAX_SEED = 4294967295;
var paramsSchema = z10.record(z10.string(), z10.unknown(), { error: "params must be a mapping of names to values" });
function parseParams(text, file) {
  if (extname(file).toLowerCase() === ".json") {
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
    text = await readFile5(path, "utf8");
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
import { dirname as dirname3, join as join4, resolve as resolve11 } from "node:path";
function declare(cwd, path, flag) {
  if (path.trim() === "") throw new UsageError(`${flag} expects a path, got an empty string`);
  const absolute = resolve11(cwd, path);
  return { given: path, absolute, portable: portablePath(cwd, absolute) };
}
function defaultLineage(cwd, outputs, metrics) {
  const anchor = outputs[0] ?? metrics;
  return anchor ? join4(dirname3(anchor.absolute), "lineage.json") : resolve11(cwd, "lineage.json");
}
async function planTraining(spec) {
  const cwd = resolve11(spec.cwd);
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
  const warnings = git2.warning ? [git2.warning] : [];
  const fingerprints = [];
  for (const path of data) fingerprints.push(await fingerprintData(cwd, path.given, (message) => warnings.push(message)));
  const exclude = [...written, ...data, ...params ? [params] : []].map((path) => path.absolute);
  if (cacheDirectory) exclude.push(cacheDirectory);
  const [code, environment] = await Promise.all([
    fingerprintCode({ cwd, gitRoot: git2.root, paths: spec.codePaths, exclude }),
    captureEnvironment(cwd, git2.root)
  ]);
  const metricsApart = metrics && !outputs.some((output) => isWithin(output.absolute, metrics.absolute)) ? [metrics] : [];
  const cachedPaths = [...new Set([...outputs, ...metricsApart, lineage].map((path) => path.portable))].sort();
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
    warnings
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
async function runTraining(options4) {
  const log = options4.log ?? (() => {
  });
  const now = options4.now ?? (() => /* @__PURE__ */ new Date());
  const plan = await planTraining(options4);
  for (const warning of plan.warnings) log(`warning: ${warning}`);
  const files = { root: plan.cwd, paths: plan.cachedPaths };
  const lineagePath = resolve12(plan.cwd, plan.lineageFile);
  if (options4.cache) {
    const restored = await options4.cache.restore(plan.key, files);
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
    env: commandEnvironment(options4.env ?? process.env, plan),
    stdout: options4.stdout,
    stderr: options4.stderr,
    tailLines: options4.tailLines
  });
  const endedAt = now();
  const lineage = baseLineage(plan, options4.cache ? "miss" : "off", startedAt, endedAt, outcome.durationS, outcome.exitCode);
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
  const metrics = plan.metricsFile ? await readMetrics(resolve12(plan.cwd, plan.metricsFile), plan.metricsFile) : null;
  const outputs = await fingerprintOutputs(plan.cwd, [...plan.outputs, ...plan.metricsFile ? [plan.metricsFile] : []], [lineagePath]);
  lineage.outputs = outputs;
  lineage.metrics = { file: plan.metricsFile, values: metrics };
  await writeLineage(lineagePath, lineage);
  if (options4.cache) {
    const saved = await options4.cache.save(plan.key, files).catch((error) => ({ saved: false, note: `could not store outputs in the cache: ${error.message}` }));
    if (saved.note) log(saved.note);
    else if (saved.saved) log(`stored outputs in ${options4.cache.description} under key ${plan.key}`);
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
function commandEnvironment(base2, plan) {
  const env = {};
  for (const [name, value] of Object.entries(base2)) {
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
import { chmod, mkdir as mkdir2, readFile as readFile6, rename as rename2, rm as rm3, stat as stat6, writeFile as writeFile5 } from "node:fs/promises";
import { dirname as dirname4, join as join5, resolve as resolve13 } from "node:path";

// shared/train/copy.ts
import { createHash as createHash5 } from "node:crypto";
import { createReadStream as createReadStream3, createWriteStream } from "node:fs";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
async function copyWithDigest(source2, destination) {
  const hash = createHash5("sha256");
  let size = 0;
  const tap = new Transform({
    transform(chunk, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    }
  });
  await pipeline(createReadStream3(source2, { highWaterMark: 1 << 20 }), tap, createWriteStream(destination, { flags: "wx" }));
  return { sha256: hash.digest("hex"), size };
}

// shared/train/directory-cache.ts
var ENTRY_SCHEMA = "tollgate.train-cache/v1";
var DirectoryTrainCache = class {
  directory;
  description;
  constructor(directory, label = directory) {
    this.directory = resolve13(directory);
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
      manifest = JSON.parse(await readFile6(join5(entry, "manifest.json"), "utf8"));
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
      const target = resolve13(files.root, output.path);
      await rm3(target, { recursive: true, force: true });
      if (output.kind === "directory") await mkdir2(target, { recursive: true });
      for (const file of output.files) {
        const destination = resolve13(files.root, file.path);
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
      await writeFile5(join5(staging, "manifest.json"), `${JSON.stringify(manifest, null, 2)}
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
    if (!await exists(ignore)) await writeFile5(ignore, "# Tollgate train cache: local build outputs, never committed.\n*\n");
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
  const absolute = resolve13(root, path);
  const info2 = await stat6(absolute);
  const sources = info2.isDirectory() ? (await listFiles(absolute)).map((file) => file.absolute) : [absolute];
  const stored = [];
  for (const source2 of sources) {
    const mode = (await stat6(source2)).mode & 511;
    const temporary = join5(staging, "blobs", `.incoming-${stored.length}`);
    const digest = await copyWithDigest(source2, temporary);
    const blob = join5(staging, "blobs", digest.sha256);
    if (await exists(blob)) await rm3(temporary);
    else await rename2(temporary, blob);
    stored.push({ path: portablePath(root, source2), sha256: digest.sha256, size: digest.size, mode });
  }
  return { path, kind: info2.isDirectory() ? "directory" : "file", files: stored };
}

// cli/commands/train.ts
var usage5 = `Usage: tollgate train [options] -- <command...>

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

${usage5}`);
  const command = argv.slice(separator + 1);
  if (command.length === 0) throw new UsageError(`no training command after --

${usage5}`);
  const { values } = parseCommandArgs(argv.slice(0, separator), options, usage5, false);
  if (values["no-cache"] && values["cache-dir"] !== void 0) throw new UsageError("--no-cache and --cache-dir exclude each other");
  const cwd = resolve14(io.cwd);
  let cache;
  if (!values["no-cache"]) {
    const directory = values["cache-dir"] !== void 0 ? resolve14(cwd, values["cache-dir"]) : resolve14(await gitTopLevel(cwd) ?? cwd, ".tollgate-cache");
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
  summary: "run a training command with lineage and a content-addressed cache",
  usage: usage5,
  run
};

// cli/commands/evaluate.ts
import { existsSync } from "node:fs";
import { isAbsolute as isAbsolute2, join as join6 } from "node:path";
var DEFAULT_CONFIG = ".github/tollgate.yml";
var usage6 = `Usage: tollgate evaluate --predictions FILE [--champion FILE] [options]

Compares the challenger's predictions with the champion's on the same rows
(joined on id) and decides: promote (exit 0) or reject (exit 1). Without
--champion the decision uses the absolute thresholds (evaluation.min/max).

Options:
  --predictions FILE  the challenger's predictions (CSV, TSV, JSON lines, Parquet, Arrow)
  --champion FILE     the champion's predictions on the same rows
  --id NAME           id column (default: evaluation.columns.id, else 'id')
  --label NAME        label column (default: evaluation.columns.label, else 'label')
  --score NAME        score or prediction column (default: evaluation.columns.score, else 'score')
  --config FILE       configuration file (default: ${DEFAULT_CONFIG} when it exists)
  --json              print the whole report as one JSON document

Exit codes: 0 promote, 1 reject, 2 usage or input error.`;
var options2 = {
  predictions: { type: "string" },
  champion: { type: "string" },
  id: { type: "string" },
  label: { type: "string" },
  score: { type: "string" },
  config: { type: "string" },
  json: { type: "boolean", default: false }
};
function inCwd(io, path) {
  return isAbsolute2(path) || io.cwd === process.cwd() ? path : join6(io.cwd, path);
}
async function readConfig(io, explicit) {
  if (explicit !== void 0) return (await loadEvaluationConfig(inCwd(io, explicit))).value;
  if (existsSync(join6(io.cwd, DEFAULT_CONFIG))) return (await loadEvaluationConfig(inCwd(io, DEFAULT_CONFIG))).value;
  return defaultEvaluationConfig();
}
function signed(value) {
  if (value === null || Number.isNaN(value)) return "\u2014";
  return value > 0 ? `+${formatNumber(value)}` : formatNumber(value);
}
function columns(rows) {
  const widths = rows[0].map((_, index) => Math.max(...rows.map((row) => row[index].length)));
  return rows.map((row) => row.map((cell2, index) => cell2.padEnd(widths[index])).join("  ").trimEnd());
}
function formatEvaluationText(report) {
  const against = report.mode === "champion" ? "challenger vs champion" : "no champion: absolute thresholds";
  const lines = [`${report.decision.toUpperCase()}  ${against}, ${report.rows.toLocaleString("en-US")} rows (${report.task})`, ""];
  for (const reason of report.reasons) lines.push(`  - ${reason}`);
  if (report.comparison.length > 0) {
    const header = ["metric", "gate", "challenger", "champion", "delta", `${Math.round(report.bootstrap.confidence * 100)}% CI`, "p", "result"];
    const body = report.comparison.map((row) => [
      row.metric,
      row.role,
      formatNumber(row.challenger),
      formatNumber(row.champion),
      signed(row.delta),
      row.ci ? `${signed(row.ci[0])} to ${signed(row.ci[1])}` : "\u2014",
      row.p_value === null ? "\u2014" : formatNumber(row.p_value, 3),
      row.pass ? "pass" : "FAIL"
    ]);
    lines.push("", ...columns([header, ...body]).map((line) => `  ${line}`));
  }
  const regressed = report.segments.filter((row) => row.status === "regressed");
  if (regressed.length > 0) {
    lines.push("", "  segments that regressed:");
    for (const row of regressed) lines.push(`    ${row.segment}=${row.value ?? "(missing)"} (${row.rows} rows): ${row.metric} ${signed(row.delta)}`);
  }
  for (const warning of report.warnings) lines.push(`  warning: ${warning}`);
  return `${lines.join("\n")}
`;
}
var evaluateCommand = {
  name: "evaluate",
  summary: "Compare a challenger with the champion and decide promote or reject",
  usage: usage6,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, options2, usage6, false);
    if (values.predictions === void 0) throw new UsageError(`missing --predictions FILE

${usage6}`);
    const policy = await readConfig(io, values.config);
    const report = await evaluateFiles({
      predictions: inCwd(io, values.predictions),
      champion: values.champion === void 0 ? void 0 : inCwd(io, values.champion),
      columns: { id: values.id, label: values.label, score: values.score },
      policy
    });
    if (values.json) writeJson(io, report);
    else io.stdout.write(formatEvaluationText(report));
    return report.decision === "promote" ? 0 : 1;
  }
};

// cli/commands/registry.ts
import { join as join7, resolve as resolve15 } from "node:path";

// shared/registry/tag-name.ts
var TAG_RE = new RegExp(
  `^(?<artifact>(?:${DIRNAME_SOURCE}=)?${NAME_SOURCE})(?:(?:#(?<stage>${NAME_SOURCE})|@(?<version>v${SEMVER_SOURCE}))(?<cancel>!?)|@(?:(?<deprecated>deprecated)|(?<created>created)))(?:#(?<counter>[0-9]+))?$`
);
function parseTagName(tag) {
  const name = tag.startsWith("refs/tags/") ? tag.slice("refs/tags/".length) : tag;
  const match = TAG_RE.exec(name);
  if (!match?.groups) return void 0;
  const groups = match.groups;
  const parsed = { tag: name, model: tagToModelName(groups.artifact), action: "create" };
  const cancelled = groups.cancel === "!";
  if (groups.version !== void 0) {
    parsed.action = cancelled ? "deregister" : "register";
    parsed.version = groups.version;
  } else if (groups.stage !== void 0) {
    parsed.action = cancelled ? "unassign" : "assign";
    parsed.stage = groups.stage;
  } else if (groups.deprecated !== void 0) {
    parsed.action = "deprecate";
  }
  if (groups.counter !== void 0) parsed.counter = Number.parseInt(groups.counter, 10);
  return parsed;
}
function requireTagName(tag) {
  const parsed = parseTagName(tag);
  const refProblem = checkRefFormat(`refs/tags/${tag.replace(/^refs\/tags\//, "")}`);
  if (parsed && refProblem) throw new InputError(void 0, `'${tag}' is not a valid git tag name: ${refProblem}`);
  if (!parsed) {
    throw new InputError(
      void 0,
      `'${tag}' is not a registry tag; expected one of <model>@vX.Y.Z, <model>@vX.Y.Z!, <model>#<stage>#N, <model>#<stage>!#N, <model>@deprecated (model and stage: letters, digits, '-', '_', '/'; versions: SemVer 2.0 with a leading 'v')`
    );
  }
  return parsed;
}
function formatTagName(parts) {
  const model = modelNameToTag(requireModelName(parts.model).fullName);
  const counter = parts.counter === void 0 ? "" : `#${requireCounter(parts.counter)}`;
  let tag;
  switch (parts.action) {
    case "register":
    case "deregister": {
      const version = parts.version ?? "";
      if (!isVersion(version)) {
        throw new UsageError(`invalid version '${version}': expected 'v' + SemVer 2.0, e.g. v1.4.0 or v2.0.0-rc.1`);
      }
      tag = `${model}@${version}${parts.action === "deregister" ? "!" : ""}${counter}`;
      break;
    }
    case "assign":
    case "unassign": {
      if (parts.counter === void 0) throw new RangeError("stage tags need a counter");
      const stage = requireStageName(parts.stage ?? "");
      tag = `${model}#${stage}${parts.action === "unassign" ? "!" : ""}${counter}`;
      break;
    }
    case "deprecate":
      tag = `${model}@deprecated${counter}`;
      break;
  }
  const refProblem = checkRefFormat(`refs/tags/${tag}`);
  if (refProblem) throw new UsageError(`tag '${tag}' is not a valid git ref: ${refProblem}`);
  return tag;
}
function requireCounter(counter) {
  if (!Number.isSafeInteger(counter) || counter < 1) throw new RangeError(`invalid counter ${counter}`);
  return counter;
}

// shared/registry/model-index.ts
var PRIORITY = { create: 1, deprecate: 2, register: 3, deregister: 4, assign: 5, unassign: 6 };
function compareEvents(a, b) {
  return a.date - b.date || (a.counter ?? 0) - (b.counter ?? 0) || PRIORITY[a.action] - PRIORITY[b.action] || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0);
}
function emptyModel(name) {
  const parsed = parseModelName(name);
  return {
    name,
    path: parsed?.path ?? null,
    events: [],
    versions: /* @__PURE__ */ new Map(),
    slots: /* @__PURE__ */ new Map(),
    stageOrder: [],
    maxCounter: 0,
    lastDate: 0,
    tagNames: /* @__PURE__ */ new Set()
  };
}
function eventFromTag(parsed, record, commit) {
  const tagger = record.tagger;
  const message = parseTagMessage(record.message ?? "");
  return {
    tag: parsed.tag,
    model: parsed.model,
    action: parsed.action,
    version: parsed.version ?? null,
    stage: parsed.stage ?? null,
    counter: parsed.counter ?? null,
    commit,
    date: tagger.date,
    timezone: tagger.timezone,
    created: new Date(tagger.date * 1e3).toISOString(),
    author: tagger.name,
    authorEmail: tagger.email,
    subject: message.subject,
    trailers: message.trailers,
    metadata: trailersToMetadata(message.trailers)
  };
}
function indexRegistry(tags) {
  const models = /* @__PURE__ */ new Map();
  const ignored = [];
  const modelOf = (name) => {
    let model = models.get(name);
    if (!model) models.set(name, model = emptyModel(name));
    return model;
  };
  for (const record of tags) {
    const parsed = parseTagName(record.name);
    if (!parsed) continue;
    const model = modelOf(parsed.model);
    model.tagNames.add(parsed.tag);
    if (parsed.counter !== void 0 && parsed.counter > model.maxCounter) model.maxCounter = parsed.counter;
    if (!record.annotated) {
      ignored.push({ tag: parsed.tag, reason: "lightweight tag: only annotated tags count (recreate it with `git tag -a`)" });
    } else if (record.commit === void 0) {
      ignored.push({ tag: parsed.tag, reason: "points at something other than a commit" });
    } else if (record.tagger === void 0) {
      ignored.push({ tag: parsed.tag, reason: "annotated tag without a tagger line" });
    } else {
      model.events.push(eventFromTag(parsed, record, record.commit));
    }
  }
  for (const model of models.values()) {
    model.events.sort(compareEvents);
    model.lastDate = model.events.reduce((latest, event) => Math.max(latest, event.date), 0);
    indexVersions(model, ignored);
    indexStages(model);
  }
  return { models, ignored };
}
function indexVersions(model, ignored) {
  for (const event of model.events) {
    if (event.action !== "register" && event.action !== "deregister") continue;
    const version = event.version;
    const known = model.versions.get(version);
    if (event.action === "register") {
      if (!known) {
        model.versions.set(version, { version, commit: event.commit, registered: true, origin: event, active: true });
      } else if (known.commit !== event.commit) {
        ignored.push({ tag: event.tag, reason: `registers ${version} again at another commit (first at ${known.commit.slice(0, 12)})` });
      } else {
        known.active = true;
      }
    } else if (!known) {
      ignored.push({ tag: event.tag, reason: `deregisters ${version}, which was never registered` });
    } else {
      known.active = false;
    }
  }
}
var VERSION_IN_SUBJECT = /version '?(v[^\s']+)'?$/;
function versionForStageEvent(model, atCommit, event) {
  const candidates = atCommit.get(event.commit) ?? [];
  if (candidates.length === 1) return candidates[0];
  if (candidates.length > 1) {
    const named = VERSION_IN_SUBJECT.exec(event.subject)?.[1];
    const byName = candidates.find((candidate) => candidate.version === named);
    if (byName) return byName;
    const before = candidates.filter((candidate) => candidate.origin.date <= event.date);
    return (before.length > 0 ? before : candidates).at(-1);
  }
  const discovered = { version: event.commit, commit: event.commit, registered: false, origin: event, active: true };
  model.versions.set(event.commit, discovered);
  atCommit.set(event.commit, [discovered]);
  return discovered;
}
function indexStages(model) {
  const atCommit = /* @__PURE__ */ new Map();
  for (const version of model.versions.values()) {
    const list = atCommit.get(version.commit);
    if (list) list.push(version);
    else atCommit.set(version.commit, [version]);
  }
  model.events.forEach((event, index) => {
    if (event.action !== "assign" && event.action !== "unassign") return;
    const version = versionForStageEvent(model, atCommit, event);
    event.version = version.version;
    const stage = event.stage;
    if (!model.stageOrder.includes(stage)) model.stageOrder.push(stage);
    const key = `${version.version}\0${stage}`;
    const slot = model.slots.get(key);
    if (event.action === "assign") {
      if (slot) {
        slot.active = true;
        slot.lastAssign = event;
        slot.lastAssignIndex = index;
        slot.assignments.push(event);
      } else {
        model.slots.set(key, { version: version.version, stage, active: true, lastAssign: event, lastAssignIndex: index, assignments: [event] });
      }
    } else if (slot) {
      slot.active = false;
    }
  });
}
function stageHolder(model, stage) {
  let best;
  for (const slot of model.slots.values()) {
    if (slot.stage !== stage || !slot.active) continue;
    if (!model.versions.get(slot.version)?.active) continue;
    if (!best || slot.lastAssignIndex > best.lastAssignIndex) best = slot;
  }
  return best ? { version: model.versions.get(best.version), since: best.lastAssign } : void 0;
}
function isDeprecated(model) {
  return model.events.at(-1)?.action === "deprecate";
}
function latestVersion(model) {
  let best;
  for (const version of model.versions.values()) {
    if (!version.registered || !version.active) continue;
    if (!best || compareVersions(version.version, best.version) > 0) best = version;
  }
  return best;
}

// shared/registry/state.ts
var DEFAULT_CHAMPION_STAGE = "production";
function summarizeRegistry(index) {
  const models = [...index.models.values()].filter((model) => model.events.length > 0).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0).map(summarizeModel);
  return { models, ignored: index.ignored };
}
function compareVersionEntries(a, b) {
  if (a.registered !== b.registered) return a.registered ? -1 : 1;
  if (a.registered) return compareVersions(b.version, a.version);
  return b.origin.date - a.origin.date || (a.version < b.version ? -1 : 1);
}
function summarizeModel(model) {
  const stages = {};
  const held = /* @__PURE__ */ new Map();
  for (const stage of model.stageOrder) {
    const holder = stageHolder(model, stage);
    if (!holder) continue;
    stages[stage] = holder.version.version;
    const list = held.get(holder.version.version);
    if (list) list.push(stage);
    else held.set(holder.version.version, [stage]);
  }
  const versions = [...model.versions.values()].sort(compareVersionEntries).map((version) => ({
    version: version.version,
    registered: version.registered,
    commit: version.commit,
    created: version.origin.created,
    author: version.origin.author,
    authorEmail: version.origin.authorEmail,
    tag: version.registered ? version.origin.tag : null,
    deregistered: !version.active,
    stages: held.get(version.version) ?? [],
    metadata: version.registered ? version.origin.metadata : {}
  }));
  return {
    name: model.name,
    path: model.path,
    versions,
    stages,
    latest: latestVersion(model)?.version ?? null,
    deprecated: isDeprecated(model)
  };
}
function championOf(model, championStage = DEFAULT_CHAMPION_STAGE) {
  const version = model.stages[championStage];
  return version === void 0 ? null : model.versions.find((entry) => entry.version === version) ?? null;
}
function findModel(models, name) {
  const list = [...models];
  const exact = list.find((model) => model.name === name || model.name === name.replace("=", ":"));
  if (exact) return exact;
  const short = list.filter((model) => model.path !== null && model.name.slice(model.path.length + 1) === name);
  return short.length === 1 ? short[0] : void 0;
}

// shared/registry/stage-history.ts
function stageTimeline(model, stage) {
  const active = /* @__PURE__ */ new Map();
  const slots = /* @__PURE__ */ new Map();
  const changes = [];
  let holder = null;
  model.events.forEach((event, order) => {
    if (event.action === "register" || event.action === "deregister") {
      active.set(event.version, event.action === "register");
    } else if ((event.action === "assign" || event.action === "unassign") && event.stage === stage) {
      const slot = slots.get(event.version);
      if (event.action === "assign") slots.set(event.version, { active: true, order });
      else if (slot) slot.active = false;
    } else {
      return;
    }
    let next = null;
    let best = -1;
    for (const [version, slot] of slots) {
      if (slot.active && active.get(version) !== false && slot.order > best) {
        best = slot.order;
        next = version;
      }
    }
    if (next !== holder) {
      holder = next;
      changes.push({ version: next, event });
    }
  });
  return changes;
}

// shared/registry/describe.ts
function describeEvent(event) {
  const artifact = `artifact "${event.model}"`;
  switch (event.action) {
    case "register":
      return `Version "${event.version}" of ${artifact} was registered`;
    case "deregister":
      return `Version "${event.version}" of ${artifact} was deregistered`;
    case "assign":
      return `Stage "${event.stage}" was assigned to version "${event.version}" of ${artifact}`;
    case "unassign":
      return `Stage "${event.stage}" was unassigned from version "${event.version}" of ${artifact}`;
    case "deprecate":
      return `Artifact "${event.model}" was deprecated`;
    case "create":
      return `Artifact "${event.model}" was created`;
  }
}

// shared/registry/errors.ts
var RegistryError = class extends TollgateError {
  code = "E_REGISTRY";
};
var PolicyError = class extends TollgateError {
  code = "E_POLICY";
  exitCode = 1;
};

// shared/registry/policy.ts
var OPEN_POLICY = { stages: [], requirePreviousStage: false, championStage: DEFAULT_CHAMPION_STAGE };
function championStageOf(config) {
  return config?.champion_stage ?? config?.stages?.at(-1) ?? DEFAULT_CHAMPION_STAGE;
}
function stagePolicyOf(config) {
  if (!config) return OPEN_POLICY;
  return { stages: [...config.stages], requirePreviousStage: config.require_previous_stage, championStage: championStageOf(config) };
}
function configuredModels(models) {
  const byName = /* @__PURE__ */ new Map();
  for (const [name, config] of Object.entries(models ?? {})) byName.set(config.path ? `${config.path}:${name}` : name, config);
  return byName;
}
function assignmentBlocker(model, version, stage, policy) {
  if (policy.stages.length === 0) return void 0;
  const position = policy.stages.indexOf(stage);
  if (position === -1) {
    throw new UsageError(`stage '${stage}' is not configured for ${model.name}; configured stages: ${policy.stages.join(", ")} (.github/tollgate.yml)`);
  }
  if (!policy.requirePreviousStage || position === 0) return void 0;
  const previous = policy.stages[position - 1];
  const held = model.slots.get(`${version}\0${previous}`)?.assignments.length ?? 0;
  if (held > 0) return void 0;
  return `${model.name} ${version} has never held '${previous}', the stage before '${stage}' (order: ${policy.stages.join(" -> ")})`;
}

// shared/registry/git-exec.ts
import { spawn as spawn2 } from "node:child_process";
function runGit(args, options4) {
  return new Promise((resolve16, reject) => {
    const child = spawn2(options4.git ?? "git", args, {
      cwd: options4.cwd,
      env: { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C", ...options4.env },
      stdio: ["pipe", "pipe", "pipe"],
      shell: false
    });
    const out = [];
    const err = [];
    child.stdout.on("data", (chunk) => out.push(chunk));
    child.stderr.on("data", (chunk) => err.push(chunk));
    child.on("error", (error) => {
      reject(
        error.code === "ENOENT" ? new TollgateError(`git is not installed or not on PATH (needed for the registry's git backend in ${options4.cwd})`, { cause: error }) : error
      );
    });
    child.on("close", (code) => {
      resolve16({ code: code ?? 1, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") });
    });
    child.stdin.on("error", () => {
    });
    child.stdin.end(options4.input ?? "");
  });
}
async function gitOutput(args, options4, what) {
  const result2 = await runGit(args, options4);
  if (result2.code !== 0) {
    throw new TollgateError(`${what} failed in ${options4.cwd}: ${firstLines(result2.stderr) || `git exited with ${result2.code}`}`);
  }
  return result2.stdout;
}
function firstLines(text, count2 = 3) {
  return text.trim().split("\n").slice(0, count2).join(" / ");
}

// shared/registry/git-backend.ts
var FIELDS = [
  "%(refname)",
  "%(objecttype)",
  "%(objectname)",
  "%(*objecttype)",
  "%(*objectname)",
  "%(taggername)",
  "%(taggeremail)",
  "%(taggerdate:raw)",
  "%(contents)"
];
var FORMAT = FIELDS.map((field) => `${field}%00`).join("");
function parseForEachRef(output) {
  const parts = output.split("\0");
  const records = [];
  const width = FIELDS.length;
  for (let start = 0; start + width <= parts.length; start += width) {
    const refname = start === 0 ? parts[start] : parts[start].replace(/^\n/, "");
    const [objectType, objectName, peeledType, peeledName, taggerName, taggerEmail, taggerDate, contents] = parts.slice(start + 1, start + width);
    const name = refname.startsWith("refs/tags/") ? refname.slice("refs/tags/".length) : refname;
    if (objectType !== "tag") {
      records.push({ name, annotated: false, commit: objectType === "commit" ? objectName : void 0 });
      continue;
    }
    const record = { name, annotated: true, objectId: objectName, message: contents };
    if (peeledType === "commit") record.commit = peeledName;
    const tagger = parseTagger(taggerName, taggerEmail, taggerDate);
    if (tagger) record.tagger = tagger;
    records.push(record);
  }
  return records;
}
function parseTagger(name, email, raw) {
  const match = /^(-?\d+) ([+-]\d{4})$/.exec(raw.trim());
  if (!match) return void 0;
  return { name, email: email.replace(/^<|>$/g, ""), date: Number(match[1]), timezone: match[2] };
}
var GitBackend = class {
  description;
  run;
  pushTo;
  constructor(options4) {
    this.run = { cwd: options4.cwd, git: options4.git };
    this.pushTo = options4.pushTo;
    this.description = `git repository ${options4.cwd}`;
  }
  /**
   * All tags in one `for-each-ref`. The model filter is applied afterwards:
   * git's glob `*` stops at `/`, and stage names may contain `/`.
   */
  async listTags(options4 = {}) {
    const output = await gitOutput(["for-each-ref", `--format=${FORMAT}`, "refs/tags"], this.run, "reading tags (git for-each-ref)");
    const records = parseForEachRef(output);
    if (options4.model === void 0) return records;
    const prefix = modelNameToTag(options4.model);
    return records.filter((record) => record.name.startsWith(prefix) && "@#".includes(record.name.charAt(prefix.length)));
  }
  async resolveCommit(revision) {
    const result2 = await runGit(["rev-parse", "--verify", "--quiet", "--end-of-options", `${revision}^{commit}`], this.run);
    const sha2 = result2.stdout.trim();
    if (result2.code !== 0 || !/^[0-9a-f]{40,64}$/.test(sha2)) {
      throw new TollgateError(`'${revision}' is not a commit in ${this.run.cwd} (check the name, or fetch it first)`);
    }
    return sha2;
  }
  async defaultTagger() {
    const result2 = await runGit(["var", "GIT_COMMITTER_IDENT"], this.run);
    const match = /^(.*) <(.*)> \d+ [+-]\d{4}$/.exec(result2.stdout.trim());
    if (result2.code !== 0 || !match) {
      throw new TollgateError(
        `git has no identity to tag with in ${this.run.cwd}: run \`git config user.name "Your Name"\` and \`git config user.email you@example.com\``
      );
    }
    return { name: match[1], email: match[2] };
  }
  async refresh() {
    if (this.pushTo === void 0) return;
    const shallow = (await runGit(["rev-parse", "--is-shallow-repository"], this.run)).stdout.trim() === "true";
    const args = ["fetch", "--quiet", "--no-tags", ...shallow ? ["--depth=1"] : [], "--end-of-options", this.pushTo, "refs/tags/*:refs/tags/*"];
    const result2 = await runGit(args, this.run);
    if (result2.code !== 0) {
      throw new TollgateError(`fetching tags from '${this.pushTo}' failed in ${this.run.cwd}: ${firstLines(result2.stderr)}`);
    }
  }
  async createTag(request) {
    const ref = `refs/tags/${request.name}`;
    const env = {
      GIT_COMMITTER_NAME: request.tagger.name,
      GIT_COMMITTER_EMAIL: request.tagger.email,
      GIT_COMMITTER_DATE: `@${request.tagger.date} ${request.tagger.timezone}`
    };
    const created = await runGit(["tag", "-a", "--cleanup=verbatim", "-F", "-", "--end-of-options", request.name, request.commit], { ...this.run, env, input: request.message });
    if (created.code !== 0) {
      if (await this.refExists(ref)) throw new ConflictError(`tag '${request.name}' already exists in ${this.run.cwd} (another writer created it first)`);
      throw new TollgateError(`creating tag '${request.name}' failed in ${this.run.cwd}: ${firstLines(created.stderr)}`);
    }
    const objectId = (await gitOutput(["rev-parse", "--verify", ref], this.run, "reading the new tag")).trim();
    if (this.pushTo !== void 0) await this.push(request.name, objectId);
    return { name: request.name, annotated: true, objectId, commit: request.commit, tagger: request.tagger, message: request.message };
  }
  async refExists(ref) {
    return (await runGit(["rev-parse", "--verify", "--quiet", ref], this.run)).code === 0;
  }
  /** Pushes one new tag; when the remote refuses, the local tag is removed again so the registry stays consistent. */
  async push(name, objectId) {
    const ref = `refs/tags/${name}`;
    const pushed = await runGit(["push", "--porcelain", "--end-of-options", this.pushTo, `${ref}:${ref}`], this.run);
    if (pushed.code === 0) return;
    await runGit(["update-ref", "-d", ref, objectId], this.run);
    const rejected = /\[rejected\]|already exists|fetch first|stale info/.test(pushed.stdout + pushed.stderr);
    if (rejected) {
      await this.refresh();
      throw new ConflictError(`remote '${this.pushTo}' already has tag '${name}' (another writer pushed first)`);
    }
    throw new TollgateError(`pushing tag '${name}' to '${this.pushTo}' failed: ${firstLines(pushed.stderr || pushed.stdout)} (the local tag was removed again; check the remote URL and your push permission)`);
  }
};

// shared/registry/registry.ts
var IDENTITY_FIELDS = ["sourceCommit", "dataFingerprint", "metricsDigest"];
var Registry = class {
  backend;
  configs;
  shortNames;
  maxAttempts;
  now;
  tagger;
  constructor(options4) {
    this.backend = options4.backend;
    this.configs = configuredModels(options4.models);
    this.shortNames = new Map([...this.configs.keys()].map((full) => [requireModelName(full).name, full]));
    this.maxAttempts = Math.max(1, options4.maxAttempts ?? 5);
    this.now = options4.now ?? (() => Math.floor(Date.now() / 1e3));
    this.tagger = options4.tagger;
  }
  /** A name as typed -> the registry name: a configured monorepo model may be called by its short name. */
  modelName(name) {
    const parsed = requireModelName(name);
    return parsed.path === null ? this.shortNames.get(parsed.name) ?? parsed.fullName : parsed.fullName;
  }
  /** The policy for a model (open when it is not configured). */
  policy(model) {
    return stagePolicyOf(this.configs.get(this.modelName(model)));
  }
  /** The whole registry, or one model of it (reading only that model's tags). */
  async state(model) {
    if (model === void 0) return summarizeRegistry(indexRegistry(await this.backend.listTags()));
    const name = this.modelName(model);
    const index = indexRegistry(await this.backend.listTags({ model: name }));
    const history2 = index.models.get(name);
    return { models: history2 && history2.events.length > 0 ? [summarizeModel(history2)] : [], ignored: index.ignored };
  }
  /** One model's state; a `RegistryError` when it has no events. */
  async model(model) {
    const name = this.modelName(model);
    const found = findModel((await this.state(name)).models, name);
    if (!found) throw new RegistryError(`model '${name}' has no registry tags in ${this.backend.description} (check the name, or fetch tags: \`git fetch --tags\`)`);
    return found;
  }
  /** A model's events, oldest first. */
  async history(model) {
    const name = this.modelName(model);
    return indexRegistry(await this.backend.listTags({ model: name })).models.get(name)?.events ?? [];
  }
  /**
   * The version of `model` in `stage` (`champion` = the configured champion
   * stage, `latest` = highest SemVer); null when there is none.
   */
  async resolve(model, stage) {
    const name = this.modelName(model);
    const wanted = stage === "champion" ? this.policy(name).championStage : stage;
    const found = (await this.state(name)).models[0];
    if (!found) return null;
    const version = wanted === "latest" ? found.versions.find((entry) => entry.version === found.latest) ?? null : championOf(found, requireStageName(wanted));
    return version ? { model: name, stage: wanted, version } : null;
  }
  /** What a tag records (like `gto check-ref`); `ignored` says why a registry-looking tag does not count. */
  async checkRef(tag) {
    const parsed = requireTagName(tag);
    const index = indexRegistry(await this.backend.listTags({ model: parsed.model }));
    const event = index.models.get(parsed.model)?.events.find((candidate) => candidate.tag === parsed.tag);
    if (event) return { event, text: describeEvent(event) };
    const ignored = index.ignored.find((entry) => entry.tag === parsed.tag);
    if (ignored) return { ignored, text: `Tag '${parsed.tag}' is ignored: ${ignored.reason}` };
    throw new RegistryError(`tag '${parsed.tag}' does not exist in ${this.backend.description}`);
  }
  /** Registers a version: `model@vX.Y.Z` on a commit. Re-running with the same commit and metadata is a no-op. */
  async register(request) {
    const model = this.modelName(request.model);
    if (request.version === void 0 === (request.bump === void 0)) throw new UsageError("give exactly one of a version (--version vX.Y.Z) or a bump (--bump major|minor|patch)");
    if (request.version !== void 0 && !isVersion(request.version)) {
      throw new UsageError(`invalid version '${request.version}': expected 'v' + SemVer 2.0, e.g. v1.4.0 or v2.0.0-rc.1`);
    }
    await this.backend.refresh?.();
    const commit = await this.backend.resolveCommit(request.ref ?? "HEAD");
    const metadata = request.metadata ?? {};
    return this.write(model, (history2) => {
      const taken = [...history2.versions.values()].find((entry) => entry.registered && entry.commit === commit);
      if (request.bump !== void 0 && taken?.active) return { done: this.sameRegistration(history2, taken, commit, metadata) };
      const version = request.version ?? bumpVersion(latestVersion(history2)?.version ?? "v0.0.0", request.bump);
      const existing = history2.versions.get(version);
      if (existing?.registered) return { done: this.sameRegistration(history2, existing, commit, metadata) };
      if (taken) {
        throw new RegistryError(
          `commit ${commit.slice(0, 12)} already carries ${model} ${taken.version}${taken.active ? "" : " (deregistered)"}; GTO maps stage tags to versions by commit, so a commit can carry only one version: register a new commit`
        );
      }
      const tag = formatTagName({ model, action: "register", version });
      this.ensureFree(history2, tag);
      const message = formatTagMessage(defaultSubject({ action: "register", model, version }), metadataToTrailers(metadata));
      return { tag, commit, message, version };
    });
  }
  /** Assigns a stage: `model#stage#N`. Assigning the version that already holds the stage is a no-op. */
  async assign(request) {
    const model = this.modelName(request.model);
    const stage = requireStageName(request.stage);
    const policy = this.policy(model);
    await this.backend.refresh?.();
    return this.write(model, (history2) => {
      const entry = this.activeVersion(history2, request.version ?? latestVersion(history2)?.version);
      const holder = stageHolder(history2, stage);
      if (holder?.version.version === entry.version) return { done: holder.since };
      const blocker = assignmentBlocker(history2, entry.version, stage, policy);
      if (blocker && !request.force) {
        throw new PolicyError(`${blocker}. Assign the earlier stage first, or force it (--force, recorded in the tag as Tollgate-Forced)`);
      }
      const forced = blocker ? request.reason?.trim() || `policy bypassed: ${blocker}` : request.metadata?.forced;
      return this.stagePlan(history2, "assign", stage, entry, { ...request.metadata, forced });
    });
  }
  /** Unassigns a stage: `model#stage!#N`; the previous holder takes the stage back. */
  async unassign(request) {
    const model = this.modelName(request.model);
    const stage = requireStageName(request.stage);
    await this.backend.refresh?.();
    return this.write(model, (history2) => {
      const version = request.version ?? stageHolder(history2, stage)?.version.version;
      if (version === void 0) throw new RegistryError(`no version of ${model} holds '${stage}'; nothing to unassign`);
      const slot = history2.slots.get(`${version}\0${stage}`);
      if (!slot) throw new RegistryError(`${model} ${version} was never assigned '${stage}'`);
      if (!slot.active) {
        const undone = history2.events.findLast((event) => event.action === "unassign" && event.stage === stage && event.version === version);
        if (undone) return { done: undone };
      }
      const entry = history2.versions.get(version);
      return this.stagePlan(history2, "unassign", stage, entry, request.metadata ?? {});
    });
  }
  /** Deregisters a version: `model@vX.Y.Z!`. Its stages go back to their previous holders. */
  async deregister(request) {
    const model = this.modelName(request.model);
    await this.backend.refresh?.();
    return this.write(model, (history2) => {
      const entry = history2.versions.get(request.version);
      if (!entry?.registered) throw new RegistryError(`${model} ${request.version} is not registered${this.knownVersions(history2)}`);
      if (!entry.active) {
        return { done: history2.events.findLast((event) => event.action === "deregister" && event.version === entry.version) };
      }
      const tag = this.simpleOrCounted(history2, { model, action: "deregister", version: entry.version });
      const message = formatTagMessage(defaultSubject({ action: "deregister", model, version: entry.version }), metadataToTrailers(request.metadata ?? {}));
      return { tag, commit: entry.commit, message, version: entry.version };
    });
  }
  /** Deprecates a model: `model@deprecated` on the commit of its newest event. */
  async deprecate(request) {
    const model = this.modelName(request.model);
    await this.backend.refresh?.();
    return this.write(model, (history2) => {
      const newest = history2.events.at(-1);
      if (!newest) throw new RegistryError(`model '${model}' has no registry tags in ${this.backend.description}; nothing to deprecate`);
      if (isDeprecated(history2)) return { done: newest };
      const tag = this.simpleOrCounted(history2, { model, action: "deprecate" });
      const message = formatTagMessage(defaultSubject({ action: "deprecate", model }), metadataToTrailers(request.metadata ?? {}));
      return { tag, commit: newest.commit, message, version: null };
    });
  }
  /**
   * Rolls a stage back by assigning the previous holder again with a new tag
   * (tags are never deleted). Versions that were rolled away from are skipped,
   * so rolling back twice goes two holders back.
   */
  async rollback(request) {
    const model = this.modelName(request.model);
    const stage = requireStageName(request.stage);
    await this.backend.refresh?.();
    return this.write(model, (history2) => {
      const holder = stageHolder(history2, stage);
      if (!holder) throw new RegistryError(`no version of ${model} holds '${stage}'; nothing to roll back`);
      const current = holder.version.version;
      const target = request.to === void 0 ? this.previousHolder(history2, stage, current) : this.activeVersion(history2, request.to);
      if (target.version === current) return { done: holder.since };
      if (!history2.slots.has(`${target.version}\0${stage}`)) {
        throw new RegistryError(`${model} ${target.version} never held '${stage}'; a rollback can only return to an earlier holder (use assign to promote it)`);
      }
      return this.stagePlan(history2, "assign", stage, target, { ...request.metadata, rollbackFrom: current });
    });
  }
  /** Reads, plans and writes until the write lands or `maxAttempts` conflicts happened. */
  async write(model, plan) {
    const identity = this.tagger ?? await this.backend.defaultTagger();
    let lastConflict;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
      const history2 = indexRegistry(await this.backend.listTags({ model })).models.get(model) ?? emptyModel(model);
      const next = plan(history2);
      if ("done" in next) return { created: false, event: next.done, attempts: attempt };
      const tagger = { ...identity, date: Math.max(this.now(), history2.lastDate + 1), timezone: "+0000" };
      try {
        const record = await this.backend.createTag({ name: next.tag, commit: next.commit, message: next.message, tagger });
        const event = eventFromTag(parseTagName(record.name), record, next.commit);
        if (next.version !== null) event.version = next.version;
        return { created: true, event, attempts: attempt };
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        lastConflict = error;
      }
    }
    throw new ConflictError(
      `${model}: gave up after ${this.maxAttempts} attempts, other writers kept taking the same tag name (${lastConflict?.message}); run the command again`
    );
  }
  stagePlan(history2, action, stage, entry, metadata) {
    const tag = formatTagName({ model: history2.name, action, stage, counter: history2.maxCounter + 1 });
    const subject = defaultSubject({ action, model: history2.name, stage, version: entry.version });
    return { tag, commit: entry.commit, message: formatTagMessage(subject, metadataToTrailers(metadata)), version: entry.version };
  }
  /** GTO writes deregistrations and deprecations without a counter; when that name is taken, add one. */
  simpleOrCounted(history2, parts) {
    const simple = formatTagName(parts);
    return history2.tagNames.has(simple) ? formatTagName({ ...parts, counter: history2.maxCounter + 1 }) : simple;
  }
  ensureFree(history2, tag) {
    if (history2.tagNames.has(tag)) {
      throw new RegistryError(`tag '${tag}' exists but does not count as a registration (see \`tollgate registry show --json\`, "ignored"); delete it or choose another version`);
    }
  }
  sameRegistration(history2, existing, commit, metadata) {
    const name = `${history2.name} ${existing.version}`;
    if (!existing.active) throw new RegistryError(`${name} was deregistered; GTO cannot register a version twice: register a new version`);
    if (existing.commit !== commit) {
      throw new RegistryError(`${name} is already registered at commit ${existing.commit.slice(0, 12)}, not ${commit.slice(0, 12)}: choose a new version (e.g. --bump patch)`);
    }
    const recorded = existing.origin.metadata;
    const differing = IDENTITY_FIELDS.filter((field) => metadata[field] !== void 0 && recorded[field] !== metadata[field]);
    if (differing.length > 0) {
      const details2 = differing.map((field) => `${field} ${recorded[field] ?? "(none)"} -> ${metadata[field]}`).join(", ");
      throw new RegistryError(`${name} is already registered at this commit with different metadata (${details2}): register a new version`);
    }
    return existing.origin;
  }
  activeVersion(history2, version) {
    if (history2.events.length === 0) throw new RegistryError(`model '${history2.name}' has no registry tags in ${this.backend.description}; register a version first`);
    if (version === void 0) throw new RegistryError(`${history2.name} has no active registered version; register one first`);
    const entry = history2.versions.get(version);
    if (!entry?.registered) throw new RegistryError(`${history2.name} ${version} is not registered${this.knownVersions(history2)}`);
    if (!entry.active) throw new RegistryError(`${history2.name} ${version} was deregistered`);
    return entry;
  }
  previousHolder(history2, stage, current) {
    const rolledAway = /* @__PURE__ */ new Map();
    history2.events.forEach((event, order) => {
      const from = event.metadata.rollbackFrom;
      if (event.action === "assign" && event.stage === stage && from !== void 0) rolledAway.set(from, order);
    });
    const skipped = (version) => {
      const slot = history2.slots.get(`${version}\0${stage}`);
      const away = rolledAway.get(version);
      return away !== void 0 && slot !== void 0 && away > slot.lastAssignIndex;
    };
    const timeline = stageTimeline(history2, stage);
    for (let index = timeline.length - 1; index >= 0; index -= 1) {
      const version = timeline[index].version;
      if (version === null || version === current || skipped(version)) continue;
      const entry = history2.versions.get(version);
      if (entry?.active) return entry;
    }
    throw new RegistryError(`no earlier version of ${history2.name} held '${stage}' (still registered); nothing to roll back to`);
  }
  knownVersions(history2) {
    const registered2 = [...history2.versions.values()].filter((entry) => entry.registered).map((entry) => entry.version);
    return registered2.length === 0 ? "" : ` (registered: ${registered2.slice(-10).join(", ")})`;
  }
};

// shared/registry/release-assets.ts
import { readFile as readFile7, stat as stat7 } from "node:fs/promises";
var DEFAULT_MAX_MODEL_BYTES = 100 * 1024 * 1024;
async function readJsonFile(file) {
  let text;
  try {
    text = await readFile7(file, "utf8");
  } catch (error) {
    throw new InputError({ file }, describeReadFailure(error), { cause: error });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError({ file }, `invalid JSON: ${error.message}`, { cause: error });
  }
}

// shared/registry/config.ts
import { access } from "node:fs/promises";
import { z as z11 } from "zod";
var CONFIG_PATH2 = ".github/tollgate.yml";
var modelsSection = z11.looseObject({ models: modelsSchema.optional() });
async function loadModelsConfig(file) {
  try {
    await access(file);
  } catch {
    return void 0;
  }
  return (await loadYamlFile(file, modelsSection)).value.models;
}

// shared/github/client.ts
import { Octokit } from "octokit";

// cli/commands/registry.ts
var usage7 = `Usage: tollgate registry <subcommand> [arguments] [--repo DIR] [--json]

The model registry: GTO-compatible git tags in the repository at --repo (default: here).

  show [model]                          models, versions and who holds each stage
  history <model>                       every event of a model, oldest first
  register <model> (--version vX.Y.Z | --bump major|minor|patch) [--ref REV] [--metrics FILE]
                                        tag a commit (default HEAD) as a new version
  assign <model> <stage> [--version vX.Y.Z] [--force [--reason TEXT]]
                                        put a version (default: latest) in a stage
  unassign <model> <stage> [--version vX.Y.Z]
                                        take a version (default: the holder) out of a stage
  deregister <model> --version vX.Y.Z   withdraw a version
  deprecate <model>                     retire a model
  rollback <model> <stage> [--to vX.Y.Z]
                                        give the stage back to its previous holder (a new tag)
  check-ref <tag>                       what a registry tag records

Options:
  --repo DIR       the git repository (default: the current directory)
  --config FILE    stage policy (default: <repo>/${CONFIG_PATH2}, when present)
  --push           push each new tag to --remote (default origin), after fetching its tags
  --remote NAME    the remote for --push
  --json           print the resulting state or event as JSON

Exit codes: 0 done, 1 blocked by policy or lost a race, 2 usage or input error.`;
var options3 = {
  repo: { type: "string" },
  config: { type: "string" },
  json: { type: "boolean" },
  push: { type: "boolean" },
  remote: { type: "string" },
  version: { type: "string" },
  bump: { type: "string" },
  ref: { type: "string" },
  metrics: { type: "string" },
  force: { type: "boolean" },
  reason: { type: "string" },
  to: { type: "string" }
};
var SUBCOMMAND_FLAGS = {
  show: [],
  history: [],
  register: ["version", "bump", "ref", "metrics", "push", "remote"],
  assign: ["version", "force", "reason", "push", "remote"],
  unassign: ["version", "push", "remote"],
  deregister: ["version", "push", "remote"],
  deprecate: ["push", "remote"],
  rollback: ["to", "push", "remote"],
  "check-ref": []
};
var COMMON_FLAGS = /* @__PURE__ */ new Set(["repo", "config", "json"]);
var registryCommand = {
  name: "registry",
  summary: "show and change the model registry (GTO-compatible git tags)",
  usage: usage7,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, options3, usage7);
    const [subcommand, ...args] = positionals;
    if (subcommand === void 0) throw new UsageError(`missing the subcommand

${usage7}`);
    const allowed = SUBCOMMAND_FLAGS[subcommand];
    if (!allowed) throw new UsageError(`unknown subcommand '${subcommand}'

${usage7}`);
    for (const flag of Object.keys(values)) {
      if (!COMMON_FLAGS.has(flag) && !allowed.includes(flag)) {
        throw new UsageError(`registry ${subcommand} does not take --${flag}

${usage7}`);
      }
    }
    if (values.remote !== void 0 && !values.push) throw new UsageError("--remote needs --push");
    const registry = await openRegistry2(values, io);
    switch (subcommand) {
      case "show":
        return show(registry, args, values, io);
      case "history":
        return history(registry, args, values, io);
      case "check-ref": {
        expectArguments(args, 1, "check-ref <tag>");
        const checked = await registry.checkRef(args[0]);
        if (values.json) writeJson(io, checked);
        else io.stdout.write(`${checked.text}
`);
        return 0;
      }
      default:
        return write(registry, subcommand, args, values, io);
    }
  }
};
async function openRegistry2(values, io) {
  const repo = resolve15(io.cwd, values.repo ?? ".");
  const models = await loadModelsConfig(values.config === void 0 ? join7(repo, CONFIG_PATH2) : resolve15(io.cwd, values.config));
  const backend = new GitBackend({ cwd: repo, pushTo: values.push ? values.remote ?? "origin" : void 0 });
  return new Registry({ backend, models });
}
function expectArguments(args, count2, shape) {
  if (args.length < count2) throw new UsageError(`missing arguments: registry ${shape}

${usage7}`);
  if (args.length > count2) throw new UsageError(`unexpected argument '${args[count2]}': registry ${shape}

${usage7}`);
}
async function show(registry, args, values, io) {
  if (args.length > 1) throw new UsageError(`unexpected argument '${args[1]}': registry show [model]

${usage7}`);
  let state;
  if (args[0] === void 0) {
    state = await registry.state();
  } else {
    const model = await registry.model(args[0]);
    state = { models: [model], ignored: (await registry.state(model.name)).ignored };
  }
  if (values.json) {
    writeJson(io, state);
    return 0;
  }
  io.stdout.write(args[0] === void 0 ? overviewText(state) : modelText(state.models[0]));
  for (const ignored of state.ignored) io.stderr.write(`warning: tag '${ignored.tag}' ignored: ${ignored.reason}
`);
  return 0;
}
function overviewText(state) {
  if (state.models.length === 0) return "No registry tags yet (register a version with `tollgate registry register`).\n";
  const stages = [...new Set(state.models.flatMap((model) => Object.keys(model.stages)))];
  const rows = state.models.map((model) => [
    model.deprecated ? `${model.name} (deprecated)` : model.name,
    model.latest ?? "\u2014",
    ...stages.map((stage) => model.stages[stage] ?? "\u2014")
  ]);
  return `${textTable(["model", "latest", ...stages.map((stage) => `#${stage}`)], rows)}
`;
}
function modelText(model) {
  const rows = model.versions.map((version) => [
    version.version,
    version.commit.slice(0, 12),
    version.created.replace(".000Z", "Z"),
    version.stages.join(", ") || "\u2014",
    version.deregistered ? "deregistered" : version.registered ? version.author : "unregistered commit"
  ]);
  const title = `${model.name}${model.deprecated ? " (deprecated)" : ""} \xB7 latest ${model.latest ?? "\u2014"}`;
  return `${title}
${textTable(["version", "commit", "registered", "stages", "by"], rows, 60)}
`;
}
async function history(registry, args, values, io) {
  expectArguments(args, 1, "history <model>");
  const model = registry.modelName(args[0]);
  const events = await registry.history(model);
  if (values.json) {
    writeJson(io, { model, events });
    return 0;
  }
  if (events.length === 0) {
    io.stdout.write(`No registry tags for ${model}.
`);
    return 0;
  }
  const rows = events.map((event) => [event.created.replace(".000Z", "Z"), event.tag, describeEvent(event), event.author]);
  io.stdout.write(`${textTable(["time", "tag", "event", "by"], rows, 90)}
`);
  return 0;
}
async function write(registry, subcommand, args, values, io) {
  let result2;
  switch (subcommand) {
    case "register": {
      expectArguments(args, 1, "register <model> (--version vX.Y.Z | --bump major|minor|patch)");
      const bump = values.bump;
      if (bump !== void 0 && !["major", "minor", "patch"].includes(bump)) throw new UsageError(`--bump must be major, minor or patch; got '${bump}'`);
      const metrics = values.metrics === void 0 ? void 0 : await readJsonFile(resolve15(io.cwd, values.metrics));
      result2 = await registry.register({
        model: args[0],
        version: values.version,
        bump,
        ref: values.ref,
        metadata: metrics === void 0 ? {} : { metricsDigest: digestJson(metrics) }
      });
      break;
    }
    case "assign":
      expectArguments(args, 2, "assign <model> <stage>");
      if (values.reason !== void 0 && !values.force) throw new UsageError("--reason goes with --force");
      result2 = await registry.assign({ model: args[0], stage: args[1], version: values.version, force: values.force, reason: values.reason });
      break;
    case "unassign":
      expectArguments(args, 2, "unassign <model> <stage>");
      result2 = await registry.unassign({ model: args[0], stage: args[1], version: values.version });
      break;
    case "deregister":
      expectArguments(args, 1, "deregister <model> --version vX.Y.Z");
      if (values.version === void 0) throw new UsageError(`missing --version vX.Y.Z

${usage7}`);
      result2 = await registry.deregister({ model: args[0], version: values.version });
      break;
    case "deprecate":
      expectArguments(args, 1, "deprecate <model>");
      result2 = await registry.deprecate({ model: args[0] });
      break;
    default:
      expectArguments(args, 2, "rollback <model> <stage>");
      result2 = await registry.rollback({ model: args[0], stage: args[1], to: values.to });
  }
  if (values.json) writeJson(io, result2);
  else io.stdout.write(`${writeText(result2, values)}
`);
  return 0;
}
function writeText(result2, values) {
  const event = result2.event;
  if (!result2.created) return `Already recorded by tag '${event.tag}': ${describeEvent(event)} (nothing written)`;
  const pushed = values.push ? ` and pushed to ${values.remote ?? "origin"}` : "";
  const retried = result2.attempts > 1 ? ` after ${result2.attempts - 1} retr${result2.attempts === 2 ? "y" : "ies"} (another writer was faster)` : "";
  const hint = values.push ? "" : `
Publish it with: git push origin 'refs/tags/${event.tag}'`;
  return `Created tag '${event.tag}'${pushed}${retried}: ${describeEvent(event)}${hint}`;
}

// cli/commands/index.ts
var commands = [validateCommand, contractCommand, profileCommand, headCommand, trainCommand, evaluateCommand, registryCommand];

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
