/**
 * The `tollgate/promotion` check run on the promotion pull request's head:
 * green only when the policy is met, so branch protection can require it.
 * Created by the App (a status anyone with write access could overwrite is
 * not enough). Every push (`synchronize`) starts a new run on the head, so
 * the newest run on a commit marks when that commit was last pushed: comment
 * approvals older than that are stale, even when a force-push brings back a
 * commit that was the head before.
 */
import { PROMOTION_CHECK_NAME } from '../../shared/config/promotion.js';
import { createCheckRun, updateCheckRun, type CheckConclusion } from '../../shared/github/check-run.js';
import type { Delivery } from '../delivery.js';
import type { HeadCheckRun } from './promotion-query.js';

export { PROMOTION_CHECK_NAME };

/** What the check run says. */
export interface PromotionCheckOutput {
  conclusion: CheckConclusion;
  title: string;
  summary: string;
}

/** The App's own promotion check runs on the head, oldest first. */
export function ownPromotionRuns(runs: readonly HeadCheckRun[], appSlug: string): HeadCheckRun[] {
  return runs
    .filter((run) => run.name === PROMOTION_CHECK_NAME && run.app.toLowerCase() === appSlug.toLowerCase())
    .sort((a, b) => (a.startedAt ?? '').localeCompare(b.startedAt ?? '') || a.id - b.id);
}

/** When the head commit was last pushed, as far as the App knows: the start of its newest promotion check run on it. */
export function pushedAt(runs: readonly HeadCheckRun[], appSlug: string): string | null {
  return ownPromotionRuns(runs, appSlug).at(-1)?.startedAt ?? null;
}

/** Creates the check run, or updates the newest one when what it says changed. */
export async function writePromotionCheck(
  delivery: Delivery,
  headSha: string,
  runs: readonly HeadCheckRun[],
  output: PromotionCheckOutput,
  detailsUrl: string | undefined,
): Promise<'created' | 'updated' | 'unchanged'> {
  const own = ownPromotionRuns(runs, delivery.app.slug);
  const latest = own.at(-1);
  const { owner, repo, client } = delivery;
  const body = { title: output.title, summary: output.summary };
  if (latest) {
    if (latest.status === 'completed' && latest.conclusion === output.conclusion && latest.title === output.title && latest.summary === output.summary) return 'unchanged';
    await updateCheckRun(client, { owner, repo, checkRunId: latest.id, conclusion: output.conclusion, output: body, ...(detailsUrl && { detailsUrl }) });
    return 'updated';
  }
  await createCheckRun(client, { owner, repo, headSha, name: PROMOTION_CHECK_NAME, conclusion: output.conclusion, output: body, ...(detailsUrl && { detailsUrl }) });
  return 'created';
}

/**
 * Marks a freshly pushed head: a new check run that records the push time, before anything else
 * is known. Always a new one, even when the commit has runs already (a force-push back to an
 * earlier head is a new push: approvals made before it are stale). A redelivered `synchronize`
 * marks again, which only ever makes approvals stale (never revives one).
 */
export async function markPush(delivery: Delivery, headSha: string, detailsUrl?: string): Promise<void> {
  const { owner, repo, client } = delivery;
  await createCheckRun(client, {
    owner,
    repo,
    headSha,
    name: PROMOTION_CHECK_NAME,
    conclusion: 'action_required',
    output: { title: 'Deciding', summary: 'A new commit was pushed; the promotion is being recomputed.' },
    ...(detailsUrl && { detailsUrl }),
  });
}
