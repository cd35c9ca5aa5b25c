import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

// Users run the committed bundles and editors read the committed schemas:
// both must match their sources.
describe('committed build outputs', () => {
  it('every bundle matches its source (run `npm run build` when this fails)', async () => {
    const outcome = await run(process.execPath, ['scripts/build.mjs', '--check']).then(
      () => 'fresh',
      (error: { stderr: string }) => error.stderr,
    );
    expect(outcome).toBe('fresh');
  }, 120_000);

  it('every JSON Schema matches its zod schema (run `npm run schemas` when this fails)', async () => {
    const outcome = await run(process.execPath, ['scripts/generate-schemas.mjs', '--check']).then(
      () => 'fresh',
      (error: { stderr: string }) => error.stderr,
    );
    expect(outcome).toBe('fresh');
  }, 60_000);

  it('the README documents every input and output of every action.yml (run `node scripts/action-docs.mjs` when this fails)', async () => {
    const outcome = await run(process.execPath, ['scripts/action-docs.mjs', '--check']).then(
      () => 'fresh',
      (error: { stderr: string }) => error.stderr,
    );
    expect(outcome).toBe('fresh');
  });

  it('docs/configuration.md documents every key of the configuration schema (run `node scripts/config-docs.mjs` when this fails)', async () => {
    const outcome = await run(process.execPath, ['scripts/config-docs.mjs', '--check']).then(
      () => 'fresh',
      (error: { stderr: string }) => error.stderr,
    );
    expect(outcome).toBe('fresh');
  });
});
