/**
 * The CSV byte scanner: RFC 4180 records straight from a byte buffer into
 * typed columns, without a string per line or per field.
 *
 * The buffer holds whole records plus an incomplete tail; a sentinel LF after
 * the last byte stops every unquoted scan without a bounds check. A record
 * whose end is not yet in the buffer is abandoned and scanned again after the
 * next read (nothing it wrote is visible until its row is committed, and a
 * field is only interpreted once its end is known, so a value cut by the
 * buffer edge never reaches a dictionary or an error).
 */
import { InputError } from '../../errors/index.js';
import type { ByteSource } from '../byte-source.js';
import { FNV, hashBytes, type ByteDictionary } from '../dictionary.js';
import type { InvalidTracker } from '../invalid.js';
import { NOT_BOOLEAN, parseBooleanLiteral, parseDeclaredBoolean } from '../text/boolean.js';
import { parseNumber } from '../text/number.js';
import { parseDate, parseDatetime } from '../text/temporal.js';
import { decodeUtf8, firstInvalidUtf8, isAscii } from '../utf8.js';

/** How a column's fields are interpreted. */
export const KIND_FLOAT = 0;
export const KIND_INTEGER = 1;
export const KIND_BOOLEAN = 2;
export const KIND_DATE = 3;
export const KIND_DATETIME = 4;
export const KIND_TEXT = 5;

/** `scan` results. */
export const SCAN_FULL = 0;
export const SCAN_NEED_DATA = 1;
export const SCAN_END = 2;

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const MINUS = 0x2d;
const DOT = 0x2e;
/** Exact powers of ten, built by multiplication (each step is exact below 1e22). */
const POW10 = new Float64Array(16);
for (let i = 0, power = 1; i < 16; i++, power *= 10) POW10[i] = power;
const BOM = [0xef, 0xbb, 0xbf];
const DEFAULT_CHUNK = 1 << 20;

/** One record's fields, as `readFields` reports them (reused between calls). */
export interface FieldRecord {
  count: number;
  /** Line and stream offset where the record starts. */
  line: number;
  lineStart: number;
  start: number;
  bytes: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  texts: (string | undefined)[];
}

/** Per-column plan for the reading pass. */
export interface ColumnPlan {
  kind: number;
  /** Declared (not inferred) boolean columns accept 1/0, yes/no, t/f too. */
  declaredBoolean: boolean;
}

/**
 * Where a batch's values go; the scanner writes rows `[row, capacity)`. The
 * null masks must start zeroed: the common paths only mark nulls (a store per
 * field saved), the rest write 0 or 1.
 */
export interface BatchTarget {
  numbers: Float64Array[];
  booleans: Uint8Array[];
  codes: Int32Array[];
  nulls: Uint8Array[];
  invalid: (Uint8Array | undefined)[];
  lines: Int32Array;
  capacity: number;
}

const NO_BYTES = new Uint8Array(0);

export class CsvScanner {
  private buf: Buffer;
  private dataEnd = 0;
  private eof = false;
  private pos = 0;
  /** Offset in the stream of `buf[0]`. */
  private base = 0;
  private line = 1;
  /** Stream offset where the current line starts (for columns in messages). */
  private lineStart = 0;
  private delimiter = 0x2c;
  private readonly special = new Uint8Array(256);
  private scratch = Buffer.allocUnsafe(256);

  private columnCount = 0;
  private kinds = new Int8Array(0);
  private declaredBoolean = new Uint8Array(0);
  private dictionaries: ByteDictionary[] = [];
  private nullTexts: Uint8Array[] = [];
  private nullTextSet = new Set<string>();
  private target: BatchTarget | undefined;
  /** Rows written to the current target. */
  row = 0;
  /** Rows committed before the current target (the file's data-row index of `row` 0). */
  rowOffset = 0;
  private tracker: InvalidTracker | undefined;
  private readonly pendingInvalidColumns: number[] = [];
  private readonly pendingInvalidTexts: (string | undefined)[] = [];

  constructor(
    private readonly source: ByteSource,
    private readonly file: string,
    chunkSize = DEFAULT_CHUNK,
  ) {
    this.buf = Buffer.allocUnsafe(chunkSize + 1);
  }

  /** Reads the first chunk and skips a UTF-8 BOM. Returns false for an empty stream. */
  async start(): Promise<boolean> {
    this.dataEnd = 0;
    this.eof = false;
    this.pos = 0;
    this.base = 0;
    this.line = 1;
    this.lineStart = 0;
    this.row = 0;
    this.rowOffset = 0;
    await this.fill();
    if (this.dataEnd >= 2 && ((this.buf[0] === 0xff && this.buf[1] === 0xfe) || (this.buf[0] === 0xfe && this.buf[1] === 0xff))) {
      throw new InputError({ file: this.file, line: 1 }, 'the file is UTF-16 encoded; expected UTF-8 text (re-save it as UTF-8)');
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
  async restartAt(base: number): Promise<void> {
    this.dataEnd = 0;
    this.eof = false;
    this.pos = 0;
    this.base = base;
    this.line = 1;
    this.lineStart = base;
    this.row = 0;
    this.rowOffset = 0;
    await this.fill();
  }

  /** Stream offset of the next unscanned byte. */
  get offset(): number {
    return this.base + this.pos;
  }

  /** Starts over from the first byte (after an inference pass). */
  async rewind(): Promise<void> {
    await this.source.rewind();
    await this.start();
  }

  async close(): Promise<void> {
    await this.source.close();
  }

  /** The bytes read but not yet scanned, for delimiter detection. */
  get pending(): { bytes: Uint8Array; start: number; end: number; complete: boolean } {
    return { bytes: this.buf, start: this.pos, end: this.dataEnd, complete: this.eof };
  }

  setDelimiter(delimiter: number): void {
    this.delimiter = delimiter;
    this.special.fill(0);
    this.special[delimiter] = 1;
    this.special[LF] = 1;
    this.special[CR] = 1;
  }

  get delimiterCode(): number {
    return this.delimiter;
  }

  /** Texts (besides the empty field) that read as null. */
  setNullTexts(texts: readonly string[]): void {
    this.nullTextSet = new Set(texts);
    this.nullTexts = texts.filter((text) => text !== '').map((text) => Buffer.from(text, 'utf8'));
  }

  /** Whether a field's text reads as null (the empty field always does). */
  isNull(text: string): boolean {
    return text === '' || this.nullTextSet.has(text);
  }

  /**
   * Keeps the unscanned tail and reads more after it, growing the buffer when
   * one record fills it. Returns false at the end of the stream.
   */
  async fill(): Promise<boolean> {
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
    this.buf[end] = LF;
    return true;
  }

  /**
   * Reads the next record as text (the header, or a row for type inference);
   * undefined at the end of the stream. `line` is where the record starts.
   */
  async readRecord(): Promise<{ fields: string[]; line: number } | undefined> {
    const record = await this.readFields();
    if (record === undefined) return undefined;
    const fields: string[] = [];
    for (let i = 0; i < record.count; i++) {
      const text = record.texts[i];
      if (text !== undefined) {
        fields.push(text);
        continue;
      }
      const decoded = decodeUtf8(this.buf, record.starts[i], record.ends[i]);
      if (decoded === undefined) this.failUtf8(firstInvalidUtf8(this.buf, record.starts[i], record.ends[i]), record.start, record.line, record.lineStart);
      fields.push(decoded as string);
    }
    return { fields, line: record.line };
  }

  /**
   * Reads the next record's field boundaries (for type inference, without a
   * string per field). Field `i` is `texts[i]` when its quotes had to be
   * unescaped, else the bytes `[starts[i], ends[i])` of `bytes`, valid until
   * the next read. Undefined at the end of the stream.
   */
  async readFields(): Promise<FieldRecord | undefined> {
    while (true) {
      const line = this.line;
      const lineStart = this.lineStart;
      const start = this.pos;
      const count = this.scanFieldRecord();
      if (count >= 0) {
        const record = this.fieldRecord;
        record.count = count;
        record.line = line;
        record.lineStart = lineStart;
        record.start = start;
        record.bytes = this.buf;
        return record;
      }
      if (this.eof) return undefined;
      await this.fill();
    }
  }

  private readonly fieldRecord: FieldRecord = {
    count: 0,
    line: 0,
    lineStart: 0,
    start: 0,
    bytes: NO_BYTES,
    starts: new Int32Array(64),
    ends: new Int32Array(64),
    texts: [],
  };

  /** Field count of the next record (boundaries into `fieldRecord`), or -1 when it is not all in the buffer yet. */
  private scanFieldRecord(): number {
    const buf = this.buf;
    const end = this.dataEnd;
    if (this.pos >= end) return -1;
    const recordStart = this.pos;
    const recordLine = this.line;
    const recordLineStart = this.lineStart;
    const record = this.fieldRecord;
    let count = 0;
    let p = this.pos;
    while (true) {
      if (count === record.starts.length) {
        const starts = new Int32Array(count * 2);
        starts.set(record.starts);
        const ends = new Int32Array(count * 2);
        ends.set(record.ends);
        record.starts = starts;
        record.ends = ends;
      }
      let text: string | undefined;
      if (buf[p] === QUOTE) {
        const fieldStart = p;
        p = this.scanQuoted(p, recordStart, recordLine, recordLineStart);
        if (p < 0) {
          this.restore(recordStart, recordLine, recordLineStart);
          return -1;
        }
        if (this.quotedSource === buf) {
          record.starts[count] = this.quotedStart;
          record.ends[count] = this.quotedEnd;
        } else {
          text = decodeUtf8(this.quotedSource, this.quotedStart, this.quotedEnd);
          if (text === undefined) this.failUtf8(this.invalidUtf8Index(this.quotedSource, this.quotedStart, this.quotedEnd, fieldStart), recordStart, recordLine, recordLineStart);
        }
      } else {
        record.starts[count] = p;
        while (this.special[buf[p]] === 0) p++;
        record.ends[count] = p;
      }
      record.texts[count] = text;
      count++;
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
      return count;
    }
  }

  /** Prepares the reading pass. */
  planRead(plans: readonly ColumnPlan[], dictionaries: ByteDictionary[], tracker: InvalidTracker): void {
    this.columnCount = plans.length;
    this.kinds = Int8Array.from(plans, (plan) => plan.kind);
    this.declaredBoolean = Uint8Array.from(plans, (plan) => (plan.declaredBoolean ? 1 : 0));
    this.dictionaries = dictionaries;
    this.tracker = tracker;
  }

  /** Directs the next rows to `target`, starting at its row 0. */
  setTarget(target: BatchTarget): void {
    this.rowOffset += this.row;
    this.row = 0;
    this.target = target;
  }

  // Result of `scanQuoted`: where the field's content is (the buffer, or the
  // scratch buffer when doubled quotes had to be removed).
  private quotedSource: Uint8Array = NO_BYTES;
  private quotedStart = 0;
  private quotedEnd = 0;

  /**
   * Scans the quoted field whose opening quote is at `p`. Returns the index
   * after the closing quote, or -1 when the buffer ends first (more data is
   * needed). Throws for an unterminated quote at the end of the stream and for
   * text between the closing quote and the next delimiter.
   */
  private scanQuoted(p: number, recordStart: number, recordLine: number, recordLineStart: number): number {
    const buf = this.buf;
    const end = this.dataEnd;
    const open = p;
    let q = p + 1;
    let escaped = false;
    while (true) {
      if (q >= end) {
        if (!this.eof) return -1;
        this.fail(open, recordStart, recordLine, recordLineStart, 'unterminated quoted field: the quote opened here is never closed; expected a closing `"`');
      }
      const c = buf[q];
      if (c === QUOTE) {
        if (q + 1 >= end && !this.eof) return -1;
        if (q + 1 < end && buf[q + 1] === QUOTE) {
          escaped = true;
          q += 2;
          continue;
        }
        break;
      }
      if (c === LF) {
        this.line++;
        this.lineStart = this.base + q + 1;
      } else if (c === CR) {
        // A lone CR ends a line too (endRecord counts it so); CRLF is counted at its LF.
        if (q + 1 >= end && !this.eof) return -1;
        if (q + 1 >= end || buf[q + 1] !== LF) {
          this.line++;
          this.lineStart = this.base + q + 1;
        }
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
      this.quotedStart = open + 1;
      this.quotedEnd = close;
      return after;
    }
    if (this.scratch.length < close - open) this.scratch = Buffer.allocUnsafe((close - open) * 2);
    const scratch = this.scratch;
    let length = 0;
    for (let i = open + 1; i < close; i++) {
      const c = buf[i];
      scratch[length++] = c;
      if (c === QUOTE) i++;
    }
    this.quotedSource = scratch;
    this.quotedStart = 0;
    this.quotedEnd = length;
    return after;
  }

  /**
   * Consumes the record terminator at `p` (LF, CRLF, a lone CR, or the end of
   * the stream). Returns the next record's start, or -1 when more data is needed.
   */
  private endRecord(p: number): number {
    const end = this.dataEnd;
    if (p >= end) {
      if (!this.eof) return -1;
      this.line++;
      this.lineStart = this.base + end;
      return end;
    }
    if (this.buf[p] === CR) {
      if (p + 1 >= end && !this.eof) return -1;
      p++;
      if (p < end && this.buf[p] === LF) p++;
    } else {
      p++;
    }
    this.line++;
    this.lineStart = this.base + p;
    return p;
  }

  private restore(recordStart: number, recordLine: number, recordLineStart: number): void {
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
  scan(maxRows: number): number {
    const target = this.target as BatchTarget;
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
      if (first === LF || first === CR) {
        // Blank lines: ignored at the end of the file, an error (or an empty
        // value in a one-column file) anywhere else.
        let q = p;
        while (q < end && (buf[q] === LF || buf[q] === CR)) q++;
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
          // Express lanes for the common fields: an unquoted decimal of at
          // most 15 digits (exact, see text/number.ts) or an unquoted text,
          // followed by the expected delimiter or line end. Anything else
          // falls through to the general path from the same position. The
          // sentinel LF after the data stops every loop.
          if (kind <= KIND_INTEGER) {
            let q = p;
            let b = buf[q];
            const negative = b === MINUS;
            if (negative) b = buf[++q];
            let mantissa = 0;
            const digitsStart = q;
            while (b >= 0x30 && b <= 0x39) {
              mantissa = mantissa * 10 + (b - 0x30);
              b = buf[++q];
            }
            let digits = q - digitsStart;
            let fraction = 0;
            if (b === DOT) {
              const fractionStart = ++q;
              b = buf[q];
              while (b >= 0x30 && b <= 0x39) {
                mantissa = mantissa * 10 + (b - 0x30);
                b = buf[++q];
              }
              fraction = q - fractionStart;
              digits += fraction;
            }
            if (
              digits > 0 &&
              digits <= 15 &&
              (fraction === 0 || kind === KIND_FLOAT) &&
              (b === delimiter ? c !== lastColumn : c === lastColumn && (b === LF || b === CR) && q < end)
            ) {
              const magnitude = fraction === 0 ? mantissa : mantissa / POW10[fraction];
              numbers[c][row] = negative ? -magnitude : magnitude;
              p = b === delimiter ? q + 1 : q;
              continue;
            }
          } else if (kind === KIND_TEXT && buf[p] !== QUOTE) {
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
                p = b === delimiter ? q + 1 : q;
                continue;
              }
            }
          }
        }
        const fieldStart = p;
        let src: Uint8Array = buf;
        let s = p;
        let e: number;
        let hash = FNV.offset;
        if (buf[p] === QUOTE) {
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
        // A field that runs into the end of the buffer may be cut short.
        if (p >= end && !eof) {
          this.restore(recordStart, recordLine, recordLineStart);
          this.row = row;
          return SCAN_NEED_DATA;
        }
        const terminator = p < end ? buf[p] : LF;
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

        const isNull = s === e || (checkNullTexts && this.isNullText(src, s, e));
        switch (kind) {
          case KIND_FLOAT:
          case KIND_INTEGER: {
            const column = numbers[c];
            if (isNull) {
              column[row] = NaN;
              nulls[c][row] = 1;
              break;
            }
            const value = parseNumber(src, s, e);
            if (kind === KIND_INTEGER ? Number.isInteger(value) : value === value) {
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
            if (code < 0) this.failUtf8(this.invalidUtf8Index(src, s, e, fieldStart), recordStart, recordLine, recordLineStart);
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
  isNullText(src: Uint8Array, s: number, e: number): boolean {
    const length = e - s;
    outer: for (const text of this.nullTexts) {
      if (text.length !== length) continue;
      for (let i = 0; i < length; i++) if (text[i] !== src[s + i]) continue outer;
      return true;
    }
    return false;
  }

  private flagInvalid(
    c: number,
    row: number,
    src: Uint8Array,
    s: number,
    e: number,
    fieldStart: number,
    recordStart: number,
    recordLine: number,
    recordLineStart: number,
  ): void {
    let text: string | undefined;
    if (isAscii(src, s, e)) {
      text = this.tracker?.wantsExample(c) ? decodeUtf8(src, s, e) : undefined;
    } else {
      text = decodeUtf8(src, s, e);
      if (text === undefined) this.failUtf8(this.invalidUtf8Index(src, s, e, fieldStart), recordStart, recordLine, recordLineStart);
    }
    const target = this.target as BatchTarget;
    target.nulls[c][row] = 1;
    let mask = target.invalid[c];
    if (mask === undefined) {
      mask = new Uint8Array(target.capacity);
      target.invalid[c] = mask;
    }
    mask[row] = 1;
    this.pendingInvalidColumns.push(c);
    this.pendingInvalidTexts.push(text);
  }

  private commitInvalid(row: number, line: number): void {
    const tracker = this.tracker as InvalidTracker;
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
  private countFields(p: number, columns: number): number {
    const buf = this.buf;
    const end = this.dataEnd;
    let fields = columns;
    let inQuotes = false;
    for (let q = p; q < end; q++) {
      const c = buf[q];
      if (inQuotes) {
        if (c === QUOTE) inQuotes = false;
      } else if (c === QUOTE) {
        inQuotes = true;
      } else if (c === this.delimiter) {
        fields++;
      } else if (c === LF || c === CR) {
        return fields;
      }
    }
    return this.eof ? fields : -1;
  }

  private raggedError(line: number, got: number): never {
    const fieldWord = got === 1 ? 'field' : 'fields';
    throw new InputError(
      { file: this.file, line },
      `expected ${this.columnCount} fields (as in the header) separated by ${describeDelimiter(this.delimiter)}, got ${got} ${fieldWord}`,
    );
  }

  /**
   * Buffer index of the first invalid UTF-8 byte of a field. A quoted field
   * with doubled quotes was copied out of the buffer; its raw bytes from the
   * opening quote differ only by ASCII quotes, so the same byte is the first
   * invalid one there.
   */
  private invalidUtf8Index(src: Uint8Array, s: number, e: number, fieldStart: number): number {
    return src === this.buf ? firstInvalidUtf8(src, s, e) : firstInvalidUtf8(this.buf, fieldStart + 1, this.dataEnd);
  }

  private failUtf8(index: number, recordStart: number, recordLine: number, recordLineStart: number): never {
    this.fail(index, recordStart, recordLine, recordLineStart, `invalid UTF-8 at byte offset ${this.base + index}; expected UTF-8 text (re-save the file as UTF-8)`);
  }

  /** Throws an InputError at buffer index `index` of the record starting at `recordStart`. */
  private fail(index: number, recordStart: number, recordLine: number, recordLineStart: number, detail: string): never {
    let line = recordLine;
    let lineStart = recordLineStart;
    for (let q = recordStart; q < index; q++) {
      const c = this.buf[q];
      if (c === LF || (c === CR && this.buf[q + 1] !== LF)) {
        line++;
        lineStart = this.base + q + 1;
      }
    }
    throw new InputError({ file: this.file, line, column: this.base + index - lineStart + 1 }, detail);
  }
}

/** A delimiter as words for messages. */
export function describeDelimiter(delimiter: number): string {
  if (delimiter === 0x09) return 'tabs';
  return `\`${String.fromCharCode(delimiter)}\``;
}
