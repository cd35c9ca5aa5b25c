/**
 * The whole promotion, end to end through `probot.receive` against the local
 * fake: registration opens the pull request, an approval meets the policy,
 * the merge writes the stage tag, the deployment and the audit record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditDigest, parseAuditJson } from '../../shared/promotion/index.js';
import { readAuditBlock, readPromotionMarker } from '../../shared/report/index.js';
import { FakeGitHub } from '../support/fake-github.js';
import { APP_USER, person, startHarness } from './support/harness.js';
import { pushTagPayload, releasePayload } from './support/payloads.js';

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await FakeGitHub.start();
});
afterAll(async () => {
  await fake.close();
});

describe('promotion pull requests', () => {
  it('opens one for the first stage when a version is registered, with evidence, the candidate file and the log line', async () => {
    const h = await startHarness(fake);
    const pr = await h.registerAndOpen('v1.4.0');
    expect(pr.user.login).toBe(APP_USER.login);
    expect(pr.title).toBe('Promote churn@v1.4.0 to staging');
    expect(pr.pull!.head).toBe('tollgate/promote/churn/staging/v1.4.0');
    const marker = readPromotionMarker(pr.body);
    expect(marker).toMatchObject({ model: 'churn', stage: 'staging', version: 'v1.4.0', holder: null, requestedBy: null });
    expect(pr.body).toContain('roc\\_auc');
    expect(pr.body).toContain('trained by');
    const files = h.repo.commitFiles(pr.pull!.head_sha);
    expect(JSON.parse(files.get('.tollgate/promotions/churn@staging.json')!.content.toString())).toMatchObject({ schema: 'tollgate.promotion-candidate/v1', version: 'v1.4.0' });
    expect(files.get('models/churn/PROMOTIONS.md')!.content.toString()).toMatch(new RegExp(`\`v1\\.4\\.0\` → \`staging\` \\(first assignment\\), \\[\\\\?#${pr.number}\\]\\(`));
    expect(h.status(pr.number)).toContain('Awaiting approval');
    expect(h.promotionCheck(pr.number)?.conclusion).toBe('action_required');

    // The push and release events of the same registration find the pull request open.
    const before = h.repo.issues.length;
    await h.deliver('push', pushTagPayload(h.repo, 'churn@v1.4.0', person('github-actions[bot]', 'Bot')));
    await h.deliver('release', releasePayload(h.repo, 'churn@v1.4.0', person('github-actions[bot]', 'Bot')));
    expect(h.repo.issues.length).toBe(before);
  });

  it('is approved by one approver and promoted on merge: stage tag, deployment, audit asset, status', async () => {
    const h = await startHarness(fake);
    const pr = await h.registerAndOpen('v1.4.0');
    await h.say(pr.number, 'alice', '/approve looks good');
    expect(h.status(pr.number)).toContain('✅ Approved');
    expect(h.promotionCheck(pr.number)?.conclusion).toBe('success');
    const approval = h.repo.comments.find((comment) => comment.body === '/approve looks good')!;
    expect(h.repo.reactions.filter((reaction) => reaction.subjectId === approval.id).map((reaction) => reaction.content)).toEqual(['rocket']);

    await h.merge(pr.number);
    expect(h.stageTags()).toEqual(['churn#staging#1']);
    const tagObject = [...h.repo.tagObjects.values()].find((tag) => tag.tag === 'churn#staging#1')!;
    expect(tagObject.message).toMatch(/^Assigning stage staging to artifact churn version v1\.4\.0\n\nTollgate-PR: \d+\nTollgate-Approved-By: alice\nTollgate-Audit: sha256:[0-9a-f]{64}\n$/);
    expect(h.repo.deployments).toHaveLength(1);
    expect(h.repo.deployments[0]).toMatchObject({ environment: 'staging', payload: { tag: 'churn#staging#1', model: 'churn', version: 'v1.4.0' } });

    const status = h.status(pr.number);
    expect(status).toContain('🎉 Promoted');
    const block = readAuditBlock(status)!;
    expect(block.record.approvals.map((entry) => entry.login)).toEqual(['alice']);
    expect(`Tollgate-Audit: ${block.digest}`).toBe(tagObject.message.split('\n').find((line) => line.startsWith('Tollgate-Audit')));
    const asset = h.repo.assets.find((candidate) => candidate.name.startsWith(`promotion-staging-pr${pr.number}-`))!;
    const record = parseAuditJson(asset.data.toString());
    expect(auditDigest(record)).toBe(block.digest);
    expect(record).toMatchObject({ model: 'churn', stage: 'staging', candidate: { version: 'v1.4.0', trained_by: 'dana', registered_by: 'erin' }, evaluation: { decision: 'promote' } });
    expect(record.evaluation.digest).toMatch(/^sha256:/);
  });
});
