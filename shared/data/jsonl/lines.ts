/** Lines of a byte stream, decoded as UTF-8, with their 1-based numbers. */
import { InputError } from '../../errors/index.js';
import type { ByteSource } from '../byte-source.js';
import { decodeUtf8, firstInvalidUtf8 } from '../utf8.js';

const LF = 0x0a;
const CR = 0x0d;
const CHUNK = 1 << 20;

export interface Line {
  text: string;
  /** 1-based line number. */
  number: number;
}

/** Yields every line (without its LF or CRLF); invalid UTF-8 is an InputError with line and column. */
export async function* readLines(source: ByteSource, file: string): AsyncGenerator<Line> {
  let buf = Buffer.allocUnsafe(CHUNK);
  let start = 0;
  let end = 0;
  let eof = false;
  let number = 0;
  let first = true;
  while (true) {
    const newline = buf.indexOf(LF, start);
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
      if (first && end >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
      if (end > 0) first = false;
      continue;
    }
    let lineEnd = newline;
    if (lineEnd > start && buf[lineEnd - 1] === CR) lineEnd--;
    yield { text: decode(buf, start, lineEnd, ++number, file), number };
    start = newline + 1;
  }
}

function decode(buf: Buffer, start: number, end: number, line: number, file: string): string {
  const text = decodeUtf8(buf, start, end);
  if (text !== undefined) return text;
  const bad = firstInvalidUtf8(buf, start, end);
  throw new InputError({ file, line, column: bad - start + 1 }, 'invalid UTF-8; expected UTF-8 text (re-save the file as UTF-8)');
}
