// Run: npx esbuild bench/stats/radix-sort.bench.ts --bundle --platform=node --format=esm --outfile=bench/out/radix-sort.mjs && node bench/out/radix-sort.mjs
//
// Radix sort vs Float64Array.prototype.sort on 1M doubles (normal, uniform
// integers with ties, already sorted). Prints the median of several runs.
import { createRng } from '../../shared/stats/random.js';
import { radixSortFloat64 } from '../../shared/stats/radix-sort.js';

const N = 1_000_000;
const RUNS = 7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const rng = createRng(2024);
const inputs: Record<string, Float64Array> = {
  normal: Float64Array.from({ length: N }, () => rng.normal() * 1000),
  integers: Float64Array.from({ length: N }, () => rng.nextInt(5000)),
  sorted: Float64Array.from({ length: N }, (_, i) => i * 0.5),
};

const scratch = new Float64Array(N);
console.log(`n = ${N.toLocaleString('en-US')}, median of ${RUNS} runs`);
for (const [name, input] of Object.entries(inputs)) {
  const native: number[] = [];
  const radix: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const a = input.slice();
    const b = input.slice();
    native.push(time(() => a.sort()));
    radix.push(time(() => radixSortFloat64(b, scratch)));
    for (let i = 0; i < N; i++) if (!Object.is(a[i], b[i])) throw new Error(`mismatch at ${i}`);
  }
  const tn = median(native);
  const tr = median(radix);
  console.log(
    `${name.padEnd(9)} native ${tn.toFixed(1).padStart(6)} ms (${((N / tn) * 1e-3).toFixed(1)}M/s)  ` +
      `radix ${tr.toFixed(1).padStart(6)} ms (${((N / tr) * 1e-3).toFixed(1)}M/s)  speed-up x${(tn / tr).toFixed(2)}`,
  );
}
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
