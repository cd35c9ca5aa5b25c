/**
 * A pull request's comments and reviews in one paginated read of the issue
 * timeline (`GET /repos/{o}/{r}/issues/{n}/timeline`): one request for up to
 * 100 entries where listing comments and reviews separately costs two. Items
 * keep the REST field names the promotion core reads.
 *
 * The comment or review a webhook carries is deliberately not merged in: a
 * redelivered `created` payload of a comment deleted since would otherwise
 * bring a withdrawn approval back. The timeline read is the only truth.
 */
import type { TimelineComment, TimelineReview } from '../../shared/promotion/index.js';
import { toGitHubApiError } from '../../shared/github/failure.js';
import type { Delivery } from '../delivery.js';

/** The comments and reviews of one pull request. */
export interface Timeline {
  comments: TimelineComment[];
  reviews: TimelineReview[];
}

interface TimelineItem {
  event?: string;
  id?: number;
  user?: TimelineComment['user'];
  body?: string | null;
  created_at?: string;
  updated_at?: string;
  html_url?: string;
  performed_via_github_app?: TimelineComment['performed_via_github_app'];
  state?: string;
  commit_id?: string | null;
  submitted_at?: string | null;
}

/** Splits timeline items into comments and reviews (review states upper-cased, as `pulls.listReviews` has them). */
export function splitTimeline(items: readonly TimelineItem[]): Timeline {
  const comments: TimelineComment[] = [];
  const reviews: TimelineReview[] = [];
  for (const item of items) {
    if (item.event === 'commented' && typeof item.id === 'number' && item.created_at && item.updated_at) {
      comments.push({
        id: item.id,
        user: item.user ?? null,
        performed_via_github_app: item.performed_via_github_app ?? null,
        body: item.body ?? '',
        created_at: item.created_at,
        updated_at: item.updated_at,
        html_url: item.html_url ?? '',
      });
    } else if (item.event === 'reviewed' && typeof item.id === 'number') {
      reviews.push({
        id: item.id,
        user: item.user ?? null,
        state: String(item.state ?? '').toUpperCase(),
        commit_id: item.commit_id ?? null,
        submitted_at: item.submitted_at ?? null,
        body: item.body ?? '',
        html_url: item.html_url ?? '',
      });
    }
  }
  return { comments, reviews };
}

/** Reads the whole timeline of issue or pull request `number`, once per delivery. */
export function fetchTimeline(delivery: Delivery, number: number): Promise<Timeline> {
  return delivery.memo(`timeline:${number}`, async () => {
    const { client, owner, repo } = delivery;
    try {
      const items = (await client.paginate(client.rest.issues.listEventsForTimeline, { owner, repo, issue_number: number, per_page: 100 })) as TimelineItem[];
      return splitTimeline(items);
    } catch (error) {
      toGitHubApiError(error, `reading the timeline of ${owner}/${repo}#${number}`, 'pull-requests: read');
    }
  });
}
