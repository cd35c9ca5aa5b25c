/** Helpers shared by the GitHub write helpers: readable failures and GitHub's text limits. */
import { GitHubApiError } from '../errors/index.js';

/** The HTTP status of an octokit (or fetch) failure; undefined for anything else. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Turns an octokit failure into a `GitHubApiError` that says what was being
 * done and, for permission problems, which workflow permission to grant.
 * Anything that is not an HTTP failure is rethrown unchanged (a bug).
 */
export function toGitHubApiError(error: unknown, doing: string, permission: string): never {
  const status = statusOf(error);
  if (status === undefined) throw error;
  const message = (error as Error).message.split('\n')[0];
  let hint = '';
  if (status === 401) hint = ': the token is missing or invalid';
  else if (status === 403 || status === 404) {
    hint = `: the token may lack the \`${permission}\` permission (add it under \`permissions:\` in the workflow; pull requests from forks get a read-only token)`;
  }
  throw new GitHubApiError(`GitHub API: ${doing} failed (${status} ${message})${hint}`, status, { cause: error });
}

/**
 * Cuts `text` to at most `limit` UTF-16 code units, ending with `note`, without
 * splitting a surrogate pair. Text within the limit is returned unchanged.
 */
export function fitText(text: string, limit: number, note = '\n\n… (truncated to fit GitHub’s size limit; the full report is in the workflow’s files)'): string {
  if (text.length <= limit) return text;
  let end = Math.max(0, limit - note.length);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end) + note;
}
