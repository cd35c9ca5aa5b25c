#!/usr/bin/env node
// Bundles every action (actions/<name>/src/index.ts -> actions/<name>/dist/index.js)
// and the command line (cli/main.ts -> cli/dist/tollgate.js and its chunks).
//   node scripts/build.mjs          write the bundles
//   node scripts/build.mjs --check  exit 1 when a committed bundle differs from its source
import { readdir, readFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// ESM bundles still contain CommonJS dependencies that call require().
const banner = "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";

async function targets() {
  const list = [];
  for (const entry of await readdir(join(root, 'actions'), { withFileTypes: true })) {
    const source = join(root, 'actions', entry.name, 'src', 'index.ts');
    if (entry.isDirectory() && existsSync(source)) {
      list.push({ source, output: join(root, 'actions', entry.name, 'dist', 'index.js') });
    }
  }
  return list;
}

async function bundle(target) {
  const result = await build({
    entryPoints: [target.source],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Actions run from a checkout without node_modules: everything goes in.
    minify: true,
    legalComments: 'none',
    banner: { js: banner },
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].contents;
}

/**
 * The command line: one entry per command file loaded on demand (code
 * splitting), plus the profile worker; dependencies stay external.
 */
async function bundleCli() {
  const outdir = join(root, 'cli', 'dist');
  const result = await build({
    entryPoints: { tollgate: join(root, 'cli', 'main.ts'), 'profile-worker': join(root, 'cli', 'profile-worker.ts') },
    outdir,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles.map((file) => ({ output: file.path, contents: file.contents }));
}

async function listFiles(folder) {
  if (!existsSync(folder)) return [];
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

const check = process.argv.includes('--check');
const stale = [];
const cliFiles = await bundleCli();
const cliDist = join(root, 'cli', 'dist');
const expected = new Set(cliFiles.map((file) => file.output));
for (const file of await listFiles(cliDist)) {
  if (expected.has(file)) continue;
  // A chunk no longer produced: stale in a check, removed by a build.
  if (check) stale.push(relative(root, file));
  else await rm(file);
}
for (const file of cliFiles) {
  const name = relative(root, file.output);
  if (check) {
    const committed = existsSync(file.output) ? await readFile(file.output) : undefined;
    if (!committed || Buffer.compare(committed, Buffer.from(file.contents)) !== 0) stale.push(name);
  } else {
    await mkdir(dirname(file.output), { recursive: true });
    await writeFile(file.output, file.contents);
  }
}
if (!check) console.log(`built cli/dist (${cliFiles.length} files, ${(cliFiles.reduce((sum, file) => sum + file.contents.length, 0) / 1024).toFixed(0)} KiB)`);
for (const target of await targets()) {
  const contents = await bundle(target);
  const name = relative(root, target.output);
  if (check) {
    const committed = existsSync(target.output) ? await readFile(target.output) : undefined;
    if (!committed || Buffer.compare(committed, Buffer.from(contents)) !== 0) stale.push(name);
  } else {
    await mkdir(dirname(target.output), { recursive: true });
    await writeFile(target.output, contents);
    console.log(`built ${name} (${(contents.length / 1024).toFixed(0)} KiB)`);
  }
}
if (check && stale.length > 0) {
  console.error(`Stale bundles (run \`npm run build\` and commit):\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
