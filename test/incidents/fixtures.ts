/**
 * Drift reports and incident issues for tests: a report is built from a list
 * of columns with their levels, shaped exactly like `tollgate.drift/v1`.
 */
import type { DriftColumnReport, DriftReport, ReportLevel } from '../../shared/drift/index.js';
import { DEFAULT_THRESHOLDS } from '../../shared/drift/index.js';
import { incidentPolicy, defaultIncidentsConfig, type IncidentIssue, type IncidentState, type RunLevel, type RunRecord } from '../../shared/incidents/index.js';

export const T0 = Date.parse('2026-03-02T06:00:00Z');
export const DAY = 86_400_000;
/** ISO time `days` after T0. */
export const day = (days: number) => new Date(T0 + days * DAY).toISOString();

export const KEY = 'drift#churn#production#drift';
export const POLICY = incidentPolicy(defaultIncidentsConfig());

/** One column of a report at `level` (warn/alert columns drifted, with attribution). */
export function column(name: string, level: ReportLevel = 'none', overrides: Partial<DriftColumnReport> = {}): DriftColumnReport {
  const drifted = level === 'warn' || level === 'alert';
  const psi = level === 'alert' ? 0.41 : level === 'warn' ? 0.17 : 0.012;
  return {
    name,
    type: 'float',
    kind: 'continuous',
    test: 'chisquare',
    statistic: drifted ? 96.2 : 4.1,
    p_value: drifted ? 1.2e-9 : 0.61,
    q_value: drifted ? 2.4e-8 : 0.8,
    psi,
    psi_noise: 0.018,
    effect: psi - 0.018,
    values: { reference: 5000, current: 1000 },
    null_share: { reference: 0.01, current: level === 'alert' ? 0.04 : 0.01, p_value: 0.3, q_value: 0.5, level: 'none' },
    new_categories: null,
    distribution_level: drifted ? level : 'none',
    level,
    drifted,
    reasons: drifted ? [`PSI ${psi} minus noise 0.018 is at or above ${level === 'alert' ? 0.25 : 0.1}; q-value 2.4e-8`] : [],
    attribution: {
      summary: drifted ? `78% of the PSI from values above p90 (> 162.3): 24.1% of current vs 10.0% of reference` : 'no bin stands out',
      bins: [
        { label: '≤ p10 (≤ 12.5)', reference: 0.1, current: 0.06, share_of_psi: 0.08 },
        { label: 'p10–p50 (12.5 to 40]', reference: 0.4, current: 0.35, share_of_psi: 0.04 },
        { label: 'p50–p90 (40 to 162.3]', reference: 0.4, current: 0.349, share_of_psi: 0.1 },
        { label: '> p90 (> 162.3)', reference: 0.1, current: 0.241, share_of_psi: 0.78 },
      ],
    },
    importance: 0.25,
    center: { label: 'mean', reference: 61.2, current: 88.4 },
    evidently: { test: 'wasserstein', score: drifted ? 0.4 : 0.02, threshold: 0.1, drifted, approximate: false },
    notes: [],
    ...overrides,
  };
}

/** A report whose level follows its columns' worst level (or `level`). */
export function driftReport(columns: DriftColumnReport[], overrides: Partial<DriftReport> = {}): DriftReport {
  const worst = columns.some((entry) => entry.level === 'alert') ? 'alert' : columns.some((entry) => entry.level === 'warn') ? 'warn' : 'none';
  const level = overrides.level ?? worst;
  const drifted = columns.filter((entry) => entry.drifted).length;
  return {
    schema: 'tollgate.drift/v1',
    generated_at: '2026-03-02T06:00:00.000Z',
    model: 'churn',
    stage: 'production',
    reference: { kind: 'profile', path: 'profile.json', digest: `sha256:${'ab'.repeat(32)}`, rows: 5000 },
    current: { path: 'data/today.csv', rows: 1000 },
    preset: 'default',
    level,
    drift: level === 'warn' || level === 'alert',
    reasons: level === 'alert' ? [`${columns.filter((entry) => entry.level === 'alert').length} columns at alert`] : [],
    rows: { reference: 5000, current: 1000 },
    row_ratio: { value: 0.2, level: 'none' },
    columns,
    share_drifted: columns.length === 0 ? 0 : drifted / columns.length,
    evidently_share_drifted: 0.1,
    evidently_drift: false,
    excluded: [],
    insufficient: [],
    missing_columns: [],
    added_columns: [],
    segments: [],
    notes: [],
    thresholds: structuredClone(DEFAULT_THRESHOLDS),
    ...overrides,
  };
}

/** Twenty columns, `alerts` of them at alert and `warns` at warn. */
export function reportWith(alerts: number, warns = 0, overrides: Partial<DriftReport> = {}): DriftReport {
  const columns = Array.from({ length: 20 }, (_, index) => column(`feature_${String(index + 1).padStart(2, '0')}`, index < alerts ? 'alert' : index < alerts + warns ? 'warn' : 'none'));
  return driftReport(columns, overrides);
}

/** A history entry. */
export function run(id: number, level: RunLevel, days: number, digest = level === 'none' ? '0000000000000000' : 'aaaaaaaaaaaaaaaa'): RunRecord {
  return { run: id, level, at: day(days), digest };
}

/** A state with these runs. */
export function state(runs: RunRecord[], overrides: Partial<IncidentState> = {}): IncidentState {
  return { key: KEY, runs, commented: null, snoozedUntil: null, snoozedBy: null, workflow: null, ...overrides };
}

/** An issue carrying the key. */
export function issue(number: number, overrides: Partial<IncidentIssue> = {}): IncidentIssue {
  return {
    number,
    state: 'open',
    stateReason: null,
    createdAt: day(0),
    closedAt: null,
    labels: ['tollgate:drift', 'model:churn', 'severity:alert'],
    incident: state([]),
    ...overrides,
  };
}
