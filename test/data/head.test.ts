import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHead } from '../../shared/data/index.js';
import { fixture } from './helpers.js';

describe('readHead', () => {
  it('returns the first rows as plain objects with ISO dates', async () => {
    const { columns, rows } = await readHead(fixture('people.csv'), 2);
    expect(columns).toEqual(['id', 'name', 'score', 'active', 'joined', 'seen_at', 'tier']);
    expect(rows).toEqual([
      { id: 1, name: 'Ada', score: 3.5, active: true, joined: '2024-01-02', seen_at: '2024-01-02T10:00:00.000Z', tier: 'gold' },
      { id: 2, name: 'Lovelace, Ada', score: 4, active: false, joined: '2024-02-29', seen_at: '2024-02-29T21:59:59.250Z', tier: 'silver' },
    ]);
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
  });

  it('returns nulls, fewer rows at the end of the file, and nothing for n = 0', async () => {
    const { rows } = await readHead(fixture('basic.parquet'), 100, { batchSize: 3 });
    expect(rows).toHaveLength(10);
    expect(rows[1].score).toBeNull();
    expect(rows[4].day).toBeNull();
    expect(rows[0].at).toBe('2024-01-01T00:00:00.000Z');
    expect((await readHead(fixture('people.csv'), 0)).rows).toEqual([]);
  });

  it('names the columns of a file that has a header and no rows', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tollgate-head-'));
    const path = join(folder, 'empty.csv');
    await writeFile(path, 'a,b\n');
    expect(await readHead(path, 10)).toEqual({ columns: ['a', 'b'], rows: [] });
  });
});
