// Run: npx esbuild bench/stats/profile.bench.ts --bundle --platform=node --format=esm --outfile=bench/out/profile.mjs && node bench/out/profile.mjs [rows]
//
// Full profile of 1M rows x 20 columns (12 float, 4 integer, 4 categorical),
// in 65,536-row batches as the readers produce them. Batches are generated
// up front; only the profile is timed (CPU after parsing). Also times the
// second pass that fills exact counts on frozen bins, and the JSON size.
import type { Column, RecordBatch } from '../../shared/data/types.js';
import { ProfileBuilder, freezeBins, profileToJSON } from '../../shared/profile/index.js';
import { createRng } from '../../shared/stats/random.js';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const BATCH = 65_536;
const rng = createRng(7);

const categoryNames = [5, 20, 50, 300].map((size, c) => Array.from({ length: size }, (_, i) => `cat${c}-value-${i}`));
const dictionaries = categoryNames.map(() => [] as string[]);
const dictionaryCodes = categoryNames.map(() => new Map<string, number>());

function makeBatch(offset: number, length: number): RecordBatch {
  const columns: Column[] = [];
  for (let c = 0; c < 12; c++) {
    const values = new Float64Array(length);
    const nulls = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      if (rng.next() < 0.01) {
        values[i] = Number.NaN;
        nulls[i] = 1;
      } else {
        values[i] = c % 3 === 0 ? Math.exp(rng.normal()) * 100 : rng.normal() * (c + 1) + c * 10;
      }
    }
    columns.push({ name: `f${c}`, kind: 'number', type: 'float', values, nulls });
  }
  const ranges = [10, 73, 1000, 1_000_000];
  for (let c = 0; c < 4; c++) {
    const values = new Float64Array(length);
    for (let i = 0; i < length; i++) values[i] = rng.nextInt(ranges[c]);
    columns.push({ name: `i${c}`, kind: 'number', type: 'integer', values, nulls: new Uint8Array(length) });
  }
  for (let c = 0; c < 4; c++) {
    const codes = new Int32Array(length);
    const names = categoryNames[c];
    for (let i = 0; i < length; i++) {
      // Skewed choice so top lists are meaningful.
      const text = names[Math.min(names.length - 1, Math.floor(-Math.log(1 - rng.next()) * names.length * 0.2))];
      let code = dictionaryCodes[c].get(text);
      if (code === undefined) {
        code = dictionaries[c].length;
        dictionaries[c].push(text);
        dictionaryCodes[c].set(text, code);
      }
      codes[i] = code;
    }
    columns.push({ name: `s${c}`, kind: 'string', type: 'category', codes, dictionary: dictionaries[c], nulls: new Uint8Array(length) });
  }
  return { rowOffset: offset, length, columns };
}

const batches: RecordBatch[] = [];
for (let offset = 0; offset < ROWS; offset += BATCH) batches.push(makeBatch(offset, Math.min(BATCH, ROWS - offset)));

function run(label: string, options: ConstructorParameters<typeof ProfileBuilder>[0]): ReturnType<ProfileBuilder['finish']> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const builder = new ProfileBuilder(options);
  for (const batch of batches) builder.add(batch);
  const profile = builder.finish();
  const wall = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  console.log(
    `${label.padEnd(22)} wall ${wall.toFixed(3)} s  cpu ${cpuSeconds.toFixed(3)} s  ` +
      `${(ROWS / wall / 1e6).toFixed(2)}M rows/s  ${((ROWS * 20) / wall / 1e6).toFixed(1)}M cells/s`,
  );
  return profile;
}

console.log(`${ROWS.toLocaleString('en-US')} rows x 20 columns (12 float, 4 integer, 4 categorical), batches of ${BATCH}`);
run('warm-up', {});
const profile = run('profile', {});
const bins = freezeBins(profile);
run('profile + frozen bins', { bins });
const json = profileToJSON(profile);
console.log(`profile JSON ${(json.length / 1024).toFixed(0)} KiB; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
