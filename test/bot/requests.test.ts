/**
 * What an `/approve` costs: GitHub API requests (issue 7: at most 6 in the
 * common case) and processing time without the network (under 20 ms).
 * Network time is the union of the intervals during which a request was in
 * flight, measured by wrapping `fetch`; processing is the rest of the
 * delivery's wall time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Probot } from 'probot';
import { createTollgateApp } from '../../bot/app.js';
import { FakeGitHub, type RecordedRequest } from '../support/fake-github.js';
import { APP_USER, CONFIG, startHarness, TestOctokit, withCommitWriters } from './support/harness.js';
import { issueCommentPayload } from './support/payloads.js';

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await FakeGitHub.start();
});
afterAll(async () => {
  await fake.close();
});

/** A fetch that records when each request was in flight. */
function timedFetch(): { fetch: typeof globalThis.fetch; intervals: Array<[number, number]> } {
  const intervals: Array<[number, number]> = [];
  return {
    intervals,
    fetch: async (input, init) => {
      const start = performance.now();
      try {
        const response = await globalThis.fetch(input, init);
        // Reading the body is network time too.
        const body = await response.arrayBuffer();
        return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
      } finally {
        intervals.push([start, performance.now()]);
      }
    },
  };
}

function union(intervals: ReadonlyArray<[number, number]>): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [from, to] of sorted) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total;
}

const describeRequest = (request: RecordedRequest) => `${request.method} ${request.path.replace(/\/repos\/acme\/churn-\d+/, '')}${request.operation ? ` ${request.operation}` : ''}`;

describe('the cost of /approve', () => {
  it('is 6 requests when one approval meets the policy (7 in a process that has not seen the head commit), and well under 20 ms of processing', async () => {
    const timing = timedFetch();
    const h = await startHarness(fake, { fetch: timing.fetch });
    const pr = await h.registerAndOpen('v1.4.0');

    const approve = async (login: string, probot = h.probot) => {
      const comment = h.comment(pr.number, login, '/approve');
      fake.clearRequests();
      timing.intervals.length = 0;
      const start = performance.now();
      await probot.receive({ id: `approve-${login}`, name: 'issue_comment', payload: issueCommentPayload(fake, h.repo, 'created', comment) } as never);
      const wall = performance.now() - start;
      return { requests: fake.requests.map(describeRequest), wall, processing: wall - union(timing.intervals) };
    };

    const warm = await approve('alice');
    expect(warm.requests).toEqual([
      'GET /issues/2/timeline',
      'POST /graphql TollgatePromotion',
      'GET /collaborators/alice/permission',
      expect.stringMatching(/^PATCH \/issues\/comments\/\d+$/),
      expect.stringMatching(/^PATCH \/check-runs\/\d+$/),
      expect.stringMatching(/^POST \/issues\/comments\/\d+\/reactions$/),
    ]);
    expect(h.status(pr.number)).toContain('✅ Approved');

    // A freshly started process knows nothing yet: it pays one more request, to learn who wrote the head commit (once per commit).
    const cold = new Probot({ githubToken: 'test-token', Octokit: TestOctokit, baseUrl: fake.url, request: { fetch: withCommitWriters(timing.fetch) }, logLevel: 'fatal' });
    await cold.load(createTollgateApp({ settings: { appLogin: APP_USER.login, now: () => new Date(fake.currentTime()) } }));
    const coldRun = await approve('bob', cold);
    expect(coldRun.requests.length).toBeLessThanOrEqual(7);
    expect(coldRun.requests.filter((request) => /^GET \/commits\//.test(request))).toHaveLength(1);
    expect(coldRun.requests.filter((request) => request.includes('/permission'))).toHaveLength(2);

    // Processing: repeated to smooth out the first run's warm-up.
    const runs: number[] = [];
    for (let index = 0; index < 5; index += 1) runs.push((await approve('alice')).processing);
    const median = runs.sort((a, b) => a - b)[2];
    console.log(`/approve: warm ${warm.requests.length} requests, cold ${coldRun.requests.length}; wall ${warm.wall.toFixed(1)} ms; processing without network, median of 5: ${median.toFixed(1)} ms`);
    expect(median).toBeLessThan(20);
  });

  it('costs one permission lookup per person: a non-deciding approval 5 requests, the deciding second one 7', async () => {
    const h = await startHarness(fake, { config: CONFIG.replace('        required: 1\n', '        required: 2\n') });
    const pr = await h.registerAndOpen('v1.4.0');
    fake.clearRequests();
    await h.say(pr.number, 'alice', '/approve');
    const first = fake.requests.map(describeRequest);
    expect(first).toHaveLength(5);
    expect(first.some((request) => request.includes('/check-runs'))).toBe(false);
    fake.clearRequests();
    await h.say(pr.number, 'bob', '/approve');
    const second = fake.requests.map(describeRequest);
    expect(second).toHaveLength(7);
    expect(second.filter((request) => request.includes('/permission'))).toHaveLength(2);
    expect(h.status(pr.number)).toContain('✅ Approved');
  });
});
