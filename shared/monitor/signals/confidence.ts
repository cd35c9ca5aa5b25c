/**
 * Confidence collapse: the share of scores in the uncertain band (0.4 to 0.6
 * by default) and the mean max-class confidence, against the reference
 * profile's score (or confidence) column. A level needs both a significant
 * difference (z-test, p <= the drift significance) and a change beyond the
 * configured rise or drop.
 */
import type { NumberColumnProfile, Profile } from '../../profile/index.js';
import { KllSketch, normalSf, twoProportionZTest } from '../../stats/index.js';
import { meanEstimate, proportionDifference, wilsonInterval } from '../intervals.js';
import { DEFAULT_INTERVAL_CONFIDENCE } from '../settings.js';
import { numericRole } from '../log.js';
import type { MonitorSignal, SignalCheck } from '../types.js';
import { ciLabel, fmt, gatedLevel, intervalText, levelOfChecks, pct, type SignalContext } from './common.js';

/** Ranks at which a sketch is read to integrate a function of the score. */
const GRID = 1000;

interface ReferenceFigures {
  count: number;
  uncertainShare: number;
  meanConfidence: number;
  confidenceVariance: number;
  approximate: boolean;
}

function numberColumn(profile: Profile | null, name: string | undefined): NumberColumnProfile | null {
  if (profile === null || name === undefined) return null;
  const column = profile.columns.find((candidate) => candidate.name === name);
  return column !== undefined && column.kind === 'number' && column.count > 0 ? column : null;
}

/** Reference figures from value counts (exact) or from the quantile sketch, read at GRID evenly spaced ranks. */
function referenceFigures(column: NumberColumnProfile, band: [number, number], fromScore: boolean): ReferenceFigures {
  const confidenceOf = (value: number) => (fromScore ? Math.max(value, 1 - value) : value);
  let values: number[];
  let weights: number[];
  let approximate = false;
  if (column.exactCounts !== null) {
    values = column.exactCounts.values as number[];
    weights = column.exactCounts.counts;
  } else {
    const sketch = KllSketch.fromJSON(column.quantiles);
    values = sketch.quantiles(Array.from({ length: GRID }, (_, i) => (i + 0.5) / GRID));
    weights = values.map(() => 1);
    approximate = true;
  }
  let total = 0;
  let inBand = 0;
  let sum = 0;
  let sumSquares = 0;
  values.forEach((value, index) => {
    const weight = weights[index];
    total += weight;
    if (value >= band[0] && value <= band[1]) inBand += weight;
    const confidence = confidenceOf(value);
    sum += weight * confidence;
    sumSquares += weight * confidence * confidence;
  });
  const mean = sum / total;
  return { count: column.count, uncertainShare: inBand / total, meanConfidence: mean, confidenceVariance: Math.max(0, sumSquares / total - mean * mean), approximate };
}

/** The confidence signal (classification only). */
export function confidenceSignal(context: SignalContext): MonitorSignal {
  const base = { signal: 'confidence' as const, reasons: [] as string[], checks: [] as SignalCheck[], notes: [] as string[] };
  if (context.task !== 'classification') return { ...base, level: 'off', summary: 'Confidence is watched for classifiers only.' };
  const scores = numericRole(context.view, 'score');
  const confidences = numericRole(context.view, 'confidence');
  const fromScore = confidences === undefined;
  const values = confidences ?? scores;
  const name = fromScore ? context.view.roles.score : context.view.roles.confidence;
  if (values === undefined || name === undefined) return { ...base, level: 'off', summary: 'The log has no score or confidence column: confidence not checked.' };
  const { band, uncertain_share: shareLevels, confidence_drop: dropLevels } = context.settings.confidence;
  const intervalConfidence = context.settings.confidence.confidence ?? DEFAULT_INTERVAL_CONFIDENCE;

  let n = 0;
  let inBand = 0;
  let sum = 0;
  let sumSquares = 0;
  let outside = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== value) continue;
    if (value < 0 || value > 1) {
      outside++;
      continue;
    }
    n++;
    if (value >= band[0] && value <= band[1]) inBand++;
    const confidence = fromScore ? (value >= 0.5 ? value : 1 - value) : value;
    sum += confidence;
    sumSquares += confidence * confidence;
  }
  if (outside > 0) return { ...base, level: 'off', summary: `The ${name} column holds values outside [0, 1] (${outside} rows): not probabilities, so confidence is not checked.` };
  const minRows = context.drift.thresholds.min_rows;
  const share = n > 0 ? inBand / n : null;
  const mean = n > 0 ? sum / n : null;
  const reference = numberColumn(context.reference.profile, name);
  if (reference === null) {
    const summary = `Uncertain share ${pct(share)}, mean confidence ${fmt(mean)}; the reference profile has no '${name}' column to compare with.`;
    return { ...base, level: 'off', summary, checks: [info('uncertain_share', share), info('mean_confidence', mean)] };
  }
  const ref = referenceFigures(reference, band, fromScore);
  if (ref.approximate) base.notes.push(`the reference's figures are read from its quantile sketch of '${name}' (about ±1 point)`);
  if (n < minRows) {
    return { ...base, level: 'insufficient', summary: `Too few scored requests to judge confidence (${n}; at least ${minRows} are needed).`, checks: [] };
  }
  const significance = context.drift.thresholds.significance;

  const referenceInBand = Math.round(ref.uncertainShare * ref.count);
  const rise = (share as number) - ref.uncertainShare;
  const shareTest = twoProportionZTest(inBand, n, referenceInBand, ref.count);
  const shareLevel = gatedLevel(shareTest.pvalue <= significance, rise, shareLevels);
  const difference = proportionDifference(referenceInBand, ref.count, inBand, n, intervalConfidence);
  const band100 = `${fmt(band[0])}–${fmt(band[1])}`;
  const shareCheck: SignalCheck = {
    name: 'uncertain_share',
    value: share,
    reference: ref.uncertainShare,
    bound: shareLevel === 'alert' ? shareLevels.alert : shareLevels.warn,
    interval: wilsonInterval(inBand, n, intervalConfidence),
    level: shareLevel,
    reason:
      shareLevel === 'none'
        ? null
        : `scores in the uncertain band ${band100}: ${pct(share)} vs ${pct(ref.uncertainShare)} in the reference (+${fmt(100 * rise, 3)} points, ${ciLabel(intervalConfidence)} of the rise ${intervalText(difference.interval, (v) => pct(v))}, p = ${fmt(shareTest.pvalue, 3)}) ≥ +${fmt(100 * (shareLevel === 'alert' ? shareLevels.alert : shareLevels.warn), 3)} points`,
  };

  const variance = n > 1 ? Math.max(0, (sumSquares - n * (mean as number) ** 2) / (n - 1)) : 0;
  const drop = ref.meanConfidence - (mean as number);
  const standardError = Math.sqrt(variance / n + ref.confidenceVariance / ref.count);
  const pDrop = standardError > 0 ? 2 * normalSf(Math.abs(drop) / standardError) : drop === 0 ? 1 : 0;
  const dropLevel = gatedLevel(pDrop <= significance, drop, dropLevels);
  const dropCheck: SignalCheck = {
    name: 'mean_confidence',
    value: mean,
    reference: ref.meanConfidence,
    bound: dropLevel === 'alert' ? dropLevels.alert : dropLevels.warn,
    interval: meanEstimate(sum, sumSquares, n, intervalConfidence).interval,
    level: dropLevel,
    reason:
      dropLevel === 'none'
        ? null
        : `mean max-class confidence ${fmt(mean)} vs ${fmt(ref.meanConfidence)} in the reference (drop ${fmt(drop, 3)}, p = ${fmt(pDrop, 3)}) ≥ ${fmt(dropLevel === 'alert' ? dropLevels.alert : dropLevels.warn)}`,
  };
  const checks = [shareCheck, dropCheck];
  const level = levelOfChecks(checks);
  const reasons = checks.map((check) => check.reason).filter((reason): reason is string => reason !== null);
  const summary = `Uncertain share ${pct(share)} (reference ${pct(ref.uncertainShare)}), mean confidence ${fmt(mean, 3)} (reference ${fmt(ref.meanConfidence, 3)}).`;
  return { ...base, level, summary, reasons, checks };
}

function info(name: string, value: number | null): SignalCheck {
  return { name, value, reference: null, bound: null, interval: null, level: 'none', reason: null };
}
