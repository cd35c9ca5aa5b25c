/**
 * Whole numeric distributions for the tests that need them (KS, Wasserstein):
 * the sorted raw values when they were loaded; with a profile, the exact
 * value counts when both sides kept them, else a grid of quantiles read from
 * the sketches (flagged approximate).
 */
import { KS_MAX_EXACT_N, ks2SampSorted, wasserstein, wassersteinSorted, wassersteinWeighted } from '../stats/index.js';
import type { ColumnInput, Side } from './column-input.js';
import { finitePart } from './raw-inputs.js';

/** Quantile points read from a sketch (the grid's size when the column holds more values). */
const SKETCH_POINTS = 2000;
/** Evidently's floor for the standard deviation Wasserstein is divided by. */
const MIN_STD = 0.001;

export interface Approximate<T> {
  value: T;
  approximate: boolean;
}

function exactCategories(input: ColumnInput): boolean {
  const categories = input.categories;
  return categories !== null && categories.exact.reference && categories.exact.current && categories.unlisted.reference === 0 && categories.unlisted.current === 0;
}

/** Ascending finite values of a side (expanded from exact counts, or a quantile grid of at most `points`). */
function sortedSample(input: ColumnInput, side: Side, points: number): Approximate<Float64Array> {
  const numeric = input.numeric;
  if (numeric === null) throw new RangeError(`${input.name} is not numeric`);
  if (numeric.sorted) return { value: finitePart(numeric.sorted[side]), approximate: false };
  if (exactCategories(input)) {
    const { values, counts } = input.categories as NonNullable<ColumnInput['categories']>;
    const total = counts[side].reduce((s, c) => s + c, 0);
    const out = new Float64Array(total);
    let at = 0;
    values.forEach((value, index) => {
      out.fill(value as number, at, at + counts[side][index]);
      at += counts[side][index];
    });
    return { value: out, approximate: false };
  }
  const sketch = numeric.sketches?.[side];
  const n = Math.min(points, numeric.finite[side]);
  if (sketch === undefined || n === 0 || sketch.isEmpty) return { value: new Float64Array(0), approximate: true };
  const ranks = Array.from({ length: n }, (_, i) => (i + 0.5) / n);
  return { value: Float64Array.from(sketch.quantiles(ranks)), approximate: true };
}

/** Two-sample KS on the column's values (exact inputs when available); `finiteOnly` drops infinities first. */
export function ksOfColumn(input: ColumnInput, finiteOnly = false): Approximate<{ statistic: number; pvalue: number }> {
  const numeric = input.numeric;
  // Bucketed samples hold no infinities, so finiteOnly changes nothing.
  if (numeric?.bucketed) return { value: numeric.bucketed.ksTest(), approximate: false };
  if (numeric?.sorted) {
    const { reference, current } = numeric.sorted;
    const value = finiteOnly ? ks2SampSorted(finitePart(reference), finitePart(current)) : ks2SampSorted(reference, current);
    return { value, approximate: false };
  }
  // Without raw rows the sketch grid stands in, at most the asymptotic method's threshold long.
  const reference = sortedSample(input, 'reference', KS_MAX_EXACT_N);
  const current = sortedSample(input, 'current', KS_MAX_EXACT_N);
  return { value: ks2SampSorted(reference.value, current.value), approximate: reference.approximate || current.approximate };
}

/** Wasserstein-1 distance divided by the reference's population standard deviation (at least 0.001, as Evidently). */
export function normalizedWasserstein(input: ColumnInput): Approximate<number> {
  const numeric = input.numeric;
  if (numeric === null) throw new RangeError(`${input.name} is not numeric`);
  if (numeric.finite.reference === 0 || numeric.finite.current === 0) {
    throw new RangeError(`${input.name}: Wasserstein distance needs finite values on both sides (${numeric.finite.reference} reference, ${numeric.finite.current} current)`);
  }
  const std = Math.max(numeric.populationStd.reference ?? 0, MIN_STD);
  if (numeric.bucketed) return { value: numeric.bucketed.wasserstein() / std, approximate: false };
  if (numeric.sorted) {
    return { value: wassersteinSorted(finitePart(numeric.sorted.reference), finitePart(numeric.sorted.current)) / std, approximate: false };
  }
  if (exactCategories(input)) {
    const { values, counts } = input.categories as NonNullable<ColumnInput['categories']>;
    const numbers = values as number[];
    return { value: wassersteinWeighted(numbers, counts.reference, numbers, counts.current) / std, approximate: false };
  }
  const reference = sortedSample(input, 'reference', SKETCH_POINTS);
  const current = sortedSample(input, 'current', SKETCH_POINTS);
  return { value: wasserstein(reference.value, current.value) / std, approximate: true };
}
