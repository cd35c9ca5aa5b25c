/**
 * Which pull requests are promotions, judged from the webhook payload alone
 * (no request): a body carrying the promotion marker, or a head branch named
 * like the bot's. Everything else is somebody else's pull request, and the
 * bot stays out of it.
 */
import { BRANCH_PREFIX } from '../promotion/files.js';

const MARKER_PREFIX = '<!-- tollgate:promotion-marker ';

/** True when a pull request may be a promotion and must be decided. */
export function looksLikePromotion(body: string | null | undefined, headRef?: string | null): boolean {
  return (body ?? '').includes(MARKER_PREFIX) || (headRef ?? '').startsWith(BRANCH_PREFIX);
}
