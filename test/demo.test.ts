import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');

describe('npm run demo', () => {
  it('runs the whole lifecycle and every step turns out as expected', async () => {
    const { stdout } = await run(process.execPath, ['scripts/demo.mjs'], { cwd: root, env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
    expect(stdout).toContain('Every step turned out as expected.');
    expect(stdout).toMatch(/the broken copy fails with \d+ errors/);
    expect(stdout).toContain('again with the same inputs: cache hit');
    expect(stdout).toMatch(/promote: roc_auc 0\.\d+ → 0\.\d+, Δ \+0\.\d+ \(95% CI \+0\.\d+ to \+0\.\d+/);
    expect(stdout).toContain('unchanged data: level none');
    expect(stdout).toMatch(/shifted data: level alert; moved at alert level: .*monthly_spend/);
    expect(stdout).toContain('production ← v1.0.0');
    const folder = /Reports \(JSON and Markdown\): (\S+)/.exec(stdout)?.[1] ?? '';
    for (const file of ['validate-broken.json', 'validate-broken.md', 'evaluation-v2.json', 'evaluation-v2.md', 'drift-shifted.json', 'registry.json']) {
      expect(existsSync(join(folder, file)), file).toBe(true);
    }
    const registry = JSON.parse(readFileSync(join(folder, 'registry.json'), 'utf8'));
    expect(registry.models[0].stages).toEqual({ staging: 'v1.1.0', production: 'v1.0.0' });
  }, 180_000);
});
