// npx esbuild bench/data/read.bench.ts --bundle --platform=node --format=esm --packages=external --outfile=bench/out/read.mjs && node bench/out/read.mjs <file>
/**
 * Reads a table file with `openTable` (any format) and prints rows/s, wall
 * time and peak RSS. Every cell of every batch is then visited (a checksum)
 * to prove the columns are complete; that consumer time is reported apart
 * and excluded from the reader's throughput. Make the CSV with
 * `bench/data/generate.ts`.
 */
import { openTable, type Column } from '../../shared/data/index.js';

function sumNumbers(values: Float64Array | Uint8Array, nulls: Uint8Array, length: number): number {
  let sum = 0;
  for (let i = 0; i < length; i++) if (nulls[i] === 0) sum += values[i];
  return sum;
}

function sumCodes(codes: Int32Array, length: number): number {
  let sum = 0;
  for (let i = 0; i < length; i++) sum += codes[i];
  return sum;
}

function checksumOf(column: Column, length: number): number {
  return column.kind === 'string' ? sumCodes(column.codes, length) : sumNumbers(column.values, column.nulls, length);
}

async function main(): Promise<void> {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: read.mjs <file> [batchSize]');
    process.exit(2);
  }
  const batchSize = process.argv[3] ? Number(process.argv[3]) : undefined;
  const started = performance.now();
  const reader = await openTable(path, { batchSize });
  const opened = performance.now();
  let rows = 0;
  let checksum = 0;
  let consumer = 0;
  for await (const batch of reader) {
    rows += batch.length;
    const touched = performance.now();
    for (const column of batch.columns) checksum += checksumOf(column, batch.length);
    consumer += performance.now() - touched;
  }
  const total = (performance.now() - started) / 1000;
  const seconds = total - consumer / 1000;
  const invalid = Object.values(reader.invalidCounts).reduce((sum, count) => sum + count, 0);
  const types = reader.schema.fields.map((field) => field.type);
  const count = (type: string): number => types.filter((t) => t === type).length;
  console.log(`file        ${path} (${reader.format})`);
  console.log(`columns     ${types.length} (${count('float')} float, ${count('integer')} integer, ${count('category')} category, ${count('string')} string)`);
  console.log(`rows        ${rows}`);
  console.log(`open        ${((opened - started) / 1000).toFixed(3)} s (header + type inference)`);
  console.log(`wall        ${total.toFixed(3)} s (reader ${seconds.toFixed(3)} s + checksum pass ${(consumer / 1000).toFixed(3)} s)`);
  console.log(`throughput  ${(rows / seconds / 1e6).toFixed(2)} M rows/s (reader), ${(rows / total / 1e6).toFixed(2)} M rows/s with the checksum pass`);
  console.log(`peak RSS    ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  console.log(`invalid     ${invalid}`);
  console.log(`checksum    ${checksum.toPrecision(12)}`);
}

await main();
