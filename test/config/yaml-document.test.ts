import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadYamlFile, parseYaml } from '../../shared/config/yaml-document.js';
import { ConfigError, InputError } from '../../shared/errors/index.js';

const schema = z
  .object({
    name: z.string(),
    size: z.number().min(1),
    mode: z.enum(['fast', 'slow']).optional(),
    items: z.array(z.object({ weight: z.number() }).strict()).optional(),
  })
  .strict();

function failure(text: string): ConfigError {
  try {
    parseYaml(text, 'conf.yml', schema);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseYaml', () => {
  it('returns the validated value and locates its parts', () => {
    const document = parseYaml('name: a\nsize: 3\nitems:\n  - weight: 1\n  - weight: 2\n', 'conf.yml', schema);
    expect(document.value).toEqual({ name: 'a', size: 3, items: [{ weight: 1 }, { weight: 2 }] });
    expect(document.locate(['items', 1, 'weight'])).toEqual({ file: 'conf.yml', line: 5, column: 13 });
    expect(document.locate(['size'])).toEqual({ file: 'conf.yml', line: 2, column: 7 });
    // A path that does not exist points at its nearest parent.
    expect(document.locate(['items', 7])).toEqual({ file: 'conf.yml', line: 4, column: 3 });
  });

  it('names the line, column and expected type of a wrong value', () => {
    const error = failure('name: a\nsize: big\n');
    expect(error.message).toBe("conf.yml:2:7: size: expected number, got 'big'");
    expect(error.location).toEqual({ file: 'conf.yml', line: 2, column: 7 });
  });

  it('lists the allowed words for an enum', () => {
    expect(failure('name: a\nsize: 1\nmode: medium\n').message).toBe('conf.yml:3:7: mode: expected one of "fast", "slow", got \'medium\'');
  });

  it('points an unknown key at the key itself', () => {
    expect(failure('name: a\nsize: 1\nsise: 2\n').message).toBe("conf.yml:3:1: sise: unknown key 'sise', did you mean 'size'?");
  });

  it('says a required key is missing', () => {
    expect(failure('name: a\n').message).toBe('conf.yml:1:1: size: is required (expected number)');
  });

  it('reports every problem, each with its own position', () => {
    const message = failure('name: 3\nsize: 0\n').message;
    expect(message.split('\n')).toEqual(['conf.yml:1:7: name: expected string, got 3', '  2:7: size: Too small: expected number to be >=1, got 0']);
  });

  it('reports YAML syntax errors with their position', () => {
    const error = failure('name: a\nsize: [1, 2\n');
    expect(error.location?.file).toBe('conf.yml');
    expect(error.location?.line).toBeGreaterThanOrEqual(2);
    expect(error.message).toContain('invalid YAML');
  });

  it('rejects duplicate keys', () => {
    expect(failure('name: a\nname: b\nsize: 1\n').message).toMatch(/^conf\.yml:2:1: invalid YAML/);
  });
});

describe('loadYamlFile', () => {
  it('explains a missing file and a directory', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tollgate-yaml-'));
    await expect(loadYamlFile(join(folder, 'nope.yml'), schema)).rejects.toThrow(new InputError({ file: join(folder, 'nope.yml') }, 'file not found'));
    await mkdir(join(folder, 'dir.yml'));
    await expect(loadYamlFile(join(folder, 'dir.yml'), schema)).rejects.toThrow(/is a directory, expected a file/);
    await writeFile(join(folder, 'ok.yml'), 'name: x\nsize: 2\n');
    expect((await loadYamlFile(join(folder, 'ok.yml'), schema)).value.size).toBe(2);
  });
});
