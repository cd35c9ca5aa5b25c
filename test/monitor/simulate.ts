/**
 * Seeded prediction logs built in memory (no files), their baseline profiles
 * and reference evaluations, for the monitoring simulations; and CSV text of
 * the same logs for the command-line tests.
 */
import type { Field } from '../../shared/data/index.js';
import type { LoadedColumn } from '../../shared/drift/index.js';
import { evaluateRows, type EvaluationReport } from '../../shared/evaluate/index.js';
import { columnsSource, type LogView } from '../../shared/monitor/index.js';
import { ProfileBuilder, freezeBins, type Profile } from '../../shared/profile/index.js';
import { createRng, type Rng } from '../../shared/stats/index.js';

export const START = Date.parse('2024-06-01T00:00:00Z');
export const HOUR = 3_600_000;

export interface LogSpec {
  rows: number;
  seed: number;
  /** Request ids are `${idPrefix}${i}` (default `r`). */
  idPrefix?: string;
  /** First request time and the spacing of requests (default: START, 24 h spread evenly). */
  start?: number;
  spanMs?: number;
  /** Versions per row (default all `v1.0.0`). */
  version?: (i: number, rng: Rng) => string;
  /** Binormal separation of the two classes (AUC = Φ(separation / √2)); default 1.19 (AUC 0.80). */
  separation?: number;
  /** Share of positives (default 0.3). */
  positives?: number;
  /** Shift of every score's logit (prediction drift). */
  logitShift?: number;
  /** Multiplies every logit (below 1: scores crowd towards 0.5). */
  logitScale?: number;
  /** Median latency in ms (log-normal, sigma 0.5; default 40). */
  latencyMedian?: number;
  /** Error probability per request (default 0.01). */
  errorRate?: number;
  /** Shift of the `tenure` feature, in standard deviations. */
  featureShift?: number;
  /** Include a label column (default false). */
  labels?: boolean;
}

function numberColumn(name: string, values: Float64Array, type: 'float' | 'datetime' | 'integer' = 'float'): LoadedColumn {
  const nulls = new Uint8Array(values.length);
  let missing = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] !== values[i]) {
      nulls[i] = 1;
      missing++;
    }
  }
  return { name, kind: 'number', type, nulls, values, missing, invalidCount: 0 };
}

function stringColumn(name: string, texts: string[], type: 'string' | 'category' = 'string'): LoadedColumn {
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(texts.length);
  texts.forEach((text, i) => {
    let code = index.get(text);
    if (code === undefined) {
      code = dictionary.length;
      dictionary.push(text);
      index.set(text, code);
    }
    codes[i] = code;
  });
  return { name, kind: 'string', type, nulls: new Uint8Array(texts.length), codes, dictionary, missing: 0, invalidCount: 0 };
}

function booleanColumn(name: string, values: Uint8Array): LoadedColumn {
  return { name, kind: 'boolean', type: 'boolean', nulls: new Uint8Array(values.length), values, missing: 0, invalidCount: 0 };
}

/** A prediction log: request_id, timestamp, model_version, score, latency_ms, error, tenure, plan [, label]. */
export function makeLog(spec: LogSpec, path = 'sim.csv'): LogView {
  const rng = createRng(spec.seed);
  const n = spec.rows;
  const start = spec.start ?? START;
  const span = spec.spanMs ?? 24 * HOUR;
  const separation = spec.separation ?? 1.19;
  const positives = spec.positives ?? 0.3;
  const ids: string[] = [];
  const versions: string[] = [];
  const plans: string[] = [];
  const times = new Float64Array(n);
  const scores = new Float64Array(n);
  const labels = new Float64Array(n);
  const latency = new Float64Array(n);
  const errors = new Uint8Array(n);
  const tenure = new Float64Array(n);
  const planNames = ['basic', 'standard', 'premium'];
  for (let i = 0; i < n; i++) {
    ids.push(`${spec.idPrefix ?? 'r'}${i}`);
    times[i] = start + Math.floor((i * span) / n);
    versions.push(spec.version ? spec.version(i, rng) : 'v1.0.0');
    const label = rng.next() < positives ? 1 : 0;
    labels[i] = label;
    const logit = ((rng.normal() + separation * label - 1.0) * (spec.logitScale ?? 1)) + (spec.logitShift ?? 0);
    scores[i] = Math.round(1e6 / (1 + Math.exp(-logit))) / 1e6;
    latency[i] = Math.round((spec.latencyMedian ?? 40) * Math.exp(0.5 * rng.normal()) * 10) / 10;
    errors[i] = rng.next() < (spec.errorRate ?? 0.01) ? 1 : 0;
    tenure[i] = 24 + 10 * (rng.normal() + (spec.featureShift ?? 0));
    plans.push(planNames[rng.nextInt(3)]);
  }
  const columns: LoadedColumn[] = [
    stringColumn('request_id', ids),
    numberColumn('timestamp', times, 'datetime'),
    stringColumn('model_version', versions, 'category'),
    numberColumn('score', scores),
    numberColumn('latency_ms', latency),
    booleanColumn('error', errors),
    numberColumn('tenure', tenure),
    stringColumn('plan', plans, 'category'),
  ];
  if (spec.labels) columns.push(numberColumn('label', labels, 'integer'));
  const fields: Field[] = columns.map((column) => ({ name: column.name, type: column.type }));
  const roles = { id: 'request_id', timestamp: 'timestamp', version: 'model_version', score: 'score', latency: 'latency_ms', error: 'error', ...(spec.labels ? { label: 'label' } : {}) };
  return { path, rows: n, schema: { fields }, columns, roles, timestamps: times, lines: null };
}

/** One log of a canary release: `control` requests served by v1.4.0 and `canary` by v1.5.0, interleaved in time. */
export function mixedLog(control: number, canary: number, spec: Partial<LogSpec> & { canaryErrorRate?: number; canaryLatency?: number; canarySeparation?: number } = {}): LogView {
  const rows = control + canary;
  const a = makeLog({ rows, seed: 61, labels: true, ...spec, version: () => 'v1.4.0' });
  const b = makeLog({ rows, seed: 62, labels: true, ...spec, errorRate: spec.canaryErrorRate ?? spec.errorRate, latencyMedian: spec.canaryLatency ?? spec.latencyMedian, separation: spec.canarySeparation ?? spec.separation });
  // Every (rows / canary)-th request goes to the canary: its scores, labels, latency and errors come from log b.
  const step = rows / canary;
  const isCanary = (i: number) => Math.floor(i / step) !== Math.floor((i + 1) / step);
  for (const column of a.columns) {
    const other = b.columns.find((entry) => entry.name === column.name);
    if (column.kind === 'string' || !other || other.kind === 'string' || column.name === 'timestamp') continue;
    for (let i = 0; i < rows; i++) if (isCanary(i)) column.values[i] = other.values[i];
  }
  const version = a.columns.find((column) => column.name === 'model_version');
  if (version?.kind === 'string') {
    version.dictionary.push('v1.5.0');
    for (let i = 0; i < rows; i++) if (isCanary(i)) version.codes[i] = version.dictionary.length - 1;
  }
  return a;
}

/** The labels of a log made with `labels: true`, by request id. */
export function labelsOf(view: LogView): Map<string, number> {
  const ids = view.columns.find((column) => column.name === 'request_id');
  const labels = view.columns.find((column) => column.name === 'label');
  if (!ids || ids.kind !== 'string' || !labels || labels.kind !== 'number') throw new Error('log has no labels');
  const out = new Map<string, number>();
  for (let i = 0; i < view.rows; i++) out.set(ids.dictionary[ids.codes[i]], labels.values[i]);
  return out;
}

/** A drift baseline of some columns of a log: profiled, bins frozen, profiled again with exact bin counts. */
export async function baselineOf(view: LogView, names: string[]): Promise<Profile> {
  const fields = view.schema.fields.filter((field) => names.includes(field.name));
  const columns = fields.map((field) => view.columns.find((column) => column.name === field.name) as LoadedColumn);
  const profileWith = async (bins?: ReturnType<typeof freezeBins>) => {
    const builder = new ProfileBuilder({ schema: { fields }, bins });
    for await (const batch of columnsSource({ fields }, columns, view.rows)) builder.add(batch);
    return builder.finish();
  };
  return profileWith(freezeBins(await profileWith()));
}

/** The evaluation a version would carry: its own metrics on a labelled sample. */
export function evaluationOf(view: LogView): EvaluationReport {
  const labels = view.columns.find((column) => column.name === 'label');
  const scores = view.columns.find((column) => column.name === 'score');
  if (!labels || labels.kind !== 'number' || !scores || scores.kind !== 'number') throw new Error('log has no labels');
  return evaluateRows({ ids: [], labels: labels.values, challenger: scores.values, champion: undefined, segments: [], sources: { challenger: view.path, champion: null } }, { bootstrap: { resamples: 100 } });
}

/** CSV text of a log (for the command-line tests). */
export function toCsv(view: LogView): string {
  const header = view.columns.map((column) => column.name).join(',');
  const lines = [header];
  for (let i = 0; i < view.rows; i++) {
    lines.push(
      view.columns
        .map((column) => {
          if (column.nulls[i] === 1) return '';
          if (column.kind === 'string') return column.dictionary[column.codes[i]];
          if (column.kind === 'boolean') return column.values[i] === 1 ? 'true' : 'false';
          return column.type === 'datetime' ? new Date(column.values[i]).toISOString() : String(column.values[i]);
        })
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
