/**
 * One comment per key on an issue or pull request, edited in place on every
 * run: found again by a hidden marker (`<!-- tollgate:KEY -->`), never
 * duplicated. Used for the evaluation report and by the bot's status comments.
 */
import { hiddenMarker } from '../report/markdown.js';
import type { GitHubClient } from './client.js';
import { fitText, toGitHubApiError } from './failure.js';

/** GitHub's limit on a comment body. */
export const COMMENT_BODY_LIMIT = 65_536;

export interface IssueTarget {
  owner: string;
  repo: string;
  /** Issue or pull request number. */
  issueNumber: number;
}

export interface UpsertCommentOptions {
  /**
   * Login allowed to own the comment (e.g. `github-actions[bot]`, the App's
   * `name[bot]`, or the user behind a personal token). When omitted, only
   * comments by bot accounts count: anyone may post a comment holding the
   * marker, and the report must never be written into theirs.
   */
  author?: string;
}

export interface MarkedComment {
  id: number;
  body: string;
  url: string;
  author: string | undefined;
}

export interface UpsertCommentResult {
  action: 'created' | 'updated' | 'unchanged';
  id: number;
  url: string;
}

interface ListedComment {
  id: number;
  body?: string | null;
  html_url: string;
  user: { login: string; type?: string } | null;
}

/** The oldest comment carrying `key`'s marker by `options.author` (else by a bot); undefined when there is none. */
export async function findMarkedComment(client: GitHubClient, target: IssueTarget, key: string, options: UpsertCommentOptions = {}): Promise<MarkedComment | undefined> {
  const marker = hiddenMarker(key);
  const marked: ListedComment[] = [];
  try {
    const pages = client.paginate.iterator(client.rest.issues.listComments, { owner: target.owner, repo: target.repo, issue_number: target.issueNumber, per_page: 100 });
    for await (const page of pages) {
      for (const comment of page.data as ListedComment[]) if (comment.body?.includes(marker)) marked.push(comment);
    }
  } catch (error) {
    toGitHubApiError(error, `listing the comments of ${target.owner}/${target.repo}#${target.issueNumber}`, 'pull-requests: read');
  }
  const author = options.author?.toLowerCase();
  const preferred = author ? marked.filter((comment) => comment.user?.login.toLowerCase() === author) : marked.filter((comment) => comment.user?.type === 'Bot');
  const found = preferred[0];
  return found ? { id: found.id, body: found.body ?? '', url: found.html_url, author: found.user?.login } : undefined;
}

/**
 * Creates the comment for `key` on the first run and edits it afterwards;
 * leaves it alone when the body is unchanged (no notification noise).
 * `body` is trusted Markdown; the marker is added in front of it.
 */
export async function upsertComment(client: GitHubClient, target: IssueTarget, key: string, body: string, options: UpsertCommentOptions = {}): Promise<UpsertCommentResult> {
  const marker = hiddenMarker(key);
  const fullBody = fitText(`${marker}\n${body}`, COMMENT_BODY_LIMIT);
  const existing = await findMarkedComment(client, target, key, options);
  const where = `${target.owner}/${target.repo}#${target.issueNumber}`;
  if (existing) {
    if (existing.body === fullBody) return { action: 'unchanged', id: existing.id, url: existing.url };
    try {
      const { data } = await client.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body: fullBody });
      return { action: 'updated', id: data.id, url: data.html_url };
    } catch (error) {
      toGitHubApiError(error, `updating comment ${existing.id} on ${where}`, 'pull-requests: write');
    }
  }
  try {
    const { data } = await client.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issueNumber, body: fullBody });
    return { action: 'created', id: data.id, url: data.html_url };
  } catch (error) {
    toGitHubApiError(error, `commenting on ${where}`, 'pull-requests: write');
  }
}
