/**
 * Splitting a CSV file into byte ranges that start on record boundaries, so
 * that workers can read parts of one file at the same time.
 *
 * A boundary is found by moving to an approximate offset and resyncing just
 * after the next line feed. That is only safe when no quoted field contains a
 * line break: pass `quotedNewlines: true` for files that may have them, and
 * the boundaries come from one sequential pass that tracks quote parity
 * instead (valid for RFC 4180 files, where a `"` only appears in quoted
 * fields). Files without LF line ends (lone CR) and gzip files are not split.
 */
import { open } from 'node:fs/promises';
import { InputError, UsageError } from '../../errors/index.js';
import { FileByteSource } from '../byte-source.js';
import { describeFile } from '../format.js';
import { delimiterCode, startCsv, type CsvRange } from './reader.js';
import { CsvScanner } from './scanner.js';

const LF = 0x0a;
const QUOTE = 0x22;
const CHUNK = 1 << 20;

export interface SplitOptions {
  /** Quoted fields may contain line breaks: find boundaries with a full quote-aware pass. */
  quotedNewlines?: boolean;
  /** CSV delimiter, as for `openTable`. */
  delimiter?: string;
}

/**
 * Up to `parts` contiguous byte ranges covering the data rows of `path`
 * (after its header), each starting at a record boundary. Read each with
 * `openCsvRange`; fewer ranges come back when the file is small.
 */
export async function splitCsvRanges(path: string, parts: number, options: SplitOptions = {}): Promise<CsvRange[]> {
  if (!Number.isInteger(parts) || parts < 1) throw new UsageError(`invalid number of parts ${String(parts)}; expected a positive integer`);
  const detected = describeFile(path, 'csv');
  if (detected.gzip) throw new UsageError(`${path}: a gzip-compressed file cannot be split; expected an uncompressed CSV file`);
  const dataStart = await headerEnd(path, options.delimiter, detected.tabSeparated);
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (dataStart >= size) return [{ start: dataStart, end: size }];
    const targets: number[] = [];
    for (let k = 1; k < parts; k++) targets.push(dataStart + Math.floor(((size - dataStart) * k) / parts));
    const boundaries = options.quotedNewlines
      ? await boundariesByQuoteParity(handle, dataStart, size, targets)
      : await boundariesByNextLine(handle, size, targets);
    const ranges: CsvRange[] = [];
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

/**
 * The 1-based line number of the byte at `offset` (one plus the line feeds
 * before it), for turning a line counted from a range's start into the
 * file's line. Reads the file up to `offset`.
 */
export async function lineAtOffset(path: string, offset: number): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    let line = 1;
    let position = 0;
    while (position < offset) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(CHUNK, offset - position), position);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      for (let index = chunk.indexOf(LF); index >= 0; index = chunk.indexOf(LF, index + 1)) line++;
      position += bytesRead;
    }
    return line;
  } finally {
    await handle.close();
  }
}

/** Offset just after the header record. */
async function headerEnd(path: string, delimiter: string | undefined, tabSeparated: boolean): Promise<number> {
  const scanner = new CsvScanner(await FileByteSource.open(path), path);
  try {
    await startCsv(scanner, path, delimiter !== undefined ? delimiterCode(delimiter) : tabSeparated ? 0x09 : undefined);
    if ((await scanner.readRecord()) === undefined) throw new InputError({ file: path, line: 1 }, 'the header row is empty; expected a header row naming the columns');
    return scanner.offset;
  } finally {
    await scanner.close();
  }
}

type Handle = Awaited<ReturnType<typeof open>>;

/** For each target, the offset after the first LF at or after `target - 1` (or the file size). */
async function boundariesByNextLine(handle: Handle, size: number, targets: number[]): Promise<number[]> {
  const buffer = Buffer.allocUnsafe(CHUNK);
  const boundaries: number[] = [];
  for (const target of targets) {
    let position = target - 1;
    let boundary = size;
    while (position < size) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, position);
      if (bytesRead === 0) break;
      const index = buffer.subarray(0, bytesRead).indexOf(LF);
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

/** Like `boundariesByNextLine`, but only LFs outside quoted fields count (one pass from `dataStart`). */
async function boundariesByQuoteParity(handle: Handle, dataStart: number, size: number, targets: number[]): Promise<number[]> {
  const buffer = Buffer.allocUnsafe(CHUNK);
  const boundaries: number[] = [];
  let inQuotes = false;
  let next = 0;
  let position = dataStart;
  while (position < size && next < targets.length) {
    const { bytesRead } = await handle.read(buffer, 0, CHUNK, position);
    if (bytesRead === 0) break;
    for (let i = 0; i < bytesRead && next < targets.length; i++) {
      const byte = buffer[i];
      if (byte === QUOTE) inQuotes = !inQuotes;
      else if (byte === LF && !inQuotes && position + i >= targets[next] - 1) {
        boundaries.push(position + i + 1);
        next++;
        while (next < targets.length && targets[next] - 1 <= position + i) next++;
      }
    }
    position += bytesRead;
  }
  return boundaries;
}
