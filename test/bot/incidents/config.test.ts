import { describe, expect, it } from 'vitest';
import { assignableOwners, defaultStage, modelOf, parseIncidentSettings, trainingWorkflows } from '../../../bot/incidents/config.js';

const TEXT = `models:
  churn:
    stages: [staging, production]
    owners: [alice, '@bob', '@acme/ml']
    training_workflow: train.yml
    promotion:
      production: {approvers: [alice], required: 1}
  fraud:
    path: models/fraud
    stages: [staging, canary]
drift:
  fail_on: warn
incidents:
  open_after: 3 of 5
  reopen_within: 14d
`;

describe('the configuration drift issues read', () => {
  it('reads models and the incidents section, leaving other sections to their readers', () => {
    const settings = parseIncidentSettings(TEXT);
    expect(settings.error).toBeNull();
    expect([...settings.models.keys()]).toEqual(['churn', 'models/fraud:fraud']);
    expect(settings.incidents).toMatchObject({ open_after: { alerts: 3, window: 5 }, close_after: 3, reopen_within: '14d' });
    expect(assignableOwners(settings, 'churn')).toEqual(['alice', 'bob']);
    expect(defaultStage(settings, 'churn')).toBe('production');
    expect(defaultStage(settings, 'fraud')).toBe('canary');
    expect(defaultStage(settings, 'unknown')).toBe('production');
    expect(modelOf(settings, 'fraud')?.path).toBe('models/fraud');
    expect(trainingWorkflows(settings)).toEqual({ churn: 'train.yml', 'models/fraud:fraud': undefined });
  });

  it('uses the defaults without a file, and says why with a broken one', () => {
    expect(parseIncidentSettings(null)).toMatchObject({ error: null, incidents: { open_after: { alerts: 2, window: 3 } } });
    const broken = parseIncidentSettings('models:\n  churn:\n    stages: [production]\nincidents:\n  close_after: never\n');
    expect(broken.error).toBe('.github/tollgate.yml:5:16: incidents.close_after: expected number, got \'never\'');
    expect(broken.models.size).toBe(0);
  });
});
