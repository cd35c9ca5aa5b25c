import { resolve } from 'node:path';
import * as core from '@actions/core';
import { CONFIG_PATH } from '../../shared/config/path.js';
import { UsageError } from '../../shared/errors/index.js';

/** A required input, with a message that names it as a workflow author writes it. */
export function requiredInput(name: string): string {
  const value = core.getInput(name).trim();
  if (value === '') throw new UsageError(`input '${name}' is required (add \`${name}:\` under \`with:\`)`);
  return value;
}

/** An optional input; `undefined` when empty. */
export function optionalInput(name: string): string | undefined {
  const value = core.getInput(name).trim();
  return value === '' ? undefined : value;
}

/** One of a fixed set of words. */
export function choiceInput<T extends string>(name: string, choices: readonly T[], fallback: T): T {
  const value = optionalInput(name) ?? fallback;
  if (!choices.includes(value as T)) {
    throw new UsageError(`input '${name}' must be one of ${choices.join(', ')}; got '${value}'`);
  }
  return value as T;
}

/** `true`/`false` in the YAML 1.2 core schema spellings, like `core.getBooleanInput`. */
export function booleanInput(name: string, fallback: boolean): boolean {
  const value = optionalInput(name);
  if (value === undefined) return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new UsageError(`input '${name}' must be true or false; got '${value}'`);
}

/** A multi-line input: one entry per non-empty line. */
export function listInput(name: string): string[] {
  return core
    .getInput(name)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * The `config` input: its path, and whether it must exist. The default
 * `.github/tollgate.yml` may be absent (everything has defaults); a path the
 * workflow names must not be, or a typo would silently turn policies off.
 */
export function configInput(base = '.'): { path: string; required: boolean } {
  const given = optionalInput('config');
  return { path: resolve(base, given ?? CONFIG_PATH), required: given !== undefined && given !== CONFIG_PATH };
}
