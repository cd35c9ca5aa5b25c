import { describe, expect, it } from 'vitest';
import type { Column, RecordBatch, Schema, StringColumn } from '../../shared/data/types.js';
import { BatchUnpacker, DictionaryTracker, createSlot, packBatch, type BatchSlot } from '../../shared/profile/batch-wire.js';
import { BatchMaker } from './batches.js';

const schema: Schema = {
  fields: [
    { name: 'x', type: 'float' },
    { name: 'flag', type: 'boolean' },
    { name: 'plan', type: 'category' },
  ],
};

function plain(batch: RecordBatch): unknown {
  return batch.columns.map((column: Column) => ({
    name: column.name,
    kind: column.kind,
    nulls: Array.from(column.nulls.subarray(0, batch.length)),
    invalid: column.invalid ? Array.from(column.invalid.subarray(0, batch.length)) : null,
    values: column.kind === 'string' ? Array.from(column.codes.subarray(0, batch.length), (code) => (code < 0 ? null : column.dictionary[code])) : Array.from(column.values.subarray(0, batch.length)),
  }));
}

describe('batch wire', () => {
  it('round-trips batches through one reused slot, sending each dictionary text once', () => {
    const maker = new BatchMaker();
    const specs = [
      [
        { name: 'x', type: 'float' as const, values: [1.5, null, -2, null], invalid: [3] },
        { name: 'flag', type: 'boolean' as const, values: [true, false, null, true] },
        { name: 'plan', type: 'category' as const, values: ['basic', 'pro', null, 'basic'] },
      ],
      [
        { name: 'x', type: 'float' as const, values: [7, 8] },
        { name: 'flag', type: 'boolean' as const, values: [false, false] },
        { name: 'plan', type: 'category' as const, values: ['enterprise', 'basic'] },
      ],
      [
        { name: 'x', type: 'float' as const, values: [9] },
        { name: 'flag', type: 'boolean' as const, values: [true] },
        { name: 'plan', type: 'category' as const, values: ['pro'] },
      ],
    ];
    const tracker = new DictionaryTracker(3);
    const unpacker = new BatchUnpacker(schema);
    let slot: BatchSlot | undefined;
    const sentTexts: (string[] | null)[] = [];
    for (const spec of specs) {
      // As a reader does: the shared dictionary grows as each batch is read.
      const batch = maker.make(spec);
      slot ??= createSlot(0, batch.columns, 4);
      const { message, transfer } = packBatch(batch, slot, tracker);
      expect(transfer).toEqual(expect.arrayContaining(slot.buffers));
      // What postMessage would deliver: a structured clone.
      const delivered = structuredClone(message);
      sentTexts.push(delivered.dictionaries[2]?.texts ?? null);
      const received = unpacker.unpack(delivered);
      expect(received.length).toBe(batch.length);
      expect(received.rowOffset).toBe(batch.rowOffset);
      expect(plain(received)).toEqual(plain(batch));
      slot = { id: delivered.slot, capacity: delivered.capacity, buffers: delivered.buffers };
    }
    expect(sentTexts).toEqual([['basic', 'pro'], ['enterprise'], null]);
  });

  it('starts a new dictionary on the other side when a batch brings a different one', () => {
    const tracker = new DictionaryTracker(3);
    const unpacker = new BatchUnpacker(schema);
    const fileWith = (plan: string): RecordBatch =>
      new BatchMaker().make([
        { name: 'x', type: 'float', values: [1] },
        { name: 'flag', type: 'boolean', values: [true] },
        { name: 'plan', type: 'category', values: [plan] },
      ]);
    const send = (batch: RecordBatch): RecordBatch => unpacker.unpack(structuredClone(packBatch(batch, createSlot(0, batch.columns, 1), tracker).message));
    const firstPlan = send(fileWith('basic')).columns[2] as StringColumn;
    const secondPlan = send(fileWith('pro')).columns[2] as StringColumn;
    expect(secondPlan.dictionary).not.toBe(firstPlan.dictionary);
    expect(firstPlan.dictionary).toEqual(['basic']);
    expect(secondPlan.dictionary).toEqual(['pro']);
    expect(secondPlan.codes[0]).toBe(0);
  });
});
