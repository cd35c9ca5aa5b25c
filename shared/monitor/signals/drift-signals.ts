/**
 * Feature drift and prediction drift: the drift engine's dual gate on the
 * window against the baseline profile stored with the version. Features and
 * predictions are judged in separate runs, so the Benjamini-Hochberg family
 * of one does not dilute the other.
 */
import { computeDrift, type DriftReport, type DriftSettings } from '../../drift/index.js';
import type { Profile } from '../../profile/index.js';
import { KllSketch } from '../../stats/index.js';
import { columnsSource, numericRole } from '../log.js';
import { LOG_ROLES, type LogRole } from '../settings.js';
import type { MonitorSignal, SignalCheck } from '../types.js';
import { fmt, pct, type SignalContext } from './common.js';

/** Runs the engine on `names` (reference columns) and the window's columns of those names. */
async function driftOn(context: SignalContext, names: string[], segmentBy: string[], options: { model?: string; stage?: string; now?: Date }): Promise<DriftReport> {
  const profile = context.reference.profile as Profile;
  const restricted: Profile = { ...profile, columns: profile.columns.filter((column) => names.includes(column.name)) };
  const wanted = new Set([...names, ...segmentBy]);
  const fields = context.view.schema.fields.filter((field) => wanted.has(field.name));
  const columns = fields.map((field) => context.view.columns.find((column) => column.name === field.name)).filter((column) => column !== undefined);
  const settings: DriftSettings = { ...context.drift, segment_by: segmentBy, thresholds: { ...context.drift.thresholds, row_ratio: false } };
  const report = await computeDrift(
    { kind: 'profile', profile: restricted, path: context.reference.profilePath ?? undefined, digest: context.reference.profileDigest ?? undefined },
    columnsSource({ fields }, columns, context.view.rows),
    { settings, currentPath: context.view.path, model: options.model, stage: options.stage, now: options.now },
  );
  report.added_columns = report.added_columns.filter((name) => !segmentBy.includes(name));
  return report;
}

function roleNames(context: SignalContext): Set<string> {
  const names = new Set<string>();
  for (const role of LOG_ROLES) {
    const name = context.view.roles[role];
    if (name !== undefined) names.add(name);
  }
  return names;
}

function columnChecks(report: DriftReport, onlyDrifted: boolean): SignalCheck[] {
  return report.columns
    .filter((column) => !onlyDrifted || column.drifted)
    .map((column) => ({
      name: column.name,
      value: column.effect,
      reference: null,
      bound: column.level === 'alert' ? report.thresholds.psi.alert : report.thresholds.psi.warn,
      interval: null,
      level: column.level,
      reason: column.reasons.length > 0 ? column.reasons.join('; ') : null,
    }));
}

function off(signal: MonitorSignal['signal'], summary: string): MonitorSignal {
  return { signal, level: 'off', summary, reasons: [], checks: [], notes: [] };
}

/** An empty window: nothing to compare (the engine is not run on zero rows). */
function empty(signal: MonitorSignal['signal']): { signal: MonitorSignal; report: null } {
  return { signal: { signal, level: 'insufficient', summary: 'No requests in the window.', reasons: [], checks: [], notes: [] }, report: null };
}

/** Feature drift: the features the reference profile and the window share (or the configured ones). */
export async function featureDrift(context: SignalContext, options: { model?: string; stage?: string; now?: Date }): Promise<{ signal: MonitorSignal; report: DriftReport | null }> {
  const profile = context.reference.profile;
  if (profile === null) return { signal: off('drift', 'No reference profile: feature drift not checked.'), report: null };
  const roles = roleNames(context);
  const present = new Set(context.view.schema.fields.map((field) => field.name));
  const inProfile = new Set(profile.columns.map((column) => column.name));
  const notes: string[] = [];
  let names: string[];
  if (context.settings.features !== undefined) {
    names = context.settings.features.filter((name) => inProfile.has(name));
    const unknown = context.settings.features.filter((name) => !inProfile.has(name));
    if (unknown.length > 0) notes.push(`configured features not in the reference profile (not checked): ${unknown.join(', ')}`);
  } else {
    names = profile.columns.map((column) => column.name).filter((name) => present.has(name) && !roles.has(name));
  }
  if (names.length === 0) return { signal: { ...off('drift', 'The log and the reference profile share no feature column: feature drift not checked.'), notes }, report: null };
  if (context.view.rows === 0) return empty('drift');
  const segmentBy = context.drift.segment_by.filter((name) => present.has(name));
  const report = await driftOn(context, names, segmentBy, options);
  const drifted = report.columns.filter((column) => column.drifted);
  const summary =
    report.level === 'insufficient'
      ? 'Too few requests in the window to judge feature drift.'
      : drifted.length === 0 && report.missing_columns.length === 0
        ? `No feature drifted (${report.columns.length} checked).`
        : `${drifted.length} of ${report.columns.length} features drifted${report.missing_columns.length > 0 ? `; missing from the log: ${report.missing_columns.join(', ')}` : ''}.`;
  return {
    signal: { signal: 'drift', level: report.level, summary, reasons: report.level === 'none' ? [] : [...report.reasons], checks: columnChecks(report, true), notes: [...notes, ...report.notes] },
    report,
  };
}

/** Share of a profile column's values at or above `threshold`: exact from value counts, else from the quantile sketch. */
function shareAtLeast(profile: Profile, name: string, threshold: number): { share: number; approximate: boolean } | null {
  const column = profile.columns.find((candidate) => candidate.name === name);
  if (column === undefined || column.kind !== 'number' || column.count === 0) return null;
  if (column.exactCounts !== null) {
    let above = 0;
    let total = 0;
    column.exactCounts.values.forEach((value, index) => {
      total += column.exactCounts?.counts[index] ?? 0;
      if ((value as number) >= threshold) above += column.exactCounts?.counts[index] ?? 0;
    });
    return total > 0 ? { share: above / total, approximate: false } : null;
  }
  const sketch = KllSketch.fromJSON(column.quantiles);
  return { share: 1 - sketch.rank(threshold), approximate: true };
}

/**
 * Prediction drift: the score (and the predicted class, when logged) against
 * the same columns of the reference profile; for a binary classifier with
 * scores only, the share predicted positive is shown beside it.
 */
export async function predictionDrift(context: SignalContext, options: { model?: string; stage?: string; now?: Date }): Promise<{ signal: MonitorSignal; report: DriftReport | null }> {
  const profile = context.reference.profile;
  const roles: LogRole[] = ['score', 'prediction'];
  const logged = roles.map((role) => context.view.roles[role]).filter((name): name is string => name !== undefined);
  if (logged.length === 0) return { signal: off('prediction', 'The log has no score or prediction column: prediction drift not checked.'), report: null };
  if (profile === null) return { signal: off('prediction', 'No reference profile: prediction drift not checked.'), report: null };
  const names = logged.filter((name) => profile.columns.some((column) => column.name === name));
  if (names.length === 0) {
    const signal = off('prediction', `The reference profile has no ${logged.map((name) => `'${name}'`).join(' or ')} column: prediction drift not checked.`);
    signal.notes.push('profile the scored evaluation data at registration (with the score column) so the live score distribution has a reference');
    return { signal, report: null };
  }
  if (context.view.rows === 0) return empty('prediction');
  const report = await driftOn(context, names, [], options);
  const checks = columnChecks(report, false);
  const scores = numericRole(context.view, 'score');
  const notes = [...report.notes];
  if (context.task === 'classification' && scores !== undefined && context.view.roles.prediction === undefined && context.view.roles.score !== undefined) {
    const referenceShare = shareAtLeast(profile, context.view.roles.score, context.threshold);
    let positive = 0;
    let scored = 0;
    for (let i = 0; i < scores.length; i++) {
      const score = scores[i];
      if (score !== score) continue;
      scored++;
      if (score >= context.threshold) positive++;
    }
    if (scored > 0) {
      checks.push({
        name: 'positive_share',
        value: positive / scored,
        reference: referenceShare?.share ?? null,
        bound: null,
        interval: null,
        level: 'none',
        reason: null,
      });
      if (referenceShare?.approximate) notes.push(`the reference's share predicted positive (score ≥ ${fmt(context.threshold)}) is read from its quantile sketch (about ±1 point)`);
    }
  }
  const moved = report.columns.filter((column) => column.drifted);
  const positive = checks.find((check) => check.name === 'positive_share');
  const shareText = positive ? `; predicted positive ${pct(positive.value)} (reference ${pct(positive.reference)})` : '';
  const summary =
    report.level === 'insufficient'
      ? 'Too few requests in the window to judge prediction drift.'
      : moved.length === 0
        ? `The prediction distribution is stable${shareText}.`
        : `The prediction distribution moved: ${moved.map((column) => `${column.name} (${column.level})`).join(', ')}${shareText}.`;
  return { signal: { signal: 'prediction', level: report.level, summary, reasons: report.level === 'none' ? [] : [...report.reasons], checks, notes }, report };
}
