import { describe, expect, it } from 'vitest';
import { stagePolicySchema } from '../../shared/config/promotion.js';
import { InputError } from '../../shared/errors/index.js';
import { auditDigest, buildAuditRecord, computePromotionState, parseCommands, type PromotionInput } from '../../shared/promotion/index.js';
import {
  addPromotionLogLine,
  GITHUB_BODY_LIMIT,
  promotionLogLine,
  promotionPullRequestBody,
  promotionStatusComment,
  readAuditBlock,
  readPromotionMarker,
  safeLink,
  type PromotionEvidence,
} from '../../shared/report/promotion.js';
import { at, baseInput, CANDIDATE_COMMIT, comment, policy, review } from '../promotion/fixtures.js';

const EXTRAS = { policyBlobSha: 'f'.repeat(40), evaluation: { digest: null, decision: 'promote' }, deliveries: ['delivery-1'] };

function decided(overrides: Partial<PromotionInput>) {
  const input = baseInput(overrides);
  const state = computePromotionState(input);
  return { input, state, audit: buildAuditRecord(input, state, EXTRAS) };
}

describe('status comment', () => {
  it('starts with its marker and the state, then who approved, who is needed and what blocks', () => {
    const { state } = decided({
      comments: [comment('alice', '/approve', 10), comment('erin', '/approve', 11)],
      checks: { 'tollgate/evaluation': 'failure' },
      policy: policy({ soak: '4d' }),
    });
    const body = promotionStatusComment(state);
    const lines = body.split('\n');
    expect(lines[0]).toBe('<!-- tollgate:promotion:churn:production -->');
    expect(lines[1]).toBe('## ⏳ Awaiting approval: `churn@v1.4.0` → `production`');
    expect(body).toContain('**Approvals:** 1 of 2: alice ([comment](https://github.com/acme/churn/pull/42#issuecomment-');
    expect(body).toContain('**Still needed:** 1 more approval from bob, ghost-user or a member of acme/ml-leads');
    expect(body).toContain('**Checks:** ❌ `tollgate/evaluation`');
    expect(body).toContain('- check tollgate/evaluation concluded failure');
    expect(body).toContain('- soak: in `staging` for 3d of 4d; 1d to go (2026-03-04 09:00 UTC)');
    expect(body).toContain('<details><summary>Not counted (1)</summary>');
    expect(body).toMatch(/\n\| \[erin\]\(https:\/\/github\.com\/acme\/churn\/pull\/42#issuecomment-\d+\) \| \/approve \| not a collaborator of this repository \| 2026-03-02 09:11 UTC \|\n/);
    // The status comment never reads as commands.
    expect(parseCommands(body)).toEqual([]);
  });

  it('shows holds and bypasses with their sources', () => {
    const { state } = decided({
      comments: [comment('root', '/approve --force outage 17', 10)],
      reviews: [review('alice', 'CHANGES_REQUESTED', 11, { body: 'EU segment' })],
    });
    const body = promotionStatusComment(state);
    expect(body.split('\n')[1]).toBe('## ✋ On hold: `churn@v1.4.0` → `production`');
    expect(body).toMatch(/- changes requested by alice \(\[review\]\(https:\/\/github\.com\/acme\/churn\/pull\/42#pullrequestreview-\d+\)\): EU segment/);
    expect(body).toContain('**Bypass:** root used `/approve --force` ([comment](');
    expect(body).toContain('bypassing approvals: outage 17');
  });

  it('escapes everything people wrote', () => {
    const hostile = '<img src=x onerror=alert(1)> @everyone [x](javascript:alert(1)) --> | cell';
    const { state, audit } = decided({ comments: [comment('mallory', `/hold ${hostile}`, 10), comment('alice', `/reject ${hostile}`, 11)] });
    const body = promotionStatusComment(state, audit);
    expect(body).not.toContain('<img');
    expect(body).not.toContain('@everyone');
    expect(body).not.toMatch(/[^\\]\[x\]\(javascript/); // the bracket is escaped: no link forms
    // The only HTML comments are ours, and each closes where it should.
    expect(body.match(/-->/g)).toHaveLength(2);
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt; @\u200beveryone \\[x\\](javascript:alert(1)) --&gt; \\| cell');
  });

  it('carries the audit record in a hidden block that reads back intact', () => {
    const { state, audit } = decided({ comments: [comment('alice', '/approve --> <!-- sneaky', 10), comment('bob', '/approve', 11)] });
    const body = promotionStatusComment(state, audit);
    expect(body).toMatch(/\n<!-- tollgate:audit sha256:[0-9a-f]{64} [A-Za-z0-9_-]+ -->$/);
    const read = readAuditBlock(body);
    expect(read?.record).toEqual(audit);
    expect(read?.digest).toBe(auditDigest(audit));
    expect(readAuditBlock('no block here')).toBeNull();
  });

  it('detects a damaged or tampered audit block', () => {
    const { state, audit } = decided({ comments: [comment('alice', '/approve', 10)] });
    const body = promotionStatusComment(state, audit);
    const forged = { ...audit, approvals: [...audit.approvals, { ...audit.approvals[0], login: 'mallory' }] };
    const payload = Buffer.from(JSON.stringify(forged)).toString('base64url');
    const tampered = body.replace(/ [A-Za-z0-9_-]+ -->$/, ` ${payload} -->`);
    expect(() => readAuditBlock(tampered)).toThrow(/digest mismatch/);
    const broken = body.replace(/ [A-Za-z0-9_-]+ -->$/, ' AAAA -->');
    expect(() => readAuditBlock(broken)).toThrow(InputError);
  });

  it('stays under GitHub\'s size limit, leaving a note when the audit record cannot fit', () => {
    const { state, audit } = decided({ comments: [comment('alice', '/approve', 10)] });
    const huge = { ...audit, deliveries: Array.from({ length: 3000 }, (_, index) => `delivery-${index}-${'x'.repeat(20)}`) };
    const body = promotionStatusComment(state, huge);
    expect(body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(body).toContain(`The audit record (${auditDigest(huge)}) is too large for this comment`);
    expect(readAuditBlock(body)).toBeNull();
  });

  it('names every state in its headline', () => {
    const merged = baseInput({ comments: [comment('alice', '/approve', 10), comment('bob', '/approve', 11)], outcome: { status: 'promoted' }, currentHolder: 'v1.4.0' });
    merged.pullRequest = { ...merged.pullRequest, state: 'closed', merged: true, mergedAt: at(20) };
    expect(promotionStatusComment(computePromotionState(merged)).split('\n')[1]).toBe('## 🎉 Promoted: `churn@v1.4.0` → `production`');
    const { state } = decided({ comments: [comment('alice', '/approve', 10), comment('bob', '/approve', 11)], currentHolder: 'v1.3.9' });
    expect(promotionStatusComment(state).split('\n')[1]).toBe('## ♻️ Stale: approvals must be renewed: `churn@v1.4.0` → `production`');
  });
});

describe('links', () => {
  it('links only http(s) URLs, and none can break out of the parentheses', () => {
    expect(safeLink('run', 'https://example.com/a(b)c d')).toBe('[run](https://example.com/a%28b%29c%20d)');
    expect(safeLink('x', 'javascript:alert(1)')).toBe('x');
    expect(safeLink('x', 'not a url')).toBe('x');
    expect(safeLink('[evil]', null)).toBe('\\[evil\\]');
    expect(safeLink('cell', 'https://example.com/#a|b')).toBe('[cell](https://example.com/#a%7Cb)');
  });
});

const EVIDENCE: PromotionEvidence = {
  marker: { model: 'churn', stage: 'production', version: 'v1.4.0', commit: CANDIDATE_COMMIT, holder: 'v1.3.0', requestedBy: 'alice' },
  evaluation: {
    decision: 'promote',
    reasons: ['auc improved by 0.012 (CI 0.004 to 0.020)'],
    metrics: [
      { name: 'auc', candidate: 0.912, holder: 0.9 },
      { name: 'log_loss|<b>', candidate: 0.3, holder: 0.31, delta: -0.01 },
    ],
    reportUrl: 'https://github.com/acme/churn/actions/runs/9',
  },
  validation: { ok: true, summary: 'passed: 14 checks over 120,000 rows', url: 'https://github.com/acme/churn/actions/runs/8' },
  modelCardUrl: 'https://github.com/acme/churn/releases/download/churn%40v1.4.0/model-card.md',
  releaseUrl: 'https://github.com/acme/churn/releases/tag/churn%40v1.4.0',
  lineage: { sourceCommit: CANDIDATE_COMMIT, dataFingerprint: 'sha256:abc', trainingRunUrl: 'https://github.com/acme/churn/actions/runs/7', trainedBy: 'trainer', registeredBy: 'registrar' },
  policy: stagePolicySchema.parse({ approvers: ['alice', 'acme/ml-leads'], required: 2, soak: '24h' }),
  previousStage: 'staging',
};

describe('promotion pull request body', () => {
  it('shows the evidence and carries the marker, which reads back', () => {
    const body = promotionPullRequestBody(EVIDENCE);
    expect(body.split('\n')[0]).toBe('<!-- tollgate:promotion-pr:churn:production -->');
    expect(readPromotionMarker(body)).toEqual(EVIDENCE.marker);
    expect(body).toContain('## Promote `churn@v1.4.0` to `production`');
    expect(body).toContain('It replaces `v1.3.0`, the current holder of `production`. Requested by alice with `/promote`.');
    expect(body).toContain('### Evaluation: `v1.4.0` vs the current holder `v1.3.0`');
    expect(body).toContain('| auc | 0.912 | 0.9 | +0.012 |');
    expect(body).toContain('| log\\_loss\\|&lt;b&gt; | 0.3 | 0.31 | -0.01 |');
    expect(body).toContain('✅ passed: 14 checks over 120,000 rows ([details](https://github.com/acme/churn/actions/runs/8))');
    expect(body).toContain('| trained by | trainer |');
    expect(body).toContain('- 2 approvals from alice or acme/ml-leads');
    expect(body).toContain('- soak: at least `24h` in `staging`');
    expect(parseCommands(body)).toEqual([]);
  });

  it('says so when there is no evidence of a kind', () => {
    const body = promotionPullRequestBody({ marker: { ...EVIDENCE.marker, holder: null, requestedBy: null } });
    expect(body).toContain('No version holds `production` yet.');
    expect(body).toContain('No evaluation was recorded for this version.');
    expect(body).toContain('No validation result was recorded for this version.');
  });

  it('reads no marker from an ordinary body and refuses a damaged one', () => {
    expect(readPromotionMarker('Fixes the README')).toBeNull();
    expect(readPromotionMarker(null)).toBeNull();
    const forged = Buffer.from(JSON.stringify({ model: 'churn', stage: 'production', version: '1.4', commit: 'x', holder: null, requested_by: null })).toString('base64url');
    expect(() => readPromotionMarker(`<!-- tollgate:promotion-marker ${forged} -->`)).toThrow(/^pull request body: invalid promotion marker: version: expected v \+ SemVer/);
    expect(() => readPromotionMarker('<!-- tollgate:promotion-marker AAAA -->')).toThrow(InputError);
  });
});

describe('PROMOTIONS.md', () => {
  const entry = { at: at(0), model: 'churn', version: 'v1.4.0', stage: 'production', previous: 'v1.3.0', pullRequest: { number: 42, url: 'https://github.com/acme/churn/pull/42' }, requestedBy: 'alice' };

  it('writes one line per promotion', () => {
    expect(promotionLogLine(entry)).toBe('- 2026-03-02: `v1.4.0` → `production` (replacing `v1.3.0`), [#42](https://github.com/acme/churn/pull/42), requested by alice');
    expect(promotionLogLine({ ...entry, previous: null, requestedBy: null, pullRequest: { number: 7 } })).toBe('- 2026-03-02: `v1.4.0` → `production` (first assignment), #7');
  });

  it('creates the file, puts the newest entry first, and never adds a line twice', () => {
    const first = addPromotionLogLine(null, { ...entry, version: 'v1.3.0', previous: null, at: at(-60 * 24) });
    expect(first).toBe('# Promotions of `churn`\n\nEvery promotion pull request adds one line; the registry\'s git tags are the source of truth.\n\n- 2026-03-01: `v1.3.0` → `production` (first assignment), [#42](https://github.com/acme/churn/pull/42), requested by alice\n');
    const second = addPromotionLogLine(first, entry);
    const entries = second.split('\n').filter((line) => line.startsWith('- '));
    expect(entries.map((line) => line.slice(0, 25))).toEqual(['- 2026-03-02: `v1.4.0` → ', '- 2026-03-01: `v1.3.0` → ']);
    expect(addPromotionLogLine(second, entry)).toBe(second);
  });
});
