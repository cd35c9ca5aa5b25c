/**
 * `pull_request` on a promotion: a push (`synchronize`) is recorded first —
 * the check run it creates marks when the new head arrived, which makes
 * older comment approvals stale — then the promotion is recomputed. An
 * edited body is recomputed too (a marker that no longer matches the
 * committed candidate blocks it), and a merge runs the promotion itself.
 */
import { markPush } from '../github/promotion-check.js';
import { fetchPromotionFacts } from '../github/promotion-query.js';
import { queryHint, parseMarker } from '../promotion/decide.js';
import { refreshPromotion } from '../promotion/refresh.js';
import type { EventHandler } from '../router.js';
import { looksLikePromotion } from './promotion-target.js';

interface PullPayload {
  action: string;
  number: number;
  pull_request: { number: number; body?: string | null; html_url: string; state: string; head: { ref: string; sha: string } };
}

export const pullRequestHandler: EventHandler = {
  name: 'pull-request',
  events: ['pull_request.opened', 'pull_request.reopened', 'pull_request.edited', 'pull_request.synchronize', 'pull_request.closed'],
  async handle(context, delivery) {
    const payload = context.payload as unknown as PullPayload;
    const pull = payload.pull_request;
    if (!looksLikePromotion(pull.body, pull.head.ref)) return;
    if (payload.action === 'synchronize') {
      const marker = parseMarker(pull.body).marker;
      const facts = await fetchPromotionFacts(delivery, pull.number, queryHint(marker));
      if (facts.pullRequest.state === 'open') {
        await markPush(delivery, facts.pullRequest.headSha, pull.html_url);
        delivery.forget(`promotion-facts:${pull.number}:`);
      }
    }
    await refreshPromotion(delivery, pull.number, { hintBody: pull.body });
  },
};
