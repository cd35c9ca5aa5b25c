import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeReadFailure } from '../../shared/errors/index.js';

async function failureOf(path: string): Promise<unknown> {
  return readFile(path).then(
    () => expect.unreachable(`reading ${path} should fail`),
    (error: unknown) => error,
  );
}

describe('describeReadFailure', () => {
  it('puts what fs reports in words a user can act on', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tollgate-read-'));
    expect(describeReadFailure(await failureOf(join(folder, 'missing.csv')))).toBe('file not found');
    expect(describeReadFailure(await failureOf(folder))).toBe('is a directory, expected a file');
    expect(describeReadFailure(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }))).toBe('permission denied');
    expect(describeReadFailure(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }))).toBe('cannot read file (EIO: i/o error, read)');
  });
});
