/**
 * The monitoring reports. `tollgate.monitor/v1` extends the drift report
 * (`tollgate.drift/v1`): every top-level field a drift-report reader uses
 * (`level`, `drift`, `reasons`, `columns`, `model`, `stage`, ...) is there
 * with the same meaning, plus `signals`. Shadow and canary reports are the
 * live evidence a promotion can require.
 */
import type { DriftLevel, DriftReport, ReportLevel } from '../drift/index.js';
import type { EvaluationReport, MetricName, Task } from '../evaluate/index.js';
import type { CanaryBounds, ShadowBounds, SignalName } from './settings.js';

export const MONITOR_REPORT_SCHEMA = 'tollgate.monitor/v1';
export const SHADOW_REPORT_SCHEMA = 'tollgate.shadow/v1';
export const CANARY_REPORT_SCHEMA = 'tollgate.canary/v1';
export const EVIDENCE_SCHEMA = 'tollgate.evidence/v1';

/** A signal's level; `off` when it was not configured or had no input (never counts for the verdict). */
export type SignalLevel = ReportLevel | 'off';

/** A value with its confidence interval. */
export interface Estimate {
  value: number | null;
  /** [lower, upper] at the report's confidence; null when it could not be computed. */
  interval: [number, number] | null;
}

/** One judged (or shown) figure of a signal. */
export interface SignalCheck {
  /** e.g. `p95_ms`, `uncertain_share`, `roc_auc`, `requests_per_hour`, `score`. */
  name: string;
  value: number | null;
  /** What the value is compared with (the reference's value), when there is one. */
  reference: number | null;
  /** The bound that decides the level shown (alert bound when at alert, else warn bound). */
  bound: number | null;
  /** The value's confidence interval (95% unless the signal's configuration says otherwise). */
  interval: [number, number] | null;
  level: DriftLevel | 'insufficient';
  /** Why the level, in words (null when none). */
  reason: string | null;
}

/** Performance on one segment of the window. */
export interface PerformanceSegment {
  segment: string;
  value: string | null;
  rows: number;
  metric: MetricName;
  window: number | null;
  interval: [number, number] | null;
  /** The segment's value in evaluation.json (or the overall reference when the evaluation has no such segment). */
  reference: number | null;
  level: DriftLevel | 'insufficient';
}

/** One signal's result. */
export interface MonitorSignal {
  signal: SignalName;
  level: SignalLevel;
  /** One sentence for a summary line. */
  summary: string;
  /** Why the level (empty when none). */
  reasons: string[];
  checks: SignalCheck[];
  /** Performance only: per segment. */
  segments?: PerformanceSegment[];
  notes: string[];
}

/** The rows a report looked at. */
export interface MonitorWindow {
  /** Window start (inclusive) as asked (`--since`), ISO 8601; null for no lower bound. */
  since: string | null;
  /** Rows strictly after this time only (the previous report's `last`); null when not used. */
  after: string | null;
  /** Window end (exclusive), ISO 8601; null for no upper bound. */
  until: string | null;
  /** First and last request timestamps in the window. */
  first: string | null;
  last: string | null;
  /** Hours the window spans (from since/after to until when given, else first to last). */
  hours: number | null;
  rows: number;
  /** Rows in the whole log. */
  total_rows: number;
}

/**
 * `tollgate.monitor/v1`: a drift report plus `signals`. `level` is the worst
 * signal level (`insufficient` when no signal could judge), `drift` is true
 * at warn or alert, `reasons` lists every signal's reasons prefixed with its
 * name, and `columns` holds the feature columns followed by the prediction
 * columns (score, predicted class), each judged by the drift engine's dual gate.
 */
export interface MonitorReport extends Omit<DriftReport, 'schema'> {
  schema: typeof MONITOR_REPORT_SCHEMA;
  /** The model version monitored (from the registry or the log). */
  version: string | null;
  task: Task;
  window: MonitorWindow;
  log: { path: string; rows: number; versions: Record<string, number> };
  labels: { path: string | null; rows: number; matched: number } | null;
  evaluation: { path: string | null; digest: string | null } | null;
  signals: MonitorSignal[];
}

/** Latency quantiles of one side. */
export interface LatencySummary {
  requests: number;
  /** Requests with a latency value. */
  measured: number;
  p50: Estimate;
  p95: Estimate;
  p99: Estimate;
}

/** The figures shadow evidence is judged on (what `decideShadow` reads). */
export interface ShadowFigures {
  pairs: number;
  hours: number | null;
  /** Share of pairs whose predicted class differs (classification). */
  disagreement: Estimate | null;
  correlation: Estimate | null;
  mean_abs_diff: Estimate | null;
  /** shadow p95 / live p95 - 1. */
  latency_increase: Estimate | null;
  /** shadow - live on the primary metric (paired bootstrap), with labels. */
  metric_delta: (Estimate & { metric: MetricName; higher_is_better: boolean }) | null;
}

/** The figures canary evidence is judged on (what `decideCanary` reads). */
export interface CanaryFigures {
  requests: { control: number; canary: number };
  /** Hours of canary traffic. */
  hours: number | null;
  error_rate: { control: number | null; canary: number | null };
  /** canary - control. */
  error_rate_increase: Estimate | null;
  /** canary p95 / control p95 - 1. */
  latency_increase: Estimate | null;
  /** control - canary on the primary metric in its better direction (positive = canary worse), with labels. */
  metric_decrease: (Estimate & { metric: MetricName }) | null;
}

/** One bound checked against live evidence. */
export interface BoundCheck {
  name: string;
  bound: number;
  value: number | null;
  interval: [number, number] | null;
  /**
   * met: the interval lies within the bound; broken: wholly beyond it; unsure:
   * neither yet (or its figure needs more data, e.g. labels); unavailable: the
   * logs cannot give the figure (no latency or error column, no predicted
   * classes) and the bound is not checked.
   */
  status: 'met' | 'broken' | 'unsure' | 'unavailable';
}

export type ShadowVerdict = 'pass' | 'fail' | 'insufficient';
export type CanaryVerdict = 'promote' | 'hold' | 'rollback';

/** `tollgate.shadow/v1`. */
export interface ShadowReport {
  schema: typeof SHADOW_REPORT_SCHEMA;
  generated_at: string;
  model?: string;
  stage?: string;
  live: { path: string; rows: number; version: string | null };
  shadow: { path: string; rows: number; version: string | null };
  task: Task;
  threshold: number;
  verdict: ShadowVerdict;
  reasons: string[];
  /** Paired on request id; rows on one side only are counted, not compared. */
  pairing: { pairs: number; live_only: number; shadow_only: number };
  figures: ShadowFigures;
  /** Pairs with the same predicted class, by live class then shadow class (classification). */
  agreement: { rate: number | null; matrix: { live: string; shadow: string; count: number }[] } | null;
  /** Score distribution of the shadow against the live model's (drift engine, raw data on both sides). */
  distribution: DriftReport | null;
  latency: { live: LatencySummary; shadow: LatencySummary } | null;
  /** With labels: shadow (challenger) against live (champion), the evaluation's paired comparison. */
  evaluation: EvaluationReport | null;
  bounds: ShadowBounds;
  checks: BoundCheck[];
  notes: string[];
}

/** One side of a canary. */
export interface CanarySide {
  version: string;
  requests: number;
  errors: number;
  error_rate: Estimate;
  latency: LatencySummary | null;
  /** The primary metric with labels (bootstrap interval). */
  metric: (Estimate & { metric: MetricName; labelled: number }) | null;
  first: string | null;
  last: string | null;
}

/** `tollgate.canary/v1`. */
export interface CanaryReport {
  schema: typeof CANARY_REPORT_SCHEMA;
  generated_at: string;
  model?: string;
  stage?: string;
  log: { path: string; rows: number };
  window: MonitorWindow;
  task: Task;
  verdict: CanaryVerdict;
  reasons: string[];
  control: CanarySide;
  canary: CanarySide;
  /** Requests of other versions in the log (not compared). */
  other_versions: Record<string, number>;
  figures: CanaryFigures;
  bounds: CanaryBounds;
  checks: BoundCheck[];
  notes: string[];
}

/**
 * `tollgate.evidence/v1`: what a promotion PR carries. Small, self-contained
 * and re-judgeable: `figures` are enough for `evidenceMet` to apply a stage's
 * own bounds, whatever bounds the report was produced with.
 */
export type EvidenceRecord =
  | {
      schema: typeof EVIDENCE_SCHEMA;
      kind: 'shadow';
      model: string | null;
      stage: string | null;
      /** The version under test (shadow) and the one serving (live). */
      candidate: string | null;
      baseline: string | null;
      generated_at: string;
      verdict: ShadowVerdict;
      figures: ShadowFigures;
      /** sha256 of the full report's JSON. */
      report_digest: string;
    }
  | {
      schema: typeof EVIDENCE_SCHEMA;
      kind: 'canary';
      model: string | null;
      stage: string | null;
      candidate: string | null;
      baseline: string | null;
      generated_at: string;
      verdict: CanaryVerdict;
      figures: CanaryFigures;
      report_digest: string;
    };
