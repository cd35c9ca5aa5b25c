/**
 * Webhook payloads for the bot's tests, adapted from the real examples in
 * `@octokit/webhooks-examples` (api.github.com/index.json, by event name and
 * action). Only what ties a payload to the fake repository is replaced:
 * repository, installation, sender, and the issue/comment/pull request/review
 * objects, which take the fake's REST shapes on top of the example's.
 */
import examples from '@octokit/webhooks-examples';
import { commentJson, issueJson, pullJson, reviewJson, type FakeComment, type FakeGitHub, type FakeRepo, type FakeReview, type FakeUser } from '../../support/fake-github.js';

type Payload = Record<string, unknown> & { repository?: Record<string, unknown> };

const definitions = examples as unknown as Array<{ name: string; examples: Payload[] }>;

/** A deep copy of the first example of `event` whose action matches (or the first one). */
export function example(event: string, action?: string): Payload {
  const list = definitions.find((definition) => definition.name === event)?.examples ?? [];
  const found = list.find((candidate) => action === undefined || candidate.action === action) ?? list[0];
  if (!found) throw new Error(`no example payload for ${event}${action ? `.${action}` : ''}`);
  return structuredClone(found);
}

/** Points the payload at the fake repository and installation 1. */
function place(payload: Payload, repo: FakeRepo, sender: FakeUser): Payload {
  const repository = payload.repository ?? {};
  payload.repository = {
    ...repository,
    id: repo.id,
    name: repo.name,
    full_name: repo.fullName,
    default_branch: repo.defaultBranch,
    owner: { ...(repository.owner as object), login: repo.owner, type: 'Organization' },
  };
  payload.installation = { id: 1, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==' };
  payload.sender = { ...(payload.sender as object), login: sender.login, id: sender.id, type: sender.type };
  return payload;
}

/** `issue_comment.<action>` for `comment` on issue or pull request `number`. */
export function issueCommentPayload(fake: FakeGitHub, repo: FakeRepo, action: 'created' | 'edited' | 'deleted', comment: FakeComment, editor?: FakeUser): Payload {
  const payload = example('issue_comment', action);
  const issue = repo.issues.find((candidate) => candidate.number === comment.issue_number)!;
  const issueShape = issueJson(fake, repo, issue) as Record<string, unknown>;
  payload.issue = { ...(payload.issue as object), ...issueShape, pull_request: issue.pull ? issueShape.pull_request : undefined };
  payload.comment = { ...(payload.comment as object), ...commentJson(fake, repo, comment), performed_via_github_app: comment.performed_via_github_app ?? null };
  if (action === 'edited') payload.changes = { body: { from: '(earlier text)' } };
  return place(payload, repo, editor ?? comment.user);
}

/** `pull_request.<action>` for pull request `number`. */
export function pullRequestPayload(fake: FakeGitHub, repo: FakeRepo, action: string, number: number, sender: FakeUser): Payload {
  const payload = example('pull_request', action);
  const issue = repo.pull(number)!;
  const shape = pullJson(fake, repo, issue) as Record<string, unknown> & { head: object; base: object };
  const original = payload.pull_request as Record<string, unknown> & { head: object; base: object };
  payload.pull_request = { ...original, ...shape, head: { ...original.head, ...shape.head }, base: { ...original.base, ...shape.base } };
  payload.number = number;
  if (action === 'synchronize') payload.before = '0'.repeat(40);
  return place(payload, repo, sender);
}

/** `pull_request_review.<action>` for `review`. */
export function reviewPayload(fake: FakeGitHub, repo: FakeRepo, action: 'submitted' | 'edited' | 'dismissed', review: FakeReview): Payload {
  const payload = example('pull_request_review', action);
  const issue = repo.pull(review.pull_number)!;
  const shape = pullJson(fake, repo, issue) as Record<string, unknown> & { head: object; base: object };
  const original = payload.pull_request as Record<string, unknown> & { head: object; base: object };
  payload.pull_request = { ...original, ...shape, head: { ...original.head, ...shape.head }, base: { ...original.base, ...shape.base } };
  payload.review = { ...(payload.review as object), ...reviewJson(fake, repo, review), state: review.state.toLowerCase() };
  return place(payload, repo, review.user);
}

/** `create` of tag `tag`. */
export function createTagPayload(repo: FakeRepo, tag: string, sender: FakeUser): Payload {
  const payload = example('create');
  Object.assign(payload, { ref: tag, ref_type: 'tag', master_branch: repo.defaultBranch });
  return place(payload, repo, sender);
}

/** `push` of a new tag. */
export function pushTagPayload(repo: FakeRepo, tag: string, sender: FakeUser): Payload {
  const payload = example('push');
  Object.assign(payload, { ref: `refs/tags/${tag}`, created: true, deleted: false, forced: false, base_ref: null, before: '0'.repeat(40), after: repo.refs.get(`refs/tags/${tag}`) ?? '0'.repeat(40) });
  return place(payload, repo, sender);
}

/** `release.published` of the release of `tag`. */
export function releasePayload(repo: FakeRepo, tag: string, sender: FakeUser): Payload {
  const payload = example('release', 'published');
  payload.release = { ...(payload.release as object), tag_name: tag, name: tag };
  return place(payload, repo, sender);
}

/** `check_run.completed` of a run on the head of pull request `number`. */
export function checkRunPayload(repo: FakeRepo, run: { name: string; head_sha: string; conclusion: string; app: { id: number; slug: string } }, number: number, headRef: string, sender: FakeUser): Payload {
  const payload = example('check_run', 'completed');
  const original = payload.check_run as Record<string, unknown>;
  payload.check_run = {
    ...original,
    name: run.name,
    head_sha: run.head_sha,
    status: 'completed',
    conclusion: run.conclusion,
    app: { ...(original.app as object), id: run.app.id, slug: run.app.slug },
    pull_requests: [{ number, head: { ref: headRef, sha: run.head_sha, repo: { id: repo.id, name: repo.name } }, base: { ref: repo.defaultBranch, sha: repo.refs.get(`refs/heads/${repo.defaultBranch}`), repo: { id: repo.id, name: repo.name } } }],
  };
  return place(payload, repo, sender);
}
