import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Scalar } from 'yaml';
import { ConfigError, type SourceLocation } from '../errors/index.js';
import { canonicalJson } from '../lineage/index.js';
import { childPath } from './json-located.js';

/*
 * The params as the content key sees them: every scalar as [type, value],
 * sequences as {seq}, mappings as {map} of [key, value] pairs sorted by key.
 * The type is the one a training script's reader gives the scalar, so
 * `10` (int) and `10.0` (float), or `yes` (True to PyYAML, which reads YAML
 * 1.1) and `"yes"` (a string) are different keys, while comments, key order,
 * spacing, the quotes around an ordinary word and `0.5` against `0.50` are not.
 */

const INT = /^[-+]?(?:0|[1-9][0-9]*)$/;
/** A float to YAML 1.1 (PyYAML: a point, a signed exponent) and 1.2 alike. */
const FLOAT = /^[-+]?[0-9]+\.[0-9]*(?:[eE][-+][0-9]+)?$/;
/** Plain words YAML 1.1 reads as booleans and YAML 1.2 as strings. */
const YAML11_BOOLEAN = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

function scalarForm(node: Scalar): unknown {
  const text = node.source ?? String(node.value);
  if (node.tag) return [`tag ${node.tag}`, text];
  if (node.type !== undefined && node.type !== 'PLAIN') return ['str', text];
  if (INT.test(text)) return ['int', BigInt(text).toString()];
  if (FLOAT.test(text)) return ['float', Number(text)];
  if (typeof node.value === 'boolean') return ['bool', node.value];
  if (node.value === null) return ['null', null];
  if (/^[A-Za-z]/.test(text) && !YAML11_BOOLEAN.test(text)) return ['str', text];
  // Anything readers may disagree on (`1e3`, `0o17`, `017`, `1_000`, `.5`, dates, `yes`): its exact text.
  return ['plain', text];
}

const sortPairs = (pairs: [unknown, unknown][]) =>
  pairs.map((pair) => ({ pair, sortBy: canonicalJson(pair[0]) })).sort((a, b) => (a.sortBy < b.sortBy ? -1 : a.sortBy > b.sortBy ? 1 : 0)).map((entry) => entry.pair);

/** The key form of YAML params text (already validated by `parseYaml`). */
export function yamlParamsKeyForm(text: string, locate: (path: PropertyKey[]) => SourceLocation): unknown {
  const document = parseDocument(text, { uniqueKeys: true }) as Document;
  const open = new Set<unknown>();
  const form = (node: unknown, path: PropertyKey[]): unknown => {
    if (isAlias(node)) {
      const target = node.resolve(document);
      if (open.has(target)) throw new ConfigError(locate(path), `the alias *${node.source} refers to a collection that contains it; params cannot be recursive`);
      return form(target, path);
    }
    if (isScalar(node)) return scalarForm(node);
    if (!isSeq(node) && !isMap(node)) return ['null', null];
    open.add(node);
    const result = isSeq(node)
      ? { seq: node.items.map((item, index) => form(item, [...path, index])) }
      : { map: sortPairs(node.items.map((pair) => [form(pair.key, path), form(pair.value, [...path, isScalar(pair.key) ? String(pair.key.value) : '?'])])) };
    open.delete(node);
    return result;
  };
  return document.contents === null ? { map: [] } : form(document.contents, []);
}

/** The key form of JSON params: numbers typed as Python's `json` reads them (`10` int, `10.0` and `1e3` float). */
export function jsonParamsKeyForm(value: unknown, numberTexts: ReadonlyMap<string, string>, path = '$'): unknown {
  if (value === null) return ['null', null];
  if (typeof value === 'boolean') return ['bool', value];
  if (typeof value === 'string') return ['str', value];
  if (typeof value === 'number') {
    const text = numberTexts.get(path) ?? String(value);
    return INT.test(text) ? ['int', BigInt(text).toString()] : ['float', value];
  }
  if (Array.isArray(value)) return { seq: value.map((item, index) => jsonParamsKeyForm(item, numberTexts, childPath(path, index))) };
  const entries = Object.entries(value as Record<string, unknown>);
  return { map: sortPairs(entries.map(([key, item]) => [['str', key], jsonParamsKeyForm(item, numberTexts, childPath(path, key))])) };
}
