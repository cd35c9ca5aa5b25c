// A comment's commands are not hostage to its promotion refresh: when recomputing the
// promotion fails, the other commands (a /rollback among them) still run and answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../support/fake-github.js';
import { APP_USER, startHarness } from './support/harness.js';

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await FakeGitHub.start();
});
afterAll(async () => {
  await fake.close();
});

describe('a comment on a promotion pull request', () => {
  it('runs its other commands when the promotion refresh fails, then reports the failure in the log', async () => {
    const h = await startHarness(fake);
    const pr = await h.registerAndOpen('v1.4.0');
    fake.failNext('GET', '/repos/:owner/:repo/issues/:number/timeline', 500, 'timeline unavailable');
    // The router logs the failure (the delivery's other handlers are not affected); the reply shows the rollback ran.
    await h.say(pr.number, 'alice', '/approve\n/rollback churn production');
    const replies = h.repo.comments.filter((comment) => comment.issue_number === pr.number && comment.user.login === APP_USER.login && comment.body.includes('<!-- tollgate:reply:'));
    expect(replies).toHaveLength(1);
    expect(replies[0].body).toContain('Cannot roll back `churn`: no version of churn holds');
  });
});
