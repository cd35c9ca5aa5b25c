import { describe, expect, it } from 'vitest';
import { taggerLogin } from '../../../bot/github/candidate-actors.js';
import { restActor } from '../../../bot/github/promotion-query.js';

describe('actors', () => {
  it('reads a login from a GitHub noreply address, never a bot', () => {
    expect(taggerLogin('12345+alice@users.noreply.github.com')).toBe('alice');
    expect(taggerLogin('alice@users.noreply.github.com')).toBe('alice');
    expect(taggerLogin('41898282+github-actions[bot]@users.noreply.github.com')).toBeNull();
    expect(taggerLogin('alice@example.com')).toBeNull();
  });

  it('names GraphQL actors the way REST does', () => {
    expect(restActor({ __typename: 'Bot', login: 'tollgate' })).toEqual({ login: 'tollgate[bot]', type: 'Bot' });
    expect(restActor({ __typename: 'User', login: 'alice' })).toEqual({ login: 'alice', type: 'User' });
    expect(restActor(null)).toEqual({ login: 'ghost', type: 'User' });
  });
});
