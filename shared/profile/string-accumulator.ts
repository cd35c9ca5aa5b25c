/**
 * Per-column accumulator for string and category columns. Values arrive as
 * codes into the reader's dictionary, which is shared by all batches of one
 * file: the hot loop only bumps a counter per code, and texts are looked up
 * once at the end. A batch with a different dictionary (another file) folds
 * the counts so far into a text-keyed map first.
 */
import type { StringColumn } from '../data/types.js';
import { HyperLogLog, TopK } from '../stats/index.js';
import { countMask } from './mask.js';
import type { ProfileSettings, StringColumnProfile } from './types.js';

/** Indexes of the `k` largest counts (ties: lower index first), by a bounded min-heap. */
function largestIndexes(counts: Float64Array, size: number, k: number): number[] {
  const heap: number[] = [];
  const less = (a: number, b: number): boolean => counts[a] < counts[b] || (counts[a] === counts[b] && a > b);
  const siftDown = (i: number): void => {
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
        const parent = (i - 1) >> 1;
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

export class StringAccumulator {
  private count = 0;
  private nulls = 0;
  private invalid = 0;
  private dictionary: string[] | null = null;
  private codeCounts = new Float64Array(64);
  /** Counts from batches of earlier dictionaries. */
  private textCounts = new Map<string, number>();

  constructor(
    readonly name: string,
    readonly type: StringColumn['type'],
    private readonly settings: ProfileSettings,
  ) {}

  add(column: StringColumn, length: number): void {
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

  private grow(size: number): void {
    const bigger = new Float64Array(Math.max(size, 2 * this.codeCounts.length));
    bigger.set(this.codeCounts);
    this.codeCounts = bigger;
  }

  private foldCodes(): void {
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

  finish(): StringColumnProfile {
    let entries: [string, number][];
    let topEntries: [string, number][];
    if (this.textCounts.size === 0 && this.dictionary !== null) {
      // One dictionary: work on codes, pick the top without sorting everything.
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
    let exactCounts: StringColumnProfile['exactCounts'] = null;
    if (exact) {
      entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      exactCounts = { values: entries.map(([v]) => v), counts: entries.map(([, c]) => c) };
    }
    // Only the k + 1 largest may have been passed in; the total covers every value.
    const top = TopK.fromCounts(topEntries, this.settings.topK);
    top.total = this.count;
    return {
      name: this.name,
      kind: 'string',
      type: this.type,
      count: this.count,
      nulls: this.nulls,
      invalid: this.invalid,
      distinct: { value: exact ? entries.length : Math.round(hll.estimate()), exact, hll: hll.toJSON() },
      exactCounts,
      top: top.toJSON(),
    };
  }
}
