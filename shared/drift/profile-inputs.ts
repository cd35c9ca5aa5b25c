/**
 * Column inputs from a baseline profile (the reference) and the profile of
 * the current data built on the baseline's frozen bins. Every count here is
 * exact (frozen-bin counts, exact value counts); only effect sizes that need
 * a whole numeric distribution fall back to the quantile sketches.
 */
import type { BooleanColumnProfile, ColumnProfile, NumberColumnProfile, StringColumnProfile } from '../profile/index.js';
import { KllSketch } from '../stats/index.js';
import { ascendingCategories, booleanTables, countMap, pooledCategories, valueBins, type SideCounts } from './categories.js';
import type { Categories, ColumnInput, PsiBins } from './column-input.js';
import type { BuiltInput } from './raw-inputs.js';
import type { ExcludedColumn } from './types.js';

export interface ProfileInputOptions {
  idDistinctShare: number;
  minRows: number;
  forceInclude: boolean;
}

function idLike(column: ColumnProfile, distinct: number, count: number, options: ProfileInputOptions): ExcludedColumn | null {
  if (options.forceInclude || count < options.minRows || distinct / count <= options.idDistinctShare) return null;
  const approximately = column.distinct.exact ? '' : 'about ';
  return { name: column.name, reason: 'id-like', detail: `${approximately}${((100 * distinct) / count).toFixed(1)}% of its ${count} reference values are distinct` };
}

function base(reference: ColumnProfile, current: ColumnProfile): Omit<ColumnInput, 'kind' | 'bins' | 'categories' | 'numeric'> {
  const notes: string[] = [];
  if (current.invalid > 0) notes.push(`${current.invalid} current values could not be read as ${reference.type} (counted as missing)`);
  return {
    name: reference.name,
    type: reference.type,
    rows: { reference: reference.count + reference.nulls, current: current.count + current.nulls },
    missing: { reference: reference.nulls, current: current.nulls },
    invalid: { reference: reference.invalid, current: current.invalid },
    values: { reference: reference.count, current: current.count },
    notes,
  };
}

/** A side's value counts: exact when the profile kept them, else its top values plus an unlisted remainder. */
function sideCounts(column: ColumnProfile): SideCounts {
  if (column.exactCounts !== null) return { counts: countMap(column.exactCounts.values, column.exactCounts.counts), exact: true, unlisted: 0 };
  const items = column.top?.items ?? [];
  const counts = countMap(
    items.map((item) => item.value),
    items.map((item) => item.count),
  );
  let listed = 0;
  for (const count of counts.values()) listed += count;
  const finite = column.kind === 'number' ? column.count - column.infinite.positive - column.infinite.negative : column.count;
  return { counts, exact: false, unlisted: Math.max(0, finite - listed) };
}

function sketchNote(side: string): string {
  return `the ${side} profile lists only its most frequent values, so counts of the others are pooled and new values cannot be named`;
}

function numberInput(reference: NumberColumnProfile, current: NumberColumnProfile, options: ProfileInputOptions): BuiltInput {
  const finiteCount = reference.moments.count;
  if (reference.type === 'integer') {
    const excluded = idLike(reference, reference.distinct.value, finiteCount, options);
    if (excluded) return { excluded };
  }
  const common = base(reference, current);
  const numeric = {
    sorted: null,
    bucketed: null,
    sketches: { reference: KllSketch.fromJSON(reference.quantiles), current: KllSketch.fromJSON(current.quantiles) },
    finite: { reference: reference.moments.count, current: current.moments.count },
    mean: { reference: reference.mean, current: current.mean },
    populationStd: {
      reference: reference.moments.count > 0 ? Math.sqrt(reference.moments.m2 / reference.moments.count) : null,
      current: current.moments.count > 0 ? Math.sqrt(current.moments.m2 / current.moments.count) : null,
    },
  };
  const frozen = reference.bins;
  if (frozen === null || current.bins === null) {
    // No finite reference values: nothing to bin (the column is insufficient).
    return { input: { ...common, kind: 'continuous', bins: null, categories: null, numeric } };
  }
  if (frozen.kind === 'edges') {
    const bins: PsiBins = { kind: 'edges', edges: [...frozen.edges], values: [], counts: { reference: [...frozen.counts], current: [...current.bins.counts] }, otherIndex: -1 };
    return { input: { ...common, kind: 'continuous', bins, categories: null, numeric } };
  }
  const listed = frozen.values.length;
  const referenceCounts = [...frozen.counts];
  const currentCounts = [...current.bins.counts];
  const hasOther = referenceCounts[listed] > 0 || currentCounts[listed] > 0;
  if (!hasOther) {
    referenceCounts.pop();
    currentCounts.pop();
  }
  const bins: PsiBins = { kind: 'values', edges: [], values: [...frozen.values], counts: { reference: referenceCounts, current: currentCounts }, otherIndex: hasOther ? listed : -1 };
  const categories = numericCategories(reference, current, frozen.values, current.bins.counts);
  if (!categories.exact.current) common.notes.push(sketchNote('current'));
  return { input: { ...common, kind: 'discrete', bins, categories, numeric } };
}

/** Pooled values ascending; the current side falls back to its frozen-bin counts when it has too many values to list. */
function numericCategories(reference: NumberColumnProfile, current: NumberColumnProfile, listed: number[], currentBinCounts: number[]): Categories {
  const referenceSide = sideCounts(reference);
  const currentSide: SideCounts =
    current.exactCounts !== null
      ? sideCounts(current)
      : {
          counts: countMap(listed, currentBinCounts.slice(0, listed.length)),
          exact: false,
          unlisted: currentBinCounts[listed.length] - current.infinite.positive - current.infinite.negative,
        };
  return ascendingCategories(referenceSide, currentSide);
}

function booleanInput(reference: BooleanColumnProfile, current: BooleanColumnProfile): BuiltInput {
  const counts = { reference: [reference.count - reference.trueCount, reference.trueCount], current: [current.count - current.trueCount, current.trueCount] };
  const { categories, bins } = booleanTables(counts);
  return { input: { ...base(reference, current), kind: 'boolean', bins, categories, numeric: null } };
}

function stringInput(reference: StringColumnProfile, current: StringColumnProfile, options: ProfileInputOptions): BuiltInput {
  const excluded = idLike(reference, reference.distinct.value, reference.count, options);
  if (excluded) return { excluded };
  const referenceSide = sideCounts(reference);
  const currentSide = sideCounts(current);
  const categories = pooledCategories(referenceSide, currentSide);
  const common = base(reference, current);
  if (!referenceSide.exact) {
    common.notes.push(sketchNote('reference'));
    categories.newValues = [];
  }
  if (!currentSide.exact) common.notes.push(sketchNote('current'));
  const referenceValues = [...referenceSide.counts.values()].filter((count) => count > 0).length;
  const bins = valueBins(categories, referenceValues);
  return { input: { ...common, kind: 'categorical', bins, categories, numeric: null } };
}

/** Builds one column's input from the baseline's column and the current profile's column. */
export function profileColumnInput(reference: ColumnProfile, current: ColumnProfile, options: ProfileInputOptions): BuiltInput {
  if (reference.kind === 'number' && current.kind === 'number') return numberInput(reference, current, options);
  if (reference.kind === 'boolean' && current.kind === 'boolean') return booleanInput(reference, current);
  if (reference.kind === 'string' && current.kind === 'string') return stringInput(reference, current, options);
  throw new RangeError(`column ${reference.name} is ${reference.kind} in the baseline but ${current.kind} in the current data`);
}
