// npx esbuild bench/data/parse-floor.bench.ts --bundle --platform=node --format=esm --outfile=bench/out/parse-floor.mjs && node bench/out/parse-floor.mjs FILE.csv [--repeat 5]
/**
 * The floor under any JavaScript profile of a CSV file: one thread, then two,
 * that only split the fields and parse the numbers, storing nothing and
 * computing no statistics (no quotes, no text columns, no error checks). A
 * full profile can be no faster than this, so it tells how much of
 * `tollgate profile`'s time is parsing at all and how much two threads can
 * possibly gain on this machine. Times are from the start of the process, as
 * the gate bench's are. Each run is a fresh process, the thread counts
 * taking turns.
 */
import { execFile } from 'node:child_process';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const LF = 0x0a;
const POW10 = Float64Array.from({ length: 23 }, (_, exponent) => 10 ** exponent);
const CHUNK = 1 << 20;

/** Parses the fields of `path[start, end)` as decimals (a non-number is skipped whole); returns the field count and a checksum. */
function parseRange(path: string, start: number, end: number): { fields: number; sum: number } {
  const fd = openSync(path, 'r');
  const buf = new Uint8Array(CHUNK + 1);
  const special = new Uint8Array(256);
  for (const byte of [0x2c, LF, 0x0d, 0x22]) special[byte] = 1;
  let position = start;
  let fields = 0;
  let sum = 0;
  let read: number;
  try {
    while (position < end && (read = readSync(fd, buf, 0, Math.min(CHUNK, end - position), position)) > 0) {
      // Fields cut at a chunk's edge are parsed as two; the floor does not care.
      buf[read] = LF;
      position += read;
      let p = 0;
      while (p < read) {
        let b = buf[p];
        const negative = b === 0x2d;
        if (negative) b = buf[++p];
        const digitsStart = p;
        let mantissa = 0;
        while (b >= 0x30 && b <= 0x39) {
          mantissa = mantissa * 10 + (b - 0x30);
          b = buf[++p];
        }
        if (b === 0x2e) {
          const fractionStart = ++p;
          b = buf[p];
          while (b >= 0x30 && b <= 0x39) {
            mantissa = mantissa * 10 + (b - 0x30);
            b = buf[++p];
          }
          mantissa /= POW10[Math.min(p - fractionStart, 22)];
        }
        if (p === digitsStart) while (special[buf[p]] === 0) p++;
        sum += negative ? -mantissa : mantissa;
        fields++;
        p++;
      }
    }
  } finally {
    closeSync(fd);
  }
  return { fields, sum };
}

/** One run: `threads` threads parse equal byte ranges of `path`; prints seconds since the process started. */
async function runOnce(path: string, threads: number): Promise<void> {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  closeSync(fd);
  const part = Math.ceil(size / threads);
  const others = Array.from(
    { length: threads - 1 },
    (_, index) =>
      new Promise<{ fields: number }>((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: [path, (index + 1) * part, Math.min(size, (index + 2) * part)] });
        worker.once('message', resolve).once('error', reject);
      }),
  );
  const mine = parseRange(path, 0, part);
  const fields = mine.fields + (await Promise.all(others)).reduce((total, other) => total + other.fields, 0);
  process.stdout.write(`${(performance.now() / 1000).toFixed(3)} ${fields}\n`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--run') return runOnce(args[1], Number(args[2]));
  const repeatAt = args.indexOf('--repeat');
  const repeat = repeatAt >= 0 ? Number(args.splice(repeatAt, 2)[1]) : 5;
  const [path] = args;
  if (path === undefined || !Number.isInteger(repeat) || repeat < 1) throw new Error('usage: parse-floor.mjs FILE.csv [--repeat N]');
  const run = promisify(execFile);
  const times = new Map<number, number[]>([
    [1, []],
    [2, []],
  ]);
  for (let round = 0; round < repeat; round++) {
    for (const [threads, walls] of times) {
      const { stdout } = await run(process.execPath, [fileURLToPath(import.meta.url), '--run', path, String(threads)]);
      walls.push(Number(stdout.split(' ')[0]));
    }
  }
  console.log(`parse floor of ${path}, ${repeat} rounds (seconds since process start)`);
  for (const [threads, walls] of times) {
    const sorted = [...walls].sort((a, b) => a - b);
    console.log(`${threads} thread${threads === 1 ? ' ' : 's'}  median ${sorted[sorted.length >> 1].toFixed(3)}  best ${sorted[0].toFixed(3)}`);
  }
}

if (isMainThread) await main();
else {
  const [path, start, end] = workerData as [string, number, number];
  parentPort?.postMessage(parseRange(path, start, end));
}
