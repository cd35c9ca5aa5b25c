import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson, sha256File, sha256Text } from '../../shared/lineage/index.js';
import { InputError } from '../../shared/errors/index.js';
import { makeDirectory, removeDirectory } from './git-fixture.js';

const directory = makeDirectory();
afterAll(() => removeDirectory(directory));

describe('sha256File', () => {
  it('agrees with node:crypto and with sha256sum on a multi-chunk file', async () => {
    const file = join(directory, 'big.bin');
    // 3.5 MiB of a non-repeating pattern: several 1 MiB stream chunks.
    const bytes = Buffer.alloc(3.5 * 1024 * 1024);
    for (let index = 0; index < bytes.length; index += 1) bytes[index] = (index * 7919 + (index >> 13)) & 0xff;
    writeFileSync(file, bytes);
    const digest = await sha256File(file);
    expect(digest.size).toBe(bytes.length);
    expect(digest.sha256).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
    expect(digest.sha256).toBe(execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0]);
  });

  it('hashes an empty file to the well-known empty digest', async () => {
    const file = join(directory, 'empty');
    writeFileSync(file, '');
    expect(await sha256File(file)).toEqual({ sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', size: 0 });
  });

  it('names the file when it is missing', async () => {
    const error = await sha256File(join(directory, 'nope'), 'data/nope.csv').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe('data/nope.csv: file not found');
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null }, u: undefined })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('gives equal text for equal values built in different orders', () => {
    expect(canonicalJson({ x: 1, y: 'two' })).toBe(canonicalJson({ y: 'two', x: 1 }));
    expect(sha256Text(canonicalJson({ x: 1, y: 'two' }))).toBe(sha256Text('{"x":1,"y":"two"}'));
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => canonicalJson({ loss: Number.NaN })).toThrow(RangeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });
});
