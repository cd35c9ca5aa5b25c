/**
 * Reading and writing profile JSON (`tollgate.profile/v1`). `parseProfile`
 * checks the shape with zod, then rebuilds every sketch and cross-checks the
 * counts, so a truncated or hand-edited file is reported (naming the file
 * and the JSON path) instead of producing wrong drift results later.
 */
import { z } from 'zod';
import { InputError } from '../errors/index.js';
import { HyperLogLog, KllSketch, Moments, TopK } from '../stats/index.js';
import { PROFILE_SCHEMA } from './types.js';
import type { ColumnProfile, Profile } from './types.js';

const count = z.number().int().nonnegative();
const finite = z.number().refine(Number.isFinite, 'expected a finite number');
const nullableFinite = finite.nullable();

const momentsSchema = z.object({ count, mean: finite, m2: z.number().nonnegative(), sum: finite, min: nullableFinite, max: nullableFinite });
const kllSchema = z.object({
  k: z.number().int(),
  n: count,
  min: nullableFinite,
  max: nullableFinite,
  seed: z.number().int(),
  compactions: count,
  sampler: z.object({ weight: count, position: count, blocks: count }),
  levels: z.array(z.array(finite)),
});
const hllSchema = z.object({ p: z.number().int(), registers: z.string() });
const topValue = z.union([z.string(), finite, z.boolean()]);
const topKSchema = z.object({ capacity: z.number().int().positive(), total: count, maxError: count, items: z.array(z.object({ value: topValue, count })) });
const exactCountsSchema = z.object({ values: z.array(topValue), counts: z.array(count) }).nullable();
const distinctSchema = z.object({ value: count, exact: z.boolean(), hll: hllSchema });
const binSchema = z
  .union([
    z.object({ kind: z.literal('edges'), edges: z.array(finite), counts: z.array(count) }),
    z.object({ kind: z.literal('categories'), values: z.array(finite), counts: z.array(count) }),
  ])
  .nullable();

const base = {
  name: z.string(),
  count,
  nulls: count,
  invalid: count,
  distinct: distinctSchema,
  exactCounts: exactCountsSchema,
  top: topKSchema.nullable(),
};

const columnSchema = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('number'),
    type: z.enum(['integer', 'float', 'date', 'datetime']),
    min: nullableFinite,
    max: nullableFinite,
    mean: nullableFinite,
    variance: nullableFinite,
    std: nullableFinite,
    moments: momentsSchema,
    infinite: z.object({ positive: count, negative: count }),
    quantiles: kllSchema,
    bins: binSchema,
  }),
  z.object({ ...base, kind: z.literal('boolean'), type: z.literal('boolean'), trueCount: count }),
  z.object({ ...base, kind: z.literal('string'), type: z.enum(['string', 'category']) }),
]);

const profileSchema = z.object({
  schema: z.literal(PROFILE_SCHEMA),
  rows: count,
  settings: z.object({
    distinctThreshold: z.number().int().positive(),
    topK: z.number().int().positive(),
    kllK: z.number().int().min(8).max(65535),
    hllPrecision: z.number().int().min(4).max(18),
  }),
  columns: z.array(columnSchema),
});

function pathText(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : text === '' ? String(key) : `.${String(key)}`;
  return text === '' ? '(top level)' : text;
}

/** Serializes a profile (compact unless `pretty`), with a trailing newline. */
export function profileToJSON(profile: Profile, options: { pretty?: boolean } = {}): string {
  return `${JSON.stringify(profile, null, options.pretty ? 2 : undefined)}\n`;
}

/**
 * Reads a profile from JSON text (or an already parsed value). Throws
 * InputError naming `file` and what is wrong.
 */
export function parseProfile(input: unknown, file: string): Profile {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (error) {
      throw new InputError({ file }, `not valid JSON: ${(error as Error).message}`);
    }
  }
  const version = (data as { schema?: unknown } | null)?.schema;
  if (version !== PROFILE_SCHEMA) {
    const detail =
      typeof version === 'string' && version.startsWith('tollgate.profile/')
        ? `profile format ${version} is not supported; this Tollgate reads ${PROFILE_SCHEMA}`
        : `not a Tollgate profile: expected "schema": "${PROFILE_SCHEMA}"`;
    throw new InputError({ file }, detail);
  }
  const result = profileSchema.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 5).map((issue) => `${pathText(issue.path)}: ${issue.message}`);
    const more = result.error.issues.length > 5 ? ` (and ${result.error.issues.length - 5} more)` : '';
    throw new InputError({ file }, `profile does not match ${PROFILE_SCHEMA}: ${issues.join('; ')}${more}`);
  }
  const profile = result.data as Profile;
  profile.columns.forEach((column, index) => {
    try {
      checkColumn(profile, column);
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError({ file }, `columns[${index}] (${column.name}): ${(error as Error).message}`);
    }
  });
  const names = new Set<string>();
  for (const column of profile.columns) {
    if (names.has(column.name)) throw new InputError({ file }, `column ${JSON.stringify(column.name)} appears twice`);
    names.add(column.name);
  }
  return profile;
}

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

/** Cross-checks one column; throws an Error whose message says what disagrees. */
function checkColumn(profile: Profile, column: ColumnProfile): void {
  const { settings, rows } = profile;
  if (column.count + column.nulls !== rows) throw new Error(`count ${column.count} + nulls ${column.nulls} != rows ${rows}`);
  if (column.invalid > column.nulls) throw new Error(`invalid ${column.invalid} exceeds nulls ${column.nulls}`);
  const hll = HyperLogLog.fromJSON(column.distinct.hll);
  if (hll.p !== settings.hllPrecision) throw new Error(`HyperLogLog precision ${hll.p} differs from settings (${settings.hllPrecision})`);
  let counted = column.count;
  if (column.kind === 'number') {
    counted = column.count - column.infinite.positive - column.infinite.negative;
    const moments = Moments.fromJSON(column.moments);
    if (moments.count !== counted) throw new Error(`moments count ${moments.count} != finite values ${counted}`);
    const kll = KllSketch.fromJSON(column.quantiles);
    if (kll.k !== settings.kllK) throw new Error(`quantile sketch k ${kll.k} differs from settings (${settings.kllK})`);
    if (kll.n !== counted) throw new Error(`quantile sketch holds ${kll.n} values, expected ${counted}`);
    if (column.bins !== null) {
      const defining = column.bins.kind === 'edges' ? column.bins.edges : column.bins.values;
      for (let i = 1; i < defining.length; i++) if (!(defining[i] > defining[i - 1])) throw new Error('bin definition is not strictly increasing');
      const expectedBins = defining.length + 1;
      if (column.bins.counts.length !== expectedBins) throw new Error(`bins need ${expectedBins} counts, found ${column.bins.counts.length}`);
      if (sum(column.bins.counts) !== column.count) throw new Error(`bin counts sum to ${sum(column.bins.counts)}, expected ${column.count}`);
    }
  }
  if (column.kind === 'boolean' && column.trueCount > column.count) throw new Error(`trueCount ${column.trueCount} exceeds count ${column.count}`);
  const exactCounts = column.exactCounts;
  if (column.distinct.exact !== (exactCounts !== null)) throw new Error('distinct.exact must be true exactly when exactCounts is present');
  if (exactCounts !== null) {
    if (exactCounts.values.length !== exactCounts.counts.length) throw new Error('exactCounts has different numbers of values and counts');
    if (exactCounts.values.length > settings.distinctThreshold) throw new Error(`exactCounts lists ${exactCounts.values.length} values, above the threshold ${settings.distinctThreshold}`);
    if (column.distinct.value !== exactCounts.values.length) throw new Error(`distinct.value ${column.distinct.value} != ${exactCounts.values.length} exact values`);
    for (let i = 1; i < exactCounts.values.length; i++) {
      if (!(exactCounts.values[i] > exactCounts.values[i - 1])) throw new Error('exactCounts values must be strictly ascending');
    }
    if (exactCounts.counts.some((c) => c === 0)) throw new Error('exactCounts holds a zero count');
    if (sum(exactCounts.counts) !== counted) throw new Error(`exactCounts sum to ${sum(exactCounts.counts)}, expected ${counted}`);
  }
  if (column.top !== null) {
    const top = TopK.fromJSON(column.top);
    if (top.total !== counted) throw new Error(`top total ${top.total} != ${counted} values`);
  }
}
