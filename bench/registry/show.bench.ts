// Run: npx esbuild bench/registry/show.bench.ts --bundle --platform=node --format=esm --packages=external --outfile=bench/out/registry-show.mjs && node bench/out/registry-show.mjs
//
// `tollgate registry show` with the git backend on a repository holding 10,000
// registry tags across 50 models (target: at most 0.3 s; GTO needs 6-12 s at
// 1,500 tags, gto#156). The repository is built with one `git fast-import`
// stream: 2,500 commits and 10,000 annotated tags, no process per tag.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../cli/main.js';
import { GitBackend, registryState } from '../../shared/registry/index.js';

const MODELS = 50;
const VERSIONS = 50; // per model; each version: register, staging, canary, production = 4 tags
const RUNS = 7;

function fastImportStream(): string {
  const parts: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  let mark = 0;
  let time = 1_600_000_000;
  for (let model = 0; model < MODELS; model += 1) {
    let counter = 0;
    for (let version = 1; version <= VERSIONS; version += 1) {
      mark += 1;
      time += 1;
      parts.push(`commit refs/heads/main\nmark :${mark}\ncommitter Bench <bench@example.com> ${time} +0000\n${data(`train model-${model} v${version}`)}${mark > 1 ? `from :${mark - 1}\n` : ''}`);
      const name = `model-${model}`;
      const semver = `v1.${version}.0`;
      const tag = (tagName: string, subject: string) => {
        time += 1;
        parts.push(`tag ${tagName}\nfrom :${mark}\ntagger Bench <bench@example.com> ${time} +0000\n${data(`${subject}\n\nTollgate-Run: https://github.com/acme/bench/actions/runs/${time}\n`)}`);
      };
      tag(`${name}@${semver}`, `Registering artifact ${name} version ${semver}`);
      for (const stage of ['staging', 'canary', 'production']) {
        counter += 1;
        tag(`${name}#${stage}#${counter}`, `Assigning stage ${stage} to artifact ${name} version ${semver}`);
      }
    }
  }
  return parts.join('');
}

function makeRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-bench-registry-'));
  execFileSync('git', ['init', '--quiet', '--initial-branch=main', dir]);
  const started = performance.now();
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: fastImportStream(), maxBuffer: 1 << 28 });
  console.log(`built ${MODELS * VERSIONS} commits and ${MODELS * VERSIONS * 4} tags with one git fast-import in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return dir;
}

const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });

async function timeShow(dir: string): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const code = await main(['registry', 'show', '--repo', dir, '--json'], { stdout: sink(), stderr: sink(), cwd: dir, env: process.env, interactive: false });
    times.push((performance.now() - started) / 1000);
    if (code !== 0) throw new Error(`registry show exited with ${code}`);
  }
  return times;
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)].toFixed(3)} s, min ${sorted[0].toFixed(3)} s, max ${sorted.at(-1)!.toFixed(3)} s over ${times.length} runs`;
}

const dir = makeRepository();
try {
  const backend = new GitBackend({ cwd: dir });
  const tags = await backend.listTags();
  const state = registryState(tags);
  if (tags.length !== MODELS * VERSIONS * 4 || state.models.length !== MODELS) throw new Error(`unexpected state: ${tags.length} tags, ${state.models.length} models`);
  if (state.models[0].stages.production !== `v1.${VERSIONS}.0`) throw new Error('unexpected production holder');

  console.log(`registry show --json, loose refs (fresh fast-import): ${summary(await timeShow(dir))}`);
  execFileSync('git', ['pack-refs', '--all'], { cwd: dir });
  console.log(`registry show --json, packed refs (as after a clone):  ${summary(await timeShow(dir))}`);

  const read: number[] = [];
  const derive: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    let started = performance.now();
    const records = await backend.listTags();
    read.push((performance.now() - started) / 1000);
    started = performance.now();
    registryState(records);
    derive.push((performance.now() - started) / 1000);
  }
  console.log(`  of which git for-each-ref + parsing: ${summary(read)}`);
  console.log(`  of which registryState (10,000 tags): ${summary(derive)}`);

  const cli = join(process.cwd(), 'cli', 'bin', 'tollgate.js');
  const processTimes: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [cli, 'registry', 'show', '--repo', dir, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    processTimes.push((performance.now() - started) / 1000);
    if (result.status !== 0) {
      console.log(`(whole process not timed: ${cli} exited ${result.status}; run \`npm run build\` first)`);
      processTimes.length = 0;
      break;
    }
  }
  if (processTimes.length > 0) console.log(`whole process (node cli/bin/tollgate.js registry show --json): ${summary(processTimes)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
