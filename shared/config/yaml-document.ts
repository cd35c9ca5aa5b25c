import { isMap, isSeq, isScalar, isPair, LineCounter, parseDocument, type Node } from 'yaml';
import { z } from 'zod';
import { ConfigError, readTextFile, type SourceLocation } from '../errors/index.js';
import { closestWord } from '../report/closest-word.js';

/** A path into a parsed document, as zod reports it. */
export type DocumentPath = readonly PropertyKey[];

/** A validated YAML document that still knows where each value came from. */
export interface LocatedDocument<T> {
  file: string;
  value: T;
  /** The line and column of the value at `path` (or its nearest existing parent). */
  locate(path: DocumentPath): SourceLocation;
}

/**
 * Top-level keys of `.github/tollgate.yml`: a file with any of them holds
 * each section under its key; a file with none is one section standalone.
 * (test/config/section.test.ts holds this list to the file's schema.)
 */
export const TOLLGATE_SECTIONS: readonly string[] = ['$schema', 'version', 'models', 'evaluation', 'drift', 'monitor', 'incidents'];

/** Top-level keys of YAML text (none when it is not a mapping or not YAML: parseYaml reports that with its position). */
export function topLevelKeys(text: string): string[] {
  let raw: unknown;
  try {
    raw = parseDocument(text).toJS();
  } catch {
    raw = null;
  }
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? Object.keys(raw) : [];
}

/**
 * Parses one section of `.github/tollgate.yml` text, or of a standalone file
 * holding the section's keys at its top level. Errors name the file, line
 * and column, with the section in the path when it is nested.
 */
export function parseSection<S extends z.ZodType>(text: string, file: string, section: string, schema: S): LocatedDocument<z.output<S>> {
  const nested = topLevelKeys(text).some((key) => TOLLGATE_SECTIONS.includes(key));
  if (!nested) return parseYaml(text, file, schema);
  const document = parseYaml(text, file, sectionFileSchema(section, schema));
  return { file: document.file, value: document.value[section], locate: (path) => document.locate([section, ...path]) };
}

/**
 * A whole `.github/tollgate.yml` as one command reads it: `section` checked
 * by `schema`, the other sections let through (their own commands check
 * them), and no other top-level key, so a misspelt `evaluaton:` is an error
 * rather than a gate that silently falls back to its defaults.
 */
export function sectionFileSchema<K extends string, S extends z.ZodType>(section: K, schema: S): z.ZodType<Record<K, z.output<S>>> {
  const shape: Record<string, z.ZodType> = {};
  for (const key of TOLLGATE_SECTIONS) shape[key] = key === section ? schema.prefault({} as z.input<S>) : z.unknown().optional();
  // The other sections are `unknown` to this reader: only `section`'s type is promised.
  return z.strictObject(shape) as unknown as z.ZodType<Record<K, z.output<S>>>;
}

/** Reads a YAML file and validates it; errors point at the file, line and column. */
export async function loadYamlFile<S extends z.ZodType>(file: string, schema: S): Promise<LocatedDocument<z.output<S>>> {
  const text = await readTextFile(file);
  return parseYaml(text, file, schema);
}

/** Parses YAML text and validates it against a zod schema. */
export function parseYaml<S extends z.ZodType>(text: string, file: string, schema: S): LocatedDocument<z.output<S>> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const locateOffset = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };

  if (document.errors.length > 0) {
    const first = document.errors[0];
    throw new ConfigError(locateOffset(first.pos[0]), `invalid YAML: ${first.message.split('\n')[0]}`);
  }

  const locate = (path: DocumentPath): SourceLocation => {
    const offset = offsetOf(document.contents, path);
    return offset === undefined ? { file, line: 1, column: 1 } : locateOffset(offset);
  };

  const raw: unknown = document.toJS({ maxAliasCount: 100 }) ?? {};
  const result = schema.safeParse(raw, { reportInput: true });
  if (!result.success) {
    const issues = result.error.issues;
    const lines = issues.slice(0, 10).map((issue) => {
      // Point an unknown key at the key itself, not at its parent.
      const unknownKey = issue.code === 'unrecognized_keys';
      const path = unknownKey ? [...issue.path, issue.keys[0]] : issue.path;
      const at = path.length > 0 ? `${formatPath(path)}: ` : '';
      const offset = offsetOf(document.contents, path, unknownKey);
      const known = unknownKey ? objectKeysAt(schema, issue.path) : undefined;
      return { where: offset === undefined ? { file, line: 1, column: 1 } : locateOffset(offset), text: `${at}${describeIssue(issue, known)}` };
    });
    const [head, ...rest] = lines;
    const more = rest.map((entry) => `\n  ${entry.where.line}:${entry.where.column}: ${entry.text}`).join('');
    const omitted = issues.length > 10 ? `\n  (and ${issues.length - 10} more)` : '';
    throw new ConfigError(head.where, `${head.text}${more}${omitted}`);
  }
  return { file, value: result.data, locate };
}

/**
 * The keys an object schema at `path` allows, looking through optional,
 * default, nullable, pipe, record, array and union wrappers; undefined when
 * the path does not lead to an object.
 */
function objectKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] | undefined {
  let found: string[] | undefined;
  const visit = (node: z.core.$ZodType, rest: readonly PropertyKey[], depth: number): void => {
    if (found !== undefined || depth > 64) return;
    const def = node._zod.def as unknown as Record<string, unknown> & { type: string };
    switch (def.type) {
      case 'object': {
        const shape = def.shape as Record<string, z.core.$ZodType>;
        if (rest.length === 0) found = Object.keys(shape);
        else if (typeof rest[0] === 'string' && rest[0] in shape) visit(shape[rest[0]], rest.slice(1), depth + 1);
        return;
      }
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
        return visit(def.innerType as z.core.$ZodType, rest, depth + 1);
      case 'pipe':
        return visit(def.in as z.core.$ZodType, rest, depth + 1);
      case 'record':
        if (rest.length > 0) visit(def.valueType as z.core.$ZodType, rest.slice(1), depth + 1);
        return;
      case 'array':
        if (rest.length > 0 && typeof rest[0] === 'number') visit(def.element as z.core.$ZodType, rest.slice(1), depth + 1);
        return;
      case 'union':
        for (const option of def.options as z.core.$ZodType[]) visit(option, rest, depth + 1);
        return;
      default:
        return;
    }
  };
  visit(schema, path, 0);
  return found;
}

/** Says what was expected and what was found, in a config author's words; `knownKeys` lets an unknown key get a "did you mean". */
export function describeIssue(issue: z.core.$ZodIssue, knownKeys?: readonly string[]): string {
  const found = 'input' in issue ? describeValue(issue.input) : undefined;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `is required (expected ${issue.expected})`;
      return `expected ${issue.expected}, got ${found}`;
    case 'invalid_value':
      if (issue.input === undefined) return `is required (expected ${issue.values.map((value) => JSON.stringify(value)).join(' or ')})`;
      return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}, got ${found}`;
    case 'unrecognized_keys': {
      const keys = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `'${key}'`).join(', ')}`;
      if (knownKeys === undefined || knownKeys.length === 0) return `${keys} (check the spelling)`;
      const meant = issue.keys.length === 1 ? closestWord(issue.keys[0], knownKeys) : undefined;
      return meant !== undefined ? `${keys}, did you mean '${meant}'?` : `${keys}, expected one of ${knownKeys.join(', ')}`;
    }
    default: {
      // A refinement of a whole mapping (bounds that contradict each other) is explained by its message alone.
      const wholeMapping = (issue.code === 'custom' || issue.code === 'invalid_union') && typeof issue.input === 'object' && issue.input !== null;
      return found === undefined || wholeMapping || issue.message.includes(' got ') ? issue.message : `${issue.message}, got ${found}`;
    }
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  return String(value);
}

/** `columns.age.min`, `guardrails[1].metric`. */
export function formatPath(path: DocumentPath): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

/**
 * Start offset of the node at `path` (of its key, with `atKey`); the nearest
 * ancestor when the path does not exist.
 */
function offsetOf(root: Node | null | undefined, path: DocumentPath, atKey = false): number | undefined {
  let node: unknown = root;
  let best = rangeStart(root);
  for (const [depth, key] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) return best;
      if (atKey && depth === path.length - 1) return rangeStart(pair.key as Node | null) ?? best;
      // Point at the value, or at the key when the value is empty (`min:`).
      best = rangeStart(pair.value as Node | null) ?? rangeStart(pair.key as Node | null) ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (item === undefined) return best;
      best = rangeStart(item as Node) ?? best;
      node = item;
    } else {
      return best;
    }
  }
  return best;
}

function rangeStart(node: Node | null | undefined): number | undefined {
  return node && 'range' in node && node.range ? node.range[0] : undefined;
}
