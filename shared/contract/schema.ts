import { z } from 'zod';
import { DURATION_HINT, parseDuration } from '../config/duration.js';
import { COLUMN_TYPES } from '../data/types.js';

/** How bad a failed rule is: `error` fails the gate, `warn` only reports. */
export const severitySchema = z.enum(['error', 'warn'], { error: 'expected error or warn' });
export type Severity = z.infer<typeof severitySchema>;

const trueOrFalse = z.boolean({ error: 'expected true or false' });
const FRACTION = 'expected a fraction between 0 and 1';

const finite = (what: string) => z.number({ error: `expected ${what} (a number)` }).refine(Number.isFinite, 'expected a finite number');

/**
 * A rule is written either as its bare value (`min: 0`) or, to give it a
 * severity of its own, as `{value: 0, severity: warn}`.
 */
function rule<T extends z.ZodType>(value: T) {
  return z.union([value, z.object({ value, severity: severitySchema.optional() }).strict()], {
    error: (issue) => {
      // A bare value (not a mapping) was meant as the value itself: say what the value should be.
      // A mapping was meant as {value, severity}: say which of its keys is wrong.
      if (issue.code !== 'invalid_union') return 'expected a value, or {value: ..., severity: error|warn}';
      const input = issue.input;
      const bare = typeof input !== 'object' || input === null || Array.isArray(input);
      const issues = issue.errors[bare ? 0 : 1] ?? [];
      const inner = issues.find((candidate) => candidate.code === 'unrecognized_keys') ?? issues[0];
      if (inner === undefined) return 'expected a value, or {value: ..., severity: error|warn}';
      if (bare) return inner.message;
      const key = inner.code === 'unrecognized_keys' ? inner.keys[0] : inner.path.join('.');
      const detail = inner.code === 'unrecognized_keys' ? 'unknown key' : inner.message;
      return `expected {value: ..., severity: error|warn}; ${key ? `${key}: ` : ''}${detail}`;
    },
  });
}

/** `{min, max}` bounds on a statistic, either side optional. */
const boundsSchema = z
  .object({ min: finite('a lower bound').optional(), max: finite('an upper bound').optional(), severity: severitySchema.optional() })
  .strict()
  .refine((bounds) => bounds.min !== undefined || bounds.max !== undefined, 'give min, max or both')
  .refine((bounds) => bounds.min === undefined || bounds.max === undefined || bounds.min <= bounds.max, 'min must not exceed max');

const quantileSchema = z
  .object({
    q: z.number({ error: 'expected q, a probability between 0 and 1' }).min(0).max(1),
    min: finite('a lower bound').optional(),
    max: finite('an upper bound').optional(),
    severity: severitySchema.optional(),
  })
  .strict()
  .refine((bounds) => bounds.min !== undefined || bounds.max !== undefined, 'give min, max or both');

const lengthSchema = z.union(
  [
    z.number().int().nonnegative(),
    z
      .object({ min: z.number().int().nonnegative().optional(), max: z.number().int().nonnegative().optional(), severity: severitySchema.optional() })
      .strict(),
  ],
  { error: 'expected a length (whole number) or {min, max}' },
);

const regexSchema = z.string().superRefine((text, context) => {
  try {
    new RegExp(text, 'u');
  } catch (error) {
    context.addIssue({ code: 'custom', message: `not a valid regular expression: ${(error as Error).message}` });
  }
});

/** Every rule a column may carry. */
export const columnRulesSchema = z
  .object({
    type: rule(z.enum(COLUMN_TYPES as [string, ...string[]], { error: `expected one of ${COLUMN_TYPES.join(', ')}` })).optional(),
    nullable: rule(trueOrFalse).optional(),
    max_null_fraction: rule(z.number({ error: FRACTION }).min(0, { error: FRACTION }).max(1, { error: FRACTION })).optional(),
    min: rule(finite('the minimum')).optional(),
    max: rule(finite('the maximum')).optional(),
    allowed: rule(
      z
        .array(z.union([z.string(), z.number(), z.boolean()], { error: 'expected a text, number or boolean value' }), { error: 'expected a list of values' })
        .min(1, { error: 'expected at least one allowed value, got an empty list' }),
    ).optional(),
    pattern: rule(regexSchema).optional(),
    unique: rule(trueOrFalse).optional(),
    length: lengthSchema.optional(),
    mean: boundsSchema.optional(),
    std: boundsSchema.optional(),
    quantile: z.union([quantileSchema, z.array(quantileSchema).min(1)], { error: 'expected {q, min, max} or a list of them' }).optional(),
    severity: severitySchema.optional(),
    description: z.string().optional(),
  })
  .strict()
  .superRefine((rules, context) => {
    // Bounds no value can meet would fail every row: a mistake in the contract, not in the data.
    const min = ruleValue(rules.min)?.value;
    const max = ruleValue(rules.max)?.value;
    if (min !== undefined && max !== undefined && min > max) context.addIssue({ code: 'custom', path: ['max'], message: `max ${max} is below min ${min}: no value could pass` });
    const length = rules.length;
    if (typeof length === 'object' && length.min !== undefined && length.max !== undefined && length.min > length.max) {
      context.addIssue({ code: 'custom', path: ['length', 'max'], message: `length max ${length.max} is below min ${length.min}: no value could pass` });
    }
  });
export type ColumnRules = z.infer<typeof columnRulesSchema>;

const durationSchema = z.string().refine((text) => parseDuration(text) !== undefined, `expected ${DURATION_HINT}`);

export const datasetRulesSchema = z
  .object({
    rows: z
      .object({ min: z.number().int().nonnegative().optional(), max: z.number().int().nonnegative().optional(), severity: severitySchema.optional() })
      .strict()
      .refine((rows) => rows.min === undefined || rows.max === undefined || rows.min <= rows.max, { path: ['max'], message: 'rows max is below rows min: no data could pass' })
      .optional(),
    columns: rule(z.enum(['exact', 'superset'], { error: 'expected exact or superset' })).optional(),
    unique: rule(z.array(z.string()).min(1)).optional(),
    freshness: z.object({ column: z.string(), max_age: durationSchema, severity: severitySchema.optional() }).strict().optional(),
    severity: severitySchema.optional(),
  })
  .strict();
export type DatasetRules = z.infer<typeof datasetRulesSchema>;

/** The data contract file, `version: 1`. */
export const contractSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1, { error: 'expected version: 1' }),
    description: z.string().optional(),
    dataset: datasetRulesSchema.default({}),
    columns: z.record(z.string(), columnRulesSchema.nullable().transform((rules) => rules ?? {})),
  })
  .strict();
export type Contract = z.infer<typeof contractSchema>;

/** Reads a rule written either way into its value and its own severity. */
export function ruleValue<T>(written: T | { value: T; severity?: Severity } | undefined): { value: T; severity?: Severity } | undefined {
  if (written === undefined) return undefined;
  if (typeof written === 'object' && written !== null && !Array.isArray(written) && 'value' in written) {
    return written as { value: T; severity?: Severity };
  }
  return { value: written as T };
}
