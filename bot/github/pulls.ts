/**
 * Promotion pull requests: finding the open ones of a model and stage,
 * opening, closing as superseded, and merging (for `auto_merge: true`).
 */
import { hiddenMarker } from '../../shared/report/index.js';
import { statusOf, toGitHubApiError } from '../../shared/github/failure.js';
import { loginKey } from '../../shared/promotion/index.js';
import type { Delivery } from '../delivery.js';

/** An open pull request, as far as the bot needs it. */
export interface OpenPull {
  number: number;
  url: string;
  headRef: string;
  body: string;
}

/** Open pull requests the App opened from its own branches starting with `prefix`. */
export async function openPromotionPulls(delivery: Delivery, prefix: string): Promise<OpenPull[]> {
  const { client, owner, repo } = delivery;
  try {
    const pulls = await client.paginate(client.rest.pulls.list, { owner, repo, state: 'open', per_page: 100 });
    return pulls
      .filter((pull) => pull.head.ref.startsWith(prefix) && pull.head.repo?.full_name === `${owner}/${repo}` && loginKey(pull.user?.login ?? '') === loginKey(delivery.app.login))
      .map((pull) => ({ number: pull.number, url: pull.html_url, headRef: pull.head.ref, body: pull.body ?? '' }));
  } catch (error) {
    toGitHubApiError(error, `listing open pull requests of ${owner}/${repo}`, 'pull-requests: read');
  }
}

/** Opens a pull request from `head` into `base`. */
export async function openPull(delivery: Delivery, request: { head: string; base: string; title: string; body: string }): Promise<{ number: number; url: string }> {
  const { client, owner, repo } = delivery;
  try {
    const { data } = await client.rest.pulls.create({ owner, repo, ...request, maintainer_can_modify: false });
    return { number: data.number, url: data.html_url };
  } catch (error) {
    toGitHubApiError(error, `opening a pull request from ${request.head}`, 'pull-requests: write');
  }
}

/** Replaces a pull request's body (the promotion's evidence). */
export async function updatePullBody(delivery: Delivery, number: number, body: string): Promise<void> {
  const { client, owner, repo } = delivery;
  try {
    await client.rest.pulls.update({ owner, repo, pull_number: number, body });
  } catch (error) {
    toGitHubApiError(error, `updating pull request #${number}`, 'pull-requests: write');
  }
}

/** Closes `number` with a comment linking its replacement (the hidden key lets later events know why it closed). */
export async function closeAsSuperseded(delivery: Delivery, number: number, by: { number: number; url: string }, why: string): Promise<void> {
  const { client, owner, repo } = delivery;
  const body = `${hiddenMarker(`superseded-by:${by.number}`)}\nSuperseded by #${by.number} (${why}). This pull request is closed; approvals here do not carry over.`;
  try {
    await client.rest.issues.createComment({ owner, repo, issue_number: number, body });
    await client.rest.pulls.update({ owner, repo, pull_number: number, state: 'closed' });
  } catch (error) {
    toGitHubApiError(error, `closing pull request #${number}`, 'pull-requests: write');
  }
}

/** What a merge attempt did. */
export type MergeResult = { merged: true; sha: string } | { merged: false; reason: string };

/**
 * Merges `number` if its head is still `headSha` (the commit the decision was
 * about). GitHub refuses with 405/409 when it is not mergeable or the head
 * moved: that is reported, not thrown.
 */
export async function mergePull(delivery: Delivery, number: number, headSha: string, method: 'merge' | 'squash' | 'rebase', title: string): Promise<MergeResult> {
  const { client, owner, repo } = delivery;
  try {
    const { data } = await client.rest.pulls.merge({ owner, repo, pull_number: number, sha: headSha, merge_method: method, commit_title: title });
    return data.merged ? { merged: true, sha: data.sha } : { merged: false, reason: data.message };
  } catch (error) {
    const status = statusOf(error);
    if (status === 405 || status === 409 || status === 422) return { merged: false, reason: (error as Error).message.split('\n')[0] };
    toGitHubApiError(error, `merging pull request #${number}`, 'contents: write');
  }
}
