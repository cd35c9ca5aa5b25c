import { extname } from 'node:path';
import { z } from 'zod';
import { ConfigError, readTextFile, UsageError, type SourceLocation } from '../errors/index.js';
import { formatPath, parseYaml, type DocumentPath } from '../config/yaml-document.js';
import { childPath, parseJsonLocated } from './json-located.js';
import { jsonParamsKeyForm, yamlParamsKeyForm } from './params-key.js';

/** Params as read from a file, with a way back to where each value was written. */
export interface ParamsDocument {
  /** The path as shown to people. */
  file: string;
  values: Record<string, unknown>;
  /**
   * The params as the content key sees them: each scalar with its type as
   * written (`10` int, `10.0` float, `yes` and `"yes"` apart), see params-key.ts.
   */
  keyForm: unknown;
  locate(path: DocumentPath): SourceLocation;
}

/** The largest seed every consumer accepts (`PYTHONHASHSEED` is at most 2^32 - 1). */
export const MAX_SEED = 4294967295;

const paramsSchema = z.record(z.string(), z.unknown(), { error: 'params must be a mapping of names to values' });

/**
 * Parses params text: JSON when `file` ends in `.json`, YAML otherwise (the
 * usual `params.yaml`). Errors carry the file, line and column.
 */
export function parseParams(text: string, file: string): ParamsDocument {
  if (extname(file).toLowerCase() === '.json') {
    const parsed = parseJsonLocated(text, file);
    if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
      throw new ConfigError({ file, ...parsed.positions.get('$') }, 'params must be a JSON object of names to values');
    }
    const locate = (path: DocumentPath): SourceLocation => {
      const key = path.reduce<string>((parent, part) => childPath(parent, typeof part === 'number' ? part : String(part)), '$');
      return { file, ...(parsed.positions.get(key) ?? parsed.positions.get('$')) };
    };
    const values = parsed.value as Record<string, unknown>;
    refuseNonFinite(values, [], locate);
    return { file, values, keyForm: jsonParamsKeyForm(values, parsed.numbers), locate };
  }
  const document = parseYaml(text, file, paramsSchema);
  const values = document.value as Record<string, unknown>;
  // Typed first: it also refuses a recursive alias, which refuseNonFinite would follow forever.
  const keyForm = yamlParamsKeyForm(text, (path) => document.locate(path));
  refuseNonFinite(values, [], document.locate);
  return { file, values, keyForm, locate: document.locate };
}

/** `.nan` and `.inf` parse in YAML (and `1e999` in JSON is Infinity) but have no JSON spelling for lineage or the key. */
function refuseNonFinite(value: unknown, path: PropertyKey[], locate: (path: DocumentPath) => SourceLocation): void {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new ConfigError(locate(path), `${formatPath(path)}: expected a finite number, got ${value}`);
  }
  if (Array.isArray(value)) value.forEach((item, index) => refuseNonFinite(item, [...path, index], locate));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) refuseNonFinite(item, [...path, key], locate);
}

/** Reads a params file (`params.yaml`, `params.json`). */
export async function readParams(path: string, label: string = path): Promise<ParamsDocument> {
  const text = await readTextFile(path, label, 'params ');
  return parseParams(text, label);
}

/** `learning-rate` -> `TOLLGATE_PARAM_LEARNING_RATE`. */
export function paramVariableName(name: string): string {
  return `TOLLGATE_PARAM_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/**
 * One environment variable per top-level scalar param (strings as written,
 * numbers in JavaScript's shortest form, booleans as true/false, null as an
 * empty string). Lists and mappings are read from the file `TOLLGATE_PARAMS`
 * names. Two names that map to one variable are refused.
 */
export function paramEnvironment(params: ParamsDocument): Record<string, string> {
  const env: Record<string, string> = {};
  const owner = new Map<string, string>();
  for (const [name, value] of Object.entries(params.values)) {
    if (value !== null && typeof value === 'object') continue;
    const variable = paramVariableName(name);
    const previous = owner.get(variable);
    if (previous !== undefined) {
      throw new ConfigError(params.locate([name]), `params '${previous}' and '${name}' would both be exported as ${variable}; rename one`);
    }
    owner.set(variable, name);
    env[variable] = value === null || value === undefined ? '' : String(value);
  }
  return env;
}

/** Checks a seed given on the command line or as an input. */
export function parseSeed(text: string, what: string): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value > MAX_SEED) {
    throw new UsageError(`${what} expects a whole number from 0 to ${MAX_SEED}, got '${text}'`);
  }
  return value;
}

/**
 * The seed for a run: the explicit one, else the params' `seed`, else 0.
 * Taking the params' seed keeps `TOLLGATE_SEED` and a script that reads
 * `params.yaml` in agreement.
 */
export function resolveSeed(explicit: number | undefined, params: ParamsDocument | undefined): number {
  if (explicit !== undefined) return explicit;
  const fromParams = params?.values.seed;
  if (fromParams === undefined || params === undefined) return 0;
  if (typeof fromParams !== 'number' || !Number.isInteger(fromParams) || fromParams < 0 || fromParams > MAX_SEED) {
    throw new ConfigError(params.locate(['seed']), `seed: expected a whole number from 0 to ${MAX_SEED}, got ${JSON.stringify(fromParams)}`);
  }
  return fromParams;
}
