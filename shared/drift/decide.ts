/**
 * Levels: per column (after Benjamini-Hochberg across columns) and for the
 * dataset (importance-weighted, plus row counts and missing columns).
 */
import { benjaminiHochberg } from '../stats/index.js';
import { attribute, formatValue } from './attribution.js';
import type { ColumnAnalysis } from './analyze-column.js';
import type { DriftSettings, DriftThresholds } from './settings.js';
import type { ColumnCenter, DriftColumnReport, DriftLevel, ReportLevel } from './types.js';

const RANK: Record<DriftLevel, number> = { none: 0, warn: 1, alert: 2 };

export function worst(...levels: DriftLevel[]): DriftLevel {
  return levels.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'none');
}

/** BH over the non-null entries; nulls stay null. */
function adjust(pValues: (number | null)[]): (number | null)[] {
  const present = pValues.map((p, i) => [p, i] as const).filter((entry): entry is readonly [number, number] => entry[0] !== null && Number.isFinite(entry[0]));
  const q = benjaminiHochberg(present.map(([p]) => p));
  const out: (number | null)[] = pValues.map(() => null);
  present.forEach(([, index], k) => (out[index] = q[k]));
  return out;
}

/** The level of a value that is bad when high (effects, absolute changes). */
function highIsBad(value: number, thresholds: { warn: number; alert: number }): DriftLevel {
  return value >= thresholds.alert ? 'alert' : value >= thresholds.warn ? 'warn' : 'none';
}

function fmt(value: number): string {
  return formatValue(value, 'float');
}

function points(share: number): string {
  return `${(100 * share).toFixed(1)}%`;
}

interface DistributionDecision {
  level: DriftLevel;
  reason: string | null;
}

function distributionLevel(analysis: ColumnAnalysis, q: number | null, thresholds: DriftThresholds): DistributionDecision {
  if (analysis.insufficient) return { level: 'none', reason: null };
  const t = analysis.thresholds;
  const name = analysis.test === 'chisquare' ? 'chi-square' : analysis.test === 'ztest' ? 'z-test' : analysis.test.toUpperCase();
  switch (analysis.rule) {
    case 'dual': {
      const effect = analysis.effect ?? 0;
      if (q === null || q > thresholds.significance) return { level: 'none', reason: null };
      const level = highIsBad(effect, t);
      const psiText = analysis.psi ? `PSI ${fmt(analysis.psi.psi)} − noise ${fmt(analysis.psi.noiseFloor)} = ${fmt(effect)}` : `effect ${fmt(effect)}`;
      const bound = level === 'alert' ? t.alert : t.warn;
      return { level, reason: level === 'none' ? null : `${name} q = ${fmt(q)} ≤ ${thresholds.significance} and ${psiText} ≥ ${bound}` };
    }
    case 'p-value': {
      if (q === null) return { level: 'none', reason: null };
      const level: DriftLevel = q <= t.alert ? 'alert' : q <= t.warn ? 'warn' : 'none';
      return { level, reason: level === 'none' ? null : `${name} q = ${fmt(q)} ≤ ${level === 'alert' ? t.alert : t.warn}` };
    }
    case 'effect': {
      const effect = analysis.effect ?? 0;
      const level = highIsBad(effect, t);
      const label = analysis.test === 'psi' ? 'PSI − noise' : analysis.test;
      return { level, reason: level === 'none' ? null : `${label} ${fmt(effect)} ≥ ${level === 'alert' ? t.alert : t.warn}` };
    }
    case 'evidently': {
      const result = analysis.evidently;
      if (!result?.drifted) return { level: 'none', reason: null };
      const isP = result.test === 'ks' || result.test === 'chisquare' || result.test === 'z';
      return { level: 'alert', reason: `Evidently ${result.test} ${isP ? 'p' : 'score'} ${fmt(result.score)} ${isP ? '≤' : '≥'} ${result.threshold}` };
    }
  }
}

function center(analysis: ColumnAnalysis): ColumnCenter | null {
  const { input } = analysis;
  if (input.numeric) return { label: 'mean', reference: input.numeric.mean.reference, current: input.numeric.mean.current };
  const bins = input.bins;
  if (bins === null) return null;
  const share = (counts: number[], i: number) => {
    const total = counts.reduce((s, c) => s + c, 0);
    return total > 0 ? counts[i] / total : null;
  };
  if (input.kind === 'boolean') return { label: 'share true', reference: share(bins.counts.reference, 1), current: share(bins.counts.current, 1) };
  let moved = 0;
  let most = -1;
  for (let i = 0; i < bins.counts.reference.length; i++) {
    const change = Math.abs((share(bins.counts.current, i) ?? 0) - (share(bins.counts.reference, i) ?? 0));
    if (change > most) {
      most = change;
      moved = i;
    }
  }
  const label = moved === bins.otherIndex ? '(other)' : String(bins.values[moved]);
  return { label: `share ${label}`, reference: share(bins.counts.reference, moved), current: share(bins.counts.current, moved) };
}

/** Column reports with levels; `importance` already resolved per column. */
export function decideColumns(analyses: ColumnAnalysis[], importance: number[], settings: DriftSettings): DriftColumnReport[] {
  const { thresholds } = settings;
  const q = adjust(analyses.map((a) => a.pValue));
  const nullQ = adjust(analyses.map((a) => a.nullShare.pValue));
  const newQ = adjust(analyses.map((a) => a.newCategories?.pValue ?? null));
  const judgeExtras = settings.preset !== 'evidently';
  return analyses.map((analysis, index) => {
    const { input } = analysis;
    const reasons: string[] = [];
    const distribution = distributionLevel(analysis, q[index], thresholds);
    if (distribution.reason) reasons.push(distribution.reason);

    const change = analysis.nullShare.current - analysis.nullShare.reference;
    const nullSignificant = (nullQ[index] ?? 1) <= thresholds.significance;
    const nullLevel = nullSignificant ? highIsBad(Math.abs(change), thresholds.null_share) : 'none';
    if (nullLevel !== 'none') reasons.push(`missing values ${points(analysis.nullShare.reference)} → ${points(analysis.nullShare.current)} (q = ${fmt(nullQ[index] as number)})`);

    let newLevel: DriftLevel = 'none';
    const fresh = analysis.newCategories;
    if (fresh) {
      const significant = (newQ[index] ?? 1) <= thresholds.significance;
      newLevel = significant ? highIsBad(fresh.share, thresholds.new_categories) : 'none';
      if (newLevel !== 'none') {
        const examples = fresh.values.length > 0 ? `, e.g. ${fresh.values.slice(0, 3).map((v) => JSON.stringify(v.value)).join(', ')}` : '';
        reasons.push(`${fresh.count} current values (${points(fresh.share)}) never seen in the reference${examples}`);
      }
    }
    const level = judgeExtras ? worst(distribution.level, nullLevel, newLevel) : distribution.level;
    const reported: ReportLevel = level === 'none' && analysis.insufficient ? 'insufficient' : level;
    const notes = [...analysis.notes];
    if (!judgeExtras && worst(nullLevel, newLevel) !== 'none') notes.push('the evidently preset reports missing values and new categories but does not judge them');
    return {
      name: input.name,
      type: input.type,
      kind: input.kind,
      test: analysis.test,
      statistic: finiteOrNull(analysis.statistic),
      p_value: finiteOrNull(analysis.pValue),
      q_value: finiteOrNull(q[index]),
      psi: analysis.psi ? analysis.psi.psi : null,
      psi_noise: analysis.psi ? analysis.psi.noiseFloor : null,
      effect: finiteOrNull(analysis.effect),
      values: { reference: input.values.reference, current: input.values.current },
      null_share: { reference: analysis.nullShare.reference, current: analysis.nullShare.current, p_value: analysis.nullShare.pValue, q_value: nullQ[index], level: nullLevel },
      distribution_level: distribution.level,
      new_categories: fresh ? { count: fresh.count, share: fresh.share, values: fresh.values, p_value: fresh.pValue, level: newLevel } : null,
      level: reported,
      drifted: level !== 'none',
      reasons,
      attribution: analysis.psi && input.bins ? attribute(input.name, input.type, input.bins, analysis.psi) : null,
      importance: importance[index],
      center: center(analysis),
      evidently: analysis.evidently ? { ...analysis.evidently, score: finiteOrNull(analysis.evidently.score) ?? analysis.evidently.score } : null,
      notes,
    };
  });
}

function finiteOrNull(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : value;
}

/**
 * Each column's weight in the verdict: configured importances as given; the
 * rest share what is left of 1 equally (all equal when none is configured).
 */
export function resolveImportance(names: readonly string[], configured: Record<string, number | undefined>): number[] {
  const given = names.map((name) => configured[name]);
  const unspecified = given.filter((value) => value === undefined).length;
  const used = given.reduce<number>((s, value) => s + (value ?? 0), 0);
  const rest = unspecified === 0 ? 0 : Math.max(0, 1 - used) / unspecified;
  return given.map((value) => value ?? rest);
}

export interface DatasetVerdict {
  level: ReportLevel;
  reasons: string[];
}

/** The dataset's level from its columns, row counts and missing columns. */
export function datasetVerdict(
  columns: DriftColumnReport[],
  rowLevel: { level: DriftLevel; reason: string | null },
  missingColumns: string[],
  settings: DriftSettings,
  insufficientRows: string | null,
): DatasetVerdict {
  if (insufficientRows) return { level: 'insufficient', reasons: [insufficientRows] };
  const { thresholds } = settings;
  const reasons: string[] = [];
  let level: DriftLevel = 'none';
  for (const name of missingColumns) reasons.push(`column ${JSON.stringify(name)} is missing from the current data`);
  if (missingColumns.length > 0) level = 'alert';
  const alerts = columns.filter((column) => column.level === 'alert');
  const drifted = columns.filter((column) => column.drifted);
  if (settings.preset === 'evidently') {
    const share = columns.length > 0 ? drifted.length / columns.length : 0;
    if (share >= thresholds.evidently_drift_share) {
      level = 'alert';
      reasons.push(`${drifted.length} of ${columns.length} columns drifted (${points(share)} ≥ ${points(thresholds.evidently_drift_share)}, Evidently's rule)`);
    }
    return { level, reasons };
  }
  const important = alerts.filter((column) => column.importance >= thresholds.alert_importance);
  for (const column of important) reasons.push(`${column.name} at alert (importance ${fmt(column.importance)} ≥ ${thresholds.alert_importance})`);
  const totalWeight = columns.reduce((s, column) => s + column.importance, 0);
  const alertWeight = alerts.reduce((s, column) => s + column.importance, 0);
  const weightedShare = totalWeight > 0 ? alertWeight / totalWeight : 0;
  if (alerts.length > 0 && weightedShare >= thresholds.alert_share) reasons.push(`columns at alert carry ${points(weightedShare)} of the importance (≥ ${points(thresholds.alert_share)})`);
  if (important.length > 0 || (alerts.length > 0 && weightedShare >= thresholds.alert_share)) level = 'alert';
  if (rowLevel.level !== 'none' && rowLevel.reason) reasons.push(rowLevel.reason);
  level = worst(level, rowLevel.level);
  if (level === 'none' && drifted.length > 0) level = 'warn';
  if (drifted.length > 0 && !(important.length > 0)) {
    const named = drifted.filter((column) => !important.includes(column)).map((column) => `${column.name} (${column.level})`);
    if (named.length > 0) reasons.push(`drifted: ${named.join(', ')}`);
  }
  return { level, reasons };
}

/** The row-count check: current / reference against the configured ranges. */
export function rowRatioLevel(referenceRows: number, currentRows: number, thresholds: DriftThresholds): { value: number | null; level: DriftLevel; reason: string | null } {
  const value = referenceRows > 0 ? currentRows / referenceRows : null;
  const ranges = thresholds.row_ratio;
  if (value === null || ranges === false) return { value, level: 'none', reason: null };
  const outside = ([low, high]: [number, number]) => value < low || value > high;
  const level: DriftLevel = outside(ranges.alert) ? 'alert' : outside(ranges.warn) ? 'warn' : 'none';
  const range = level === 'alert' ? ranges.alert : ranges.warn;
  return { value, level, reason: level === 'none' ? null : `row count ratio ${fmt(value)} (${currentRows} current / ${referenceRows} reference) is outside [${range[0]}, ${range[1]}]` };
}
