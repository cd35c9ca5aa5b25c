/**
 * Volume: requests per period (`per: 1h`) in the window against the expected
 * ranges. The count's exact Poisson interval (Garwood's, at
 * `monitor.volume.confidence`, default 0.95) must lie wholly outside the
 * alert range for an alert; the estimate outside the warn range warns.
 */
import { parseDuration } from '../../config/duration.js';
import type { DriftLevel } from '../../drift/index.js';
import { poissonInterval } from '../intervals.js';
import { DEFAULT_INTERVAL_CONFIDENCE } from '../settings.js';
import type { MonitorSignal, SignalCheck } from '../types.js';
import { ciLabel, fmt, intervalText, type SignalContext } from './common.js';

/** The volume signal. */
export function volumeSignal(context: SignalContext): MonitorSignal {
  const base = { signal: 'volume' as const, reasons: [] as string[], checks: [] as SignalCheck[], notes: [] as string[] };
  const settings = context.settings.volume;
  const count = context.view.rows;
  const hours = context.window.hours;
  const periodMs = parseDuration(settings?.per ?? '1h') ?? 3_600_000;
  const per = settings?.per ?? '1h';
  const confidence = settings?.confidence ?? DEFAULT_INTERVAL_CONFIDENCE;
  if (hours === null || hours <= 0) {
    return { ...base, level: settings ? 'insufficient' : 'off', summary: `${count} requests; the window has no length in time (a timestamp column and a window are needed for a rate).` };
  }
  const periods = (hours * 3_600_000) / periodMs;
  const rate = count / periods;
  const [low, high] = poissonInterval(count, confidence);
  const interval: [number, number] = [low / periods, high / periods];
  const outside = (value: number, range: [number, number]) => value < range[0] || value > range[1];
  let level: DriftLevel = 'none';
  if (settings?.alert && interval[1] < settings.alert[0]) level = 'alert';
  else if (settings?.alert && interval[0] > settings.alert[1]) level = 'alert';
  else if (settings?.warn && outside(rate, settings.warn)) level = 'warn';
  else if (settings?.alert && outside(rate, settings.alert)) level = 'warn';
  const range = level === 'alert' ? settings?.alert : settings?.warn ?? settings?.alert;
  const name = `requests_per_${per}`;
  const reason = level === 'none' || !range ? null : `${fmt(rate)} requests per ${per} (${ciLabel(confidence)} ${intervalText(interval)}) is outside the expected [${fmt(range[0])}, ${fmt(range[1])}]`;
  const check: SignalCheck = { name, value: rate, reference: null, bound: range ? (rate < range[0] ? range[0] : range[1]) : null, interval, level, reason };
  const summary = `${count} requests in ${fmt(hours, 3)} h: ${fmt(rate)} per ${per}.`;
  if (!settings || (!settings.warn && !settings.alert)) return { ...base, level: 'off', summary: `${summary} No expected range configured (monitor.volume).`, checks: [check] };
  return { ...base, level, summary, reasons: reason ? [reason] : [], checks: [check] };
}
