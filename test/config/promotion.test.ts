import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { promotionSchema, stagePolicySchema } from '../../shared/config/promotion.js';
import { parseYaml } from '../../shared/config/yaml-document.js';
import { ConfigError } from '../../shared/errors/index.js';

const schema = z.object({ promotion: promotionSchema }).strict();

function failure(text: string): string {
  try {
    parseYaml(text, '.github/tollgate.yml', schema);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('stage promotion policy', () => {
  it('fills in the defaults', () => {
    expect(stagePolicySchema.parse({ approvers: ['alice'] })).toEqual({
      approvers: ['alice'],
      required: 1,
      require_checks: ['tollgate/evaluation'],
      auto_merge: false,
      allow_force: true,
    });
  });

  it('reads a full policy per stage', () => {
    const text = [
      'promotion:',
      '  staging:',
      '    approvers: [alice]',
      '  production:',
      '    approvers: [alice, "@bob", acme/ml-leads]',
      '    required: 2',
      '    soak: 24h',
      '    require_checks: [tollgate/evaluation, ci/integration]',
      '    auto_merge: true',
      '    allow_force: false',
    ].join('\n');
    const { value } = parseYaml(text, '.github/tollgate.yml', schema);
    expect(value.promotion.production).toEqual({
      approvers: ['alice', '@bob', 'acme/ml-leads'],
      required: 2,
      soak: '24h',
      require_checks: ['tollgate/evaluation', 'ci/integration'],
      auto_merge: true,
      allow_force: false,
    });
    expect(Object.keys(value.promotion)).toEqual(['staging', 'production']);
  });

  it('points at what is wrong, with line and column', () => {
    expect(failure('promotion:\n  production:\n    approvers: [alice]\n    soak: a day\n')).toBe(
      ".github/tollgate.yml:4:11: promotion.production.soak: expected a duration such as 30m, 24h, 7d or 2w, got 'a day'",
    );
    expect(failure('promotion:\n  production:\n    approvers: []\n')).toBe(
      '.github/tollgate.yml:3:16: promotion.production.approvers: list at least one approver (a login or an org/team), got a list',
    );
    expect(failure('promotion:\n  production:\n    approvers: [alice]\n    required: 0\n')).toMatch(/^\.github\/tollgate\.yml:4:15: promotion\.production\.required: at least 1 approval/);
    expect(failure('promotion:\n  production:\n    approvers: [alice]\n    reviewers: [bob]\n')).toBe(
      ".github/tollgate.yml:4:5: promotion.production.reviewers: unknown key 'reviewers', expected one of approvers, required, soak, require_checks, auto_merge, allow_force, evidence",
    );
    expect(failure('promotion:\n  production:\n    approvers: ["alice smith"]\n')).toMatch(/approvers\[0\]: expected a GitHub login \(alice\) or a team \(acme\/ml-leads\)/);
  });

  it('refuses a count no listed approver group can reach', () => {
    expect(failure('promotion:\n  production:\n    approvers: [alice, bob]\n    required: 3\n')).toMatch(/required: requires 3 approvals but only 2 approvers are listed/);
    // With a team the count cannot be checked statically.
    expect(stagePolicySchema.safeParse({ approvers: ['alice', 'acme/leads'], required: 3 }).success).toBe(true);
  });

  it('refuses to require the promotion check itself, and bad stage names', () => {
    expect(stagePolicySchema.safeParse({ approvers: ['alice'], require_checks: ['tollgate/promotion'] }).success).toBe(false);
    expect(failure('promotion:\n  "prod stage":\n    approvers: [alice]\n')).toBe(
      ".github/tollgate.yml:3:5: promotion.prod stage: stage names use letters, digits, '-', '_' and '/', starting and ending with a letter or digit, got 'prod stage'",
    );
  });
});
