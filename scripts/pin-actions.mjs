#!/usr/bin/env node
// Pins the reusable workflows' references to this repository's actions to a
// release: `node scripts/pin-actions.mjs v1.2.0` rewrites
// `tollgate-mlops/tollgate/actions/<name>@main` to `@v1.2.0` in
// .github/workflows/tollgate-*.yml. Run it on the release commit, so a caller
// of `tollgate-pipeline.yml@v1.2.0` runs exactly the v1.2.0 actions.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ref = process.argv[2];
if (!ref || !/^[A-Za-z0-9._/-]+$/.test(ref)) {
  console.error('usage: node scripts/pin-actions.mjs <ref>   (a tag such as v1.2.0)');
  process.exit(2);
}
const folder = join(dirname(fileURLToPath(import.meta.url)), '..', '.github', 'workflows');
for (const name of (await readdir(folder)).filter((file) => /^tollgate-.*\.ya?ml$/.test(file))) {
  const path = join(folder, name);
  const text = await readFile(path, 'utf8');
  const pinned = text.replace(/(tollgate-mlops\/tollgate\/(?:actions\/[\w-]+|\.github\/workflows\/[\w.-]+))@[\w./-]+/g, `$1@${ref}`);
  if (pinned !== text) {
    await writeFile(path, pinned);
    console.log(`pinned ${name} to ${ref}`);
  }
}
