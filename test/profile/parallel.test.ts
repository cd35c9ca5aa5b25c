import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../shared/errors/index.js';
import { profileTable, profileTableParallel, profileToJSON, type Profile } from '../../shared/profile/index.js';

const root = join(import.meta.dirname, '../..');
// The worker script the command line ships (kept fresh by test/build/fresh.test.ts).
const workerUrl = pathToFileURL(join(root, 'cli/dist/profile-worker.js'));
const train = join(root, 'examples/churn/data/train.csv');
// Small batches so many go through the workers and their few slots are reused.
const read = { batchSize: 300 };

/** What must agree exactly between any two ways of profiling the same rows. */
function exactParts(profile: Profile): unknown {
  return {
    rows: profile.rows,
    columns: profile.columns.map((column) =>
      column.kind === 'number'
        ? { name: column.name, count: column.count, nulls: column.nulls, invalid: column.invalid, min: column.min, max: column.max, distinct: column.distinct.value, exactCounts: column.exactCounts }
        : column.kind === 'string'
          ? { name: column.name, count: column.count, nulls: column.nulls, distinct: column.distinct }
          : column,
    ),
  };
}

describe('profileTableParallel', () => {
  let single: Profile;
  beforeAll(async () => {
    single = await profileTable(train, { read });
  });

  it('with one worker gives exactly the one-thread profile, through the shared reader', async () => {
    const two = await profileTableParallel(train, { threads: 2, workerUrl, read });
    expect(profileToJSON(two)).toBe(profileToJSON(single));
  });

  it('with three workers taking turns gives the same counts, extremes and distinct values, and the same moments to 1e-9', async () => {
    const four = await profileTableParallel(train, { threads: 4, workerUrl, read });
    expect(exactParts(four)).toEqual(exactParts(single));
    four.columns.forEach((column, index) => {
      const reference = single.columns[index];
      if (column.kind === 'number' && reference.kind === 'number' && reference.mean !== null) {
        expect(column.mean).toBeCloseTo(reference.mean, 9);
        expect(column.std).toBeCloseTo(reference.std as number, 9);
      }
    });
  });

  it('reads byte ranges on every thread when the file is large enough (forced here), with the same counts', async () => {
    const ranged = await profileTableParallel(train, { threads: 2, workerUrl, read, rangeSplitMinBytes: 1 });
    expect(exactParts(ranged)).toEqual(exactParts(single));
  });

  it('shares the reader of any format: a gzip file profiles like the plain one', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tollgate-parallel-'));
    const gz = join(folder, 'train.csv.gz');
    await writeFile(gz, gzipSync(await readFile(train)));
    const profile = await profileTableParallel(gz, { threads: 2, workerUrl, read, rangeSplitMinBytes: 1 });
    expect(profileToJSON(profile)).toBe(profileToJSON(single));
  });

  it('shares the reader of Parquet and JSON lines too, with exactly the one-thread profile', async () => {
    for (const name of ['snappy.parquet', 'people.jsonl']) {
      const path = join(root, 'test/data/fixtures', name);
      const two = await profileTableParallel(path, { threads: 2, workerUrl });
      expect(profileToJSON(two), name).toBe(profileToJSON(await profileTable(path)));
    }
  });

  it('reports a bad row with its line while workers run, and stops them', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tollgate-parallel-'));
    const lines = (await readFile(train, 'utf8')).trimEnd().split('\n');
    lines.splice(2500, 0, 'C999999,2024-01-01,40');
    const bad = join(folder, 'ragged.csv');
    await writeFile(bad, lines.join('\n') + '\n');
    // A small inference sample, so the row is first met while reading: by a worker's range, or the shared reader.
    const late = { ...read, inferenceRows: 100 };
    for (const options of [{ threads: 3 }, { threads: 2, rangeSplitMinBytes: 1 }]) {
      const failure = await profileTableParallel(bad, { ...options, workerUrl, read: late }).catch((error: unknown) => error);
      expect(failure, JSON.stringify(options)).toBeInstanceOf(InputError);
      expect((failure as InputError).message).toBe(`${bad}:2501: expected 11 fields (as in the header) separated by \`,\`, got 3 fields`);
    }
    // And in the first range, read by the calling thread.
    lines.splice(2500, 1);
    lines.splice(10, 0, 'C999998,2024-01-01');
    await writeFile(bad, lines.join('\n') + '\n');
    await expect(profileTableParallel(bad, { threads: 2, workerUrl, read: { ...read, inferenceRows: 5 }, rangeSplitMinBytes: 1 })).rejects.toThrow(`${bad}:11: expected 11 fields (as in the header) separated by \`,\`, got 2 fields`);
  });

  it('reports a worker that fails, whenever it fails, as the error of the call', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tollgate-parallel-'));
    const broken = join(folder, 'broken-worker.mjs');
    await writeFile(broken, "throw new Error('the worker script is broken');\n");
    await expect(profileTableParallel(train, { threads: 2, workerUrl: pathToFileURL(broken), read })).rejects.toThrow('the worker script is broken');
    await expect(profileTableParallel(train, { threads: 2, workerUrl: pathToFileURL(broken), read, rangeSplitMinBytes: 1 })).rejects.toThrow('the worker script is broken');
  });

  it('refuses a thread count that is not a positive whole number', async () => {
    await expect(profileTableParallel(train, { threads: 0, workerUrl })).rejects.toThrow(/--threads expects a positive whole number/);
  });
});
