/**
 * Performance once labels arrive: the window's metrics on its labelled rows
 * against the version's own metrics in `evaluation.json`, each with a
 * bootstrap percentile interval. Warn when the interval lies wholly on the
 * worse side of the reference; alert when it lies worse by more than the
 * tolerance. Segments are checked the same way against the evaluation's
 * segment rows.
 */
import { METRICS, PreparedPredictions, allProbabilities, metricsForTask, pairedBootstrap, percentileInterval, type MetricName } from '../../evaluate/index.js';
import type { DriftLevel } from '../../drift/index.js';
import { zFor } from '../intervals.js';
import { columnOf, numericRole, textAt } from '../log.js';
import { DEFAULT_TOLERANCE, type PerformanceSettings } from '../settings.js';
import type { MonitorSignal, PerformanceSegment, SignalCheck } from '../types.js';
import { ciLabel, fmt, intervalText, levelOfChecks, worstLevel, type SignalContext } from './common.js';

/** Segments per column beyond which a column is an id, not a segment. */
const MAX_SEGMENTS = 100;

function toleranceOf(settings: PerformanceSettings, metric: MetricName, reference: number): number {
  const configured = settings.tolerance;
  if (typeof configured === 'number') return configured;
  const own = configured?.[metric];
  if (own !== undefined) return own;
  return METRICS[metric].task === 'classification' ? DEFAULT_TOLERANCE.classification : Math.abs(reference) * DEFAULT_TOLERANCE.regressionShare;
}

/** none / warn / alert from where the interval lies against reference and tolerance. */
function judge(metric: MetricName, interval: [number, number] | null, reference: number, tolerance: number): DriftLevel {
  if (interval === null) return 'none';
  if (METRICS[metric].higherIsBetter) return interval[1] < reference - tolerance ? 'alert' : interval[1] < reference ? 'warn' : 'none';
  return interval[0] > reference + tolerance ? 'alert' : interval[0] > reference ? 'warn' : 'none';
}

function describe(metric: MetricName, value: number, interval: [number, number], reference: number, tolerance: number, level: DriftLevel, confidence: number, where = ''): string {
  const worse = METRICS[metric].higherIsBetter ? 'below' : 'above';
  const by = level === 'alert' ? ` by more than the tolerance ${fmt(tolerance)}` : '';
  return `${metric}${where} ${fmt(value)} (${ciLabel(confidence)} ${intervalText(interval)}) lies ${worse} the reference ${fmt(reference)}${by}`;
}

interface Labelled {
  rows: Int32Array;
  prepared: PreparedPredictions;
}

function labelledRows(scores: Float64Array, labels: Float64Array, threshold: number): Labelled {
  let count = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === labels[i] && scores[i] === scores[i]) count++;
  const rows = new Int32Array(count);
  const y = new Float64Array(count);
  const s = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === labels[i] && scores[i] === scores[i]) {
      rows[k] = i;
      y[k] = labels[i];
      s[k] = scores[i];
      k++;
    }
  }
  return { rows, prepared: new PreparedPredictions(y, s, threshold) };
}

function bothClasses(labels: Float64Array): boolean {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i];
  return positives > 0 && positives < labels.length;
}

/**
 * Row draws one bootstrap may make (rows × resamples). Beyond it the
 * resamples are cut to fit (at least MIN_RESAMPLES) and the interval is the
 * normal one from the resamples' standard deviation: at that size the
 * bootstrap distribution is normal, and a percentile interval of 1,000
 * passes over 100,000 rows would cost seconds.
 */
export const BOOTSTRAP_BUDGET = 10_000_000;
const MIN_RESAMPLES = 100;

function normalInterval(value: number, estimates: Float64Array, confidence: number): [number, number] | null {
  let n = 0;
  let sum = 0;
  let squares = 0;
  for (const estimate of estimates) {
    if (estimate !== estimate) continue;
    n++;
    sum += estimate;
    squares += estimate * estimate;
  }
  if (n < 2) return null;
  const mean = sum / n;
  const half = zFor(confidence) * Math.sqrt(Math.max(0, (squares - n * mean * mean) / (n - 1)));
  return [value - half, value + half];
}

/** Metric values and intervals on a set of rows; `notes` learns when the interval is the normal one. */
function measure(prepared: PreparedPredictions, metrics: MetricName[], settings: PerformanceSettings, seed: number, notes?: string[]): Array<{ value: number; interval: [number, number] | null }> {
  const fits = prepared.length * settings.resamples <= BOOTSTRAP_BUDGET;
  const resamples = fits ? settings.resamples : Math.max(MIN_RESAMPLES, Math.floor(BOOTSTRAP_BUDGET / prepared.length));
  if (!fits) notes?.push(`${prepared.length} labelled requests: ${resamples} bootstrap resamples with a normal interval (instead of ${settings.resamples} and percentiles)`);
  const estimates = pairedBootstrap(
    prepared.length,
    metrics.map((metric) => (counts: Int32Array) => prepared.compute(metric, counts)),
    { resamples, seed },
  );
  return metrics.map((metric, index) => {
    const value = prepared.compute(metric);
    if (!fits) return { value, interval: normalInterval(value, estimates[index], settings.confidence) };
    const { interval, valid } = percentileInterval(estimates[index], settings.confidence);
    return { value, interval: valid > 0 ? interval : null };
  });
}

/** The performance signal. */
export function performanceSignal(context: SignalContext): MonitorSignal {
  const base = { signal: 'performance' as const, reasons: [] as string[], checks: [] as SignalCheck[], notes: [] as string[] };
  const settings = context.settings.performance;
  const scores = numericRole(context.view, 'score');
  if (context.labels === null) return { ...base, level: 'off', summary: 'No labels yet (give a labels file or a label column): performance not checked.' };
  if (scores === undefined) return { ...base, level: 'off', summary: 'The log has no score column: performance not checked.' };
  const evaluation = context.reference.evaluation;
  const metrics: MetricName[] = settings.metrics.length > 0 ? settings.metrics : [evaluation?.primary ?? metricsForTask(context.task)[0]];
  const { rows, prepared } = labelledRows(scores, context.labels, context.threshold);
  if (prepared.length < settings.min_labels) {
    return { ...base, level: 'insufficient', summary: `${prepared.length} labelled requests in the window; at least ${settings.min_labels} are needed to judge performance.` };
  }
  if (context.task === 'classification' && !bothClasses(prepared.labels)) {
    return { ...base, level: 'insufficient', summary: `The ${prepared.length} labelled requests hold one class only: ranking metrics are undefined.` };
  }
  const usable = metrics.filter((metric) => {
    if (METRICS[metric].task !== context.task) {
      base.notes.push(`${metric} is a ${METRICS[metric].task} metric but the model is ${context.task}: not computed`);
      return false;
    }
    if (METRICS[metric].needsProbabilities && !allProbabilities(prepared.scores)) {
      base.notes.push(`${metric} needs probabilities in [0, 1]: not computed`);
      return false;
    }
    return true;
  });
  const measured = measure(prepared, usable, settings, settings.seed, base.notes);
  const checks: SignalCheck[] = usable.map((metric, index) => {
    const { value, interval } = measured[index];
    const reference = evaluation?.metrics.challenger[metric] ?? null;
    if (reference === null || reference === undefined) return { name: metric, value, reference: null, bound: null, interval, level: 'none', reason: null };
    const tolerance = toleranceOf(settings, metric, reference);
    const level = judge(metric, interval, reference, tolerance);
    const bound = METRICS[metric].higherIsBetter ? (level === 'alert' ? reference - tolerance : reference) : level === 'alert' ? reference + tolerance : reference;
    return { name: metric, value, reference, bound, interval, level, reason: level === 'none' || interval === null ? null : describe(metric, value, interval, reference, tolerance, level, settings.confidence) };
  });
  const segments = segmentRows(context, rows, prepared, usable[0], settings, base.notes);
  const judged = evaluation !== null;
  const segmentLevels = segments.map((segment) => segment.level);
  const level = judged ? worstLevel([levelOfChecks(checks), ...segmentLevels.filter((entry) => entry !== 'insufficient')]) : 'off';
  const reasons = judged ? checks.map((check) => check.reason).filter((reason): reason is string => reason !== null) : [];
  if (judged) {
    for (const segment of segments) {
      if ((segment.level === 'warn' || segment.level === 'alert') && segment.window !== null && segment.interval !== null && segment.reference !== null) {
        reasons.push(describe(segment.metric, segment.window, segment.interval, segment.reference, toleranceOf(settings, segment.metric, segment.reference), segment.level, settings.confidence, ` on ${segment.segment}=${segment.value ?? '(missing)'} (${segment.rows} rows)`));
      }
    }
  } else {
    base.notes.push('no evaluation.json for the version: the window\'s metrics are shown without a reference');
  }
  const first = checks[0];
  const summary = first
    ? `${first.name} ${fmt(first.value)} on ${prepared.length} labelled requests (CI ${intervalText(first.interval)})${first.reference !== null ? ` vs ${fmt(first.reference)} at registration` : ''}.`
    : 'No metric could be computed on the labelled requests.';
  return { ...base, level: usable.length === 0 ? 'insufficient' : level, summary, reasons, checks, segments };
}

/** The first metric per segment value of each configured segment column. */
function segmentRows(context: SignalContext, rows: Int32Array, prepared: PreparedPredictions, metric: MetricName | undefined, settings: PerformanceSettings, notes: string[]): PerformanceSegment[] {
  if (metric === undefined || settings.segments.length === 0) return [];
  const out: PerformanceSegment[] = [];
  const evaluation = context.reference.evaluation;
  const overall = evaluation?.metrics.challenger[metric] ?? null;
  for (const name of settings.segments) {
    if (!context.view.schema.fields.some((field) => field.name === name)) {
      notes.push(`segment column '${name}' is not in the log: not checked`);
      continue;
    }
    const column = columnOf(context.view, name);
    const groups = new Map<string | null, number[]>();
    let tooMany = false;
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k];
      const value = textAt(column, row) ?? null;
      let list = groups.get(value);
      if (list === undefined) {
        if (groups.size >= MAX_SEGMENTS) {
          tooMany = true;
          break;
        }
        list = [];
        groups.set(value, list);
      }
      list.push(k);
    }
    if (tooMany) {
      notes.push(`segment column '${name}' has more than ${MAX_SEGMENTS} values: segments are meant for categories, not ids or continuous numbers`);
      continue;
    }
    for (const [value, members] of [...groups.entries()].sort((a, b) => b[1].length - a[1].length)) {
      const stored = evaluation?.segments.find((row) => row.segment === name && row.value === value)?.metrics.challenger ?? null;
      const reference = stored ?? overall;
      if (members.length < settings.segment_min_rows) {
        out.push({ segment: name, value, rows: members.length, metric, window: null, interval: null, reference, level: 'insufficient' });
        continue;
      }
      const subset = prepared.subset(members);
      if (context.task === 'classification' && !bothClasses(subset.labels)) {
        out.push({ segment: name, value, rows: members.length, metric, window: null, interval: null, reference, level: 'insufficient' });
        continue;
      }
      const [{ value: window, interval }] = measure(subset, [metric], settings, settings.seed + out.length + 1);
      const level = reference === null ? 'none' : judge(metric, interval, reference, toleranceOf(settings, metric, reference));
      out.push({ segment: name, value, rows: members.length, metric, window: Number.isNaN(window) ? null : window, interval, reference, level });
    }
  }
  return out;
}
