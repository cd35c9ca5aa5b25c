import { describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../shared/github/client.js';
import { CHECK_RUN_TEXT_LIMIT, createCheckRun, updateCheckRun } from '../../shared/github/check-run.js';
import { GitHubApiError } from '../../shared/errors/index.js';

function recordingClient(status = 201) {
  const calls: Array<{ method: string; path: string; body: Record<string, unknown> }> = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
    calls.push({ method: (init?.method ?? 'GET').toUpperCase(), path: url.pathname, body });
    const payload = status >= 400 ? { message: 'Resource not accessible by integration' } : { id: 99, html_url: 'https://github.com/o/r/runs/99' };
    return new Response(JSON.stringify(payload), { status, headers: { 'content-type': 'application/json' } });
  };
  return { calls, client: createGitHubClient({ token: 't', fetch, retries: 0 }) };
}

describe('check runs', () => {
  it('creates a completed check run on the head commit, output cut to the limits', async () => {
    const { calls, client } = recordingClient();
    const result = await createCheckRun(client, {
      owner: 'o',
      repo: 'r',
      headSha: 'abc123',
      name: 'tollgate/evaluation',
      conclusion: 'failure',
      output: { title: 't'.repeat(300), summary: 's'.repeat(70_000) },
    });
    expect(result).toEqual({ id: 99, url: 'https://github.com/o/r/runs/99' });
    expect(calls).toHaveLength(1);
    const { method, path, body } = calls[0];
    expect([method, path]).toEqual(['POST', '/repos/o/r/check-runs']);
    expect(body).toMatchObject({ head_sha: 'abc123', name: 'tollgate/evaluation', status: 'completed', conclusion: 'failure' });
    const output = body.output as { title: string; summary: string };
    expect(output.title.length).toBeLessThanOrEqual(255);
    expect(output.summary.length).toBeLessThanOrEqual(CHECK_RUN_TEXT_LIMIT);
    expect(output.summary.endsWith('workflow’s files)')).toBe(true);
  });

  it('starts in progress without a conclusion, then completes by update', async () => {
    const { calls, client } = recordingClient(200);
    await createCheckRun(client, { owner: 'o', repo: 'r', headSha: 'abc', name: 'n', output: { title: 'running', summary: '…' } });
    await updateCheckRun(client, { owner: 'o', repo: 'r', checkRunId: 99, conclusion: 'success', output: { title: 'done', summary: 'ok' } });
    expect(calls[0].body).toMatchObject({ status: 'in_progress' });
    expect(calls[0].body.conclusion).toBeUndefined();
    expect([calls[1].method, calls[1].path]).toEqual(['PATCH', '/repos/o/r/check-runs/99']);
    expect(calls[1].body).toMatchObject({ status: 'completed', conclusion: 'success' });
  });

  it('a 403 names the checks: write permission', async () => {
    const { client } = recordingClient(403);
    const error = await createCheckRun(client, { owner: 'o', repo: 'r', headSha: 'abc', name: 'n', conclusion: 'success', output: { title: 't', summary: 's' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as Error).message).toMatch(/creating check run 'n' on o\/r@abc failed \(403 .*`checks: write`/);
  });
});
