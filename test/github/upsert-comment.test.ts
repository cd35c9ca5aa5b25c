import { describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../shared/github/client.js';
import { COMMENT_BODY_LIMIT, findMarkedComment, upsertComment } from '../../shared/github/upsert-comment.js';
import { GitHubApiError } from '../../shared/errors/index.js';

interface StoredComment {
  id: number;
  body: string;
  user: { login: string; type: string };
  html_url: string;
}

/**
 * An injected fetch holding one issue's comments in memory. It serves two
 * comments per page (whatever per_page asks) so the helper must follow `Link`.
 */
function fakeIssue(initial: Array<{ body: string; login?: string; type?: string }> = [], options: { failWith?: number } = {}) {
  let nextId = 1;
  const comments: StoredComment[] = initial.map((comment) => ({
    id: nextId++,
    body: comment.body,
    user: { login: comment.login ?? 'someone', type: comment.type ?? 'User' },
    html_url: `https://github.com/o/r/pull/7#issuecomment-${nextId}`,
  }));
  const requests: string[] = [];
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = (init?.method ?? 'GET').toUpperCase();
    requests.push(`${method} ${url.pathname}${url.search}`);
    if (options.failWith) return json(options.failWith, { message: 'Resource not accessible by integration' });
    if (method === 'GET' && url.pathname === '/repos/o/r/issues/7/comments') {
      const page = Number(url.searchParams.get('page') ?? '1');
      const slice = comments.slice((page - 1) * 2, page * 2);
      const headers: Record<string, string> = {};
      if (page * 2 < comments.length) {
        const next = new URL(url);
        next.searchParams.set('page', String(page + 1));
        headers.link = `<${next.href}>; rel="next"`;
      }
      return json(200, slice, headers);
    }
    if (method === 'POST' && url.pathname === '/repos/o/r/issues/7/comments') {
      const { body } = JSON.parse(String(init?.body)) as { body: string };
      const comment = { id: nextId++, body, user: { login: 'github-actions[bot]', type: 'Bot' }, html_url: `https://github.com/o/r/pull/7#issuecomment-${nextId}` };
      comments.push(comment);
      return json(201, comment);
    }
    const edit = /^\/repos\/o\/r\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (method === 'PATCH' && edit) {
      const comment = comments.find((candidate) => candidate.id === Number(edit[1]));
      if (!comment) return json(404, { message: 'Not Found' });
      comment.body = (JSON.parse(String(init?.body)) as { body: string }).body;
      return json(200, comment);
    }
    return json(404, { message: `no route for ${method} ${url.pathname}` });
  };
  return { comments, requests, client: createGitHubClient({ token: 't', fetch, retries: 0 }) };
}

const target = { owner: 'o', repo: 'r', issueNumber: 7 };

describe('upsertComment', () => {
  it('creates the comment once, then edits it in place: never a duplicate across 3 runs', async () => {
    const issue = fakeIssue([{ body: 'first!' }, { body: 'LGTM' }, { body: 'nit: rename' }]);
    const first = await upsertComment(issue.client, target, 'evaluation:churn', 'run 1');
    const second = await upsertComment(issue.client, target, 'evaluation:churn', 'run 2');
    const third = await upsertComment(issue.client, target, 'evaluation:churn', 'run 3');
    expect([first.action, second.action, third.action]).toEqual(['created', 'updated', 'updated']);
    expect(second.id).toBe(first.id);
    expect(third.id).toBe(first.id);
    const marked = issue.comments.filter((comment) => comment.body.includes('<!-- tollgate:evaluation:churn -->'));
    expect(marked).toHaveLength(1);
    expect(marked[0].body).toBe('<!-- tollgate:evaluation:churn -->\nrun 3');
    expect(issue.comments).toHaveLength(4);
    // Run 2 paged through both pages (4 comments, 2 per page) before editing.
    expect(issue.requests.filter((request) => request.startsWith('POST'))).toHaveLength(1);
    expect(issue.requests.filter((request) => request.startsWith('PATCH'))).toHaveLength(2);
    expect(issue.requests.filter((request) => request.includes('page=2')).length).toBeGreaterThanOrEqual(2);
  });

  it('leaves an unchanged comment alone', async () => {
    const issue = fakeIssue();
    await upsertComment(issue.client, target, 'k', 'same');
    const again = await upsertComment(issue.client, target, 'k', 'same');
    expect(again.action).toBe('unchanged');
    expect(issue.requests.filter((request) => !request.startsWith('GET'))).toHaveLength(1);
  });

  it('keeps one comment per key: another model gets its own', async () => {
    const issue = fakeIssue();
    await upsertComment(issue.client, target, 'evaluation:churn', 'a');
    await upsertComment(issue.client, target, 'evaluation:fraud', 'b');
    await upsertComment(issue.client, target, 'evaluation:churn', 'c');
    expect(issue.comments.map((comment) => comment.body)).toEqual(['<!-- tollgate:evaluation:churn -->\nc', '<!-- tollgate:evaluation:fraud -->\nb']);
  });

  it("prefers the bot's own comment over a person quoting the marker", async () => {
    const issue = fakeIssue([
      { body: 'quoting <!-- tollgate:k --> here', login: 'mallory' },
      { body: '<!-- tollgate:k -->\nold', login: 'github-actions[bot]', type: 'Bot' },
    ]);
    const found = await findMarkedComment(issue.client, target, 'k');
    expect(found?.author).toBe('github-actions[bot]');
    await upsertComment(issue.client, target, 'k', 'new');
    expect(issue.comments[0].body).toBe('quoting <!-- tollgate:k --> here');
    expect(issue.comments[1].body).toBe('<!-- tollgate:k -->\nnew');
    // With an explicit author, only that author's comments count.
    expect(await findMarkedComment(issue.client, target, 'k', { author: 'someone-else' })).toBeUndefined();
  });

  it("never writes into a person's comment that carries the marker, even when no bot comment exists yet", async () => {
    const issue = fakeIssue([{ body: '<!-- tollgate:k -->\n✅ forged report', login: 'mallory' }]);
    expect(await findMarkedComment(issue.client, target, 'k')).toBeUndefined();
    const result = await upsertComment(issue.client, target, 'k', 'real');
    expect(result.action).toBe('created');
    expect(issue.comments.map((comment) => [comment.user.login, comment.body])).toEqual([
      ['mallory', '<!-- tollgate:k -->\n✅ forged report'],
      ['github-actions[bot]', '<!-- tollgate:k -->\nreal'],
    ]);
    // A named author (a personal token's user) is the one exception.
    expect((await findMarkedComment(issue.client, target, 'k', { author: 'Mallory' }))?.id).toBe(1);
  });

  it('cuts a body over 65,536 characters', async () => {
    const issue = fakeIssue();
    await upsertComment(issue.client, target, 'k', 'x'.repeat(70_000));
    expect(issue.comments[0].body.length).toBeLessThanOrEqual(COMMENT_BODY_LIMIT);
    expect(issue.comments[0].body).toMatch(/truncated to fit GitHub’s size limit/);
  });

  it('a permission failure is a GitHubApiError naming the permission', async () => {
    const issue = fakeIssue([], { failWith: 403 });
    const error = await upsertComment(issue.client, target, 'k', 'body').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as GitHubApiError).status).toBe(403);
    expect((error as Error).message).toMatch(/listing the comments of o\/r#7 failed \(403 .*\): the token may lack the `pull-requests: read` permission/);
  });
});
