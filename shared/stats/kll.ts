/**
 * KLL quantile sketch (Karnin, Lang & Liberty 2016), mergeable and
 * serializable, deterministic for a given seed and input order.
 *
 * Structure. Level h holds items of weight 2^h; its capacity is
 * max(8, ceil(k * (2/3)^depth)), depth counted down from the top level, as in
 * Apache DataSketches. Compaction is lazy, also as in DataSketches: only when
 * the sketch holds as many items as all levels' capacities together is the
 * lowest full level sorted and every other item (random offset) promoted; an
 * odd item out stays behind.
 *
 * Sampler. Like the paper's space-optimal variant, the bottom of the
 * hierarchy is a sampler once the stream is long: of every block of w
 * values (w a power of two, the largest with w <= n / k^2) one, chosen at
 * random, enters level log2(w). Sorting dominates the cost of a sketch, and
 * this keeps it to about k^2 * log2(n / k^2) sorted items however long the
 * stream (1M values, k = 200: ~0.2M), which is what makes a 1M x 20 profile
 * fast. Its rank error has standard deviation at most sqrt(n * w) / 2 <=
 * n / (2k).
 *
 * Error bound (normalized rank, 99% confidence), {@link KllSketch.rankErrorBound}:
 * sqrt(e_kll^2 + e_sampler^2), where e_kll is Apache DataSketches' published
 * figure for k ({@link kllRankError}: single quantile 2.296 / k^0.9723,
 * double-sided 2.446 / k^0.9433) and e_sampler = 2.576 * sqrt(w / n) / 2.
 * For k = 200: 1.33% (1.65% double-sided) while no sampling has happened,
 * at most 1.48% (1.77%) with it. Tests measure the error against this bound.
 *
 * Randomness: compaction offsets and sampler picks are splitmix32 hashes of
 * (seed, counter), so a sketch restored from JSON continues exactly as the
 * original would have.
 *
 * Values: finite numbers only; NaN is skipped and +/-Infinity throws a
 * RangeError (callers count infinities separately).
 */

const MIN_LEVEL_CAPACITY = 8;
const DEFAULT_K = 200;
const SHRINK = 2 / 3;
const Z99 = 2.5758293035489004;

/** DataSketches' 99%-confidence normalized rank error of a KLL sketch with parameter k (no sampler). */
export function kllRankError(k: number, doubleSided = false): number {
  return doubleSided ? 2.446 / Math.pow(k, 0.9433) : 2.296 / Math.pow(k, 0.9723);
}

/** Plain-JSON form of a {@link KllSketch}. */
export interface KllJSON {
  k: number;
  /** Number of values summarized. */
  n: number;
  min: number | null;
  max: number | null;
  seed: number;
  /** Compactions done so far (drives the next random offset). */
  compactions: number;
  /** Sampler: block weight (power of two), values seen in the current block, blocks completed. */
  sampler: { weight: number; position: number; blocks: number };
  /** Retained items per level; level h items have weight 2^h. */
  levels: number[][];
}

export interface KllOptions {
  /** Accuracy parameter (default 200), 8 <= k <= 65535. */
  k?: number;
  /** Seed for the random choices (default 1). */
  seed?: number;
  /** Sample long streams (default true); false keeps every value, at several times the cost. */
  sampler?: boolean;
}

/** splitmix32-style hash of (seed, counter) to 32 random bits. */
function hash32(seed: number, counter: number): number {
  let t = (Math.imul(seed | 0, 0x9e3779b9) ^ Math.imul(Math.floor(seed / 4294967296) | 0, 0x7feb352d)) | 0;
  t = (t ^ Math.imul(counter | 0, 0x85ebca6b) ^ Math.imul(Math.floor(counter / 4294967296) | 0, 0xc2b2ae35)) | 0;
  t = (t + 0x9e3779b9) | 0;
  t ^= t >>> 16;
  t = Math.imul(t, 0x21f0aaad);
  t ^= t >>> 15;
  t = Math.imul(t, 0x735a2d97);
  t ^= t >>> 15;
  return t >>> 0;
}

/** Copies `count` values from `source[from..]` to `target[at..]`. */
function copyInto(target: Float64Array, at: number, source: ArrayLike<number>, from: number, count: number): void {
  if (source instanceof Float64Array) {
    target.set(source.subarray(from, from + count), at);
    return;
  }
  for (let j = 0; j < count; j++) target[at + j] = source[from + j];
}

/** Insertion sort of a[0..n) for tiny buffers; the engine's sort otherwise. */
function sortPrefix(a: Float64Array, n: number): void {
  if (n > 32) {
    a.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > x) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}

export class KllSketch {
  readonly k: number;
  readonly seed: number;
  readonly samplerEnabled: boolean;
  /** Number of values summarized. */
  n = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  private compactions = 0;
  private buffers: Float64Array[] = [];
  private sizes: number[] = [];
  private sorted: boolean[] = [];
  private capacities: number[] = [];
  private totalCapacity = 0;
  private retainedCount = 0;
  /** Level new values enter: log2 of the sampler weight. */
  private entryLevel = 0;
  private sampleWeight = 1;
  private samplePosition = 0;
  private sampleBlocks = 0;
  /** Position in the current block whose value is kept. */
  private samplePick = 0;

  constructor(options: KllOptions = {}) {
    const k = options.k ?? DEFAULT_K;
    if (!Number.isInteger(k) || k < MIN_LEVEL_CAPACITY || k > 65535) {
      throw new RangeError(`KLL k must be an integer in ${MIN_LEVEL_CAPACITY}..65535, got ${k}`);
    }
    const seed = options.seed ?? 1;
    if (!Number.isSafeInteger(seed)) throw new RangeError(`KLL seed must be a safe integer, got ${seed}`);
    this.k = k;
    this.seed = seed;
    this.samplerEnabled = options.sampler ?? true;
    this.addLevel();
  }

  /** Number of levels in the hierarchy. */
  get numLevels(): number {
    return this.sizes.length;
  }

  /** Number of items kept. */
  get retained(): number {
    return this.retainedCount;
  }

  get isEmpty(): boolean {
    return this.n === 0;
  }

  /** Current sampler block size (1 = every value kept). */
  get samplerWeight(): number {
    return this.sampleWeight;
  }

  /** 99%-confidence normalized rank error of this sketch now (see the module comment). */
  rankErrorBound(doubleSided = false): number {
    const kll = kllRankError(this.k, doubleSided);
    if (this.sampleWeight === 1 || this.n === 0) return kll;
    const sampler = (Z99 * Math.sqrt(this.sampleWeight / this.n)) / 2;
    return Math.sqrt(kll * kll + sampler * sampler);
  }

  private addLevel(): void {
    this.buffers.push(new Float64Array(2 * this.k + 2 * MIN_LEVEL_CAPACITY));
    this.sizes.push(0);
    this.sorted.push(true);
    const h = this.sizes.length;
    let total = 0;
    this.capacities = [];
    for (let level = 0; level < h; level++) {
      const cap = Math.max(MIN_LEVEL_CAPACITY, Math.ceil(this.k * Math.pow(SHRINK, h - 1 - level)));
      this.capacities.push(cap);
      total += cap;
    }
    this.totalCapacity = total;
  }

  private ensureRoom(level: number, needed: number): void {
    const buffer = this.buffers[level];
    if (buffer.length >= needed) return;
    const bigger = new Float64Array(Math.max(needed, 2 * buffer.length));
    bigger.set(buffer.subarray(0, this.sizes[level]));
    this.buffers[level] = bigger;
  }

  private readonly single = new Float64Array(1);

  /** Adds one value (NaN is skipped). */
  update(value: number): void {
    if (value !== value) return;
    this.single[0] = value;
    this.addArray(this.single);
  }

  /** Adds `values[start..end)`, skipping NaN; the profile's hot path. */
  addArray(values: ArrayLike<number>, start = 0, end = values.length): void {
    // One pass for min, max and NaN first: infinities are refused before
    // anything is added, and a NaN-free range lets the sampler jump straight
    // to the values it keeps instead of visiting every one.
    let min = this.min;
    let max = this.max;
    let nan = 0;
    for (let i = start; i < end; i++) {
      const x = values[i];
      if (x !== x) nan++;
      else {
        if (x < min) min = x;
        if (x > max) max = x;
      }
    }
    if (min === Number.NEGATIVE_INFINITY || max === Number.POSITIVE_INFINITY) {
      throw new RangeError('KLL accepts finite values only');
    }
    this.min = min;
    this.max = max;
    this.addChecked(values, start, end, nan > 0);
  }

  /**
   * {@link addArray} for values the caller vouches for: every one of
   * `values[start..end)` finite (no NaN, no infinity), and `min`/`max` (the
   * extremes of everything this sketch will have seen, e.g. from a
   * {@link Moments} pass over the same values) bound them. Saves the pass
   * that finds the extremes and NaN: the profile's hot path.
   */
  addFinite(values: Float64Array, start: number, end: number, min: number, max: number): void {
    if (!(Number.isFinite(min) && Number.isFinite(max))) throw new RangeError('KLL accepts finite values only');
    if (min < this.min) this.min = min;
    if (max > this.max) this.max = max;
    this.addChecked(values, start, end, false);
  }

  /** Adds values whose extremes are already recorded; `hasNaN` says whether NaN must be skipped. */
  private addChecked(values: ArrayLike<number>, start: number, end: number, hasNaN: boolean): void {
    let i = start;
    while (i < end) {
      const level = this.entryLevel;
      while (level >= this.sizes.length) this.addLevel();
      const before = this.sizes[level];
      const limit = before + this.totalCapacity - this.retainedCount;
      this.ensureRoom(level, limit);
      i = this.sampleWeight === 1 ? this.keepAll(values, i, end, level, limit, hasNaN) : this.keepSampled(values, i, end, level, limit, hasNaN);
      const added = this.sizes[level] - before;
      if (added > 0) {
        this.sorted[level] = false;
        this.retainedCount += added;
      }
      if (this.retainedCount >= this.totalCapacity) this.compactOnce();
    }
  }

  /**
   * Before sampling starts: appends `values[i..end)` to `level` until it
   * holds `limit` items. Returns where it stopped.
   */
  private keepAll(values: ArrayLike<number>, i: number, end: number, level: number, limit: number, hasNaN: boolean): number {
    const buffer = this.buffers[level];
    let size = this.sizes[level];
    let n = this.n;
    if (!hasNaN) {
      const take = Math.min(end - i, limit - size);
      copyInto(buffer, size, values, i, take);
      size += take;
      n += take;
      i += take;
    } else {
      while (i < end && size < limit) {
        const x = values[i++];
        if (x !== x) continue;
        buffer[size++] = x;
        n++;
      }
    }
    this.sizes[level] = size;
    this.n = n;
    if (this.samplerEnabled) this.maybeStartSampling();
    return i;
  }

  /**
   * The sampler: of every block of `weight` values one, picked at random,
   * goes to `level`. Without NaN in the range it jumps from pick to pick;
   * with NaN it visits every value (NaN does not count towards a block).
   * Stops at `end`, when the level holds `limit` items, or at a block
   * boundary where the weight may grow. Returns where it stopped.
   */
  private keepSampled(values: ArrayLike<number>, i: number, end: number, level: number, limit: number, hasNaN: boolean): number {
    const buffer = this.buffers[level];
    const weight = this.sampleWeight;
    const growAt = 2 * weight * this.k * this.k;
    let size = this.sizes[level];
    let position = this.samplePosition;
    let pick = this.samplePick;
    let n = this.n;
    let weightMayGrow = false;
    while (i < end && size < limit) {
      if (hasNaN) {
        const x = values[i++];
        if (x !== x) continue;
        n++;
        if (position === pick) buffer[size++] = x;
        position++;
      } else {
        const available = end - i;
        let consume = weight - position;
        if (pick >= position && pick - position < available) {
          buffer[size++] = values[i + pick - position];
          // A full level stops the scan right after the kept value.
          if (size === limit) consume = pick - position + 1;
        }
        if (consume > available) consume = available;
        i += consume;
        n += consume;
        position += consume;
      }
      if (position === weight) {
        position = 0;
        this.sampleBlocks++;
        pick = hash32(this.seed, this.sampleBlocks) & (weight - 1);
        if (n >= growAt) {
          weightMayGrow = true;
          break;
        }
      }
    }
    this.sizes[level] = size;
    this.n = n;
    this.samplePosition = position;
    this.samplePick = pick;
    if (weightMayGrow) this.maybeGrowSampler();
    return i;
  }

  private maybeStartSampling(): void {
    if (this.n >= 2 * this.k * this.k) {
      this.samplePosition = 0;
      this.sampleBlocks = 0;
      this.sampleWeight = 1;
      this.maybeGrowSampler();
    }
  }

  /** Doubles the sampler weight while w <= n / k^2 allows; only at block boundaries. */
  private maybeGrowSampler(): void {
    if (!this.samplerEnabled || this.samplePosition !== 0) return;
    let grew = false;
    while (this.n >= 2 * this.sampleWeight * this.k * this.k) {
      this.sampleWeight *= 2;
      this.entryLevel++;
      grew = true;
    }
    if (grew) this.samplePick = hash32(this.seed, this.sampleBlocks) & (this.sampleWeight - 1);
  }

  /**
   * Adds `values[i]` with multiplicity `counts[i]` (positive integers) exactly:
   * each count is split into powers of two and the value placed directly at
   * those levels, so no error enters until later compactions. This is how a
   * profile turns its exact low-cardinality counts into a sketch.
   */
  addWeighted(values: ArrayLike<number>, counts: ArrayLike<number>): void {
    if (values.length !== counts.length) throw new RangeError('addWeighted needs as many counts as values');
    const perLevel: number[][] = [];
    let added = 0;
    for (let i = 0; i < values.length; i++) {
      const x = values[i];
      const c = counts[i];
      if (!Number.isSafeInteger(c) || c < 0) throw new RangeError(`addWeighted counts must be non-negative integers, got ${c}`);
      if (c === 0 || x !== x) continue;
      if (!Number.isFinite(x)) throw new RangeError('KLL accepts finite values only');
      if (x < this.min) this.min = x;
      if (x > this.max) this.max = x;
      added += c;
      let rest = c;
      for (let level = 0; rest > 0; level++) {
        if (rest % 2 === 1) (perLevel[level] ??= []).push(x);
        rest = Math.floor(rest / 2);
      }
    }
    if (added === 0) return;
    while (this.sizes.length < perLevel.length) this.addLevel();
    perLevel.forEach((items, level) => {
      if (items === undefined) return;
      const sortedItems = Float64Array.from(items).sort();
      this.absorb(level, sortedItems, true);
    });
    this.n += added;
    this.afterBulkInsert();
  }

  /** Compacts the lowest level at or over its capacity (adding a level on top if needed). */
  private compactOnce(): void {
    let level = 0;
    while (level < this.sizes.length && this.sizes[level] < this.capacities[level]) level++;
    if (level === this.sizes.length) return;
    if (level + 1 === this.sizes.length) this.addLevel();
    this.compactLevel(level);
  }

  /** Halves `level` into level + 1. */
  private compactLevel(level: number): void {
    const src = this.buffers[level];
    const size = this.sizes[level];
    if (!this.sorted[level]) sortPrefix(src, size);
    // With an odd count the smallest item stays behind; of the rest, every other one (random start) moves up.
    const leftover = size & 1;
    const first = leftover + (hash32(this.seed ^ 0x5bd1e995, this.compactions++) & 1);
    const half = (size - leftover) >> 1;
    const up = level + 1;
    const upSize = this.sizes[up];
    this.ensureRoom(up, upSize + half);
    const dst = this.buffers[up];
    if (!this.sorted[up]) {
      for (let i = 0; i < half; i++) dst[upSize + i] = src[first + 2 * i];
    } else {
      // Merge from the back, so the upper level merges in place, picking the promoted items as it goes.
      let a = upSize - 1;
      let b = half - 1;
      let out = upSize + half - 1;
      while (a >= 0 && b >= 0) {
        const promoted = src[first + 2 * b];
        const kept = dst[a];
        if (kept > promoted) {
          dst[out--] = kept;
          a--;
        } else {
          dst[out--] = promoted;
          b--;
        }
      }
      while (b >= 0) dst[out--] = src[first + 2 * b--];
    }
    this.sizes[up] = upSize + half;
    this.sizes[level] = leftover;
    this.sorted[level] = true;
    this.retainedCount -= half;
  }

  /** Retained items sorted by value with cumulative weights. */
  private sortedView(): { values: Float64Array; cumulative: Float64Array } {
    const total = this.retainedCount;
    const values = new Float64Array(total);
    const weights = new Float64Array(total);
    let p = 0;
    for (let level = 0; level < this.sizes.length; level++) {
      const w = 2 ** level;
      const buffer = this.buffers[level];
      for (let i = 0; i < this.sizes[level]; i++) {
        values[p] = buffer[i];
        weights[p] = w;
        p++;
      }
    }
    const order = new Uint32Array(total);
    for (let i = 0; i < total; i++) order[i] = i;
    order.sort((x, y) => values[x] - values[y]);
    const sorted = new Float64Array(total);
    const cumulative = new Float64Array(total);
    let acc = 0;
    for (let i = 0; i < total; i++) {
      sorted[i] = values[order[i]];
      acc += weights[order[i]];
      cumulative[i] = acc;
    }
    return { values: sorted, cumulative };
  }

  private totalWeight(): number {
    let total = 0;
    for (let level = 0; level < this.sizes.length; level++) total += this.sizes[level] * 2 ** level;
    return total;
  }

  /**
   * Normalized rank of `x`: estimated fraction of values <= x (inclusive, like
   * DataSketches' default). Exactly 0 below the minimum and 1 at or above the maximum.
   */
  rank(x: number): number {
    if (this.n === 0) return Number.NaN;
    if (x < this.min) return 0;
    if (x >= this.max) return 1;
    let weight = 0;
    for (let level = 0; level < this.sizes.length; level++) {
      const w = 2 ** level;
      const buffer = this.buffers[level];
      for (let i = 0; i < this.sizes[level]; i++) if (buffer[i] <= x) weight += w;
    }
    return Math.min(1, weight / this.totalWeight());
  }

  /**
   * Estimated CDF at strictly increasing split points: result[i] =
   * rank(splitPoints[i]), plus a final 1 (length + 1 entries, like DataSketches).
   */
  cdf(splitPoints: ArrayLike<number>): number[] {
    for (let i = 1; i < splitPoints.length; i++) {
      if (!(splitPoints[i] > splitPoints[i - 1])) throw new RangeError('cdf split points must be strictly increasing');
    }
    const result: number[] = [];
    for (let i = 0; i < splitPoints.length; i++) result.push(this.rank(splitPoints[i]));
    result.push(1);
    return result;
  }

  /**
   * Value at normalized rank q in [0, 1]: the smallest retained item whose
   * inclusive rank is >= q; q = 0 gives the exact minimum and q = 1 the exact
   * maximum. NaN for an empty sketch.
   */
  quantile(q: number): number {
    return this.quantiles([q])[0];
  }

  /** {@link quantile} for several ranks with one sort of the retained items. */
  quantiles(qs: ArrayLike<number>): number[] {
    for (let i = 0; i < qs.length; i++) {
      const q = qs[i];
      if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile rank must be in [0, 1], got ${q}`);
    }
    if (this.n === 0) return Array.from({ length: qs.length }, () => Number.NaN);
    const { values, cumulative } = this.sortedView();
    const total = cumulative[cumulative.length - 1];
    const out: number[] = [];
    for (let i = 0; i < qs.length; i++) {
      const q = qs[i];
      if (q === 0) {
        out.push(this.min);
        continue;
      }
      if (q === 1) {
        out.push(this.max);
        continue;
      }
      const target = q * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] >= target) hi = mid;
        else lo = mid + 1;
      }
      out.push(values[lo]);
    }
    return out;
  }

  /** Folds `other` into this sketch (both must share k); `other` is not changed. */
  merge(other: KllSketch): this {
    if (other.k !== this.k) throw new RangeError(`cannot merge KLL sketches with k=${this.k} and k=${other.k}`);
    if (other.n === 0) return this;
    while (this.sizes.length < other.sizes.length) this.addLevel();
    for (let level = 0; level < other.sizes.length; level++) {
      this.absorb(level, other.buffers[level].subarray(0, other.sizes[level]), other.sorted[level]);
    }
    this.n += other.n;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
    this.afterBulkInsert();
    return this;
  }

  /** After items were placed in bulk: let the sampler catch up with n, then compact down to capacity. */
  private afterBulkInsert(): void {
    if (this.samplerEnabled) {
      if (this.sampleWeight === 1) this.maybeStartSampling();
      else this.maybeGrowSampler();
    }
    while (this.retainedCount >= this.totalCapacity) this.compactOnce();
  }

  private absorb(level: number, incoming: Float64Array, incomingSorted: boolean): void {
    if (incoming.length === 0) return;
    const size = this.sizes[level];
    this.ensureRoom(level, size + incoming.length);
    const buffer = this.buffers[level];
    if (this.sorted[level] && incomingSorted) {
      const merged = new Float64Array(size + incoming.length);
      let a = 0;
      let b = 0;
      let out = 0;
      while (a < size && b < incoming.length) merged[out++] = buffer[a] <= incoming[b] ? buffer[a++] : incoming[b++];
      while (a < size) merged[out++] = buffer[a++];
      while (b < incoming.length) merged[out++] = incoming[b++];
      buffer.set(merged);
    } else {
      buffer.set(incoming, size);
      this.sorted[level] = false;
    }
    this.sizes[level] = size + incoming.length;
    this.retainedCount += incoming.length;
  }

  toJSON(): KllJSON {
    const empty = this.n === 0;
    return {
      k: this.k,
      n: this.n,
      min: empty ? null : this.min,
      max: empty ? null : this.max,
      seed: this.seed,
      compactions: this.compactions,
      sampler: { weight: this.samplerEnabled ? this.sampleWeight : 0, position: this.samplePosition, blocks: this.sampleBlocks },
      levels: this.sizes.map((size, level) => Array.from(this.buffers[level].subarray(0, size))),
    };
  }

  /** Restores a sketch; throws RangeError when the JSON is inconsistent. */
  static fromJSON(json: KllJSON): KllSketch {
    const samplerOn = json.sampler.weight !== 0;
    const sketch = new KllSketch({ k: json.k, seed: json.seed, sampler: samplerOn });
    if (!Number.isSafeInteger(json.n) || json.n < 0) throw new RangeError(`KLL n must be a non-negative integer, got ${json.n}`);
    if (!Array.isArray(json.levels) || json.levels.length === 0) throw new RangeError('KLL levels must be a non-empty array');
    const weight = samplerOn ? json.sampler.weight : 1;
    if (!Number.isInteger(Math.log2(weight)) || !(json.sampler.position >= 0 && json.sampler.position < weight)) {
      throw new RangeError(`KLL sampler state is invalid: ${JSON.stringify(json.sampler)}`);
    }
    while (sketch.sizes.length < json.levels.length) sketch.addLevel();
    let retained = 0;
    json.levels.forEach((items, level) => {
      for (const x of items) {
        if (typeof x !== 'number' || !Number.isFinite(x)) throw new RangeError(`KLL level ${level} holds a non-finite item`);
      }
      sketch.ensureRoom(level, items.length);
      sketch.buffers[level].set(items);
      sketch.sizes[level] = items.length;
      let sorted = true;
      for (let i = 1; i < items.length && sorted; i++) if (items[i] < items[i - 1]) sorted = false;
      sketch.sorted[level] = sorted;
      retained += items.length;
    });
    sketch.retainedCount = retained;
    sketch.n = json.n;
    sketch.compactions = json.compactions;
    sketch.sampleWeight = weight;
    sketch.entryLevel = Math.log2(weight);
    sketch.samplePosition = json.sampler.position;
    sketch.sampleBlocks = json.sampler.blocks;
    sketch.samplePick = hash32(sketch.seed, sketch.sampleBlocks) & (weight - 1);
    if (json.n > 0) {
      if (json.min === null || json.max === null) throw new RangeError('KLL min/max missing for a non-empty sketch');
      sketch.min = json.min;
      sketch.max = json.max;
    }
    return sketch;
  }
}
