/**
 * Why a command or review did not count. Each refusal carries exactly one
 * reason: the first rule, in the order below, that it broke.
 */

export const REFUSAL_CODES = [
  'not-a-promotion',
  'fork-pull-request',
  'bot',
  'via-app',
  'quoted',
  'edited',
  'review-body',
  'not-collaborator',
  'permission-unknown',
  'read-only',
  'unknown-role',
  'not-admin',
  'force-disabled',
  'pr-author',
  'requested-promotion',
  'trained-candidate',
  'registered-candidate',
  'team-membership-gone',
  'membership-unknown',
  'not-approver',
  'stale-push',
  'stale-commit',
  'stale-holder',
  'stale-candidate',
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** Facts the messages mention. */
export interface RefusalContext {
  role?: string;
  stage?: string;
  app?: string;
  teams?: string[];
  headSha?: string;
  commitId?: string | null;
  holder?: string | null;
}

const short = (sha: string | null | undefined) => (sha ? sha.slice(0, 7) : 'unknown');

/** One sentence a person can act on (plain text: the report escapes it). */
export function describeRefusal(code: RefusalCode, context: RefusalContext = {}): string {
  switch (code) {
    case 'not-a-promotion':
      return 'this pull request was not opened by Tollgate, so nothing in it counts as a promotion approval';
    case 'fork-pull-request':
      return 'this pull request comes from a fork; promotions are only made from the bot\'s own branch';
    case 'bot':
      return 'bot accounts never count';
    case 'via-app':
      return `the comment was made through an app (${context.app ?? 'unknown'}), not by a person`;
    case 'quoted':
      return 'the command is inside a quote; quoted commands are ignored';
    case 'edited':
      return 'the comment was edited after it was posted; post a new comment instead';
    case 'review-body':
      return 'commands in review bodies cannot approve or release (their edits are invisible); use an Approve review or a comment';
    case 'not-collaborator':
      return 'not a collaborator of this repository';
    case 'permission-unknown':
      return 'repository permission could not be determined';
    case 'read-only':
      return `has ${context.role ?? 'read'} access; write, maintain or admin is needed`;
    case 'unknown-role':
      return `has the role '${context.role ?? ''}', which is not write, maintain or admin`;
    case 'not-admin':
      return `--force needs admin permission (has ${context.role ?? 'less'})`;
    case 'force-disabled':
      return `the policy for ${context.stage ?? 'this stage'} does not allow --force`;
    case 'pr-author':
      return 'the author of the promotion cannot approve it';
    case 'requested-promotion':
      return 'requested this promotion with /promote, so cannot approve it';
    case 'trained-candidate':
      return 'trained the candidate version, so cannot approve its promotion';
    case 'registered-candidate':
      return 'registered the candidate version, so cannot approve its promotion';
    case 'team-membership-gone':
      return `no longer a member of ${context.teams?.join(', ') || 'the approving team'}`;
    case 'membership-unknown':
      return `membership of ${context.teams?.join(', ') || 'the approver teams'} could not be determined`;
    case 'not-approver':
      return `not an approver for ${context.stage ?? 'this stage'}`;
    case 'stale-push':
      return 'made before the latest push; approve again';
    case 'stale-commit':
      return `reviewed ${short(context.commitId)}, but the head is now ${short(context.headSha)}; review again`;
    case 'stale-holder':
      return `the stage's holder changed to ${context.holder ?? 'none'} since the evidence was written; approvals restart once the pull request is refreshed`;
    case 'stale-candidate':
      return 'the candidate changed since the pull request was opened';
  }
}
