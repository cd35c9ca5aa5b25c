/**
 * Who a token comments as, when GitHub will say. A personal access token
 * may read `GET /user`; an installation token (a workflow's GITHUB_TOKEN, a
 * GitHub App's) may not, and comments as a bot account.
 */
import type { GitHubClient } from './client.js';
import { statusOf, toGitHubApiError } from './failure.js';

/** The login behind a personal access token; undefined for installation tokens, which comment as bots. */
export async function tokenLogin(client: GitHubClient): Promise<string | undefined> {
  try {
    const { data } = await client.rest.users.getAuthenticated();
    return data.login;
  } catch (error) {
    const status = statusOf(error);
    if (status === 401 || status === 403 || status === 404) return undefined;
    toGitHubApiError(error, 'reading which account the token belongs to', 'none (GET /user)');
  }
}
