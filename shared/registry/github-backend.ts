/**
 * The registry backend for a GitHub repository, for the bot and for actions
 * that run without a checkout.
 *
 * Reads: one model's tags cost one `git/matching-refs` request (the names,
 * filtered by GitHub on the model's prefix) plus one GraphQL request per 100
 * annotated tags of that model (tagger, date, message, commit). Resolving a
 * champion is therefore 2 requests for a model with up to 100 tags, however
 * many tags the repository holds. Reading every tag pages through
 * `refs(refPrefix: "refs/tags/")` 100 at a time.
 *
 * Writes: a tag object (`POST git/tags`), then its ref (`POST git/refs`),
 * which GitHub refuses with 422 "Reference already exists" when the name is
 * taken: that refusal is the compare-and-swap.
 */
import { ConflictError, GitHubApiError, TollgateError } from '../errors/index.js';
import type { GitHubClient } from '../github/client.js';
import type { CreateTagRequest, ListTagsOptions, RegistryBackend } from './backend.js';
import { TAG_REFS_QUERY, tagObjectsQuery, toTagRecord, type GraphQLGitObject, type TagRefsResponse } from './github-graphql.js';
import { modelNameToTag } from './names.js';
import type { TagRecord } from './types.js';

/** Which repository, and how to talk to it. */
export interface GitHubBackendOptions {
  client: GitHubClient;
  owner: string;
  repo: string;
  /** Tag objects per GraphQL request when reading one model (default 100). */
  objectsPerQuery?: number;
  /** Who tags are written as when a write names nobody (default: the github-actions bot). */
  tagger?: { name: string; email: string };
}

/** The identity GitHub shows for `GITHUB_TOKEN` writes. */
export const GITHUB_ACTIONS_TAGGER = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };

/** Unix seconds and a `+HHMM` offset -> ISO 8601 in that offset (what GitHub's tagger.date expects). */
export function formatGitTimestamp(date: number, timezone: string): string {
  const match = /^([+-])(\d{2})(\d{2})$/.exec(timezone);
  if (!match) throw new RangeError(`invalid timezone ${timezone}`);
  const offsetMinutes = (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
  const local = new Date((date + offsetMinutes * 60) * 1000).toISOString().slice(0, 19);
  return offsetMinutes === 0 ? `${local}Z` : `${local}${match[1]}${match[2]}:${match[3]}`;
}

/** Reads `status` and GitHub's `message` off an octokit error, if it is one. */
function describeHttpError(error: unknown): { status: number | undefined; message: string } {
  const candidate = error as { status?: unknown; message?: unknown; response?: { data?: { message?: unknown } } };
  const status = typeof candidate?.status === 'number' ? candidate.status : undefined;
  const apiMessage = candidate?.response?.data?.message;
  const message = typeof apiMessage === 'string' ? apiMessage : typeof candidate?.message === 'string' ? candidate.message : String(error);
  return { status, message };
}

/** Registry storage in a GitHub repository, through the REST and GraphQL APIs. */
export class GitHubBackend implements RegistryBackend {
  readonly description: string;
  private readonly client: GitHubClient;
  private readonly owner: string;
  private readonly repo: string;
  private readonly batch: number;
  private readonly tagger: { name: string; email: string };

  constructor(options: GitHubBackendOptions) {
    this.client = options.client;
    this.owner = options.owner;
    this.repo = options.repo;
    this.batch = Math.max(1, options.objectsPerQuery ?? 100);
    this.tagger = options.tagger ?? GITHUB_ACTIONS_TAGGER;
    this.description = `GitHub repository ${options.owner}/${options.repo}`;
  }

  async listTags(options: ListTagsOptions = {}): Promise<TagRecord[]> {
    return options.model === undefined ? this.listAllTags() : this.listModelTags(options.model);
  }

  async resolveCommit(revision: string): Promise<string> {
    if (/^[0-9a-f]{40}$/i.test(revision)) return revision.toLowerCase();
    try {
      const response = await this.client.rest.repos.getCommit({ owner: this.owner, repo: this.repo, ref: revision, per_page: 1 });
      return response.data.sha;
    } catch (error) {
      const { status } = describeHttpError(error);
      if (status === 404 || status === 422) throw new TollgateError(`'${revision}' is not a commit in ${this.owner}/${this.repo}`);
      throw this.failure(error, `resolving '${revision}'`);
    }
  }

  async defaultTagger(): Promise<{ name: string; email: string }> {
    return this.tagger;
  }

  async createTag(request: CreateTagRequest): Promise<TagRecord> {
    let objectId: string;
    try {
      const tag = await this.client.rest.git.createTag({
        owner: this.owner,
        repo: this.repo,
        tag: request.name,
        message: request.message,
        object: request.commit,
        type: 'commit',
        tagger: { name: request.tagger.name, email: request.tagger.email, date: formatGitTimestamp(request.tagger.date, request.tagger.timezone) },
      });
      objectId = tag.data.sha;
    } catch (error) {
      throw this.failure(error, `creating the tag object for '${request.name}'`);
    }
    try {
      await this.client.rest.git.createRef({ owner: this.owner, repo: this.repo, ref: `refs/tags/${request.name}`, sha: objectId });
    } catch (error) {
      const { status, message } = describeHttpError(error);
      if (status === 422 && /already exists/i.test(message)) {
        throw new ConflictError(`tag '${request.name}' already exists in ${this.owner}/${this.repo} (another writer created it first)`);
      }
      throw this.failure(error, `creating the ref refs/tags/${request.name}`);
    }
    return { name: request.name, annotated: true, objectId, commit: request.commit, tagger: request.tagger, message: request.message };
  }

  private async listModelTags(model: string): Promise<TagRecord[]> {
    const prefix = modelNameToTag(model);
    let refs: Array<{ ref: string; object: { type: string; sha: string } }>;
    try {
      refs = await this.client.paginate(this.client.rest.git.listMatchingRefs, { owner: this.owner, repo: this.repo, ref: `tags/${prefix}` });
    } catch (error) {
      throw this.failure(error, `listing the tags of ${model}`);
    }
    const records: TagRecord[] = [];
    const annotated: Array<{ name: string; oid: string }> = [];
    for (const entry of refs) {
      const name = entry.ref.replace(/^refs\/tags\//, '');
      // The prefix also matches `churn-v2@...`; keep only this model's tags.
      if (!name.startsWith(prefix) || !'@#'.includes(name.charAt(prefix.length))) continue;
      if (entry.object.type === 'tag') annotated.push({ name, oid: entry.object.sha });
      else records.push({ name, annotated: false, commit: entry.object.type === 'commit' ? entry.object.sha : undefined });
    }
    for (let start = 0; start < annotated.length; start += this.batch) {
      const chunk = annotated.slice(start, start + this.batch);
      const objects = await this.fetchTagObjects(chunk.map((entry) => entry.oid));
      chunk.forEach((entry, index) => records.push(toTagRecord(entry.name, objects[index])));
    }
    return records;
  }

  private async fetchTagObjects(oids: string[]): Promise<Array<GraphQLGitObject | null>> {
    const variables: Record<string, string> = { owner: this.owner, name: this.repo };
    oids.forEach((oid, index) => (variables[`o${index}`] = oid));
    let response: { repository: Record<string, GraphQLGitObject | null> | null };
    try {
      response = await this.client.graphql(tagObjectsQuery(oids.length), variables);
    } catch (error) {
      throw this.failure(error, 'reading tag objects (GraphQL)');
    }
    if (!response.repository) throw new GitHubApiError(`repository ${this.owner}/${this.repo} not found, or the token cannot read it`);
    return oids.map((_, index) => response.repository![`t${index}`] ?? null);
  }

  private async listAllTags(): Promise<TagRecord[]> {
    const records: TagRecord[] = [];
    let after: string | null = null;
    do {
      let page: TagRefsResponse;
      try {
        page = await this.client.graphql<TagRefsResponse>(TAG_REFS_QUERY, { owner: this.owner, name: this.repo, after });
      } catch (error) {
        throw this.failure(error, 'listing tags (GraphQL)');
      }
      const refs = page.repository?.refs;
      if (!refs) throw new GitHubApiError(`repository ${this.owner}/${this.repo} not found, or the token cannot read it`);
      for (const node of refs.nodes) records.push(toTagRecord(node.name, node.target));
      after = refs.pageInfo.hasNextPage ? refs.pageInfo.endCursor : null;
    } while (after !== null);
    return records;
  }

  private failure(error: unknown, what: string): GitHubApiError {
    const { status, message } = describeHttpError(error);
    const hint =
      status === 401
        ? ' (the token is missing or invalid)'
        : status === 403
          ? ' (the token needs `contents: write` on this repository)'
          : status === 404
            ? ` (repository ${this.owner}/${this.repo} not found, or the token cannot see it)`
            : '';
    return new GitHubApiError(`${what} in ${this.owner}/${this.repo} failed: ${message}${hint}`, status, { cause: error });
  }
}
