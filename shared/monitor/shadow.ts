/**
 * Shadow comparison: the live model and a shadow model scored the same
 * requests; the two logs are paired on request id. Agreement of predicted
 * classes, score correlation and mean absolute difference, the shadow's
 * score distribution against the live one (drift engine, raw data on both
 * sides), latency, and with labels the evaluation's paired comparison.
 */
import { computeDrift, defaultDriftSettings, type DriftReport, type DriftSettings, type LoadedColumn } from '../drift/index.js';
import { InputError, UsageError } from '../errors/index.js';
import { evaluateRows, METRICS, type EvaluationPolicy, type EvaluationReport, type Task } from '../evaluate/index.js';
import { decideShadow } from './evidence.js';
import { correlationEstimate, meanEstimate, proportionEstimate, relativeIncrease } from './intervals.js';
import { labelValue, type LabelSet } from './labels.js';
import { columnsSource, numericRole, roleColumn, rowLocation, textAt, versionCounts, type LogView } from './log.js';
import { DEFAULT_SHADOW, type ShadowBounds } from './settings.js';
import { latencySummary } from './signals/latency.js';
import { SHADOW_REPORT_SCHEMA, type ShadowFigures, type ShadowReport } from './types.js';
import { applyWindow, resolveWindow, spanHours, type WindowRequest } from './window.js';

export interface ShadowOptions {
  bounds?: Partial<ShadowBounds>;
  task?: Task;
  threshold?: number;
  /** The evaluation policy for the paired comparison with labels (primary metric, bootstrap). */
  policy?: EvaluationPolicy;
  drift?: DriftSettings;
  window?: WindowRequest;
  /** Fewer labelled pairs: no metric comparison. */
  minLabels?: number;
  model?: string;
  stage?: string;
  now?: Date;
}

/** Row of each request id; a duplicate id is an error naming both lines. */
function indexIds(view: LogView): Map<string, number> {
  const column = roleColumn(view, 'id');
  if (column === undefined) throw new InputError({ file: view.path }, `pairing needs a request id column (monitor.columns.id; looked for '${view.roles.id ?? 'request_id'}')`);
  const index = new Map<string, number>();
  for (let row = 0; row < view.rows; row++) {
    const id = textAt(column, row);
    if (id === undefined || id === '') {
      const { location, text } = rowLocation(view, row);
      throw new InputError(location, `the request id is missing at ${text}; every request needs one to be paired`);
    }
    const earlier = index.get(id);
    if (earlier !== undefined) {
      const { location, text } = rowLocation(view, row);
      throw new InputError(location, `request id '${id}' appears twice (${rowLocation(view, earlier).text} and ${text}); each request is logged once per model`);
    }
    index.set(id, row);
  }
  return index;
}

/** The single version a log holds, or null (none, or several). */
function onlyVersion(view: LogView): string | null {
  const versions = Object.keys(versionCounts(view)).filter((name) => name !== '(none)');
  return versions.length === 1 ? versions[0] : null;
}

/** Predicted class per row: the prediction column's text, else score >= threshold for classifiers. */
function classes(view: LogView, rows: Int32Array, task: Task, threshold: number): string[] | null {
  const prediction = roleColumn(view, 'prediction');
  if (prediction !== undefined) return Array.from(rows, (row) => textAt(prediction, row) ?? '(missing)');
  const scores = numericRole(view, 'score');
  if (task !== 'classification' || scores === undefined) return null;
  return Array.from(rows, (row) => (scores[row] !== scores[row] ? '(missing)' : scores[row] >= threshold ? '1' : '0'));
}

function scoreColumn(name: string, values: Float64Array): LoadedColumn {
  const nulls = new Uint8Array(values.length);
  let missing = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] !== values[i]) {
      nulls[i] = 1;
      missing++;
    }
  }
  return { name, kind: 'number', type: 'float', nulls, values, missing, invalidCount: 0 };
}

function labelsOfPairs(live: LogView, shadow: LogView, liveRows: Int32Array, shadowRows: Int32Array, ids: string[], labels: LabelSet | null, task: Task): Float64Array | null {
  const liveLabel = roleColumn(live, 'label');
  const shadowLabel = roleColumn(shadow, 'label');
  if (labels === null && liveLabel === undefined && shadowLabel === undefined) return null;
  const out = new Float64Array(ids.length).fill(Number.NaN);
  for (let k = 0; k < ids.length; k++) {
    const fromFile = labels?.byId.get(ids[k]);
    const fromLive = liveLabel ? labelValue(liveLabel, liveRows[k], task) : undefined;
    const fromShadow = shadowLabel ? labelValue(shadowLabel, shadowRows[k], task) : undefined;
    out[k] = fromFile ?? fromLive ?? fromShadow ?? Number.NaN;
  }
  return out;
}

/** Compares a shadow model's log with the live model's on the requests both scored. */
export async function compareShadow(live: LogView, shadow: LogView, labels: LabelSet | null, options: ShadowOptions = {}): Promise<ShadowReport> {
  if (live === shadow) throw new UsageError(`the live and the shadow log are the same log (${live.path}): a shadow comparison needs the shadow model's own log of the same requests`);
  const now = options.now ?? new Date();
  const bounds: ShadowBounds = { ...DEFAULT_SHADOW, ...options.bounds };
  const task = options.task ?? 'classification';
  const threshold = options.threshold ?? 0.5;
  const confidence = bounds.confidence;
  const windowBounds = resolveWindow({ ...options.window, now });
  const liveView = applyWindow(live, windowBounds).view;
  const shadowView = applyWindow(shadow, windowBounds).view;

  const shadowIndex = indexIds(shadowView);
  const liveIndex = indexIds(liveView);
  const liveRowsList: number[] = [];
  const shadowRowsList: number[] = [];
  const ids: string[] = [];
  for (const [id, row] of liveIndex) {
    const other = shadowIndex.get(id);
    if (other === undefined) continue;
    liveRowsList.push(row);
    shadowRowsList.push(other);
    ids.push(id);
  }
  const liveRows = Int32Array.from(liveRowsList);
  const shadowRows = Int32Array.from(shadowRowsList);
  const pairs = ids.length;
  const notes: string[] = [];
  if (pairs === 0) throw new InputError(undefined, `no request id is in both ${live.path} and ${shadow.path}: the shadow must score the live requests, logged with the same ids`);

  // Agreement of predicted classes.
  const liveClasses = classes(liveView, liveRows, task, threshold);
  const shadowClasses = classes(shadowView, shadowRows, task, threshold);
  let agreement: ShadowReport['agreement'] = null;
  let disagreement: ShadowFigures['disagreement'] = null;
  if (liveClasses !== null && shadowClasses !== null) {
    const cells = new Map<string, number>();
    let same = 0;
    for (let k = 0; k < pairs; k++) {
      if (liveClasses[k] === shadowClasses[k]) same++;
      const key = `${liveClasses[k]}\u0000${shadowClasses[k]}`;
      cells.set(key, (cells.get(key) ?? 0) + 1);
    }
    const matrix = [...cells.entries()]
      .map(([key, count]) => {
        const [liveClass, shadowClass] = key.split('\u0000');
        return { live: liveClass, shadow: shadowClass, count };
      })
      .sort((a, b) => (a.live < b.live ? -1 : a.live > b.live ? 1 : a.shadow < b.shadow ? -1 : a.shadow > b.shadow ? 1 : 0));
    agreement = { rate: same / pairs, matrix };
    disagreement = proportionEstimate(pairs - same, pairs, confidence);
  }

  // Scores: correlation, mean absolute difference, distribution.
  const liveScores = numericRole(liveView, 'score');
  const shadowScores = numericRole(shadowView, 'score');
  let correlation: ShadowFigures['correlation'] = null;
  let meanAbsDiff: ShadowFigures['mean_abs_diff'] = null;
  let distribution: DriftReport | null = null;
  if (liveScores !== undefined && shadowScores !== undefined) {
    const a = new Float64Array(pairs);
    const b = new Float64Array(pairs);
    let n = 0;
    let sumA = 0;
    let sumB = 0;
    for (let k = 0; k < pairs; k++) {
      a[k] = liveScores[liveRows[k]];
      b[k] = shadowScores[shadowRows[k]];
      if (a[k] === a[k] && b[k] === b[k]) {
        n++;
        sumA += a[k];
        sumB += b[k];
      }
    }
    if (n < pairs) notes.push(`${pairs - n} pairs lack a score on one side (left out of correlation and differences)`);
    const meanA = sumA / n;
    const meanB = sumB / n;
    let sab = 0;
    let saa = 0;
    let sbb = 0;
    let absSum = 0;
    let absSquares = 0;
    for (let k = 0; k < pairs; k++) {
      if (a[k] !== a[k] || b[k] !== b[k]) continue;
      const da = a[k] - meanA;
      const db = b[k] - meanB;
      sab += da * db;
      saa += da * da;
      sbb += db * db;
      const diff = Math.abs(b[k] - a[k]);
      absSum += diff;
      absSquares += diff * diff;
    }
    correlation = n >= 2 && saa > 0 && sbb > 0 ? correlationEstimate(sab / Math.sqrt(saa * sbb), n, confidence) : { value: null, interval: null };
    meanAbsDiff = meanEstimate(absSum, absSquares, n, confidence);
    const name = live.roles.score as string;
    const fields = [{ name, type: 'float' as const }];
    const drift = options.drift ?? defaultDriftSettings();
    distribution = await computeDrift(
      { kind: 'data', source: columnsSource({ fields }, [scoreColumn(name, a)], pairs), path: live.path },
      columnsSource({ fields }, [scoreColumn(name, b)], pairs),
      { settings: { ...drift, segment_by: [], columns: {}, thresholds: { ...drift.thresholds, row_ratio: false } }, currentPath: shadow.path, model: options.model, stage: options.stage, now },
    );
  } else {
    notes.push('score correlation and distribution need a score column in both logs');
  }

  // Latency.
  const liveLatency = latencySummary(liveView, confidence, liveRows);
  const shadowLatency = latencySummary(shadowView, confidence, shadowRows);
  const latency = liveLatency && shadowLatency ? { live: liveLatency, shadow: shadowLatency } : null;
  const latencyIncrease = latency ? relativeIncrease(latency.live.p95, latency.shadow.p95, confidence) : null;

  // With labels: the paired comparison of the evaluation (shadow = challenger, live = champion).
  let evaluation: EvaluationReport | null = null;
  let metricDelta: ShadowFigures['metric_delta'] = null;
  const pairLabels = labelsOfPairs(liveView, shadowView, liveRows, shadowRows, ids, labels, task);
  if (pairLabels !== null && liveScores !== undefined && shadowScores !== undefined) {
    const keep: number[] = [];
    for (let k = 0; k < pairs; k++) if (pairLabels[k] === pairLabels[k] && liveScores[liveRows[k]] === liveScores[liveRows[k]] && shadowScores[shadowRows[k]] === shadowScores[shadowRows[k]]) keep.push(k);
    const minLabels = options.minLabels ?? 200;
    if (keep.length >= minLabels) {
      evaluation = evaluateRows(
        {
          ids: keep.map((k) => ids[k]),
          labels: Float64Array.from(keep, (k) => pairLabels[k]),
          challenger: Float64Array.from(keep, (k) => shadowScores[shadowRows[k]]),
          champion: Float64Array.from(keep, (k) => liveScores[liveRows[k]]),
          segments: [],
          sources: { challenger: shadow.path, champion: live.path },
        },
        { ...options.policy, task, threshold, segments: undefined },
      );
      const primary = evaluation.comparison.find((row) => row.role === 'primary');
      if (primary) metricDelta = { metric: primary.metric, higher_is_better: METRICS[primary.metric].higherIsBetter, value: primary.delta, interval: primary.ci };
    } else {
      notes.push(`${keep.length} labelled pairs; at least ${minLabels} are needed for the metric comparison`);
    }
  }

  const span = spanHours(liveView.timestamps, liveRows);
  const figures: ShadowFigures = { pairs, hours: span.hours, disagreement, correlation, mean_abs_diff: meanAbsDiff, latency_increase: latencyIncrease, metric_delta: metricDelta };
  const decision = decideShadow(figures, bounds);
  return {
    schema: SHADOW_REPORT_SCHEMA,
    generated_at: now.toISOString(),
    ...(options.model !== undefined ? { model: options.model } : {}),
    ...(options.stage !== undefined ? { stage: options.stage } : {}),
    live: { path: live.path, rows: liveView.rows, version: onlyVersion(liveView) },
    shadow: { path: shadow.path, rows: shadowView.rows, version: onlyVersion(shadowView) },
    task,
    threshold,
    verdict: decision.verdict,
    reasons: decision.reasons,
    pairing: { pairs, live_only: liveView.rows - pairs, shadow_only: shadowView.rows - pairs },
    figures,
    agreement,
    distribution,
    latency,
    evaluation,
    bounds,
    checks: decision.checks,
    notes,
  };
}
