import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockOnEvidence, evidenceProblem } from '../../../bot/promotion/live-evidence.js';
import { evidenceMet, type EvidenceRecord } from '../../../shared/monitor/index.js';
import type { PromotionState } from '../../../shared/promotion/index.js';
import { readAuditBlock } from '../../../shared/report/index.js';
import { FakeGitHub } from '../../support/fake-github.js';
import { CONFIG, startHarness, type Harness } from '../support/harness.js';

const SHADOW_CONFIG = CONFIG.replace(
  '        require_checks: []\n',
  '        require_checks: []\n        evidence:\n          shadow: {min_requests: 1000, min_hours: 24, max_disagreement: 0.05}\n',
);

/** A shadow record of `candidate`: 5,000 pairs over 48 h, 1% disagreement (CI 0.8% to 1.3%). */
function shadowRecord(candidate: string, disagreement = 0.01): EvidenceRecord {
  return {
    schema: 'tollgate.evidence/v1',
    kind: 'shadow',
    model: 'churn',
    stage: 'staging',
    candidate,
    baseline: 'v1.3.0',
    generated_at: '2024-01-05T00:00:00.000Z',
    verdict: 'pass',
    figures: {
      pairs: 5000,
      hours: 48,
      disagreement: { value: disagreement, interval: [disagreement - 0.002, disagreement + 0.003] },
      correlation: null,
      mean_abs_diff: null,
      latency_increase: null,
      metric_delta: null,
    },
    report_digest: `sha256:${'0'.repeat(64)}`,
  };
}

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await FakeGitHub.start();
});
afterAll(async () => {
  await fake.close();
});

let assetIds = 900_000;
function attachEvidence(h: Harness, tag: string, name: string, record: unknown): void {
  const release = h.repo.releases.find((candidate) => candidate.tag_name === tag);
  if (!release) throw new Error(`no release ${tag}`);
  h.repo.assets.push({ id: (assetIds += 1), releaseId: release.id, name, label: null, contentType: 'application/json', data: Buffer.from(JSON.stringify(record)), createdAt: release.created_at ?? new Date(0).toISOString() });
}

describe('live evidence in the promotion check', () => {
  it('a stage that requires shadow evidence is blocked without it, and met once a passing record is on the release', async () => {
    const h = await startHarness(fake, { config: SHADOW_CONFIG });
    const pr = await h.registerAndOpen('v1.4.0');
    await h.say(pr.number, 'alice', '/approve');
    expect(h.status(pr.number)).not.toContain('✅ Approved');
    expect(h.status(pr.number)).toContain('live evidence required by the staging policy is not met: shadow (no shadow evidence for v1.4.0 yet)');
    expect(h.status(pr.number)).toContain('**Live evidence**');
    expect(h.status(pr.number)).toContain('⏳ shadow');
    expect(h.promotionCheck(pr.number)).toMatchObject({ conclusion: 'action_required' });
    expect(h.promotionCheck(pr.number)?.summary).toContain('Blocking: live evidence.');

    // A record of another version does not count; one of the candidate that passes does.
    attachEvidence(h, 'churn@v1.4.0', 'evidence-shadow-old.json', shadowRecord('v1.3.9'));
    attachEvidence(h, 'churn@v1.4.0', 'evidence-shadow.json', shadowRecord('v1.4.0'));
    await h.say(pr.number, 'bob', '/approve');
    expect(h.status(pr.number)).toContain('✅ Approved');
    expect(h.status(pr.number)).toContain('✅ shadow');
    expect(h.status(pr.number)).not.toContain('live evidence required');
    expect(h.promotionCheck(pr.number)).toMatchObject({ conclusion: 'success' });
    // The section follows the comment's audit block without breaking it.
    expect(readAuditBlock(h.status(pr.number))?.record).toMatchObject({ model: 'churn', stage: 'staging', schema: 'tollgate.promotion/v1' });
  });

  it('a merge that ignored the check writes no stage tag while the evidence is missing', async () => {
    const h = await startHarness(fake, { config: SHADOW_CONFIG });
    const pr = await h.registerAndOpen('v1.4.0');
    await h.say(pr.number, 'alice', '/approve');
    await h.merge(pr.number);
    expect(h.stageTags()).toEqual([]);
    expect(h.status(pr.number)).toContain('merged without the policy met');
    expect(h.status(pr.number)).toContain('live evidence required by the staging policy is not met');
  });

  it('stages without evidence: are untouched (no release read for it)', async () => {
    const h = await startHarness(fake);
    const pr = await h.registerAndOpen('v1.4.0');
    await h.say(pr.number, 'alice', '/approve');
    expect(h.status(pr.number)).toContain('✅ Approved');
    expect(h.status(pr.number)).not.toContain('Live evidence');
  });
});

describe('blockOnEvidence', () => {
  const approved = { state: 'approved', policyMet: true, stage: 'staging', blockers: [] } as unknown as PromotionState;

  it('turns an approved state into awaiting approval with an evidence blocker, and leaves a met one alone', () => {
    const failing = evidenceMet({ shadow: { max_disagreement: 0.05 } }, [shadowRecord('v1.4.0', 0.2)], { candidate: 'v1.4.0' });
    const blocked = blockOnEvidence(approved, failing, ['evidence-x.json: not a JSON object']);
    expect(blocked).toMatchObject({ state: 'awaiting-approval', policyMet: false });
    expect(blocked.blockers).toEqual([
      {
        code: 'evidence',
        message: expect.stringMatching(/^live evidence required by the staging policy is not met: shadow \(max_disagreement: 0\.2.* breaks the bound 0\.05\); ignored: evidence-x\.json: not a JSON object$/),
      },
    ]);
    const passing = evidenceMet({ shadow: { max_disagreement: 0.05 } }, [shadowRecord('v1.4.0')], { candidate: 'v1.4.0' });
    expect(blockOnEvidence(approved, passing)).toBe(approved);
  });

  it('names what is wrong with an asset that is not a record', () => {
    expect(evidenceProblem(shadowRecord('v1.4.0'))).toBeNull();
    expect(evidenceProblem([1])).toBe('not a JSON object');
    expect(evidenceProblem({ ...shadowRecord('v1.4.0'), schema: 'tollgate.shadow/v1' })).toBe('its "schema" is not tollgate.evidence/v1');
    expect(evidenceProblem({ ...shadowRecord('v1.4.0'), figures: 'great' })).toBe('"figures" is not an object');
  });
});
