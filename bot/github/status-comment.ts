/**
 * The promotion's status comment: one comment, found in the timeline the
 * decision already read (by the App's login and its hidden key), edited in
 * place. Reusing that read instead of `upsertComment`'s own listing saves a
 * request on every event; replies elsewhere use `upsertComment`.
 */
import { COMMENT_BODY_LIMIT } from '../../shared/github/upsert-comment.js';
import { fitText, toGitHubApiError } from '../../shared/github/failure.js';
import { hiddenMarker } from '../../shared/report/index.js';
import { loginKey, type TimelineComment } from '../../shared/promotion/index.js';
import type { Delivery } from '../delivery.js';

/** The App's oldest comment carrying `key`'s hidden marker (a person quoting the marker cannot take it over). */
export function findOwnComment(comments: readonly TimelineComment[], appLogin: string, key: string): TimelineComment | null {
  const marker = hiddenMarker(key);
  const own = comments.filter((comment) => comment.user && loginKey(comment.user.login) === loginKey(appLogin) && (comment.body ?? '').includes(marker));
  own.sort((a, b) => a.id - b.id);
  return own[0] ?? null;
}

/** What writing the comment did. */
export interface CommentWrite {
  action: 'created' | 'updated' | 'unchanged';
  id: number;
  url: string;
}

/** Creates or edits the comment; leaves an identical one alone. */
export async function writeOwnComment(delivery: Delivery, issueNumber: number, existing: TimelineComment | null, body: string): Promise<CommentWrite> {
  const { client, owner, repo } = delivery;
  const text = fitText(body, COMMENT_BODY_LIMIT);
  if (existing && existing.body === text) return { action: 'unchanged', id: existing.id, url: existing.html_url };
  try {
    if (existing) {
      const { data } = await client.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body: text });
      return { action: 'updated', id: data.id, url: data.html_url };
    }
    const { data } = await client.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body: text });
    return { action: 'created', id: data.id, url: data.html_url };
  } catch (error) {
    toGitHubApiError(error, `writing the status comment on ${owner}/${repo}#${issueNumber}`, 'pull-requests: write');
  }
}
