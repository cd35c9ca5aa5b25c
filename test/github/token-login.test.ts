import { describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../shared/github/client.js';
import { tokenLogin } from '../../shared/github/token-login.js';
import { GitHubApiError } from '../../shared/errors/index.js';

function clientAnswering(status: number, body: unknown) {
  const fetch: typeof globalThis.fetch = async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  return createGitHubClient({ token: 't', fetch, retries: 0 });
}

describe('tokenLogin', () => {
  it("is the user behind a personal token", async () => {
    expect(await tokenLogin(clientAnswering(200, { login: 'alice', type: 'User' }))).toBe('alice');
  });

  it('is undefined for installation tokens, which may not read /user', async () => {
    expect(await tokenLogin(clientAnswering(403, { message: 'Resource not accessible by integration' }))).toBeUndefined();
    expect(await tokenLogin(clientAnswering(401, { message: 'Bad credentials' }))).toBeUndefined();
  });

  it('any other failure is a GitHubApiError', async () => {
    await expect(tokenLogin(clientAnswering(422, { message: 'Unprocessable' }))).rejects.toBeInstanceOf(GitHubApiError);
  });
});
