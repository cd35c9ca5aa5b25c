export { PROMOTION_HANDLERS } from './defaults.js';
export { issueCommentHandler } from './issue-comment.js';
export { pullRequestHandler } from './pull-request.js';
export { pullRequestReviewHandler } from './pull-request-review.js';
export { checksHandler } from './checks.js';
export { registrationHandler, registeredTag } from './registration.js';
export { looksLikePromotion } from './promotion-target.js';
