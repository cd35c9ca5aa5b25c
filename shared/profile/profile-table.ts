import { openTable } from '../data/index.js';
import type { ReadOptions, TableReader } from '../data/types.js';
import { ProfileBuilder, type ProfileBuilderOptions } from './builder.js';
import type { Profile } from './types.js';

export interface ProfileTableOptions extends Omit<ProfileBuilderOptions, 'schema'> {
  read?: ReadOptions;
  /** Called after each batch with the rows read so far. */
  onProgress?: (rows: number) => void;
  /** Stops the profile between batches (it rejects with the signal's reason). */
  signal?: AbortSignal;
}

/** Streams a data file once into a profile; memory does not grow with the file. */
export async function profileTable(path: string, options: ProfileTableOptions = {}): Promise<Profile> {
  const { read, ...rest } = options;
  return profileReader(await openTable(path, read), rest);
}

/**
 * Streams an opened reader into a profile and closes it. For callers that
 * already opened the file to look at its schema: reopening would repeat the
 * type-inference pass.
 */
export async function profileReader(reader: TableReader, options: Omit<ProfileTableOptions, 'read'> = {}): Promise<Profile> {
  const { onProgress, signal, ...settings } = options;
  let builder: ProfileBuilder;
  try {
    builder = new ProfileBuilder({ ...settings, schema: reader.schema });
    for await (const batch of reader) {
      signal?.throwIfAborted();
      builder.add(batch);
      onProgress?.(builder.rows);
    }
  } finally {
    await reader.close();
  }
  return builder.finish();
}
