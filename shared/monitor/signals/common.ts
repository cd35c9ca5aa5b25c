/** What every signal is given, and the level arithmetic they share. */
import type { DriftLevel, DriftSettings } from '../../drift/index.js';
import type { Task } from '../../evaluate/index.js';
import type { LogView } from '../log.js';
import type { MonitorReference } from '../reference.js';
import type { MonitorSettings } from '../settings.js';
import type { MonitorWindow, SignalCheck, SignalLevel } from '../types.js';

export interface SignalContext {
  /** The window's rows. */
  view: LogView;
  window: MonitorWindow;
  reference: MonitorReference;
  settings: MonitorSettings;
  drift: DriftSettings;
  task: Task;
  threshold: number;
  /** Labels per row of the window (NaN while unlabelled); null without labels. */
  labels: Float64Array | null;
}

const RANK: Record<string, number> = { off: -1, insufficient: 0, none: 1, warn: 2, alert: 3 };

/** The worse of levels; `insufficient` only beats `off`, so one judged check decides. */
export function worstLevel(levels: readonly SignalLevel[]): SignalLevel {
  let worst: SignalLevel = 'off';
  for (const level of levels) if (RANK[level] > RANK[worst]) worst = level;
  return worst;
}

/** A signal's level from its checks (`insufficient` when none could judge). */
export function levelOfChecks(checks: readonly SignalCheck[]): SignalLevel {
  if (checks.length === 0) return 'insufficient';
  return worstLevel(checks.map((check) => check.level));
}

/** Formats a number for reasons: 4 significant digits. */
export function fmt(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  return String(Number(value.toPrecision(digits)));
}

/** `12.3%`. */
export function pct(share: number | null | undefined): string {
  return share === null || share === undefined || !Number.isFinite(share) ? '—' : `${(100 * share).toFixed(1)}%`;
}

/** `95% CI`, `99% CI`, `97.5% CI`: the label of an interval at `confidence`. */
export function ciLabel(confidence: number): string {
  return `${Number((100 * confidence).toPrecision(6))}% CI`;
}

/** `[a, b]` for an interval. */
export function intervalText(interval: [number, number] | null, format: (value: number) => string = (value) => fmt(value)): string {
  return interval === null ? 'no interval' : `[${format(interval[0])}, ${format(interval[1])}]`;
}

/** The level of a value that is bad when high, decided by a significance flag and warn/alert thresholds. */
export function gatedLevel(significant: boolean, effect: number, thresholds: { warn: number; alert: number }): DriftLevel {
  if (!significant) return 'none';
  return effect >= thresholds.alert ? 'alert' : effect >= thresholds.warn ? 'warn' : 'none';
}
