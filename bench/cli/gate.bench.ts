// npx esbuild bench/cli/gate.bench.ts --bundle --platform=node --format=esm --packages=external --outfile=bench/out/gate.mjs && node bench/out/gate.mjs [rows=1000000] [more rows...]
/**
 * The data gate's benchmark (issue #2): writes the 20-column CSV (12 float,
 * 4 integer, 4 categorical, 1% nulls) with bench/data/generate.ts's generator,
 * then runs `tollgate profile` (1 and 2 worker threads) and `tollgate
 * validate` as separate processes through the committed CLI bundle and
 * prints wall time, rows/s and peak RSS of each. When `@duckdb/node-api` is
 * installed, DuckDB's per-column profile query runs on the same file in the
 * same run for comparison. Run `npm run build` first.
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

async function duckdb(file: string, rows: number): Promise<Measured | undefined> {
  let api: { DuckDBInstance: { create(path: string, options?: Record<string, string>): Promise<{ connect(): Promise<{ run(sql: string): Promise<unknown> }> }> } };
  try {
    api = await import('@duckdb/node-api' as string);
  } catch {
    return undefined;
  }
  const instance = await api.DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  const numeric = Array.from({ length: 16 }, (_, index) => (index < 12 ? `f${index + 1}` : `i${index - 11}`));
  const parts = numeric.map((name) => `count(${name}), min(${name}), max(${name}), avg(${name}), stddev_samp(${name}), approx_count_distinct(${name})`);
  const started = performance.now();
  await connection.run(`select count(*), ${parts.join(', ')} from read_csv_auto('${file}')`);
  return { what: 'duckdb profile query (2 threads)', rows, wall: (performance.now() - started) / 1000, rssMb: Number.NaN };
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number);
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
  const results: Measured[] = [];
  for (const rows of sizes) {
    const file = join(folder, `bench-${rows}.csv`);
    if (!existsSync(file)) {
      await run(process.execPath, [join(root, 'bench/out/generate.mjs'), file, String(rows)]).catch(async () => {
        throw new Error('build the generator first: npx esbuild bench/data/generate.ts --bundle --platform=node --format=esm --packages=external --outfile=bench/out/generate.mjs');
      });
    }
    results.push(await measure('tollgate profile (1 thread)', rows, ['profile', file, '--json']));
    results.push(await measure('tollgate profile --threads 2', rows, ['profile', file, '--json', '--threads', '2']));
    results.push(await measure('tollgate validate', rows, ['validate', file, '--contract', contract, '--json']));
    const duck = await duckdb(file, rows);
    if (duck) results.push(duck);
  }
  console.log('what                              rows        wall s   rows/s      peak RSS MB');
  for (const result of results) {
    const rate = Math.round(result.rows / result.wall).toLocaleString('en-US');
    console.log(`${result.what.padEnd(34)}${result.rows.toLocaleString('en-US').padEnd(12)}${result.wall.toFixed(2).padEnd(9)}${rate.padEnd(12)}${Number.isNaN(result.rssMb) ? '—' : result.rssMb.toFixed(0)}`);
  }
}

await main();
