// Run: npx esbuild bench/evaluate/bootstrap.bench.ts --bundle --platform=node --format=esm --outfile=bench/out/evaluate-bootstrap.mjs && node bench/out/evaluate-bootstrap.mjs
//
// The paired bootstrap of `tollgate evaluate` at scale: 1,000 resamples of the
// ROC AUC difference between two models on 100,000 rows, plus the pieces it
// is made of (one sort per model, one weighted pass per resample) and the
// whole evaluation (all metrics, DeLong, two gated metrics).
import { pairedBootstrap, percentileInterval } from '../../shared/evaluate/bootstrap.js';
import { evaluateRows } from '../../shared/evaluate/compare.js';
import { delongTest } from '../../shared/evaluate/delong.js';
import { rankScores, rocAucRanked } from '../../shared/evaluate/metrics/ranking.js';
import { createRng } from '../../shared/stats/random.js';

const N = 100_000;
const RESAMPLES = 1_000;

function time<T>(label: string, fn: () => T): T {
  const start = performance.now();
  const result = fn();
  console.log(`${label.padEnd(52)} ${((performance.now() - start) / 1000).toFixed(3)} s`);
  return result;
}

const rng = createRng(1);
const labels = new Float64Array(N);
const challenger = new Float64Array(N);
const champion = new Float64Array(N);
for (let i = 0; i < N; i++) {
  labels[i] = rng.next() < 0.3 ? 1 : 0;
  const shared = rng.normal();
  const sign = 2 * labels[i] - 1;
  // Rounded to 3 decimals: realistic ties.
  challenger[i] = Math.round(1000 / (1 + Math.exp(-(1.05 * sign + 0.7 * shared + 0.7 * rng.normal())))) / 1000;
  champion[i] = Math.round(1000 / (1 + Math.exp(-(1.0 * sign + 0.7 * shared + 0.7 * rng.normal())))) / 1000;
}

const rankedA = time('sort challenger scores (100k)', () => rankScores(labels, challenger));
const rankedB = time('sort champion scores (100k)', () => rankScores(labels, champion));
const [estimates] = time(`paired bootstrap, ${RESAMPLES} resamples of AUC difference`, () =>
  pairedBootstrap(N, [(counts) => rocAucRanked(rankedA, counts) - rocAucRanked(rankedB, counts)], { resamples: RESAMPLES, seed: 7 }),
);
const { interval } = percentileInterval(estimates, 0.95);
const delong = time("DeLong's test (100k)", () => delongTest(labels, challenger, champion));
console.log(`AUC difference ${delong.difference.toFixed(5)}; bootstrap 95% CI [${interval[0].toFixed(5)}, ${interval[1].toFixed(5)}]; DeLong p ${delong.pValue.toExponential(3)}`);

const rows = { ids: [], labels, challenger, champion, segments: [], sources: { challenger: 'challenger', champion: 'champion' } };
time('evaluateRows: all metrics, roc_auc + ece + log_loss gated', () =>
  evaluateRows(rows, { guardrails: [{ metric: 'ece', max_increase: 0.01 }, { metric: 'log_loss', max_increase: 0 }], bootstrap: { resamples: RESAMPLES } }),
);
