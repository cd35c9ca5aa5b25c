/**
 * The `evaluation:` section of `.github/tollgate.yml`: how a challenger is
 * compared with the champion and when it may be promoted.
 *
 * ```yaml
 * evaluation:
 *   columns: {id: id, label: label, score: score}
 *   primary: {metric: roc_auc, min_delta: 0.0, confidence: 0.95}
 *   guardrails:
 *     - {metric: ece, max_increase: 0.01}
 *     - {metric: log_loss, max_increase: 0.0}
 *   segments: {by: [plan, region], min_rows: 200, max_regression: {metric: roc_auc, delta: 0.02}}
 *   min: {roc_auc: 0.70}
 *   bootstrap: {resamples: 1000, seed: 20240601, confidence: 0.95}
 * ```
 */
import { z } from 'zod';
// Leaf modules, not the evaluate index: reading the config must not load the data readers.
import { METRIC_NAMES, METRICS, type MetricName } from '../evaluate/metrics/catalog.js';
import { EVALUATION_DEFAULTS, inferTask } from '../evaluate/policy.js';
import { loadYamlFile, sectionFileSchema, type LocatedDocument } from './yaml-document.js';

const metricName = z.enum(METRIC_NAMES);
const confidence = z.number().gt(0).lt(1);

const columnsSchema = z
  .strictObject({
    id: z.string().min(1).default('id').describe('Column holding the row id both predictions files are joined on.'),
    label: z.string().min(1).default('label').describe('Column holding the true label (0/1 or true/false) or the regression target.'),
    score: z.string().min(1).default('score').describe('Column holding the predicted probability (or score) or the predicted value.'),
  })
  .describe('Column names in the predictions files.');

const primarySchema = z
  .strictObject({
    metric: metricName.describe('The metric that decides.'),
    min_delta: z
      .number()
      .default(EVALUATION_DEFAULTS.minDelta)
      .describe("Required improvement in the metric's better direction; the confidence interval's bound must clear it. Negative = a non-inferiority margin."),
    confidence: confidence.optional().describe('Confidence of that interval (default: bootstrap.confidence).'),
  })
  .describe('Promote only when the challenger beats the champion on this metric with this confidence.');

const LIMITS = ['max_increase', 'max_decrease', 'min', 'max'] as const;

const guardrailSchema = z
  .strictObject({
    metric: metricName,
    max_increase: z.number().min(0).optional().describe('challenger − champion may be at most this.'),
    max_decrease: z.number().min(0).optional().describe('champion − challenger may be at most this.'),
    min: z.number().optional().describe("The challenger's value must be at least this."),
    max: z.number().optional().describe("The challenger's value must be at most this."),
  })
  .refine((rule) => LIMITS.some((limit) => rule[limit] !== undefined), { message: `set at least one of ${LIMITS.join(', ')}` })
  .describe('A metric that may not get worse than allowed (point estimates).');

const segmentsSchema = z
  .strictObject({
    by: z.array(z.string().min(1)).min(1).describe('Columns (in the predictions files) whose values define segments.'),
    min_rows: z.number().int().positive().default(EVALUATION_DEFAULTS.segmentMinRows).describe('Smaller segments are reported, not gated.'),
    max_regression: z
      .strictObject({
        metric: metricName.optional().describe('Default: the primary metric.'),
        delta: z.number().min(0).describe('How much worse a segment may get.'),
      })
      .describe("A segment fails when its metric is worse than the champion's by more than delta."),
  })
  .describe('Per-segment gates that catch regressions an overall metric hides.');

const boundsSchema = (what: string) => z.partialRecord(metricName, z.number()).default({}).describe(what);

export const evaluationSchema = z
  .strictObject({
    task: z.enum(['classification', 'regression']).optional().describe('Inferred from the primary metric when omitted.'),
    columns: columnsSchema.prefault({}),
    threshold: z.number().default(EVALUATION_DEFAULTS.threshold).describe('A row is predicted positive when score >= threshold.'),
    primary: primarySchema.optional().describe('Default: roc_auc (classification) or rmse (regression), min_delta 0.'),
    guardrails: z.array(guardrailSchema).default([]),
    segments: segmentsSchema.optional(),
    min: boundsSchema('Absolute floors on the challenger, e.g. {roc_auc: 0.7}. Always checked; the only gates when there is no champion.'),
    max: boundsSchema('Absolute ceilings on the challenger, e.g. {log_loss: 0.5}.'),
    bootstrap: z
      .strictObject({
        resamples: z.number().int().min(100).max(100_000).default(EVALUATION_DEFAULTS.resamples),
        seed: z.number().int().default(EVALUATION_DEFAULTS.seed),
        confidence: confidence.default(EVALUATION_DEFAULTS.confidence).describe('Confidence level of the intervals shown.'),
      })
      .prefault({})
      .describe('Paired bootstrap over the evaluation rows.'),
  })
  .superRefine((section, context) => {
    const task = inferTask(section);
    const check = (metric: MetricName, path: PropertyKey[]) => {
      if (METRICS[metric].task !== task) {
        context.addIssue({ code: 'custom', path, message: `'${metric}' is a ${METRICS[metric].task} metric but this evaluation is ${task}` });
      }
    };
    if (section.primary) check(section.primary.metric, ['primary', 'metric']);
    section.guardrails.forEach((rule, index) => check(rule.metric, ['guardrails', index, 'metric']));
    if (section.segments?.max_regression.metric) check(section.segments.max_regression.metric, ['segments', 'max_regression', 'metric']);
    for (const bound of ['min', 'max'] as const) {
      for (const metric of Object.keys(section[bound]) as MetricName[]) check(metric, [bound, metric]);
    }
  })
  .describe('Challenger-versus-champion evaluation: what must improve, what may not get worse.');

/** The validated `evaluation:` section. */
export type EvaluationConfig = z.output<typeof evaluationSchema>;

/** A config file read only for its `evaluation:` section (the other sections are validated by the full schema). */
const evaluationFileSchema = sectionFileSchema('evaluation', evaluationSchema);

/**
 * Reads `.github/tollgate.yml` (or another file) and validates its
 * `evaluation:` section; errors name the file, line and column.
 */
export async function loadEvaluationConfig(file: string): Promise<LocatedDocument<EvaluationConfig>> {
  const document = await loadYamlFile(file, evaluationFileSchema);
  return { file: document.file, value: document.value.evaluation, locate: (path) => document.locate(['evaluation', ...path]) };
}

/** The defaults, as if the section were empty. */
export function defaultEvaluationConfig(): EvaluationConfig {
  return evaluationSchema.parse({});
}
