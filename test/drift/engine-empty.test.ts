import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { driftFromFiles } from '../../shared/drift/index.js';

describe('an empty side', () => {
  it('is insufficient, not an error', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tollgate-drift-empty-'));
    const reference = join(folder, 'reference.csv');
    const current = join(folder, 'current.csv');
    await writeFile(reference, `x,plan\n${Array.from({ length: 200 }, (_, index) => `${index % 50},${index % 2 ? 'a' : 'b'}`).join('\n')}\n`);
    await writeFile(current, 'x,plan\n');
    const report = await driftFromFiles(reference, current);
    expect(report.level).toBe('insufficient');
    expect(report.rows).toEqual({ reference: 200, current: 0 });
    expect(report.columns.every((column) => column.level === 'insufficient')).toBe(true);
  });
});
