import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../shared/config/index.js';

describe('examples/churn/.github/tollgate.yml', () => {
  it('is a valid configuration with two stages and approvers', async () => {
    const { value } = await loadConfig(join(import.meta.dirname, '..', '..', 'examples/churn/.github/tollgate.yml'));
    expect(value.models.churn.stages).toEqual(['staging', 'production']);
    expect(value.models.churn.promotion?.production).toMatchObject({ required: 2, soak: '24h' });
    expect(value.evaluation.columns).toEqual({ id: 'customer_id', label: 'churned', score: 'score' });
  });
});
