import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DirectoryTrainCache } from '../../shared/train/index.js';
import { makeDirectory, removeDirectory, writeFiles } from '../lineage/git-fixture.js';

const cleanup: string[] = [];
afterAll(() => cleanup.forEach(removeDirectory));

const KEY = 'ab'.repeat(32);

function setup() {
  const root = makeDirectory();
  const cacheRoot = makeDirectory();
  cleanup.push(root, cacheRoot);
  const cache = new DirectoryTrainCache(join(cacheRoot, 'cache'));
  writeFiles(root, {
    'model.bin': Buffer.from([0, 1, 2, 255, 254, 10, 13]),
    'artifacts/encoder.json': '{"levels": ["a"]}',
    'artifacts/sub/weights.bin': Buffer.alloc(70_000, 7),
    'artifacts/sub/copy.bin': Buffer.alloc(70_000, 7),
    'lineage.json': '{}',
  });
  chmodSync(join(root, 'model.bin'), 0o755);
  const files = { root, paths: ['artifacts', 'lineage.json', 'model.bin'] };
  return { root, cacheRoot, cache, files };
}

describe('DirectoryTrainCache', () => {
  it('restores files and directories byte for byte, modes included', async () => {
    const { root, cache, files } = setup();
    expect(await cache.restore(KEY, files)).toEqual({ hit: false });
    expect(await cache.save(KEY, files)).toEqual({ saved: true });
    const before = ['model.bin', 'artifacts/encoder.json', 'artifacts/sub/weights.bin'].map((path) => readFileSync(join(root, path)));
    writeFileSync(join(root, 'model.bin'), 'changed');
    writeFiles(root, { 'artifacts/stray.txt': 'not part of the entry' });
    expect(await cache.restore(KEY, files)).toEqual({ hit: true });
    const after = ['model.bin', 'artifacts/encoder.json', 'artifacts/sub/weights.bin'].map((path) => readFileSync(join(root, path)));
    after.forEach((bytes, index) => expect(bytes.equals(before[index])).toBe(true));
    // A directory output is replaced as a whole.
    expect(existsSync(join(root, 'artifacts/stray.txt'))).toBe(false);
    expect(statSync(join(root, 'model.bin')).mode & 0o777).toBe(0o755);
  });

  it('stores equal contents once and leaves no staging directory', async () => {
    const { cache, files, cacheRoot } = setup();
    await cache.save(KEY, files);
    expect(readdirSync(join(cacheRoot, 'cache')).sort()).toEqual(['.gitignore', KEY]);
    // model.bin, encoder.json, lineage.json and one blob for the two equal 70 kB files.
    expect(readdirSync(join(cacheRoot, 'cache', KEY, 'blobs'))).toHaveLength(4);
    expect(readFileSync(join(cacheRoot, 'cache', '.gitignore'), 'utf8')).toContain('*');
  });

  it('keeps the first entry when a key is stored twice (entries are immutable)', async () => {
    const { cache, files, root } = setup();
    await cache.save(KEY, files);
    writeFileSync(join(root, 'model.bin'), 'second run');
    const second = await cache.save(KEY, files);
    expect(second.saved).toBe(false);
    expect(second.note).toMatch(/already exists/);
    await cache.restore(KEY, files);
    expect(readFileSync(join(root, 'model.bin'))).toEqual(Buffer.from([0, 1, 2, 255, 254, 10, 13]));
  });

  it('treats a damaged entry as a miss and removes it', async () => {
    const { cache, files, cacheRoot } = setup();
    await cache.save(KEY, files);
    const blobs = join(cacheRoot, 'cache', KEY, 'blobs');
    const target = readdirSync(blobs).find((name) => statSync(join(blobs, name)).size === 70_000) as string;
    writeFileSync(join(blobs, target), Buffer.alloc(70_000, 8));
    const result = await cache.restore(KEY, files);
    expect(result.hit).toBe(false);
    expect(result.note).toMatch(/was discarded: its copy of artifacts\/sub\/(copy|weights)\.bin is damaged/);
    expect(existsSync(join(cacheRoot, 'cache', KEY))).toBe(false);
    expect(await cache.save(KEY, files)).toEqual({ saved: true });
  });

  it('misses when the entry was made for other paths', async () => {
    const { cache, files } = setup();
    await cache.save(KEY, files);
    const result = await cache.restore(KEY, { ...files, paths: ['model.bin'] });
    expect(result.hit).toBe(false);
  });

  it('accepts content keys only', async () => {
    const { cache, files } = setup();
    await expect(cache.restore('../escape', files)).rejects.toThrow(RangeError);
  });
});
