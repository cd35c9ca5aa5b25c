import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/index.js';

const example = `version: 1
models:
  churn:
    stages: [staging, production]
    owners: [alice]
    promotion:
      staging: {approvers: [alice]}
      production: {approvers: [alice, bob, acme/ml-leads], required: 2, soak: 24h}
evaluation:
  primary: {metric: roc_auc, min_delta: 0}
  guardrails:
    - {metric: ece, max_increase: 0.01}
`;

describe('.github/tollgate.yml', () => {
  it('composes every section with its defaults', () => {
    const { value } = parseConfig(example);
    expect(value.models.churn.stages).toEqual(['staging', 'production']);
    expect(value.models.churn.require_previous_stage).toBe(true);
    expect(value.models.churn.promotion?.production).toMatchObject({ required: 2, soak: '24h', require_checks: ['tollgate/evaluation'], auto_merge: false });
    expect(value.evaluation.primary).toEqual({ metric: 'roc_auc', min_delta: 0 });
    expect(value.evaluation.bootstrap.resamples).toBe(1000);
  });

  it('an empty file is a valid configuration', () => {
    const { value } = parseConfig('');
    expect(value.models).toEqual({});
    expect(value.version).toBe(1);
  });

  it('rejects a promotion policy for a stage the model does not have, at its line', () => {
    const text = example.replace('      staging: {approvers: [alice]}', '      canary: {approvers: [alice]}');
    expect(() => parseConfig(text)).toThrow(".github/tollgate.yml:7:15: models.churn.promotion.canary: 'canary' is not one of this model's stages (staging, production)");
  });

  it('rejects unknown sections and bad model names', () => {
    expect(() => parseConfig('modles: {}\n')).toThrow(".github/tollgate.yml:1:1: modles: unknown key 'modles', did you mean 'models'?");
    expect(() => parseConfig('models:\n  -bad-: {stages: [a]}\n')).toThrow(/models\.-bad-: model name '-bad-'/);
  });
});
