// The default .github/tollgate.yml may be absent; a file the user named must exist.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../shared/errors/index.js';
import { loadModelsConfig } from '../../shared/registry/index.js';

const scratch = mkdtempSync(join(tmpdir(), 'tollgate-models-config-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('loadModelsConfig', () => {
  it('returns undefined for a missing optional file', async () => {
    expect(await loadModelsConfig(join(scratch, 'absent.yml'))).toBeUndefined();
    expect(await loadModelsConfig(join(scratch, 'absent.yml'), { required: false })).toBeUndefined();
  });

  it('throws an InputError naming a missing required file (exit code 2)', async () => {
    const file = join(scratch, 'tolgate.yml');
    const error = await loadModelsConfig(file, { required: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ exitCode: 2, code: 'E_INPUT', location: { file } });
    expect((error as InputError).message).toBe(
      `${file}: file not found: the configuration file given explicitly must exist (check its path for a typo; only the default .github/tollgate.yml may be absent)`,
    );
  });

  it('reads the models of a required file that exists', async () => {
    const file = join(scratch, 'tollgate.yml');
    writeFileSync(file, 'models:\n  churn:\n    stages: [staging, production]\n');
    expect(await loadModelsConfig(file, { required: true })).toMatchObject({ churn: { stages: ['staging', 'production'] } });
  });
});
