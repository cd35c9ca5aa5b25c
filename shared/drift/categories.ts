/**
 * Value counts of both sides turned into the pooled category table and the
 * PSI bins: the reference's most frequent values, one bin each, and one
 * `(other)` bin for the rest (new values included).
 */
import { compareValues } from '../stats/index.js';
import type { Categories, PerSide, PsiBins } from './column-input.js';

/** At most this many listed values get their own PSI bin (as frozen numeric bins: see profile's MAX_CATEGORY_BINS). */
export const MAX_VALUE_BINS = 20;

export type Value = string | number | boolean;

export interface SideCounts {
  counts: Map<Value, number>;
  /** All values are listed. */
  exact: boolean;
  /** Values counted but not listed (a profile's top-K remainder). */
  unlisted: number;
}

/**
 * The pooled table: reference values by descending count (ties by value),
 * then values only the current side holds, by descending count.
 */
export function pooledCategories(reference: SideCounts, current: SideCounts): Categories {
  const byCount = (counts: Map<Value, number>) => (a: Value, b: Value) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || compareValues(a, b);
  const referenceValues = [...reference.counts.keys()].filter((value) => (reference.counts.get(value) ?? 0) > 0).sort(byCount(reference.counts));
  const known = new Set(referenceValues);
  const currentOnly = [...current.counts.keys()].filter((value) => !known.has(value) && (current.counts.get(value) ?? 0) > 0).sort(byCount(current.counts));
  const values = [...referenceValues, ...currentOnly];
  return {
    values,
    counts: {
      reference: values.map((value) => reference.counts.get(value) ?? 0),
      current: values.map((value) => current.counts.get(value) ?? 0),
    },
    exact: { reference: reference.exact, current: current.exact },
    unlisted: { reference: reference.unlisted, current: current.unlisted },
    newValues: currentOnly.map((_, index) => referenceValues.length + index),
  };
}

/**
 * PSI bins from the pooled table: the first `limit` reference values (the
 * most frequent), and `(other)` for everything else, unlisted counts included.
 * The other bin is left out when it is empty on both sides.
 */
export function valueBins(categories: Categories, referenceValueCount: number, limit = MAX_VALUE_BINS): PsiBins {
  const listed = Math.min(limit, referenceValueCount);
  const counts: PerSide<number[]> = { reference: [], current: [] };
  const other = { reference: categories.unlisted.reference, current: categories.unlisted.current };
  for (const side of ['reference', 'current'] as const) {
    const source = categories.counts[side];
    for (let i = 0; i < source.length; i++) {
      if (i < listed) counts[side].push(source[i]);
      else other[side] += source[i];
    }
  }
  const hasOther = other.reference > 0 || other.current > 0;
  if (hasOther) {
    counts.reference.push(other.reference);
    counts.current.push(other.current);
  }
  return { kind: 'values', edges: [], values: categories.values.slice(0, listed), counts, otherIndex: hasOther ? listed : -1 };
}

/** Counts of a side as a map (values with count 0 left out). */
export function countMap(values: readonly Value[], counts: readonly number[]): Map<Value, number> {
  const map = new Map<Value, number>();
  values.forEach((value, index) => {
    if (counts[index] > 0) map.set(value, (map.get(value) ?? 0) + counts[index]);
  });
  return map;
}

/** A boolean column's tables from its [false, true] counts per side: exact categories and one bin per value. */
export function booleanTables(counts: PerSide<number[]>): { categories: Categories; bins: PsiBins } {
  const categories: Categories = {
    values: [false, true],
    counts,
    exact: { reference: true, current: true },
    unlisted: { reference: 0, current: 0 },
    newValues: counts.reference[0] === 0 && counts.current[0] > 0 ? [0] : counts.reference[1] === 0 && counts.current[1] > 0 ? [1] : [],
  };
  const bins: PsiBins = { kind: 'values', edges: [], values: [false, true], counts: { reference: [...counts.reference], current: [...counts.current] }, otherIndex: -1 };
  return { categories, bins };
}

/** Pooled numeric values in ascending order (numbers read best in order), with each side's counts. */
export function ascendingCategories(reference: SideCounts, current: SideCounts): Categories {
  const pooled = [...new Set([...reference.counts.keys(), ...current.counts.keys()])].sort((a, b) => (a as number) - (b as number));
  const counts = {
    reference: pooled.map((value) => reference.counts.get(value) ?? 0),
    current: pooled.map((value) => current.counts.get(value) ?? 0),
  };
  return {
    values: pooled,
    counts,
    exact: { reference: reference.exact, current: current.exact },
    unlisted: { reference: reference.unlisted, current: Math.max(0, current.unlisted) },
    newValues: pooled.map((_, index) => index).filter((index) => counts.reference[index] === 0),
  };
}
