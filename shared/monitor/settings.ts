/**
 * What monitoring is configured with, and the defaults. The shape is the
 * `monitor:` section of `.github/tollgate.yml` after validation (snake_case,
 * as people write it); `shared/config/monitor.ts` validates files into it.
 */
import { FAIL_ON } from '../drift/settings.js';
import type { MetricName, Task } from '../evaluate/index.js';

/** Column roles in a prediction log. */
export const LOG_ROLES = ['id', 'timestamp', 'version', 'score', 'prediction', 'confidence', 'latency', 'error', 'label'] as const;
export type LogRole = (typeof LOG_ROLES)[number];

/** Column names by role; a role left out uses its default name when the log has that column. */
export type LogColumns = Partial<Record<LogRole, string>>;

/** The names looked for when a role is not configured. */
export const DEFAULT_LOG_COLUMNS: Readonly<Record<LogRole, string>> = {
  id: 'request_id',
  timestamp: 'timestamp',
  version: 'model_version',
  score: 'score',
  prediction: 'prediction',
  confidence: 'confidence',
  latency: 'latency_ms',
  error: 'error',
  label: 'label',
};

/** A pair of levels for a value that is bad when high. */
export interface Levels {
  warn: number;
  alert: number;
}

/** The labels file: which column holds the request id and which the label. */
export interface LabelColumns {
  /** Default: the log's id column name. */
  id?: string;
  /** Default `label`. */
  label?: string;
}

export interface ConfidenceSettings {
  /** Scores inside [low, high] are uncertain. */
  band: [number, number];
  /** Rise of the uncertain share over the reference's, in absolute points. */
  uncertain_share: Levels;
  /** Drop of the mean max-class confidence below the reference's. */
  confidence_drop: Levels;
  /** Confidence of the intervals shown beside the tests (default 0.95); the levels come from the tests. */
  confidence?: number;
}

export interface PerformanceSettings {
  /** Metrics watched (default: the evaluation's primary metric). */
  metrics: MetricName[];
  /**
   * How far the window's interval may lie below the reference before an alert,
   * in the metric's units: one number for every metric or one per metric.
   * Default 0.01 for classification metrics, 5% of the reference for regression.
   */
  tolerance?: number | Partial<Record<MetricName, number>>;
  confidence: number;
  resamples: number;
  seed: number;
  /** Fewer labelled rows in the window: insufficient. */
  min_labels: number;
  /** Columns of the log whose values are checked one by one. */
  segments: string[];
  /** Smaller segments are reported, not judged. */
  segment_min_rows: number;
}

/** A service-level objective: the alert bound alone, or both levels. */
export type Slo = number | Levels;

export interface LatencySettings {
  p50?: Slo;
  p95?: Slo;
  p99?: Slo;
  /** Share of requests that failed. */
  error_rate?: Slo;
  /** Confidence of the intervals that decide an alert. */
  confidence: number;
}

export interface VolumeSettings {
  /** The period the ranges count requests per (`1h`, `1d`). */
  per: string;
  /** Requests per period outside [low, high]: warn. */
  warn?: [number, number];
  /** Outside [low, high]: alert. */
  alert?: [number, number];
  /** Confidence of the count's exact Poisson interval that decides an alert (default 0.95). */
  confidence?: number;
}

/** The confidence of the volume and confidence signals' intervals when none is configured. */
export const DEFAULT_INTERVAL_CONFIDENCE = 0.95;

/** What shadow traffic must show before a stage accepts it as evidence. */
export interface ShadowBounds {
  /** Paired requests (on request id). */
  min_requests: number;
  /** Hours between the first and the last paired request. */
  min_hours: number;
  /** Share of paired requests whose predicted class differs. */
  max_disagreement?: number;
  max_mean_abs_diff?: number;
  min_correlation?: number;
  /** Relative rise of p95 latency (0.2 = at most 20% slower). */
  max_latency_increase?: number;
  /** How much the primary metric may drop (with labels). */
  max_metric_decrease?: number;
  confidence: number;
}

/** What a canary must show, and when it is rolled back. */
export interface CanaryBounds {
  /** Canary requests. */
  min_requests: number;
  /** Hours of canary traffic. */
  min_hours: number;
  /** Canary error rate minus the control's. */
  max_error_rate_increase: number;
  /** Relative rise of p95 latency over the control's. */
  max_latency_increase?: number;
  /** How much the primary metric may drop against the control's (with labels). */
  max_metric_decrease?: number;
  confidence: number;
}

export const SIGNAL_NAMES = ['drift', 'prediction', 'confidence', 'performance', 'latency', 'volume'] as const;
/** A monitoring signal: feature drift, prediction drift, confidence, performance, latency, volume. */
export type SignalName = (typeof SIGNAL_NAMES)[number];

/** When a scheduled check dispatches the training workflow. */
export interface RetrainSettings {
  /** The level of a signal that triggers (alert, or warn and above). */
  on: 'warn' | 'alert';
  signals: SignalName[];
  /** At most one dispatch per this long (`7d`). */
  cooldown: string;
}

export const FAIL_LEVELS = FAIL_ON;

/** The validated `monitor:` section. */
export interface MonitorSettings {
  columns: LogColumns;
  /** Feature columns checked for drift (default: every reference column the log has that is not a role column). */
  features?: string[];
  labels: LabelColumns;
  /** Default: the evaluation's task, else classification. */
  task?: Task;
  /** Classification: predicted positive when score >= threshold (default: the evaluation's, else 0.5). */
  threshold?: number;
  /** The default window (`24h`) when a command gives none. */
  window?: string;
  fail_on: (typeof FAIL_LEVELS)[number];
  /** Signals not run. */
  disable: SignalName[];
  confidence: ConfidenceSettings;
  performance: PerformanceSettings;
  latency: LatencySettings;
  volume?: VolumeSettings;
  shadow: ShadowBounds;
  canary: CanaryBounds;
  retrain?: RetrainSettings;
}

export const DEFAULT_CONFIDENCE: ConfidenceSettings = {
  band: [0.4, 0.6],
  uncertain_share: { warn: 0.05, alert: 0.1 },
  confidence_drop: { warn: 0.03, alert: 0.06 },
  confidence: DEFAULT_INTERVAL_CONFIDENCE,
};

export const DEFAULT_PERFORMANCE: PerformanceSettings = {
  metrics: [],
  confidence: 0.95,
  resamples: 1000,
  seed: 20240601,
  min_labels: 200,
  segments: [],
  segment_min_rows: 200,
};

/** Tolerance when none is configured: absolute for classification, relative to the reference for regression. */
export const DEFAULT_TOLERANCE = { classification: 0.01, regressionShare: 0.05 } as const;

export const DEFAULT_SHADOW: ShadowBounds = { min_requests: 1000, min_hours: 24, max_disagreement: 0.05, confidence: 0.95 };

export const DEFAULT_CANARY: CanaryBounds = { min_requests: 1000, min_hours: 1, max_error_rate_increase: 0.005, max_latency_increase: 0.2, confidence: 0.95 };

/** The settings of an empty `monitor:` section. */
export function defaultMonitorSettings(): MonitorSettings {
  return {
    columns: {},
    labels: {},
    fail_on: 'alert',
    disable: [],
    confidence: structuredClone(DEFAULT_CONFIDENCE),
    performance: structuredClone(DEFAULT_PERFORMANCE),
    latency: { confidence: 0.95 },
    shadow: { ...DEFAULT_SHADOW },
    canary: { ...DEFAULT_CANARY },
  };
}

/** The warn and alert bounds of an SLO (a bare number is the alert bound, and warns as well). */
export function sloLevels(slo: Slo): Levels {
  return typeof slo === 'number' ? { warn: slo, alert: slo } : slo;
}
