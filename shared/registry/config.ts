/**
 * Reads the `models:` section of `.github/tollgate.yml` for the registry's
 * front-ends. Other sections are left to their own readers.
 */
import { access } from 'node:fs/promises';
import { z } from 'zod';
import { modelsSchema, type ModelsConfig } from '../config/models.js';
import { loadYamlFile } from '../config/yaml-document.js';

/** Where the configuration lives in a repository. */
export const CONFIG_PATH = '.github/tollgate.yml';

const modelsSection = z.looseObject({ models: modelsSchema.optional() });

/** The `models:` section, or undefined when the file does not exist. Invalid files throw a `ConfigError` with line and column. */
export async function loadModelsConfig(file: string): Promise<ModelsConfig | undefined> {
  try {
    await access(file);
  } catch {
    return undefined;
  }
  return (await loadYamlFile(file, modelsSection)).value.models;
}
