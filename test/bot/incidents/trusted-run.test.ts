import { describe, expect, it } from 'vitest';
import { TRUSTED_RUN_EVENTS, untrustedRunReason } from '../../../bot/incidents/trusted-run.js';

describe('untrustedRunReason', () => {
  const run = (event: string, headRepository: string | null = 'acme/churn') => ({ id: 7, event, headRepository });

  it('trusts runs that a branch of the repository itself started', () => {
    for (const event of ['schedule', 'workflow_dispatch', 'push', 'repository_dispatch', 'workflow_run']) {
      expect(untrustedRunReason(run(event), 'acme', 'churn')).toBeNull();
    }
    expect([...TRUSTED_RUN_EVENTS].sort()).toEqual(['push', 'repository_dispatch', 'schedule', 'workflow_dispatch', 'workflow_run']);
    // Owner and name are case-insensitive on GitHub; a run without head repository (older payloads) is judged by its event.
    expect(untrustedRunReason(run('schedule', 'ACME/Churn'), 'acme', 'churn')).toBeNull();
    expect(untrustedRunReason(run('schedule', null), 'acme', 'churn')).toBeNull();
  });

  it("refuses pull requests' runs, whatever their branch is called", () => {
    for (const event of ['pull_request', 'pull_request_target', 'issue_comment', 'merge_group']) {
      expect(untrustedRunReason(run(event), 'acme', 'churn')).toBe(
        `workflow run 7 was started by a ${event} event, so it ran code that is not on a branch of the repository (drift issues only trust schedule, workflow_dispatch, push, repository_dispatch, workflow_run runs)`,
      );
    }
  });

  it("refuses runs of another repository's code", () => {
    expect(untrustedRunReason(run('push', 'mallory/churn'), 'acme', 'churn')).toBe('workflow run 7 ran code from mallory/churn, not from acme/churn');
  });
});
