/**
 * Frequent values with counts: exact while at most `capacity` distinct values
 * have been seen, a mergeable Misra-Gries-style summary beyond that.
 *
 * Invariant, for every value x (unlisted values have count 0):
 *   count(x) <= true frequency(x) <= count(x) + maxError.
 * So listed counts are lower bounds and any value missing from the list
 * occurred at most maxError times. maxError = 0 means the summary is exact.
 *
 * Up to 2 * capacity counters are kept while streaming; when full, only the
 * `capacity` largest stay and maxError grows by the largest count dropped.
 * Merging adds counts and errors, then trims the same way (Agarwal et al.,
 * "Mergeable summaries", 2012). Ties are broken by value, so the result does
 * not depend on insertion or merge order.
 */

export type TopKValue = string | number | boolean;

export interface TopKItem {
  value: TopKValue;
  count: number;
}

/** Plain-JSON form of {@link TopK}. */
export interface TopKJSON {
  capacity: number;
  /** Total count of everything added (listed or not). */
  total: number;
  maxError: number;
  /** Most frequent first. */
  items: TopKItem[];
}

const TYPE_ORDER: Record<string, number> = { boolean: 0, number: 1, string: 2 };

/** Total order on values: booleans, then numbers, then strings. */
export function compareValues(a: TopKValue, b: TopKValue): number {
  const ta = TYPE_ORDER[typeof a];
  const tb = TYPE_ORDER[typeof b];
  if (ta !== tb) return ta - tb;
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function byCountThenValue(a: TopKItem, b: TopKItem): number {
  return b.count - a.count || compareValues(a.value, b.value);
}

function checkValue(value: TopKValue): void {
  const type = typeof value;
  if (type === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`top-K numbers must be finite, got ${value}`);
  } else if (type !== 'string' && type !== 'boolean') {
    throw new TypeError(`top-K values are strings, numbers or booleans, got ${type}`);
  }
}

export class TopK {
  readonly capacity: number;
  total = 0;
  maxError = 0;
  private counters = new Map<TopKValue, number>();

  constructor(capacity = 100) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`top-K capacity must be a positive integer, got ${capacity}`);
    this.capacity = capacity;
  }

  /** True while every count is exact. */
  get exact(): boolean {
    return this.maxError === 0 && this.counters.size <= this.capacity;
  }

  /** Adds `count` (a positive integer, default 1) occurrences of `value`. */
  add(value: TopKValue, count = 1): void {
    checkValue(value);
    if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`top-K counts must be non-negative integers, got ${count}`);
    if (count === 0) return;
    if (typeof value === 'number' && value === 0) value = 0; // -0 is 0
    this.total += count;
    this.counters.set(value, (this.counters.get(value) ?? 0) + count);
    if (this.counters.size > 2 * this.capacity) this.trim();
  }

  /** Keeps the `capacity` largest counters; the largest dropped count joins maxError. */
  private trim(): void {
    if (this.counters.size <= this.capacity) return;
    const items = this.sortedItems();
    const dropped = items[this.capacity].count;
    this.maxError += dropped;
    this.counters = new Map(items.slice(0, this.capacity).map((item) => [item.value, item.count]));
  }

  private sortedItems(): TopKItem[] {
    return Array.from(this.counters, ([value, count]) => ({ value, count })).sort(byCountThenValue);
  }

  /** Lower bound on the frequency of `value` (0 if unlisted). */
  lowerBound(value: TopKValue): number {
    return this.counters.get(value) ?? 0;
  }

  /** Upper bound on the frequency of `value`. */
  upperBound(value: TopKValue): number {
    return this.lowerBound(value) + this.maxError;
  }

  /** At most `capacity` items, most frequent first (ties by value). */
  items(): TopKItem[] {
    this.trim();
    return this.sortedItems();
  }

  /** Folds another summary into this one (capacities may differ; this one's is kept). */
  merge(other: TopK): this {
    this.total += other.total;
    this.maxError += other.maxError;
    for (const [value, count] of other.counters) this.counters.set(value, (this.counters.get(value) ?? 0) + count);
    this.trim();
    return this;
  }

  toJSON(): TopKJSON {
    return { capacity: this.capacity, total: this.total, maxError: this.maxError, items: this.items() };
  }

  /** Restores a summary; throws RangeError/TypeError when the JSON is inconsistent. */
  static fromJSON(json: TopKJSON): TopK {
    const topK = new TopK(json.capacity);
    let listed = 0;
    for (const item of json.items) {
      checkValue(item.value);
      if (!Number.isSafeInteger(item.count) || item.count <= 0) throw new RangeError(`top-K item counts must be positive integers, got ${item.count}`);
      if (topK.counters.has(item.value)) throw new RangeError(`top-K lists ${String(item.value)} twice`);
      topK.counters.set(item.value, item.count);
      listed += item.count;
    }
    if (json.items.length > json.capacity) throw new RangeError(`top-K lists ${json.items.length} items, above its capacity ${json.capacity}`);
    if (!Number.isSafeInteger(json.total) || json.total < listed) throw new RangeError(`top-K total ${json.total} is below the listed counts (${listed})`);
    if (!(json.maxError >= 0) || !Number.isSafeInteger(json.maxError)) throw new RangeError(`top-K maxError must be a non-negative integer, got ${json.maxError}`);
    topK.total = json.total;
    topK.maxError = json.maxError;
    return topK;
  }

  /**
   * Summary of exact counts (e.g. a profile's per-category tallies): the
   * `capacity` largest are kept exactly and maxError is the largest count left out.
   */
  static fromCounts(entries: Iterable<readonly [TopKValue, number]>, capacity = 100): TopK {
    const topK = new TopK(capacity);
    for (const [value, count] of entries) {
      checkValue(value);
      if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`top-K counts must be non-negative integers, got ${count}`);
      if (count === 0) continue;
      topK.total += count;
      topK.counters.set(value, (topK.counters.get(value) ?? 0) + count);
    }
    topK.trim();
    return topK;
  }
}
