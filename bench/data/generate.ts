// npx esbuild bench/data/generate.ts --bundle --platform=node --format=esm --packages=external --outfile=bench/out/generate.mjs && node bench/out/generate.mjs <file.csv> [rows]
/**
 * Writes the reader benchmark's CSV: 20 columns (12 float, 4 integer, 4
 * categorical), 1% empty (null) cells, seeded so every run writes the same
 * bytes. Default 1,000,000 rows (about 158 MB); rows are written in chunks.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

const FLOATS = 12;
const INTEGERS = 4;
const CATEGORIES = [
  ['north', 'south', 'east', 'west'],
  ['basic', 'standard', 'premium', 'enterprise', 'trial'],
  ['web', 'ios', 'android'],
  ['a1', 'b2', 'c3', 'd4', 'e5', 'f6', 'g7', 'h8', 'i9', 'j10', 'k11', 'l12'],
];
const NULL_SHARE = 0.01;
const ROWS_PER_CHUNK = 10_000;

/** mulberry32: small, fast, seeded. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main(): Promise<void> {
  const path = process.argv[2];
  const rows = Number(process.argv[3] ?? 1_000_000);
  if (!path || !Number.isInteger(rows) || rows < 1) {
    console.error('usage: generate.mjs <file.csv> [rows]');
    process.exit(2);
  }
  const next = random(20240501);
  const normal = (): number => {
    const u = 1 - next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  const header = [
    ...Array.from({ length: FLOATS }, (_, i) => `f${i + 1}`),
    ...Array.from({ length: INTEGERS }, (_, i) => `i${i + 1}`),
    ...CATEGORIES.map((_, i) => `c${i + 1}`),
  ];
  const out = createWriteStream(path);
  out.write(`${header.join(',')}\n`);
  const cell = (text: string): string => (next() < NULL_SHARE ? '' : text);
  for (let start = 0; start < rows; start += ROWS_PER_CHUNK) {
    const lines: string[] = [];
    for (let r = start; r < Math.min(rows, start + ROWS_PER_CHUNK); r++) {
      const cells: string[] = [];
      for (let f = 0; f < FLOATS; f++) cells.push(cell((normal() * (f + 1) * 10 + f * 5).toFixed(5)));
      for (let i = 0; i < INTEGERS; i++) cells.push(cell(String(Math.floor(next() * 10 ** (i + 3)))));
      for (const values of CATEGORIES) cells.push(cell(values[Math.floor(next() * values.length)]));
      lines.push(cells.join(','));
    }
    if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

await main();
