/**
 * Delimiter detection: the candidate (`,` tab `;` `|`) that splits the first
 * records into the same number of fields, more than one, wins; with several
 * such candidates the one giving the most fields, then the earlier in that
 * list. When none is consistent the file is read with `,` (a one-column file,
 * or a ragged one that the reader will then report with its line).
 */
export const DELIMITER_CANDIDATES: readonly number[] = [0x2c, 0x09, 0x3b, 0x7c];
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const RECORDS_TO_CHECK = 20;

/**
 * Field count of the record at `start` (its end goes to `state.next`), or -1
 * when it does not end before `end` (unless `complete`: then `end` ends it).
 */
function countFields(bytes: Uint8Array, start: number, end: number, complete: boolean, delimiter: number, state: { next: number }): number {
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

/**
 * The delimiter for the text `bytes[start, end)` (the beginning of a file,
 * after its BOM). `complete` says whether that is the whole file, so its last
 * record counts even without a final newline.
 */
export function detectDelimiter(bytes: Uint8Array, start: number, end: number, complete: boolean): number {
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
