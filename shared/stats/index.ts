/**
 * Statistics library: seeded random numbers, mergeable sketches (moments,
 * KLL quantiles, HyperLogLog, top-K, exact buckets) and two-sample tests and
 * distances defined exactly as SciPy's. Imports nothing else of Tollgate.
 */
export { createRng } from './random.js';
export type { Rng } from './random.js';
export { Moments } from './moments.js';
export type { MomentsJSON } from './moments.js';
export { radixSortFloat64, sortedWithoutNaN } from './radix-sort.js';
export { KllSketch, kllRankError } from './kll.js';
export type { KllJSON, KllOptions } from './kll.js';
export { HyperLogLog } from './hyperloglog.js';
export type { HyperLogLogJSON } from './hyperloglog.js';
export { murmur3Bytes, murmur3Number, murmur3String, murmur3Words } from './hash.js';
export { TopK, compareValues } from './top-k.js';
export type { TopKItem, TopKJSON, TopKValue } from './top-k.js';
export {
  BucketCounts,
  DECILE_RANKS,
  binIndex,
  decileEdges,
  dedupeSorted,
  edgesFromSketch,
  quantileSorted,
  sameEdges,
  validateEdges,
} from './buckets.js';
export type { BucketCountsJSON } from './buckets.js';
export { KS_MAX_EXACT_N, ks2Samp, ks2SampSorted } from './ks.js';
export type { KsMethod, KsResult } from './ks.js';
export { chi2Contingency2xK, mergeSparseCells } from './chi-square.js';
export type { ChiSquareResult, MergedCells } from './chi-square.js';
export { twoProportionZTest } from './z-test.js';
export type { ZTestResult } from './z-test.js';
export { psi, psiNoiseFloor } from './psi.js';
export type { PsiResult } from './psi.js';
export { jensenShannonDistance } from './jensen-shannon.js';
export { wasserstein, wassersteinSorted, wassersteinWeighted } from './wasserstein.js';
export { klDivergence } from './kl.js';
export type { KlOptions } from './kl.js';
export { benjaminiHochberg } from './benjamini-hochberg.js';
export {
  chi2Sf,
  erf,
  erfc,
  gammainc,
  gammaincc,
  kstwoSf,
  logGamma,
  normalCdf,
  normalSf,
  smirnovSf,
} from './distributions.js';
