import { describe, expect, it } from 'vitest';
import { splitTimeline } from '../../../bot/github/timeline.js';

describe('splitTimeline', () => {
  it('keeps comments and reviews in the REST shapes the core reads, and nothing else', () => {
    const user = { login: 'alice', type: 'User' };
    const timeline = splitTimeline([
      { event: 'committed' },
      { event: 'commented', id: 1, user, body: '/approve', created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z', html_url: 'u1', performed_via_github_app: { slug: 'x' } },
      { event: 'reviewed', id: 2, user, body: '', state: 'changes_requested', commit_id: 'abc', submitted_at: '2024-01-01T00:00:01Z', html_url: 'u2' },
      { event: 'labeled', id: 3 },
    ]);
    expect(timeline.comments).toEqual([{ id: 1, user, performed_via_github_app: { slug: 'x' }, body: '/approve', created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z', html_url: 'u1' }]);
    expect(timeline.reviews).toEqual([{ id: 2, user, state: 'CHANGES_REQUESTED', commit_id: 'abc', submitted_at: '2024-01-01T00:00:01Z', body: '', html_url: 'u2' }]);
  });
});
