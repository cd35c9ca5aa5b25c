/**
 * Everything a promotion decision reads besides the timeline and people's
 * permissions, in one GraphQL request: the pull request, its head commit's
 * check runs and candidate file, the policy file on the default branch (with
 * its blob SHA, for the audit), and the model's registry tags.
 *
 * The model and stage (which candidate file, which tags) come from a hint:
 * the marker in the webhook's copy of the body. When the fresh body names
 * another model or stage, the caller asks again with the fresh marker.
 */
import { GitHubApiError } from '../../shared/errors/index.js';
import { toGitHubApiError } from '../../shared/github/failure.js';
import { toTagRecord, type GraphQLGitObject } from '../../shared/registry/github-graphql.js';
import type { TagRecord } from '../../shared/registry/index.js';
import type { Actor } from '../../shared/promotion/index.js';
import type { Delivery } from '../delivery.js';

export const PROMOTION_QUERY = `query TollgatePromotion($owner: String!, $name: String!, $number: Int!, $configPath: String!, $candidatePath: String!, $tagQuery: String!, $candidateCommit: GitObjectID!) {
  repository(owner: $owner, name: $name) {
    nameWithOwner
    candidate: object(oid: $candidateCommit) {
      ... on Commit {
        associatedPullRequests(first: 10) {
          nodes { number state merged author { __typename login } mergedBy { __typename login } }
        }
      }
    }
    defaultBranchRef {
      name
      target { oid ... on Commit { file(path: $configPath) { oid object { ... on Blob { text isTruncated } } } } }
    }
    pullRequest(number: $number) {
      number url state merged mergedAt closedAt createdAt body headRefName headRefOid
      author { __typename login }
      headRepository { nameWithOwner }
      baseRepository { nameWithOwner }
      commits(last: 1) {
        nodes {
          commit {
            oid
            file(path: $candidatePath) { oid object { ... on Blob { text isTruncated } } }
            checkSuites(first: 50) {
              nodes {
                app { databaseId slug }
                checkRuns(first: 100) { nodes { databaseId name status conclusion startedAt title summary } }
              }
            }
          }
        }
      }
    }
    refs(refPrefix: "refs/tags/", query: $tagQuery, first: 100) {
      pageInfo { hasNextPage endCursor }
      nodes { name target { __typename oid ... on Tag { message tagger { name email date } target { __typename oid } } } }
    }
  }
}`;

interface GraphQLFile {
  oid: string;
  object: { text?: string | null; isTruncated?: boolean } | null;
}

interface GraphQLCheckRun {
  databaseId: number;
  name: string;
  status: string;
  conclusion: string | null;
  startedAt: string | null;
  title: string | null;
  summary: string | null;
}

interface GraphQLAssociatedPull {
  number: number;
  state: string;
  merged: boolean;
  author: { __typename: string; login: string } | null;
  mergedBy: { __typename: string; login: string } | null;
}

interface PromotionQueryResponse {
  repository: {
    nameWithOwner: string;
    candidate: { associatedPullRequests?: { nodes: GraphQLAssociatedPull[] } } | null;
    defaultBranchRef: { name: string; target: { oid: string; file?: GraphQLFile | null } } | null;
    pullRequest: {
      number: number;
      url: string;
      state: 'OPEN' | 'CLOSED' | 'MERGED';
      merged: boolean;
      mergedAt: string | null;
      closedAt: string | null;
      createdAt: string;
      body: string;
      headRefName: string;
      headRefOid: string;
      author: { __typename: string; login: string } | null;
      headRepository: { nameWithOwner: string } | null;
      baseRepository: { nameWithOwner: string } | null;
      commits: { nodes: Array<{ commit: { oid: string; file?: GraphQLFile | null; checkSuites: { nodes: Array<{ app: { databaseId: number; slug: string } | null; checkRuns: { nodes: GraphQLCheckRun[] } }> } } }> };
    } | null;
    refs: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<{ name: string; target: GraphQLGitObject | null }> };
  } | null;
}

/** A check run on the head commit, REST-style (lower-case status and conclusion). */
export interface HeadCheckRun {
  id: number;
  name: string;
  /** The App's slug. */
  app: string;
  status: string;
  conclusion: string | null;
  startedAt: string | null;
  title: string | null;
  summary: string | null;
}

/** A file read through GraphQL: null when absent or unreadable. */
export interface FetchedFile {
  sha: string;
  text: string;
}

/** A pull request that contains the candidate's commit (REST-style actors). */
export interface AssociatedPull {
  number: number;
  state: 'open' | 'closed';
  merged: boolean;
  author: Actor | null;
  mergedBy: Actor | null;
}

/** What the query returns, in the shapes the bot works with. */
export interface PromotionFacts {
  repository: string;
  /** Pull requests containing the hinted candidate commit (who trained and merged it); null when the commit is unknown. */
  candidatePulls: AssociatedPull[] | null;
  defaultBranch: string;
  /** `.github/tollgate.yml` on the default branch; null when the file does not exist. */
  config: FetchedFile | null;
  pullRequest: {
    number: number;
    url: string;
    state: 'open' | 'closed';
    merged: boolean;
    mergedAt: string | null;
    closedAt: string | null;
    createdAt: string;
    body: string;
    headRef: string;
    headSha: string;
    author: Actor;
    headRepo: string;
    baseRepo: string;
  };
  /** The head commit as the commit list sees it; differs from `headSha` only while a push is landing. */
  headCommit: string | null;
  /** The candidate file in the head commit; null when it is not there. */
  candidateFile: FetchedFile | null;
  checkRuns: HeadCheckRun[];
  /** The model's tags (the query's matches, filtered later by the registry's own prefix rule). */
  tags: TagRecord[];
  /** More than one page of tags matched: the caller must read them all another way. */
  tagsTruncated: boolean;
}

/** Where to look for the model-specific parts. */
export interface PromotionQueryHint {
  configPath: string;
  candidatePath: string;
  /** A substring every tag of the model contains (its tag prefix). */
  tagQuery: string;
  /** The candidate's commit, as the marker names it. */
  candidateCommit: string;
}

/** GraphQL shows an App's bot as `tollgate`; REST (and everything Tollgate compares) as `tollgate[bot]`. */
export function restActor(author: { __typename: string; login: string } | null): Actor {
  if (!author) return { login: 'ghost', type: 'User' };
  const type = author.__typename === 'Bot' ? 'Bot' : author.__typename === 'User' ? 'User' : author.__typename;
  const login = type === 'Bot' && !author.login.endsWith('[bot]') ? `${author.login}[bot]` : author.login;
  return { login, type };
}

function fileOf(file: GraphQLFile | null | undefined): FetchedFile | null {
  if (!file?.object || typeof file.object.text !== 'string' || file.object.isTruncated) return null;
  return { sha: file.oid, text: file.object.text };
}

/** Runs the query for pull request `number` (once per delivery and hint). */
export function fetchPromotionFacts(delivery: Delivery, number: number, hint: PromotionQueryHint): Promise<PromotionFacts> {
  const key = `promotion-facts:${number}:${hint.candidatePath}:${hint.tagQuery}`;
  return delivery.memo(key, async () => {
    const { client, owner, repo } = delivery;
    let response: PromotionQueryResponse;
    try {
      response = await client.graphql<PromotionQueryResponse>(PROMOTION_QUERY, { owner, name: repo, number, ...hint });
    } catch (error) {
      const partial = (error as { data?: PromotionQueryResponse }).data;
      if (!partial?.repository?.pullRequest) {
        if (typeof (error as { status?: unknown }).status === 'number') toGitHubApiError(error, `reading pull request ${owner}/${repo}#${number}`, 'pull-requests: read');
        throw new GitHubApiError(`reading pull request ${owner}/${repo}#${number} failed: ${(error as Error).message}`);
      }
      response = partial;
    }
    const repository = response.repository;
    const pull = repository?.pullRequest;
    if (!repository || !pull) throw new GitHubApiError(`pull request ${owner}/${repo}#${number} not found, or the App cannot read it`, 404);
    const head = pull.commits.nodes.at(-1)?.commit ?? null;
    const checkRuns: HeadCheckRun[] = [];
    for (const suite of head?.checkSuites.nodes ?? []) {
      for (const run of suite.checkRuns.nodes) {
        checkRuns.push({
          id: run.databaseId,
          name: run.name,
          app: suite.app?.slug ?? '',
          status: run.status.toLowerCase(),
          conclusion: run.conclusion === null ? null : run.conclusion.toLowerCase(),
          startedAt: run.startedAt,
          title: run.title,
          summary: run.summary,
        });
      }
    }
    const associated = repository.candidate?.associatedPullRequests?.nodes;
    return {
      repository: repository.nameWithOwner,
      candidatePulls: associated
        ? associated.map((node) => ({
          number: node.number,
          state: node.state === 'OPEN' ? 'open' : 'closed',
          merged: node.merged,
          author: node.author ? restActor(node.author) : null,
          mergedBy: node.mergedBy ? restActor(node.mergedBy) : null,
        }))
        : null,
      defaultBranch: repository.defaultBranchRef?.name ?? 'main',
      config: fileOf(repository.defaultBranchRef?.target.file),
      pullRequest: {
        number: pull.number,
        url: pull.url,
        state: pull.state === 'OPEN' ? 'open' : 'closed',
        merged: pull.merged,
        mergedAt: pull.mergedAt,
        closedAt: pull.closedAt,
        createdAt: pull.createdAt,
        body: pull.body ?? '',
        headRef: pull.headRefName,
        headSha: pull.headRefOid,
        author: restActor(pull.author),
        headRepo: pull.headRepository?.nameWithOwner ?? '(deleted fork)',
        baseRepo: pull.baseRepository?.nameWithOwner ?? repository.nameWithOwner,
      },
      headCommit: head?.oid ?? null,
      candidateFile: head && head.oid === pull.headRefOid ? fileOf(head.file) : null,
      checkRuns,
      tags: repository.refs.nodes.map((node) => toTagRecord(node.name, node.target)),
      tagsTruncated: repository.refs.pageInfo.hasNextPage,
    };
  });
}
