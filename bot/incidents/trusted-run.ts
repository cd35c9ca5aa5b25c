/**
 * Which workflow runs may speak for what is deployed. A pull request's runs
 * execute the pull request's code, a fork's included, and a fork's branch may
 * be called `main`: such a run could upload any drift report it likes. So the
 * bot only believes runs that a branch of the repository itself started.
 */
import type { DriftRun } from './runs.js';

/** Events whose runs execute workflow code already on a branch of the repository. */
export const TRUSTED_RUN_EVENTS: ReadonlySet<string> = new Set(['schedule', 'workflow_dispatch', 'push', 'repository_dispatch', 'workflow_run']);

/**
 * Why `run` cannot be trusted to report on `owner/repo`'s deployed model, or
 * null when it can: it must have been started by one of
 * {@link TRUSTED_RUN_EVENTS}, and its code must come from the repository itself.
 */
export function untrustedRunReason(run: Pick<DriftRun, 'id' | 'event' | 'headRepository'>, owner: string, repo: string): string | null {
  if (!TRUSTED_RUN_EVENTS.has(run.event)) {
    return `workflow run ${run.id} was started by a ${run.event} event, so it ran code that is not on a branch of the repository (drift issues only trust ${[...TRUSTED_RUN_EVENTS].join(', ')} runs)`;
  }
  const own = `${owner}/${repo}`;
  if (run.headRepository !== null && run.headRepository.toLowerCase() !== own.toLowerCase()) {
    return `workflow run ${run.id} ran code from ${run.headRepository}, not from ${own}`;
  }
  return null;
}
