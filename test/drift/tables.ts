/**
 * In-memory tables for the drift tests: column specs turned into record
 * batches the way a reader makes them (shared string dictionaries, NaN and
 * masks for nulls), and a few seeded generators.
 */
import type { Column, ColumnType, RecordBatch } from '../../shared/data/types.js';
import { computeDrift, defaultDriftSettings, type DriftOptions, type DriftReport, type DriftSettings, type TableSource } from '../../shared/drift/index.js';
import { ProfileBuilder, freezeBins, type Profile } from '../../shared/profile/index.js';
import { createRng, type Rng } from '../../shared/stats/index.js';
export type Cell = number | string | boolean | null;

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  values: readonly Cell[];
}

/** One batch of rows [offset, offset + length); string columns share one growing dictionary per column. */
interface Dictionary {
  texts: string[];
  codes: Map<string, number>;
}

function makeBatch(specs: readonly ColumnSpec[], dictionaries: Dictionary[], offset: number, length: number): RecordBatch {
  const columns = specs.map((spec, c): Column => {
    if (spec.values.length !== specs[0].values.length) throw new Error(`column ${spec.name} has ${spec.values.length} values, expected ${specs[0].values.length}`);
    const nulls = new Uint8Array(length);
    for (let i = 0; i < length; i++) nulls[i] = spec.values[offset + i] === null ? 1 : 0;
    if (spec.type === 'boolean') {
      const values = new Uint8Array(length);
      for (let i = 0; i < length; i++) values[i] = spec.values[offset + i] === true ? 1 : 0;
      return { name: spec.name, kind: 'boolean', type: 'boolean', nulls, values };
    }
    if (spec.type === 'string' || spec.type === 'category') {
      const codes = new Int32Array(length);
      const { texts: dictionary, codes: index } = dictionaries[c];
      for (let i = 0; i < length; i++) {
        const value = spec.values[offset + i];
        if (value === null) {
          codes[i] = -1;
          continue;
        }
        const text = String(value);
        let code = index.get(text);
        if (code === undefined) {
          code = dictionary.length;
          dictionary.push(text);
          index.set(text, code);
        }
        codes[i] = code;
      }
      return { name: spec.name, kind: 'string', type: spec.type, nulls, codes, dictionary };
    }
    const values = new Float64Array(length);
    for (let i = 0; i < length; i++) {
      const value = spec.values[offset + i];
      values[i] = value === null ? Number.NaN : Number(value);
    }
    return { name: spec.name, kind: 'number', type: spec.type, nulls, values };
  });
  return { rowOffset: offset, length, columns };
}

/** A table of the given columns, cut into batches the way a reader makes them. */
export function tableOf(specs: readonly ColumnSpec[], batchSize = 512): TableSource {
  const rows = specs[0]?.values.length ?? 0;
  const dictionaries = specs.map((): Dictionary => ({ texts: [], codes: new Map() }));
  const batches: RecordBatch[] = [];
  for (let offset = 0; offset < rows; offset += batchSize) batches.push(makeBatch(specs, dictionaries, offset, Math.min(batchSize, rows - offset)));
  return {
    schema: { fields: specs.map((spec) => ({ name: spec.name, type: spec.type })) },
    async *[Symbol.asyncIterator]() {
      yield* batches;
    },
  };
}

/** Default settings with some thresholds and columns replaced. */
export function settingsWith(change: { thresholds?: Partial<DriftSettings['thresholds']> } & Partial<Omit<DriftSettings, 'thresholds'>> = {}): DriftSettings {
  const base = defaultDriftSettings();
  return { ...base, ...change, thresholds: { ...base.thresholds, ...change.thresholds } };
}

/** Raw reference vs raw current. */
export function driftOf(reference: readonly ColumnSpec[], current: readonly ColumnSpec[], options: DriftOptions = {}): Promise<DriftReport> {
  return computeDrift({ kind: 'data', source: tableOf(reference) }, tableOf(current), options);
}

/** The baseline of a table: profile, frozen bins, exact counts on them (what createBaseline does with a file). */
export async function baselineOf(specs: readonly ColumnSpec[]): Promise<Profile> {
  const pass = async (bins?: ReturnType<typeof freezeBins>) => {
    const source = tableOf(specs);
    const builder = new ProfileBuilder({ schema: source.schema, bins });
    for await (const batch of source) builder.add(batch);
    return builder.finish();
  };
  return pass(freezeBins(await pass()));
}

export function rngOf(seed: number): Rng {
  return createRng(seed);
}

export function normals(rng: Rng, n: number, mean = 0, sd = 1): number[] {
  return Array.from({ length: n }, () => mean + sd * rng.normal());
}

/** Values drawn from weighted categories. */
export function picks<T extends Cell>(rng: Rng, n: number, weights: readonly (readonly [T, number])[]): T[] {
  const total = weights.reduce((s, [, w]) => s + w, 0);
  return Array.from({ length: n }, () => {
    let u = rng.next() * total;
    for (const [value, weight] of weights) {
      if (u < weight) return value;
      u -= weight;
    }
    return weights[weights.length - 1][0];
  });
}

/** Sets a share of the values to null (deterministically by rng). */
export function withNulls(rng: Rng, values: readonly Cell[], share: number): Cell[] {
  return values.map((value) => (rng.next() < share ? null : value));
}

export function column(name: string, type: ColumnType, values: readonly Cell[]): ColumnSpec {
  return { name, type, values };
}

export function byName(report: DriftReport, name: string) {
  const found = report.columns.find((entry) => entry.name === name);
  if (!found) throw new Error(`no column ${name} in the report (columns: ${report.columns.map((c) => c.name).join(', ')})`);
  return found;
}
