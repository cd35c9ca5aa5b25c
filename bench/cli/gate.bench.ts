// npx esbuild bench/cli/gate.bench.ts --bundle --platform=node --format=esm --packages=external --outfile=bench/out/gate.mjs && node bench/out/gate.mjs [--repeat 5] [rows=1000000] [more rows...]
/**
 * The data gate's benchmark (issue #2): writes the 20-column CSV (12 float,
 * 4 integer, 4 categorical, 1% nulls) with bench/data/generate.ts's generator,
 * then runs `tollgate profile` (one thread, and `--threads 2`) and
 * `tollgate validate` as separate processes through the committed CLI
 * bundle and prints the median and best wall time, rows/s and peak RSS of
 * each over `--repeat` rounds (the commands take turns, so a noisy
 * neighbour hits all of them alike). When `@duckdb/node-api` is installed,
 * DuckDB's per-column profile queries run on the same file in the same
 * rounds, on one thread and on two: the plain aggregates, and a
 * like-for-like query that also computes the quartiles and the text
 * columns a tollgate profile covers. DuckDB runs in this process, so its
 * times leave out a process start that the tollgate times include.
 * Run `npm run build` first.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = process.cwd();
const folder = join(tmpdir(), 'tollgate-bench');

interface Measured {
  what: string;
  rows: number;
  wall: number;
  rssMb: number;
}

/** Runs a command under a tiny wrapper that reports the child's own peak RSS. */
async function measure(what: string, rows: number, args: string[]): Promise<Measured> {
  const wrapper = join(folder, 'measure.mjs');
  const started = performance.now();
  const { stderr, code } = await run(process.execPath, [wrapper, ...args], { cwd: root, maxBuffer: 1 << 28 }).then(
    (done) => ({ ...done, code: 0 }),
    (error) => error,
  );
  const wall = (performance.now() - started) / 1000;
  // validate exits 1 when a rule fails, which is still a complete run.
  if (code !== 0 && code !== 1) throw new Error(`${what} failed (exit ${code}):\n${stderr}`);
  const rss = /MAXRSS (\d+)/.exec(stderr)?.[1];
  return { what, rows, wall, rssMb: rss ? Number(rss) / 1024 : Number.NaN };
}

/**
 * DuckDB's per-column profile queries, on `threads` threads:
 * - `aggregates`: count, min, max, mean, std and approximate distinct of the 16 numeric columns;
 * - `like-for-like`: the same plus what a tollgate profile also computes, quartiles of
 *   the numeric columns (approx_quantile) and count, distinct, min and max of the 4 text columns.
 */
async function duckdb(file: string, rows: number, threads: number, query: 'aggregates' | 'like-for-like'): Promise<Measured | undefined> {
  let api: { DuckDBInstance: { create(path: string, options?: Record<string, string>): Promise<{ connect(): Promise<{ run(sql: string): Promise<unknown> }> }> } };
  try {
    api = await import('@duckdb/node-api' as string);
  } catch {
    return undefined;
  }
  const instance = await api.DuckDBInstance.create(':memory:', { threads: String(threads) });
  const connection = await instance.connect();
  const numeric = Array.from({ length: 16 }, (_, index) => (index < 12 ? `f${index + 1}` : `i${index - 11}`));
  const parts = numeric.map((name) => `count(${name}), min(${name}), max(${name}), avg(${name}), stddev_samp(${name}), approx_count_distinct(${name})`);
  if (query === 'like-for-like') {
    parts.push(...numeric.map((name) => `approx_quantile(${name}, [0.25, 0.5, 0.75])`));
    parts.push(...['c1', 'c2', 'c3', 'c4'].map((name) => `count(${name}), approx_count_distinct(${name}), min(${name}), max(${name})`));
  }
  const started = performance.now();
  await connection.run(`select count(*), ${parts.join(', ')} from read_csv_auto('${file}')`);
  const what = `duckdb ${query} (${threads} thread${threads === 1 ? '' : 's'})`;
  return { what, rows, wall: (performance.now() - started) / 1000, rssMb: Number.NaN };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median and best wall time, median and largest peak RSS, of each measurement's rounds. */
function summarize(rounds: Measured[]): { what: string; rows: number; median: number; best: number; rssMb: number; rssMaxMb: number } {
  const walls = rounds.map((round) => round.wall);
  const rss = rounds.map((round) => round.rssMb);
  return { what: rounds[0].what, rows: rounds[0].rows, median: median(walls), best: Math.min(...walls), rssMb: median(rss), rssMaxMb: Math.max(...rss) };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const repeatAt = args.indexOf('--repeat');
  const repeat = repeatAt >= 0 ? Number(args.splice(repeatAt, 2)[1]) : 5;
  if (!Number.isInteger(repeat) || repeat < 1) throw new Error('--repeat expects a positive whole number');
  const sizes = args.map(Number);
  if (sizes.length === 0) sizes.push(1_000_000);
  await mkdir(folder, { recursive: true });
  await writeFile(
    join(folder, 'measure.mjs'),
    "import { runProcess } from '" + join(root, 'cli/dist/tollgate.js') + "';\nprocess.on('exit', () => process.stderr.write(`MAXRSS ${process.resourceUsage().maxRSS}\\n`));\nawait runProcess();\n",
  );
  const contract = join(folder, 'contract.yml');
  await writeFile(
    contract,
    [
      'version: 1',
      'dataset: {rows: {min: 1}}',
      'columns:',
      ...Array.from({ length: 12 }, (_, index) => `  f${index + 1}: {type: float, max_null_fraction: 0.05, min: -1000, max: 1000}`),
      ...Array.from({ length: 4 }, (_, index) => `  i${index + 1}: {type: integer, min: 0}`),
      '  c1: {type: category, allowed: [north, south, east, west]}',
    ].join('\n') + '\n',
  );
  const results: ReturnType<typeof summarize>[] = [];
  for (const rows of sizes) {
    const file = join(folder, `bench-${rows}.csv`);
    if (!existsSync(file)) {
      await run(process.execPath, [join(root, 'bench/out/generate.mjs'), file, String(rows)]).catch(async () => {
        throw new Error('build the generator first: npx esbuild bench/data/generate.ts --bundle --platform=node --format=esm --packages=external --outfile=bench/out/generate.mjs');
      });
    }
    const rounds = new Map<string, Measured[]>();
    const keep = (measured: Measured | undefined): void => {
      if (measured) rounds.set(measured.what, [...(rounds.get(measured.what) ?? []), measured]);
    };
    for (let round = 0; round < repeat; round++) {
      keep(await measure('tollgate profile (1 thread)', rows, ['profile', file, '--json']));
      keep(await measure('tollgate profile --threads 2', rows, ['profile', file, '--json', '--threads', '2']));
      keep(await measure('tollgate validate', rows, ['validate', file, '--contract', contract, '--json']));
      for (const query of ['aggregates', 'like-for-like'] as const) {
        keep(await duckdb(file, rows, 1, query));
        keep(await duckdb(file, rows, 2, query));
      }
    }
    for (const measured of rounds.values()) results.push(summarize(measured));
  }
  console.log(`median and best of ${repeat} rounds`);
  console.log('what                                rows        median s  best s  rows/s (median)  peak RSS MB (median, largest)');
  for (const result of results) {
    const rate = Math.round(result.rows / result.median).toLocaleString('en-US');
    const rss = Number.isNaN(result.rssMb) ? '—' : `${result.rssMb.toFixed(0)}, ${result.rssMaxMb.toFixed(0)}`;
    console.log(`${result.what.padEnd(36)}${result.rows.toLocaleString('en-US').padEnd(12)}${result.median.toFixed(2).padEnd(10)}${result.best.toFixed(2).padEnd(8)}${rate.padEnd(17)}${rss}`);
  }
}

await main();
