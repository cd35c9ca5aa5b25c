/**
 * Live evidence for stage gates: shadow and canary figures judged against a
 * stage's bounds. An interval wholly inside a bound meets it, wholly outside
 * breaks it, otherwise more traffic is needed. `evidenceMet` is pure: the
 * bot's promotion check calls it with the stage's `evidence:` policy and the
 * evidence records the promotion PR carries.
 */
import { createHash } from 'node:crypto';
import { sameVersion } from './log.js';
import { DEFAULT_CANARY, DEFAULT_SHADOW, type CanaryBounds, type ShadowBounds } from './settings.js';
import {
  EVIDENCE_SCHEMA,
  type BoundCheck,
  type CanaryFigures,
  type CanaryReport,
  type CanaryVerdict,
  type Estimate,
  type EvidenceRecord,
  type ShadowFigures,
  type ShadowReport,
  type ShadowVerdict,
} from './types.js';

function fmt(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return String(Number(value.toPrecision(4)));
}

/**
 * A bound on an estimate: `max` (must stay at or below) or `min` (at or
 * above). A missing estimate is `missing`: `unsure` when more data will give
 * it (labels), `unavailable` when the logs cannot (no such column).
 */
export function checkBound(name: string, bound: number, estimate: Estimate | null, direction: 'max' | 'min', missing: 'unsure' | 'unavailable' = 'unsure'): BoundCheck {
  const value = estimate?.value ?? null;
  const interval = estimate?.interval ?? null;
  if (estimate === null) return { name, bound, value, interval, status: missing };
  let status: BoundCheck['status'] = 'unsure';
  if (interval !== null) {
    if (direction === 'max') status = interval[1] <= bound ? 'met' : interval[0] > bound ? 'broken' : 'unsure';
    else status = interval[0] >= bound ? 'met' : interval[1] < bound ? 'broken' : 'unsure';
  }
  return { name, bound, value, interval, status };
}

/** A minimum amount of traffic: met or not yet (never broken: more traffic comes). */
function enough(name: string, bound: number, value: number | null): BoundCheck {
  return { name, bound, value, interval: null, status: value !== null && value >= bound ? 'met' : 'unsure' };
}

/** The traffic minimums: counted, never estimated, so never uncertain, only not reached yet. */
const TRAFFIC: ReadonlySet<string> = new Set(['min_requests', 'min_hours']);

function describeCheck(check: BoundCheck): string {
  const interval = check.interval ? ` (CI [${fmt(check.interval[0])}, ${fmt(check.interval[1])}])` : '';
  const relation = check.name.startsWith('min_') ? 'at least' : 'at most';
  switch (check.status) {
    case 'met':
      return `${check.name}: ${fmt(check.value)}${interval} is ${relation} ${fmt(check.bound)}`;
    case 'broken':
      return `${check.name}: ${fmt(check.value)}${interval} breaks the bound ${fmt(check.bound)}`;
    case 'unavailable':
      return `${check.name}: not checked, the logs do not give this figure`;
    case 'unsure':
      if (check.value === null) return `${check.name}: no figure yet (needs ${relation} ${fmt(check.bound)})`;
      if (TRAFFIC.has(check.name)) return `${check.name}: ${fmt(check.value)} so far, short of the ${fmt(check.bound)} needed (more traffic will reach it)`;
      if (check.interval === null) return `${check.name}: ${fmt(check.value)} has no interval yet, so it is not yet known to be ${relation} ${fmt(check.bound)}`;
      return `${check.name}: ${fmt(check.value)}${interval} straddles the bound ${fmt(check.bound)}: not yet known to be ${relation} it (more traffic will tell)`;
  }
}

/** A bound that no longer holds a verdict back: met, or not checkable from these logs. */
function settled(check: BoundCheck): boolean {
  return check.status === 'met' || check.status === 'unavailable';
}

const STATUS_ORDER: Record<BoundCheck['status'], number> = { broken: 0, unsure: 1, unavailable: 2, met: 3 };

/** Every check in words, the ones that decide first. */
function reasonsOf(checks: readonly BoundCheck[]): string[] {
  return [...checks].sort((x, y) => STATUS_ORDER[x.status] - STATUS_ORDER[y.status]).map(describeCheck);
}

export interface Decision<V> {
  verdict: V;
  checks: BoundCheck[];
  reasons: string[];
}

/** Judges shadow figures: `fail` when a bound is broken, `pass` when every one is met, else `insufficient`. */
export function decideShadow(figures: ShadowFigures, bounds: Partial<ShadowBounds> = {}): Decision<ShadowVerdict> {
  const b = { ...DEFAULT_SHADOW, ...bounds };
  const checks = [enough('min_requests', b.min_requests, figures.pairs), enough('min_hours', b.min_hours, figures.hours)];
  if (b.max_disagreement !== undefined) checks.push(checkBound('max_disagreement', b.max_disagreement, figures.disagreement, 'max', 'unavailable'));
  if (b.max_mean_abs_diff !== undefined) checks.push(checkBound('max_mean_abs_diff', b.max_mean_abs_diff, figures.mean_abs_diff, 'max', 'unavailable'));
  if (b.min_correlation !== undefined) checks.push(checkBound('min_correlation', b.min_correlation, figures.correlation, 'min', 'unavailable'));
  if (b.max_latency_increase !== undefined) checks.push(checkBound('max_latency_increase', b.max_latency_increase, figures.latency_increase, 'max', 'unavailable'));
  if (b.max_metric_decrease !== undefined) {
    const delta = figures.metric_delta;
    // A decrease in the metric's better direction: positive = the shadow is worse.
    const decrease: Estimate | null =
      delta === null
        ? null
        : delta.higher_is_better
          ? { value: delta.value === null ? null : -delta.value, interval: delta.interval ? [-delta.interval[1], -delta.interval[0]] : null }
          : delta;
    checks.push(checkBound('max_metric_decrease', b.max_metric_decrease, decrease, 'max'));
  }
  const verdict: ShadowVerdict = checks.some((check) => check.status === 'broken') ? 'fail' : checks.every(settled) ? 'pass' : 'insufficient';
  return { verdict, checks, reasons: reasonsOf(checks) };
}

/**
 * Judges canary figures: `rollback` when a bound is broken with confidence
 * (however little traffic), `promote` when there is enough traffic and every
 * bound is met, else `hold`.
 */
export function decideCanary(figures: CanaryFigures, bounds: Partial<CanaryBounds> = {}): Decision<CanaryVerdict> {
  const b = { ...DEFAULT_CANARY, ...bounds };
  const checks = [
    enough('min_requests', b.min_requests, figures.requests.canary),
    enough('min_hours', b.min_hours, figures.hours),
    checkBound('max_error_rate_increase', b.max_error_rate_increase, figures.error_rate_increase, 'max', 'unavailable'),
  ];
  if (b.max_latency_increase !== undefined) checks.push(checkBound('max_latency_increase', b.max_latency_increase, figures.latency_increase, 'max', 'unavailable'));
  if (b.max_metric_decrease !== undefined) checks.push(checkBound('max_metric_decrease', b.max_metric_decrease, figures.metric_decrease, 'max'));
  const verdict: CanaryVerdict = checks.some((check) => check.status === 'broken') ? 'rollback' : checks.every(settled) ? 'promote' : 'hold';
  return { verdict, checks, reasons: reasonsOf(checks) };
}

/** The compact record a promotion PR carries for a shadow or canary report. */
export function evidenceRecord(report: ShadowReport | CanaryReport): EvidenceRecord {
  const digest = `sha256:${createHash('sha256').update(JSON.stringify(report)).digest('hex')}`;
  const common = { schema: EVIDENCE_SCHEMA, model: report.model ?? null, stage: report.stage ?? null, generated_at: report.generated_at, report_digest: digest } as const;
  if (report.schema === 'tollgate.shadow/v1') {
    return { ...common, kind: 'shadow', candidate: report.shadow.version, baseline: report.live.version, verdict: report.verdict, figures: report.figures };
  }
  return { ...common, kind: 'canary', candidate: report.canary.version, baseline: report.control.version, verdict: report.verdict, figures: report.figures };
}

/** A stage's `evidence:` policy: which live evidence it demands, with what bounds. */
export interface EvidencePolicy {
  shadow?: Partial<ShadowBounds>;
  canary?: Partial<CanaryBounds>;
}

export interface EvidenceRequirement {
  kind: 'shadow' | 'canary';
  met: boolean;
  /** The verdict of the record that decided (the best one), null when there was none. */
  verdict: ShadowVerdict | CanaryVerdict | null;
  /** The record that decided. */
  evidence: EvidenceRecord | null;
  reasons: string[];
}

export interface EvidenceStatus {
  met: boolean;
  requirements: EvidenceRequirement[];
  /** One line per requirement, for a status comment. */
  summary: string[];
}

function asRecord(entry: EvidenceRecord | ShadowReport | CanaryReport): EvidenceRecord {
  return entry.schema === EVIDENCE_SCHEMA ? entry : evidenceRecord(entry);
}

/**
 * Whether live evidence meets a stage's policy. Every kind the policy names
 * needs one record (of the candidate, when `candidate` is given) that meets
 * the policy's bounds, re-judged from the record's figures: a report made
 * with looser bounds does not pass a stricter stage. Intervals are the ones
 * recorded (at the confidence the report was made with).
 */
export function evidenceMet(
  policy: EvidencePolicy,
  reports: ReadonlyArray<EvidenceRecord | ShadowReport | CanaryReport>,
  options: { model?: string; candidate?: string } = {},
): EvidenceStatus {
  const records = reports.map(asRecord).filter((record) => {
    if (options.model !== undefined && record.model !== null && record.model !== options.model) return false;
    return options.candidate === undefined || (record.candidate !== null && sameVersion(record.candidate, options.candidate));
  });
  const requirements: EvidenceRequirement[] = [];
  for (const kind of ['shadow', 'canary'] as const) {
    const bounds = policy[kind];
    if (bounds === undefined) continue;
    const candidates = records
      .filter((record) => record.kind === kind)
      .sort((a, b) => (a.generated_at < b.generated_at ? 1 : a.generated_at > b.generated_at ? -1 : 0));
    if (candidates.length === 0) {
      requirements.push({ kind, met: false, verdict: null, evidence: null, reasons: [`no ${kind} evidence${options.candidate ? ` for ${options.candidate}` : ''} yet`] });
      continue;
    }
    const decided = candidates.map((record) => ({
      record,
      decision: record.kind === 'shadow' ? decideShadow(record.figures, bounds as Partial<ShadowBounds>) : decideCanary(record.figures, bounds as Partial<CanaryBounds>),
    }));
    const passing = decided.find(({ decision }) => decision.verdict === 'pass' || decision.verdict === 'promote');
    const chosen = passing ?? decided[0];
    requirements.push({ kind, met: passing !== undefined, verdict: chosen.decision.verdict, evidence: chosen.record, reasons: chosen.decision.reasons });
  }
  const summary = requirements.map((requirement) =>
    requirement.met
      ? `${requirement.kind}: met (${requirement.verdict}, ${requirement.evidence?.generated_at ?? ''})`
      : `${requirement.kind}: not met${requirement.verdict ? ` (${requirement.verdict})` : ''}: ${requirement.reasons[0] ?? ''}`,
  );
  return { met: requirements.every((requirement) => requirement.met), requirements, summary };
}
