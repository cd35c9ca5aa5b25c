import { describe, expect, it } from 'vitest';
import type { PromotionMarker } from '../../../shared/promotion/index.js';
import { candidateFileText, candidatePath, checkCandidateFile, promotionBranch, promotionLogPath } from '../../../bot/promotion/files.js';

const marker: PromotionMarker = { model: 'churn', stage: 'production', version: 'v1.4.0', commit: 'a'.repeat(40), holder: 'v1.3.0', requestedBy: 'bob' };

describe('promotion files', () => {
  it('names branches, candidate files and logs', () => {
    expect(promotionBranch('churn', 'production', 'v1.4.0')).toBe('tollgate/promote/churn/production/v1.4.0');
    expect(promotionBranch('models/churn:churn', 'prod', 'v2.0.0-rc.1')).toBe('tollgate/promote/models/churn=churn/prod/v2.0.0-rc.1');
    expect(candidatePath('churn', 'production')).toBe('.tollgate/promotions/churn@production.json');
    expect(candidatePath('models/churn:churn', 'eu/prod')).toBe('.tollgate/promotions/models~churn=churn@eu~prod.json');
    expect(promotionLogPath('churn', undefined)).toBe('models/churn/PROMOTIONS.md');
    expect(promotionLogPath('models/fraud:fraud', { path: 'models/fraud' } as never)).toBe('models/fraud/PROMOTIONS.md');
  });

  it('never gives two model/stage pairs the same candidate file', () => {
    const pairs: Array<[string, string]> = [['a/b', 'c'], ['a', 'b/c'], ['a-b', 'c'], ['a', 'b-c'], ['x/y:z', 'w'], ['x', 'y:z@w']];
    const paths = pairs.map(([model, stage]) => candidatePath(model, stage));
    expect(new Set(paths).size).toBe(pairs.length);
  });

  it('accepts a candidate file that says exactly what the marker says, and explains every other case', () => {
    const path = candidatePath(marker.model, marker.stage);
    expect(checkCandidateFile(marker, { text: candidateFileText(marker) }, path)).toEqual({ ok: true });
    expect(checkCandidateFile({ ...marker, version: 'v1.4.1' }, { text: candidateFileText(marker) }, path)).toEqual({
      ok: false,
      reason: `the pull request body does not match ${path} in the head commit (the body was edited): nothing here can be promoted`,
    });
    expect(checkCandidateFile({ ...marker, requestedBy: null }, { text: candidateFileText(marker) }, path).ok).toBe(false);
    expect(checkCandidateFile(marker, null, path)).toEqual({ ok: false, reason: `the head commit has no ${path}: the promotion cannot be verified` });
    expect(checkCandidateFile(marker, { text: '{"schema":"other"}' }, path)).toEqual({ ok: false, reason: `${path} is not a tollgate.promotion-candidate/v1 file` });
    expect(checkCandidateFile(marker, { text: 'not json' }, path).ok).toBe(false);
    const extra = JSON.stringify({ ...JSON.parse(candidateFileText(marker)), sneaky: true });
    expect(checkCandidateFile(marker, { text: extra }, path).ok).toBe(false);
  });
});
