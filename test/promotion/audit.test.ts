import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../shared/errors/index.js';
import { auditDigest, auditJson, buildAuditRecord, computePromotionState, parseAuditJson, parseAuditRecord, type AuditRecord } from '../../shared/promotion/index.js';
import { at, baseInput, CANDIDATE_COMMIT, comment, HEAD, review } from './fixtures.js';

const EXTRAS = {
  policyBlobSha: 'f'.repeat(40),
  evaluation: { digest: `sha256:${'e'.repeat(64)}`, decision: 'promote' },
  deliveries: ['d-2', 'd-1', 'd-2'],
  previousHolderCommit: '9'.repeat(40),
};

function record(): AuditRecord {
  const approve = comment('alice', '/approve', 10, { id: 11 });
  const input = baseInput({ comments: [approve, comment('mallory', '/hold wait', 12, { id: 12 })], reviews: [review('bob', 'APPROVED', 11, { id: 21 })] });
  return buildAuditRecord(input, computePromotionState(input), EXTRAS);
}

describe('audit record', () => {
  it('holds every field of issue 7, section 5', () => {
    const audit = record();
    expect(audit).toEqual({
      schema: 'tollgate.promotion/v1',
      model: 'churn',
      stage: 'production',
      pull_request: { number: 42, url: 'https://github.com/acme/churn/pull/42', head_sha: HEAD },
      candidate: {
        version: 'v1.4.0',
        commit: CANDIDATE_COMMIT,
        artifact_digest: `sha256:${'d'.repeat(64)}`,
        training_run: 'https://github.com/acme/churn/actions/runs/7',
        trained_by: 'trainer',
        registered_by: 'registrar',
      },
      previous_holder: { version: 'v1.3.0', commit: '9'.repeat(40) },
      evaluation: { digest: `sha256:${'e'.repeat(64)}`, decision: 'promote' },
      policy: {
        blob_sha: 'f'.repeat(40),
        approvers: ['alice', '@bob', 'dave', 'tina', 'erin', 'trainer', 'registrar', 'acme/ml-leads', 'ghost-user', 'sam'],
        required: 2,
        soak: null,
        require_checks: ['tollgate/evaluation'],
        allow_force: true,
        auto_merge: false,
      },
      approvals: [
        {
          login: 'alice',
          id: 11,
          source: 'comment',
          url: 'https://github.com/acme/churn/pull/42#issuecomment-11',
          at: at(10),
          body_sha256: createHash('sha256').update('/approve').digest('hex'),
          team: null,
          commit_id: null,
          reason: null,
        },
        expect.objectContaining({ login: 'bob', id: 21, source: 'review', commit_id: HEAD }),
      ],
      holds: [{ login: 'mallory', id: 12, source: 'comment', url: 'https://github.com/acme/churn/pull/42#issuecomment-12', at: at(12), reason: 'wait', from_review: false }],
      rejections: [],
      bypasses: [],
      deliveries: ['d-1', 'd-2'],
      decision: { state: 'held', policy_met: false, at: at(24 * 60) },
    });
  });

  it('serialises canonically (sorted keys at every level) and digests that text', () => {
    const audit = record();
    const text = auditJson(audit);
    expect(text.startsWith('{"approvals":[{"at":')).toBe(true);
    expect(text).not.toMatch(/\s/);
    expect(auditDigest(audit)).toBe(`sha256:${createHash('sha256').update(text).digest('hex')}`);
    // Key order of the object does not change the digest.
    const reordered = Object.fromEntries(Object.entries(audit).reverse()) as AuditRecord;
    expect(auditDigest(reordered)).toBe(auditDigest(audit));
    // Any change does.
    expect(auditDigest({ ...audit, deliveries: ['d-1'] })).not.toBe(auditDigest(audit));
  });

  it('round-trips through its JSON text', () => {
    const audit = record();
    expect(parseAuditJson(auditJson(audit))).toEqual(audit);
  });

  it('rejects unknown versions, unknown keys and bad values with the path', () => {
    const audit = record();
    expect(() => parseAuditRecord({ ...audit, schema: 'tollgate.promotion/v2' })).toThrow(InputError);
    expect(() => parseAuditRecord({ ...audit, extra: 1 })).toThrow(/unrecognized key/i);
    expect(() => parseAuditRecord({ ...audit, approvals: [{ ...audit.approvals[0], body_sha256: 'xyz' }] })).toThrow(/approvals\[0\]\.body_sha256/);
    expect(() => parseAuditJson('{not json', 'release asset audit.json')).toThrow(/^release asset audit\.json: not JSON/);
  });
});
