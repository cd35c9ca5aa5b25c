/**
 * Reads the models of `.github/tollgate.yml` for the registry's front-ends.
 * The whole file is validated, so a mistake in any section is reported with
 * its line and column rather than passing unnoticed.
 */
import { access } from 'node:fs/promises';
import { CONFIG_PATH, loadConfig } from '../config/load.js';
import type { TollgateConfig } from '../config/schema.js';

export { CONFIG_PATH };

/** The `models:` section, or undefined when the file does not exist. Invalid files throw a `ConfigError` with line and column. */
export async function loadModelsConfig(file: string): Promise<TollgateConfig['models'] | undefined> {
  try {
    await access(file);
  } catch {
    return undefined;
  }
  return (await loadConfig(file)).value.models;
}
