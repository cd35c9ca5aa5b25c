/**
 * Fills in the evaluation policy's defaults and checks that its metrics fit
 * one task. (The YAML schema in shared/config reports the same problems with
 * line and column; this is the backstop for policies built in code.)
 */
import { ConfigError } from '../errors/index.js';
import { DEFAULT_RESAMPLES, DEFAULT_SEED } from './bootstrap.js';
import { METRICS, type MetricName, type Task } from './metrics/catalog.js';
import type { EvaluationPolicy, GuardrailRule } from './types.js';

export const EVALUATION_DEFAULTS = {
  threshold: 0.5,
  minDelta: 0,
  confidence: 0.95,
  resamples: DEFAULT_RESAMPLES,
  seed: DEFAULT_SEED,
  segmentMinRows: 200,
  primary: { classification: 'roc_auc', regression: 'rmse' } as const satisfies Record<Task, MetricName>,
} as const;

export interface ResolvedPolicy {
  task: Task;
  threshold: number;
  primary: { metric: MetricName; min_delta: number; confidence: number };
  guardrails: GuardrailRule[];
  segments: { by: string[]; min_rows: number; max_regression: { metric: MetricName; delta: number } } | undefined;
  min: Partial<Record<MetricName, number>>;
  max: Partial<Record<MetricName, number>>;
  bootstrap: { resamples: number; seed: number; confidence: number };
}

/** Every metric a policy names, with where it is named (for messages). */
function namedMetrics(policy: EvaluationPolicy): Array<{ metric: MetricName; where: string }> {
  const named: Array<{ metric: MetricName; where: string }> = [];
  if (policy.primary) named.push({ metric: policy.primary.metric, where: 'evaluation.primary.metric' });
  policy.guardrails?.forEach((rule, index) => named.push({ metric: rule.metric, where: `evaluation.guardrails[${index}].metric` }));
  const segmentMetric = policy.segments?.max_regression.metric;
  if (segmentMetric) named.push({ metric: segmentMetric, where: 'evaluation.segments.max_regression.metric' });
  for (const bound of ['min', 'max'] as const) {
    for (const metric of Object.keys(policy[bound] ?? {}) as MetricName[]) named.push({ metric, where: `evaluation.${bound}.${metric}` });
  }
  return named;
}

/** The task a policy implies: explicit, else the primary metric's, else the first named metric's, else classification. */
export function inferTask(policy: EvaluationPolicy): Task {
  if (policy.task) return policy.task;
  const first = namedMetrics(policy)[0];
  return first ? METRICS[first.metric].task : 'classification';
}

/** The policy with every default filled in. Throws `ConfigError` when metrics of both tasks are mixed. */
export function resolvePolicy(policy: EvaluationPolicy = {}): ResolvedPolicy {
  const task = inferTask(policy);
  for (const { metric, where } of namedMetrics(policy)) {
    if (METRICS[metric].task !== task) {
      throw new ConfigError(undefined, `${where}: '${metric}' is a ${METRICS[metric].task} metric but the evaluation is ${task}`);
    }
  }
  const confidence = policy.bootstrap?.confidence ?? EVALUATION_DEFAULTS.confidence;
  const primaryMetric = policy.primary?.metric ?? EVALUATION_DEFAULTS.primary[task];
  return {
    task,
    threshold: policy.threshold ?? EVALUATION_DEFAULTS.threshold,
    primary: {
      metric: primaryMetric,
      min_delta: policy.primary?.min_delta ?? EVALUATION_DEFAULTS.minDelta,
      confidence: policy.primary?.confidence ?? confidence,
    },
    guardrails: policy.guardrails ?? [],
    segments: policy.segments
      ? {
          by: policy.segments.by,
          min_rows: policy.segments.min_rows ?? EVALUATION_DEFAULTS.segmentMinRows,
          max_regression: { metric: policy.segments.max_regression.metric ?? primaryMetric, delta: policy.segments.max_regression.delta },
        }
      : undefined,
    min: policy.min ?? {},
    max: policy.max ?? {},
    bootstrap: {
      resamples: policy.bootstrap?.resamples ?? EVALUATION_DEFAULTS.resamples,
      seed: policy.bootstrap?.seed ?? EVALUATION_DEFAULTS.seed,
      confidence,
    },
  };
}
