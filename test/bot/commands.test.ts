/**
 * Commands through `probot.receive`: replies, reactions, usage for unknown
 * or malformed commands, `/promote` from an issue (and superseding), several
 * commands in one comment, and what is never acted on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPromotionMarker } from '../../shared/report/index.js';
import { FakeGitHub, type FakeIssue } from '../support/fake-github.js';
import { APP_USER, person, startHarness, type Harness } from './support/harness.js';
import { issueCommentPayload } from './support/payloads.js';

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await FakeGitHub.start();
});
afterAll(async () => {
  await fake.close();
});

function openIssue(h: Harness, title = 'Ship churn'): number {
  const time = h.repo.now();
  const number = h.repo.issues.length + 1;
  h.repo.issues.push({ number, title, body: '', state: 'open', state_reason: null, labels: [], assignees: [], user: person('bob'), created_at: time, updated_at: time, closed_at: null });
  return number;
}

/** The App's replies (not status comments) on an issue. */
function replies(h: Harness, number: number): string[] {
  return h.repo.comments.filter((comment) => comment.issue_number === number && comment.user.login === APP_USER.login && comment.body.includes('<!-- tollgate:reply:')).map((comment) => comment.body);
}

function reactions(h: Harness, commentId: number): string[] {
  return h.repo.reactions.filter((reaction) => reaction.subjectId === commentId).map((reaction) => reaction.content);
}

function promotionPulls(h: Harness): FakeIssue[] {
  return h.repo.issues.filter((issue) => issue.pull && issue.user.login === APP_USER.login);
}

describe('replies', () => {
  it('answers /help with every command, once even when redelivered', async () => {
    const h = await startHarness(fake);
    const issue = openIssue(h);
    const comment = h.comment(issue, 'tom', '/help');
    const payload = issueCommentPayload(fake, h.repo, 'created', comment);
    await h.deliver('issue_comment', payload, 'help-1');
    await h.deliver('issue_comment', payload, 'help-1');
    const [reply] = replies(h, issue);
    expect(replies(h, issue)).toHaveLength(1);
    expect(reply).toContain('### Tollgate commands');
    expect(reply).toContain('`/rollback <model> [<stage>] [to <version>]`');
    expect(reactions(h, comment.id)).toEqual(['rocket']);
  });

  it('answers unknown and malformed commands with the usage, all in one reply', async () => {
    const h = await startHarness(fake);
    const issue = openIssue(h);
    h.repo.issues.find((candidate) => candidate.number === issue)!.labels = ['tollgate:drift'];
    const comment = await h.say(issue, 'alice', 'Two things:\n/aprove\n/promote churn@1.4.0 to staging\n/frobnicate now');
    const [reply] = replies(h, issue);
    expect(reply).toContain('`/aprove` (line 2) is not a Tollgate command. Did you mean `/approve`?');
    expect(reply).toContain("`/promote` (line 3): versions start with &#39;v&#39;: write v1.4.0. Usage: `/promote <model>@<version> to <stage>`");
    expect(reply).toContain('`/frobnicate` (line 4) is not a Tollgate command. Known commands:');
    // Nothing slow was asked for (a malformed /promote does nothing): no eyes, straight to confused.
    expect(reactions(h, comment.id)).toEqual(['confused']);
    expect(promotionPulls(h)).toHaveLength(0);
  });

  it("on other threads, only near misses of a real command get an answer; other bots' unknown slash lines get none", async () => {
    const h = await startHarness(fake);
    const issue = openIssue(h, 'Disk full on the runner');
    const chatter = await h.say(issue, 'alice', '/tmp is full again\n/cc @bob');
    expect(replies(h, issue)).toEqual([]);
    expect(reactions(h, chatter.id)).toEqual([]);
    await h.say(issue, 'alice', '/hlep');
    expect(replies(h, issue)).toHaveLength(1);
    expect(replies(h, issue)[0]).toContain('`/hlep` (line 1) is not a Tollgate command. Did you mean `/help`?');
    // Another bot's slash lines, near misses included, get no usage reply.
    const bot = h.comment(issue, 'renovate', '/assign @bob\n/hlep');
    bot.user = { ...bot.user, login: 'renovate[bot]', type: 'Bot' };
    await h.deliver('issue_comment', issueCommentPayload(fake, h.repo, 'created', bot));
    expect(replies(h, issue)).toHaveLength(1);
    expect(reactions(h, bot.id)).toEqual([]);
  });

  it('acts on nothing in code blocks, quotes or HTML comments, and on nothing edited', async () => {
    const h = await startHarness(fake);
    const issue = openIssue(h);
    const quiet = await h.say(issue, 'alice', '```\n/promote churn@v1.4.0 to staging\n```\n<!--\n/help\n-->');
    expect(reactions(h, quiet.id)).toEqual([]);
    await h.register('v1.4.0');
    const edited = h.comment(issue, 'alice', 'nothing yet');
    fake.advance(60_000);
    edited.body = '/promote churn@v1.4.0 to staging';
    edited.updated_at = h.repo.now();
    await h.deliver('issue_comment', issueCommentPayload(fake, h.repo, 'edited', edited));
    expect(promotionPulls(h)).toHaveLength(0);
    expect(replies(h, issue)).toEqual([]);
  });
});

describe('/promote', () => {
  it('opens a promotion pull request from an issue, records the requester, and reacts eyes then rocket', async () => {
    const h = await startHarness(fake);
    await h.register('v1.4.0');
    const issue = openIssue(h);
    const comment = await h.say(issue, 'alice', '/promote churn@v1.4.0 to staging');
    const [pr] = promotionPulls(h);
    expect(readPromotionMarker(pr.body)).toMatchObject({ version: 'v1.4.0', stage: 'staging', requestedBy: 'alice' });
    expect(replies(h, issue)[0]).toMatch(new RegExp(`Opened \\[\\\\?#${pr.number}\\]\\(`));
    expect(reactions(h, comment.id)).toEqual(['eyes', 'rocket']);
    expect(h.status(pr.number)).toContain('⏳ Awaiting approval');
    // Asking again finds it.
    await h.say(issue, 'bob', '/promote churn@v1.4.0 to staging');
    expect(promotionPulls(h)).toHaveLength(1);
    expect(replies(h, issue)[1]).toContain('is already open');
  });

  it('refuses people without write access, unregistered versions and skipped stages', async () => {
    const h = await startHarness(fake);
    await h.register('v1.4.0');
    const issue = openIssue(h);
    await h.say(issue, 'rita', '/promote churn@v1.4.0 to staging');
    await h.say(issue, 'alice', '/promote churn@v9.9.9 to staging');
    await h.say(issue, 'alice', '/promote churn@v1.4.0 to production');
    await h.say(issue, 'alice', '/promote churn@v1.4.0 to canary');
    const texts = replies(h, issue);
    expect(texts[0]).toContain('rita: has read access; write, maintain or admin is needed');
    expect(texts[1]).toContain('churn@\u200bv9.9.9 is not registered');
    expect(texts[2]).toContain('has never held &#39;staging&#39;, the stage before &#39;production&#39;');
    expect(texts[3]).toContain('&#39;canary&#39; is not one of churn&#39;s stages (staging, production)');
    expect(promotionPulls(h)).toHaveLength(0);
  });

  it('supersedes the open promotion of an older candidate, closing it with a link', async () => {
    const h = await startHarness(fake);
    const older = await h.registerAndOpen('v1.4.0');
    await h.say(older.number, 'alice', '/approve');
    const newer = await h.registerAndOpen('v1.5.0');
    expect(h.pull(older.number).state).toBe('closed');
    const closing = h.repo.comments.find((comment) => comment.issue_number === older.number && comment.body.includes('Superseded by'))!;
    expect(closing.body).toContain(`Superseded by #${newer.number}`);
    expect(h.status(older.number)).toContain('↪️ Superseded');
    expect(h.status(older.number)).toContain(`superseded by #${newer.number}`);
    expect(h.status(newer.number)).toContain('**Approvals:** 0 of 1');
  });

  it('runs several commands of one comment in order', async () => {
    const h = await startHarness(fake);
    const pr = await h.registerAndOpen('v1.4.0');
    const comment = await h.say(pr.number, 'alice', '/approve\n/status\n/help');
    expect(h.status(pr.number)).toContain('✅ Approved');
    expect(replies(h, pr.number)[0]).toContain('### Tollgate commands');
    expect(reactions(h, comment.id)).toEqual(['rocket']);
  });
});
