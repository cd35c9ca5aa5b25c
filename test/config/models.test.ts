import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from '../../shared/errors/index.js';
import { parseYaml } from '../../shared/config/yaml-document.js';
import { checkModel, modelObjectSchema, modelsSchema } from '../../shared/config/models.js';
import { championStageOf, stagePolicyOf } from '../../shared/registry/index.js';

const file = '.github/tollgate.yml';
const section = z.looseObject({ models: modelsSchema });

describe('models: section of .github/tollgate.yml', () => {
  it('applies defaults', () => {
    const { value } = parseYaml('models:\n  churn:\n    stages: [staging, production]\n  fraud:\n    path: models/fraud\n', file, section);
    expect(value.models).toEqual({
      churn: { stages: ['staging', 'production'], require_previous_stage: true },
      fraud: { path: 'models/fraud', stages: [], require_previous_stage: true },
    });
    expect(championStageOf(value.models.churn)).toBe('production');
    expect(championStageOf(value.models.fraud)).toBe('production');
    expect(stagePolicyOf(value.models.churn)).toEqual({ stages: ['staging', 'production'], requirePreviousStage: true, championStage: 'production' });
  });

  it('takes the last stage as champion stage unless told otherwise', () => {
    const { value } = parseYaml('models:\n  a:\n    stages: [dev, live]\n  b:\n    stages: [dev, live, shadow]\n    champion_stage: live\n', file, section);
    expect(championStageOf(value.models.a)).toBe('live');
    expect(championStageOf(value.models.b)).toBe('live');
  });

  it('reads every field', () => {
    const yaml = [
      'models:',
      '  churn:',
      '    owners: [alice, "@acme/ml"]',
      '    stages: [staging, canary, production]',
      '    require_previous_stage: false',
      '    card:',
      '      intended_use: Rank accounts.',
      '      limitations: EU only.',
      '    training_workflow: train.yml',
      '',
    ].join('\n');
    expect(parseYaml(yaml, file, section).value.models.churn).toEqual({
      owners: ['alice', '@acme/ml'],
      stages: ['staging', 'canary', 'production'],
      require_previous_stage: false,
      card: { intended_use: 'Rank accounts.', limitations: 'EU only.' },
      training_workflow: 'train.yml',
    });
  });

  it.each([
    ['models:\n  churn:\n    stage: [production]\n', 3, 5, /unknown key 'stage'/],
    ['models:\n  churn:\n    card:\n      intended-use: x\n', 4, 7, /unknown key 'intended-use'/],
    ['models:\n  churn:\n    stages: [staging, staging]\n', 3, 23, /models\.churn\.stages\[1\]: stage 'staging' is listed twice/],
    ['models:\n  churn:\n    stages: [a, b]\n    champion_stage: c\n', 4, 21, /champion_stage 'c' is not one of the stages \(a, b\)/],
    ['models:\n  churn:\n    stages: [staging, latest]\n', 3, 23, /models\.churn\.stages\[1\]: 'latest' is reserved \(it resolves to a version, not a stage\)/],
    ['models:\n  churn:\n    champion_stage: champion\n', 3, 21, /models\.churn\.champion_stage: 'champion' is reserved/],
    ['models:\n  churn:\n    stages: [prod uction]\n', 3, 14, /models\.churn\.stages\[0\]: expected letters, digits/],
    ['models:\n  churn:\n    path: "a b"\n', 3, 11, /expected a directory/],
    ['models:\n  churn:\n    require_previous_stage: "yes"\n', 3, 29, /expected boolean/],
    ['models:\n  -churn:\n    stages: []\n', 3, 5, /model name '-churn': expected letters, digits/],
  ])('rejects %j at line %i column %i', (yaml, line, column, message) => {
    let error: unknown;
    try {
      parseYaml(yaml, file, section);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).location).toEqual({ file, line, column });
    expect((error as ConfigError).message).toMatch(message);
  });

  it('lets later sections extend one model (no refinement on the object)', () => {
    const extended = modelObjectSchema.extend({ promotion: z.record(z.string(), z.object({ approvals: z.number() })).optional() });
    const schema = z.record(z.string(), extended).superRefine((models, context) => {
      for (const [name, model] of Object.entries(models)) checkModel(model, context, [name]);
    });
    expect(schema.parse({ churn: { stages: ['production'], promotion: { production: { approvals: 2 } } } })).toEqual({
      churn: { stages: ['production'], require_previous_stage: true, promotion: { production: { approvals: 2 } } },
    });
    expect(schema.safeParse({ churn: { stages: ['a', 'a'] } }).success).toBe(false);
  });

  it('generates a JSON Schema for editors', () => {
    const schema = z.toJSONSchema(modelsSchema, { io: 'input' }) as { additionalProperties: { properties: Record<string, unknown>; additionalProperties: boolean } };
    expect(Object.keys(schema.additionalProperties.properties).sort()).toEqual(['card', 'champion_stage', 'owners', 'path', 'require_previous_stage', 'stages', 'training_workflow']);
    expect(schema.additionalProperties.additionalProperties).toBe(false);
  });
});
