/**
 * The event handlers of the promotion app. A feature that handles more
 * events (drift issues: `workflow_run`, its own `issue_comment` commands, a
 * scheduled reconciler) passes its handlers to `createTollgateApp` next to
 * these; each handler owns one job.
 */
import type { EventHandler } from '../router.js';
import { checksHandler } from './checks.js';
import { issueCommentHandler } from './issue-comment.js';
import { pullRequestHandler } from './pull-request.js';
import { pullRequestReviewHandler } from './pull-request-review.js';
import { registrationHandler } from './registration.js';

export const PROMOTION_HANDLERS: readonly EventHandler[] = [registrationHandler, issueCommentHandler, pullRequestReviewHandler, pullRequestHandler, checksHandler];
