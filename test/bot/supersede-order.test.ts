/**
 * Superseding follows versions, not arrival: a late or redelivered
 * registration of an older version opens nothing while a newer candidate is
 * open for the stage, and never closes the newer pull request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNewerVersion } from '../../bot/promotion/open.js';
import { FakeGitHub } from '../support/fake-github.js';
import { APP_USER, person, startHarness, type Harness } from './support/harness.js';
import { createTagPayload } from './support/payloads.js';

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await FakeGitHub.start();
});
afterAll(async () => {
  await fake.close();
});

const openPromotions = (h: Harness) => h.repo.issues.filter((issue) => issue.pull && issue.user.login === APP_USER.login && issue.state === 'open');
const redeliverCreate = (h: Harness, tag: string) => h.deliver('create', createTagPayload(h.repo, tag, person('github-actions[bot]', 'Bot')));

describe('superseding by version', () => {
  it('compares versions by SemVer precedence', () => {
    expect(isNewerVersion('v1.10.0', 'v1.9.0')).toBe(true);
    expect(isNewerVersion('v1.4.0', 'v1.4.0-rc.1')).toBe(true);
    expect(isNewerVersion('v1.3.0', 'v1.4.0')).toBe(false);
    expect(isNewerVersion('not-a-version', 'v1.4.0')).toBe(false);
  });

  it('a redelivered create of an older version neither opens a pull request nor closes the newer one', async () => {
    const h = await startHarness(fake);
    const p13 = await h.registerAndOpen('v1.3.0');
    const p14 = await h.registerAndOpen('v1.4.0');
    await h.say(p14.number, 'alice', '/approve');
    expect(h.pull(p13.number).state).toBe('closed');
    const before = h.repo.issues.length;
    await redeliverCreate(h, 'churn@v1.3.0');
    expect(h.repo.issues.length).toBe(before);
    expect(h.pull(p14.number).state).toBe('open');
    expect(openPromotions(h).map((issue) => issue.number)).toEqual([p14.number]);
    expect(h.promotionCheck(p14.number)?.conclusion).toBe('success');
  });

  it('a late registration of an older version opens nothing; a newer one still supersedes', async () => {
    const h = await startHarness(fake);
    const p14 = await h.registerAndOpen('v1.4.0');
    const { tag } = await h.register('v1.3.1');
    await redeliverCreate(h, tag);
    expect(openPromotions(h).map((issue) => issue.number)).toEqual([p14.number]);
    const p15 = await h.registerAndOpen('v1.5.0');
    expect(h.pull(p14.number).state).toBe('closed');
    expect(openPromotions(h).map((issue) => issue.number)).toEqual([p15.number]);
  });

  it('/promote of an older version opens its pull request but leaves the newer one open', async () => {
    const h = await startHarness(fake);
    await h.register('v1.3.0');
    const p14 = await h.registerAndOpen('v1.4.0');
    const before = h.repo.issues.length;
    await h.say(p14.number, 'alice', '/promote churn@v1.3.0 to staging');
    const p13 = h.repo.issues.slice(before).find((issue) => issue.pull && issue.user.login === APP_USER.login);
    expect(p13).toBeDefined();
    expect(h.pull(p14.number).state).toBe('open');
    expect(h.pull(p13!.number).state).toBe('open');
  });
});
