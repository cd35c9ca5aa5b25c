import { stringify } from 'yaml';
import type { ColumnProfile, Profile } from '../profile/index.js';

/** Categories are listed as `allowed` up to this many distinct values. */
const MAX_ALLOWED_VALUES = 50;

/**
 * Writes a starting contract from a profile. Facts the data shows
 * (types, no nulls, uniqueness, category lists) become error rules; bounds
 * that only describe this sample (min, max, mean, null share) start as warn,
 * for a person to tighten or loosen.
 */
export function inferContract(profile: Profile, source: string): string {
  const columns: Record<string, Record<string, unknown>> = {};
  const uniqueKeys: string[] = [];
  for (const column of profile.columns) {
    const rules = inferColumn(column, profile.rows);
    columns[column.name] = rules;
    if (rules.unique === true) uniqueKeys.push(column.name);
  }
  const contract = {
    version: 1,
    dataset: {
      rows: { min: Math.max(1, Math.floor(profile.rows / 2)), severity: 'warn' },
      columns: 'exact',
      ...(uniqueKeys.length > 0 ? { unique: [uniqueKeys[0]] } : {}),
    },
    columns,
  };
  const body = stringify(contract, { lineWidth: 0, flowCollectionPadding: false, collectionStyle: 'block' })
    // One line per column reads best: fold each column's rules into a flow map.
    .replace(/^columns:\n([\s\S]*)$/m, () => `columns:\n${Object.entries(columns).map(([name, rules]) => `  ${yamlKey(name)}: ${flowLine(rules)}`).join('\n')}\n`);
  return `# yaml-language-server: $schema=https://tollgate.dev/schemas/contract.schema.json\n# Inferred by \`tollgate contract infer\` from ${source} (${profile.rows} rows).\n# Review it: bounds marked warn describe this sample only.\n${body}`;
}

function inferColumn(column: ColumnProfile, rows: number): Record<string, unknown> {
  const rules: Record<string, unknown> = { type: column.type };
  if (column.nulls === 0 && rows > 0) rules.nullable = false;
  else if (rows > 0) rules.max_null_fraction = { value: roundUp(Math.min(1, (column.nulls / rows) * 1.5 + 0.005), 3), severity: 'warn' };

  const idLike = column.distinct.exact && column.distinct.value === column.count && column.count === rows && (column.type === 'string' || column.type === 'integer');
  if (idLike && rows > 1) rules.unique = true;

  if (column.kind === 'number' && column.min !== null && column.max !== null && column.type !== 'date' && column.type !== 'datetime') {
    // The profile's extremes leave infinities out; a bound the data itself breaks would be no starting point.
    if (column.infinite.negative === 0) rules.min = { value: column.min, severity: 'warn' };
    if (column.infinite.positive === 0) rules.max = { value: column.max, severity: 'warn' };
  }
  if (column.kind === 'string' && column.exactCounts) {
    const values = column.exactCounts.values.map(String);
    // A column with no value at all has nothing to allow (an empty list is not a rule).
    if (!idLike && values.length > 0 && values.length <= MAX_ALLOWED_VALUES) rules.allowed = values;
    const shape = commonShape(values);
    if (shape) rules.pattern = shape;
  }
  return rules;
}

/** `^C[0-9]{6}$` when every value has the same shape of letters and digits, else undefined. */
export function commonShape(values: readonly string[]): string | undefined {
  if (values.length < 2) return undefined;
  let shape: string | undefined;
  for (const value of values) {
    const own = shapeOf(value);
    if (own === undefined || (shape !== undefined && own !== shape)) return undefined;
    shape = own;
  }
  return shape;
}

function shapeOf(value: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(value)) return undefined;
  // Runs of digits become [0-9]{n}; letters are kept as they are (a fixed prefix).
  const parts = value.match(/[0-9]+|[^0-9]+/g) ?? [];
  if (!parts.some((part) => /^[0-9]/.test(part))) return undefined;
  // Letters, `_` and `-` need no escape outside a class (and `\-` is invalid with the `u` flag patterns use).
  return `^${parts.map((part) => (/^[0-9]/.test(part) ? `[0-9]{${part.length}}` : part)).join('')}$`;
}

function roundUp(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.ceil(value * scale) / scale;
}

/** Words YAML (1.2 core, or 1.1 in older tools) reads as null or a boolean rather than as the text. */
const YAML_KEYWORDS = /^(?:null|true|false|yes|no|on|off|y|n)$/i;

/** A column name as a YAML key: bare when it can only mean itself, else quoted. */
function yamlKey(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !YAML_KEYWORDS.test(name) ? name : JSON.stringify(name);
}

/**
 * A column's rules as one flow map. Text with line breaks would make YAML
 * fold it over lines the block around it does not indent: JSON (which is
 * YAML) keeps every value on the line.
 */
function flowLine(rules: Record<string, unknown>): string {
  const flow = stringify(rules, { collectionStyle: 'flow', lineWidth: 0 }).trim();
  return flow.includes('\n') ? JSON.stringify(rules) : flow;
}
