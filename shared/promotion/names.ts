/**
 * The registry's grammar for the names a command may carry. Delegates to
 * `shared/registry` so a name the bot accepts is a name the registry can tag.
 * Imports the registry's leaf modules, not its index: the index pulls in the
 * git and GitHub backends (and, through its config loader, `config/models`,
 * which composes `config/promotion`), which this pure core must not load.
 */
import { isValidName, parseModelName } from '../registry/names.js';
import { isVersion } from '../registry/semver.js';

/** A model's full name (`churn`, `fraud/eu`, `models/churn:churn`), or undefined when invalid. */
export function normalizeModelName(text: string): string | undefined {
  return parseModelName(text)?.fullName;
}

/** True for a valid stage name (GTO's name grammar). */
export function isStageName(text: string): boolean {
  return isValidName(text);
}

/** True for `v` + a SemVer 2.0 version. */
export function isModelVersion(text: string): boolean {
  return isVersion(text);
}

/** Why a version was refused, in the words of the person who typed it. */
export function describeBadVersion(text: string): string {
  if (isVersion(`v${text}`)) return `versions start with 'v': write v${text}`;
  return `'${text}' is not a version: use v + SemVer, e.g. v1.4.0`;
}

/** Why a model name was refused. */
export const MODEL_NAME_RULE = "model names use letters, digits, '-', '_' and '/', starting and ending with a letter or digit";
