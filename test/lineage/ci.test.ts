import { describe, expect, it } from 'vitest';
import { actionsRunUrl } from '../../shared/lineage/index.js';

describe('actionsRunUrl', () => {
  it('builds the run and attempt URL from the runner environment', () => {
    expect(
      actionsRunUrl({ GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/churn', GITHUB_RUN_ID: '123', GITHUB_RUN_ATTEMPT: '2' }),
    ).toBe('https://github.com/acme/churn/actions/runs/123/attempts/2');
    expect(actionsRunUrl({ GITHUB_SERVER_URL: 'https://ghe.example/', GITHUB_REPOSITORY: 'a/b', GITHUB_RUN_ID: '9' })).toBe('https://ghe.example/a/b/actions/runs/9');
  });

  it('is null outside Actions', () => {
    expect(actionsRunUrl({})).toBeNull();
  });
});
