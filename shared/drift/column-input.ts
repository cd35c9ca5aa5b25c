/**
 * One column's two sides, reduced to what the tests need. Built from raw
 * data (both sides loaded) or from a baseline profile and the streamed
 * current data; everything after this point is the same for both.
 */
import type { ColumnType } from '../data/types.js';
import type { BucketedPair } from '../stats/bucketed-pair.js';
import type { KllSketch } from '../stats/index.js';
import type { ColumnKind } from './types.js';

export type Side = 'reference' | 'current';
export type PerSide<T> = Record<Side, T>;

/** The bins PSI (and the chart and attribution) use. */
export interface PsiBins {
  /** Right-closed numeric bins on `edges`, or one bin per listed value (plus an `(other)` bin). */
  kind: 'edges' | 'values';
  /** Finite, strictly increasing (edges kind; empty otherwise). */
  edges: number[];
  /** The listed values (values kind; empty otherwise); the other bin has no entry. */
  values: (string | number | boolean)[];
  counts: PerSide<number[]>;
  /** Index of the catch-all bin for values not listed, or -1. */
  otherIndex: number;
}

/** Value counts over the values either side holds (chi-square, new categories, Evidently). */
export interface Categories {
  values: (string | number | boolean)[];
  counts: PerSide<number[]>;
  /** Whether a side's values are all listed (false: a profile keeps only its top values). */
  exact: PerSide<boolean>;
  /** Count on each side of values not listed (only when a side is not exact). */
  unlisted: PerSide<number>;
  /** Indexes into `values` of values the reference never held (only meaningful when the reference is exact). */
  newValues: number[];
}

/** How to reach each side's whole distribution of a numeric column. */
export interface NumericDistribution {
  /** Ascending values without NaN (raw data); +/-Infinity at the ends. */
  sorted: PerSide<Float64Array> | null;
  /** Large raw samples summarized without a full sort (exact KS and Wasserstein; no infinities). */
  bucketed: BucketedPair | null;
  /** Quantile sketches (profile mode), for effect sizes that need the whole distribution. */
  sketches: PerSide<KllSketch> | null;
  /** Finite values per side (infinities are kept out of moments and effect sizes). */
  finite: PerSide<number>;
  mean: PerSide<number | null>;
  /** Population standard deviation (ddof 0) of the finite values. */
  populationStd: PerSide<number | null>;
}

export interface ColumnInput {
  name: string;
  type: ColumnType;
  kind: ColumnKind;
  rows: PerSide<number>;
  /** Missing values (unreadable ones included). */
  missing: PerSide<number>;
  /** Values present but unreadable as the column's type (counted in `missing`). */
  invalid: PerSide<number>;
  /** Non-missing values. */
  values: PerSide<number>;
  bins: PsiBins | null;
  categories: Categories | null;
  numeric: NumericDistribution | null;
  notes: string[];
}

/** Sum of a list of counts. */
export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
