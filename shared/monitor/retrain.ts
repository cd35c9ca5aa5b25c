/**
 * Retraining triggers: `retrain: {on: alert, signals: [drift, performance],
 * cooldown: 7d}`. A pure decision the bot calls after a scheduled check: the
 * listed signals at the configured level, and no dispatch within the cooldown.
 */
import { parseDuration } from '../config/duration.js';
import type { DriftReport } from '../drift/index.js';
import type { RetrainSettings, SignalName } from './settings.js';
import type { MonitorReport } from './types.js';

export interface RetrainTrigger {
  signal: SignalName;
  level: 'warn' | 'alert';
  /** The report's `generated_at`. */
  report: string;
  reasons: string[];
}

export interface RetrainDecision {
  retrain: boolean;
  /** Why, in one sentence (for the drift issue and the log). */
  reason: string;
  triggers: RetrainTrigger[];
  /** When the cooldown ends (ISO 8601), when it is what holds a dispatch back. */
  next_allowed: string | null;
}

function triggersOf(report: MonitorReport | DriftReport, config: RetrainSettings): RetrainTrigger[] {
  const reaches = (level: string): level is 'warn' | 'alert' => level === 'alert' || (config.on === 'warn' && level === 'warn');
  if (report.schema === 'tollgate.drift/v1') {
    // A plain drift report is the drift signal alone.
    return config.signals.includes('drift') && reaches(report.level) ? [{ signal: 'drift', level: report.level, report: report.generated_at, reasons: report.reasons }] : [];
  }
  return report.signals
    .filter((signal) => config.signals.includes(signal.signal) && reaches(signal.level))
    .map((signal) => ({ signal: signal.signal, level: signal.level as 'warn' | 'alert', report: report.generated_at, reasons: signal.reasons }));
}

/**
 * Whether to dispatch the training workflow now. `lastDispatch` is the time
 * of the previous dispatch for this model (null when there was none).
 */
export function shouldRetrain(config: RetrainSettings | undefined, reports: ReadonlyArray<MonitorReport | DriftReport>, lastDispatch: Date | string | null, now: Date): RetrainDecision {
  if (config === undefined) return { retrain: false, reason: 'no retrain: section in the configuration', triggers: [], next_allowed: null };
  const triggers = reports.flatMap((report) => triggersOf(report, config));
  if (triggers.length === 0) {
    return { retrain: false, reason: `no ${config.signals.join(' or ')} signal at ${config.on === 'warn' ? 'warn or alert' : 'alert'}`, triggers, next_allowed: null };
  }
  const cooldown = parseDuration(config.cooldown);
  if (cooldown === undefined) throw new RangeError(`retrain.cooldown '${config.cooldown}' is not a duration`);
  const last = lastDispatch === null ? null : new Date(lastDispatch).getTime();
  if (last !== null && Number.isNaN(last)) throw new RangeError(`lastDispatch '${String(lastDispatch)}' is not a time`);
  const named = [...new Set(triggers.map((trigger) => `${trigger.signal} (${trigger.level})`))].join(', ');
  if (last !== null && now.getTime() < last + cooldown) {
    const next = new Date(last + cooldown).toISOString();
    return { retrain: false, reason: `${named} would retrain, but the last dispatch (${new Date(last).toISOString()}) is within the ${config.cooldown} cooldown, until ${next}`, triggers, next_allowed: next };
  }
  return { retrain: true, reason: `retrain: ${named}`, triggers, next_allowed: null };
}
