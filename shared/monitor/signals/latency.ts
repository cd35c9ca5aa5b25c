/**
 * Latency and errors against service-level objectives: p50, p95 and p99 of
 * the latency column with distribution-free intervals, and the error rate
 * with Wilson's interval. Warn when the estimate is beyond the objective;
 * alert when its whole interval is (the objective is broken with confidence).
 */
import type { DriftLevel } from '../../drift/index.js';
import { radixSortFloat64 } from '../../stats/index.js';
import { proportionEstimate, quantileEstimate } from '../intervals.js';
import { errorFlags, numericRole, type LogView } from '../log.js';
import { sloLevels, type LatencySettings, type Slo } from '../settings.js';
import type { Estimate, LatencySummary, MonitorSignal, SignalCheck } from '../types.js';
import { ciLabel, fmt, intervalText, levelOfChecks, pct, type SignalContext } from './common.js';

const QUANTILES = [
  ['p50', 0.5],
  ['p95', 0.95],
  ['p99', 0.99],
] as const;

/** Latency quantiles of `rows` of a log (all rows when omitted). */
export function latencySummary(view: LogView, confidence: number, rows?: Int32Array): LatencySummary | null {
  const latency = numericRole(view, 'latency');
  if (latency === undefined) return null;
  const n = rows ? rows.length : view.rows;
  let measured = 0;
  for (let i = 0; i < n; i++) {
    const value = latency[rows ? rows[i] : i];
    if (value === value) measured++;
  }
  const values = new Float64Array(measured);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const value = latency[rows ? rows[i] : i];
    if (value === value) values[k++] = value;
  }
  radixSortFloat64(values);
  const [p50, p95, p99] = QUANTILES.map(([, probability]) => quantileEstimate(values, probability, confidence));
  return { requests: n, measured, p50, p95, p99 };
}

/** Failed requests among `rows` (all rows when omitted); null without an error column. */
export function errorCount(view: LogView, rows?: Int32Array): number | null {
  const flags = errorFlags(view);
  if (flags === undefined) return null;
  let errors = 0;
  if (rows) for (let i = 0; i < rows.length; i++) errors += flags[rows[i]];
  else for (let i = 0; i < flags.length; i++) errors += flags[i];
  return errors;
}

function sloCheck(name: string, estimate: Estimate, slo: Slo | undefined, format: (value: number) => string, label: string, confidence: number): SignalCheck {
  if (slo === undefined) return { name, value: estimate.value, reference: null, bound: null, interval: estimate.interval, level: 'none', reason: null };
  const { warn, alert } = sloLevels(slo);
  const value = estimate.value;
  let level: DriftLevel = 'none';
  if (value !== null && estimate.interval !== null && estimate.interval[0] > alert) level = 'alert';
  else if (value !== null && value > warn) level = 'warn';
  const bound = level === 'alert' ? alert : warn;
  const reason =
    level === 'none'
      ? null
      : level === 'alert'
        ? `${label} ${format(value as number)} breaks the objective ${format(alert)} (${ciLabel(confidence)} ${intervalText(estimate.interval, format)} lies above it)`
        : `${label} ${format(value as number)} is above ${format(warn)} (${ciLabel(confidence)} ${intervalText(estimate.interval, format)})`;
  return { name, value, reference: null, bound, interval: estimate.interval, level, reason };
}

/** The latency signal. */
export function latencySignal(context: SignalContext): MonitorSignal {
  const settings: LatencySettings = context.settings.latency;
  const base = { signal: 'latency' as const, reasons: [] as string[], checks: [] as SignalCheck[], notes: [] as string[] };
  const summary = latencySummary(context.view, settings.confidence);
  const errors = errorCount(context.view);
  if (summary === null && errors === null) return { ...base, level: 'off', summary: 'The log has no latency or error column: latency not checked.' };
  const minRows = context.drift.thresholds.min_rows;
  const checks: SignalCheck[] = [];
  const ms = (value: number) => `${fmt(value)} ms`;
  if (summary !== null) {
    if (summary.measured < summary.requests) base.notes.push(`${summary.requests - summary.measured} requests have no latency value (left out of the quantiles)`);
    if (summary.measured >= minRows) for (const [name] of QUANTILES) checks.push(sloCheck(`${name}_ms`, summary[name], settings[name], ms, `${name} latency`, settings.confidence));
  }
  if (errors !== null && context.view.rows >= minRows) {
    checks.push(sloCheck('error_rate', proportionEstimate(errors, context.view.rows, settings.confidence), settings.error_rate, (value) => pct(value), 'error rate', settings.confidence));
  }
  const configured = QUANTILES.some(([name]) => settings[name] !== undefined) || settings.error_rate !== undefined;
  const figures = [
    summary ? `p50 ${fmt(summary.p50.value)} ms, p95 ${fmt(summary.p95.value)} ms, p99 ${fmt(summary.p99.value)} ms` : null,
    errors !== null ? `error rate ${pct(context.view.rows > 0 ? errors / context.view.rows : null)}` : null,
  ].filter((part) => part !== null);
  if (checks.length === 0) return { ...base, level: 'insufficient', summary: `Too few requests to judge latency (at least ${minRows} are needed).` };
  if (!configured) {
    base.notes.push('no objective configured (monitor.latency: p50, p95, p99, error_rate)');
    return { ...base, level: 'off', summary: `${figures.join('; ')}; no objective configured.`, checks };
  }
  const reasons = checks.map((check) => check.reason).filter((reason): reason is string => reason !== null);
  return { ...base, level: levelOfChecks(checks), summary: `${figures.join('; ')}.`, reasons, checks };
}
