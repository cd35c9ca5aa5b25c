/**
 * The drift check: reference (raw data, or a baseline profile) against the
 * current data, column by column, into a {@link DriftReport}.
 *
 * Raw reference: both tables are loaded; each numeric column is radix-sorted
 * once per side and the sorted arrays serve KS, the reference deciles, the
 * bin counts and Wasserstein. Baseline profile: the current data is streamed
 * once into a profile built on the baseline's frozen bins, so memory does not
 * grow with the reference and time is linear in the current data; numeric
 * significance is the two-sample chi-square on those exact bin counts.
 */
import type { Column, ColumnType, Schema } from '../data/types.js';
import { InputError } from '../errors/index.js';
import { ProfileBuilder, type ColumnProfile, type FrozenBins, type Profile } from '../profile/index.js';
import { analyzeColumn, type AnalysisContext, type ColumnAnalysis } from './analyze-column.js';
import { frozenBinsOf } from './baseline.js';
import { MAX_VALUE_BINS, pooledCategories } from './categories.js';
import type { ColumnInput, PsiBins } from './column-input.js';
import { datasetVerdict, decideColumns, resolveImportance, rowRatioLevel } from './decide.js';
import { loadTable, type LoadedTable, type TableSource } from './load-table.js';
import { profileColumnInput } from './profile-inputs.js';
import { rawColumnInput, type BuiltInput } from './raw-inputs.js';
import { SegmentTally, binnerFor, segmentDrivers, type Binner } from './segments.js';
import { defaultDriftSettings, type DriftSettings } from './settings.js';
import { DRIFT_REPORT_SCHEMA, type DriftReport, type ExcludedColumn, type SegmentDrivers } from './types.js';

/** CPU usage when the compute phase of a timed run began. */
const cpuAtComputeStart = new WeakMap<DriftTimings, NodeJS.CpuUsage>();

/** What the current data is compared with. */
export type DriftReference =
  | { kind: 'data'; source: TableSource; path?: string }
  | { kind: 'profile'; profile: Profile; path?: string; digest?: string };

export interface DriftOptions {
  /** The validated `drift:` settings (defaults when omitted). */
  settings?: DriftSettings;
  /** The file the settings came from, for error messages. */
  configFile?: string;
  /** Raw reference only: bins to use instead of the reference's own deciles (e.g. a baseline's). */
  bins?: FrozenBins;
  /** Where the current data came from (for the report and messages). */
  currentPath?: string;
  model?: string;
  stage?: string;
  /** The report's timestamp (default: now). */
  now?: Date;
  /** Filled with wall-clock milliseconds per phase (benchmarks): reading the data, and everything after. */
  timings?: DriftTimings;
}

export interface DriftTimings {
  /** Raw reference: loading both tables; profile reference: streaming the current data into its profile. */
  loadMs?: number;
  /** Sorting, bins, tests, decisions and the report. */
  computeMs?: number;
  /** CPU time (user + system) of the process during the compute phase. */
  computeCpuMs?: number;
}

/**
 * The types to read the current data with, from the reference's: integers
 * are read as floats so a fractional value is a value, not an unreadable one.
 */
export function currentReadTypes(fields: readonly { name: string; type: ColumnType }[]): Record<string, ColumnType> {
  return Object.fromEntries(fields.map((field) => [field.name, field.type === 'integer' ? 'float' : field.type]));
}

interface Prepared {
  inputs: ColumnInput[];
  excluded: ExcludedColumn[];
  rows: { reference: number; current: number };
  missing: string[];
  added: string[];
  /** Segment drivers for the columns that drifted (decided later). */
  segments: (drifted: ColumnInput[]) => SegmentDrivers[];
}

function schemaDifferences(referenceNames: readonly string[], current: Schema): { missing: string[]; added: string[] } {
  const currentNames = new Set(current.fields.map((field) => field.name));
  const referenceSet = new Set(referenceNames);
  return {
    missing: referenceNames.filter((name) => !currentNames.has(name)),
    added: current.fields.map((field) => field.name).filter((name) => !referenceSet.has(name)),
  };
}

function checkSegmentColumns(settings: DriftSettings, current: Schema, currentPath: string | undefined): void {
  for (const by of settings.segment_by) {
    if (!current.fields.some((field) => field.name === by)) {
      throw new InputError(currentPath ? { file: currentPath } : undefined, `segment_by column ${JSON.stringify(by)} is not in the current data (columns: ${current.fields.map((f) => f.name).join(', ')})`);
    }
  }
}

function exclusionFor(name: string, settings: DriftSettings): ExcludedColumn | null {
  return settings.columns[name]?.exclude === true ? { name, reason: 'config', detail: 'excluded by the configuration' } : null;
}

function wrapTypeMismatch(build: () => BuiltInput, path: string | undefined): BuiltInput {
  try {
    return build();
  } catch (error) {
    if (error instanceof RangeError) throw new InputError(path ? { file: path } : undefined, error.message, { cause: error });
    throw error;
  }
}

/**
 * Pairs each reference column with the current column of the same name (a
 * column on one side only is reported as missing or added elsewhere) and
 * builds its input, or records why it is excluded.
 */
function matchColumns<C extends { name: string }, O>(
  referenceColumns: readonly C[],
  current: ReadonlyMap<string, O>,
  settings: DriftSettings,
  currentPath: string | undefined,
  build: (column: C, other: O) => BuiltInput,
): { inputs: ColumnInput[]; excluded: ExcludedColumn[] } {
  const inputs: ColumnInput[] = [];
  const excluded: ExcludedColumn[] = [];
  for (const column of referenceColumns) {
    const other = current.get(column.name);
    if (other === undefined) continue;
    const configured = exclusionFor(column.name, settings);
    if (configured) {
      excluded.push(configured);
      continue;
    }
    const built = wrapTypeMismatch(() => build(column, other), currentPath);
    if ('excluded' in built) excluded.push(built.excluded);
    else inputs.push(built.input);
  }
  return { inputs, excluded };
}

async function prepareRaw(source: TableSource, current: TableSource, settings: DriftSettings, options: DriftOptions): Promise<Prepared> {
  for (const by of settings.segment_by) {
    if (!source.schema.fields.some((field) => field.name === by)) {
      throw new InputError(undefined, `segment_by column ${JSON.stringify(by)} is not in the reference data, so its segments cannot be compared`);
    }
  }
  const started = performance.now();
  const reference = await loadTable(source);
  const currentTable = await loadTable(current);
  if (options.timings) {
    options.timings.loadMs = performance.now() - started;
    cpuAtComputeStart.set(options.timings, process.cpuUsage());
  }
  const byName = new Map(currentTable.columns.map((column) => [column.name, column]));
  const { missing, added } = schemaDifferences(
    reference.columns.map((column) => column.name),
    current.schema,
  );
  const keepRows = settings.segment_by.length > 0;
  const scratch = new Float64Array(Math.max(reference.rows, currentTable.rows));
  const { inputs, excluded } = matchColumns(reference.columns, byName, settings, options.currentPath, (column, other) =>
    rawColumnInput(column, other, {
      frozen: options.bins?.[column.name],
      sortInPlace: !keepRows,
      idDistinctShare: settings.thresholds.id_distinct_share,
      minRows: settings.thresholds.min_rows,
      forceInclude: settings.columns[column.name]?.exclude === false,
      scratch,
    }),
  );
  const segments = (drifted: ColumnInput[]): SegmentDrivers[] => {
    if (!keepRows || drifted.length === 0) return [];
    const binners = new Map<string, { binner: Binner; bins: number }>();
    for (const input of drifted) if (input.bins) binners.set(input.name, { binner: binnerFor(input.bins), bins: fullWidth(input.bins) });
    const tally = new SegmentTally(settings.segment_by, binners);
    tally.add(asBatch(currentTable), 'current');
    tally.add(asBatch(reference), 'reference');
    return collectDrivers(drifted, settings, tally, true);
  };
  return { inputs, excluded, rows: { reference: reference.rows, current: currentTable.rows }, missing, added, segments };
}

function asBatch(table: LoadedTable): { rowOffset: number; length: number; columns: Column[] } {
  return { rowOffset: 0, length: table.rows, columns: table.columns };
}

/** Bins a binner writes: the listed values plus the (other) slot, which comes last. */
function fullWidth(bins: PsiBins): number {
  return bins.kind === 'edges' ? bins.edges.length + 1 : bins.values.length + 1;
}

function collectDrivers(drifted: ColumnInput[], settings: DriftSettings, tally: SegmentTally, withReferenceSegments: boolean): SegmentDrivers[] {
  const out: SegmentDrivers[] = [];
  for (const input of drifted) {
    if (!input.bins) continue;
    for (const by of settings.segment_by) {
      if (by === input.name) continue;
      const drivers = segmentDrivers(input.name, by, input.bins, tally, withReferenceSegments, settings.thresholds.min_rows);
      if (drivers) out.push(drivers);
    }
  }
  return out;
}

/** The bins a baseline column will be compared on, known before the current data is read (for segment counts). */
function prospectiveBins(column: ColumnProfile): PsiBins | null {
  const empty = { reference: [], current: [] };
  if (column.kind === 'number') {
    if (column.bins === null) return null;
    return column.bins.kind === 'edges'
      ? { kind: 'edges', edges: column.bins.edges, values: [], counts: empty, otherIndex: -1 }
      : { kind: 'values', edges: [], values: column.bins.values, counts: empty, otherIndex: column.bins.values.length };
  }
  if (column.kind === 'boolean') return { kind: 'values', edges: [], values: [false, true], counts: empty, otherIndex: 2 };
  const counts = column.exactCounts ?? { values: (column.top?.items ?? []).map((item) => item.value), counts: (column.top?.items ?? []).map((item) => item.count) };
  const referenceSide = { counts: new Map(counts.values.map((value, i) => [value, counts.counts[i]] as const)), exact: true, unlisted: 0 };
  const listed = pooledCategories(referenceSide, { counts: new Map(), exact: true, unlisted: 0 }).values.slice(0, MAX_VALUE_BINS);
  return { kind: 'values', edges: [], values: listed, counts: empty, otherIndex: listed.length };
}

async function prepareProfile(baseline: Profile, current: TableSource, settings: DriftSettings, options: DriftOptions): Promise<Prepared> {
  const currentNumeric = new Set(current.schema.fields.filter((field) => !['boolean', 'string', 'category'].includes(field.type)).map((field) => field.name));
  const bins = Object.fromEntries(Object.entries(frozenBinsOf(baseline)).filter(([name]) => currentNumeric.has(name)));
  const { distinctThreshold, topK, kllK, hllPrecision } = baseline.settings;
  const builder = new ProfileBuilder({ schema: current.schema, bins, distinctThreshold, topK, kllK, hllPrecision });
  let tally: SegmentTally | null = null;
  if (settings.segment_by.length > 0) {
    const binners = new Map<string, { binner: Binner; bins: number }>();
    for (const column of baseline.columns) {
      const prospective = prospectiveBins(column);
      if (prospective && current.schema.fields.some((field) => field.name === column.name)) binners.set(column.name, { binner: binnerFor(prospective), bins: fullWidth(prospective) });
    }
    tally = new SegmentTally(settings.segment_by, binners);
  }
  const started = performance.now();
  for await (const batch of current) {
    builder.add(batch);
    tally?.add(batch, 'current');
  }
  const currentProfile = builder.finish();
  if (options.timings) {
    options.timings.loadMs = performance.now() - started;
    cpuAtComputeStart.set(options.timings, process.cpuUsage());
  }
  const byName = new Map(currentProfile.columns.map((column) => [column.name, column]));
  const { missing, added } = schemaDifferences(
    baseline.columns.map((column) => column.name),
    current.schema,
  );
  const { inputs, excluded } = matchColumns(baseline.columns, byName, settings, options.currentPath, (column, other) =>
    profileColumnInput(column, other, {
      idDistinctShare: settings.thresholds.id_distinct_share,
      minRows: settings.thresholds.min_rows,
      forceInclude: settings.columns[column.name]?.exclude === false,
    }),
  );
  const segments = (drifted: ColumnInput[]) => (tally ? collectDrivers(drifted, settings, tally, false) : []);
  return { inputs, excluded, rows: { reference: baseline.rows, current: currentProfile.rows }, missing, added, segments };
}

/** Compares `current` with the reference and returns the report. */
export async function computeDrift(reference: DriftReference, current: TableSource, options: DriftOptions = {}): Promise<DriftReport> {
  const settings = options.settings ?? defaultDriftSettings();
  checkSegmentColumns(settings, current.schema, options.currentPath);
  if (reference.kind === 'data' && options.bins) {
    for (const name of Object.keys(options.bins)) if (!reference.source.schema.fields.some((field) => field.name === name)) throw new RangeError(`bins were given for ${JSON.stringify(name)}, which is not a reference column`);
  }
  const started = performance.now();
  const prepared = reference.kind === 'data' ? await prepareRaw(reference.source, current, settings, options) : await prepareProfile(reference.profile, current, settings, options);
  const { thresholds } = settings;
  const context: AnalysisContext = { preset: settings.preset, thresholds, configFile: options.configFile };
  const analyses: ColumnAnalysis[] = prepared.inputs.map((input) => analyzeColumn(input, settings.columns[input.name] ?? {}, context));
  const importance = resolveImportance(
    prepared.inputs.map((input) => input.name),
    Object.fromEntries(Object.entries(settings.columns).map(([name, column]) => [name, column.importance])),
  );
  const columns = decideColumns(analyses, importance, settings);
  const { rows } = prepared;
  const tooFew = rows.reference < thresholds.min_rows || rows.current < thresholds.min_rows;
  const insufficientRows = tooFew ? `too few rows to judge drift (${rows.reference} reference, ${rows.current} current; at least ${thresholds.min_rows} each are needed)` : null;
  if (tooFew) {
    for (const column of columns) Object.assign(column, { level: 'insufficient', distribution_level: 'none', drifted: false, reasons: [] });
  }
  const rowRatio = settings.preset === 'evidently' ? { ...rowRatioLevel(rows.reference, rows.current, { ...thresholds, row_ratio: false }) } : rowRatioLevel(rows.reference, rows.current, thresholds);
  const verdict = datasetVerdict(columns, rowRatio, prepared.missing, settings, insufficientRows);
  // Segments explain distribution shifts (a column flagged only for missing values has no PSI to split).
  const drifted = prepared.inputs.filter((_, index) => columns[index].distribution_level !== 'none');
  const evidentlyColumns = columns.filter((column) => column.evidently !== null);
  const evidentlyShare = evidentlyColumns.length > 0 ? evidentlyColumns.filter((column) => column.evidently?.drifted).length / evidentlyColumns.length : null;
  const notes = Object.keys(settings.columns)
    .filter((name) => !prepared.inputs.some((input) => input.name === name) && !prepared.excluded.some((entry) => entry.name === name))
    .map((name) => `the configuration names column ${JSON.stringify(name)}, which the data does not have`);
  const segments = tooFew ? [] : prepared.segments(drifted);
  if (options.timings) {
    options.timings.computeMs = performance.now() - started - (options.timings.loadMs ?? 0);
    const cpu = process.cpuUsage(cpuAtComputeStart.get(options.timings));
    options.timings.computeCpuMs = (cpu.user + cpu.system) / 1000;
  }
  return {
    schema: DRIFT_REPORT_SCHEMA,
    generated_at: (options.now ?? new Date()).toISOString(),
    ...(options.model !== undefined ? { model: options.model } : {}),
    ...(options.stage !== undefined ? { stage: options.stage } : {}),
    reference:
      reference.kind === 'data'
        ? { kind: 'data', path: reference.path ?? null, digest: null, rows: rows.reference }
        : { kind: 'profile', path: reference.path ?? null, digest: reference.digest ?? null, rows: rows.reference },
    current: { path: options.currentPath ?? null, rows: rows.current },
    preset: settings.preset,
    level: verdict.level,
    drift: verdict.level === 'warn' || verdict.level === 'alert',
    reasons: verdict.reasons,
    rows,
    row_ratio: { value: rowRatio.value, level: rowRatio.level },
    columns,
    share_drifted: columns.length > 0 ? columns.filter((column) => column.drifted).length / columns.length : 0,
    evidently_share_drifted: evidentlyShare,
    evidently_drift: evidentlyShare !== null && evidentlyShare >= thresholds.evidently_drift_share,
    excluded: prepared.excluded,
    insufficient: columns.filter((column, index) => analyses[index].insufficient || column.level === 'insufficient').map((column) => column.name),
    missing_columns: prepared.missing,
    added_columns: prepared.added,
    segments,
    notes,
    thresholds,
  };
}
