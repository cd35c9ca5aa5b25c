// A small training project in a temporary git repository, whose train script
// records each run in a counter file and behaves as TRAIN_MODE says.
import { makeRepository } from '../lineage/git-fixture.js';

/**
 * TRAIN_MODE: `ok` (default) writes model.bin (binary, derived from the seed and
 * the lr param) and metrics.json; `fail` prints 60 lines on stderr and exits 3;
 * `nan` writes a NaN metric the way Python does; `no-model` writes only metrics.
 * COUNTER_FILE gets one line per run; ENV_DUMP gets the TOLLGATE_* environment.
 */
export const TRAIN_SCRIPT = `import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
const env = process.env;
if (env.COUNTER_FILE) appendFileSync(env.COUNTER_FILE, 'ran\\n');
if (env.ENV_DUMP) {
  const seen = Object.fromEntries(Object.entries(env).filter(([name]) => name.startsWith('TOLLGATE') || name === 'PYTHONHASHSEED'));
  writeFileSync(env.ENV_DUMP, JSON.stringify(seen));
}
const mode = env.TRAIN_MODE ?? 'ok';
console.log('training in mode ' + mode);
if (mode === 'fail') {
  for (let line = 1; line <= 60; line += 1) console.error('stderr line ' + line);
  process.exit(3);
}
const seed = Number(env.TOLLGATE_SEED);
const bytes = Buffer.alloc(4096);
let state = (seed * 2654435761 + Math.round(Number(env.TOLLGATE_PARAM_LR ?? 0) * 1000)) >>> 0;
for (let i = 0; i < bytes.length; i += 1) { state = (Math.imul(state, 1103515245) + 12345) >>> 0; bytes[i] = state >>> 24; }
if (mode !== 'no-model') { mkdirSync('out', { recursive: true }); writeFileSync('out/model.bin', bytes); }
writeFileSync('metrics.json', mode === 'nan' ? '{\\n  "auc": 0.5,\\n  "loss": NaN\\n}\\n' : JSON.stringify({ auc: 0.81, loss: 0.4, folds: [0.8, 0.82] }) + '\\n');
`;

export const BASE_FILES: Record<string, string> = {
  'train.mjs': TRAIN_SCRIPT,
  'src/helper.mjs': 'export const helper = 1;\n',
  'params.yaml': '# training params\nlr: 0.5\nepochs: 10\nseed: 7\n',
  'data/train.csv': 'id,x,y\n1,0.5,true\n2,1.5,false\n3,2.5,true\n',
  'data/extra.csv': 'id,z\n1,a\n',
  'package-lock.json': '{"lockfileVersion": 3}\n',
  'README.md': '# churn\n',
  '.gitignore': 'counter.txt\n',
};

/** A committed copy of the fixture project. */
export function makeProject(extra: Record<string, string> = {}): { root: string; commit: string } {
  return makeRepository({ ...BASE_FILES, ...extra });
}

/** The spec every test starts from: paths relative to the project root. */
export const BASE_SPEC = {
  command: ['node', 'train.mjs'],
  paramsFile: 'params.yaml',
  data: ['data/train.csv'],
  outputs: ['out/model.bin'],
  metricsFile: 'metrics.json',
};
