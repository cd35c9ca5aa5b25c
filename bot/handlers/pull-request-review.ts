/** `pull_request_review`: an Approve review approves its commit; Request changes holds; a dismissal releases. Recompute. */
import { refreshPromotion } from '../promotion/refresh.js';
import type { EventHandler } from '../router.js';
import { looksLikePromotion } from './promotion-target.js';

interface ReviewPayload {
  pull_request: { number: number; body?: string | null; head: { ref: string } };
}

export const pullRequestReviewHandler: EventHandler = {
  name: 'pull-request-review',
  events: ['pull_request_review.submitted', 'pull_request_review.edited', 'pull_request_review.dismissed'],
  async handle(context, delivery) {
    const pull = (context.payload as unknown as ReviewPayload).pull_request;
    if (!looksLikePromotion(pull.body, pull.head.ref)) return;
    await refreshPromotion(delivery, pull.number, { hintBody: pull.body });
  },
};
