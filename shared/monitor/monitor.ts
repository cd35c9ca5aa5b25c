/**
 * The monitoring check: a window of the prediction log against the model
 * version's reference, every signal, and one report in the drift report's
 * format plus `signals`.
 */
import type { DataFormat } from '../data/index.js';
import { currentReadTypes, defaultDriftSettings, levelFails, type DriftReport, type DriftSettings, type ReportLevel } from '../drift/index.js';
import { InputError } from '../errors/index.js';
import type { Task } from '../evaluate/index.js';
import { joinLabels, loadLabels, type LabelSet } from './labels.js';
import { loadPredictionLog, roleColumn, sameVersion, takeRows, versionCounts, versionRows, type LogView } from './log.js';
import type { MonitorReference } from './reference.js';
import { defaultMonitorSettings, type MonitorSettings, type SignalName } from './settings.js';
import { worstLevel, type SignalContext } from './signals/common.js';
import { confidenceSignal } from './signals/confidence.js';
import { featureDrift, predictionDrift } from './signals/drift-signals.js';
import { latencySignal } from './signals/latency.js';
import { performanceSignal } from './signals/performance.js';
import { volumeSignal } from './signals/volume.js';
import { MONITOR_REPORT_SCHEMA, type MonitorReport, type MonitorSignal } from './types.js';
import { applyWindow, resolveWindow, type WindowRequest } from './window.js';

export interface MonitorOptions {
  /** The validated `monitor:` section (defaults when omitted). */
  settings?: MonitorSettings;
  /** The validated `drift:` section: thresholds of the dual gate (defaults when omitted). */
  drift?: DriftSettings;
  /** Fallbacks for the task and threshold when neither the settings nor the evaluation give them (the `evaluation:` section's). */
  task?: Task;
  threshold?: number;
  window?: WindowRequest;
  /** Monitor only this version's requests (default: the reference's version, when the log has a version column). */
  version?: string;
  model?: string;
  stage?: string;
  /** The report's timestamp (default: now). */
  now?: Date;
}

function filterVersion(view: LogView, wanted: string | undefined, explicit: boolean): { view: LogView; version: string | null; notes: string[] } {
  const column = roleColumn(view, 'version');
  if (wanted === undefined || column === undefined || column.kind !== 'string') return { view, version: wanted ?? null, notes: [] };
  const matches = column.dictionary.filter((text) => sameVersion(text, wanted));
  const counts = versionCounts(view);
  if (matches.length === 0) {
    const found = Object.keys(counts).join(', ');
    throw new InputError({ file: view.path }, `the log has no requests of version ${wanted} (${explicit ? 'asked for' : 'the version in the registry'}); it holds ${found || 'none'}. Choose one with --version.`);
  }
  if (matches.length === 1 && counts[matches[0]] === view.rows) return { view, version: matches[0], notes: [] };
  const { rows } = versionRows(view, wanted) as { rows: Int32Array };
  const others = view.rows - rows.length;
  return { view: takeRows(view, rows), version: matches[0], notes: others > 0 ? [`${others} requests of other versions are not monitored`] : [] };
}

/** The dataset-level fields when no drift run happened (no profile or nothing to compare). */
function emptyDrift(context: SignalContext, options: MonitorOptions, now: Date): Omit<DriftReport, 'schema'> {
  const { reference, view } = context;
  return {
    generated_at: now.toISOString(),
    ...(options.model !== undefined ? { model: options.model } : {}),
    ...(options.stage !== undefined ? { stage: options.stage } : {}),
    reference: { kind: 'profile', path: reference.profilePath, digest: reference.profileDigest, rows: reference.profile?.rows ?? 0 },
    current: { path: view.path, rows: view.rows },
    preset: context.drift.preset,
    level: 'none',
    drift: false,
    reasons: [],
    rows: { reference: reference.profile?.rows ?? 0, current: view.rows },
    row_ratio: { value: null, level: 'none' },
    columns: [],
    share_drifted: 0,
    evidently_share_drifted: null,
    evidently_drift: false,
    excluded: [],
    insufficient: [],
    missing_columns: [],
    added_columns: [],
    segments: [],
    notes: [],
    thresholds: { ...context.drift.thresholds, row_ratio: false },
  };
}

/** The report's level: the worst judged signal; `insufficient` when no signal could judge. */
function overallLevel(signals: readonly MonitorSignal[]): ReportLevel {
  const worst = worstLevel(signals.map((signal) => signal.level));
  return worst === 'off' ? 'insufficient' : worst;
}

/** Runs every enabled signal on a loaded log. */
export async function monitorLog(log: LogView, reference: MonitorReference, labels: LabelSet | null, options: MonitorOptions = {}): Promise<MonitorReport> {
  const settings = options.settings ?? defaultMonitorSettings();
  const drift = options.drift ?? defaultDriftSettings();
  const now = options.now ?? new Date();
  const task: Task = settings.task ?? reference.evaluation?.task ?? options.task ?? 'classification';
  const threshold = settings.threshold ?? reference.evaluation?.threshold ?? options.threshold ?? 0.5;
  const byVersion = filterVersion(log, options.version ?? reference.version?.version, options.version !== undefined);
  const configured = options.window?.since === undefined && options.window?.after === undefined && settings.window !== undefined;
  const bounds = resolveWindow({ ...options.window, ...(configured ? { since: settings.window, sinceName: 'monitor.window' } : {}), now });
  const { view, window } = applyWindow(byVersion.view, bounds);
  window.total_rows = log.rows;
  const joined = joinLabels(view, labels, task);
  const context: SignalContext = { view, window, reference, settings, drift, task, threshold, labels: joined?.values ?? null };
  const enabled = (name: SignalName) => !settings.disable.includes(name);
  const driftOptions = { model: options.model, stage: options.stage, now };

  const signals: MonitorSignal[] = [];
  let featureReport: DriftReport | null = null;
  let predictionReport: DriftReport | null = null;
  if (enabled('drift')) {
    const result = await featureDrift(context, driftOptions);
    featureReport = result.report;
    signals.push(result.signal);
  }
  if (enabled('prediction')) {
    const result = await predictionDrift(context, driftOptions);
    predictionReport = result.report;
    signals.push(result.signal);
  }
  if (enabled('confidence')) signals.push(confidenceSignal(context));
  if (enabled('performance')) signals.push(performanceSignal(context));
  if (enabled('latency')) signals.push(latencySignal(context));
  if (enabled('volume')) signals.push(volumeSignal(context));
  const ordered = signals.map(inReadingOrder);

  const { schema: _schema, ...base } = featureReport ?? predictionReport ?? { schema: null, ...emptyDrift(context, options, now) };
  const level = overallLevel(ordered);
  const reasons = ordered.filter((signal) => signal.level === 'warn' || signal.level === 'alert').flatMap((signal) => signal.reasons.map((reason) => `${signal.signal}: ${reason}`));
  const columns = featureReport && predictionReport ? [...featureReport.columns, ...predictionReport.columns] : base.columns;
  const notes = [...byVersion.notes, ...base.notes];
  if (joined === null && labels === null) notes.push('no labels: performance is checked once labels arrive (--labels)');
  return {
    ...base,
    schema: MONITOR_REPORT_SCHEMA,
    generated_at: now.toISOString(),
    ...(options.model !== undefined ? { model: options.model } : {}),
    ...(options.stage !== undefined ? { stage: options.stage } : {}),
    current: { path: log.path, rows: view.rows },
    level,
    drift: level === 'warn' || level === 'alert',
    reasons,
    columns,
    excluded: [...base.excluded, ...(featureReport && predictionReport ? predictionReport.excluded : [])],
    insufficient: [...base.insufficient, ...(featureReport && predictionReport ? predictionReport.insufficient : [])],
    notes,
    version: byVersion.version,
    task,
    window,
    log: { path: log.path, rows: log.rows, versions: versionCounts(log) },
    labels: labels === null && joined === null ? null : { path: labels?.path ?? null, rows: labels?.rows ?? 0, matched: labels === null ? countFinite(joined?.values) : (joined?.matched ?? 0) },
    evaluation: reference.evaluation ? { path: reference.evaluationPath, digest: reference.evaluationDigest } : null,
    signals: ordered,
  };
}

/** The same signal with its keys in reading order (signal, level, summary first) for the JSON report. */
function inReadingOrder(signal: MonitorSignal): MonitorSignal {
  const { signal: name, level, summary, reasons, checks, segments, notes } = signal;
  return { signal: name, level, summary, reasons, checks, ...(segments !== undefined ? { segments } : {}), notes };
}

function countFinite(values: Float64Array | undefined): number {
  let count = 0;
  if (values) for (let i = 0; i < values.length; i++) if (values[i] === values[i]) count++;
  return count;
}

export interface MonitorFilesRequest extends MonitorOptions {
  logs: string;
  labels?: string;
  /** The log's format when its name does not say. */
  format?: DataFormat;
}

/** Loads the log (with the reference profile's column types) and the labels, then monitors. */
export async function monitorFiles(request: MonitorFilesRequest, reference: MonitorReference): Promise<MonitorReport> {
  const settings = request.settings ?? defaultMonitorSettings();
  const task: Task = settings.task ?? reference.evaluation?.task ?? request.task ?? 'classification';
  const featureTypes = reference.profile ? currentReadTypes(reference.profile.columns.map((column) => ({ name: column.name, type: column.type }))) : {};
  const log = await loadPredictionLog(request.logs, { columns: settings.columns, featureTypes, numericLabels: task === 'regression', format: request.format });
  const idName = log.roles.id ?? settings.columns.id ?? 'request_id';
  const labels = request.labels === undefined ? null : await loadLabels(request.labels, { id: settings.labels.id ?? idName, label: settings.labels.label ?? 'label', task });
  return monitorLog(log, reference, labels, request);
}

/** True when the report's level reaches `failOn`. */
export function monitorFailed(level: ReportLevel, failOn: 'warn' | 'alert' | 'never'): boolean {
  return levelFails(level, failOn);
}
