import { describe, expect, it } from 'vitest';
import { pushedAt } from '../../../bot/github/promotion-check.js';
import { foreignHead, holdingSince, trustedChecks } from '../../../bot/promotion/decide.js';
import type { HeadCheckRun } from '../../../bot/github/promotion-query.js';
import type { ModelIndex, RegistryEvent } from '../../../shared/registry/index.js';

const run = (id: number, startedAt: string, name = 'tollgate/promotion', app = 'tollgate', conclusion = 'success'): HeadCheckRun => ({ id, name, app, status: 'completed', conclusion, startedAt, title: null, summary: null });
const event = (action: string, version: string, created: string, stage: string | null = 'staging') => ({ action, version, stage, created }) as unknown as RegistryEvent;
const history = (...events: RegistryEvent[]) => ({ events }) as unknown as ModelIndex;

describe('integrity helpers', () => {
  it('pushedAt: the newest promotion run of the App on the head, not the first', () => {
    expect(pushedAt([run(1, '2026-01-01T00:00:00Z'), run(3, '2026-01-03T00:00:00Z'), run(2, '2026-01-02T00:00:00Z'), run(4, '2026-01-09T00:00:00Z', 'tollgate/promotion', 'other')], 'tollgate')).toBe('2026-01-03T00:00:00Z');
  });

  it('trustedChecks: with a merge time, runs started after it do not count', () => {
    const runs = [run(1, '2026-01-01T00:00:00Z', 'eval', 'github-actions', 'failure'), run(2, '2026-01-05T00:00:00Z', 'eval', 'github-actions', 'success')];
    expect(trustedChecks(runs, ['eval'], ['github-actions'])).toEqual({ eval: 'success' });
    expect(trustedChecks(runs, ['eval'], ['github-actions'], '2026-01-02T00:00:00Z')).toEqual({ eval: 'failure' });
  });

  it('holdingSince: the unbroken tenure of the current holder, null once rolled out', () => {
    const h = history(
      event('register', 'v1', '2026-01-01T00:00:00Z', null),
      event('register', 'v2', '2026-01-01T00:00:00Z', null),
      event('assign', 'v1', '2026-01-02T00:00:00Z'),
      event('assign', 'v2', '2026-01-03T00:00:00Z'),
      event('assign', 'v2', '2026-01-04T00:00:00Z'), // again, while holding: tenure goes on
      event('assign', 'v1', '2026-01-05T00:00:00Z'), // rollback
      event('assign', 'v2', '2026-01-06T00:00:00Z'),
    );
    expect(holdingSince(h, 'staging', 'v2', '2026-01-04T12:00:00Z')).toBe('2026-01-03T00:00:00Z');
    expect(holdingSince(h, 'staging', 'v2', '2026-01-05T12:00:00Z')).toBeNull();
    expect(holdingSince(h, 'staging', 'v1', '2026-01-05T12:00:00Z')).toBe('2026-01-05T00:00:00Z');
    expect(holdingSince(h, 'staging', 'v2', '2026-02-01T00:00:00Z')).toBe('2026-01-06T00:00:00Z');
    expect(holdingSince(history(...h.events, event('unassign', 'v2', '2026-01-07T00:00:00Z')), 'staging', 'v2', '2026-02-01T00:00:00Z')).toBeNull();
    expect(holdingSince(history(...h.events, event('deregister', 'v2', '2026-01-07T00:00:00Z', null)), 'staging', 'v2', '2026-02-01T00:00:00Z')).toBeNull();
  });

  it('foreignHead: only a head authored and committed by the App and signed by GitHub passes', () => {
    const head = 'f'.repeat(40);
    expect(foreignHead({ author: 'tollgate[bot]', committer: 'tollgate[bot]', verified: true }, 'tollgate[bot]', head)).toBeNull();
    expect(foreignHead({ author: 'alice', committer: 'alice', verified: true }, 'tollgate[bot]', head)).toMatch(/written by alice\)/);
    expect(foreignHead({ author: 'tollgate[bot]', committer: 'alice', verified: true }, 'tollgate[bot]', head)).toMatch(/written by alice\)/);
    expect(foreignHead({ author: null, committer: null, verified: false }, 'tollgate[bot]', head)).toMatch(/an unknown account/);
    expect(foreignHead({ author: 'tollgate[bot]', committer: 'tollgate[bot]', verified: false }, 'tollgate[bot]', head)).toMatch(/not signed by GitHub/);
    expect(foreignHead(null, 'tollgate[bot]', head)).toMatch(/cannot be read/);
  });
});
