import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { openCsvRange, openTable, splitCsvRanges } from '../data/index.js';
import type { ColumnType, ReadOptions } from '../data/types.js';
import { UsageError } from '../errors/index.js';
import { ProfileBuilder, type ProfileBuilderOptions } from './builder.js';
import { mergeProfiles } from './merge.js';
import { profileReader } from './profile-table.js';
import type { Profile } from './types.js';

type Settings = Omit<ProfileBuilderOptions, 'schema'>;

/** What the main thread sends a profile worker. */
interface RangeTask {
  kind: 'tollgate-profile-range';
  path: string;
  range: { start: number; end: number };
  read: ReadOptions;
  settings: Settings;
}

type RangeReply = { ok: true; profile: Profile } | { ok: false; message: string; userFacing: boolean };

export interface ParallelProfileOptions {
  /** Worker threads; 1 profiles on the calling thread. */
  threads: number;
  /**
   * The script a worker runs: a module that calls {@link serveProfileWorker}
   * (the command line ships one next to its bundle).
   */
  workerUrl: URL;
  read?: ReadOptions;
  settings?: Settings;
}

/**
 * Profiles a CSV file with several worker threads, each reading its own byte
 * range, then merges their profiles. The schema is inferred once, up front,
 * so every range reads every column as the same type. Other formats, gzip and
 * one thread fall back to the single-threaded {@link profileReader}.
 *
 * Ranges are cut at line feeds, which is only safe when no quoted field
 * holds a line break; pass `read.quotedNewlines`-free files or use one thread.
 */
export async function profileTableParallel(path: string, options: ParallelProfileOptions): Promise<Profile> {
  const { threads, read = {}, settings = {} } = options;
  if (!Number.isInteger(threads) || threads < 1) throw new UsageError(`--threads expects a positive whole number, got ${String(threads)}`);
  // The profile folds each batch and drops it, so the reader may reuse its buffers.
  const probe = await openTable(path, { ...read, reuseBatches: true });
  const schema = probe.schema;
  const splittable = probe.format === 'csv' && !path.endsWith('.gz');
  // One thread reads on with the reader that inferred the schema, so the file is opened and sampled once.
  if (threads === 1 || !splittable) return profileReader(probe, settings);
  await probe.close();

  const types: Record<string, ColumnType> = {};
  for (const field of schema.fields) types[field.name] = field.type;
  const ranges = await splitCsvRanges(path, threads, { delimiter: read.delimiter });
  const profiles = await Promise.all(
    ranges.map((range) => runWorker(options.workerUrl, { kind: 'tollgate-profile-range', path, range, read: { ...read, types }, settings })),
  );
  return profiles.reduce((merged, next) => mergeProfiles(merged, next));
}

/** Profiles one byte range of a CSV file on the current thread. */
export async function profileRange(path: string, range: { start: number; end: number }, read: ReadOptions, settings: Settings): Promise<Profile> {
  const reader = await openCsvRange(path, range, { ...read, reuseBatches: true });
  const builder = new ProfileBuilder({ ...settings, schema: reader.schema });
  try {
    for await (const batch of reader) builder.add(batch);
  } finally {
    await reader.close();
  }
  return builder.finish();
}

/**
 * The worker side: when this thread was started by {@link profileTableParallel},
 * profile the range it was given and send the result back. Returns false on
 * the main thread (or in a worker meant for something else).
 */
export function serveProfileWorker(): boolean {
  const task = workerData as RangeTask | undefined;
  if (isMainThread || !parentPort || task?.kind !== 'tollgate-profile-range') return false;
  const port = parentPort;
  profileRange(task.path, task.range, task.read, task.settings).then(
    (profile) => port.postMessage({ ok: true, profile } satisfies RangeReply),
    (error: unknown) => {
      const userFacing = error instanceof Error && 'exitCode' in error;
      port.postMessage({ ok: false, message: userFacing ? (error as Error).message : String((error as Error)?.stack ?? error), userFacing } satisfies RangeReply);
    },
  );
  return true;
}

function runWorker(url: URL, task: RangeTask): Promise<Profile> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: task });
    worker.once('message', (reply: RangeReply) => {
      void worker.terminate();
      if (reply.ok) resolve(reply.profile);
      else reject(reply.userFacing ? new UsageError(reply.message) : new Error(reply.message));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`profile worker exited with code ${code}`));
    });
  });
}
