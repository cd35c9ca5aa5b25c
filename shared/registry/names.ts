/**
 * Names of models and stages, as GTO spells them.
 *
 * A model is `name` or, in a monorepo, `path/to:name` (GTO's "full name"); in
 * tag names the `:` is written `=` because git forbids `:` in refs.
 */
import { UsageError } from '../errors/index.js';

/** GTO's name grammar (models and stages), without anchors. */
export const NAME_SOURCE = '[a-zA-Z0-9](?:[a-zA-Z0-9\\-/_]*[a-zA-Z0-9])?';
/** GTO's monorepo directory grammar, without anchors. */
export const DIRNAME_SOURCE = '[a-zA-Z0-9\\-_./]+';

const NAME_RE = new RegExp(`^${NAME_SOURCE}$`);
const DIRNAME_RE = new RegExp(`^${DIRNAME_SOURCE}$`);

/** Separates directory and name in a model's full name (`models/churn:churn`). */
export const SEPARATOR_IN_NAME = ':';
/** The same separator inside a tag name (`models/churn=churn@v1.0.0`). */
export const SEPARATOR_IN_TAG = '=';

const NAME_RULE =
  "letters, digits, '-', '_' and '/', starting and ending with a letter or digit (e.g. 'churn', 'fraud/eu')";

/** True for a valid model or stage name (without a monorepo directory). */
export function isValidName(name: string): boolean {
  return NAME_RE.test(name) && checkRefFormat(`refs/tags/${name}`) === undefined;
}

/** A model's full name split into its optional monorepo directory and its name. */
export interface ModelName {
  /** `models/churn:churn` or `churn`. */
  fullName: string;
  /** The monorepo directory, or null. */
  path: string | null;
  name: string;
}

/** Splits and validates `name` or `path:name` (also accepts the tag spelling `path=name`). */
export function parseModelName(text: string): ModelName | undefined {
  const separator = text.includes(SEPARATOR_IN_NAME) ? SEPARATOR_IN_NAME : SEPARATOR_IN_TAG;
  const at = text.indexOf(separator);
  const path = at === -1 ? null : text.slice(0, at);
  const name = at === -1 ? text : text.slice(at + 1);
  if (!NAME_RE.test(name)) return undefined;
  if (path !== null && !DIRNAME_RE.test(path)) return undefined;
  const fullName = path === null ? name : `${path}${SEPARATOR_IN_NAME}${name}`;
  if (checkRefFormat(`refs/tags/${modelNameToTag(fullName)}`) !== undefined) return undefined;
  return { fullName, path, name };
}

/** Validates a model name, throwing a `UsageError` that explains the grammar. */
export function requireModelName(text: string): ModelName {
  const parsed = parseModelName(text);
  if (!parsed) {
    throw new UsageError(
      `invalid model name '${text}': use ${NAME_RULE}; a monorepo model is 'path/to:name'`,
    );
  }
  return parsed;
}

/** Validates a stage name, throwing a `UsageError` that explains the grammar. */
export function requireStageName(text: string): string {
  if (!isValidName(text)) throw new UsageError(`invalid stage name '${text}': use ${NAME_RULE}`);
  return text;
}

/**
 * Words `resolve` reads as something other than a stage (`latest` = the
 * highest registered version, `champion` = the configured champion stage): a
 * stage with one of these names could be assigned but never resolved.
 */
export const RESERVED_STAGE_NAMES: readonly string[] = ['latest', 'champion'];

/** A stage name to assign: valid and not reserved (a `UsageError` otherwise). */
export function requireAssignableStageName(text: string): string {
  const stage = requireStageName(text);
  if (RESERVED_STAGE_NAMES.includes(stage)) {
    const meaning = stage === 'latest' ? 'the highest registered version' : 'the holder of the configured champion stage';
    throw new UsageError(
      `stage name '${stage}' is reserved: resolving '${stage}' gives ${meaning}, so a stage called '${stage}' could be assigned but never resolved; ` +
        `choose another name (e.g. 'production')`,
    );
  }
  return stage;
}

/** `models/churn:churn` -> `models/churn=churn` (the prefix of every tag of the model). */
export function modelNameToTag(fullName: string): string {
  return fullName.replace(SEPARATOR_IN_NAME, SEPARATOR_IN_TAG);
}

/** `models/churn=churn` -> `models/churn:churn`. */
export function tagToModelName(tagName: string): string {
  return tagName.replace(SEPARATOR_IN_TAG, SEPARATOR_IN_NAME);
}

/**
 * The rules of `git check-ref-format` for a full ref name. Returns why the
 * name is rejected, or `undefined` when git would accept it.
 */
export function checkRefFormat(ref: string): string | undefined {
  if (ref === '@') return "'@' alone is not a valid ref";
  if (ref.startsWith('/') || ref.endsWith('/')) return "it starts or ends with '/'";
  if (ref.includes('//')) return "it contains '//'";
  if (ref.endsWith('.')) return "it ends with '.'";
  if (ref.includes('..')) return "it contains '..'";
  if (ref.includes('@{')) return "it contains '@{'";
  for (const character of ref) {
    const code = character.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return 'it contains a control character';
    if (' ~^:?*[\\'.includes(character)) return `it contains '${character}'`;
  }
  for (const component of ref.split('/')) {
    if (component.startsWith('.')) return `the component '${component}' starts with '.'`;
    if (component.endsWith('.lock')) return `the component '${component}' ends with '.lock'`;
  }
  return undefined;
}
