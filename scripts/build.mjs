#!/usr/bin/env node
// Bundles every action (actions/<name>/src/index.ts -> actions/<name>/dist/index.js)
// and the command line (cli/main.ts -> cli/dist/tollgate.js).
//   node scripts/build.mjs          write the bundles
//   node scripts/build.mjs --check  exit 1 when a committed bundle differs from its source
import { readdir, readFile, mkdir, writeFile } from 'node:fs/promises';
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
      list.push({ source, output: join(root, 'actions', entry.name, 'dist', 'index.js'), external: false });
    }
  }
  list.push({ source: join(root, 'cli', 'main.ts'), output: join(root, 'cli', 'dist', 'tollgate.js'), external: true });
  list.push({ source: join(root, 'cli', 'profile-worker.ts'), output: join(root, 'cli', 'dist', 'profile-worker.js'), external: true });
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
    // The CLI runs from an installed package: dependencies stay external.
    packages: target.external ? 'external' : undefined,
    minify: true,
    legalComments: 'none',
    banner: target.external ? undefined : { js: banner },
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].contents;
}

const check = process.argv.includes('--check');
const stale = [];
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
