/**
 * The `drift:` section of `.github/tollgate.yml`, or a standalone drift file
 * (`tollgate drift --config drift.yml`) holding the same keys at its top
 * level (or under `drift:`).
 *
 * ```yaml
 * drift:
 *   preset: default            # or evidently: Evidently's defaults, for teams that migrate
 *   fail_on: alert             # warn | alert | never
 *   segment_by: [plan, region]
 *   thresholds:
 *     significance: 0.05       # BH-adjusted q-value
 *     psi: {warn: 0.10, alert: 0.25}      # PSI minus its noise floor
 *     null_share: {warn: 0.05, alert: 0.20}
 *     row_ratio: false         # e.g. training data against a daily batch
 *   columns:
 *     monthly_spend: {importance: 0.3}
 *     age: {test: wasserstein, warn: 0.2, alert: 0.4}
 *     plan: {test: chisquare, warn: 0.01, alert: 0.001}
 *     customer_id: {exclude: true}
 * ```
 */
import { z } from 'zod';
import { levels } from './schema-parts.js';
import {
  DEFAULT_ROW_RATIO,
  DEFAULT_THRESHOLDS,
  DRIFT_PRESETS,
  DRIFT_TESTS,
  FAIL_ON,
  TEST_DEFAULTS,
  isPValueTest,
  type DriftSettings,
  type DriftTest,
} from '../drift/settings.js';
import { readTextFile } from '../errors/index.js';
import { parseSection, type LocatedDocument } from './yaml-document.js';

const share = z.number().gt(0).lt(1);
const positive = z.number().positive();

const range = z
  .tuple([z.number().positive(), z.number().positive()])
  .refine(([low, high]) => low < high, { message: 'expected [low, high] with low < high' });

const rowRatioSchema = z
  .union([
    z.literal(false),
    z
      .strictObject({
        warn: range.default(DEFAULT_ROW_RATIO.warn).describe('current / reference rows outside [low, high]: warn.'),
        alert: range.default(DEFAULT_ROW_RATIO.alert).describe('outside [low, high]: alert.'),
      })
      .refine((ranges) => ranges.alert[0] <= ranges.warn[0] && ranges.alert[1] >= ranges.warn[1], {
        message: 'the alert range must contain the warn range',
        path: ['alert'],
      }),
  ])
  .describe('Row-count ratio check; false turns it off (e.g. training data against a daily batch).');

const thresholdsSchema = z
  .strictObject({
    significance: share.default(DEFAULT_THRESHOLDS.significance).describe('A test is significant when its Benjamini-Hochberg-adjusted q-value is at or below this.'),
    psi: levels(DEFAULT_THRESHOLDS.psi, 'PSI minus its noise floor').prefault({}).describe('The effect gate of the default test.'),
    null_share: levels(DEFAULT_THRESHOLDS.null_share, 'Absolute change in the share of missing values').prefault({}),
    new_categories: levels(DEFAULT_THRESHOLDS.new_categories, 'Share of current values never seen in the reference').prefault({}),
    row_ratio: rowRatioSchema.prefault({}),
    min_rows: z.number().int().min(2).default(DEFAULT_THRESHOLDS.min_rows).describe('Fewer rows (or values of a column) on a side: insufficient, never drift.'),
    id_distinct_share: share.default(DEFAULT_THRESHOLDS.id_distinct_share).describe('String and integer columns with a larger share of distinct values are ID-like and not tested.'),
    alert_importance: share.default(DEFAULT_THRESHOLDS.alert_importance).describe('A column at alert with at least this importance puts the dataset at alert.'),
    alert_share: share.default(DEFAULT_THRESHOLDS.alert_share).describe('So does an importance-weighted share of alert columns at least this.'),
    evidently_drift_share: share.default(DEFAULT_THRESHOLDS.evidently_drift_share).describe("Evidently's dataset rule (shown for comparison; decides with preset: evidently)."),
  })
  .describe('Thresholds of the default decision.');

const columnSchema = z
  .strictObject({
    test: z.enum(DRIFT_TESTS).optional().describe('ks, chisquare or ztest (p-value thresholds, BH-adjusted), or psi, jensenshannon, wasserstein, kl (effect thresholds). Default: the dual gate.'),
    warn: positive.optional().describe("Warn threshold: a q-value for ks/chisquare/ztest (at or below), else the effect (at or above). Without `test`: PSI minus noise."),
    alert: positive.optional().describe('Alert threshold, in the same units.'),
    importance: z.number().min(0).max(1).optional().describe("The column's weight in the dataset verdict (default: an equal share)."),
    exclude: z.boolean().optional().describe('true: never test this column; false: test it even when it looks ID-like.'),
  })
  .superRefine((column, context) => {
    const test: DriftTest | undefined = column.test;
    const pValues = test !== undefined && isPValueTest(test);
    for (const key of ['warn', 'alert'] as const) {
      const value = column[key];
      if (pValues && value !== undefined && value >= 1) context.addIssue({ code: 'custom', path: [key], message: `${test} thresholds are q-values: expected a number below 1` });
    }
    if (column.warn === undefined || column.alert === undefined) {
      if (test === undefined) return;
      const warn = column.warn ?? TEST_DEFAULTS[test].warn;
      const alert = column.alert ?? TEST_DEFAULTS[test].alert;
      checkOrder(pValues, warn, alert, context);
      return;
    }
    checkOrder(pValues, column.warn, column.alert, context);
  });

function checkOrder(pValues: boolean, warn: number, alert: number, context: z.RefinementCtx): void {
  if (pValues && alert > warn) context.addIssue({ code: 'custom', path: ['alert'], message: `a q-value test alerts at a smaller value than it warns: alert (${alert}) must be at most warn (${warn})` });
  if (!pValues && alert < warn) context.addIssue({ code: 'custom', path: ['alert'], message: `alert (${alert}) must be at least warn (${warn})` });
}

/** The `drift:` section. */
export const driftConfigSchema = z
  .strictObject({
    preset: z.enum(DRIFT_PRESETS).default('default').describe("default: the dual gate; evidently: Evidently's per-column defaults and its 50% dataset rule."),
    fail_on: z.enum(FAIL_ON).default('alert').describe('The level at which the check fails (exit code 1, failed step).'),
    segment_by: z.array(z.string().min(1)).default([]).describe('Columns whose values are checked for driving a drifted column.'),
    thresholds: thresholdsSchema.prefault({}),
    columns: z.record(z.string(), columnSchema).default({}).describe('Per-column settings, by column name.'),
  })
  .describe('Drift checks: current data against a reference (data or baseline profile).');

/** The validated `drift:` section (defaults applied); the engine's settings. */
export type DriftConfig = z.output<typeof driftConfigSchema>;

// The engine's settings type and the schema's output must stay the same shape.
const sameShape: (config: DriftConfig) => DriftSettings = (config) => config;
void sameShape;

/**
 * Reads a drift configuration: `.github/tollgate.yml` (its `drift:` section)
 * or a standalone file with the section's keys at the top level. Errors name
 * the file, line and column.
 */
export async function loadDriftConfig(file: string): Promise<LocatedDocument<DriftConfig>> {
  const text = await readTextFile(file);
  return parseDriftConfig(text, file);
}

/** Parses drift configuration text (see {@link loadDriftConfig}). */
export function parseDriftConfig(text: string, file: string): LocatedDocument<DriftConfig> {
  return parseSection(text, file, 'drift', driftConfigSchema);
}

/** The defaults, as if the section were empty. */
export function defaultDriftConfig(): DriftConfig {
  return driftConfigSchema.parse({});
}
