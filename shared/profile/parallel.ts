import { stat } from 'node:fs/promises';
import { describeFile } from '../data/format.js';
import { lineAtOffset, openTable, splitCsvRanges } from '../data/index.js';
import type { ColumnType, ReadOptions, TableReader } from '../data/types.js';
import { InputError, UsageError } from '../errors/index.js';
import { createSlot, type BatchSlot } from './batch-wire.js';
import { mergeProfiles } from './merge.js';
import { profileReader } from './profile-table.js';
import { ProfileWorker, profileCsvRange, type ProfileSettings } from './profile-worker.js';
import type { Profile } from './types.js';

/**
 * Below this many bytes of CSV per thread, threads share one reader instead
 * of reading byte ranges: every thread that parses and profiles on its own
 * pays the code's warm-up and the sketches' costly first values, which a
 * range of a smaller file does not earn back. Measured with two threads on a
 * 2-core machine, 20 columns: 1M rows (155 MB) 1.09 s shared against 1.16 s
 * in ranges; 2M rows (309 MB) 1.65 s against 1.49 s.
 */
export const RANGE_SPLIT_MIN_BYTES_PER_THREAD = 112 * 1024 * 1024;

export interface ParallelProfileOptions {
  /** Threads in all, the calling one included; 1 profiles on the calling thread. */
  threads: number;
  /**
   * The script a worker runs: a module that calls `serveProfileWorker`
   * (the command line ships one next to its bundle).
   */
  workerUrl: URL;
  read?: ReadOptions;
  settings?: ProfileSettings;
  /** Byte-range split threshold (default {@link RANGE_SPLIT_MIN_BYTES_PER_THREAD}); for tests. */
  rangeSplitMinBytes?: number;
}

/**
 * Profiles a data file on several threads, one of two ways:
 *
 * - shared reader (any format): the calling thread reads and parses while
 *   `threads - 1` workers fold the batches it hands over, so parsing and
 *   profiling overlap. With one worker the profile is exactly the
 *   one-thread profile; with more, each worker takes every n-th batch and
 *   their profiles are merged.
 * - byte ranges (large uncompressed CSV files): every thread, the calling
 *   one included, reads and profiles its own part of the file; the profiles
 *   are merged. Ranges are cut at line feeds, so quoted fields must not hold
 *   line breaks.
 */
export async function profileTableParallel(path: string, options: ParallelProfileOptions): Promise<Profile> {
  const { threads, read = {}, settings = {} } = options;
  if (!Number.isInteger(threads) || threads < 1) throw new UsageError(`--threads expects a positive whole number, got ${String(threads)}`);
  // The profile folds each batch and drops it (or copies it for a worker), so the reader may reuse its buffers.
  if (threads === 1) return profileReader(await openTable(path, { ...read, reuseBatches: true }), settings);
  // Workers start first: they load their code while this thread infers the schema.
  const workers = Array.from({ length: threads - 1 }, () => new ProfileWorker(options.workerUrl));
  try {
    const reader = await openTable(path, { ...read, reuseBatches: true });
    const splittable = reader.format === 'csv' && !describeFile(path, read.format).gzip;
    const minBytes = options.rangeSplitMinBytes ?? RANGE_SPLIT_MIN_BYTES_PER_THREAD;
    if (splittable && (await stat(path)).size >= minBytes * threads) {
      await reader.close();
      const types: Record<string, ColumnType> = {};
      for (const field of reader.schema.fields) types[field.name] = field.type;
      return await profileByRanges(path, workers, { ...read, types }, settings);
    }
    return await profileWithSharedReader(reader, workers, settings);
  } finally {
    for (const worker of workers) worker.stop();
  }
}

async function profileByRanges(path: string, workers: ProfileWorker[], read: ReadOptions, settings: ProfileSettings): Promise<Profile> {
  const ranges = await splitCsvRanges(path, workers.length + 1, { delimiter: read.delimiter });
  // The first failure ends the call; this thread's own range then stops too, rather than read on unseen.
  const stop = new AbortController();
  const profiles = ranges.map(async (range, index) => {
    try {
      return await (index === 0 ? profileCsvRange(path, range, read, settings, stop.signal) : workers[index - 1].profileRange(path, range, read, settings));
    } catch (error) {
      stop.abort();
      throw await inFileLines(error, path, range.start);
    }
  });
  const [first, ...rest] = await Promise.all(profiles);
  return rest.reduce((merged, next) => mergeProfiles(merged, next), first);
}

/** A range reader counts lines from its first byte (line 1); the user needs the file's line. */
async function inFileLines(error: unknown, path: string, rangeStart: number): Promise<unknown> {
  if (!(error instanceof InputError) || error.location?.line === undefined || error.location.file !== path) return error;
  const offset = (await lineAtOffset(path, rangeStart)) - 1;
  return new InputError({ ...error.location, line: error.location.line + offset }, error.detail);
}

/** Reads `reader` on this thread and profiles its batches on the workers; closes the reader. */
async function profileWithSharedReader(reader: TableReader, workers: ProfileWorker[], settings: ProfileSettings): Promise<Profile> {
  for (const worker of workers) worker.start(reader.schema, settings);
  // Two batches in flight per worker: one being profiled, one ready behind it.
  const slotLimit = 2 * workers.length;
  const free: BatchSlot[] = [];
  let created = 0;
  let waiting: ((slot: BatchSlot) => void) | null = null;
  for (const worker of workers) {
    worker.onFree = (slot) => {
      if (waiting === null) free.push(slot);
      else {
        const resume = waiting;
        waiting = null;
        resume(slot);
      }
    };
  }
  const failure = Promise.race(workers.map((worker) => worker.failed));
  // A worker's failure stops the reading at the next batch, not at the end of the file.
  let failed: { error: unknown } | null = null;
  failure.catch((error: unknown) => (failed = { error }));
  try {
    let index = 0;
    for await (const batch of reader) {
      if (failed !== null) throw (failed as { error: unknown }).error;
      let slot = free.pop();
      if (slot === undefined && created < slotLimit) slot = createSlot(created++, batch.columns, batch.length);
      slot ??= await Promise.race([new Promise<BatchSlot>((resolve) => (waiting = resolve)), failure]);
      // Readers keep one batch size, but need not: a longer batch gets a bigger slot.
      if (slot.capacity < batch.length) slot = createSlot(slot.id, batch.columns, batch.length);
      workers[index % workers.length].send(batch, slot);
      index++;
    }
    const profiles = await Promise.all(workers.map((worker) => worker.finish()));
    return profiles.reduce((merged, next) => mergeProfiles(merged, next));
  } finally {
    await reader.close();
  }
}
