/**
 * A strict reader for `drift-report.json` (`tollgate.drift/v1`) as it arrives
 * from a workflow artifact: untrusted bytes, validated field by field before
 * anything is rendered or decided. Every field the bot reads must be present
 * with its type; fields this version does not know are dropped (v1 only ever
 * adds fields, so an older bot still reads a newer report). Names are bounded
 * so a hostile report cannot blow up an issue body.
 */
import { z } from 'zod';
import { COLUMN_TYPES, type ColumnType } from '../data/types.js';
import { DRIFT_PRESETS, DRIFT_REPORT_SCHEMA, DRIFT_TESTS, type DriftReport } from '../drift/index.js';
import { SIGNAL_NAMES, type SignalName } from '../monitor/settings.js';
import { MONITOR_REPORT_SCHEMA } from '../monitor/types.js';
import { isStageName, normalizeModelName } from '../promotion/names.js';

const MAX_COLUMNS = 10_000;
const text = z.string().max(10_000);
const name = z.string().max(1_000);
const num = z.number();
const nullableNum = z.number().nullable();
const driftLevel = z.enum(['none', 'warn', 'alert']);
const reportLevel = z.enum(['none', 'warn', 'alert', 'insufficient']);
const pair = z.tuple([num, num]);

const binShare = z.object({ label: name, reference: num, current: num, share_of_psi: num });
const column = z.object({
  name,
  type: z.enum(COLUMN_TYPES as readonly ColumnType[] as [ColumnType, ...ColumnType[]]),
  kind: z.enum(['continuous', 'discrete', 'categorical', 'boolean']),
  test: z.enum(DRIFT_TESTS),
  statistic: nullableNum,
  p_value: nullableNum,
  q_value: nullableNum,
  psi: nullableNum,
  psi_noise: nullableNum,
  effect: nullableNum,
  values: z.object({ reference: num, current: num }),
  null_share: z.object({ reference: num, current: num, p_value: nullableNum, q_value: nullableNum, level: driftLevel }),
  new_categories: z
    .object({ count: num, share: num, values: z.array(z.object({ value: name, count: num })).max(100), p_value: nullableNum, level: driftLevel })
    .nullable(),
  distribution_level: driftLevel,
  level: reportLevel,
  drifted: z.boolean(),
  reasons: z.array(text).max(50),
  attribution: z.object({ summary: text, bins: z.array(binShare).max(1_000) }).nullable(),
  importance: num,
  center: z.object({ label: name, reference: nullableNum, current: nullableNum }).nullable(),
  evidently: z
    .object({
      test: z.enum(['ks', 'chisquare', 'z', 'wasserstein', 'jensenshannon']),
      score: num,
      threshold: num,
      drifted: z.boolean(),
      approximate: z.boolean(),
    })
    .nullable(),
  notes: z.array(text).max(50),
});

const levels = z.object({ warn: num, alert: num });

/** The `tollgate.drift/v1` report, validated. */
export const driftReportSchema = z.object({
  schema: z.literal(DRIFT_REPORT_SCHEMA),
  generated_at: z.string().refine((value) => Number.isFinite(Date.parse(value)), 'expected an ISO 8601 time'),
  model: z.string().refine((value) => normalizeModelName(value) === value, 'expected a model name').optional(),
  stage: z.string().refine(isStageName, 'expected a stage name').optional(),
  reference: z.object({ kind: z.enum(['data', 'profile']), path: text.nullable(), digest: text.nullable(), rows: num }),
  current: z.object({ path: text.nullable(), rows: num }),
  preset: z.enum(DRIFT_PRESETS),
  level: reportLevel,
  drift: z.boolean(),
  reasons: z.array(text).max(100),
  rows: z.object({ reference: num, current: num }),
  row_ratio: z.object({ value: nullableNum, level: driftLevel }),
  columns: z.array(column).max(MAX_COLUMNS),
  share_drifted: num,
  evidently_share_drifted: nullableNum,
  evidently_drift: z.boolean(),
  excluded: z.array(z.object({ name, reason: z.enum(['id-like', 'config']), detail: text })).max(MAX_COLUMNS),
  insufficient: z.array(name).max(MAX_COLUMNS),
  missing_columns: z.array(name).max(MAX_COLUMNS),
  added_columns: z.array(name).max(MAX_COLUMNS),
  segments: z
    .array(
      z.object({
        column: name,
        by: name,
        values: z.array(z.object({ value: name, share_of_psi: num, psi: nullableNum, rows: z.object({ reference: nullableNum, current: num }) })).max(100),
      }),
    )
    .max(MAX_COLUMNS),
  notes: z.array(text).max(100),
  thresholds: z.object({
    significance: num,
    psi: levels,
    null_share: levels,
    new_categories: levels,
    row_ratio: z.union([z.literal(false), z.object({ warn: pair, alert: pair })]),
    min_rows: num,
    id_distinct_share: num,
    alert_importance: num,
    alert_share: num,
    evidently_drift_share: num,
  }),
});

// The schema's output and the engine's report type must stay the same shape.
const sameShape: (report: z.output<typeof driftReportSchema>) => DriftReport = (report) => report;
const sameShapeBack: (report: DriftReport) => z.output<typeof driftReportSchema> = (report) => report;
void sameShape;
void sameShapeBack;

/** Why a report was refused. */
export interface DriftReportProblem {
  /** `schema`: a different or missing `schema` field; `invalid`: a field is missing or has the wrong type. */
  kind: 'schema' | 'invalid';
  message: string;
}

/** Validates a parsed `drift-report.json`; a problem says what is wrong and where. */
export function parseDriftReport(value: unknown): { ok: true; report: DriftReport } | { ok: false; problem: DriftReportProblem } {
  const declared = (value as { schema?: unknown } | null)?.schema;
  if (declared !== DRIFT_REPORT_SCHEMA) {
    const message =
      typeof declared === 'string'
        ? `its "schema" is ${JSON.stringify(declared.slice(0, 80))}; this Tollgate reads ${DRIFT_REPORT_SCHEMA}`
        : `it has no "schema": "${DRIFT_REPORT_SCHEMA}" field (is it a Tollgate drift report?)`;
    return { ok: false, problem: { kind: 'schema', message } };
  }
  const result = driftReportSchema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 3).map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
    const more = result.error.issues.length > 3 ? ` (and ${result.error.issues.length - 3} more)` : '';
    return { ok: false, problem: { kind: 'invalid', message: `it does not match ${DRIFT_REPORT_SCHEMA}: ${issues.join('; ')}${more}` } };
  }
  return { ok: true, report: result.data };
}

/** One monitoring signal as the drift issue shows it. */
export interface IncidentSignal {
  signal: SignalName;
  level: 'none' | 'warn' | 'alert' | 'insufficient' | 'off';
  summary: string;
  reasons: string[];
}

const signalSchema = z.object({
  signal: z.enum(SIGNAL_NAMES),
  level: z.enum(['none', 'warn', 'alert', 'insufficient', 'off']),
  summary: text,
  reasons: z.array(text).max(50),
});

/**
 * `tollgate.monitor/v1` as the incident lifecycle reads it: the drift-report
 * fields it extends, plus the signals (their checks and segments are dropped).
 */
export const monitorReportSchema = driftReportSchema.extend({
  schema: z.literal(MONITOR_REPORT_SCHEMA),
  signals: z.array(signalSchema).max(SIGNAL_NAMES.length * 4),
});

/**
 * A report the drift-issue lifecycle can use: the drift view (a monitor
 * report's drift-report fields, so the lifecycle has one code path) and, for
 * a monitor report, its signals.
 */
export interface IncidentReport {
  report: DriftReport;
  /** Null for a plain drift report. */
  signals: IncidentSignal[] | null;
}

/** Validates a parsed `drift-report.json` or `monitor-report.json`. */
export function parseIncidentReport(value: unknown): { ok: true; read: IncidentReport } | { ok: false; problem: DriftReportProblem } {
  const declared = (value as { schema?: unknown } | null)?.schema;
  if (declared !== MONITOR_REPORT_SCHEMA) {
    const parsed = parseDriftReport(value);
    return parsed.ok ? { ok: true, read: { report: parsed.report, signals: null } } : parsed;
  }
  const result = monitorReportSchema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 3).map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
    const more = result.error.issues.length > 3 ? ` (and ${result.error.issues.length - 3} more)` : '';
    return { ok: false, problem: { kind: 'invalid', message: `it does not match ${MONITOR_REPORT_SCHEMA}: ${issues.join('; ')}${more}` } };
  }
  const { signals, ...fields } = result.data;
  return { ok: true, read: { report: { ...fields, schema: DRIFT_REPORT_SCHEMA }, signals } };
}
