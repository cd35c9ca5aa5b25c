/**
 * The evaluation policy (the `evaluation:` section of `.github/tollgate.yml`,
 * keys as written in YAML) and the report an evaluation produces (the
 * `evaluation.json` document and `tollgate evaluate --json`).
 */
import type { MetricName, Task } from './metrics/catalog.js';

/** The metric that must improve, and by how much with what confidence. */
export interface PrimaryRule {
  metric: MetricName;
  /** Required improvement in the metric's better direction (default 0). */
  min_delta?: number;
  /** Confidence of the interval whose bound must clear `min_delta` (default: bootstrap.confidence). */
  confidence?: number;
}

/** A metric that may not get worse than allowed; every limit given must hold. */
export interface GuardrailRule {
  metric: MetricName;
  /** challenger - champion may be at most this. */
  max_increase?: number;
  /** champion - challenger may be at most this. */
  max_decrease?: number;
  /** The challenger's value must be at least this. */
  min?: number;
  /** The challenger's value must be at most this. */
  max?: number;
}

export interface SegmentPolicy {
  /** Columns whose values define segments (read from the predictions files). */
  by: string[];
  /** Segments with fewer rows are reported but not gated (default 200). */
  min_rows?: number;
  /** How much worse a segment's metric may be (point estimate, in the metric's worse direction). */
  max_regression: { metric?: MetricName; delta: number };
}

export interface BootstrapPolicy {
  resamples?: number;
  seed?: number;
  /** Confidence level of the intervals shown (default 0.95). */
  confidence?: number;
}

export interface EvaluationPolicy {
  /** Column names in the predictions files (default id, label, score). */
  columns?: { id?: string; label?: string; score?: string };
  /** Inferred from the primary metric when omitted. */
  task?: Task;
  /** Classification: a row is predicted positive when score >= threshold (default 0.5). */
  threshold?: number;
  primary?: PrimaryRule;
  guardrails?: GuardrailRule[];
  segments?: SegmentPolicy;
  /** Absolute floors on the challenger's metrics (always checked; the only gate without a champion). */
  min?: Partial<Record<MetricName, number>>;
  /** Absolute ceilings on the challenger's metrics (losses, errors). */
  max?: Partial<Record<MetricName, number>>;
  bootstrap?: BootstrapPolicy;
}

export type Decision = 'promote' | 'reject';

/** Metric values by name; null where undefined or not computed. */
export type MetricValues = Partial<Record<MetricName, number | null>>;

/** One gated comparison of challenger and champion. */
export interface ComparisonRow {
  metric: MetricName;
  role: 'primary' | 'guardrail';
  higher_is_better: boolean;
  challenger: number;
  champion: number;
  /** challenger - champion. */
  delta: number;
  /** Paired-bootstrap percentile interval of `delta`; null when no resample was defined. */
  ci: [number, number] | null;
  confidence: number;
  /** DeLong's two-sided p-value for ROC AUC; null for other metrics. */
  p_value: number | null;
  /** The rule, in words, e.g. `lower bound of Δ > 0`. */
  rule: string;
  pass: boolean;
}

/** An absolute bound on one of the challenger's metrics. */
export interface ThresholdCheck {
  metric: MetricName;
  bound: 'min' | 'max';
  limit: number;
  value: number | null;
  pass: boolean;
}

export type SegmentStatus = 'pass' | 'regressed' | 'too_few_rows' | 'undefined' | 'no_champion';

export interface SegmentRow {
  /** The column that defines the segment. */
  segment: string;
  /** The column's value; null for rows where it is missing. */
  value: string | null;
  rows: number;
  metric: MetricName;
  metrics: { challenger: number | null; champion: number | null };
  /** challenger - champion; null without a champion or when undefined. */
  delta: number | null;
  status: SegmentStatus;
  /** False only for a gated segment that regressed beyond the limit. */
  pass: boolean;
}

export interface EvaluationReport {
  schema: 'tollgate.evaluation/v1';
  decision: Decision;
  /** `champion`: compared with a champion; `absolute`: no champion, absolute thresholds only. */
  mode: 'champion' | 'absolute';
  task: Task;
  /** Every reason for the decision, failures first. */
  reasons: string[];
  /** Evaluation rows (after the join on id). */
  rows: number;
  threshold: number;
  primary: MetricName;
  metrics: { challenger: MetricValues; champion: MetricValues | null };
  comparison: ComparisonRow[];
  thresholds: ThresholdCheck[];
  segments: SegmentRow[];
  bootstrap: { resamples: number; seed: number; confidence: number };
  /** Ill-defined metrics replaced as scikit-learn does, skipped checks, and the like. */
  warnings: string[];
  inputs: { challenger: string; champion: string | null };
}
