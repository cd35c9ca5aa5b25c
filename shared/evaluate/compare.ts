/**
 * Challenger versus champion on the same rows: every metric for both, a paired
 * bootstrap interval (and DeLong's test for ROC AUC) on each gated metric,
 * absolute thresholds, segments, and the decision with all of its reasons.
 */
import { InputError } from '../errors/index.js';
import { pairedBootstrap, percentileInterval } from './bootstrap.js';
import { delongTest, type DeLongResult } from './delong.js';
import { exceeds, formatConfidence, formatCount, formatDelta, formatValue } from './format.js';
import { METRICS, metricsForTask, type MetricName } from './metrics/catalog.js';
import { PreparedPredictions } from './metrics/prepared.js';
import { resolvePolicy, type ResolvedPolicy } from './policy.js';
import type { EvaluationRows } from './predictions.js';
import { analyzeSegments } from './segments.js';
import type { ComparisonRow, EvaluationPolicy, EvaluationReport, GuardrailRule, MetricValues, SegmentRow, ThresholdCheck } from './types.js';
import { allProbabilities, validateRows } from './validate.js';

type Side = 'challenger' | 'champion';

function nullable(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

/** Metrics a policy gates on, with the policy key that names each (for messages). */
function gatedMetrics(policy: ResolvedPolicy): Array<{ metric: MetricName; where: string }> {
  const gated = [{ metric: policy.primary.metric, where: 'evaluation.primary' }];
  policy.guardrails.forEach((rule, index) => gated.push({ metric: rule.metric, where: `evaluation.guardrails[${index}]` }));
  for (const bound of ['min', 'max'] as const) {
    for (const metric of Object.keys(policy[bound]) as MetricName[]) gated.push({ metric, where: `evaluation.${bound}.${metric}` });
  }
  if (policy.segments) gated.push({ metric: policy.segments.max_regression.metric, where: 'evaluation.segments.max_regression' });
  return gated;
}

function scoreRange(scores: Float64Array): string {
  let low = Infinity;
  let high = -Infinity;
  for (const score of scores) {
    if (score < low) low = score;
    if (score > high) high = score;
  }
  return `${formatValue(low)} to ${formatValue(high)}`;
}

/** Probability metrics on scores outside [0, 1] are meaningless: skip them, or fail when they are gated. */
function probabilityScores(rows: EvaluationRows, policy: ResolvedPolicy, warnings: string[]): Record<Side, boolean> {
  const ok: Record<Side, boolean> = { challenger: true, champion: true };
  if (policy.task !== 'classification') return ok;
  for (const side of ['challenger', 'champion'] as const) {
    const scores = rows[side];
    if (!scores || allProbabilities(scores)) continue;
    ok[side] = false;
    const gated = gatedMetrics(policy).find(({ metric }) => METRICS[metric].needsProbabilities);
    const file = rows.sources[side];
    if (gated) {
      throw new InputError(
        file ? { file } : undefined,
        `${gated.where} uses ${gated.metric}, which needs probabilities in [0, 1], but the ${side}'s scores range from ${scoreRange(scores)}`,
      );
    }
    warnings.push(`The ${side}'s scores are not probabilities (they range from ${scoreRange(scores)}): log_loss, brier_score and ece are not computed for it.`);
  }
  return ok;
}

function computeAll(model: PreparedPredictions, policy: ResolvedPolicy, side: Side, probabilities: boolean, warnings: string[]): MetricValues {
  const values: MetricValues = {};
  for (const metric of metricsForTask(policy.task)) {
    if (METRICS[metric].needsProbabilities && !probabilities) {
      values[metric] = null;
      continue;
    }
    values[metric] = nullable(model.compute(metric, undefined, (message) => warnings.push(`${side}: ${message}`)));
  }
  return values;
}

interface GateRule {
  role: 'primary' | 'guardrail';
  metric: MetricName;
  guardrail?: GuardrailRule;
}

/** DeLong's test needs two rows of each class; below that the p-value is left out and the report says why. */
function delongOrWarn(labels: Float64Array, challenger: Float64Array, champion: Float64Array, warnings: string[]): DeLongResult | undefined {
  let positives = 0;
  for (const label of labels) positives += label;
  if (positives < 2 || labels.length - positives < 2) {
    warnings.push("DeLong's test needs at least two rows of each class: no p-value for roc_auc.");
    return undefined;
  }
  return delongTest(labels, challenger, champion);
}

/** The paired comparison rows: bootstrap intervals for every gated metric, DeLong for ROC AUC. */
function compareGated(
  rows: EvaluationRows,
  challenger: PreparedPredictions,
  champion: PreparedPredictions,
  policy: ResolvedPolicy,
  metrics: { challenger: MetricValues; champion: MetricValues },
  warnings: string[],
): ComparisonRow[] {
  const rules: GateRule[] = [{ role: 'primary', metric: policy.primary.metric }, ...policy.guardrails.map((guardrail) => ({ role: 'guardrail' as const, metric: guardrail.metric, guardrail }))];
  const distinct = [...new Set(rules.map((rule) => rule.metric))];
  const distributions = pairedBootstrap(
    rows.labels.length,
    distinct.map((metric) => (counts: Int32Array) => challenger.compute(metric, counts) - champion.compute(metric, counts)),
    { resamples: policy.bootstrap.resamples, seed: policy.bootstrap.seed },
  );
  const delong = distinct.includes('roc_auc') && rows.champion ? delongOrWarn(rows.labels, rows.challenger, rows.champion, warnings) : undefined;

  return rules.map((rule) => {
    const challengerValue = metrics.challenger[rule.metric] ?? Number.NaN;
    const championValue = metrics.champion[rule.metric] ?? Number.NaN;
    const delta = challengerValue - championValue;
    const confidence = rule.role === 'primary' ? policy.primary.confidence : policy.bootstrap.confidence;
    const { interval, valid } = percentileInterval(distributions[distinct.indexOf(rule.metric)], confidence);
    const higherIsBetter = METRICS[rule.metric].higherIsBetter;
    const base = {
      metric: rule.metric,
      role: rule.role,
      higher_is_better: higherIsBetter,
      challenger: challengerValue,
      champion: championValue,
      delta,
      ci: valid > 0 ? interval : null,
      confidence,
      p_value: rule.metric === 'roc_auc' && delong ? nullable(delong.pValue) : null,
    };
    if (rule.role === 'primary') {
      const minDelta = policy.primary.min_delta;
      const pass = valid > 0 && (higherIsBetter ? interval[0] > minDelta : interval[1] < -minDelta);
      return { ...base, rule: higherIsBetter ? `lower bound of Δ > ${formatValue(minDelta)}` : `upper bound of Δ < ${formatValue(-minDelta)}`, pass };
    }
    return { ...base, ...guardrailVerdict(rule.guardrail as GuardrailRule, challengerValue, delta) };
  });
}

/** A guardrail's rule in words and whether every limit it sets holds (point estimates). */
function guardrailVerdict(guardrail: GuardrailRule, value: number, delta: number): { rule: string; pass: boolean } {
  const parts: string[] = [];
  let pass = true;
  if (guardrail.max_increase !== undefined) {
    parts.push(`Δ ≤ ${formatDelta(guardrail.max_increase)}`);
    if (exceeds(delta, guardrail.max_increase)) pass = false;
  }
  if (guardrail.max_decrease !== undefined) {
    parts.push(`Δ ≥ ${formatValue(-guardrail.max_decrease)}`);
    if (exceeds(-delta, guardrail.max_decrease)) pass = false;
  }
  if (guardrail.min !== undefined) {
    parts.push(`value ≥ ${formatValue(guardrail.min)}`);
    if (exceeds(guardrail.min, value)) pass = false;
  }
  if (guardrail.max !== undefined) {
    parts.push(`value ≤ ${formatValue(guardrail.max)}`);
    if (exceeds(value, guardrail.max)) pass = false;
  }
  return { rule: parts.join(', '), pass };
}

/** Absolute bounds: `min`/`max` always, and guardrails' own `min`/`max` when there is no champion to compare with. */
function thresholdChecks(policy: ResolvedPolicy, values: MetricValues, withChampion: boolean): ThresholdCheck[] {
  const checks: ThresholdCheck[] = [];
  const add = (metric: MetricName, bound: 'min' | 'max', limit: number) => {
    const value = values[metric] ?? null;
    const pass = value !== null && (bound === 'min' ? !exceeds(limit, value) : !exceeds(value, limit));
    checks.push({ metric, bound, limit, value, pass });
  };
  for (const bound of ['min', 'max'] as const) {
    for (const [metric, limit] of Object.entries(policy[bound]) as Array<[MetricName, number]>) add(metric, bound, limit);
  }
  if (!withChampion) {
    for (const guardrail of policy.guardrails) {
      if (guardrail.min !== undefined) add(guardrail.metric, 'min', guardrail.min);
      if (guardrail.max !== undefined) add(guardrail.metric, 'max', guardrail.max);
    }
  }
  return checks;
}

function interval(row: ComparisonRow): string {
  return row.ci ? `${formatConfidence(row.confidence)} CI ${formatDelta(row.ci[0])} to ${formatDelta(row.ci[1])}` : 'no interval: undefined on every resample';
}

function comparisonReason(row: ComparisonRow, policy: ResolvedPolicy): string {
  const p = row.p_value !== null ? `; DeLong p = ${formatValue(row.p_value)}` : '';
  const stats = `Δ ${formatDelta(row.delta)} (${interval(row)}${p})`;
  if (row.role === 'primary') {
    const better = row.higher_is_better ? 'higher' : 'lower';
    return row.pass
      ? `Primary metric ${row.metric} improved: ${stats}; the interval clears min_delta ${formatValue(policy.primary.min_delta)}.`
      : `Primary metric ${row.metric} is not ${better} by more than min_delta ${formatValue(policy.primary.min_delta)} with ${formatConfidence(row.confidence)} confidence: ${stats}.`;
  }
  return row.pass
    ? `Guardrail ${row.metric} held (${row.rule}): ${formatValue(row.challenger)} vs ${formatValue(row.champion)}, Δ ${formatDelta(row.delta)}.`
    : `Guardrail ${row.metric} broken (${row.rule}): ${formatValue(row.challenger)} vs ${formatValue(row.champion)}, Δ ${formatDelta(row.delta)}.`;
}

function thresholdReason(check: ThresholdCheck): string {
  const relation = check.bound === 'min' ? (check.pass ? 'at least' : 'below') : check.pass ? 'at most' : 'above';
  const value = check.value === null ? 'undefined' : formatValue(check.value);
  return `${check.metric} is ${value}, ${relation} the ${check.bound} of ${formatValue(check.limit)}.`;
}

function segmentLabel(row: SegmentRow): string {
  return `${row.segment}=${row.value ?? '(missing)'}`;
}

function segmentReasons(segments: SegmentRow[], policy: ResolvedPolicy, withChampion: boolean): { failures: string[]; passes: string[] } {
  const settings = policy.segments;
  if (!settings || !withChampion) return { failures: [], passes: [] };
  const limit = formatValue(settings.max_regression.delta);
  const failures = segments
    .filter((row) => row.status === 'regressed')
    .map((row) => `Segment ${segmentLabel(row)} (${formatCount(row.rows)} rows): ${row.metric} ${formatValue(row.metrics.champion ?? Number.NaN)} → ${formatValue(row.metrics.challenger ?? Number.NaN)} (Δ ${formatDelta(row.delta ?? Number.NaN)}), worse by more than the ${limit} allowed.`);
  if (failures.length > 0) return { failures, passes: [] };
  const gated = segments.filter((row) => row.status === 'pass').length;
  const small = segments.filter((row) => row.status === 'too_few_rows').length;
  const smallNote = small > 0 ? `; ${small} with fewer than ${formatCount(settings.min_rows)} rows not gated` : '';
  return { failures: [], passes: [`No segment regressed on ${settings.max_regression.metric} by more than ${limit} (${gated} gated${smallNote}).`] };
}

/**
 * Evaluates the challenger (against the champion when `rows.champion` is set)
 * under `policy` and decides. Throws `InputError` for unusable rows.
 */
export function evaluateRows(rows: EvaluationRows, policyInput: EvaluationPolicy = {}): EvaluationReport {
  const policy = resolvePolicy(policyInput);
  validateRows(rows, policy.task);
  const warnings: string[] = [];
  const probabilities = probabilityScores(rows, policy, warnings);
  const challenger = new PreparedPredictions(rows.labels, rows.challenger, policy.threshold);
  const champion = rows.champion ? new PreparedPredictions(rows.labels, rows.champion, policy.threshold) : undefined;
  const challengerMetrics = computeAll(challenger, policy, 'challenger', probabilities.challenger, warnings);
  const championMetrics = champion ? computeAll(champion, policy, 'champion', probabilities.champion, warnings) : null;

  const comparison = champion && championMetrics ? compareGated(rows, challenger, champion, policy, { challenger: challengerMetrics, champion: championMetrics }, warnings) : [];
  const thresholds = thresholdChecks(policy, challengerMetrics, champion !== undefined);
  const segments = policy.segments ? analyzeSegments(rows, challenger, champion, policy.segments) : [];

  const failures: string[] = [];
  const passes: string[] = [];
  const notes: string[] = [];
  if (!champion) {
    notes.push(
      thresholds.length > 0
        ? 'No champion to compare with: decided on the absolute thresholds only.'
        : 'No champion to compare with, and no absolute thresholds are configured (evaluation.min / evaluation.max): nothing blocks this model.',
    );
  }
  for (const row of comparison) (row.pass ? passes : failures).push(comparisonReason(row, policy));
  for (const check of thresholds) (check.pass ? passes : failures).push(thresholdReason(check));
  const segmentText = segmentReasons(segments, policy, champion !== undefined);
  failures.push(...segmentText.failures);
  passes.push(...segmentText.passes);

  return {
    schema: 'tollgate.evaluation/v1',
    decision: failures.length === 0 ? 'promote' : 'reject',
    mode: champion ? 'champion' : 'absolute',
    task: policy.task,
    reasons: [...notes, ...failures, ...passes],
    rows: rows.labels.length,
    threshold: policy.threshold,
    primary: policy.primary.metric,
    metrics: { challenger: challengerMetrics, champion: championMetrics },
    comparison,
    thresholds,
    segments,
    bootstrap: { ...policy.bootstrap },
    warnings: [...new Set(warnings)],
    inputs: { challenger: rows.sources.challenger, champion: rows.sources.champion },
  };
}
