import { openTable } from '../data/index.js';
import type { ReadOptions } from '../data/types.js';
import { ProfileBuilder, type ProfileBuilderOptions } from './builder.js';
import type { Profile } from './types.js';

export interface ProfileTableOptions extends Omit<ProfileBuilderOptions, 'schema'> {
  read?: ReadOptions;
  /** Called after each batch with the rows read so far. */
  onProgress?: (rows: number) => void;
}

/** Streams a data file once into a profile; memory does not grow with the file. */
export async function profileTable(path: string, options: ProfileTableOptions = {}): Promise<Profile> {
  const { read, onProgress, ...settings } = options;
  const reader = await openTable(path, read);
  const builder = new ProfileBuilder({ ...settings, schema: reader.schema });
  try {
    for await (const batch of reader) {
      builder.add(batch);
      onProgress?.(builder.rows);
    }
  } finally {
    await reader.close();
  }
  return builder.finish();
}
