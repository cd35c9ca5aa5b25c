/**
 * Record batches across a thread boundary: the reading thread copies each
 * batch into a slot of plain ArrayBuffers and transfers them (no copy on the
 * way), the profiling thread wraps them as a batch again and transfers them
 * back for reuse. A few slots in flight bound the memory whatever the file's
 * size. String columns travel as codes plus the dictionary entries that are
 * new since the last batch sent to that thread.
 */
import type { Column, RecordBatch, Schema, StringColumn } from '../data/types.js';

/** Buffers of one batch in flight: a values buffer and a nulls buffer per column. */
export interface BatchSlot {
  id: number;
  capacity: number;
  buffers: ArrayBuffer[];
}

/** What the reading thread posts for one batch. */
export interface WireBatch {
  type: 'batch';
  slot: number;
  capacity: number;
  length: number;
  rowOffset: number;
  buffers: ArrayBuffer[];
  /** Per column: the invalid mask, when the batch has one. */
  invalid: (Uint8Array | null)[];
  /** Per string column: texts added to its dictionary since the last batch sent, or a whole new dictionary. */
  dictionaries: ({ reset: boolean; texts: string[] } | null)[];
}

const BYTES_PER_VALUE = { number: 8, boolean: 1, string: 4 } as const;

/** Allocates a slot that holds `capacity` rows of columns like `columns` (a batch's). */
export function createSlot(id: number, columns: readonly Column[], capacity: number): BatchSlot {
  const buffers: ArrayBuffer[] = [];
  for (const column of columns) {
    buffers.push(new ArrayBuffer(capacity * BYTES_PER_VALUE[column.kind]), new ArrayBuffer(capacity));
  }
  return { id, capacity, buffers };
}

/** Per profiling thread: how much of each string column's dictionary it has been sent. */
export class DictionaryTracker {
  private readonly sent: { dictionary: string[] | null; length: number }[];

  constructor(columns: number) {
    this.sent = Array.from({ length: columns }, () => ({ dictionary: null, length: 0 }));
  }

  additions(column: StringColumn, index: number): { reset: boolean; texts: string[] } | null {
    const state = this.sent[index];
    const dictionary = column.dictionary;
    const reset = state.dictionary !== dictionary;
    const from = reset ? 0 : state.length;
    state.dictionary = dictionary;
    state.length = dictionary.length;
    if (!reset && from === dictionary.length) return null;
    return { reset, texts: dictionary.slice(from) };
  }
}

/**
 * Copies `batch` into `slot` and returns the message to post, with the list
 * of buffers to transfer. The slot must hold at least `batch.length` rows.
 */
export function packBatch(batch: RecordBatch, slot: BatchSlot, tracker: DictionaryTracker): { message: WireBatch; transfer: ArrayBuffer[] } {
  const { length } = batch;
  const invalid: (Uint8Array | null)[] = [];
  const dictionaries: WireBatch['dictionaries'] = [];
  const transfer = [...slot.buffers];
  batch.columns.forEach((column, index) => {
    const values = slot.buffers[2 * index];
    const nulls = slot.buffers[2 * index + 1];
    new Uint8Array(nulls, 0, length).set(column.nulls.subarray(0, length));
    if (column.kind === 'number') new Float64Array(values, 0, length).set(column.values.subarray(0, length));
    else if (column.kind === 'boolean') new Uint8Array(values, 0, length).set(column.values.subarray(0, length));
    else new Int32Array(values, 0, length).set(column.codes.subarray(0, length));
    const mask = column.invalid === undefined ? null : column.invalid.slice(0, length);
    if (mask !== null) transfer.push(mask.buffer as ArrayBuffer);
    invalid.push(mask);
    dictionaries.push(column.kind === 'string' ? tracker.additions(column, index) : null);
  });
  const message: WireBatch = {
    type: 'batch',
    slot: slot.id,
    capacity: slot.capacity,
    length,
    rowOffset: batch.rowOffset,
    buffers: slot.buffers,
    invalid,
    dictionaries,
  };
  return { message, transfer };
}

/** The profiling thread's side: turns wire batches back into record batches over the same buffers. */
export class BatchUnpacker {
  private readonly dictionaries: string[][];

  constructor(private readonly schema: Schema) {
    this.dictionaries = schema.fields.map(() => []);
  }

  unpack(message: WireBatch): RecordBatch {
    const { length } = message;
    const columns = this.schema.fields.map((field, index): Column => {
      const values = message.buffers[2 * index];
      const nulls = new Uint8Array(message.buffers[2 * index + 1], 0, length);
      const invalid = message.invalid[index] ?? undefined;
      const base = { name: field.name, nulls, ...(invalid ? { invalid } : {}) };
      if (field.type === 'boolean') return { ...base, kind: 'boolean', type: 'boolean', values: new Uint8Array(values, 0, length) };
      if (field.type === 'string' || field.type === 'category') {
        const update = message.dictionaries[index];
        if (update?.reset) this.dictionaries[index] = [];
        const dictionary = this.dictionaries[index];
        if (update) for (const text of update.texts) dictionary.push(text);
        return { ...base, kind: 'string', type: field.type, codes: new Int32Array(values, 0, length), dictionary };
      }
      return { ...base, kind: 'number', type: field.type, values: new Float64Array(values, 0, length) };
    });
    return { rowOffset: message.rowOffset, length, columns };
  }
}
