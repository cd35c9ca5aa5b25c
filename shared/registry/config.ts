/**
 * Reads the models of `.github/tollgate.yml` for the registry's front-ends.
 * The whole file is validated, so a mistake in any section is reported with
 * its line and column rather than passing unnoticed.
 */
import { access } from 'node:fs/promises';
import { CONFIG_PATH, loadConfig } from '../config/load.js';
import type { TollgateConfig } from '../config/schema.js';
import { InputError } from '../errors/index.js';

export { CONFIG_PATH };

/** How `loadModelsConfig` treats a missing file. */
export interface LoadModelsConfigOptions {
  /**
   * True when the person named the file (`--config`, an action's `config`
   * input): then it must exist, since a typo would otherwise skip the stage
   * policy without a word. False (the default) for the default
   * `.github/tollgate.yml`, which a repository may not have.
   */
  required?: boolean;
}

/**
 * The `models:` section, or undefined when an optional file does not exist.
 * A missing required file is an `InputError` naming it; invalid files throw a
 * `ConfigError` with line and column.
 */
export async function loadModelsConfig(file: string, options: LoadModelsConfigOptions = {}): Promise<TollgateConfig['models'] | undefined> {
  try {
    await access(file);
  } catch (error) {
    if (!options.required) return undefined;
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'file cannot be read';
    throw new InputError(
      { file },
      `${reason}: the configuration file given explicitly must exist (check its path for a typo; only the default ${CONFIG_PATH} may be absent)`,
      { cause: error },
    );
  }
  return (await loadConfig(file)).value.models;
}
