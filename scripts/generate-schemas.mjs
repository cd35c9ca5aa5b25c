#!/usr/bin/env node
// Writes schemas/*.json from the zod schemas (npm run schemas).
//   node scripts/generate-schemas.mjs          write them
//   node scripts/generate-schemas.mjs --check  exit 1 when a committed schema is stale
import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Bundled inside node_modules so the bundle's bare imports (zod) resolve normally.
const scratch = join(root, 'node_modules', '.cache', `tollgate-schemas-${process.pid}`);
await mkdir(scratch, { recursive: true });
const bundle = join(scratch, 'schemas.mjs');
await build({
  entryPoints: [join(root, 'shared/config/json-schemas.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outfile: bundle,
  logLevel: 'silent',
});
const { jsonSchemas } = await import(pathToFileURL(bundle).href);
await rm(scratch, { recursive: true, force: true });

const check = process.argv.includes('--check');
const stale = [];
await mkdir(join(root, 'schemas'), { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  const path = join(root, 'schemas', name);
  const contents = `${JSON.stringify(schema, null, 2)}\n`;
  if (check) {
    if (!existsSync(path) || (await readFile(path, 'utf8')) !== contents) stale.push(`schemas/${name}`);
  } else {
    await writeFile(path, contents);
    console.log(`wrote schemas/${name}`);
  }
}
if (stale.length > 0) {
  console.error(`Stale JSON Schemas (run \`npm run schemas\` and commit):\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
