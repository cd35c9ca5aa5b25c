/**
 * Canary analysis: one log holds the traffic of two versions, the control
 * (serving most requests) and the canary. Error rate, latency and, with
 * labels, the primary metric of the canary against the control's, with
 * intervals; the verdict (promote, hold, rollback) from the bounds.
 */
import { InputError, UsageError } from '../errors/index.js';
import { METRICS, PreparedPredictions, pairedBootstrap, percentileInterval, type MetricName, type Task } from '../evaluate/index.js';
import { decideCanary } from './evidence.js';
import { proportionDifference, proportionEstimate, relativeIncrease } from './intervals.js';
import { joinLabels, type LabelSet } from './labels.js';
import { numericRole, roleColumn, sameVersion, versionCounts, versionRows, type LogView } from './log.js';
import { DEFAULT_CANARY, type CanaryBounds } from './settings.js';
import { errorCount, latencySummary } from './signals/latency.js';
import { CANARY_REPORT_SCHEMA, type CanaryFigures, type CanaryReport, type CanarySide } from './types.js';
import { applyWindow, resolveWindow, spanHours, type WindowRequest } from './window.js';

export interface CanaryOptions {
  bounds?: Partial<CanaryBounds>;
  task?: Task;
  threshold?: number;
  /** The metric compared with labels (default: roc_auc for classification, rmse for regression). */
  metric?: MetricName;
  resamples?: number;
  seed?: number;
  /** Fewer labelled requests on a side: no metric comparison. */
  minLabels?: number;
  window?: WindowRequest;
  model?: string;
  stage?: string;
  now?: Date;
}

/** Rows of a version (`v1.4.0`, `1.4.0` and `churn@v1.4.0` match). */
function rowsOfVersion(view: LogView, version: string): { rows: Int32Array; names: string[] } {
  const found = versionRows(view, version);
  if (found === undefined) throw new InputError({ file: view.path }, `a canary analysis needs a model version column (monitor.columns.version; looked for '${view.roles.version ?? 'model_version'}')`);
  return found;
}

interface SideMetric {
  value: number;
  estimates: Float64Array;
  labelled: number;
}

function sideMetric(scores: Float64Array | undefined, labels: Float64Array | null, rows: Int32Array, metric: MetricName, threshold: number, resamples: number, seed: number, minLabels: number): SideMetric | null {
  if (scores === undefined || labels === null) return null;
  const keep: number[] = [];
  for (let i = 0; i < rows.length; i++) if (labels[rows[i]] === labels[rows[i]] && scores[rows[i]] === scores[rows[i]]) keep.push(rows[i]);
  if (keep.length < minLabels) return null;
  const prepared = new PreparedPredictions(Float64Array.from(keep, (row) => labels[row]), Float64Array.from(keep, (row) => scores[row]), threshold);
  const value = prepared.compute(metric);
  if (Number.isNaN(value)) return null;
  const [estimates] = pairedBootstrap(keep.length, [(counts) => prepared.compute(metric, counts)], { resamples, seed });
  return { value, estimates, labelled: keep.length };
}

/**
 * Refuses a canary that is its own control (`v1.0.0` against `1.0.0` too):
 * both sides would be the same requests, every interval would sit on zero,
 * and the verdict would be a meaningless promote.
 */
export function assertDistinctVersions(control: string, canary: string): void {
  if (!sameVersion(control, canary)) return;
  const named = control.trim() === canary.trim() ? `'${control}'` : `'${control}' and '${canary}'`;
  throw new UsageError(`the control and the canary are the same version (${named}): a canary compares a new version with the one serving the rest of the traffic, so name two different versions`);
}

/** Compares the canary version's requests with the control version's in one log. */
export function analyzeCanary(log: LogView, control: string, canary: string, labels: LabelSet | null, options: CanaryOptions = {}): CanaryReport {
  assertDistinctVersions(control, canary);
  const now = options.now ?? new Date();
  const bounds: CanaryBounds = { ...DEFAULT_CANARY, ...options.bounds };
  const confidence = bounds.confidence;
  const task = options.task ?? 'classification';
  const threshold = options.threshold ?? 0.5;
  const metric: MetricName = options.metric ?? (task === 'classification' ? 'roc_auc' : 'rmse');
  const { view, window } = applyWindow(log, resolveWindow({ ...options.window, now }));
  const sides = { control: rowsOfVersion(view, control), canary: rowsOfVersion(view, canary) };
  const counts = versionCounts(view);
  for (const [role, version] of [
    ['control', control],
    ['canary', canary],
  ] as const) {
    if (sides[role].rows.length === 0) throw new InputError({ file: log.path }, `no requests of the ${role} version ${version} in the window; the log holds ${Object.keys(counts).join(', ') || 'none'}`);
  }
  const notes: string[] = [];
  const joined = joinLabels(view, labels, task);
  const scores = numericRole(view, 'score');
  const resamples = options.resamples ?? 1000;
  const seed = options.seed ?? 20240601;
  const minLabels = options.minLabels ?? 200;

  const side = (role: 'control' | 'canary', version: string, salt: number): { side: CanarySide; metric: SideMetric | null } => {
    const { rows } = sides[role];
    const errors = errorCount(view, rows);
    const span = spanHours(view.timestamps, rows);
    const measured = sideMetric(scores, joined?.values ?? null, rows, metric, threshold, resamples, seed + salt, minLabels);
    const interval = measured ? percentileInterval(measured.estimates, confidence) : null;
    return {
      side: {
        version,
        requests: rows.length,
        errors: errors ?? 0,
        error_rate: errors === null ? { value: null, interval: null } : proportionEstimate(errors, rows.length, confidence),
        latency: latencySummary(view, confidence, rows),
        metric: measured && interval ? { metric, value: measured.value, interval: interval.valid > 0 ? interval.interval : null, labelled: measured.labelled } : null,
        first: span.first,
        last: span.last,
      },
      metric: measured,
    };
  };
  const controlSide = side('control', sides.control.names[0], 0);
  const canarySide = side('canary', sides.canary.names[0], 1);

  const errorsKnown = roleColumn(view, 'error') !== undefined;
  if (!errorsKnown) notes.push('the log has no error column: error rates are not compared (max_error_rate_increase is not checked)');
  const errorIncrease = errorsKnown ? proportionDifference(controlSide.side.errors, controlSide.side.requests, canarySide.side.errors, canarySide.side.requests, confidence) : null;
  const latencyIncrease = controlSide.side.latency && canarySide.side.latency ? relativeIncrease(controlSide.side.latency.p95, canarySide.side.latency.p95, confidence) : null;

  let metricDecrease: CanaryFigures['metric_decrease'] = null;
  if (controlSide.metric && canarySide.metric) {
    const sign = METRICS[metric].higherIsBetter ? 1 : -1;
    const differences = new Float64Array(resamples);
    for (let r = 0; r < resamples; r++) differences[r] = sign * (controlSide.metric.estimates[r] - canarySide.metric.estimates[r]);
    const { interval, valid } = percentileInterval(differences, confidence);
    metricDecrease = { metric, value: sign * (controlSide.metric.value - canarySide.metric.value), interval: valid > 0 ? interval : null };
  } else if (joined !== null) {
    notes.push(`fewer than ${minLabels} labelled requests on a side (or one class only): ${metric} is not compared`);
  }

  const others: Record<string, number> = {};
  const used = new Set([...sides.control.names, ...sides.canary.names]);
  for (const [name, count] of Object.entries(counts)) if (!used.has(name)) others[name] = count;

  const figures: CanaryFigures = {
    requests: { control: controlSide.side.requests, canary: canarySide.side.requests },
    hours: spanHours(view.timestamps, sides.canary.rows).hours,
    error_rate: { control: controlSide.side.error_rate.value, canary: canarySide.side.error_rate.value },
    error_rate_increase: errorIncrease,
    latency_increase: latencyIncrease,
    metric_decrease: metricDecrease,
  };
  const decision = decideCanary(figures, bounds);
  return {
    schema: CANARY_REPORT_SCHEMA,
    generated_at: now.toISOString(),
    ...(options.model !== undefined ? { model: options.model } : {}),
    ...(options.stage !== undefined ? { stage: options.stage } : {}),
    log: { path: log.path, rows: log.rows },
    window,
    task,
    verdict: decision.verdict,
    reasons: decision.reasons,
    control: controlSide.side,
    canary: canarySide.side,
    other_versions: others,
    figures,
    bounds,
    checks: decision.checks,
    notes,
  };
}
