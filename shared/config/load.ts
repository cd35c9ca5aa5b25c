import { CONFIG_PATH } from './path.js';
import { tollgateConfigSchema, type TollgateConfig } from './schema.js';
import { loadYamlFile, parseYaml, type LocatedDocument } from './yaml-document.js';

export { CONFIG_PATH };

/** Reads and validates `.github/tollgate.yml`; errors name its line and column. */
export function loadConfig(file: string = CONFIG_PATH): Promise<LocatedDocument<TollgateConfig>> {
  return loadYamlFile(file, tollgateConfigSchema);
}

/** Validates configuration text, e.g. fetched from the default branch by the bot. */
export function parseConfig(text: string, file: string = CONFIG_PATH): LocatedDocument<TollgateConfig> {
  return parseYaml(text, file, tollgateConfigSchema);
}
