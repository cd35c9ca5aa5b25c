// Run: npx esbuild bench/drift/drift.bench.ts --bundle --platform=node --format=esm --packages=external --outfile=bench/out/drift.mjs && node bench/out/drift.mjs
//
// Drift of 20 columns (12 float, 4 integer, 4 categorical, 1% missing; one
// float column shifted by 0.5 sd in the current data), generated in memory as
// the readers' 65,536-row batches, so only the drift engine is timed:
//
//   1. raw vs raw, 1M rows each: load (batches copied into whole columns) and
//      compute after load (bucketing or sorting, bins, KS, PSI, chi-square,
//      Evidently's tests, decisions, report), median of 5 runs, wall clock and
//      CPU time of this process (the CPU figure is what one core spends, also
//      when other processes share the machine);
//   2. against a saved baseline profile of the 1M reference rows: the current
//      data streamed once, at 1M and at 5M current rows, each in a fresh
//      process (peak RSS is per process); and a baseline of 5M reference rows
//      against the same 1M current rows, to show memory does not grow with
//      the reference.
//
// `node bench/out/drift.mjs raw|profile <currentRows> [referenceRows]` runs one part.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Column, RecordBatch, Schema } from '../../shared/data/types.js';
import { computeDrift, type DriftTimings, type TableSource } from '../../shared/drift/index.js';
import { ProfileBuilder, freezeBins, type Profile } from '../../shared/profile/index.js';
import { createRng, type Rng } from '../../shared/stats/random.js';

const BATCH = 65_536;
const FLOATS = 12;
const INTEGERS = 4;
const CATEGORY_SIZES = [4, 5, 12, 40];
const SHIFTED = 'f3';

const schema: Schema = {
  fields: [
    ...Array.from({ length: FLOATS }, (_, i) => ({ name: `f${i + 1}`, type: 'float' as const })),
    ...Array.from({ length: INTEGERS }, (_, i) => ({ name: `i${i + 1}`, type: 'integer' as const })),
    ...CATEGORY_SIZES.map((_, i) => ({ name: `c${i + 1}`, type: 'category' as const })),
  ],
};

/** A pool of batches covering `rows` rows (one dictionary per category column, shared like a reader's). */
function makeBatches(rows: number, seed: number, shift: boolean): RecordBatch[] {
  const rng: Rng = createRng(seed);
  const dictionaries = CATEGORY_SIZES.map((size, c) => Array.from({ length: size }, (_, i) => `cat${c}-${i}`));
  const batches: RecordBatch[] = [];
  for (let offset = 0; offset < rows; offset += BATCH) {
    const length = Math.min(BATCH, rows - offset);
    const columns: Column[] = [];
    for (let f = 0; f < FLOATS; f++) {
      const values = new Float64Array(length);
      const nulls = new Uint8Array(length);
      const delta = shift && `f${f + 1}` === SHIFTED ? 0.5 : 0;
      for (let i = 0; i < length; i++) {
        if (rng.next() < 0.01) {
          values[i] = Number.NaN;
          nulls[i] = 1;
        } else values[i] = f % 3 === 0 ? Math.exp(rng.normal() + delta) * 100 : (rng.normal() + delta) * (f + 1) * 10 + f * 5;
      }
      columns.push({ name: `f${f + 1}`, kind: 'number', type: 'float', values, nulls });
    }
    for (let k = 0; k < INTEGERS; k++) {
      const values = new Float64Array(length);
      const nulls = new Uint8Array(length);
      for (let i = 0; i < length; i++) {
        if (rng.next() < 0.01) {
          values[i] = Number.NaN;
          nulls[i] = 1;
        } else values[i] = k === 0 ? rng.nextInt(8) : Math.floor(rng.next() * 10 ** (k + 2));
      }
      columns.push({ name: `i${k + 1}`, kind: 'number', type: 'integer', values, nulls });
    }
    CATEGORY_SIZES.forEach((size, c) => {
      const codes = new Int32Array(length);
      const nulls = new Uint8Array(length);
      for (let i = 0; i < length; i++) {
        if (rng.next() < 0.01) {
          codes[i] = -1;
          nulls[i] = 1;
        } else codes[i] = Math.min(size - 1, Math.floor(size * rng.next() ** 1.5));
      }
      columns.push({ name: `c${c + 1}`, kind: 'string', type: 'category', codes, nulls, dictionary: dictionaries[c] });
    });
    batches.push({ rowOffset: offset, length, columns });
  }
  return batches;
}

/** Streams `rows` rows by cycling through a pool of batches (so 5M rows need 1M rows of memory). */
function source(pool: RecordBatch[], rows: number): TableSource {
  return {
    schema,
    async *[Symbol.asyncIterator]() {
      let offset = 0;
      for (let k = 0; offset < rows; k++) {
        const batch = pool[k % pool.length];
        const length = Math.min(batch.length, rows - offset);
        yield { ...batch, rowOffset: offset, length };
        offset += length;
      }
    },
  };
}

async function baseline(pool: RecordBatch[], rows: number): Promise<Profile> {
  const pass = async (bins?: ReturnType<typeof freezeBins>) => {
    const builder = new ProfileBuilder({ schema, bins });
    for await (const batch of source(pool, rows)) builder.add(batch);
    return builder.finish();
  };
  return pass(freezeBins(await pass()));
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[values.length >> 1];
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

async function rawPart(rows: number): Promise<void> {
  const reference = makeBatches(rows, 1, false);
  const current = makeBatches(rows, 2, true);
  const loads: number[] = [];
  const computes: number[] = [];
  const cpu: number[] = [];
  let level = '';
  for (let run = 0; run < 5; run++) {
    const timings: DriftTimings = {};
    const report = await computeDrift({ kind: 'data', source: source(reference, rows) }, source(current, rows), { timings });
    loads.push(timings.loadMs ?? 0);
    computes.push(timings.computeMs ?? 0);
    cpu.push(timings.computeCpuMs ?? 0);
    level = `${report.level}; drifted: ${report.columns.filter((c) => c.drifted).map((c) => `${c.name} (${c.level})`).join(', ')}`;
  }
  console.log(
    `raw vs raw, ${rows.toLocaleString('en-US')} rows each, 20 columns: load ${median(loads).toFixed(0)} ms, compute after load ${median(computes).toFixed(0)} ms wall / ${median(cpu).toFixed(0)} ms CPU ` +
      `(median of 5; wall ${computes.map((c) => c.toFixed(0)).join(', ')} ms; CPU ${cpu.map((c) => c.toFixed(0)).join(', ')} ms)`,
  );
  console.log(`  verdict: ${level}; peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
}

async function profilePart(currentRows: number, referenceRows: number): Promise<void> {
  const referencePool = makeBatches(Math.min(referenceRows, 1_000_000), 1, false);
  const profile = await baseline(referencePool, referenceRows);
  const currentPool = makeBatches(1_000_000, 2, true);
  const before = process.resourceUsage().maxRSS * 1024;
  const timings: DriftTimings = {};
  const started = performance.now();
  const report = await computeDrift({ kind: 'profile', profile }, source(currentPool, currentRows), { timings });
  const total = performance.now() - started;
  const after = process.resourceUsage().maxRSS * 1024;
  console.log(
    `baseline of ${referenceRows.toLocaleString('en-US')} rows vs ${currentRows.toLocaleString('en-US')} current rows: ${total.toFixed(0)} ms ` +
      `(stream ${(timings.loadMs ?? 0).toFixed(0)} ms, ${Math.round(currentRows / ((timings.loadMs ?? 1) / 1000)).toLocaleString('en-US')} rows/s; compute ${(timings.computeMs ?? 0).toFixed(0)} ms); ` +
      `peak RSS ${mb(after)} (${mb(after - before)} above the batch pool and baseline); level ${report.level}`,
  );
}

const [mode, currentArg, referenceArg] = process.argv.slice(2);
if (mode === 'raw') await rawPart(Number(currentArg ?? 1_000_000));
else if (mode === 'profile') await profilePart(Number(currentArg ?? 1_000_000), Number(referenceArg ?? 1_000_000));
else {
  // Each part in its own process so peak RSS is its own.
  const self = fileURLToPath(import.meta.url);
  const run = (...args: string[]) => process.stdout.write(execFileSync(process.execPath, [self, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 }));
  run('raw', '1000000');
  run('profile', '1000000', '1000000');
  run('profile', '5000000', '1000000');
  run('profile', '1000000', '5000000');
}
