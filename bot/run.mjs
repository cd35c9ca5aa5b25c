#!/usr/bin/env node
// `npm run bot`: bundles bot/index.ts with esbuild (dependencies stay
// external) into node_modules/.cache/tollgate/bot.js, where Node still
// resolves them from node_modules, and runs its main(). Nothing is written
// to the source tree.
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const outfile = join(here, '..', 'node_modules', '.cache', 'tollgate', 'bot.js');
await mkdir(dirname(outfile), { recursive: true });
await build({
  entryPoints: [join(here, 'index.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const { main } = await import(pathToFileURL(outfile).href);
await main(process.env);
