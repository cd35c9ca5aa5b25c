/**
 * ProfileBuilder: streams record batches into per-column accumulators and
 * produces a {@link Profile}.
 *
 *   const builder = new ProfileBuilder({ bins: frozenBinsFromBaseline });
 *   for await (const batch of reader) builder.add(batch);
 *   const profile = builder.finish();
 *
 * The first batch (or `schema`) fixes the columns; later batches must have
 * the same names and types in the same order. Batches are read, never kept.
 */
import type { Column, RecordBatch, Schema } from '../data/types.js';
import { BooleanAccumulator } from './boolean-accumulator.js';
import { normalizeBins } from './frozen-bins.js';
import { NumberAccumulator } from './number-accumulator.js';
import { StringAccumulator } from './string-accumulator.js';
import { DEFAULT_SETTINGS, PROFILE_SCHEMA } from './types.js';
import type { ColumnProfile, FrozenBin, FrozenBins, Profile, ProfileSettings } from './types.js';

export interface ProfileBuilderOptions extends Partial<ProfileSettings> {
  /** Columns known before the first batch, so an empty table still gets a profile per column. */
  schema?: Schema;
  /** Frozen bins per numeric column to fill with exact counts (plain arrays are edges). */
  bins?: Record<string, FrozenBin | number[]>;
  /** Base seed of the quantile sketches (column i uses seed + i; default 1). */
  seed?: number;
}

type Accumulator = NumberAccumulator | BooleanAccumulator | StringAccumulator;

function checkSettings(settings: ProfileSettings): void {
  const { distinctThreshold, topK, kllK, hllPrecision } = settings;
  if (!Number.isInteger(distinctThreshold) || distinctThreshold < 1) throw new RangeError(`distinctThreshold must be a positive integer, got ${distinctThreshold}`);
  if (!Number.isInteger(topK) || topK < 1) throw new RangeError(`topK must be a positive integer, got ${topK}`);
  if (!Number.isInteger(kllK) || kllK < 8 || kllK > 65535) throw new RangeError(`kllK must be an integer in 8..65535, got ${kllK}`);
  if (!Number.isInteger(hllPrecision) || hllPrecision < 4 || hllPrecision > 18) throw new RangeError(`hllPrecision must be an integer in 4..18, got ${hllPrecision}`);
}

export class ProfileBuilder {
  readonly settings: ProfileSettings;
  private readonly bins: FrozenBins;
  private readonly seed: number;
  private accumulators: Accumulator[] | null = null;
  private fields: { name: string; type: string }[] = [];
  private rowCount = 0;
  private finished = false;

  constructor(options: ProfileBuilderOptions = {}) {
    this.settings = {
      distinctThreshold: options.distinctThreshold ?? DEFAULT_SETTINGS.distinctThreshold,
      topK: options.topK ?? DEFAULT_SETTINGS.topK,
      kllK: options.kllK ?? DEFAULT_SETTINGS.kllK,
      hllPrecision: options.hllPrecision ?? DEFAULT_SETTINGS.hllPrecision,
    };
    checkSettings(this.settings);
    this.bins = normalizeBins(options.bins ?? {});
    this.seed = options.seed ?? 1;
    if (!Number.isSafeInteger(this.seed)) throw new RangeError(`seed must be a safe integer, got ${this.seed}`);
    if (options.schema !== undefined) this.createAccumulators(options.schema.fields);
  }

  /** Rows added so far. */
  get rows(): number {
    return this.rowCount;
  }

  private createAccumulators(fields: readonly { name: string; type: Column['type'] }[]): void {
    const names = new Set<string>();
    for (const field of fields) {
      if (names.has(field.name)) throw new RangeError(`column ${JSON.stringify(field.name)} appears twice`);
      names.add(field.name);
    }
    for (const [name, bin] of Object.entries(this.bins)) {
      const field = fields.find((f) => f.name === name);
      if (field === undefined) throw new RangeError(`bins were given for ${JSON.stringify(name)}, which is not a column`);
      if (!isNumberType(field.type)) throw new RangeError(`bins were given for ${JSON.stringify(name)}, a ${field.type} column; only numeric columns take ${bin.kind}`);
    }
    this.fields = fields.map((f) => ({ name: f.name, type: f.type }));
    this.accumulators = fields.map((field, index) => {
      const type = field.type;
      if (type === 'boolean') return new BooleanAccumulator(field.name, this.settings);
      if (type === 'string' || type === 'category') return new StringAccumulator(field.name, type, this.settings);
      return new NumberAccumulator(field.name, type, this.settings, this.seed + index, this.bins[field.name]);
    });
  }

  /** Folds one batch into the profile. */
  add(batch: RecordBatch): void {
    if (this.finished) throw new RangeError('ProfileBuilder.add after finish()');
    const length = batch.length;
    if (!Number.isInteger(length) || length < 0) throw new RangeError(`batch length must be a non-negative integer, got ${length}`);
    if (this.accumulators === null) this.createAccumulators(batch.columns);
    const accumulators = this.accumulators as Accumulator[];
    if (batch.columns.length !== accumulators.length) {
      throw new RangeError(`batch has ${batch.columns.length} columns, the profile has ${accumulators.length}`);
    }
    for (let i = 0; i < accumulators.length; i++) {
      const column = batch.columns[i];
      const field = this.fields[i];
      if (column.name !== field.name || column.type !== field.type) {
        throw new RangeError(`batch column ${i} is ${column.name} (${column.type}), expected ${field.name} (${field.type})`);
      }
      const accumulator = accumulators[i];
      if (accumulator instanceof NumberAccumulator && column.kind === 'number') accumulator.add(column, length);
      else if (accumulator instanceof BooleanAccumulator && column.kind === 'boolean') accumulator.add(column, length);
      else if (accumulator instanceof StringAccumulator && column.kind === 'string') accumulator.add(column, length);
      else throw new RangeError(`batch column ${column.name} has kind ${column.kind}, which does not fit type ${field.type}`);
    }
    this.rowCount += length;
  }

  /** The profile of everything added. The builder cannot be used afterwards. */
  finish(): Profile {
    if (this.finished) throw new RangeError('ProfileBuilder.finish called twice');
    this.finished = true;
    const columns: ColumnProfile[] = (this.accumulators ?? []).map((a) => a.finish());
    return { schema: PROFILE_SCHEMA, rows: this.rowCount, settings: { ...this.settings }, columns };
  }
}

function isNumberType(type: string): boolean {
  return type === 'integer' || type === 'float' || type === 'date' || type === 'datetime';
}
