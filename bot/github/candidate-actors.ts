/**
 * Who trained and who registered a version, for separation of duties: the
 * pull request that produced it (named by the registration tag's
 * `Tollgate-PR` trailer, else found from its commit) — its author trained
 * it, whoever merged it registered it. Kept across deliveries once the pull
 * request is merged or closed (those facts are then final). The decision's
 * query already lists the pull requests containing the candidate's commit,
 * so usually no request is needed at all.
 */
import { isBotActor } from '../../shared/promotion/index.js';
import type { VersionIndex } from '../../shared/registry/index.js';
import type { Delivery } from '../delivery.js';
import type { AssociatedPull } from './promotion-query.js';

/** The people a candidate's approvals may not come from. */
export interface CandidateActors {
  trainedBy: string | null;
  registeredBy: string | null;
  /** The pull request that produced the version, when one was found. */
  sourcePullRequest: number | null;
}

interface PullData {
  number: number;
  state: string;
  user: { login: string; type?: string } | null;
  merged_by?: { login: string; type?: string } | null;
  merged_at?: string | null;
}

const human = (actor: { login: string; type?: string } | null | undefined): string | null =>
  actor && !isBotActor({ login: actor.login, type: actor.type ?? 'User' }) ? actor.login : null;

/** The pull request behind a version; null when there is none, undefined when GitHub could not say. */
async function sourcePull(delivery: Delivery, version: VersionIndex, associated: readonly AssociatedPull[] | null): Promise<PullData | null | undefined> {
  const { client, owner, repo } = delivery;
  const number = version.origin.metadata.pullRequest;
  // Already read with the decision's query: the pull requests containing the candidate's commit.
  if (associated) {
    const pick = number !== undefined ? associated.find((pull) => pull.number === number) : (associated.find((pull) => pull.merged) ?? associated[0]);
    if (pick) {
      return { number: pick.number, state: pick.state, user: pick.author, merged_by: pick.mergedBy, merged_at: pick.merged ? 'merged' : null };
    }
    if (number === undefined) return null;
  }
  try {
    if (number !== undefined) return (await client.rest.pulls.get({ owner, repo, pull_number: number })).data as PullData;
    const { data } = await client.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: version.commit, per_page: 10 });
    const pulls = data as PullData[];
    return pulls.find((pull) => pull.merged_at) ?? pulls[0] ?? null;
  } catch (error) {
    delivery.log.warn(`could not find the pull request behind ${version.origin.tag}: ${(error as Error).message}`);
    return undefined;
  }
}

/** The login in a GitHub noreply address (`12345+alice@users.noreply.github.com`); null for bots and other addresses. */
export function taggerLogin(email: string): string | null {
  const login = /^(?:\d+\+)?([A-Za-z0-9-]+)@users\.noreply\.github\.com$/.exec(email)?.[1];
  return login ?? null;
}

/** The trainer and registrar of `version` (a registered version of the model). */
export async function candidateActors(delivery: Delivery, version: VersionIndex, associated: readonly AssociatedPull[] | null = null): Promise<CandidateActors> {
  const key = `actors:${delivery.owner}/${delivery.repo}:${version.origin.tag}:${version.commit}`;
  const known = delivery.lasting.get<CandidateActors>(key);
  if (known) return known;
  return delivery.memo(key, async () => {
    const pull = await sourcePull(delivery, version, associated);
    const actors: CandidateActors = {
      trainedBy: human(pull?.user),
      registeredBy: human(pull?.merged_by) ?? taggerLogin(version.origin.authorEmail),
      sourcePullRequest: pull?.number ?? null,
    };
    // A lookup that failed is asked again next time; a settled answer is final.
    if (pull === null || pull?.state === 'closed') delivery.lasting.set(key, actors);
    return actors;
  });
}
