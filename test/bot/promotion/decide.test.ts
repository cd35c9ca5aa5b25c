import { describe, expect, it } from 'vitest';
import { trustedChecks } from '../../../bot/promotion/decide.js';
import type { HeadCheckRun } from '../../../bot/github/promotion-query.js';

const run = (id: number, app: string, status: string, conclusion: string | null, startedAt: string): HeadCheckRun => ({ id, name: 'tollgate/evaluation', app, status, conclusion, startedAt, title: null, summary: null });

describe('trustedChecks', () => {
  it('takes the newest run of each required check from trusted Apps only', () => {
    const runs = [
      run(1, 'github-actions', 'completed', 'failure', '2024-01-01T00:00:00Z'),
      run(2, 'github-actions', 'completed', 'success', '2024-01-01T00:01:00Z'),
      run(3, 'evil-ci', 'completed', 'failure', '2024-01-01T00:02:00Z'),
    ];
    expect(trustedChecks(runs, ['tollgate/evaluation', 'lint'], ['github-actions'])).toEqual({ 'tollgate/evaluation': 'success' });
    expect(trustedChecks([...runs, run(4, 'github-actions', 'in_progress', null, '2024-01-01T00:03:00Z')], ['tollgate/evaluation'], ['GitHub-Actions'])).toEqual({ 'tollgate/evaluation': null });
    expect(trustedChecks(runs, ['tollgate/evaluation'], ['other'])).toEqual({});
  });
});
