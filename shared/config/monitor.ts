/**
 * The `monitor:` section of `.github/tollgate.yml` (watching a model after
 * release), the stage `evidence:` policy (live evidence a promotion can
 * require) and `retrain:` (when a scheduled check dispatches training).
 *
 * ```yaml
 * monitor:
 *   columns: {id: request_id, timestamp: ts, version: model_version, score: score, latency: latency_ms, error: status}
 *   features: [tenure_months, monthly_spend, plan]   # default: the reference profile's columns the log has
 *   labels: {id: request_id, label: churned}          # the delayed labels file
 *   window: 24h
 *   fail_on: alert
 *   confidence: {band: [0.4, 0.6], uncertain_share: {warn: 0.05, alert: 0.10}}
 *   performance: {metrics: [roc_auc], tolerance: 0.01, segments: [plan]}
 *   latency: {p95: 150, p99: {warn: 300, alert: 400}, error_rate: 0.01}
 *   volume: {per: 1h, warn: [800, 1500], alert: [200, 3000]}
 *   shadow: {min_requests: 5000, min_hours: 24, max_disagreement: 0.03}
 *   canary: {min_requests: 2000, max_error_rate_increase: 0.005, max_latency_increase: 0.2}
 *   retrain: {on: alert, signals: [drift, performance], cooldown: 7d}
 * ```
 */
import { z } from 'zod';
import { levels, durationSchema } from './schema-parts.js';
import { METRIC_NAMES } from '../evaluate/metrics/catalog.js';
import { readTextFile } from '../errors/index.js';
import {
  DEFAULT_CANARY,
  DEFAULT_CONFIDENCE,
  DEFAULT_INTERVAL_CONFIDENCE,
  DEFAULT_PERFORMANCE,
  DEFAULT_SHADOW,
  FAIL_LEVELS,
  LOG_ROLES,
  SIGNAL_NAMES,
  type MonitorSettings,
} from '../monitor/settings.js';
import { defaultDriftConfig, parseDriftConfig, type DriftConfig } from './drift.js';
import { evaluationSchema, type EvaluationConfig } from './evaluation.js';
import { parseSection, topLevelKeys, type LocatedDocument } from './yaml-document.js';

const share = z.number().min(0).max(1);
const positive = z.number().positive();
const confidence = z.number().gt(0).lt(1);
const columnName = z.string().min(1);

const range = z
  .tuple([z.number().min(0), z.number().positive()])
  .refine(([low, high]) => low < high, { message: 'expected [low, high] with low < high' });

const columnsSchema = z
  .strictObject(Object.fromEntries(LOG_ROLES.map((role) => [role, columnName.optional()])) as Record<(typeof LOG_ROLES)[number], z.ZodOptional<z.ZodString>>)
  .describe('Column names in the prediction log by role; a role left out uses request_id, timestamp, model_version, score, prediction, confidence, latency_ms, error, label when the log has that column.');

const confidenceSchema = z
  .strictObject({
    band: z
      .tuple([share, share])
      .refine(([low, high]) => low < high, { message: 'expected [low, high] with low < high' })
      .default(DEFAULT_CONFIDENCE.band)
      .describe('Scores in [low, high] are uncertain.'),
    uncertain_share: levels(DEFAULT_CONFIDENCE.uncertain_share, 'Rise of the uncertain share over the reference (absolute)').prefault({}),
    confidence_drop: levels(DEFAULT_CONFIDENCE.confidence_drop, 'Drop of the mean max-class confidence below the reference').prefault({}),
    confidence: confidence.default(DEFAULT_INTERVAL_CONFIDENCE).describe('Confidence of the intervals shown beside the checks.'),
  })
  .describe('Confidence collapse: classifiers becoming unsure.');

const metricName = z.enum(METRIC_NAMES);

const performanceSchema = z
  .strictObject({
    metrics: z.array(metricName).default([]).describe("Metrics watched (default: the evaluation's primary metric)."),
    tolerance: z
      .union([z.number().min(0), z.partialRecord(metricName, z.number().min(0))])
      .optional()
      .describe('How far below the reference the interval may lie before an alert, in metric units (one number, or per metric). Default 0.01 for classification metrics, 5% of the reference for regression ones.'),
    confidence: confidence.default(DEFAULT_PERFORMANCE.confidence).describe('Confidence of the bootstrap interval.'),
    resamples: z.number().int().min(100).max(100_000).default(DEFAULT_PERFORMANCE.resamples),
    seed: z.number().int().default(DEFAULT_PERFORMANCE.seed),
    min_labels: z.number().int().min(10).default(DEFAULT_PERFORMANCE.min_labels).describe('Fewer labelled requests in the window: insufficient.'),
    segments: z.array(columnName).default([]).describe('Log columns whose values are checked one by one.'),
    segment_min_rows: z.number().int().positive().default(DEFAULT_PERFORMANCE.segment_min_rows).describe('Smaller segments are shown, not judged.'),
  })
  .describe('Performance once delayed labels arrive, against the evaluation stored with the version.');

const sloSchema = z.union([
  positive,
  z.strictObject({ warn: positive, alert: positive }).refine((pair) => pair.alert >= pair.warn, { message: 'alert must be at least warn', path: ['alert'] }),
]);

const latencySchema = z
  .strictObject({
    p50: sloSchema.optional().describe('Objective for the median latency in ms (a number, or {warn, alert}).'),
    p95: sloSchema.optional().describe('Objective for p95 latency in ms.'),
    p99: sloSchema.optional().describe('Objective for p99 latency in ms.'),
    error_rate: z
      .union([share, z.strictObject({ warn: share, alert: share }).refine((pair) => pair.alert >= pair.warn, { message: 'alert must be at least warn', path: ['alert'] })])
      .optional()
      .describe('Objective for the share of failed requests.'),
    confidence: confidence.default(0.95).describe('An alert needs the whole interval beyond the objective.'),
  })
  .describe('Latency and error-rate objectives.');

const volumeSchema = z
  .strictObject({
    per: durationSchema.default('1h').describe('The period the ranges count requests per.'),
    warn: range.optional().describe('Requests per period outside [low, high]: warn.'),
    alert: range.optional().describe("Outside [low, high] with confidence (the count's whole exact Poisson interval): alert."),
    confidence: confidence.default(DEFAULT_INTERVAL_CONFIDENCE).describe('Confidence of the exact Poisson interval that decides an alert.'),
  })
  .refine((volume) => volume.warn !== undefined || volume.alert !== undefined, { message: 'set warn or alert (or both)' })
  .refine((volume) => !volume.warn || !volume.alert || (volume.alert[0] <= volume.warn[0] && volume.alert[1] >= volume.warn[1]), { message: 'the alert range must contain the warn range', path: ['alert'] })
  .describe('Requests per period against the expected range.');

/** What shadow traffic must show (command defaults under monitor:, a stage's demands under evidence:). */
export const shadowBoundsSchema = z
  .strictObject({
    min_requests: z.number().int().min(1).default(DEFAULT_SHADOW.min_requests).describe('Paired requests (on request id).'),
    min_hours: z.number().min(0).default(DEFAULT_SHADOW.min_hours).describe('Hours between the first and the last paired request.'),
    max_disagreement: share.default(DEFAULT_SHADOW.max_disagreement as number).describe('Share of pairs whose predicted class differs.'),
    max_mean_abs_diff: z.number().min(0).optional().describe('Mean absolute score difference.'),
    min_correlation: z.number().min(-1).max(1).optional().describe('Pearson correlation of the scores.'),
    max_latency_increase: z.number().min(0).optional().describe('Relative rise of p95 latency (0.2 = at most 20% slower).'),
    max_metric_decrease: z.number().min(0).optional().describe('How much the primary metric may drop (with labels).'),
    confidence: confidence.default(DEFAULT_SHADOW.confidence),
  })
  .describe('Shadow evidence: the candidate scored live traffic beside the serving model.');

/** What a canary must show, and when it is rolled back. */
export const canaryBoundsSchema = z
  .strictObject({
    min_requests: z.number().int().min(1).default(DEFAULT_CANARY.min_requests).describe('Requests served by the canary.'),
    min_hours: z.number().min(0).default(DEFAULT_CANARY.min_hours).describe('Hours of canary traffic.'),
    max_error_rate_increase: share.default(DEFAULT_CANARY.max_error_rate_increase).describe("Canary error rate minus the control's."),
    max_latency_increase: z.number().min(0).default(DEFAULT_CANARY.max_latency_increase as number).describe('Relative rise of p95 latency over the control.'),
    max_metric_decrease: z.number().min(0).optional().describe("How much the primary metric may drop against the control's (with labels)."),
    confidence: confidence.default(DEFAULT_CANARY.confidence),
  })
  .describe('Canary evidence: a slice of live traffic served by the candidate.');

/** A stage's demand for live evidence (composed per model and stage by the main schema). */
export const evidenceSchema = z
  .strictObject({
    shadow: shadowBoundsSchema.optional(),
    canary: canaryBoundsSchema.optional(),
  })
  .describe('Live evidence this stage requires before a promotion: shadow, canary or both.');

/** `retrain:`: when a scheduled check dispatches the training workflow. */
export const retrainSchema = z
  .strictObject({
    on: z.enum(['warn', 'alert']).default('alert').describe('The signal level that triggers.'),
    signals: z.array(z.enum(SIGNAL_NAMES)).min(1, 'list at least one signal').default(['drift', 'performance']).describe('Signals that trigger: drift, prediction, confidence, performance, latency, volume.'),
    cooldown: durationSchema.default('7d').describe('At most one dispatch per this long.'),
  })
  .describe('Drift-triggered retraining: the bot dispatches the training workflow (once per cooldown).');

/** The `monitor:` section. */
export const monitorSchema = z
  .strictObject({
    columns: columnsSchema.prefault({}),
    features: z.array(columnName).optional().describe("Feature columns checked for drift (default: the reference profile's columns the log has, role columns aside)."),
    labels: z
      .strictObject({
        id: columnName.optional().describe("Request id column of the labels file (default: the log's)."),
        label: columnName.optional().describe('Label column of the labels file (default label).'),
      })
      .prefault({})
      .describe('Columns of the delayed labels file.'),
    task: z.enum(['classification', 'regression']).optional().describe("Default: the evaluation's task."),
    threshold: share.optional().describe("Classification: predicted positive at score >= threshold (default: the evaluation's, else 0.5)."),
    window: durationSchema.optional().describe('The window when a run names none (e.g. 24h).'),
    fail_on: z.enum(FAIL_LEVELS).default('alert').describe('The level at which the check fails.'),
    disable: z.array(z.enum(SIGNAL_NAMES)).default([]).describe('Signals not run.'),
    confidence: confidenceSchema.prefault({}),
    performance: performanceSchema.prefault({}),
    latency: latencySchema.prefault({}),
    volume: volumeSchema.optional(),
    shadow: shadowBoundsSchema.prefault({}),
    canary: canaryBoundsSchema.prefault({}),
    retrain: retrainSchema.optional(),
  })
  .describe('Monitoring a released model: prediction logs against the version in a stage.');

/** The validated `monitor:` section (defaults applied). */
export type MonitorConfig = z.output<typeof monitorSchema>;
export type EvidenceConfig = z.output<typeof evidenceSchema>;
export type RetrainConfig = z.output<typeof retrainSchema>;

// The engine's settings type and the schema's output must stay the same shape.
const sameShape: (config: MonitorConfig) => MonitorSettings = (config) => config;
void sameShape;


/**
 * Parses the `monitor:` section of `.github/tollgate.yml` text (or of a
 * standalone file holding the section's keys at its top level). Errors name
 * the file, line and column.
 */
export function parseMonitorConfig(text: string, file: string): LocatedDocument<MonitorConfig> {
  return parseSection(text, file, 'monitor', monitorSchema);
}

/** The defaults, as if the section were empty. */
export function defaultMonitorConfig(): MonitorConfig {
  return monitorSchema.parse({});
}

/** The sections a monitoring run reads from one configuration file. */
export interface MonitorSections {
  file: string;
  monitor: MonitorConfig;
  /** Thresholds of the dual gate for feature and prediction drift. */
  drift: DriftConfig;
  /** Task, threshold and the paired comparison's policy. */
  evaluation: EvaluationConfig;
}

/**
 * Reads `monitor:`, `drift:` and `evaluation:` from `.github/tollgate.yml`
 * (or the monitor section alone from a standalone file), each validated by
 * its own schema with line and column in errors.
 */
export async function loadMonitorSections(file: string): Promise<MonitorSections> {
  const text = await readTextFile(file);
  const keys = topLevelKeys(text);
  const monitor = parseMonitorConfig(text, file).value;
  const drift = keys.includes('drift') ? parseDriftConfig(text, file).value : defaultDriftConfig();
  const evaluation = keys.includes('evaluation') ? parseSection(text, file, 'evaluation', evaluationSchema).value : evaluationSchema.parse({});
  return { file, monitor, drift, evaluation };
}

/** Every section at its defaults (no configuration file). */
export function defaultMonitorSections(): MonitorSections {
  return { file: '', monitor: defaultMonitorConfig(), drift: defaultDriftConfig(), evaluation: evaluationSchema.parse({}) };
}
