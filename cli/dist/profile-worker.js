// shared/stats/moments.ts
var Moments = class _Moments {
  count = 0;
  mean = 0;
  /** Sum of squared deviations from the mean. */
  m2 = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  /** Adds one value; NaN and +/-Infinity are skipped. Returns 1 if `value` was infinite, else 0. */
  add(value) {
    if (value !== value) return 0;
    if (value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY) return 1;
    const n = this.count + 1;
    const delta = value - this.mean;
    this.mean += delta / n;
    this.m2 += delta * (value - this.mean);
    this.count = n;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    return 0;
  }
  /**
   * Adds `values[start..end)`, skipping NaN and +/-Infinity; returns the
   * number of infinities skipped. Two passes over the chunk, then one merge:
   * exact to rounding and branch-light for the hot loop.
   */
  addArray(values, start = 0, end = values.length) {
    let n = 0;
    let sum = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = start; i < end; i++) {
      const x = values[i];
      if (x !== x) continue;
      n++;
      sum += x;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    if (n === 0) return 0;
    if (min === Number.NEGATIVE_INFINITY || max === Number.POSITIVE_INFINITY) return this.addArrayWithInfinities(values, start, end);
    const mean = sum / n;
    let m2 = 0;
    let correction = 0;
    for (let i = start; i < end; i++) {
      const x = values[i];
      if (x !== x) continue;
      const d = x - mean;
      m2 += d * d;
      correction += d;
    }
    m2 -= correction * correction / n;
    this.mergeParts(n, mean, m2, sum, min, max);
    return 0;
  }
  /** Rare path: copy the finite values, then accumulate them. */
  addArrayWithInfinities(values, start, end) {
    const finite2 = [];
    let infinities = 0;
    for (let i = start; i < end; i++) {
      const x = values[i];
      if (x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY) infinities++;
      else if (x === x) finite2.push(x);
    }
    this.addArray(finite2);
    return infinities;
  }
  /** Folds another accumulator into this one (Chan's parallel update). */
  merge(other) {
    if (other.count === 0) return this;
    const min = other.min ?? Number.POSITIVE_INFINITY;
    const max = other.max ?? Number.NEGATIVE_INFINITY;
    this.mergeParts(other.count, other.mean, other.m2, other.sum, min, max);
    return this;
  }
  mergeParts(nB, meanB, m2B, sumB, minB, maxB) {
    const nA = this.count;
    if (nA === 0) {
      this.count = nB;
      this.mean = meanB;
      this.m2 = m2B;
    } else {
      const n = nA + nB;
      const delta = meanB - this.mean;
      this.mean = (nA * this.mean + nB * meanB) / n;
      this.m2 = this.m2 + m2B + delta * delta * nA / n * nB;
      this.count = n;
    }
    this.sum += sumB;
    if (minB < this.min) this.min = minB;
    if (maxB > this.max) this.max = maxB;
  }
  /** Sample variance (ddof = 1); NaN for fewer than 2 values. */
  variance() {
    return this.count < 2 ? Number.NaN : this.m2 / (this.count - 1);
  }
  /** Population variance (ddof = 0); NaN when empty. */
  populationVariance() {
    return this.count < 1 ? Number.NaN : this.m2 / this.count;
  }
  /** Sample standard deviation (ddof = 1). */
  std() {
    return Math.sqrt(this.variance());
  }
  /** Population standard deviation (ddof = 0). */
  populationStd() {
    return Math.sqrt(this.populationVariance());
  }
  toJSON() {
    const empty = this.count === 0;
    return {
      count: this.count,
      mean: this.mean,
      m2: this.m2,
      sum: this.sum,
      min: empty ? null : this.min,
      max: empty ? null : this.max
    };
  }
  /** Rebuilds an accumulator from {@link MomentsJSON}. */
  static fromJSON(json) {
    if (!Number.isInteger(json.count) || json.count < 0) throw new RangeError(`Moments count must be a non-negative integer, got ${json.count}`);
    const m = new _Moments();
    m.merge(json);
    return m;
  }
  /** Accumulator over the finite values of an array. */
  static of(values) {
    const m = new _Moments();
    m.addArray(values);
    return m;
  }
};

// shared/stats/radix-sort.ts
var DIGIT_BITS = 11;
var RADIX = 1 << DIGIT_BITS;
var DIGIT_MASK = RADIX - 1;
var LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

// shared/stats/kll.ts
var MIN_LEVEL_CAPACITY = 8;
var DEFAULT_K = 200;
var SHRINK = 2 / 3;
var Z99 = 2.5758293035489004;
function kllRankError(k, doubleSided = false) {
  return doubleSided ? 2.446 / Math.pow(k, 0.9433) : 2.296 / Math.pow(k, 0.9723);
}
function hash32(seed, counter) {
  let t = Math.imul(seed | 0, 2654435769) ^ Math.imul(Math.floor(seed / 4294967296) | 0, 2146121005) | 0;
  t = t ^ Math.imul(counter | 0, 2246822507) ^ Math.imul(Math.floor(counter / 4294967296) | 0, 3266489909) | 0;
  t = t + 2654435769 | 0;
  t ^= t >>> 16;
  t = Math.imul(t, 569420461);
  t ^= t >>> 15;
  t = Math.imul(t, 1935289751);
  t ^= t >>> 15;
  return t >>> 0;
}
function sortPrefix(a, n) {
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
var KllSketch = class _KllSketch {
  k;
  seed;
  samplerEnabled;
  /** Number of values summarized. */
  n = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  compactions = 0;
  buffers = [];
  sizes = [];
  sorted = [];
  capacities = [];
  totalCapacity = 0;
  retainedCount = 0;
  /** Level new values enter: log2 of the sampler weight. */
  entryLevel = 0;
  sampleWeight = 1;
  samplePosition = 0;
  sampleBlocks = 0;
  /** Position in the current block whose value is kept. */
  samplePick = 0;
  constructor(options = {}) {
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
  get numLevels() {
    return this.sizes.length;
  }
  /** Number of items kept. */
  get retained() {
    return this.retainedCount;
  }
  get isEmpty() {
    return this.n === 0;
  }
  /** Current sampler block size (1 = every value kept). */
  get samplerWeight() {
    return this.sampleWeight;
  }
  /** 99%-confidence normalized rank error of this sketch now (see the module comment). */
  rankErrorBound(doubleSided = false) {
    const kll = kllRankError(this.k, doubleSided);
    if (this.sampleWeight === 1 || this.n === 0) return kll;
    const sampler = Z99 * Math.sqrt(this.sampleWeight / this.n) / 2;
    return Math.sqrt(kll * kll + sampler * sampler);
  }
  addLevel() {
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
  ensureRoom(level, needed) {
    const buffer = this.buffers[level];
    if (buffer.length >= needed) return;
    const bigger = new Float64Array(Math.max(needed, 2 * buffer.length));
    bigger.set(buffer.subarray(0, this.sizes[level]));
    this.buffers[level] = bigger;
  }
  /** Adds one value (NaN is skipped). */
  update(value) {
    if (value !== value) return;
    this.addArray([value]);
  }
  /** Adds `values[start..end)`, skipping NaN; the profile's hot path. */
  addArray(values, start = 0, end = values.length) {
    let i = start;
    let min = this.min;
    let max = this.max;
    while (i < end) {
      const level = this.entryLevel;
      while (level >= this.sizes.length) this.addLevel();
      const room = this.totalCapacity - this.retainedCount;
      let size = this.sizes[level];
      this.ensureRoom(level, size + room);
      const buffer = this.buffers[level];
      const limit = size + room;
      let n = this.n;
      if (this.sampleWeight === 1) {
        while (i < end && size < limit) {
          const x = values[i++];
          if (x !== x) continue;
          buffer[size++] = x;
          if (x < min) min = x;
          if (x > max) max = x;
          n++;
        }
        this.n = n;
        if (this.samplerEnabled) this.maybeStartSampling();
      } else {
        const weight = this.sampleWeight;
        let position = this.samplePosition;
        let pick = this.samplePick;
        let weightMayGrow = false;
        while (i < end && size < limit) {
          const x = values[i++];
          if (x !== x) continue;
          if (x < min) min = x;
          if (x > max) max = x;
          n++;
          if (position === pick) buffer[size++] = x;
          if (++position === weight) {
            position = 0;
            this.sampleBlocks++;
            pick = hash32(this.seed, this.sampleBlocks) & weight - 1;
            if (n >= 2 * weight * this.k * this.k) {
              weightMayGrow = true;
              break;
            }
          }
        }
        this.n = n;
        this.samplePosition = position;
        this.samplePick = pick;
        if (weightMayGrow) this.maybeGrowSampler();
      }
      const added = size - this.sizes[level];
      if (added > 0) {
        this.sizes[level] = size;
        this.sorted[level] = false;
        this.retainedCount += added;
      }
      if (this.retainedCount >= this.totalCapacity) this.compactOnce();
    }
    if (min === Number.NEGATIVE_INFINITY || max === Number.POSITIVE_INFINITY) {
      throw new RangeError("KLL accepts finite values only");
    }
    this.min = min;
    this.max = max;
  }
  maybeStartSampling() {
    if (this.n >= 2 * this.k * this.k) {
      this.samplePosition = 0;
      this.sampleBlocks = 0;
      this.sampleWeight = 1;
      this.maybeGrowSampler();
    }
  }
  /** Doubles the sampler weight while w <= n / k^2 allows; only at block boundaries. */
  maybeGrowSampler() {
    if (!this.samplerEnabled || this.samplePosition !== 0) return;
    let grew = false;
    while (this.n >= 2 * this.sampleWeight * this.k * this.k) {
      this.sampleWeight *= 2;
      this.entryLevel++;
      grew = true;
    }
    if (grew) this.samplePick = hash32(this.seed, this.sampleBlocks) & this.sampleWeight - 1;
  }
  /**
   * Adds `values[i]` with multiplicity `counts[i]` (positive integers) exactly:
   * each count is split into powers of two and the value placed directly at
   * those levels, so no error enters until later compactions. This is how a
   * profile turns its exact low-cardinality counts into a sketch.
   */
  addWeighted(values, counts) {
    if (values.length !== counts.length) throw new RangeError("addWeighted needs as many counts as values");
    const perLevel = [];
    let added = 0;
    for (let i = 0; i < values.length; i++) {
      const x = values[i];
      const c = counts[i];
      if (!Number.isSafeInteger(c) || c < 0) throw new RangeError(`addWeighted counts must be non-negative integers, got ${c}`);
      if (c === 0 || x !== x) continue;
      if (!Number.isFinite(x)) throw new RangeError("KLL accepts finite values only");
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
      if (items === void 0) return;
      const sortedItems = Float64Array.from(items).sort();
      this.absorb(level, sortedItems, true);
    });
    this.n += added;
    if (this.samplerEnabled) {
      if (this.sampleWeight === 1) this.maybeStartSampling();
      else this.maybeGrowSampler();
    }
    while (this.retainedCount >= this.totalCapacity) this.compactOnce();
  }
  /** Compacts the lowest level at or over its capacity (adding a level on top if needed). */
  compactOnce() {
    let level = 0;
    while (level < this.sizes.length && this.sizes[level] < this.capacities[level]) level++;
    if (level === this.sizes.length) return;
    if (level + 1 === this.sizes.length) this.addLevel();
    this.compactLevel(level);
  }
  /** Halves `level` into level + 1. */
  compactLevel(level) {
    const src = this.buffers[level];
    const size = this.sizes[level];
    if (!this.sorted[level]) sortPrefix(src, size);
    const leftover = size & 1;
    const offset = hash32(this.seed ^ 1540483477, this.compactions++) & 1;
    const half = size - leftover >> 1;
    for (let i = 0; i < half; i++) src[leftover + i] = src[leftover + offset + 2 * i];
    const up = level + 1;
    const upSize = this.sizes[up];
    this.ensureRoom(up, upSize + half);
    const dst = this.buffers[up];
    if (!this.sorted[up]) {
      dst.set(src.subarray(leftover, leftover + half), upSize);
    } else {
      let a = upSize - 1;
      let b = leftover + half - 1;
      let out = upSize + half - 1;
      while (b >= leftover) {
        if (a >= 0 && dst[a] > src[b]) dst[out--] = dst[a--];
        else dst[out--] = src[b--];
      }
    }
    this.sizes[up] = upSize + half;
    this.sizes[level] = leftover;
    this.sorted[level] = true;
    this.retainedCount -= half;
  }
  /** Retained items sorted by value with cumulative weights. */
  sortedView() {
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
  totalWeight() {
    let total = 0;
    for (let level = 0; level < this.sizes.length; level++) total += this.sizes[level] * 2 ** level;
    return total;
  }
  /**
   * Normalized rank of `x`: estimated fraction of values <= x (inclusive, like
   * DataSketches' default). Exactly 0 below the minimum and 1 at or above the maximum.
   */
  rank(x) {
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
  cdf(splitPoints) {
    for (let i = 1; i < splitPoints.length; i++) {
      if (!(splitPoints[i] > splitPoints[i - 1])) throw new RangeError("cdf split points must be strictly increasing");
    }
    const result = [];
    for (let i = 0; i < splitPoints.length; i++) result.push(this.rank(splitPoints[i]));
    result.push(1);
    return result;
  }
  /**
   * Value at normalized rank q in [0, 1]: the smallest retained item whose
   * inclusive rank is >= q; q = 0 gives the exact minimum and q = 1 the exact
   * maximum. NaN for an empty sketch.
   */
  quantile(q) {
    return this.quantiles([q])[0];
  }
  /** {@link quantile} for several ranks with one sort of the retained items. */
  quantiles(qs) {
    for (let i = 0; i < qs.length; i++) {
      const q = qs[i];
      if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile rank must be in [0, 1], got ${q}`);
    }
    if (this.n === 0) return Array.from({ length: qs.length }, () => Number.NaN);
    const { values, cumulative } = this.sortedView();
    const total = cumulative[cumulative.length - 1];
    const out = [];
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
        const mid = lo + hi >> 1;
        if (cumulative[mid] >= target) hi = mid;
        else lo = mid + 1;
      }
      out.push(values[lo]);
    }
    return out;
  }
  /** Folds `other` into this sketch (both must share k); `other` is not changed. */
  merge(other) {
    if (other.k !== this.k) throw new RangeError(`cannot merge KLL sketches with k=${this.k} and k=${other.k}`);
    if (other.n === 0) return this;
    while (this.sizes.length < other.sizes.length) this.addLevel();
    for (let level = 0; level < other.sizes.length; level++) {
      this.absorb(level, other.buffers[level].subarray(0, other.sizes[level]), other.sorted[level]);
    }
    this.n += other.n;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
    if (this.samplerEnabled) {
      if (this.sampleWeight === 1) this.maybeStartSampling();
      else this.maybeGrowSampler();
    }
    while (this.retainedCount >= this.totalCapacity) this.compactOnce();
    return this;
  }
  absorb(level, incoming, incomingSorted) {
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
  toJSON() {
    const empty = this.n === 0;
    return {
      k: this.k,
      n: this.n,
      min: empty ? null : this.min,
      max: empty ? null : this.max,
      seed: this.seed,
      compactions: this.compactions,
      sampler: { weight: this.samplerEnabled ? this.sampleWeight : 0, position: this.samplePosition, blocks: this.sampleBlocks },
      levels: this.sizes.map((size, level) => Array.from(this.buffers[level].subarray(0, size)))
    };
  }
  /** Restores a sketch; throws RangeError when the JSON is inconsistent. */
  static fromJSON(json) {
    const samplerOn = json.sampler.weight !== 0;
    const sketch = new _KllSketch({ k: json.k, seed: json.seed, sampler: samplerOn });
    if (!Number.isSafeInteger(json.n) || json.n < 0) throw new RangeError(`KLL n must be a non-negative integer, got ${json.n}`);
    if (!Array.isArray(json.levels) || json.levels.length === 0) throw new RangeError("KLL levels must be a non-empty array");
    const weight = samplerOn ? json.sampler.weight : 1;
    if (!Number.isInteger(Math.log2(weight)) || !(json.sampler.position >= 0 && json.sampler.position < weight)) {
      throw new RangeError(`KLL sampler state is invalid: ${JSON.stringify(json.sampler)}`);
    }
    while (sketch.sizes.length < json.levels.length) sketch.addLevel();
    let retained = 0;
    json.levels.forEach((items, level) => {
      for (const x of items) {
        if (typeof x !== "number" || !Number.isFinite(x)) throw new RangeError(`KLL level ${level} holds a non-finite item`);
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
    sketch.samplePick = hash32(sketch.seed, sketch.sampleBlocks) & weight - 1;
    if (json.n > 0) {
      if (json.min === null || json.max === null) throw new RangeError("KLL min/max missing for a non-empty sketch");
      sketch.min = json.min;
      sketch.max = json.max;
    }
    return sketch;
  }
};

// shared/stats/hash.ts
var C1 = 3432918353;
var C2 = 461845907;
function mixK(k) {
  k = Math.imul(k, C1);
  k = k << 15 | k >>> 17;
  return Math.imul(k, C2);
}
function mixH(h, k) {
  h ^= mixK(k);
  h = h << 13 | h >>> 19;
  return Math.imul(h, 5) + 3864292196 | 0;
}
function finalize(h, length) {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  h ^= h >>> 16;
  return h >>> 0;
}
function murmur3Bytes(bytes, seed) {
  let h = seed | 0;
  const length = bytes.length;
  const blocks = length & ~3;
  for (let i = 0; i < blocks; i += 4) {
    const k = bytes[i] | bytes[i + 1] << 8 | bytes[i + 2] << 16 | bytes[i + 3] << 24;
    h = mixH(h, k);
  }
  const tail = length & 3;
  if (tail > 0) {
    let k = 0;
    if (tail === 3) k ^= bytes[blocks + 2] << 16;
    if (tail >= 2) k ^= bytes[blocks + 1] << 8;
    k ^= bytes[blocks];
    h ^= mixK(k);
  }
  return finalize(h, length);
}
function murmur3Words(lo, hi, seed) {
  let h = mixH(seed | 0, lo);
  h = mixH(h, hi);
  return finalize(h, 8);
}
function murmur3WordsTwice(lo, hi, seedA, seedB, out) {
  const k1 = mixK(lo);
  const k2 = mixK(hi);
  let a = (seedA | 0) ^ k1;
  a = a << 13 | a >>> 19;
  a = Math.imul(a, 5) + 3864292196 ^ k2;
  a = a << 13 | a >>> 19;
  a = Math.imul(a, 5) + 3864292196 | 0;
  let b = (seedB | 0) ^ k1;
  b = b << 13 | b >>> 19;
  b = Math.imul(b, 5) + 3864292196 ^ k2;
  b = b << 13 | b >>> 19;
  b = Math.imul(b, 5) + 3864292196 | 0;
  out[0] = finalize(a, 8);
  out[1] = finalize(b, 8);
}
var encoder = new TextEncoder();
var utf8Scratch = new Uint8Array(256);
function murmur3String(text, seed) {
  if (utf8Scratch.length < 3 * text.length) utf8Scratch = new Uint8Array(3 * text.length);
  const { written } = encoder.encodeInto(text, utf8Scratch);
  return murmur3Bytes(utf8Scratch.subarray(0, written), seed);
}
var scratchFloat = new Float64Array(1);
var scratchWords = new Uint32Array(scratchFloat.buffer);
var LITTLE_ENDIAN2 = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
var LO = LITTLE_ENDIAN2 ? 0 : 1;
var HI = LITTLE_ENDIAN2 ? 1 : 0;
function float64Words(value, out) {
  if (value === 0) value = 0;
  else if (value !== value) value = Number.NaN;
  scratchFloat[0] = value;
  out[0] = scratchWords[LO];
  out[1] = scratchWords[HI];
}
var wordsOut = new Uint32Array(2);

// shared/stats/hyperloglog.ts
var SEED_A = 745531758;
var SEED_B = 2538058380;
var DEFAULT_PRECISION = 14;
var words = new Uint32Array(2);
var hashes = new Uint32Array(2);
function sigma(x) {
  if (x === 1) return Number.POSITIVE_INFINITY;
  let y = 1;
  let z2 = x;
  let previous;
  do {
    x *= x;
    previous = z2;
    z2 += x * y;
    y += y;
  } while (z2 !== previous);
  return z2;
}
function tau(x) {
  if (x === 0 || x === 1) return 0;
  let y = 1;
  let z2 = 1 - x;
  let previous;
  do {
    x = Math.sqrt(x);
    previous = z2;
    y *= 0.5;
    z2 -= (1 - x) * (1 - x) * y;
  } while (z2 !== previous);
  return z2 / 3;
}
var HyperLogLog = class _HyperLogLog {
  /** Precision: 2^p registers. */
  p;
  registers;
  rankBits;
  constructor(p = DEFAULT_PRECISION) {
    if (!Number.isInteger(p) || p < 4 || p > 18) throw new RangeError(`HyperLogLog precision must be an integer in 4..18, got ${p}`);
    this.p = p;
    this.registers = new Uint8Array(1 << p);
    this.rankBits = 64 - p;
  }
  /** Relative standard error of the estimate: 1.04 / sqrt(2^p). */
  get standardError() {
    return 1.04 / Math.sqrt(this.registers.length);
  }
  /** Records an item given its two 32-bit hashes. */
  addHashes(hashA, hashB) {
    const p = this.p;
    const index = hashA >>> 32 - p;
    let rank;
    if (hashB !== 0) {
      rank = Math.clz32(hashB) + 1;
    } else {
      const rest = hashA << p >>> 0;
      rank = rest !== 0 ? 33 + Math.clz32(rest) : this.rankBits + 1;
    }
    if (rank > this.registers[index]) this.registers[index] = rank;
  }
  /** Records a string (by its UTF-8 bytes). */
  addString(text) {
    this.addHashes(murmur3String(text, SEED_A), murmur3String(text, SEED_B));
  }
  /** Records a number (-0 and +0 are one value; NaN is skipped). */
  addNumber(value) {
    if (value !== value) return;
    float64Words(value, words);
    this.addHashes(murmur3Words(words[0], words[1], SEED_A), murmur3Words(words[0], words[1], SEED_B));
  }
  /** Records `values[start..end)`, skipping NaN: the profile's hot path. */
  addNumbers(values, start = 0, end = values.length) {
    const view = new Uint32Array(values.buffer, values.byteOffset + 8 * start, 2 * (end - start));
    const registers = this.registers;
    const shift = 32 - this.p;
    const p = this.p;
    const overflowRank = this.rankBits + 1;
    for (let i = 0, j = 0; i < end - start; i++, j += 2) {
      const lo = view[j];
      let hi = view[j + 1];
      if ((hi & 2146435072) === 2146435072 && ((hi & 1048575) !== 0 || lo !== 0)) continue;
      if (lo === 0 && hi === 2147483648) hi = 0;
      murmur3WordsTwice(lo, hi, SEED_A, SEED_B, hashes);
      const a = hashes[0];
      const b = hashes[1];
      const index = a >>> shift;
      let rank;
      if (b !== 0) rank = Math.clz32(b) + 1;
      else {
        const rest = a << p >>> 0;
        rank = rest !== 0 ? 33 + Math.clz32(rest) : overflowRank;
      }
      if (rank > registers[index]) registers[index] = rank;
    }
  }
  /** Estimated number of distinct items (Ertl's improved raw estimator). */
  estimate() {
    const m = this.registers.length;
    const q = this.rankBits;
    const histogram = new Float64Array(q + 2);
    for (let i = 0; i < m; i++) histogram[this.registers[i]]++;
    let z2 = m * tau(1 - histogram[q + 1] / m);
    for (let k = q; k >= 1; k--) z2 = 0.5 * (z2 + histogram[k]);
    z2 += m * sigma(histogram[0] / m);
    return m * m / (2 * Math.LN2 * z2);
  }
  /** Folds `other` (same precision) into this sketch: register-wise maximum. */
  merge(other) {
    if (other.p !== this.p) throw new RangeError(`cannot merge HyperLogLog sketches with p=${this.p} and p=${other.p}`);
    const mine = this.registers;
    const theirs = other.registers;
    for (let i = 0; i < mine.length; i++) if (theirs[i] > mine[i]) mine[i] = theirs[i];
    return this;
  }
  clone() {
    const copy = new _HyperLogLog(this.p);
    copy.registers.set(this.registers);
    return copy;
  }
  toJSON() {
    return { p: this.p, registers: Buffer.from(this.registers.buffer, this.registers.byteOffset, this.registers.length).toString("base64") };
  }
  /** Restores a sketch; throws RangeError when the registers do not fit the precision. */
  static fromJSON(json) {
    const sketch = new _HyperLogLog(json.p);
    const bytes = Buffer.from(json.registers, "base64");
    if (bytes.length !== sketch.registers.length) {
      throw new RangeError(`HyperLogLog p=${json.p} needs ${sketch.registers.length} registers, got ${bytes.length}`);
    }
    const maxRank = sketch.rankBits + 1;
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] > maxRank) throw new RangeError(`HyperLogLog register ${i} holds ${bytes[i]}, above ${maxRank}`);
    }
    sketch.registers.set(bytes);
    return sketch;
  }
};

// shared/stats/top-k.ts
var TYPE_ORDER = { boolean: 0, number: 1, string: 2 };
function compareValues(a, b) {
  const ta = TYPE_ORDER[typeof a];
  const tb = TYPE_ORDER[typeof b];
  if (ta !== tb) return ta - tb;
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
function byCountThenValue(a, b) {
  return b.count - a.count || compareValues(a.value, b.value);
}
function checkValue(value) {
  const type = typeof value;
  if (type === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`top-K numbers must be finite, got ${value}`);
  } else if (type !== "string" && type !== "boolean") {
    throw new TypeError(`top-K values are strings, numbers or booleans, got ${type}`);
  }
}
var TopK = class _TopK {
  capacity;
  total = 0;
  maxError = 0;
  counters = /* @__PURE__ */ new Map();
  constructor(capacity = 100) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`top-K capacity must be a positive integer, got ${capacity}`);
    this.capacity = capacity;
  }
  /** True while every count is exact. */
  get exact() {
    return this.maxError === 0 && this.counters.size <= this.capacity;
  }
  /** Adds `count` (a positive integer, default 1) occurrences of `value`. */
  add(value, count2 = 1) {
    checkValue(value);
    if (!Number.isSafeInteger(count2) || count2 < 0) throw new RangeError(`top-K counts must be non-negative integers, got ${count2}`);
    if (count2 === 0) return;
    if (typeof value === "number" && value === 0) value = 0;
    this.total += count2;
    this.counters.set(value, (this.counters.get(value) ?? 0) + count2);
    if (this.counters.size > 2 * this.capacity) this.trim();
  }
  /** Keeps the `capacity` largest counters; the largest dropped count joins maxError. */
  trim() {
    if (this.counters.size <= this.capacity) return;
    const items = this.sortedItems();
    const dropped = items[this.capacity].count;
    this.maxError += dropped;
    this.counters = new Map(items.slice(0, this.capacity).map((item) => [item.value, item.count]));
  }
  sortedItems() {
    return Array.from(this.counters, ([value, count2]) => ({ value, count: count2 })).sort(byCountThenValue);
  }
  /** Lower bound on the frequency of `value` (0 if unlisted). */
  lowerBound(value) {
    return this.counters.get(value) ?? 0;
  }
  /** Upper bound on the frequency of `value`. */
  upperBound(value) {
    return this.lowerBound(value) + this.maxError;
  }
  /** At most `capacity` items, most frequent first (ties by value). */
  items() {
    this.trim();
    return this.sortedItems();
  }
  /** Folds another summary into this one (capacities may differ; this one's is kept). */
  merge(other) {
    this.total += other.total;
    this.maxError += other.maxError;
    for (const [value, count2] of other.counters) this.counters.set(value, (this.counters.get(value) ?? 0) + count2);
    this.trim();
    return this;
  }
  toJSON() {
    return { capacity: this.capacity, total: this.total, maxError: this.maxError, items: this.items() };
  }
  /** Restores a summary; throws RangeError/TypeError when the JSON is inconsistent. */
  static fromJSON(json) {
    const topK = new _TopK(json.capacity);
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
  static fromCounts(entries, capacity = 100) {
    const topK = new _TopK(capacity);
    for (const [value, count2] of entries) {
      checkValue(value);
      if (!Number.isSafeInteger(count2) || count2 < 0) throw new RangeError(`top-K counts must be non-negative integers, got ${count2}`);
      if (count2 === 0) continue;
      topK.total += count2;
      topK.counters.set(value, (topK.counters.get(value) ?? 0) + count2);
    }
    topK.trim();
    return topK;
  }
};

// shared/stats/buckets.ts
function validateEdges(edges) {
  for (let i = 0; i < edges.length; i++) {
    if (!Number.isFinite(edges[i])) throw new RangeError(`bin edges must be finite; edge ${i} is ${edges[i]}`);
    if (i > 0 && !(edges[i] > edges[i - 1])) throw new RangeError(`bin edges must be strictly increasing; edge ${i} (${edges[i]}) <= ${edges[i - 1]}`);
  }
}
function binIndex(edges, x) {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (edges[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
var GRID_CELLS = 4096;
var BucketCounts = class _BucketCounts {
  edges;
  counts;
  /**
   * grid[c] = a lower bound of the bin of any x in grid cell c (the number of
   * edges below the previous cell's start), so a short upward scan finishes
   * the search. Null when there are fewer than 2 edges.
   */
  grid;
  gridScale;
  constructor(edges) {
    validateEdges(edges);
    this.edges = Float64Array.from(edges);
    this.counts = new Float64Array(this.edges.length + 1);
    const m = this.edges.length;
    const span = m >= 2 ? this.edges[m - 1] - this.edges[0] : 0;
    const magnitude = Math.max(Math.abs(this.edges[0]), Math.abs(this.edges[m - 1]));
    if (m >= 2 && Number.isFinite(span) && span / GRID_CELLS > 1e6 * Number.EPSILON * magnitude) {
      this.gridScale = GRID_CELLS / span;
      this.grid = new Int32Array(GRID_CELLS + 1);
      for (let c = 0; c <= GRID_CELLS; c++) {
        const previousStart = this.edges[0] + Math.max(0, c - 1) / this.gridScale;
        this.grid[c] = binIndex(this.edges, previousStart);
      }
    } else {
      this.gridScale = 0;
      this.grid = null;
    }
  }
  /** Number of values counted. */
  get total() {
    let sum = 0;
    for (let i = 0; i < this.counts.length; i++) sum += this.counts[i];
    return sum;
  }
  /** Counts one value (NaN is skipped). */
  add(x) {
    if (x !== x) return;
    this.counts[binIndex(this.edges, x)]++;
  }
  /** Counts `values[start..end)`, skipping NaN. */
  addArray(values, start = 0, end = values.length) {
    const grid = this.grid;
    if (grid === null) {
      for (let i = start; i < end; i++) this.add(values[i]);
      return;
    }
    const edges = this.edges;
    const counts = this.counts;
    const m = edges.length;
    const first = edges[0];
    const last = edges[m - 1];
    const scale = this.gridScale;
    for (let i = start; i < end; i++) {
      const x = values[i];
      if (x !== x) continue;
      if (x <= first) counts[0]++;
      else if (x > last) counts[m]++;
      else {
        let bin = grid[Math.min(GRID_CELLS, Math.floor((x - first) * scale))];
        while (edges[bin] < x) bin++;
        counts[bin]++;
      }
    }
  }
  /** Adds another counter's counts; the edges must be identical. */
  merge(other) {
    if (!sameEdges(this.edges, other.edges)) throw new RangeError("cannot merge bucket counts with different edges");
    for (let i = 0; i < this.counts.length; i++) this.counts[i] += other.counts[i];
    return this;
  }
  toJSON() {
    return { edges: Array.from(this.edges), counts: Array.from(this.counts) };
  }
  static fromJSON(json) {
    const buckets = new _BucketCounts(json.edges);
    if (json.counts.length !== buckets.counts.length) {
      throw new RangeError(`${json.edges.length} edges need ${buckets.counts.length} counts, got ${json.counts.length}`);
    }
    json.counts.forEach((c, i) => {
      if (!Number.isSafeInteger(c) || c < 0) throw new RangeError(`bucket count ${i} must be a non-negative integer, got ${c}`);
      buckets.counts[i] = c;
    });
    return buckets;
  }
};
function sameEdges(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// shared/stats/kolmogorov.ts
var EP128 = 2 ** 128;
var EM128 = 2 ** -128;
var LOG_2PI = Math.log(2 * Math.PI);
var SQRT_2PI = Math.sqrt(2 * Math.PI);
var SQRT3 = Math.sqrt(3);
var PI_SQUARED = Math.PI ** 2;
var PI_FOUR = Math.PI ** 4;
var PI_SIX = Math.PI ** 6;

// shared/profile/mask.ts
function countMask(mask, length) {
  if (mask === void 0) return 0;
  let total = 0;
  for (let i = 0; i < length; i++) total += mask[i];
  return total;
}

// shared/profile/boolean-accumulator.ts
var BooleanAccumulator = class {
  constructor(name, settings) {
    this.name = name;
    this.settings = settings;
  }
  name;
  settings;
  count = 0;
  nulls = 0;
  invalid = 0;
  trueCount = 0;
  add(column, length) {
    const nulls = countMask(column.nulls, length);
    this.nulls += nulls;
    this.invalid += countMask(column.invalid, length);
    this.count += length - nulls;
    const values = column.values;
    let trues = 0;
    for (let i = 0; i < length; i++) trues += values[i];
    this.trueCount += trues;
  }
  finish() {
    const falseCount = this.count - this.trueCount;
    const present = [];
    if (falseCount > 0) present.push([false, falseCount]);
    if (this.trueCount > 0) present.push([true, this.trueCount]);
    const hll = new HyperLogLog(this.settings.hllPrecision);
    for (const [value] of present) hll.addString(String(value));
    return {
      name: this.name,
      kind: "boolean",
      type: "boolean",
      count: this.count,
      nulls: this.nulls,
      invalid: this.invalid,
      trueCount: this.trueCount,
      distinct: { value: present.length, exact: true, hll: hll.toJSON() },
      exactCounts: { values: present.map(([v]) => v), counts: present.map(([, c]) => c) },
      top: TopK.fromCounts(present, this.settings.topK).toJSON()
    };
  }
};

// shared/profile/frozen-bins.ts
function normalizeBins(bins) {
  const out = {};
  for (const [name, bin] of Object.entries(bins)) {
    const frozen = Array.isArray(bin) ? { kind: "edges", edges: bin } : bin;
    if (frozen.kind === "edges") validateEdges(frozen.edges);
    else {
      try {
        validateEdges(frozen.values);
      } catch {
        throw new RangeError(`category bins for ${name} must be finite and strictly increasing`);
      }
    }
    out[name] = frozen.kind === "edges" ? { kind: "edges", edges: [...frozen.edges] } : { kind: "categories", values: [...frozen.values] };
  }
  return out;
}
var EdgeCounter = class {
  constructor(edges) {
    this.edges = edges;
    this.buckets = new BucketCounts(edges);
  }
  edges;
  buckets;
  addArray(values, start, end) {
    this.buckets.addArray(values, start, end);
  }
  toJSON() {
    return { kind: "edges", edges: [...this.edges], counts: Array.from(this.buckets.counts) };
  }
};
var CategoryCounter = class {
  constructor(values) {
    this.values = values;
    this.sorted = Float64Array.from(values);
    this.counts = new Float64Array(values.length + 1);
  }
  values;
  sorted;
  counts;
  addArray(values, start, end) {
    const sorted = this.sorted;
    const m = sorted.length;
    const counts = this.counts;
    for (let i = start; i < end; i++) {
      const x = values[i];
      if (x !== x) continue;
      let lo = 0;
      let hi = m;
      while (lo < hi) {
        const mid = lo + hi >> 1;
        if (sorted[mid] < x) lo = mid + 1;
        else hi = mid;
      }
      counts[lo < m && sorted[lo] === x ? lo : m]++;
    }
  }
  toJSON() {
    return { kind: "categories", values: [...this.values], counts: Array.from(this.counts) };
  }
};
function createBinCounter(bin) {
  return bin.kind === "edges" ? new EdgeCounter(bin.edges) : new CategoryCounter(bin.values);
}

// shared/profile/exact-number-counter.ts
var scratch = new Float64Array(1);
var scratchWords2 = new Uint32Array(scratch.buffer);
var ExactNumberCounter = class {
  threshold;
  size = 0;
  keys;
  counts;
  mask;
  constructor(threshold) {
    if (!Number.isInteger(threshold) || threshold < 1) throw new RangeError(`threshold must be a positive integer, got ${threshold}`);
    this.threshold = threshold;
    let capacity = 16;
    while (capacity < 2 * threshold) capacity *= 2;
    this.mask = capacity - 1;
    this.keys = new Float64Array(capacity).fill(Number.NaN);
    this.counts = new Float64Array(capacity);
  }
  /**
   * Counts `values[start..end)`, skipping NaN. Values must be finite. Returns
   * `end`, or the index of the first value that would make the number of
   * distinct values exceed the threshold (that value and the rest are not counted).
   */
  addArray(values, start, end) {
    const words2 = new Uint32Array(values.buffer, values.byteOffset, 2 * values.length);
    const keys = this.keys;
    const counts = this.counts;
    const mask = this.mask;
    for (let i = start; i < end; i++) {
      const x = values[i];
      if (x !== x) continue;
      let lo = words2[2 * i];
      let hi = words2[2 * i + 1];
      if (x === 0) {
        lo = 0;
        hi = 0;
      }
      let h = Math.imul(hi, 2654435761) ^ lo;
      h = Math.imul(h ^ h >>> 16, 2246822507);
      h ^= h >>> 13;
      let slot = h & mask;
      while (true) {
        const key = keys[slot];
        if (key === x) {
          counts[slot]++;
          break;
        }
        if (key !== key) {
          if (this.size === this.threshold) return i;
          keys[slot] = x === 0 ? 0 : x;
          counts[slot] = 1;
          this.size++;
          break;
        }
        slot = slot + 1 & mask;
      }
    }
    return end;
  }
  /** Adds `count` occurrences of finite `x`; returns false (adding nothing) if that would exceed the threshold. */
  addCount(x, count2) {
    if (x !== x || count2 <= 0) return true;
    scratch[0] = x === 0 ? 0 : x;
    let h = Math.imul(scratchWords2[1], 2654435761) ^ scratchWords2[0];
    h = Math.imul(h ^ h >>> 16, 2246822507);
    h ^= h >>> 13;
    let slot = h & this.mask;
    while (true) {
      const key = this.keys[slot];
      if (key === x) {
        this.counts[slot] += count2;
        return true;
      }
      if (key !== key) {
        if (this.size === this.threshold) return false;
        this.keys[slot] = scratch[0];
        this.counts[slot] = count2;
        this.size++;
        return true;
      }
      slot = slot + 1 & this.mask;
    }
  }
  /** Distinct values ascending with their counts. */
  entries() {
    const order = [];
    for (let slot = 0; slot < this.keys.length; slot++) if (this.keys[slot] === this.keys[slot]) order.push(slot);
    order.sort((a, b) => this.keys[a] - this.keys[b]);
    return {
      values: Float64Array.from(order, (slot) => this.keys[slot]),
      counts: Float64Array.from(order, (slot) => this.counts[slot])
    };
  }
};

// shared/profile/number-accumulator.ts
var NumberAccumulator = class {
  constructor(name, type, settings, seed, bin) {
    this.name = name;
    this.type = type;
    this.settings = settings;
    this.kll = new KllSketch({ k: settings.kllK, seed });
    this.exact = new ExactNumberCounter(settings.distinctThreshold);
    this.binCounter = bin === void 0 ? null : createBinCounter(bin);
  }
  name;
  type;
  settings;
  count = 0;
  nulls = 0;
  invalid = 0;
  positiveInfinity = 0;
  negativeInfinity = 0;
  moments = new Moments();
  kll;
  hll = null;
  exact;
  binCounter;
  scratch = new Float64Array(0);
  add(column, length) {
    const nulls = countMask(column.nulls, length);
    this.nulls += nulls;
    this.invalid += countMask(column.invalid, length);
    this.count += length - nulls;
    const values = column.values;
    this.binCounter?.addArray(values, 0, length);
    const infinities = this.moments.addArray(values, 0, length);
    const finite2 = infinities > 0 ? this.withoutInfinities(values, length) : values;
    let from = 0;
    if (this.exact !== null) {
      from = this.exact.addArray(finite2, 0, length);
      if (from === length) return;
      this.leaveExactMode();
    }
    this.kll.addArray(finite2, from, length);
    this.hll.addNumbers(finite2, from, length);
  }
  /** Copy with infinities turned into NaN (skipped downstream), counting them. */
  withoutInfinities(values, length) {
    if (this.scratch.length < length) this.scratch = new Float64Array(length);
    const out = this.scratch;
    for (let i = 0; i < length; i++) {
      const x = values[i];
      if (x === Number.POSITIVE_INFINITY) {
        this.positiveInfinity++;
        out[i] = Number.NaN;
      } else if (x === Number.NEGATIVE_INFINITY) {
        this.negativeInfinity++;
        out[i] = Number.NaN;
      } else {
        out[i] = x;
      }
    }
    return out;
  }
  /** Too many distinct values: hand the exact counts to the sketches and stream from now on. */
  leaveExactMode() {
    const { values, counts } = this.exact.entries();
    this.exact = null;
    this.kll.addWeighted(values, counts);
    this.hll = new HyperLogLog(this.settings.hllPrecision);
    for (let i = 0; i < values.length; i++) this.hll.addNumber(values[i]);
  }
  finish() {
    const moments = this.moments;
    const finite2 = moments.count;
    let distinct;
    let exactCounts = null;
    let top = null;
    const kll = KllSketch.fromJSON(this.kll.toJSON());
    if (this.exact !== null) {
      const { values, counts } = this.exact.entries();
      kll.addWeighted(values, counts);
      const hll = new HyperLogLog(this.settings.hllPrecision);
      for (let i = 0; i < values.length; i++) hll.addNumber(values[i]);
      distinct = { value: values.length, exact: true, hll: hll.toJSON() };
      exactCounts = { values: Array.from(values), counts: Array.from(counts) };
      top = TopK.fromCounts(
        Array.from(values, (v, i) => [v, counts[i]]),
        this.settings.topK
      ).toJSON();
    } else {
      const hll = this.hll;
      distinct = { value: Math.round(hll.estimate()), exact: false, hll: hll.toJSON() };
    }
    return {
      name: this.name,
      kind: "number",
      type: this.type,
      count: this.count,
      nulls: this.nulls,
      invalid: this.invalid,
      min: finite2 > 0 ? moments.min : null,
      max: finite2 > 0 ? moments.max : null,
      mean: finite2 > 0 ? moments.mean : null,
      variance: finite2 > 1 ? moments.variance() : null,
      std: finite2 > 1 ? moments.std() : null,
      moments: moments.toJSON(),
      infinite: { positive: this.positiveInfinity, negative: this.negativeInfinity },
      quantiles: kll.toJSON(),
      distinct,
      exactCounts,
      top,
      bins: this.binCounter?.toJSON() ?? null
    };
  }
};

// shared/profile/string-accumulator.ts
function largestIndexes(counts, size, k) {
  const heap = [];
  const less = (a, b) => counts[a] < counts[b] || counts[a] === counts[b] && a > b;
  const siftDown = (i) => {
    while (true) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l], heap[m])) m = l;
      if (r < heap.length && less(heap[r], heap[m])) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  for (let code = 0; code < size; code++) {
    if (counts[code] === 0) continue;
    if (heap.length < k) {
      heap.push(code);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = i - 1 >> 1;
        if (!less(heap[i], heap[parent])) break;
        [heap[i], heap[parent]] = [heap[parent], heap[i]];
        i = parent;
      }
    } else if (less(heap[0], code)) {
      heap[0] = code;
      siftDown(0);
    }
  }
  return heap;
}
var StringAccumulator = class {
  constructor(name, type, settings) {
    this.name = name;
    this.type = type;
    this.settings = settings;
  }
  name;
  type;
  settings;
  count = 0;
  nulls = 0;
  invalid = 0;
  dictionary = null;
  codeCounts = new Float64Array(64);
  /** Counts from batches of earlier dictionaries. */
  textCounts = /* @__PURE__ */ new Map();
  add(column, length) {
    const nulls = countMask(column.nulls, length);
    this.nulls += nulls;
    this.invalid += countMask(column.invalid, length);
    this.count += length - nulls;
    if (this.dictionary !== column.dictionary) {
      this.foldCodes();
      this.dictionary = column.dictionary;
    }
    if (this.codeCounts.length < column.dictionary.length) this.grow(column.dictionary.length);
    let counts = this.codeCounts;
    const codes = column.codes;
    for (let i = 0; i < length; i++) {
      const code = codes[i];
      if (code < 0) continue;
      if (code >= counts.length) {
        this.grow(code + 1);
        counts = this.codeCounts;
      }
      counts[code]++;
    }
  }
  grow(size) {
    const bigger = new Float64Array(Math.max(size, 2 * this.codeCounts.length));
    bigger.set(this.codeCounts);
    this.codeCounts = bigger;
  }
  foldCodes() {
    const dictionary = this.dictionary;
    if (dictionary === null) return;
    const counts = this.codeCounts;
    for (let code = 0; code < counts.length; code++) {
      if (counts[code] === 0) continue;
      const text = dictionary[code];
      this.textCounts.set(text, (this.textCounts.get(text) ?? 0) + counts[code]);
    }
    this.codeCounts = new Float64Array(64);
  }
  finish() {
    let entries;
    let topEntries;
    if (this.textCounts.size === 0 && this.dictionary !== null) {
      const dictionary = this.dictionary;
      const counts = this.codeCounts;
      const size = Math.min(counts.length, dictionary.length);
      entries = [];
      for (let code = 0; code < size; code++) if (counts[code] > 0) entries.push([dictionary[code], counts[code]]);
      topEntries = largestIndexes(counts, size, this.settings.topK + 1).map((code) => [dictionary[code], counts[code]]);
    } else {
      this.foldCodes();
      entries = Array.from(this.textCounts);
      topEntries = entries;
    }
    const hll = new HyperLogLog(this.settings.hllPrecision);
    for (const [text] of entries) hll.addString(text);
    const exact = entries.length <= this.settings.distinctThreshold;
    let exactCounts = null;
    if (exact) {
      entries.sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
      exactCounts = { values: entries.map(([v]) => v), counts: entries.map(([, c]) => c) };
    }
    const top = TopK.fromCounts(topEntries, this.settings.topK);
    top.total = this.count;
    return {
      name: this.name,
      kind: "string",
      type: this.type,
      count: this.count,
      nulls: this.nulls,
      invalid: this.invalid,
      distinct: { value: exact ? entries.length : Math.round(hll.estimate()), exact, hll: hll.toJSON() },
      exactCounts,
      top: top.toJSON()
    };
  }
};

// shared/profile/types.ts
var PROFILE_SCHEMA = "tollgate.profile/v1";
var DEFAULT_SETTINGS = { distinctThreshold: 4096, topK: 50, kllK: 200, hllPrecision: 14 };

// shared/profile/builder.ts
function checkSettings(settings) {
  const { distinctThreshold, topK, kllK, hllPrecision } = settings;
  if (!Number.isInteger(distinctThreshold) || distinctThreshold < 1) throw new RangeError(`distinctThreshold must be a positive integer, got ${distinctThreshold}`);
  if (!Number.isInteger(topK) || topK < 1) throw new RangeError(`topK must be a positive integer, got ${topK}`);
  if (!Number.isInteger(kllK) || kllK < 8 || kllK > 65535) throw new RangeError(`kllK must be an integer in 8..65535, got ${kllK}`);
  if (!Number.isInteger(hllPrecision) || hllPrecision < 4 || hllPrecision > 18) throw new RangeError(`hllPrecision must be an integer in 4..18, got ${hllPrecision}`);
}
var ProfileBuilder = class {
  settings;
  bins;
  seed;
  accumulators = null;
  fields = [];
  rowCount = 0;
  finished = false;
  constructor(options = {}) {
    this.settings = {
      distinctThreshold: options.distinctThreshold ?? DEFAULT_SETTINGS.distinctThreshold,
      topK: options.topK ?? DEFAULT_SETTINGS.topK,
      kllK: options.kllK ?? DEFAULT_SETTINGS.kllK,
      hllPrecision: options.hllPrecision ?? DEFAULT_SETTINGS.hllPrecision
    };
    checkSettings(this.settings);
    this.bins = normalizeBins(options.bins ?? {});
    this.seed = options.seed ?? 1;
    if (!Number.isSafeInteger(this.seed)) throw new RangeError(`seed must be a safe integer, got ${this.seed}`);
    if (options.schema !== void 0) this.createAccumulators(options.schema.fields);
  }
  /** Rows added so far. */
  get rows() {
    return this.rowCount;
  }
  createAccumulators(fields) {
    const names = /* @__PURE__ */ new Set();
    for (const field of fields) {
      if (names.has(field.name)) throw new RangeError(`column ${JSON.stringify(field.name)} appears twice`);
      names.add(field.name);
    }
    for (const [name, bin] of Object.entries(this.bins)) {
      const field = fields.find((f) => f.name === name);
      if (field === void 0) throw new RangeError(`bins were given for ${JSON.stringify(name)}, which is not a column`);
      if (!isNumberType(field.type)) throw new RangeError(`bins were given for ${JSON.stringify(name)}, a ${field.type} column; only numeric columns take ${bin.kind}`);
    }
    this.fields = fields.map((f) => ({ name: f.name, type: f.type }));
    this.accumulators = fields.map((field, index) => {
      const type = field.type;
      if (type === "boolean") return new BooleanAccumulator(field.name, this.settings);
      if (type === "string" || type === "category") return new StringAccumulator(field.name, type, this.settings);
      return new NumberAccumulator(field.name, type, this.settings, this.seed + index, this.bins[field.name]);
    });
  }
  /** Folds one batch into the profile. */
  add(batch) {
    if (this.finished) throw new RangeError("ProfileBuilder.add after finish()");
    const length = batch.length;
    if (!Number.isInteger(length) || length < 0) throw new RangeError(`batch length must be a non-negative integer, got ${length}`);
    if (this.accumulators === null) this.createAccumulators(batch.columns);
    const accumulators = this.accumulators;
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
      if (accumulator instanceof NumberAccumulator && column.kind === "number") accumulator.add(column, length);
      else if (accumulator instanceof BooleanAccumulator && column.kind === "boolean") accumulator.add(column, length);
      else if (accumulator instanceof StringAccumulator && column.kind === "string") accumulator.add(column, length);
      else throw new RangeError(`batch column ${column.name} has kind ${column.kind}, which does not fit type ${field.type}`);
    }
    this.rowCount += length;
  }
  /** The profile of everything added. The builder cannot be used afterwards. */
  finish() {
    if (this.finished) throw new RangeError("ProfileBuilder.finish called twice");
    this.finished = true;
    const columns = (this.accumulators ?? []).map((a) => a.finish());
    return { schema: PROFILE_SCHEMA, rows: this.rowCount, settings: { ...this.settings }, columns };
  }
};
function isNumberType(type) {
  return type === "integer" || type === "float" || type === "date" || type === "datetime";
}

// shared/errors/index.ts
function formatLocation(location) {
  let text = location.file;
  if (location.line !== void 0) {
    text += `:${location.line}`;
    if (location.column !== void 0) text += `:${location.column}`;
  }
  return text;
}
var TollgateError = class extends Error {
  /** Process exit code a command line should use for this failure. */
  exitCode = 2;
  /** Stable machine-readable code, e.g. `E_INPUT`. */
  code = "E_TOLLGATE";
  constructor(message, options) {
    super(message, options);
    this.name = new.target.name;
  }
};
var UsageError = class extends TollgateError {
  code = "E_USAGE";
};
var InputError = class extends TollgateError {
  code = "E_INPUT";
  location;
  /** The message without its location prefix. */
  detail;
  constructor(location, detail, options) {
    super(location ? `${formatLocation(location)}: ${detail}` : detail, options);
    this.location = location;
    this.detail = detail;
  }
};

// shared/profile/schema.ts
import { z } from "zod";
var count = z.number().int().nonnegative();
var finite = z.number().refine(Number.isFinite, "expected a finite number");
var nullableFinite = finite.nullable();
var momentsSchema = z.object({ count, mean: finite, m2: z.number().nonnegative(), sum: finite, min: nullableFinite, max: nullableFinite });
var kllSchema = z.object({
  k: z.number().int(),
  n: count,
  min: nullableFinite,
  max: nullableFinite,
  seed: z.number().int(),
  compactions: count,
  sampler: z.object({ weight: count, position: count, blocks: count }),
  levels: z.array(z.array(finite))
});
var hllSchema = z.object({ p: z.number().int(), registers: z.string() });
var topValue = z.union([z.string(), finite, z.boolean()]);
var topKSchema = z.object({ capacity: z.number().int().positive(), total: count, maxError: count, items: z.array(z.object({ value: topValue, count })) });
var exactCountsSchema = z.object({ values: z.array(topValue), counts: z.array(count) }).nullable();
var distinctSchema = z.object({ value: count, exact: z.boolean(), hll: hllSchema });
var binSchema = z.union([
  z.object({ kind: z.literal("edges"), edges: z.array(finite), counts: z.array(count) }),
  z.object({ kind: z.literal("categories"), values: z.array(finite), counts: z.array(count) })
]).nullable();
var base = {
  name: z.string(),
  count,
  nulls: count,
  invalid: count,
  distinct: distinctSchema,
  exactCounts: exactCountsSchema,
  top: topKSchema.nullable()
};
var columnSchema = z.discriminatedUnion("kind", [
  z.object({
    ...base,
    kind: z.literal("number"),
    type: z.enum(["integer", "float", "date", "datetime"]),
    min: nullableFinite,
    max: nullableFinite,
    mean: nullableFinite,
    variance: nullableFinite,
    std: nullableFinite,
    moments: momentsSchema,
    infinite: z.object({ positive: count, negative: count }),
    quantiles: kllSchema,
    bins: binSchema
  }),
  z.object({ ...base, kind: z.literal("boolean"), type: z.literal("boolean"), trueCount: count }),
  z.object({ ...base, kind: z.literal("string"), type: z.enum(["string", "category"]) })
]);
var profileSchema = z.object({
  schema: z.literal(PROFILE_SCHEMA),
  rows: count,
  settings: z.object({
    distinctThreshold: z.number().int().positive(),
    topK: z.number().int().positive(),
    kllK: z.number().int().min(8).max(65535),
    hllPrecision: z.number().int().min(4).max(18)
  }),
  columns: z.array(columnSchema)
});

// shared/data/open.ts
import { stat } from "node:fs/promises";

// shared/data/arrow/reader.ts
import { DataType as DataType2, RecordBatchReader } from "apache-arrow";

// shared/data/columns.ts
function kindOf(type) {
  if (type === "boolean") return "boolean";
  if (type === "string" || type === "category") return "string";
  return "number";
}
function allocateColumns(fields, dictionaries, capacity, prefillNull = true) {
  return fields.map((field, index) => {
    const nulls = new Uint8Array(capacity);
    if (prefillNull) nulls.fill(1);
    const kind = kindOf(field.type);
    if (kind === "number") {
      const values = new Float64Array(capacity);
      if (prefillNull) values.fill(NaN);
      return { name: field.name, kind, type: field.type, nulls, values };
    }
    if (kind === "boolean") return { name: field.name, kind, type: "boolean", nulls, values: new Uint8Array(capacity) };
    return {
      name: field.name,
      kind,
      type: field.type,
      nulls,
      codes: prefillNull ? new Int32Array(capacity).fill(-1) : new Int32Array(capacity),
      dictionary: dictionaries[index] ?? []
    };
  });
}
function trimColumns(columns, length) {
  return columns.map((column) => {
    const nulls = column.nulls.subarray(0, length);
    const invalid = column.invalid?.subarray(0, length);
    const base2 = { name: column.name, nulls, ...invalid ? { invalid } : {} };
    if (column.kind === "number") return { ...base2, kind: "number", type: column.type, values: column.values.subarray(0, length) };
    if (column.kind === "boolean") return { ...base2, kind: "boolean", type: "boolean", values: column.values.subarray(0, length) };
    return { ...base2, kind: "string", type: column.type, codes: column.codes.subarray(0, length), dictionary: column.dictionary };
  });
}

// shared/data/text/boolean.ts
var TRUE = 1;
var FALSE = 0;
var NOT_BOOLEAN = -1;
function lower(byte) {
  return byte >= 65 && byte <= 90 ? byte | 32 : byte;
}
function matches(bytes, start, end, word) {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (lower(bytes[start + i]) !== word.charCodeAt(i)) return false;
  return true;
}
function isOneCasing(bytes, start, end) {
  const secondUpper = bytes[start + 1] <= 90;
  for (let i = start + 1; i < end; i++) if (bytes[i] <= 90 !== secondUpper) return false;
  return !secondUpper || bytes[start] <= 90;
}
function parseBooleanLiteral(bytes, start, end) {
  if (matches(bytes, start, end, "true")) return isOneCasing(bytes, start, end) ? TRUE : NOT_BOOLEAN;
  if (matches(bytes, start, end, "false")) return isOneCasing(bytes, start, end) ? FALSE : NOT_BOOLEAN;
  return NOT_BOOLEAN;
}
function parseDeclaredBoolean(bytes, start, end) {
  if (matches(bytes, start, end, "true")) return TRUE;
  if (matches(bytes, start, end, "false")) return FALSE;
  if (end - start === 1) {
    const c = lower(bytes[start]);
    if (c === 49 || c === 121 || c === 116) return TRUE;
    if (c === 48 || c === 110 || c === 102) return FALSE;
    return NOT_BOOLEAN;
  }
  if (matches(bytes, start, end, "yes")) return TRUE;
  if (matches(bytes, start, end, "no")) return FALSE;
  return NOT_BOOLEAN;
}

// shared/data/utf8.ts
import { isUtf8 } from "node:buffer";
var fatalDecoder = new TextDecoder("utf-8", { fatal: true });
function isAscii(bytes, start, end) {
  for (let i = start; i < end; i++) if (bytes[i] >= 128) return false;
  return true;
}
function decodeUtf8(bytes, start, end) {
  if (isAscii(bytes, start, end)) return latin1(bytes, start, end);
  const view = bytes.subarray(start, end);
  if (!isUtf8(view)) return void 0;
  return fatalDecoder.decode(view);
}
function latin1(bytes, start, end) {
  if (end - start < 16) {
    let text = "";
    for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]);
    return text;
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("latin1");
}
function firstInvalidUtf8(bytes, start, end) {
  let i = start;
  while (i < end) {
    const b = bytes[i];
    if (b < 128) {
      i++;
      continue;
    }
    let need;
    let min;
    if (b >= 194 && b <= 223) {
      need = 1;
      min = 128;
    } else if (b >= 224 && b <= 239) {
      need = 2;
      min = 2048;
    } else if (b >= 240 && b <= 244) {
      need = 3;
      min = 65536;
    } else {
      return i;
    }
    if (i + need >= end) return i;
    let code = b & 63 >> need;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if ((c & 192) !== 128) return i;
      code = code << 6 | c & 63;
    }
    if (code < min || code > 1114111 || code >= 55296 && code <= 57343) return i;
    i += need + 1;
  }
  return -1;
}

// shared/data/text/number.ts
var POW10 = new Float64Array(23);
for (let i = 0, p = 1; i <= 22; i++, p *= 10) POW10[i] = p;
var SPACE = 32;
var ZERO = 48;
var DOT = 46;
var PLUS = 43;
var MINUS = 45;
var EXPONENT_CAP = 1e5;
function isIntegerText(bytes, start, end) {
  for (let i = start; i < end; i++) {
    const c = bytes[i];
    if (c === DOT || c === 101 || c === 69) return false;
  }
  return true;
}
function parseNumber(bytes, start, end) {
  while (start < end && bytes[start] === SPACE) start++;
  while (end > start && bytes[end - 1] === SPACE) end--;
  if (start === end) return NaN;
  let i = start;
  let negative = false;
  let c = bytes[i];
  if (c === MINUS || c === PLUS) {
    negative = c === MINUS;
    i++;
  }
  let mantissa = 0;
  let significant = 0;
  let digits = 0;
  let scale = 0;
  while (i < end) {
    const d = bytes[i] - ZERO;
    if (d < 0 || d > 9) break;
    if (mantissa !== 0 || d !== 0) {
      if (significant < 15) mantissa = mantissa * 10 + d;
      else scale++;
      significant++;
    }
    digits++;
    i++;
  }
  if (i < end && bytes[i] === DOT) {
    i++;
    while (i < end) {
      const d = bytes[i] - ZERO;
      if (d < 0 || d > 9) break;
      if (mantissa !== 0 || d !== 0) {
        if (significant < 15) {
          mantissa = mantissa * 10 + d;
          scale--;
        }
        significant++;
      } else {
        scale--;
      }
      digits++;
      i++;
    }
  }
  if (digits === 0) return NaN;
  if (i < end) {
    c = bytes[i];
    if (c !== 101 && c !== 69) return NaN;
    i++;
    let exponentNegative = false;
    if (i < end && (bytes[i] === MINUS || bytes[i] === PLUS)) {
      exponentNegative = bytes[i] === MINUS;
      i++;
    }
    const exponentStart = i;
    let exponent = 0;
    while (i < end) {
      const d = bytes[i] - ZERO;
      if (d < 0 || d > 9) break;
      if (exponent < EXPONENT_CAP) exponent = exponent * 10 + d;
      i++;
    }
    if (i === exponentStart || i < end) return NaN;
    scale += exponentNegative ? -exponent : exponent;
  }
  let value;
  if (significant <= 15 && scale >= -22 && scale <= 22) {
    value = scale < 0 ? mantissa / POW10[-scale] : mantissa * POW10[scale];
  } else if (mantissa === 0) {
    value = 0;
  } else {
    value = Number(latin1(bytes, start, end));
    if (!Number.isFinite(value)) {
      return NaN;
    }
    return value;
  }
  return negative ? -value : value;
}

// shared/data/text/temporal.ts
var MS_PER_DAY = 864e5;
var ZERO2 = 48;
function digit(bytes, at) {
  const d = bytes[at] - ZERO2;
  return d >= 0 && d <= 9 ? d : -1e5;
}
function twoDigits(bytes, at) {
  return digit(bytes, at) * 10 + digit(bytes, at + 1);
}
function daysFromCivil(year, month, day) {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
function daysInMonth(year, month) {
  if (month === 2) return year % 4 === 0 && year % 100 !== 0 || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
function datePart(bytes, at) {
  if (bytes[at + 4] !== 45 || bytes[at + 7] !== 45) return NaN;
  const year = twoDigits(bytes, at) * 100 + twoDigits(bytes, at + 2);
  const month = twoDigits(bytes, at + 5);
  const day = twoDigits(bytes, at + 8);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return daysFromCivil(year, month, day) * MS_PER_DAY;
}
function parseDate(bytes, start, end) {
  return end - start === 10 ? datePart(bytes, start) : NaN;
}
function parseDatetime(bytes, start, end, acceptDate) {
  const length = end - start;
  if (length === 10) return acceptDate ? datePart(bytes, start) : NaN;
  if (length < 16) return NaN;
  const day = datePart(bytes, start);
  if (Number.isNaN(day)) return NaN;
  const separator = bytes[start + 10];
  if (separator !== 84 && separator !== 32 && separator !== 116) return NaN;
  let i = start + 11;
  const hour = twoDigits(bytes, i);
  if (bytes[i + 2] !== 58) return NaN;
  const minute = twoDigits(bytes, i + 3);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
  i += 5;
  let ms = 0;
  if (i < end && bytes[i] === 58) {
    if (i + 3 > end) return NaN;
    const second = twoDigits(bytes, i + 1);
    if (second < 0 || second > 59) return NaN;
    ms = second * 1e3;
    i += 3;
    if (i < end && (bytes[i] === 46 || bytes[i] === 44)) {
      i++;
      const fractionStart = i;
      let scale = 100;
      while (i < end) {
        const d = bytes[i] - ZERO2;
        if (d < 0 || d > 9) break;
        ms += d * scale;
        scale /= 10;
        i++;
      }
      if (i === fractionStart) return NaN;
    }
  }
  let offsetMinutes = 0;
  if (i < end) {
    const zone = bytes[i];
    if (zone === 90 || zone === 122) {
      i++;
    } else if (zone === 43 || zone === 45) {
      const sign = zone === 45 ? -1 : 1;
      const offsetHours = twoDigits(bytes, i + 1);
      if (i + 3 > end || offsetHours < 0 || offsetHours > 23) return NaN;
      i += 3;
      let offsetMins = 0;
      if (i < end) {
        if (bytes[i] === 58) i++;
        if (i + 2 > end) return NaN;
        offsetMins = twoDigits(bytes, i);
        if (offsetMins < 0 || offsetMins > 59) return NaN;
        i += 2;
      }
      offsetMinutes = sign * (offsetHours * 60 + offsetMins);
    } else {
      return NaN;
    }
  }
  if (i !== end) return NaN;
  return day + (hour * 60 + minute - offsetMinutes) * 6e4 + ms;
}

// shared/data/coerce.ts
var encoder2 = new TextEncoder();

// shared/data/dictionary.ts
var FNV_OFFSET = 2166136261 | 0;
var FNV_PRIME = 16777619;
function hashBytes(bytes, start, end) {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], FNV_PRIME);
  return hash;
}
var FNV = { offset: FNV_OFFSET, prime: FNV_PRIME };
var ByteDictionary = class {
  values = [];
  slots = new Int32Array(1024);
  hashes = new Int32Array(256);
  starts = new Int32Array(256);
  lengths = new Int32Array(256);
  arena = new Uint8Array(4096);
  arenaUsed = 0;
  /**
   * The code of `bytes[start, end)` (whose FNV-1a hash is `hash`), adding it
   * when new. Returns -1 when the bytes of a new value are not valid UTF-8.
   */
  codeOf(bytes, start, end, hash) {
    const length = end - start;
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = hash & mask;
    while (true) {
      const entry = slots[slot];
      if (entry === 0) break;
      const code = entry - 1;
      if (this.hashes[code] === hash && this.lengths[code] === length && this.sameBytes(code, bytes, start, length)) return code;
      slot = slot + 1 & mask;
    }
    return this.insert(bytes, start, end, hash, slot);
  }
  sameBytes(code, bytes, start, length) {
    const arena = this.arena;
    const at = this.starts[code];
    for (let i = 0; i < length; i++) if (arena[at + i] !== bytes[start + i]) return false;
    return true;
  }
  insert(bytes, start, end, hash, slot) {
    const text = decodeUtf8(bytes, start, end);
    if (text === void 0) return -1;
    const code = this.values.length;
    if (code === this.hashes.length) this.growEntries();
    const length = end - start;
    if (this.arenaUsed + length > this.arena.length) {
      const grown = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + length));
      grown.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = grown;
    }
    this.arena.set(bytes.subarray(start, end), this.arenaUsed);
    this.starts[code] = this.arenaUsed;
    this.lengths[code] = length;
    this.hashes[code] = hash;
    this.arenaUsed += length;
    this.values.push(text);
    this.slots[slot] = code + 1;
    if ((code + 1) * 2 > this.slots.length) this.rehash();
    return code;
  }
  growEntries() {
    const size = this.hashes.length * 2;
    const grow = (old) => {
      const next = new Int32Array(size);
      next.set(old);
      return next;
    };
    this.hashes = grow(this.hashes);
    this.starts = grow(this.starts);
    this.lengths = grow(this.lengths);
  }
  rehash() {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let code = 0; code < this.values.length; code++) {
      let slot = this.hashes[code] & mask;
      while (slots[slot] !== 0) slot = slot + 1 & mask;
      slots[slot] = code + 1;
    }
    this.slots = slots;
  }
};

// shared/data/infer.ts
var DEFAULT_CATEGORY_MAX_DISTINCT = 50;
var encoder3 = new TextEncoder();
var TypeSampler = class {
  /**
   * @param textOnly when the source is typed (JSON), text values are never
   *   numbers or booleans: `"02134"` stays text.
   */
  constructor(categoryMaxDistinct = DEFAULT_CATEGORY_MAX_DISTINCT, textOnly = false) {
    this.categoryMaxDistinct = categoryMaxDistinct;
    this.integer = !textOnly;
    this.number = !textOnly;
    this.boolean = !textOnly;
  }
  categoryMaxDistinct;
  values = 0;
  integer;
  number;
  boolean;
  date = true;
  datetime = true;
  distinct = /* @__PURE__ */ new Set();
  tooManyDistinct = false;
  scratch = new Uint8Array(64);
  /** Observes a non-null value given as UTF-8 bytes. */
  observe(bytes, start, end) {
    this.values++;
    if (this.number) {
      if (Number.isNaN(parseNumber(bytes, start, end))) {
        this.number = false;
        this.integer = false;
      } else if (this.integer && !isIntegerText(bytes, start, end)) {
        this.integer = false;
      }
    }
    if (this.boolean && parseBooleanLiteral(bytes, start, end) === NOT_BOOLEAN) this.boolean = false;
    if (this.date && Number.isNaN(parseDate(bytes, start, end))) this.date = false;
    if (this.datetime && Number.isNaN(parseDatetime(bytes, start, end, true))) this.datetime = false;
    if (!this.tooManyDistinct) {
      const text = decodeUtf8(bytes, start, end);
      if (text !== void 0) this.addDistinct(text);
    }
  }
  /** Observes a non-null value given as a string. */
  observeText(text) {
    if (text.length * 3 > this.scratch.length) this.scratch = new Uint8Array(text.length * 3 + 16);
    const { written } = encoder3.encodeInto(text, this.scratch);
    this.values++;
    const bytes = this.scratch;
    if (this.number) {
      if (Number.isNaN(parseNumber(bytes, 0, written))) {
        this.number = false;
        this.integer = false;
      } else if (this.integer && !isIntegerText(bytes, 0, written)) {
        this.integer = false;
      }
    }
    if (this.boolean && parseBooleanLiteral(bytes, 0, written) === NOT_BOOLEAN) this.boolean = false;
    if (this.date && Number.isNaN(parseDate(bytes, 0, written))) this.date = false;
    if (this.datetime && Number.isNaN(parseDatetime(bytes, 0, written, true))) this.datetime = false;
    if (!this.tooManyDistinct) this.addDistinct(text);
  }
  addDistinct(text) {
    this.distinct.add(text);
    if (this.distinct.size > this.categoryMaxDistinct) {
      this.tooManyDistinct = true;
      this.distinct.clear();
    }
  }
  /** Number of non-null values observed. */
  get count() {
    return this.values;
  }
  result() {
    if (this.values === 0) return "string";
    if (this.integer) return "integer";
    if (this.number) return "float";
    if (this.boolean) return "boolean";
    if (this.date) return "date";
    if (this.datetime) return "datetime";
    return isCategory(this.tooManyDistinct ? Number.POSITIVE_INFINITY : this.distinct.size, this.values, this.categoryMaxDistinct) ? "category" : "string";
  }
};
function isCategory(distinct, values, categoryMaxDistinct) {
  return distinct <= categoryMaxDistinct && distinct * 2 <= values;
}

// shared/data/invalid.ts
var EXAMPLES_PER_COLUMN = 20;
var MAX_EXAMPLE_TEXT = 200;
var InvalidTracker = class {
  counts = {};
  examples = [];
  exampleCounts;
  names;
  types;
  constructor(fields) {
    this.names = fields.map((field) => field.name);
    this.types = fields.map((field) => field.type);
    for (const name of this.names) this.counts[name] = 0;
    this.exampleCounts = new Int32Array(fields.length);
  }
  /** Whether an example for column `column` would still be kept (so callers can skip building its text). */
  wantsExample(column) {
    return this.exampleCounts[column] < EXAMPLES_PER_COLUMN;
  }
  add(column, row, line, text) {
    const name = this.names[column];
    this.counts[name]++;
    if (text === void 0 || !this.wantsExample(column)) return;
    this.exampleCounts[column]++;
    const example = {
      row,
      column: name,
      expected: this.types[column],
      text: text.length > MAX_EXAMPLE_TEXT ? `${text.slice(0, MAX_EXAMPLE_TEXT - 1)}\u2026` : text
    };
    if (line !== void 0) example.line = line;
    this.examples.push(example);
  }
};

// shared/data/options.ts
var DEFAULT_BATCH_SIZE = 65536;
var DEFAULT_INFERENCE_ROWS = 1e4;
function positiveInteger(value, fallback, option) {
  if (value === void 0) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new UsageError(`invalid ${option} ${String(value)}; expected a positive integer`);
  }
  return value;
}

// shared/data/arrow/codecs.ts
import { CompressionType, compressionRegistry } from "apache-arrow";
import { decompressZstd } from "hyparquet-compressors";

// shared/data/arrow/decode.ts
import { DataType, TimeUnit } from "apache-arrow";

// shared/data/byte-source.ts
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createGunzip } from "node:zlib";
var FileByteSource = class _FileByteSource {
  constructor(handle, start, end) {
    this.handle = handle;
    this.start = start;
    this.end = end;
    this.position = start;
  }
  handle;
  start;
  end;
  position;
  /** Reads `[start, end)` from now on (a byte range of a split file). */
  setRange(start, end) {
    this.start = start;
    this.end = end;
    this.position = start;
  }
  static async open(path, start = 0, end = Number.POSITIVE_INFINITY) {
    return new _FileByteSource(await open(path, "r"), start, end);
  }
  async read(target, offset, length) {
    const wanted = Math.min(length, this.end - this.position);
    if (wanted <= 0) return 0;
    const { bytesRead } = await this.handle.read(target, offset, wanted, this.position);
    this.position += bytesRead;
    return bytesRead;
  }
  async rewind() {
    this.position = this.start;
  }
  async close() {
    await this.handle.close().catch(() => void 0);
  }
};
var GzipByteSource = class {
  constructor(path) {
    this.path = path;
  }
  path;
  stream;
  iterator;
  pending;
  pendingOffset = 0;
  done = false;
  async read(target, offset, length) {
    let written = 0;
    while (written < length && !this.done) {
      if (this.pending === void 0 || this.pendingOffset >= this.pending.length) {
        const next = await this.nextChunk();
        if (next === void 0) break;
        this.pending = next;
        this.pendingOffset = 0;
        continue;
      }
      const take = Math.min(length - written, this.pending.length - this.pendingOffset);
      target.set(this.pending.subarray(this.pendingOffset, this.pendingOffset + take), offset + written);
      this.pendingOffset += take;
      written += take;
    }
    return written;
  }
  async nextChunk() {
    if (this.iterator === void 0) {
      const file = createReadStream(this.path);
      const gunzip = createGunzip();
      file.on("error", (error) => gunzip.destroy(error));
      this.stream = file.pipe(gunzip);
      this.iterator = this.stream[Symbol.asyncIterator]();
    }
    try {
      const result = await this.iterator.next();
      if (result.done) {
        this.done = true;
        return void 0;
      }
      return result.value;
    } catch (error) {
      throw new InputError({ file: this.path }, `not a readable gzip file (${error.message}); expected gzip-compressed text`, { cause: error });
    }
  }
  async rewind() {
    await this.close();
    this.done = false;
  }
  async close() {
    this.stream?.destroy();
    this.stream = void 0;
    this.iterator = void 0;
    this.pending = void 0;
    this.pendingOffset = 0;
  }
};

// shared/data/csv/dialect.ts
var DELIMITER_CANDIDATES = [44, 9, 59, 124];
var QUOTE = 34;
var LF = 10;
var CR = 13;
var RECORDS_TO_CHECK = 20;
function countFields(bytes, start, end, complete, delimiter, state) {
  let i = start;
  let fields = 1;
  while (true) {
    if (i < end && bytes[i] === QUOTE) {
      i++;
      while (i < end && !(bytes[i] === QUOTE && !(i + 1 < end && bytes[i + 1] === QUOTE))) i += bytes[i] === QUOTE ? 2 : 1;
      if (i >= end) return -1;
      i++;
    }
    while (i < end && bytes[i] !== delimiter && bytes[i] !== LF && bytes[i] !== CR) i++;
    if (i >= end) {
      if (!complete) return -1;
      state.next = end;
      return fields;
    }
    if (bytes[i] === delimiter) {
      fields++;
      i++;
      continue;
    }
    state.next = i + (bytes[i] === CR && i + 1 < end && bytes[i + 1] === LF ? 2 : 1);
    return fields;
  }
}
function detectDelimiter(bytes, start, end, complete) {
  let best = DELIMITER_CANDIDATES[0];
  let bestFields = 1;
  const state = { next: 0 };
  for (const delimiter of DELIMITER_CANDIDATES) {
    let position = start;
    let expected = -1;
    let consistent = true;
    for (let record = 0; record < RECORDS_TO_CHECK && position < end; record++) {
      const blank = bytes[position] === LF || bytes[position] === CR;
      const fields = countFields(bytes, position, end, complete, delimiter, state);
      if (fields < 0) break;
      position = state.next;
      if (blank) continue;
      if (expected < 0) {
        expected = fields;
      } else if (fields !== expected) {
        consistent = false;
        break;
      }
    }
    if (consistent && expected > bestFields) {
      best = delimiter;
      bestFields = expected;
    }
  }
  return best;
}

// shared/data/csv/scanner.ts
var KIND_FLOAT = 0;
var KIND_INTEGER = 1;
var KIND_BOOLEAN = 2;
var KIND_DATE = 3;
var KIND_DATETIME = 4;
var KIND_TEXT = 5;
var SCAN_FULL = 0;
var SCAN_NEED_DATA = 1;
var SCAN_END = 2;
var LF2 = 10;
var CR2 = 13;
var QUOTE2 = 34;
var MINUS2 = 45;
var DOT2 = 46;
var POW102 = new Float64Array(16);
for (let i = 0, power = 1; i < 16; i++, power *= 10) POW102[i] = power;
var BOM = [239, 187, 191];
var DEFAULT_CHUNK = 1 << 20;
var NO_BYTES = new Uint8Array(0);
var CsvScanner = class {
  constructor(source, file, chunkSize = DEFAULT_CHUNK) {
    this.source = source;
    this.file = file;
    this.buf = Buffer.allocUnsafe(chunkSize + 1);
  }
  source;
  file;
  buf;
  dataEnd = 0;
  eof = false;
  pos = 0;
  /** Offset in the stream of `buf[0]`. */
  base = 0;
  line = 1;
  /** Stream offset where the current line starts (for columns in messages). */
  lineStart = 0;
  delimiter = 44;
  special = new Uint8Array(256);
  scratch = Buffer.allocUnsafe(256);
  columnCount = 0;
  kinds = new Int8Array(0);
  declaredBoolean = new Uint8Array(0);
  dictionaries = [];
  nullTexts = [];
  nullTextSet = /* @__PURE__ */ new Set();
  target;
  /** Rows written to the current target. */
  row = 0;
  /** Rows committed before the current target (the file's data-row index of `row` 0). */
  rowOffset = 0;
  tracker;
  pendingInvalidColumns = [];
  pendingInvalidTexts = [];
  /** Reads the first chunk and skips a UTF-8 BOM. Returns false for an empty stream. */
  async start() {
    this.dataEnd = 0;
    this.eof = false;
    this.pos = 0;
    this.base = 0;
    this.line = 1;
    this.lineStart = 0;
    this.row = 0;
    this.rowOffset = 0;
    await this.fill();
    if (this.dataEnd >= 2 && (this.buf[0] === 255 && this.buf[1] === 254 || this.buf[0] === 254 && this.buf[1] === 255)) {
      throw new InputError({ file: this.file, line: 1 }, "the file is UTF-16 encoded; expected UTF-8 text (re-save it as UTF-8)");
    }
    if (this.dataEnd >= 3 && BOM.every((byte, i) => this.buf[i] === byte)) {
      this.pos = 3;
      this.lineStart = 3;
    }
    return this.pos < this.dataEnd;
  }
  /**
   * Continues at stream offset `base` of a source that now starts there
   * (a byte range of a split file): lines count from 1 at that offset, rows
   * from 0.
   */
  async restartAt(base2) {
    this.dataEnd = 0;
    this.eof = false;
    this.pos = 0;
    this.base = base2;
    this.line = 1;
    this.lineStart = base2;
    this.row = 0;
    this.rowOffset = 0;
    await this.fill();
  }
  /** Stream offset of the next unscanned byte. */
  get offset() {
    return this.base + this.pos;
  }
  /** Starts over from the first byte (after an inference pass). */
  async rewind() {
    await this.source.rewind();
    await this.start();
  }
  async close() {
    await this.source.close();
  }
  /** The bytes read but not yet scanned, for delimiter detection. */
  get pending() {
    return { bytes: this.buf, start: this.pos, end: this.dataEnd, complete: this.eof };
  }
  setDelimiter(delimiter) {
    this.delimiter = delimiter;
    this.special.fill(0);
    this.special[delimiter] = 1;
    this.special[LF2] = 1;
    this.special[CR2] = 1;
  }
  get delimiterCode() {
    return this.delimiter;
  }
  /** Texts (besides the empty field) that read as null. */
  setNullTexts(texts) {
    this.nullTextSet = new Set(texts);
    this.nullTexts = texts.filter((text) => text !== "").map((text) => Buffer.from(text, "utf8"));
  }
  /** Whether a field's text reads as null (the empty field always does). */
  isNull(text) {
    return text === "" || this.nullTextSet.has(text);
  }
  /**
   * Keeps the unscanned tail and reads more after it, growing the buffer when
   * one record fills it. Returns false at the end of the stream.
   */
  async fill() {
    if (this.eof) return false;
    const keep = this.dataEnd - this.pos;
    if (this.pos > 0) {
      this.buf.copy(this.buf, 0, this.pos, this.dataEnd);
      this.base += this.pos;
      this.pos = 0;
    }
    if (keep >= this.buf.length - 1) {
      const grown = Buffer.allocUnsafe((this.buf.length - 1) * 2 + 1);
      this.buf.copy(grown, 0, 0, keep);
      this.buf = grown;
    }
    let end = keep;
    const room = this.buf.length - 1;
    while (end < room) {
      const read = await this.source.read(this.buf, end, room - end);
      if (read === 0) {
        this.eof = true;
        break;
      }
      end += read;
    }
    this.dataEnd = end;
    this.buf[end] = LF2;
    return true;
  }
  /**
   * Reads the next record as text (the header, or a row for type inference);
   * undefined at the end of the stream. `line` is where the record starts.
   */
  async readRecord() {
    const record = await this.readFields();
    if (record === void 0) return void 0;
    const fields = [];
    for (let i = 0; i < record.count; i++) {
      const text = record.texts[i];
      if (text !== void 0) {
        fields.push(text);
        continue;
      }
      const decoded = decodeUtf8(this.buf, record.starts[i], record.ends[i]);
      if (decoded === void 0) this.failUtf8(firstInvalidUtf8(this.buf, record.starts[i], record.ends[i]), record.start, record.line, record.lineStart);
      fields.push(decoded);
    }
    return { fields, line: record.line };
  }
  /**
   * Reads the next record's field boundaries (for type inference, without a
   * string per field). Field `i` is `texts[i]` when its quotes had to be
   * unescaped, else the bytes `[starts[i], ends[i])` of `bytes`, valid until
   * the next read. Undefined at the end of the stream.
   */
  async readFields() {
    while (true) {
      const line = this.line;
      const lineStart = this.lineStart;
      const start = this.pos;
      const count2 = this.scanFieldRecord();
      if (count2 >= 0) {
        const record = this.fieldRecord;
        record.count = count2;
        record.line = line;
        record.lineStart = lineStart;
        record.start = start;
        record.bytes = this.buf;
        return record;
      }
      if (this.eof) return void 0;
      await this.fill();
    }
  }
  fieldRecord = {
    count: 0,
    line: 0,
    lineStart: 0,
    start: 0,
    bytes: NO_BYTES,
    starts: new Int32Array(64),
    ends: new Int32Array(64),
    texts: []
  };
  /** Field count of the next record (boundaries into `fieldRecord`), or -1 when it is not all in the buffer yet. */
  scanFieldRecord() {
    const buf = this.buf;
    const end = this.dataEnd;
    if (this.pos >= end) return -1;
    const recordStart = this.pos;
    const recordLine = this.line;
    const recordLineStart = this.lineStart;
    const record = this.fieldRecord;
    let count2 = 0;
    let p = this.pos;
    while (true) {
      if (count2 === record.starts.length) {
        const starts = new Int32Array(count2 * 2);
        starts.set(record.starts);
        const ends = new Int32Array(count2 * 2);
        ends.set(record.ends);
        record.starts = starts;
        record.ends = ends;
      }
      let text;
      if (buf[p] === QUOTE2) {
        const fieldStart = p;
        p = this.scanQuoted(p, recordStart, recordLine, recordLineStart);
        if (p < 0) {
          this.restore(recordStart, recordLine, recordLineStart);
          return -1;
        }
        if (this.quotedSource === buf) {
          record.starts[count2] = this.quotedStart;
          record.ends[count2] = this.quotedEnd;
        } else {
          text = decodeUtf8(this.quotedSource, this.quotedStart, this.quotedEnd);
          if (text === void 0) this.failUtf8(fieldStart, recordStart, recordLine, recordLineStart);
        }
      } else {
        record.starts[count2] = p;
        while (this.special[buf[p]] === 0) p++;
        record.ends[count2] = p;
      }
      record.texts[count2] = text;
      count2++;
      if (p === end && !this.eof) {
        this.restore(recordStart, recordLine, recordLineStart);
        return -1;
      }
      if (buf[p] === this.delimiter && p < end) {
        p++;
        continue;
      }
      const next = this.endRecord(p);
      if (next < 0) {
        this.restore(recordStart, recordLine, recordLineStart);
        return -1;
      }
      this.pos = next;
      return count2;
    }
  }
  /** Prepares the reading pass. */
  planRead(plans, dictionaries, tracker) {
    this.columnCount = plans.length;
    this.kinds = Int8Array.from(plans, (plan) => plan.kind);
    this.declaredBoolean = Uint8Array.from(plans, (plan) => plan.declaredBoolean ? 1 : 0);
    this.dictionaries = dictionaries;
    this.tracker = tracker;
  }
  /** Directs the next rows to `target`, starting at its row 0. */
  setTarget(target) {
    this.rowOffset += this.row;
    this.row = 0;
    this.target = target;
  }
  // Result of `scanQuoted`: where the field's content is (the buffer, or the
  // scratch buffer when doubled quotes had to be removed).
  quotedSource = NO_BYTES;
  quotedStart = 0;
  quotedEnd = 0;
  /**
   * Scans the quoted field whose opening quote is at `p`. Returns the index
   * after the closing quote, or -1 when the buffer ends first (more data is
   * needed). Throws for an unterminated quote at the end of the stream and for
   * text between the closing quote and the next delimiter.
   */
  scanQuoted(p, recordStart, recordLine, recordLineStart) {
    const buf = this.buf;
    const end = this.dataEnd;
    const open2 = p;
    let q = p + 1;
    let escaped = false;
    while (true) {
      if (q >= end) {
        if (!this.eof) return -1;
        this.fail(open2, recordStart, recordLine, recordLineStart, 'unterminated quoted field: the quote opened here is never closed; expected a closing `"`');
      }
      const c = buf[q];
      if (c === QUOTE2) {
        if (q + 1 >= end && !this.eof) return -1;
        if (q + 1 < end && buf[q + 1] === QUOTE2) {
          escaped = true;
          q += 2;
          continue;
        }
        break;
      }
      if (c === LF2) {
        this.line++;
        this.lineStart = this.base + q + 1;
      }
      q++;
    }
    const close = q;
    const after = close + 1;
    if (after < end && this.special[buf[after]] === 0) {
      this.fail(after, recordStart, recordLine, recordLineStart, `unexpected text after a closing quote; expected the delimiter ${describeDelimiter(this.delimiter)} or the end of the line`);
    }
    if (!escaped) {
      this.quotedSource = buf;
      this.quotedStart = open2 + 1;
      this.quotedEnd = close;
      return after;
    }
    if (this.scratch.length < close - open2) this.scratch = Buffer.allocUnsafe((close - open2) * 2);
    const scratch2 = this.scratch;
    let length = 0;
    for (let i = open2 + 1; i < close; i++) {
      const c = buf[i];
      scratch2[length++] = c;
      if (c === QUOTE2) i++;
    }
    this.quotedSource = scratch2;
    this.quotedStart = 0;
    this.quotedEnd = length;
    return after;
  }
  /**
   * Consumes the record terminator at `p` (LF, CRLF, a lone CR, or the end of
   * the stream). Returns the next record's start, or -1 when more data is needed.
   */
  endRecord(p) {
    const end = this.dataEnd;
    if (p >= end) {
      if (!this.eof) return -1;
      this.line++;
      this.lineStart = this.base + end;
      return end;
    }
    if (this.buf[p] === CR2) {
      if (p + 1 >= end && !this.eof) return -1;
      p++;
      if (p < end && this.buf[p] === LF2) p++;
    } else {
      p++;
    }
    this.line++;
    this.lineStart = this.base + p;
    return p;
  }
  restore(recordStart, recordLine, recordLineStart) {
    this.pos = recordStart;
    this.line = recordLine;
    this.lineStart = recordLineStart;
    this.pendingInvalidColumns.length = 0;
    this.pendingInvalidTexts.length = 0;
  }
  /**
   * Scans records into the target until it holds `maxRows` rows (SCAN_FULL),
   * the buffer ends inside a record (SCAN_NEED_DATA: call `fill` and scan
   * again) or the stream ends (SCAN_END).
   */
  scan(maxRows) {
    const target = this.target;
    const buf = this.buf;
    const end = this.dataEnd;
    const eof = this.eof;
    const special = this.special;
    const delimiter = this.delimiter;
    const kinds = this.kinds;
    const columnCount = this.columnCount;
    const lastColumn = columnCount - 1;
    const { numbers, booleans, codes, nulls, lines } = target;
    const dictionaries = this.dictionaries;
    const declaredBoolean = this.declaredBoolean;
    const checkNullTexts = this.nullTexts.length > 0;
    const express = !checkNullTexts;
    let row = this.row;
    let p = this.pos;
    rows: while (row < maxRows) {
      if (p >= end) {
        this.pos = p;
        this.row = row;
        return eof ? SCAN_END : SCAN_NEED_DATA;
      }
      const recordStart = p;
      const recordLine = this.line;
      const recordLineStart = this.lineStart;
      const first = buf[p];
      if (first === LF2 || first === CR2) {
        let q = p;
        while (q < end && (buf[q] === LF2 || buf[q] === CR2)) q++;
        if (q >= end) {
          if (!eof) {
            this.pos = p;
            this.row = row;
            return SCAN_NEED_DATA;
          }
          this.pos = end;
          this.row = row;
          return SCAN_END;
        }
        if (columnCount > 1) {
          throw new InputError({ file: this.file, line: recordLine }, `blank line inside the data; expected ${columnCount} fields separated by ${describeDelimiter(delimiter)}`);
        }
      }
      for (let c = 0; c < columnCount; c++) {
        const kind = kinds[c];
        if (express) {
          if (kind <= KIND_INTEGER) {
            let q = p;
            let b = buf[q];
            const negative = b === MINUS2;
            if (negative) b = buf[++q];
            let mantissa = 0;
            const digitsStart = q;
            while (b >= 48 && b <= 57) {
              mantissa = mantissa * 10 + (b - 48);
              b = buf[++q];
            }
            let digits = q - digitsStart;
            let fraction = 0;
            if (b === DOT2) {
              const fractionStart = ++q;
              b = buf[q];
              while (b >= 48 && b <= 57) {
                mantissa = mantissa * 10 + (b - 48);
                b = buf[++q];
              }
              fraction = q - fractionStart;
              digits += fraction;
            }
            if (digits > 0 && digits <= 15 && (fraction === 0 || kind === KIND_FLOAT) && (b === delimiter ? c !== lastColumn : c === lastColumn && (b === LF2 || b === CR2) && q < end)) {
              const magnitude = fraction === 0 ? mantissa : mantissa / POW102[fraction];
              numbers[c][row] = negative ? -magnitude : magnitude;
              nulls[c][row] = 0;
              p = b === delimiter ? q + 1 : q;
              continue;
            }
          } else if (kind === KIND_TEXT && buf[p] !== QUOTE2) {
            let q = p;
            let b = buf[q];
            let textHash = FNV.offset;
            while (special[b] === 0) {
              textHash = Math.imul(textHash ^ b, FNV.prime);
              b = buf[++q];
            }
            if (q > p && (b === delimiter ? c !== lastColumn : c === lastColumn && q < end)) {
              const code = dictionaries[c].codeOf(buf, p, q, textHash);
              if (code >= 0) {
                codes[c][row] = code;
                nulls[c][row] = 0;
                p = b === delimiter ? q + 1 : q;
                continue;
              }
            }
          }
        }
        const fieldStart = p;
        let src = buf;
        let s = p;
        let e;
        let hash = FNV.offset;
        if (buf[p] === QUOTE2) {
          p = this.scanQuoted(p, recordStart, recordLine, recordLineStart);
          if (p < 0) {
            this.restore(recordStart, recordLine, recordLineStart);
            this.row = row;
            return SCAN_NEED_DATA;
          }
          src = this.quotedSource;
          s = this.quotedStart;
          e = this.quotedEnd;
          if (kind === KIND_TEXT) hash = hashBytes(src, s, e);
        } else if (kind === KIND_TEXT) {
          let b = buf[p];
          while (special[b] === 0) {
            hash = Math.imul(hash ^ b, FNV.prime);
            b = buf[++p];
          }
          e = p;
        } else {
          while (special[buf[p]] === 0) p++;
          e = p;
        }
        if (p >= end && !eof) {
          this.restore(recordStart, recordLine, recordLineStart);
          this.row = row;
          return SCAN_NEED_DATA;
        }
        const terminator = p < end ? buf[p] : LF2;
        if (terminator === delimiter) {
          if (c === lastColumn) {
            const got = this.countFields(p, columnCount);
            if (got < 0) {
              this.restore(recordStart, recordLine, recordLineStart);
              this.row = row;
              return SCAN_NEED_DATA;
            }
            this.raggedError(recordLine, got);
          }
          p++;
        } else if (c !== lastColumn) {
          this.raggedError(recordLine, c + 1);
        }
        const isNull = s === e || checkNullTexts && this.isNullText(src, s, e);
        switch (kind) {
          case KIND_FLOAT: {
            const column = numbers[c];
            if (isNull) {
              column[row] = NaN;
              nulls[c][row] = 1;
              break;
            }
            const value = parseNumber(src, s, e);
            if (value === value) {
              column[row] = value;
              nulls[c][row] = 0;
            } else {
              column[row] = NaN;
              this.flagInvalid(c, row, src, s, e, fieldStart, recordStart, recordLine, recordLineStart);
            }
            break;
          }
          case KIND_INTEGER: {
            const column = numbers[c];
            if (isNull) {
              column[row] = NaN;
              nulls[c][row] = 1;
              break;
            }
            const value = parseNumber(src, s, e);
            if (Number.isInteger(value)) {
              column[row] = value;
              nulls[c][row] = 0;
            } else {
              column[row] = NaN;
              this.flagInvalid(c, row, src, s, e, fieldStart, recordStart, recordLine, recordLineStart);
            }
            break;
          }
          case KIND_TEXT: {
            const column = codes[c];
            if (isNull) {
              column[row] = -1;
              nulls[c][row] = 1;
              break;
            }
            const code = dictionaries[c].codeOf(src, s, e, hash);
            if (code < 0) this.failUtf8(src === buf ? firstInvalidUtf8(src, s, e) : fieldStart, recordStart, recordLine, recordLineStart);
            column[row] = code;
            nulls[c][row] = 0;
            break;
          }
          case KIND_BOOLEAN: {
            const column = booleans[c];
            column[row] = 0;
            if (isNull) {
              nulls[c][row] = 1;
              break;
            }
            const value = declaredBoolean[c] === 1 ? parseDeclaredBoolean(src, s, e) : parseBooleanLiteral(src, s, e);
            if (value !== NOT_BOOLEAN) {
              column[row] = value;
              nulls[c][row] = 0;
            } else {
              this.flagInvalid(c, row, src, s, e, fieldStart, recordStart, recordLine, recordLineStart);
            }
            break;
          }
          case KIND_DATE:
          case KIND_DATETIME: {
            const column = numbers[c];
            if (isNull) {
              column[row] = NaN;
              nulls[c][row] = 1;
              break;
            }
            const value = kind === KIND_DATE ? parseDate(src, s, e) : parseDatetime(src, s, e, true);
            if (value === value) {
              column[row] = value;
              nulls[c][row] = 0;
            } else {
              column[row] = NaN;
              this.flagInvalid(c, row, src, s, e, fieldStart, recordStart, recordLine, recordLineStart);
            }
            break;
          }
        }
      }
      const next = this.endRecord(p);
      if (next < 0) {
        this.restore(recordStart, recordLine, recordLineStart);
        this.row = row;
        return SCAN_NEED_DATA;
      }
      p = next;
      lines[row] = recordLine;
      if (this.pendingInvalidColumns.length > 0) this.commitInvalid(row, recordLine);
      row++;
      continue rows;
    }
    this.pos = p;
    this.row = row;
    return SCAN_FULL;
  }
  /** Whether the bytes are one of the texts given to `setNullTexts`. */
  isNullText(src, s, e) {
    const length = e - s;
    outer: for (const text of this.nullTexts) {
      if (text.length !== length) continue;
      for (let i = 0; i < length; i++) if (text[i] !== src[s + i]) continue outer;
      return true;
    }
    return false;
  }
  flagInvalid(c, row, src, s, e, fieldStart, recordStart, recordLine, recordLineStart) {
    let text;
    if (isAscii(src, s, e)) {
      text = this.tracker?.wantsExample(c) ? decodeUtf8(src, s, e) : void 0;
    } else {
      text = decodeUtf8(src, s, e);
      if (text === void 0) this.failUtf8(src === this.buf ? firstInvalidUtf8(src, s, e) : fieldStart, recordStart, recordLine, recordLineStart);
    }
    const target = this.target;
    target.nulls[c][row] = 1;
    let mask = target.invalid[c];
    if (mask === void 0) {
      mask = new Uint8Array(target.capacity);
      target.invalid[c] = mask;
    }
    mask[row] = 1;
    this.pendingInvalidColumns.push(c);
    this.pendingInvalidTexts.push(text);
  }
  commitInvalid(row, line) {
    const tracker = this.tracker;
    for (let i = 0; i < this.pendingInvalidColumns.length; i++) {
      tracker.add(this.pendingInvalidColumns[i], this.rowOffset + row, line, this.pendingInvalidTexts[i]);
    }
    this.pendingInvalidColumns.length = 0;
    this.pendingInvalidTexts.length = 0;
  }
  /**
   * Total fields of the record whose field `columns` starts after the
   * delimiter at `p`, or -1 when the record does not end within the buffer.
   */
  countFields(p, columns) {
    const buf = this.buf;
    const end = this.dataEnd;
    let fields = columns;
    let inQuotes = false;
    for (let q = p; q < end; q++) {
      const c = buf[q];
      if (inQuotes) {
        if (c === QUOTE2) inQuotes = false;
      } else if (c === QUOTE2) {
        inQuotes = true;
      } else if (c === this.delimiter) {
        fields++;
      } else if (c === LF2 || c === CR2) {
        return fields;
      }
    }
    return this.eof ? fields : -1;
  }
  raggedError(line, got) {
    const fieldWord = got === 1 ? "field" : "fields";
    throw new InputError(
      { file: this.file, line },
      `expected ${this.columnCount} fields (as in the header) separated by ${describeDelimiter(this.delimiter)}, got ${got} ${fieldWord}`
    );
  }
  failUtf8(index, recordStart, recordLine, recordLineStart) {
    this.fail(index, recordStart, recordLine, recordLineStart, `invalid UTF-8 at byte offset ${this.base + index}; expected UTF-8 text (re-save the file as UTF-8)`);
  }
  /** Throws an InputError at buffer index `index` of the record starting at `recordStart`. */
  fail(index, recordStart, recordLine, recordLineStart, detail) {
    let line = recordLine;
    let lineStart = recordLineStart;
    for (let q = recordStart; q < index; q++) {
      const c = this.buf[q];
      if (c === LF2 || c === CR2 && this.buf[q + 1] !== LF2) {
        line++;
        lineStart = this.base + q + 1;
      }
    }
    throw new InputError({ file: this.file, line, column: this.base + index - lineStart + 1 }, detail);
  }
};
function describeDelimiter(delimiter) {
  if (delimiter === 9) return "tabs";
  return `\`${String.fromCharCode(delimiter)}\``;
}

// shared/data/csv/reader.ts
var KIND_OF_TYPE = {
  integer: KIND_INTEGER,
  float: KIND_FLOAT,
  boolean: KIND_BOOLEAN,
  date: KIND_DATE,
  datetime: KIND_DATETIME,
  string: KIND_TEXT,
  category: KIND_TEXT
};
function delimiterCode(delimiter) {
  const code = delimiter.charCodeAt(0);
  if (delimiter.length !== 1 || code > 126 || code === 34 || code === 10 || code === 13) {
    throw new UsageError(`invalid CSV delimiter ${JSON.stringify(delimiter)}; expected one ASCII character other than a quote or a line break (e.g. "," ";" "|" or "\\t")`);
  }
  return code;
}
async function openCsv(path, options, sourceOptions) {
  const batchSize = positiveInteger(options.batchSize, DEFAULT_BATCH_SIZE, "batchSize");
  const inferenceRows = positiveInteger(options.inferenceRows, DEFAULT_INFERENCE_ROWS, "inferenceRows");
  const categoryMaxDistinct = positiveInteger(options.categoryMaxDistinct, DEFAULT_CATEGORY_MAX_DISTINCT, "categoryMaxDistinct");
  const forced = options.delimiter === void 0 ? sourceOptions.defaultDelimiter : delimiterCode(options.delimiter);
  const source = sourceOptions.gzip ? new GzipByteSource(path) : await FileByteSource.open(path);
  const scanner = new CsvScanner(source, path, sourceOptions.chunkSize);
  try {
    if (!await scanner.start()) {
      throw new InputError({ file: path }, "the file is empty; expected a header row naming the columns");
    }
    const pending = scanner.pending;
    scanner.setDelimiter(forced ?? detectDelimiter(pending.bytes, pending.start, pending.end, pending.complete));
    scanner.setNullTexts(options.nullValues ?? []);
    const names = await readNames(scanner, path);
    const declared = options.types ?? {};
    const samplers = names.map((name) => declared[name] === void 0 ? new TypeSampler(categoryMaxDistinct) : void 0);
    if (samplers.some((sampler) => sampler !== void 0)) {
      await sample(scanner, samplers, inferenceRows, path);
      await scanner.rewind();
      await scanner.readRecord();
    }
    const fields = names.map((name, i) => ({ name, type: declared[name] ?? samplers[i].result() }));
    const plans = fields.map((field) => ({
      kind: KIND_OF_TYPE[field.type],
      declaredBoolean: field.type === "boolean" && declared[field.name] === "boolean"
    }));
    if (sourceOptions.range !== void 0) {
      const { start, end } = sourceOptions.range;
      if (!(source instanceof FileByteSource) || start < scanner.offset || end < start) {
        throw new UsageError(`invalid CSV byte range [${start}, ${end}); expected a range from splitCsvRanges of an uncompressed file`);
      }
      source.setRange(start, end);
      await scanner.restartAt(start);
    }
    const dictionaries = fields.map(() => new ByteDictionary());
    const tracker = new InvalidTracker(fields);
    scanner.planRead(plans, dictionaries, tracker);
    return new CsvTableReader(path, { fields }, scanner, tracker, dictionaries, batchSize);
  } catch (error) {
    await scanner.close();
    throw error;
  }
}
async function readNames(scanner, path) {
  const record = await scanner.readRecord();
  const header = record && { names: record.fields, line: record.line };
  if (header === void 0 || header.names.length === 1 && header.names[0].trim() === "") {
    throw new InputError({ file: path, line: header?.line ?? 1 }, "the header row is empty; expected a header row naming the columns");
  }
  const seen = /* @__PURE__ */ new Map();
  header.names.forEach((name, i) => {
    if (name.trim() === "") {
      throw new InputError({ file: path, line: header.line }, `header field ${i + 1} is empty; expected a name for every column`);
    }
    const earlier = seen.get(name);
    if (earlier !== void 0) {
      throw new InputError({ file: path, line: header.line }, `column name ${JSON.stringify(name)} appears twice in the header (fields ${earlier + 1} and ${i + 1}); expected unique names`);
    }
    seen.set(name, i);
  });
  return header.names;
}
async function sample(scanner, samplers, rows, path) {
  const columns = samplers.length;
  for (let seen = 0; seen < rows; ) {
    const record = await scanner.readFields();
    if (record === void 0) return;
    const { count: count2, bytes, starts, ends, texts } = record;
    if (count2 === 1 && starts[0] === ends[0] && texts[0] === void 0 && columns > 1) continue;
    if (count2 !== columns) {
      throw new InputError(
        { file: path, line: record.line },
        `expected ${columns} fields (as in the header) separated by ${describeDelimiter(scanner.delimiterCode)}, got ${count2} ${count2 === 1 ? "field" : "fields"}`
      );
    }
    for (let c = 0; c < columns; c++) {
      const sampler = samplers[c];
      if (sampler === void 0) continue;
      const text = texts[c];
      if (text !== void 0) {
        if (!scanner.isNull(text)) sampler.observeText(text);
      } else if (starts[c] < ends[c] && !scanner.isNullText(bytes, starts[c], ends[c])) {
        sampler.observe(bytes, starts[c], ends[c]);
      }
    }
    seen++;
  }
}
var CsvTableReader = class {
  constructor(path, schema, scanner, tracker, dictionaries, batchSize) {
    this.path = path;
    this.schema = schema;
    this.scanner = scanner;
    this.tracker = tracker;
    this.dictionaries = dictionaries;
    this.batchSize = batchSize;
  }
  path;
  schema;
  scanner;
  tracker;
  dictionaries;
  batchSize;
  format = "csv";
  started = false;
  get invalidCounts() {
    return this.tracker.counts;
  }
  get invalidExamples() {
    return this.tracker.examples;
  }
  async *[Symbol.asyncIterator]() {
    if (this.started) throw new Error(`${this.path}: a TableReader can be iterated once`);
    this.started = true;
    const { scanner, batchSize } = this;
    try {
      while (true) {
        const columns = allocateColumns(this.schema.fields, this.dictionaries.map((dictionary) => dictionary.values), batchSize, false);
        const target = {
          numbers: columns.map((column) => column.kind === "number" ? column.values : EMPTY_FLOATS),
          booleans: columns.map((column) => column.kind === "boolean" ? column.values : EMPTY_BYTES),
          codes: columns.map((column) => column.kind === "string" ? column.codes : EMPTY_INTS),
          nulls: columns.map((column) => column.nulls),
          invalid: columns.map(() => void 0),
          lines: new Int32Array(batchSize),
          capacity: batchSize
        };
        scanner.setTarget(target);
        let status;
        while (true) {
          status = scanner.scan(Math.min(batchSize, scanner.row + SCAN_SLICE));
          if (status === SCAN_NEED_DATA) await scanner.fill();
          else if (status === SCAN_END || scanner.row === batchSize) break;
        }
        const length = scanner.row;
        if (length > 0) {
          columns.forEach((column, c) => {
            const invalid = target.invalid[c];
            if (invalid !== void 0) column.invalid = invalid;
          });
          yield { rowOffset: scanner.rowOffset, length, columns: trimColumns(columns, length), lines: target.lines.subarray(0, length) };
        }
        if (status === SCAN_END) return;
      }
    } finally {
      await scanner.close();
    }
  }
  async close() {
    await this.scanner.close();
  }
};
var SCAN_SLICE = 4096;
var EMPTY_FLOATS = new Float64Array(0);
var EMPTY_BYTES = new Uint8Array(0);
var EMPTY_INTS = new Int32Array(0);

// shared/data/format.ts
var EXTENSIONS = {
  csv: "csv",
  tsv: "csv",
  tab: "csv",
  txt: "csv",
  jsonl: "jsonl",
  ndjson: "jsonl",
  parquet: "parquet",
  pq: "parquet",
  arrow: "arrow",
  feather: "arrow",
  ipc: "arrow",
  arrows: "arrow"
};
function describeFile(path, override) {
  const name = path.split(/[\\/]/).pop() ?? path;
  const parts = name.toLowerCase().split(".");
  const gzip = parts.length > 1 && parts[parts.length - 1] === "gz";
  const extensionIndex = parts.length - (gzip ? 2 : 1);
  const extension = extensionIndex > 0 ? parts[extensionIndex] : "";
  const byName = EXTENSIONS[extension];
  const format = override ?? byName;
  if (format === void 0) {
    throw new InputError(
      { file: path },
      "unknown file type; expected a name ending in .csv, .tsv, .txt, .jsonl, .ndjson, .parquet, .arrow, .feather or .ipc (optionally .gz for text), or an explicit format"
    );
  }
  if (gzip && (format === "parquet" || format === "arrow")) {
    throw new InputError({ file: path }, `a gzip-compressed ${format} file cannot be streamed; expected an uncompressed .${extension} (${format} compresses its own columns)`);
  }
  return { format, gzip, tabSeparated: format === "csv" && (extension === "tsv" || extension === "tab") };
}

// shared/data/jsonl/lines.ts
var CHUNK = 1 << 20;

// shared/data/parquet/reader.ts
import { parquetMetadataAsync, parquetRead, parquetSchema } from "hyparquet";
import { compressors } from "hyparquet-compressors";
var fatalDecoder2 = new TextDecoder("utf-8", { fatal: true });

// shared/data/open.ts
var TAB = 9;
async function openCsvRange(path, range, options = {}) {
  const detected = describeFile(path, options.format ?? "csv");
  await checkFile(path);
  return openCsv(path, options, { gzip: detected.gzip, defaultDelimiter: detected.tabSeparated ? TAB : void 0, range });
}
async function checkFile(path) {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = error.code;
    const detail = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : error.message;
    throw new InputError({ file: path }, `cannot read the file: ${detail}; expected a readable data file`, { cause: error });
  }
  if (info.isDirectory()) throw new InputError({ file: path }, "is a directory; expected a data file");
  if (!info.isFile()) throw new InputError({ file: path }, "is not a regular file; expected a data file");
}

// shared/data/csv/ranges.ts
var CHUNK2 = 1 << 20;

// shared/profile/parallel.ts
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
async function profileRange(path, range, read, settings) {
  const reader = await openCsvRange(path, range, read);
  const builder = new ProfileBuilder({ ...settings, schema: reader.schema });
  try {
    for await (const batch of reader) builder.add(batch);
  } finally {
    await reader.close();
  }
  return builder.finish();
}
function serveProfileWorker() {
  const task = workerData;
  if (isMainThread || !parentPort || task?.kind !== "tollgate-profile-range") return false;
  const port = parentPort;
  profileRange(task.path, task.range, task.read, task.settings).then(
    (profile) => port.postMessage({ ok: true, profile }),
    (error) => {
      const userFacing = error instanceof Error && "exitCode" in error;
      port.postMessage({ ok: false, message: userFacing ? error.message : String(error?.stack ?? error), userFacing });
    }
  );
  return true;
}

// cli/profile-worker.ts
serveProfileWorker();
