/**
 * Commits without a checkout, through the Git Data API: a tree on top of a
 * base commit, a commit, and a branch pointing at it. Commits made this way
 * with the App's token are signed by GitHub and trigger workflows.
 */
import { statusOf, toGitHubApiError } from '../../shared/github/failure.js';
import type { Delivery } from '../delivery.js';

/** The default branch and the commit it points at. */
export function defaultBranchHead(delivery: Delivery): Promise<{ branch: string; sha: string }> {
  return delivery.memo('default-branch', async () => {
    const { client, owner, repo } = delivery;
    try {
      const branch = (await client.rest.repos.get({ owner, repo })).data.default_branch;
      const sha = (await client.rest.git.getRef({ owner, repo, ref: `heads/${branch}` })).data.object.sha;
      return { branch, sha };
    } catch (error) {
      toGitHubApiError(error, `reading the default branch of ${owner}/${repo}`, 'contents: read');
    }
  });
}

/** A text file at a commit; null when it does not exist. */
export function readTextFile(delivery: Delivery, path: string, ref: string): Promise<string | null> {
  return delivery.memo(`file:${ref}:${path}`, async () => {
    const { client, owner, repo } = delivery;
    try {
      const { data } = await client.rest.repos.getContent({ owner, repo, path, ref });
      if (Array.isArray(data) || data.type !== 'file' || typeof data.content !== 'string') return null;
      return Buffer.from(data.content, 'base64').toString('utf8');
    } catch (error) {
      if (statusOf(error) === 404) return null;
      toGitHubApiError(error, `reading ${path} at ${ref.slice(0, 12)}`, 'contents: read');
    }
  });
}

/** Creates a commit whose tree is `base`'s with `files` written (UTF-8 text), parented on `base`. */
export async function commitFiles(delivery: Delivery, base: string, files: ReadonlyArray<{ path: string; content: string }>, message: string): Promise<string> {
  const { client, owner, repo } = delivery;
  try {
    const baseTree = await delivery.memo(`tree-of:${base}`, async () => (await client.rest.git.getCommit({ owner, repo, commit_sha: base })).data.tree.sha);
    const tree = await client.rest.git.createTree({
      owner,
      repo,
      base_tree: baseTree,
      tree: files.map((file) => ({ path: file.path, mode: '100644' as const, type: 'blob' as const, content: file.content })),
    });
    const commit = await client.rest.git.createCommit({ owner, repo, message, tree: tree.data.sha, parents: [base] });
    return commit.data.sha;
  } catch (error) {
    toGitHubApiError(error, `committing ${files.map((file) => file.path).join(', ')}`, 'contents: write');
  }
}

/** Points `branch` at `sha`, creating it when needed (moving an existing branch is a force update). */
export async function setBranch(delivery: Delivery, branch: string, sha: string): Promise<void> {
  const { client, owner, repo } = delivery;
  try {
    await client.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha });
  } catch (error) {
    if (statusOf(error) !== 422) toGitHubApiError(error, `creating branch ${branch}`, 'contents: write');
    try {
      await client.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha, force: true });
    } catch (inner) {
      toGitHubApiError(inner, `moving branch ${branch}`, 'contents: write');
    }
  }
}
