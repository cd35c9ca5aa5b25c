/**
 * A lost merge webhook: the promotion pull request merged with its policy
 * met, but no `pull_request.closed` arrived, so no stage tag was written.
 * The reconciler's pass finds it (merged in the last 7 days, no stage tag)
 * and runs the same merge handling.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileInstallations, type ReconcileReport } from '../../bot/handlers/reconcile.js';
import { createRuntime } from '../../bot/runtime.js';
import { botSettings } from '../../bot/settings.js';
import { FakeGitHub } from '../support/fake-github.js';
import { APP_USER, startHarness, type Harness } from './support/harness.js';

const DAY = 86_400_000;

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await FakeGitHub.start();
});
afterAll(async () => {
  await fake.close();
});

/**
 * One reconcile pass over the harness's repository, through the App as the
 * scheduler runs it; `runtime` carries what the process remembers between passes.
 */
async function pass(h: Harness, runtime = runtimeOf(h)): Promise<ReconcileReport> {
  const reports = await reconcileInstallations(h.probot, runtime);
  const report = reports.get(h.repo.fullName);
  if (!report) throw new Error(`no report for ${h.repo.fullName}`);
  return report;
}

function runtimeOf(h: Harness) {
  return createRuntime(h.probot, botSettings({ appLogin: APP_USER.login, now: () => new Date(fake.currentTime()) }), []);
}

/** Merges through the API without delivering `pull_request.closed`. */
async function mergeSilently(h: Harness, number: number): Promise<void> {
  await h.client.rest.pulls.merge({ owner: h.repo.owner, repo: h.repo.name, pull_number: number, sha: h.pull(number).pull!.head_sha });
}

const timelineOf = (number: number) => (request: { method: string; path: string }) => request.method === 'GET' && request.path.endsWith(`/issues/${number}/timeline`);

describe('merged promotions without a stage tag', () => {
  it('are finished by the reconcile pass', async () => {
    const h = await startHarness(fake);
    const pr = await h.registerAndOpen('v1.4.0');
    await h.say(pr.number, 'alice', '/approve');
    await mergeSilently(h, pr.number);
    expect(h.stageTags()).toEqual([]);
    fake.advance(DAY);
    const report = await pass(h);
    expect(h.stageTags()).toEqual(['churn#staging#1']);
    expect(report.promotions).toContain(pr.number);
    expect(report.repairs.join('\n')).toContain(`#${pr.number}: merged without a stage tag`);
    expect(report.failures).toEqual([]);
    // Done: the next pass leaves it alone.
    fake.clearRequests();
    const again = await pass(h);
    expect(again.promotions).not.toContain(pr.number);
    expect(fake.count(timelineOf(pr.number))).toBe(0);
    expect(h.stageTags()).toEqual(['churn#staging#1']);
  });

  it('leave alone what merged more than 7 days ago', async () => {
    const h = await startHarness(fake);
    const pr = await h.registerAndOpen('v1.4.0');
    await h.say(pr.number, 'alice', '/approve');
    await mergeSilently(h, pr.number);
    fake.advance(8 * DAY);
    const report = await pass(h);
    expect(report.promotions).not.toContain(pr.number);
    expect(h.stageTags()).toEqual([]);
  });

  it('write no tag for a merge whose policy was not met, and do not look again', async () => {
    const h = await startHarness(fake);
    const pr = await h.registerAndOpen('v1.4.0');
    await mergeSilently(h, pr.number);
    const runtime = runtimeOf(h);
    const report = await pass(h, runtime);
    expect(report.promotions).toContain(pr.number);
    expect(h.stageTags()).toEqual([]);
    fake.clearRequests();
    await pass(h, runtime);
    expect(fake.count(timelineOf(pr.number))).toBe(0);
  });
});
