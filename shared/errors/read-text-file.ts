import { readFile } from 'node:fs/promises';
import { describeReadFailure } from './describe-read-failure.js';
import { InputError } from './index.js';

/**
 * Reads a UTF-8 file a user named. A failure is an {@link InputError} on
 * `label` (the path as the user wrote it), its words prefixed with `what`
 * (e.g. `params `).
 */
export async function readTextFile(path: string, label: string = path, what = ''): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError({ file: label }, `${what}${describeReadFailure(error)}`, { cause: error });
  }
}

/** Reads and parses a JSON file a user named; errors name `label`. */
export async function readJsonFile(path: string, label: string = path): Promise<unknown> {
  const text = await readTextFile(path, label);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError({ file: label }, `invalid JSON: ${(error as Error).message}`, { cause: error });
  }
}
