/**
 * Who trained and who registered a version, for separation of duties: the
 * pull request that produced it (named by the registration tag's
 * `Tollgate-PR` trailer, else found from its commit) — its author trained
 * it, whoever merged it registered it. A version trained without a pull
 * request (`workflow_dispatch`, a direct push) has none, so the training run
 * the registration names (`Tollgate-Run`) is read too: its `actor` and
 * `triggering_actor` trained it. Kept across deliveries once the pull
 * request is merged or closed (those facts are then final). The decision's
 * query already lists the pull requests containing the candidate's commit,
 * so usually no request is needed at all.
 */
import { statusOf } from '../../shared/github/failure.js';
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
  /**
   * The people (not bots) behind the training run the registration names
   * (`Tollgate-Run`): the run's `actor` and `triggering_actor`.
   */
  runActors?: string[];
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

/** `{ owner, repo, id }` of a workflow run URL (`https://github.com/o/r/actions/runs/123[/attempts/2]`); null for anything else. */
export function runOfUrl(url: string | null | undefined): { owner: string; repo: string; id: number } | null {
  const match = /^https?:\/\/[^/]+\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)(?:[/?#].*)?$/.exec(url ?? '');
  return match ? { owner: match[1], repo: match[2], id: Number(match[3]) } : null;
}

interface RunData {
  actor?: { login: string; type?: string } | null;
  triggering_actor?: { login: string; type?: string } | null;
}

/**
 * The people behind the training run named by the registration: `[]` when it
 * names none (or a run of another repository, which the App cannot read),
 * undefined when GitHub could not say (asked again next time).
 */
async function runActors(delivery: Delivery, version: VersionIndex): Promise<string[] | undefined> {
  const run = runOfUrl(version.origin.metadata.runUrl);
  const { client, owner, repo } = delivery;
  if (!run || run.owner.toLowerCase() !== owner.toLowerCase() || run.repo.toLowerCase() !== repo.toLowerCase()) return [];
  try {
    const { data } = await client.rest.actions.getWorkflowRun({ owner, repo, run_id: run.id });
    const { actor, triggering_actor: triggeringActor } = data as RunData;
    return [...new Set([human(triggeringActor), human(actor)].filter((login): login is string => login !== null))];
  } catch (error) {
    // 404: the run was deleted (or its logs expired with it); nothing more to learn.
    if (statusOf(error) === 404) return [];
    delivery.log.warn(`could not read the training run of ${version.origin.tag}: ${(error as Error).message}`);
    return undefined;
  }
}

/**
 * Fills the two separation-of-duties slots: the pull request's author and
 * merger come first; the training run's people take the slots left empty
 * (the trainer's first, then the registrar's, which the run did: it made the
 * registration tag). `runActors` lists them all.
 */
function withRunActors(actors: CandidateActors, people: readonly string[]): CandidateActors {
  const taken = new Set([actors.trainedBy, actors.registeredBy].filter((login): login is string => login !== null).map((login) => login.toLowerCase()));
  const free = people.filter((login) => !taken.has(login.toLowerCase()));
  let { trainedBy, registeredBy } = actors;
  if (trainedBy === null) trainedBy = free.shift() ?? null;
  if (registeredBy === null) registeredBy = free.shift() ?? null;
  return { ...actors, trainedBy, registeredBy, runActors: [...people] };
}

/** The trainer and registrar of `version` (a registered version of the model). */
export async function candidateActors(delivery: Delivery, version: VersionIndex, associated: readonly AssociatedPull[] | null = null): Promise<CandidateActors> {
  const key = `actors:${delivery.owner}/${delivery.repo}:${version.origin.tag}:${version.commit}`;
  const known = delivery.lasting.get<CandidateActors>(key);
  if (known) return known;
  return delivery.memo(key, async () => {
    const [pull, people] = await Promise.all([sourcePull(delivery, version, associated), runActors(delivery, version)]);
    const actors = withRunActors(
      {
        trainedBy: human(pull?.user),
        registeredBy: human(pull?.merged_by) ?? taggerLogin(version.origin.authorEmail),
        sourcePullRequest: pull?.number ?? null,
      },
      people ?? [],
    );
    // A lookup that failed is asked again next time; a settled answer is final.
    if ((pull === null || pull?.state === 'closed') && people !== undefined) delivery.lasting.set(key, actors);
    return actors;
  });
}
