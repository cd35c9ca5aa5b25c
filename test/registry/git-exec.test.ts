// spawn reports a missing working directory with the same ENOENT as a missing
// git executable; the message must say which of the two it is.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TollgateError } from '../../shared/errors/index.js';
import { runGit } from '../../shared/registry/git-exec.js';

const scratch = mkdtempSync(join(tmpdir(), 'tollgate-git-exec-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function failure(promise: Promise<unknown>): Promise<TollgateError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TollgateError);
  return error as TollgateError;
}

describe('runGit when git cannot start', () => {
  it('names a missing working directory (not a missing git)', async () => {
    const missing = join(scratch, 'no-such-repo');
    const error = await failure(runGit(['status'], { cwd: missing }));
    expect(error.message).toBe(`the repository directory ${missing} does not exist (check the repository path, e.g. --repo)`);
    expect(error.exitCode).toBe(2);
  });

  it('names a working directory that is a file', async () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, '');
    const error = await failure(runGit(['status'], { cwd: file }));
    expect(error.message).toBe(`the repository path ${file} is not a directory (check the repository path, e.g. --repo)`);
  });

  it('still says git is missing when the directory exists', async () => {
    const error = await failure(runGit(['--version'], { cwd: scratch, git: 'tollgate-no-such-git' }));
    expect(error.message).toBe(`git is not installed or not on PATH (needed for the registry's git backend in ${scratch})`);
  });
});
