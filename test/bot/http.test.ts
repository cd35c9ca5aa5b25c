/**
 * End to end over HTTP: the App's server on a local port, authenticated as a
 * real GitHub App (a JWT signed with a key made here, exchanged for an
 * installation token at the fake), receiving deliveries signed with
 * `X-Hub-Signature-256`. A delivery with a wrong signature gets 401 and
 * changes nothing.
 */
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTollgateApp } from '../../bot/app.js';
import { startBotServer, type BotServer } from '../../bot/server.js';
import { FakeGitHub } from '../support/fake-github.js';
import { APP, APP_USER, person, startHarness, TestOctokit, withCommitWriters, type Harness } from './support/harness.js';
import { createTagPayload, issueCommentPayload } from './support/payloads.js';

const SECRET = 'it-is-a-secret';
let fake: FakeGitHub;
let h: Harness;
let server: BotServer;

beforeAll(async () => {
  fake = await FakeGitHub.start();
  h = await startHarness(fake);
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  server = await startBotServer({
    appId: APP.id,
    privateKey,
    webhookSecret: SECRET,
    port: 0,
    host: '127.0.0.1',
    baseUrl: fake.url,
    logLevel: 'fatal',
    Octokit: TestOctokit,
    request: { fetch: withCommitWriters(globalThis.fetch) },
    // No App login given: the bot asks GET /app (as the App, with its JWT).
    app: createTollgateApp({ settings: { now: () => new Date(fake.currentTime()) } }),
  });
});

afterAll(async () => {
  await server.close();
  await fake.close();
});

async function post(name: string, payload: object, secret = SECRET): Promise<Response> {
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  return fetch(server.webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-github-event': name, 'x-github-delivery': randomUUID(), 'x-hub-signature-256': signature },
    body,
  });
}

describe('the bot over HTTP', () => {
  it('answers health checks', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok\n');
  });

  it('rejects a delivery with a wrong signature (401) and does nothing', async () => {
    const { tag } = await h.register('v0.9.0');
    const before = fake.requests.length;
    const response = await post('create', createTagPayload(h.repo, tag, person('github-actions[bot]', 'Bot')), 'not-the-secret');
    expect(response.status).toBe(401);
    expect(fake.requests.length).toBe(before);
    expect(h.repo.issues.filter((issue) => issue.pull && issue.user.login === APP_USER.login)).toHaveLength(0);
  });

  it('opens, approves and promotes through signed deliveries, as an installation', async () => {
    const { tag } = await h.register('v1.4.0');
    const opened = await post('create', createTagPayload(h.repo, tag, person('github-actions[bot]', 'Bot')));
    expect(opened.status).toBe(200);
    expect(fake.installationTokens).toBeGreaterThanOrEqual(1);
    const pr = h.repo.issues.find((issue) => issue.pull && issue.user.login === APP_USER.login && issue.title.includes('v1.4.0'))!;
    expect(pr).toBeDefined();

    const comment = h.comment(pr.number, 'alice', '/approve');
    expect((await post('issue_comment', issueCommentPayload(fake, h.repo, 'created', comment))).status).toBe(200);
    expect(h.status(pr.number)).toContain('✅ Approved');

    await h.client.rest.pulls.merge({ owner: h.repo.owner, repo: h.repo.name, pull_number: pr.number });
    const { pullRequestPayload } = await import('./support/payloads.js');
    expect((await post('pull_request', pullRequestPayload(fake, h.repo, 'closed', pr.number, person('erin')))).status).toBe(200);
    expect(h.stageTags()).toEqual(['churn#staging#1']);
    expect(h.repo.deployments).toHaveLength(1);
    expect(fake.requests.some((request) => request.method === 'GET' && request.path === '/app')).toBe(true);
  });
});
