/**
 * Both ends of a profile worker thread. The calling thread holds a
 * {@link ProfileWorker}; the worker script calls {@link serveProfileWorker}.
 * A worker does one of two jobs, told by its first message: build a profile
 * from batches the calling thread reads and sends (`start`, `batch`...,
 * `finish`), or read and profile one byte range of a CSV file itself (`range`).
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { openCsvRange } from '../data/index.js';
import type { CsvRange } from '../data/csv/reader.js';
import type { ReadOptions, RecordBatch, Schema } from '../data/types.js';
import { InputError, TollgateError, UsageError, type SourceLocation } from '../errors/index.js';
import { BatchUnpacker, DictionaryTracker, packBatch, type BatchSlot, type WireBatch } from './batch-wire.js';
import { ProfileBuilder, type ProfileBuilderOptions } from './builder.js';
import { profileReader } from './profile-table.js';
import type { Profile } from './types.js';

export type ProfileSettings = Omit<ProfileBuilderOptions, 'schema'>;

/** Marks the workers this module starts (their `workerData`). */
const WORKER_KIND = 'tollgate-profile-worker';

type ToWorker =
  | { type: 'start'; schema: Schema; settings: ProfileSettings }
  | WireBatch
  | { type: 'finish' }
  | { type: 'range'; path: string; range: CsvRange; read: ReadOptions; settings: ProfileSettings };

type FromWorker =
  | { type: 'free'; slot: number; capacity: number; buffers: ArrayBuffer[] }
  | { type: 'profile'; profile: Profile }
  | { type: 'error'; message: string; userFacing: boolean; location?: SourceLocation; detail?: string };

/** The calling thread's handle on one profile worker. Start it early: it loads its code meanwhile. */
export class ProfileWorker {
  private readonly worker: Worker;
  private tracker = new DictionaryTracker(0);
  private resolveProfile: ((profile: Profile) => void) | null = null;
  /** Called with each slot the worker is done with. */
  onFree: (slot: BatchSlot) => void = () => undefined;
  /** Rejects when the worker reports an error or stops early; never resolves. */
  readonly failed: Promise<never>;

  constructor(url: URL) {
    this.worker = new Worker(url, { workerData: { kind: WORKER_KIND } });
    this.failed = new Promise<never>((_, reject) => {
      this.worker.on('message', (message: FromWorker) => {
        if (message.type === 'free') this.onFree({ id: message.slot, capacity: message.capacity, buffers: message.buffers });
        else if (message.type === 'profile') this.resolveProfile?.(message.profile);
        else reject(workerError(message));
      });
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`profile worker exited with code ${code} before it finished`)));
    });
    // Whoever awaits the worker sees its failure; an unobserved one is not an error of its own.
    this.failed.catch(() => undefined);
  }

  /** Prepares the worker to build a profile of `schema` from batches sent with {@link send}. */
  start(schema: Schema, settings: ProfileSettings): void {
    this.tracker = new DictionaryTracker(schema.fields.length);
    this.post({ type: 'start', schema, settings });
  }

  /** Copies `batch` into `slot` and hands it over; the slot comes back through {@link onFree}. */
  send(batch: RecordBatch, slot: BatchSlot): void {
    const { message, transfer } = packBatch(batch, slot, this.tracker);
    this.post(message, transfer);
  }

  /** The profile of every batch sent. */
  finish(): Promise<Profile> {
    const profile = this.nextProfile();
    this.post({ type: 'finish' });
    return profile;
  }

  /** Has the worker read and profile one byte range of a CSV file. */
  profileRange(path: string, range: CsvRange, read: ReadOptions, settings: ProfileSettings): Promise<Profile> {
    const profile = this.nextProfile();
    this.post({ type: 'range', path, range, read, settings });
    return profile;
  }

  stop(): void {
    this.worker.removeAllListeners('exit');
    void this.worker.terminate();
  }

  private nextProfile(): Promise<Profile> {
    const profile = new Promise<Profile>((resolve) => (this.resolveProfile = resolve));
    return Promise.race([profile, this.failed]);
  }

  private post(message: ToWorker, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(message, transfer);
  }
}

/** The calling thread's copy of an error a worker reported: the same class of failure, with the same message. */
function workerError(message: Extract<FromWorker, { type: 'error' }>): Error {
  if (message.detail !== undefined) return new InputError(message.location, message.detail);
  return message.userFacing ? new UsageError(message.message) : new Error(message.message);
}

/** Profiles one byte range of a CSV file on the current thread; `signal` stops it between batches. */
export async function profileCsvRange(path: string, range: CsvRange, read: ReadOptions, settings: ProfileSettings, signal?: AbortSignal): Promise<Profile> {
  return profileReader(await openCsvRange(path, range, { ...read, reuseBatches: true }), { ...settings, signal });
}

/**
 * The worker side: when this thread was started by a {@link ProfileWorker},
 * do what its messages say. Returns false on the main thread (or in a worker
 * meant for something else).
 */
export function serveProfileWorker(): boolean {
  if (isMainThread || !parentPort || (workerData as { kind?: string } | undefined)?.kind !== WORKER_KIND) return false;
  const port = parentPort;
  const reply = (message: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);
  const fail = (error: unknown): void => {
    if (error instanceof InputError) reply({ type: 'error', message: error.message, userFacing: true, location: error.location, detail: error.detail });
    else if (error instanceof TollgateError) reply({ type: 'error', message: error.message, userFacing: true });
    else reply({ type: 'error', message: String((error as Error)?.stack ?? error), userFacing: false });
  };
  let builder: ProfileBuilder | undefined;
  let unpacker: BatchUnpacker | undefined;
  port.on('message', (message: ToWorker) => {
    try {
      if (message.type === 'range') {
        profileCsvRange(message.path, message.range, message.read, message.settings).then((profile) => reply({ type: 'profile', profile }), fail);
      } else if (message.type === 'start') {
        builder = new ProfileBuilder({ ...message.settings, schema: message.schema });
        unpacker = new BatchUnpacker(message.schema);
      } else if (builder === undefined || unpacker === undefined) {
        throw new Error(`profile worker got a ${message.type} message before start`);
      } else if (message.type === 'batch') {
        builder.add(unpacker.unpack(message));
        reply({ type: 'free', slot: message.slot, capacity: message.capacity, buffers: message.buffers }, message.buffers);
      } else {
        // The calling thread ends this worker once it has the profile.
        reply({ type: 'profile', profile: builder.finish() });
      }
    } catch (error) {
      fail(error);
    }
  });
  return true;
}
