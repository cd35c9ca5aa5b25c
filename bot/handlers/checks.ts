/**
 * `check_run` / `check_suite` completed: a required check (e.g.
 * `tollgate/evaluation`) may have turned green or red on a promotion's head.
 * The App's own runs are skipped, or every write would trigger another.
 */
import { loginKey } from '../../shared/promotion/index.js';
import { PROMOTION_CHECK_NAME } from '../github/promotion-check.js';
import { BRANCH_PREFIX } from '../promotion/files.js';
import { refreshPromotion } from '../promotion/refresh.js';
import type { EventHandler } from '../router.js';

interface CheckPayload {
  check_run?: { name: string; app?: { slug?: string } | null; pull_requests?: Array<{ number: number; head: { ref: string } }> };
  check_suite?: { app?: { slug?: string } | null; pull_requests?: Array<{ number: number; head: { ref: string } }> };
}

export const checksHandler: EventHandler = {
  name: 'checks',
  events: ['check_run.completed', 'check_suite.completed'],
  async handle(context, delivery) {
    const payload = context.payload as unknown as CheckPayload;
    const source = payload.check_run ?? payload.check_suite;
    if (!source) return;
    if (loginKey(source.app?.slug ?? '') === loginKey(delivery.app.slug) || payload.check_run?.name === PROMOTION_CHECK_NAME) return;
    const numbers = [...new Set((source.pull_requests ?? []).filter((pull) => pull.head.ref.startsWith(BRANCH_PREFIX)).map((pull) => pull.number))];
    // One pull request failing (e.g. a broken candidate file) must not keep the
    // others from being recomputed; the failures are rethrown together at the end.
    const failures: Array<{ number: number; error: unknown }> = [];
    for (const number of numbers) {
      try {
        await refreshPromotion(delivery, number);
      } catch (error) {
        failures.push({ number, error });
        delivery.log.error(`recomputing promotion pull request #${number} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (failures.length === 1) throw failures[0].error;
    if (failures.length > 1) throw new AggregateError(failures.map((failure) => failure.error), `recomputing promotion pull requests ${failures.map((failure) => `#${failure.number}`).join(', ')} failed`);
  },
};
