/**
 * Column inputs from raw data on both sides. Each numeric column is sorted
 * once per side (radix sort); the sorted arrays then serve the KS test, the
 * reference deciles, the bin counts, distinct counts and Wasserstein.
 */
import type { BooleanColumn, NumberColumn, StringColumn } from '../data/types.js';
import type { FrozenBin } from '../profile/index.js';
import { BucketedPair } from '../stats/bucketed-pair.js';
import { DECILE_RANKS, HyperLogLog, KS_MAX_EXACT_N, Moments, decileEdges, radixSortFloat64 } from '../stats/index.js';
import { MAX_VALUE_BINS, ascendingCategories, booleanTables, countMap, pooledCategories, valueBins, type Value } from './categories.js';
import type { ColumnInput, PerSide, PsiBins } from './column-input.js';
import type { LoadedColumn } from './load-table.js';
import type { ExcludedColumn } from './types.js';

export interface RawInputOptions {
  /** Bins frozen elsewhere (a baseline) to use instead of the reference's own deciles / values. */
  frozen?: FrozenBin;
  /** Sort the loaded arrays in place (saves a copy when rows need not stay aligned). */
  sortInPlace: boolean;
  idDistinctShare: number;
  minRows: number;
  /** true: test even when ID-like. */
  forceInclude: boolean;
  /** Scratch space for the radix sort, at least as long as the longest column. */
  scratch: Float64Array;
}

export type BuiltInput = { input: ColumnInput } | { excluded: ExcludedColumn };

type Loaded<C> = C & LoadedColumn;

/** Ascending non-NaN values (NaN sorts last and is cut off). */
function sortValues(column: Loaded<NumberColumn>, inPlace: boolean, scratch: Float64Array): Float64Array {
  const values = inPlace ? column.values : column.values.slice();
  radixSortFloat64(values, scratch.length >= values.length ? scratch : undefined);
  let n = values.length;
  while (n > 0 && values[n - 1] !== values[n - 1]) n--;
  return values.subarray(0, n);
}

/** The finite middle of a sorted array (infinities sit at the ends). */
export function finitePart(sorted: Float64Array): Float64Array {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi && sorted[lo] === Number.NEGATIVE_INFINITY) lo++;
  while (hi > lo && sorted[hi - 1] === Number.POSITIVE_INFINITY) hi--;
  return sorted.subarray(lo, hi);
}

/** First index whose value is greater than x. */
function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Counts on right-closed bins (-inf, e1], (e1, e2], ..., (em, inf): the profile's BucketCounts rule. */
function countOnEdges(sorted: Float64Array, edges: readonly number[]): number[] {
  const counts: number[] = [];
  let below = 0;
  for (const edge of edges) {
    const upTo = upperBound(sorted, edge);
    counts.push(upTo - below);
    below = upTo;
  }
  counts.push(sorted.length - below);
  return counts;
}

/** Distinct values and their counts, from a sorted array. */
function runLengths(sorted: Float64Array): { values: number[]; counts: number[] } {
  const values: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < sorted.length; ) {
    const x = sorted[i];
    let j = i + 1;
    while (j < sorted.length && sorted[j] === x) j++;
    values.push(x === 0 ? 0 : x);
    counts.push(j - i);
    i = j;
  }
  return { values, counts };
}

function distinctCount(sorted: Float64Array): number {
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  return distinct;
}

function idLike(name: string, distinct: number, count: number, options: RawInputOptions): ExcludedColumn | null {
  if (options.forceInclude || count < options.minRows || distinct / count <= options.idDistinctShare) return null;
  return { name, reason: 'id-like', detail: `${((100 * distinct) / count).toFixed(1)}% of its ${count} reference values are distinct` };
}

function base(reference: LoadedColumn, current: LoadedColumn, values: PerSide<number>): Omit<ColumnInput, 'kind' | 'bins' | 'categories' | 'numeric'> {
  const notes: string[] = [];
  if (current.invalidCount > 0) notes.push(`${current.invalidCount} current values could not be read as ${reference.type} (counted as missing)`);
  return {
    name: reference.name,
    type: reference.type,
    rows: { reference: reference.nulls.length, current: current.nulls.length },
    missing: { reference: reference.missing, current: current.missing },
    invalid: { reference: reference.invalidCount, current: current.invalidCount },
    values,
    notes,
  };
}

/** Finite values, mean and population standard deviation of a side; null when it holds an infinity. */
function finiteMoments(values: Float64Array): Moments | null {
  const moments = new Moments();
  return moments.addArray(values) > 0 ? null : moments;
}

/** True when the sample holds more than `limit` distinct values, NaN aside (stops as soon as it knows). */
function moreDistinctThan(values: Float64Array, limit: number): boolean {
  const seen = new Set<number>();
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x !== x) continue;
    seen.add(x === 0 ? 0 : x);
    if (seen.size > limit) return true;
  }
  return false;
}

/**
 * Large continuous columns without infinities: summarized in buckets instead
 * of sorted (exact KS and Wasserstein, exact deciles; see stats'
 * bucketed-pair.ts), bins counted on the raw values. Null when the column
 * does not qualify (small, discrete, infinite values, frozen value bins).
 */
function bucketedInput(reference: Loaded<NumberColumn>, current: Loaded<NumberColumn>, options: RawInputOptions): BuiltInput | null {
  if (options.frozen?.kind === 'categories') return null;
  const moments = { reference: finiteMoments(reference.values), current: finiteMoments(current.values) };
  if (moments.reference === null || moments.current === null) return null;
  const values = { reference: moments.reference.count, current: moments.current.count };
  // Up to KS_MAX_EXACT_N values the KS p-value is exact, which needs the sorted values, not buckets.
  if (Math.max(values.reference, values.current) <= KS_MAX_EXACT_N || Math.min(values.reference, values.current) === 0) return null;
  if (!moreDistinctThan(reference.values, MAX_VALUE_BINS)) return null;
  if (reference.type === 'integer' && !options.forceInclude) {
    // The profile's distinct count for large columns: a HyperLogLog estimate.
    const sketch = new HyperLogLog();
    sketch.addNumbers(reference.values);
    const excluded = idLike(reference.name, Math.min(values.reference, Math.round(sketch.estimate())), values.reference, options);
    if (excluded) return { excluded };
  }
  const frozenEdges = options.frozen?.kind === 'edges' ? options.frozen.edges : undefined;
  const bucketed = BucketedPair.of(reference.values, current.values, frozenEdges ? { points: frozenEdges } : { quantiles: DECILE_RANKS });
  const edges = frozenEdges ?? decileEdges(bucketed.firstSampleRanks());
  const count = (side: 0 | 1) => {
    const atMost = edges.map((edge) => bucketed.countAtMost(side, edge));
    return [...atMost.map((c, i) => c - (i === 0 ? 0 : atMost[i - 1])), (side === 0 ? bucketed.n1 : bucketed.n2) - (atMost.at(-1) ?? 0)];
  };
  const numeric = {
    sorted: null,
    bucketed,
    sketches: null,
    finite: values,
    mean: { reference: moments.reference.mean, current: moments.current.mean },
    populationStd: { reference: moments.reference.populationStd(), current: moments.current.populationStd() },
  };
  const bins: PsiBins = { kind: 'edges', edges, values: [], counts: { reference: count(0), current: count(1) }, otherIndex: -1 };
  return { input: { ...base(reference, current, values), kind: 'continuous', bins, categories: null, numeric } };
}

function numberInput(reference: Loaded<NumberColumn>, current: Loaded<NumberColumn>, options: RawInputOptions): BuiltInput {
  const bucketed = bucketedInput(reference, current, options);
  if (bucketed) return bucketed;
  const sorted = {
    reference: sortValues(reference, options.sortInPlace, options.scratch),
    current: sortValues(current, options.sortInPlace, options.scratch),
  };
  const values = { reference: sorted.reference.length, current: sorted.current.length };
  const finite = { reference: finitePart(sorted.reference), current: finitePart(sorted.current) };
  // Infinities are not values a column is binned by (the profile counts them apart too).
  const distinct = distinctCount(finite.reference);
  if (reference.type === 'integer') {
    const excluded = idLike(reference.name, distinct, values.reference, options);
    if (excluded) return { excluded };
  }
  const moments = { reference: Moments.of(finite.reference), current: Moments.of(finite.current) };
  const numeric = {
    sorted,
    bucketed: null,
    sketches: null,
    finite: { reference: finite.reference.length, current: finite.current.length },
    mean: { reference: finite.reference.length > 0 ? moments.reference.mean : null, current: finite.current.length > 0 ? moments.current.mean : null },
    populationStd: {
      reference: finite.reference.length > 0 ? moments.reference.populationStd() : null,
      current: finite.current.length > 0 ? moments.current.populationStd() : null,
    },
  };
  const discrete = options.frozen ? options.frozen.kind === 'categories' : distinct <= MAX_VALUE_BINS;
  if (!discrete) {
    const edges = options.frozen?.kind === 'edges' ? options.frozen.edges : finite.reference.length > 0 ? decileEdges(finite.reference) : [];
    const bins: PsiBins = {
      kind: 'edges',
      edges,
      values: [],
      counts: { reference: countOnEdges(sorted.reference, edges), current: countOnEdges(sorted.current, edges) },
      otherIndex: -1,
    };
    return { input: { ...base(reference, current, values), kind: 'continuous', bins, categories: null, numeric } };
  }
  // Categories hold finite values (as a profile's exact counts do); the bins put infinities in (other).
  const finiteRuns = { reference: runLengths(finite.reference), current: runLengths(finite.current) };
  const exactSide = (runs: { values: number[]; counts: number[] }) => ({ counts: countMap(runs.values, runs.counts), exact: true, unlisted: 0 });
  const categories = ascendingCategories(exactSide(finiteRuns.reference), exactSide(finiteRuns.current));
  const listed = options.frozen?.kind === 'categories' ? options.frozen.values : finiteRuns.reference.values;
  const bins = numericValueBins(listed, runLengths(sorted.reference), runLengths(sorted.current));
  return { input: { ...base(reference, current, values), kind: 'discrete', bins, categories, numeric } };
}

/** One bin per listed value (ascending) and an `(other)` bin for any other value, when it holds rows. */
export function numericValueBins(listed: readonly number[], reference: { values: number[]; counts: number[] }, current: { values: number[]; counts: number[] }): PsiBins {
  const positions = new Map(listed.map((value, index) => [value, index]));
  const fill = (side: { values: number[]; counts: number[] }) => {
    const counts = new Array<number>(listed.length + 1).fill(0);
    side.values.forEach((value, index) => {
      counts[positions.get(value) ?? listed.length] += side.counts[index];
    });
    return counts;
  };
  const counts = { reference: fill(reference), current: fill(current) };
  const hasOther = counts.reference[listed.length] > 0 || counts.current[listed.length] > 0;
  if (!hasOther) {
    counts.reference.pop();
    counts.current.pop();
  }
  return { kind: 'values', edges: [], values: [...listed], counts, otherIndex: hasOther ? listed.length : -1 };
}

function booleanInput(reference: Loaded<BooleanColumn>, current: Loaded<BooleanColumn>): BuiltInput {
  const count = (column: Loaded<BooleanColumn>) => {
    let trues = 0;
    for (let i = 0; i < column.values.length; i++) trues += column.values[i];
    const present = column.values.length - column.missing;
    return [present - trues, trues];
  };
  const counts = { reference: count(reference), current: count(current) };
  const values = { reference: counts.reference[0] + counts.reference[1], current: counts.current[0] + counts.current[1] };
  const { categories, bins } = booleanTables(counts);
  return { input: { ...base(reference, current, values), kind: 'boolean', bins, categories, numeric: null } };
}

function textCounts(column: Loaded<StringColumn>): Map<Value, number> {
  const perCode = new Float64Array(column.dictionary.length);
  const codes = column.codes;
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) perCode[codes[i]]++;
  const counts = new Map<Value, number>();
  for (let code = 0; code < perCode.length; code++) {
    if (perCode[code] > 0) counts.set(column.dictionary[code], (counts.get(column.dictionary[code]) ?? 0) + perCode[code]);
  }
  return counts;
}

function stringInput(reference: Loaded<StringColumn>, current: Loaded<StringColumn>, options: RawInputOptions): BuiltInput {
  const counts = { reference: textCounts(reference), current: textCounts(current) };
  const values = { reference: reference.codes.length - reference.missing, current: current.codes.length - current.missing };
  const excluded = idLike(reference.name, counts.reference.size, values.reference, options);
  if (excluded) return { excluded };
  const categories = pooledCategories({ counts: counts.reference, exact: true, unlisted: 0 }, { counts: counts.current, exact: true, unlisted: 0 });
  const bins = valueBins(categories, counts.reference.size);
  return { input: { ...base(reference, current, values), kind: 'categorical', bins, categories, numeric: null } };
}

/** Builds one column's input from both sides' loaded data (same name and kind), or says why it is excluded. */
export function rawColumnInput(reference: LoadedColumn, current: LoadedColumn, options: RawInputOptions): BuiltInput {
  if (reference.kind === 'number' && current.kind === 'number') return numberInput(reference, current, options);
  if (reference.kind === 'boolean' && current.kind === 'boolean') return booleanInput(reference, current);
  if (reference.kind === 'string' && current.kind === 'string') return stringInput(reference, current, options);
  throw new RangeError(`column ${reference.name} is ${reference.kind} in the reference but ${current.kind} in the current data`);
}
