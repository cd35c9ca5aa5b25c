/**
 * THE local fake of the GitHub API that every test layer shares (registry
 * backend, bundled actions, the bot). A `node:http` server on 127.0.0.1 with
 * a random port, in-memory repositories, and a log of every request so tests
 * can count them.
 *
 * Commits carry trees (`FakeRepo.trees`), so the Git Data API (blobs, trees,
 * commits, refs), contents at a commit, pull request merges and the bot's
 * GraphQL query see real file contents; moving a branch moves its open pull
 * requests' heads, as on GitHub.
 *
 * Extending it: add a line to `ROUTES` (REST) or `GRAPHQL` (GraphQL, by
 * operation name) and, when needed, a field to `FakeRepo`. Tests can also
 * override or add routes at runtime with `fake.route(...)`, and inject one-off
 * failures with `fake.failNext(...)`.
 *
 *     const fake = await FakeGitHub.start();
 *     const repo = fake.repo('acme/churn');
 *     const sha = repo.addCommit('initial');
 *     const client = createGitHubClient({ baseUrl: fake.url, token: 'test', retries: 0 });
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// ---------------------------------------------------------------------------
// State

/** A GitHub user as the API shows it. */
export interface FakeUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

export interface FakeCommit {
  sha: string;
  message: string;
  parents: string[];
  date: string;
  /** The commit's tree (`FakeRepo.trees`): the files as of this commit. */
  tree?: string;
}

/** A file in a tree: its bytes and git blob sha. */
export interface FakeFile {
  content: Buffer;
  sha: string;
}

/** The App a check run or comment came from. */
export interface FakeApp {
  id: number;
  slug: string;
}

export interface FakeReaction {
  id: number;
  /** `comment` for issue comments, `issue` for issues and pull requests. */
  subject: 'comment' | 'issue';
  subjectId: number;
  content: string;
  user: FakeUser;
  created_at: string;
}

export interface FakeTagObject {
  sha: string;
  tag: string;
  message: string;
  tagger: { name: string; email: string; date: string };
  object: { sha: string; type: 'commit' | 'tag' };
  /** The exact object bytes (`git cat-file -p` output) the sha was computed from. */
  raw: string;
}

export interface FakeAsset {
  id: number;
  releaseId: number;
  name: string;
  label: string | null;
  contentType: string;
  data: Buffer;
  createdAt: string;
}

export interface FakeRelease {
  id: number;
  tag_name: string;
  target_commitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  make_latest: string | undefined;
  created_at: string;
  author: FakeUser;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
  assignees: string[];
  user: FakeUser;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  /** Set for pull requests (which are issues too). */
  pull?: {
    head: string;
    base: string;
    head_sha: string;
    draft: boolean;
    merged: boolean;
    /** The base branch's commit when the pull request was opened (the merge base for `merge`). */
    base_sha?: string;
    merged_at?: string | null;
    merge_commit_sha?: string | null;
    merged_by?: FakeUser | null;
    /** `owner/name` of the head repository when it is a fork (default: this repository). */
    head_repo?: string;
  };
}

export interface FakeComment {
  id: number;
  issue_number: number;
  body: string;
  user: FakeUser;
  created_at: string;
  updated_at: string;
  /** Set when an App posted the comment on the user's behalf. */
  performed_via_github_app?: { id: number; slug: string; name: string } | null;
}

export interface FakeReview {
  id: number;
  pull_number: number;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  body: string;
  commit_id: string;
  user: FakeUser;
  submitted_at: string;
}

export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  details_url: string | null;
  external_id: string | null;
  output: { title?: string | null; summary?: string | null; text?: string | null; annotations_count?: number };
  started_at: string;
  completed_at: string | null;
  /** The App that created the run (default: the fake's `app`). */
  app?: FakeApp;
}

export interface FakeDeployment {
  id: number;
  ref: string;
  sha: string;
  environment: string;
  description: string | null;
  payload: unknown;
  task: string;
  creator: FakeUser;
  created_at: string;
  statuses: Array<{ id: number; state: string; description: string | null; environment_url: string | null; log_url: string | null; created_at: string }>;
}

export type FakePermission = 'admin' | 'maintain' | 'write' | 'triage' | 'read';

/** A GitHub Actions workflow run. */
export interface FakeWorkflowRun {
  id: number;
  name: string;
  workflow_id: number;
  /** `.github/workflows/drift.yml`. */
  path: string;
  head_branch: string;
  head_sha: string;
  event: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  run_attempt: number;
  created_at: string;
  updated_at: string;
  /** `owner/name` the run's code came from (default: the repository itself; a fork's for a fork's pull request). */
  head_repository_full_name?: string;
  /** Who started the run's workflow (absent: not shown, as in older fixtures). */
  actor?: FakeUser;
  /** Who triggered this attempt (a re-run's may differ from `actor`). */
  triggering_actor?: FakeUser;
}

/** A workflow run's artifact: a zip archive. */
export interface FakeArtifact {
  id: number;
  runId: number;
  name: string;
  /** The zip's bytes, as the download serves them. */
  data: Buffer;
  expired: boolean;
  /** The size the listing reports (default: the real size); a test can make it lie. */
  listedSize?: number;
}

/** A `workflow_dispatch` the fake received. */
export interface FakeDispatch {
  workflow: string;
  ref: string;
  inputs: Record<string, unknown>;
}

/** Monotonic ids and times shared by every repository of one fake. */
class Sequence {
  private id = 1000;
  private clock = Date.parse('2024-01-01T00:00:00Z');
  nextId(): number {
    this.id += 1;
    return this.id;
  }
  /** A new ISO time, one second after the previous one. */
  now(): string {
    this.clock += 1000;
    return this.peek();
  }
  /** The current time, without advancing it. */
  peek(): string {
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  /** Moves the clock forward (soak times, edits long after posting). */
  advance(ms: number): void {
    this.clock += Math.max(0, Math.round(ms / 1000) * 1000);
  }
}

function sha1(text: string | Buffer): string {
  return createHash('sha1').update(text).digest('hex');
}

/** A file and its git blob sha. */
function blobFile(bytes: Buffer): FakeFile {
  return { content: bytes, sha: sha1(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes])) };
}

/** `2024-01-01T00:00:00Z` or `...+02:00` -> git's `<unix> <+hhmm>`. */
function gitDate(iso: string): string {
  const match = /(Z|[+-]\d{2}:?\d{2})$/.exec(iso);
  const zone = !match || match[1] === 'Z' ? '+0000' : match[1].replace(':', '');
  return `${Math.floor(Date.parse(iso) / 1000)} ${zone}`;
}

/** One repository's data. Tests may read and modify it directly. */
export class FakeRepo {
  readonly id: number;
  defaultBranch = 'main';
  private: boolean = false;
  readonly commits = new Map<string, FakeCommit>();
  /** Full ref name -> sha (a commit, or a tag object for annotated tags). */
  readonly refs = new Map<string, string>();
  readonly tagObjects = new Map<string, FakeTagObject>();
  readonly releases: FakeRelease[] = [];
  readonly assets: FakeAsset[] = [];
  /** Issues and pull requests share one number sequence, as on GitHub. */
  readonly issues: FakeIssue[] = [];
  readonly comments: FakeComment[] = [];
  readonly reviews: FakeReview[] = [];
  readonly checkRuns: FakeCheckRun[] = [];
  readonly deployments: FakeDeployment[] = [];
  readonly collaborators = new Map<string, FakePermission>();
  /** Branch -> path -> file. */
  readonly contents = new Map<string, Map<string, { content: Buffer; sha: string }>>();
  /** Tree sha -> path -> file: what each commit holds (see `FakeCommit.tree`). */
  readonly trees = new Map<string, Map<string, FakeFile>>();
  /** Blobs created through the Git Data API. */
  readonly blobs = new Map<string, Buffer>();
  readonly reactions: FakeReaction[] = [];
  readonly workflowRuns: FakeWorkflowRun[] = [];
  readonly artifacts: FakeArtifact[] = [];
  readonly dispatches: FakeDispatch[] = [];
  /** Workflow file -> the inputs it declares; a dispatch with any other input is refused (422), as GitHub does. */
  readonly workflowInputs = new Map<string, string[]>();

  constructor(
    readonly owner: string,
    readonly name: string,
    private readonly sequence: Sequence,
  ) {
    this.id = sequence.nextId();
  }

  get fullName(): string {
    return `${this.owner}/${this.name}`;
  }

  nextId(): number {
    return this.sequence.nextId();
  }

  now(): string {
    return this.sequence.now();
  }

  /** Adds a commit on `branch` (default: the default branch) and returns its sha. Its tree is the branch's files. */
  addCommit(message = 'commit', branch = this.defaultBranch): string {
    const parent = this.refs.get(`refs/heads/${branch}`);
    const date = this.now();
    const sha = sha1(`commit ${this.fullName} ${this.commits.size} ${message} ${date}`);
    const tree = this.storeTree(new Map(this.files(branch)));
    this.commits.set(sha, { sha, message, parents: parent ? [parent] : [], date, tree });
    this.refs.set(`refs/heads/${branch}`, sha);
    this.branchMoved(`refs/heads/${branch}`);
    return sha;
  }

  /** Stores a tree and returns its sha (the same files give the same sha). */
  storeTree(files: Map<string, FakeFile>): string {
    const listing = [...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, file]) => `${path}\0${file.sha}`).join('\n');
    const sha = sha1(`tree ${listing}`);
    this.trees.set(sha, files);
    return sha;
  }

  /** The files of a commit (empty for commits made before trees were recorded). */
  commitFiles(sha: string): Map<string, FakeFile> {
    const tree = this.commits.get(sha)?.tree;
    return (tree && this.trees.get(tree)) || new Map();
  }

  /**
   * Keeps derived state in step with a ref that moved: a branch's files become
   * its commit's tree, and open pull requests from the branch follow its head.
   */
  branchMoved(ref: string): void {
    const match = /^refs\/heads\/(.+)$/.exec(ref);
    const sha = this.refs.get(ref);
    if (!match || sha === undefined) return;
    const commit = this.commits.get(sha);
    if (commit?.tree && this.trees.has(commit.tree)) this.contents.set(match[1], new Map(this.trees.get(commit.tree)!));
    for (const issue of this.issues) {
      if (issue.pull && issue.state === 'open' && !issue.pull.head_repo && issue.pull.head === match[1]) issue.pull.head_sha = sha;
    }
  }

  /** Creates a tag object exactly as git would hash it. */
  addTagObject(input: { tag: string; message: string; object: string; tagger: { name: string; email: string; date: string } }): FakeTagObject {
    const type = this.tagObjects.has(input.object) ? 'tag' : 'commit';
    const raw = `object ${input.object}\ntype ${type}\ntag ${input.tag}\ntagger ${input.tagger.name} <${input.tagger.email}> ${gitDate(input.tagger.date)}\n\n${input.message}`;
    const sha = sha1(Buffer.concat([Buffer.from(`tag ${Buffer.byteLength(raw)}\0`), Buffer.from(raw)]));
    const tag: FakeTagObject = { sha, tag: input.tag, message: input.message, tagger: input.tagger, object: { sha: input.object, type }, raw };
    this.tagObjects.set(sha, tag);
    return tag;
  }

  /** A branch, tag or sha -> the commit sha, or undefined. */
  resolve(ref: string): string | undefined {
    if (this.commits.has(ref)) return ref;
    if (ref === 'HEAD') return this.refs.get(`refs/heads/${this.defaultBranch}`);
    let sha = this.refs.get(`refs/heads/${ref}`) ?? this.refs.get(`refs/tags/${ref}`) ?? this.refs.get(ref);
    for (let depth = 0; sha !== undefined && this.tagObjects.has(sha) && depth < 10; depth += 1) sha = this.tagObjects.get(sha)!.object.sha;
    if (sha !== undefined) return sha;
    const prefix = [...this.commits.keys()].filter((candidate) => ref.length >= 7 && candidate.startsWith(ref));
    return prefix.length === 1 ? prefix[0] : undefined;
  }

  /** Files of a branch (created on first use). */
  files(branch = this.defaultBranch): Map<string, { content: Buffer; sha: string }> {
    let files = this.contents.get(branch);
    if (!files) this.contents.set(branch, (files = new Map()));
    return files;
  }

  /** Adds or replaces a file on a branch. */
  setFile(path: string, content: string | Buffer, branch = this.defaultBranch): void {
    this.files(branch).set(path, blobFile(Buffer.from(content)));
  }

  /** Adds a completed workflow run (a new id; `workflow_id` derived from the path) and returns it. */
  addWorkflowRun(input: Partial<FakeWorkflowRun> & { path: string }): FakeWorkflowRun {
    const time = this.now();
    const run: FakeWorkflowRun = {
      id: this.nextId(),
      name: input.path.split('/').at(-1)!.replace(/\.ya?ml$/, ''),
      workflow_id: Number.parseInt(sha1(input.path).slice(0, 7), 16),
      head_branch: this.defaultBranch,
      head_sha: this.refs.get(`refs/heads/${this.defaultBranch}`) ?? '0'.repeat(40),
      event: 'schedule',
      status: 'completed',
      conclusion: 'success',
      run_attempt: 1,
      created_at: time,
      updated_at: time,
      ...input,
    };
    this.workflowRuns.push(run);
    return run;
  }

  /** Attaches an artifact (zip bytes) to a workflow run and returns it. */
  addArtifact(runId: number, name: string, data: Uint8Array, options: { expired?: boolean; listedSize?: number } = {}): FakeArtifact {
    const artifact: FakeArtifact = { id: this.nextId(), runId, name, data: Buffer.from(data), expired: options.expired ?? false, listedSize: options.listedSize };
    this.artifacts.push(artifact);
    return artifact;
  }

  pull(number: number): FakeIssue | undefined {
    return this.issues.find((issue) => issue.number === number && issue.pull !== undefined);
  }
}

// ---------------------------------------------------------------------------
// Requests and routes

/** One request as the fake received it. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string, percent-decoding left as sent. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, or undefined (uploads keep bytes in `RouteContext.raw` only). */
  body: unknown;
  /** GraphQL operation name, for `POST /graphql`. */
  operation?: string;
  status: number;
  /** When it arrived (`Date.now()`). */
  time: number;
}

/** What a route handler receives. */
export interface RouteContext {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- request bodies are free-form JSON
  body: any;
  raw: Buffer;
  headers: IncomingMessage['headers'];
  fake: FakeGitHub;
  /** The repository named by `:owner/:repo`; throws a 404 when it does not exist. */
  repo(): FakeRepo;
}

/** A handler's answer. `body` Buffers are sent as bytes. */
export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (context: RouteContext) => RouteResult | Promise<RouteResult>;
export type GraphQLHandler = (variables: Record<string, unknown>, query: string, context: RouteContext) => { data?: unknown; errors?: unknown[] };

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const notFound = (): never => {
  throw new HttpError(404, 'Not Found');
};

const invalid = (message: string, extra: Record<string, unknown> = {}): never => {
  throw new HttpError(422, message, extra);
};

interface CompiledRoute {
  method: string;
  segments: string[];
  handler: RouteHandler;
}

function compile(method: string, pattern: string, handler: RouteHandler): CompiledRoute {
  return { method: method.toUpperCase(), segments: pattern.split('/').filter(Boolean), handler };
}

function matchRoute(route: CompiledRoute, method: string, parts: string[]): Record<string, string> | undefined {
  if (route.method !== method) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < route.segments.length; index += 1) {
    const segment = route.segments[index];
    if (segment.startsWith('*')) {
      if (index >= parts.length) return undefined;
      params[segment.slice(1)] = parts.slice(index).join('/');
      return params;
    }
    const part = parts[index];
    if (part === undefined) return undefined;
    if (segment.startsWith(':')) params[segment.slice(1)] = part;
    else if (segment !== part) return undefined;
  }
  return parts.length === route.segments.length ? params : undefined;
}

/** `per_page` / `page` slicing with a GitHub-style `Link` header. */
function paginate<T>(context: RouteContext, items: T[], path: string, defaultAll = false): RouteResult {
  const hasPaging = context.query.has('per_page') || context.query.has('page');
  if (defaultAll && !hasPaging) return { status: 200, body: items };
  const perPage = Math.min(100, Math.max(1, Number(context.query.get('per_page') ?? 30)));
  const page = Math.max(1, Number(context.query.get('page') ?? 1));
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (target: number, rel: string): string => {
    const query = new URLSearchParams(context.query);
    query.set('per_page', String(perPage));
    query.set('page', String(target));
    return `<${context.fake.url}${path}?${query}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
  return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), headers: links.length > 0 ? { link: links.join(', ') } : {} };
}

// ---------------------------------------------------------------------------
// JSON shapes

function repoUrl(fake: FakeGitHub, repo: FakeRepo): string {
  return `${fake.url}/repos/${repo.fullName}`;
}

function refJson(fake: FakeGitHub, repo: FakeRepo, ref: string, sha: string): object {
  const type = repo.tagObjects.has(sha) ? 'tag' : 'commit';
  return {
    ref,
    node_id: `REF_${sha1(ref).slice(0, 12)}`,
    url: `${repoUrl(fake, repo)}/git/${ref}`,
    object: { sha, type, url: `${repoUrl(fake, repo)}/git/${type === 'tag' ? 'tags' : 'commits'}/${sha}` },
  };
}

function tagJson(fake: FakeGitHub, repo: FakeRepo, tag: FakeTagObject): object {
  return {
    node_id: `TAG_${tag.sha.slice(0, 12)}`,
    sha: tag.sha,
    url: `${repoUrl(fake, repo)}/git/tags/${tag.sha}`,
    tag: tag.tag,
    message: tag.message,
    tagger: tag.tagger,
    object: { ...tag.object, url: `${repoUrl(fake, repo)}/git/commits/${tag.object.sha}` },
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null },
  };
}

function assetJson(fake: FakeGitHub, repo: FakeRepo, asset: FakeAsset): object {
  const release = repo.releases.find((candidate) => candidate.id === asset.releaseId);
  return {
    id: asset.id,
    name: asset.name,
    label: asset.label,
    state: 'uploaded',
    content_type: asset.contentType,
    size: asset.data.length,
    digest: `sha256:${createHash('sha256').update(asset.data).digest('hex')}`,
    download_count: 0,
    created_at: asset.createdAt,
    updated_at: asset.createdAt,
    url: `${repoUrl(fake, repo)}/releases/assets/${asset.id}`,
    browser_download_url: `${fake.url}/download/${repo.fullName}/${encodeURIComponent(release?.tag_name ?? '')}/${encodeURIComponent(asset.name)}`,
    uploader: fake.actor,
  };
}

function releaseJson(fake: FakeGitHub, repo: FakeRepo, release: FakeRelease): object {
  return {
    ...release,
    url: `${repoUrl(fake, repo)}/releases/${release.id}`,
    html_url: `${fake.url}/${repo.fullName}/releases/tag/${encodeURIComponent(release.tag_name)}`,
    assets_url: `${repoUrl(fake, repo)}/releases/${release.id}/assets`,
    upload_url: `${fake.url}/uploads/repos/${repo.fullName}/releases/${release.id}/assets{?name,label}`,
    published_at: release.draft ? null : release.created_at,
    assets: repo.assets.filter((asset) => asset.releaseId === release.id).map((asset) => assetJson(fake, repo, asset)),
  };
}

export function issueJson(fake: FakeGitHub, repo: FakeRepo, issue: FakeIssue): object {
  const html = `${fake.url}/${repo.fullName}/${issue.pull ? 'pull' : 'issues'}/${issue.number}`;
  return {
    id: issue.number + repo.id * 100000,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    state_reason: issue.state_reason,
    labels: issue.labels.map((name) => ({ name })),
    assignees: issue.assignees.map((login) => ({ login })),
    user: issue.user,
    comments: repo.comments.filter((comment) => comment.issue_number === issue.number).length,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_at: issue.closed_at,
    html_url: html,
    url: `${repoUrl(fake, repo)}/issues/${issue.number}`,
    ...(issue.pull ? { pull_request: { url: `${repoUrl(fake, repo)}/pulls/${issue.number}`, html_url: html } } : {}),
  };
}

export function pullJson(fake: FakeGitHub, repo: FakeRepo, issue: FakeIssue): object {
  const pull = issue.pull!;
  return {
    ...issueJson(fake, repo, issue),
    url: `${repoUrl(fake, repo)}/pulls/${issue.number}`,
    draft: pull.draft,
    merged: pull.merged,
    merged_at: pull.merged_at ?? null,
    merge_commit_sha: pull.merge_commit_sha ?? null,
    merged_by: pull.merged_by ?? null,
    head: { ref: pull.head, sha: pull.head_sha, repo: { full_name: pull.head_repo ?? repo.fullName } },
    base: { ref: pull.base, sha: repo.resolve(pull.base) ?? null, repo: { full_name: repo.fullName } },
  };
}

export function commentJson(fake: FakeGitHub, repo: FakeRepo, comment: FakeComment): object {
  return {
    ...comment,
    html_url: `${fake.url}/${repo.fullName}/issues/${comment.issue_number}#issuecomment-${comment.id}`,
    url: `${repoUrl(fake, repo)}/issues/comments/${comment.id}`,
    issue_url: `${repoUrl(fake, repo)}/issues/${comment.issue_number}`,
  };
}

/** A workflow run as the REST API shows it. */
export function workflowRunJson(fake: FakeGitHub, repo: FakeRepo, run: FakeWorkflowRun): object {
  const { head_repository_full_name: headRepository, ...fields } = run;
  return {
    ...fields,
    url: `${repoUrl(fake, repo)}/actions/runs/${run.id}`,
    html_url: `${fake.url}/${repo.fullName}/actions/runs/${run.id}`,
    artifacts_url: `${repoUrl(fake, repo)}/actions/runs/${run.id}/artifacts`,
    repository: { id: repo.id, name: repo.name, full_name: repo.fullName, owner: { login: repo.owner } },
    head_repository: { full_name: headRepository ?? repo.fullName },
  };
}

function artifactJson(fake: FakeGitHub, repo: FakeRepo, artifact: FakeArtifact): object {
  return {
    id: artifact.id,
    node_id: `ART_${artifact.id}`,
    name: artifact.name,
    size_in_bytes: artifact.listedSize ?? artifact.data.length,
    url: `${repoUrl(fake, repo)}/actions/artifacts/${artifact.id}`,
    archive_download_url: `${repoUrl(fake, repo)}/actions/artifacts/${artifact.id}/zip`,
    expired: artifact.expired,
    workflow_run: { id: artifact.runId },
  };
}

function checkRunJson(fake: FakeGitHub, repo: FakeRepo, run: FakeCheckRun): object {
  return { ...run, app: run.app ?? fake.app, url: `${repoUrl(fake, repo)}/check-runs/${run.id}`, html_url: `${fake.url}/${repo.fullName}/runs/${run.id}` };
}

/** A review as the REST API shows it (`html_url` included). */
export function reviewJson(fake: FakeGitHub, repo: FakeRepo, review: FakeReview): object {
  return { ...review, html_url: `${fake.url}/${repo.fullName}/pull/${review.pull_number}#pullrequestreview-${review.id}`, pull_request_url: `${repoUrl(fake, repo)}/pulls/${review.pull_number}` };
}

function deploymentJson(fake: FakeGitHub, repo: FakeRepo, deployment: FakeDeployment): object {
  const { statuses: _statuses, ...rest } = deployment;
  return { ...rest, url: `${repoUrl(fake, repo)}/deployments/${deployment.id}`, statuses_url: `${repoUrl(fake, repo)}/deployments/${deployment.id}/statuses` };
}

/** A git object as GraphQL shows it (a Tag's target is one level deep). */
function graphqlObject(repo: FakeRepo, sha: string, depth = 0): object | null {
  const tag = repo.tagObjects.get(sha);
  if (tag) {
    if (depth > 0) return { __typename: 'Tag', oid: sha };
    return {
      __typename: 'Tag',
      oid: sha,
      name: tag.tag,
      message: tag.message,
      tagger: { name: tag.tagger.name, email: tag.tagger.email, date: tag.tagger.date },
      target: graphqlObject(repo, tag.object.sha, depth + 1),
    };
  }
  return repo.commits.has(sha) ? { __typename: 'Commit', oid: sha } : null;
}

// ---------------------------------------------------------------------------
// Route table

const now = (context: RouteContext): string => context.repo().now();

function requireFields(body: Record<string, unknown> | undefined, fields: string[]): void {
  for (const field of fields) {
    if (body?.[field] === undefined || body[field] === '') invalid(`Invalid request.\n\n"${field}" wasn't supplied.`);
  }
}

function issueByNumber(repo: FakeRepo, number: string): FakeIssue {
  return repo.issues.find((issue) => issue.number === Number(number)) ?? notFound();
}

const ROUTES: Array<[string, string, RouteHandler]> = [
  // Repository
  ['GET', '/repos/:owner/:repo', (c) => {
    const repo = c.repo();
    return { status: 200, body: { id: repo.id, name: repo.name, full_name: repo.fullName, owner: { login: repo.owner }, private: repo.private, default_branch: repo.defaultBranch } };
  }],
  ['GET', '/repos/:owner/:repo/commits/:ref', (c) => {
    const repo = c.repo();
    const sha = repo.resolve(c.params.ref) ?? invalid(`No commit found for SHA: ${c.params.ref}`);
    const commit = repo.commits.get(sha)!;
    return { status: 200, body: { sha, commit: { message: commit.message, committer: { date: commit.date } }, parents: commit.parents.map((parent) => ({ sha: parent })) } };
  }],

  // Git data: refs and tags
  ['GET', '/repos/:owner/:repo/git/matching-refs/*ref', (c) => {
    const repo = c.repo();
    const prefix = `refs/${c.params.ref}`;
    const refs = [...repo.refs.entries()].filter(([ref]) => ref.startsWith(prefix)).sort(([a], [b]) => (a < b ? -1 : 1));
    return paginate(c, refs.map(([ref, sha]) => refJson(c.fake, repo, ref, sha)), `/repos/${repo.fullName}/git/matching-refs/${c.params.ref}`, true);
  }],
  ['GET', '/repos/:owner/:repo/git/ref/*ref', (c) => {
    const repo = c.repo();
    const ref = `refs/${c.params.ref}`;
    const sha = repo.refs.get(ref) ?? notFound();
    return { status: 200, body: refJson(c.fake, repo, ref, sha) };
  }],
  ['POST', '/repos/:owner/:repo/git/refs', (c) => {
    const repo = c.repo();
    requireFields(c.body, ['ref', 'sha']);
    const ref = String(c.body.ref);
    if (!/^refs\/[^/]+\/.+/.test(ref)) invalid('Reference name must start with \'refs/\' and have at least two slashes.');
    if (!repo.commits.has(c.body.sha) && !repo.tagObjects.has(c.body.sha)) invalid('Object does not exist');
    if (repo.refs.has(ref)) invalid('Reference already exists');
    repo.refs.set(ref, c.body.sha);
    repo.branchMoved(ref);
    return { status: 201, body: refJson(c.fake, repo, ref, c.body.sha) };
  }],
  ['PATCH', '/repos/:owner/:repo/git/refs/*ref', (c) => {
    const repo = c.repo();
    const ref = `refs/${c.params.ref}`;
    if (!repo.refs.has(ref)) invalid('Reference does not exist');
    if (ref.startsWith('refs/heads/') && c.body.force !== true && !isAncestor(repo, repo.refs.get(ref)!, c.body.sha)) invalid('Update is not a fast forward');
    repo.refs.set(ref, c.body.sha);
    repo.branchMoved(ref);
    return { status: 200, body: refJson(c.fake, repo, ref, c.body.sha) };
  }],
  ['DELETE', '/repos/:owner/:repo/git/refs/*ref', (c) => {
    const repo = c.repo();
    if (!repo.refs.delete(`refs/${c.params.ref}`)) invalid('Reference does not exist');
    return { status: 204 };
  }],
  ['POST', '/repos/:owner/:repo/git/tags', (c) => {
    const repo = c.repo();
    requireFields(c.body, ['tag', 'message', 'object', 'type']);
    if (!repo.commits.has(c.body.object) && !repo.tagObjects.has(c.body.object)) invalid('Object does not exist');
    const tagger = c.body.tagger ?? { name: c.fake.actor.login, email: `${c.fake.actor.id}+${c.fake.actor.login}@users.noreply.github.com`, date: now(c) };
    const tag = repo.addTagObject({ tag: c.body.tag, message: c.body.message, object: c.body.object, tagger: { name: tagger.name, email: tagger.email, date: tagger.date ?? now(c) } });
    return { status: 201, body: tagJson(c.fake, repo, tag) };
  }],
  ['GET', '/repos/:owner/:repo/git/tags/:sha', (c) => {
    const repo = c.repo();
    return { status: 200, body: tagJson(c.fake, repo, repo.tagObjects.get(c.params.sha) ?? notFound()) };
  }],

  // Releases and assets
  ['GET', '/repos/:owner/:repo/releases', (c) => {
    const repo = c.repo();
    const list = [...repo.releases].reverse().map((release) => releaseJson(c.fake, repo, release));
    return paginate(c, list, `/repos/${repo.fullName}/releases`);
  }],
  ['POST', '/repos/:owner/:repo/releases', (c) => {
    const repo = c.repo();
    requireFields(c.body, ['tag_name']);
    if (repo.releases.some((release) => release.tag_name === c.body.tag_name)) {
      invalid('Validation Failed', { errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }] });
    }
    if (!repo.refs.has(`refs/tags/${c.body.tag_name}`)) {
      const target = repo.resolve(c.body.target_commitish ?? repo.defaultBranch) ?? invalid('Validation Failed', { errors: [{ resource: 'Release', code: 'invalid', field: 'target_commitish' }] });
      repo.refs.set(`refs/tags/${c.body.tag_name}`, target);
    }
    const release: FakeRelease = {
      id: repo.nextId(),
      tag_name: c.body.tag_name,
      target_commitish: c.body.target_commitish ?? repo.defaultBranch,
      name: c.body.name ?? null,
      body: c.body.body ?? null,
      draft: c.body.draft === true,
      prerelease: c.body.prerelease === true,
      make_latest: c.body.make_latest,
      created_at: now(c),
      author: c.fake.actor,
    };
    repo.releases.push(release);
    return { status: 201, body: releaseJson(c.fake, repo, release) };
  }],
  ['GET', '/repos/:owner/:repo/releases/latest', (c) => {
    const repo = c.repo();
    const candidates = repo.releases.filter((release) => !release.draft && !release.prerelease && release.make_latest !== 'false');
    return { status: 200, body: releaseJson(c.fake, repo, candidates.at(-1) ?? notFound()) };
  }],
  ['GET', '/repos/:owner/:repo/releases/tags/*tag', (c) => {
    const repo = c.repo();
    return { status: 200, body: releaseJson(c.fake, repo, repo.releases.find((release) => release.tag_name === c.params.tag) ?? notFound()) };
  }],
  ['GET', '/repos/:owner/:repo/releases/assets/:id', (c) => {
    const repo = c.repo();
    const asset = repo.assets.find((candidate) => candidate.id === Number(c.params.id)) ?? notFound();
    if (c.headers.accept === 'application/octet-stream') return { status: 200, body: asset.data, headers: { 'content-type': 'application/octet-stream' } };
    return { status: 200, body: assetJson(c.fake, repo, asset) };
  }],
  ['DELETE', '/repos/:owner/:repo/releases/assets/:id', (c) => {
    const repo = c.repo();
    const index = repo.assets.findIndex((candidate) => candidate.id === Number(c.params.id));
    if (index === -1) notFound();
    repo.assets.splice(index, 1);
    return { status: 204 };
  }],
  ['GET', '/repos/:owner/:repo/releases/:id', (c) => {
    const repo = c.repo();
    return { status: 200, body: releaseJson(c.fake, repo, repo.releases.find((release) => release.id === Number(c.params.id)) ?? notFound()) };
  }],
  ['PATCH', '/repos/:owner/:repo/releases/:id', (c) => {
    const repo = c.repo();
    const release = repo.releases.find((candidate) => candidate.id === Number(c.params.id)) ?? notFound();
    for (const field of ['name', 'body', 'draft', 'prerelease', 'make_latest', 'tag_name'] as const) {
      if (c.body?.[field] !== undefined) (release as unknown as Record<string, unknown>)[field] = c.body[field];
    }
    return { status: 200, body: releaseJson(c.fake, repo, release) };
  }],
  ['DELETE', '/repos/:owner/:repo/releases/:id', (c) => {
    const repo = c.repo();
    const index = repo.releases.findIndex((candidate) => candidate.id === Number(c.params.id));
    if (index === -1) notFound();
    repo.releases.splice(index, 1);
    return { status: 204 };
  }],
  ['GET', '/repos/:owner/:repo/releases/:id/assets', (c) => {
    const repo = c.repo();
    if (!repo.releases.some((release) => release.id === Number(c.params.id))) notFound();
    const list = repo.assets.filter((asset) => asset.releaseId === Number(c.params.id)).map((asset) => assetJson(c.fake, repo, asset));
    return paginate(c, list, `/repos/${repo.fullName}/releases/${c.params.id}/assets`);
  }],
  ['POST', '/uploads/repos/:owner/:repo/releases/:id/assets', (c) => {
    const repo = c.repo();
    const release = repo.releases.find((candidate) => candidate.id === Number(c.params.id)) ?? notFound();
    const name = c.query.get('name') ?? invalid('name is required');
    if (repo.assets.some((asset) => asset.releaseId === release.id && asset.name === name)) {
      invalid('Validation Failed', { errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }] });
    }
    const asset: FakeAsset = {
      id: repo.nextId(),
      releaseId: release.id,
      name,
      label: c.query.get('label'),
      contentType: String(c.headers['content-type'] ?? 'application/octet-stream'),
      data: c.raw,
      createdAt: now(c),
    };
    repo.assets.push(asset);
    return { status: 201, body: assetJson(c.fake, repo, asset) };
  }],
  ['GET', '/download/:owner/:repo/:tag/:name', (c) => {
    const repo = c.repo();
    const release = repo.releases.find((candidate) => candidate.tag_name === c.params.tag) ?? notFound();
    const asset = repo.assets.find((candidate) => candidate.releaseId === release.id && candidate.name === c.params.name) ?? notFound();
    return { status: 200, body: asset.data, headers: { 'content-type': asset.contentType } };
  }],

  // Issues and comments
  ['GET', '/repos/:owner/:repo/issues', (c) => {
    const repo = c.repo();
    const state = c.query.get('state') ?? 'open';
    const labels = (c.query.get('labels') ?? '').split(',').filter(Boolean);
    const list = repo.issues
      .filter((issue) => state === 'all' || issue.state === state)
      .filter((issue) => labels.every((label) => issue.labels.includes(label)))
      .sort((a, b) => b.number - a.number)
      .map((issue) => issueJson(c.fake, repo, issue));
    return paginate(c, list, `/repos/${repo.fullName}/issues`);
  }],
  ['POST', '/repos/:owner/:repo/issues', (c) => {
    const repo = c.repo();
    requireFields(c.body, ['title']);
    const time = now(c);
    const issue: FakeIssue = {
      number: repo.issues.length + 1,
      title: c.body.title,
      body: c.body.body ?? null,
      state: 'open',
      state_reason: null,
      labels: (c.body.labels ?? []).map((label: string | { name: string }) => (typeof label === 'string' ? label : label.name)),
      assignees: c.body.assignees ?? [],
      user: c.fake.actor,
      created_at: time,
      updated_at: time,
      closed_at: null,
    };
    repo.issues.push(issue);
    return { status: 201, body: issueJson(c.fake, repo, issue) };
  }],
  ['GET', '/repos/:owner/:repo/issues/comments/:id', (c) => {
    const repo = c.repo();
    return { status: 200, body: commentJson(c.fake, repo, repo.comments.find((comment) => comment.id === Number(c.params.id)) ?? notFound()) };
  }],
  ['PATCH', '/repos/:owner/:repo/issues/comments/:id', (c) => {
    const repo = c.repo();
    const comment = repo.comments.find((candidate) => candidate.id === Number(c.params.id)) ?? notFound();
    requireFields(c.body, ['body']);
    comment.body = c.body.body;
    comment.updated_at = now(c);
    return { status: 200, body: commentJson(c.fake, repo, comment) };
  }],
  ['DELETE', '/repos/:owner/:repo/issues/comments/:id', (c) => {
    const repo = c.repo();
    const index = repo.comments.findIndex((candidate) => candidate.id === Number(c.params.id));
    if (index === -1) notFound();
    repo.comments.splice(index, 1);
    return { status: 204 };
  }],
  ['GET', '/repos/:owner/:repo/issues/:number', (c) => {
    const repo = c.repo();
    return { status: 200, body: issueJson(c.fake, repo, issueByNumber(repo, c.params.number)) };
  }],
  ['PATCH', '/repos/:owner/:repo/issues/:number', (c) => {
    const repo = c.repo();
    const issue = issueByNumber(repo, c.params.number);
    if (c.body?.title !== undefined) issue.title = c.body.title;
    if (c.body?.body !== undefined) issue.body = c.body.body;
    if (c.body?.labels !== undefined) issue.labels = c.body.labels.map((label: string | { name: string }) => (typeof label === 'string' ? label : label.name));
    if (c.body?.assignees !== undefined) issue.assignees = c.body.assignees;
    if (c.body?.state !== undefined && c.body.state !== issue.state) {
      issue.state = c.body.state;
      issue.closed_at = issue.state === 'closed' ? now(c) : null;
      issue.state_reason = c.body.state_reason ?? (issue.state === 'closed' ? 'completed' : 'reopened');
    }
    issue.updated_at = now(c);
    return { status: 200, body: issueJson(c.fake, repo, issue) };
  }],
  ['GET', '/repos/:owner/:repo/issues/:number/comments', (c) => {
    const repo = c.repo();
    issueByNumber(repo, c.params.number);
    const list = repo.comments.filter((comment) => comment.issue_number === Number(c.params.number)).map((comment) => commentJson(c.fake, repo, comment));
    return paginate(c, list, `/repos/${repo.fullName}/issues/${c.params.number}/comments`);
  }],
  ['POST', '/repos/:owner/:repo/issues/:number/comments', (c) => {
    const repo = c.repo();
    const issue = issueByNumber(repo, c.params.number);
    requireFields(c.body, ['body']);
    const time = now(c);
    const comment: FakeComment = { id: repo.nextId(), issue_number: issue.number, body: c.body.body, user: c.fake.actor, created_at: time, updated_at: time };
    repo.comments.push(comment);
    return { status: 201, body: commentJson(c.fake, repo, comment) };
  }],

  // Pull requests and reviews
  ['GET', '/repos/:owner/:repo/pulls', (c) => {
    const repo = c.repo();
    const state = c.query.get('state') ?? 'open';
    const head = c.query.get('head');
    const base = c.query.get('base');
    const list = repo.issues
      .filter((issue) => issue.pull !== undefined)
      .filter((issue) => state === 'all' || issue.state === state)
      .filter((issue) => head === null || issue.pull!.head === head.replace(/^[^:]+:/, ''))
      .filter((issue) => base === null || issue.pull!.base === base)
      .sort((a, b) => b.number - a.number)
      .map((issue) => pullJson(c.fake, repo, issue));
    return paginate(c, list, `/repos/${repo.fullName}/pulls`);
  }],
  ['POST', '/repos/:owner/:repo/pulls', (c) => {
    const repo = c.repo();
    requireFields(c.body, ['head', 'base']);
    const headSha = repo.resolve(c.body.head) ?? invalid('Validation Failed', { errors: [{ resource: 'PullRequest', field: 'head', code: 'invalid' }] });
    if (repo.resolve(c.body.base) === undefined) invalid('Validation Failed', { errors: [{ resource: 'PullRequest', field: 'base', code: 'invalid' }] });
    const time = now(c);
    const issue: FakeIssue = {
      number: repo.issues.length + 1,
      title: c.body.title ?? c.body.head,
      body: c.body.body ?? null,
      state: 'open',
      state_reason: null,
      labels: [],
      assignees: [],
      user: c.fake.actor,
      created_at: time,
      updated_at: time,
      closed_at: null,
      pull: { head: c.body.head, base: c.body.base, head_sha: headSha, draft: c.body.draft === true, merged: false, base_sha: repo.resolve(c.body.base) },
    };
    repo.issues.push(issue);
    return { status: 201, body: pullJson(c.fake, repo, issue) };
  }],
  ['GET', '/repos/:owner/:repo/pulls/:number', (c) => {
    const repo = c.repo();
    return { status: 200, body: pullJson(c.fake, repo, repo.pull(Number(c.params.number)) ?? notFound()) };
  }],
  ['PATCH', '/repos/:owner/:repo/pulls/:number', (c) => {
    const repo = c.repo();
    const issue = repo.pull(Number(c.params.number)) ?? notFound();
    if (c.body?.title !== undefined) issue.title = c.body.title;
    if (c.body?.body !== undefined) issue.body = c.body.body;
    if (c.body?.base !== undefined) issue.pull!.base = c.body.base;
    if (c.body?.state !== undefined) {
      issue.state = c.body.state;
      issue.closed_at = issue.state === 'closed' ? now(c) : null;
    }
    issue.updated_at = now(c);
    return { status: 200, body: pullJson(c.fake, repo, issue) };
  }],
  ['GET', '/repos/:owner/:repo/pulls/:number/reviews', (c) => {
    const repo = c.repo();
    if (!repo.pull(Number(c.params.number))) notFound();
    const list = repo.reviews.filter((review) => review.pull_number === Number(c.params.number)).map((review) => reviewJson(c.fake, repo, review));
    return paginate(c, list, `/repos/${repo.fullName}/pulls/${c.params.number}/reviews`);
  }],
  ['POST', '/repos/:owner/:repo/pulls/:number/reviews', (c) => {
    const repo = c.repo();
    const issue = repo.pull(Number(c.params.number)) ?? notFound();
    const states: Record<string, FakeReview['state']> = { APPROVE: 'APPROVED', REQUEST_CHANGES: 'CHANGES_REQUESTED', COMMENT: 'COMMENTED' };
    const review: FakeReview = {
      id: repo.nextId(),
      pull_number: issue.number,
      state: c.body?.event ? (states[c.body.event] ?? invalid(`Unknown event ${c.body.event}`)) : 'PENDING',
      body: c.body?.body ?? '',
      commit_id: c.body?.commit_id ?? issue.pull!.head_sha,
      user: c.fake.actor,
      submitted_at: now(c),
    };
    repo.reviews.push(review);
    return { status: 200, body: review };
  }],

  // Check runs
  ['POST', '/repos/:owner/:repo/check-runs', (c) => {
    const repo = c.repo();
    requireFields(c.body, ['name', 'head_sha']);
    const time = now(c);
    const run: FakeCheckRun = {
      id: repo.nextId(),
      name: c.body.name,
      head_sha: c.body.head_sha,
      status: c.body.conclusion ? 'completed' : (c.body.status ?? 'queued'),
      conclusion: c.body.conclusion ?? null,
      details_url: c.body.details_url ?? null,
      external_id: c.body.external_id ?? null,
      output: c.body.output ?? {},
      started_at: c.body.started_at ?? time,
      completed_at: c.body.conclusion ? (c.body.completed_at ?? time) : null,
    };
    repo.checkRuns.push(run);
    return { status: 201, body: checkRunJson(c.fake, repo, run) };
  }],
  ['GET', '/repos/:owner/:repo/check-runs/:id', (c) => {
    const repo = c.repo();
    return { status: 200, body: checkRunJson(c.fake, repo, repo.checkRuns.find((run) => run.id === Number(c.params.id)) ?? notFound()) };
  }],
  ['PATCH', '/repos/:owner/:repo/check-runs/:id', (c) => {
    const repo = c.repo();
    const run = repo.checkRuns.find((candidate) => candidate.id === Number(c.params.id)) ?? notFound();
    for (const field of ['name', 'status', 'conclusion', 'details_url', 'external_id', 'output', 'completed_at'] as const) {
      if (c.body?.[field] !== undefined) (run as unknown as Record<string, unknown>)[field] = c.body[field];
    }
    if (c.body?.conclusion) {
      run.status = 'completed';
      run.completed_at ??= now(c);
    }
    return { status: 200, body: checkRunJson(c.fake, repo, run) };
  }],
  ['GET', '/repos/:owner/:repo/commits/:ref/check-runs', (c) => {
    const repo = c.repo();
    const sha = repo.resolve(c.params.ref) ?? c.params.ref;
    const name = c.query.get('check_name');
    const runs = repo.checkRuns.filter((run) => run.head_sha === sha && (name === null || run.name === name)).reverse();
    const page = paginate(c, runs.map((run) => checkRunJson(c.fake, repo, run)), `/repos/${repo.fullName}/commits/${c.params.ref}/check-runs`);
    return { ...page, body: { total_count: runs.length, check_runs: page.body } };
  }],

  // Deployments
  ['POST', '/repos/:owner/:repo/deployments', (c) => {
    const repo = c.repo();
    requireFields(c.body, ['ref']);
    const sha = repo.resolve(c.body.ref) ?? invalid(`No ref found for: ${c.body.ref}`);
    const deployment: FakeDeployment = {
      id: repo.nextId(),
      ref: c.body.ref,
      sha,
      environment: c.body.environment ?? 'production',
      description: c.body.description ?? null,
      payload: c.body.payload ?? {},
      task: c.body.task ?? 'deploy',
      creator: c.fake.actor,
      created_at: now(c),
      statuses: [],
    };
    repo.deployments.push(deployment);
    return { status: 201, body: deploymentJson(c.fake, repo, deployment) };
  }],
  ['GET', '/repos/:owner/:repo/deployments', (c) => {
    const repo = c.repo();
    const environment = c.query.get('environment');
    const ref = c.query.get('ref');
    const sha = c.query.get('sha');
    const list = repo.deployments
      .filter((deployment) => (environment === null || deployment.environment === environment) && (ref === null || deployment.ref === ref) && (sha === null || deployment.sha === sha))
      .reverse()
      .map((deployment) => deploymentJson(c.fake, repo, deployment));
    return paginate(c, list, `/repos/${repo.fullName}/deployments`);
  }],
  ['GET', '/repos/:owner/:repo/deployments/:id/statuses', (c) => {
    const repo = c.repo();
    const deployment = repo.deployments.find((candidate) => candidate.id === Number(c.params.id)) ?? notFound();
    return paginate(c, [...deployment.statuses].reverse(), `/repos/${repo.fullName}/deployments/${c.params.id}/statuses`);
  }],
  ['POST', '/repos/:owner/:repo/deployments/:id/statuses', (c) => {
    const repo = c.repo();
    const deployment = repo.deployments.find((candidate) => candidate.id === Number(c.params.id)) ?? notFound();
    requireFields(c.body, ['state']);
    const status = {
      id: repo.nextId(),
      state: c.body.state,
      description: c.body.description ?? null,
      environment_url: c.body.environment_url ?? null,
      log_url: c.body.log_url ?? null,
      created_at: now(c),
    };
    deployment.statuses.push(status);
    return { status: 201, body: status };
  }],

  // Collaborators
  ['GET', '/repos/:owner/:repo/collaborators', (c) => {
    const repo = c.repo();
    const list = [...repo.collaborators.entries()].map(([login, role]) => ({ login, role_name: role, permissions: permissionFlags(role) }));
    return paginate(c, list, `/repos/${repo.fullName}/collaborators`);
  }],
  ['PUT', '/repos/:owner/:repo/collaborators/:user', (c) => {
    c.repo().collaborators.set(c.params.user, (c.body?.permission ?? 'write') as FakePermission);
    return { status: 204 };
  }],
  ['GET', '/repos/:owner/:repo/collaborators/:user/permission', (c) => {
    const role = c.repo().collaborators.get(c.params.user);
    const permission = role === undefined ? 'none' : role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role;
    return { status: 200, body: { permission, role_name: role ?? 'none', user: { login: c.params.user, permissions: role ? permissionFlags(role) : undefined } } };
  }],

  // Contents
  ['GET', '/repos/:owner/:repo/contents/*path', (c) => {
    const repo = c.repo();
    const ref = c.query.get('ref') ?? repo.defaultBranch;
    const files = repo.contents.has(ref) || !repo.resolve(ref) ? repo.files(ref) : repo.commitFiles(repo.resolve(ref)!);
    const file = files.get(c.params.path) ?? notFound();
    return {
      status: 200,
      body: {
        type: 'file',
        encoding: 'base64',
        name: c.params.path.split('/').at(-1),
        path: c.params.path,
        sha: file.sha,
        size: file.content.length,
        content: file.content.toString('base64'),
      },
    };
  }],
  ['PUT', '/repos/:owner/:repo/contents/*path', (c) => {
    const repo = c.repo();
    requireFields(c.body, ['message', 'content']);
    const branch = c.body.branch ?? repo.defaultBranch;
    const existing = repo.files(branch).get(c.params.path);
    if (existing && c.body.sha !== existing.sha) {
      throw new HttpError(existing && c.body.sha === undefined ? 422 : 409, existing && c.body.sha === undefined ? '"sha" wasn\'t supplied.' : `${c.params.path} does not match ${c.body.sha}`);
    }
    repo.setFile(c.params.path, Buffer.from(c.body.content, 'base64'), branch);
    const commit = repo.addCommit(c.body.message, branch);
    const file = repo.files(branch).get(c.params.path)!;
    return { status: existing ? 200 : 201, body: { content: { path: c.params.path, sha: file.sha }, commit: { sha: commit, message: c.body.message } } };
  }],

  // Git Data API: blobs, trees and commits (how an App commits without a checkout)
  ['POST', '/repos/:owner/:repo/git/blobs', (c) => {
    const repo = c.repo();
    requireFields(c.body, ['content']);
    const bytes = Buffer.from(String(c.body.content), c.body.encoding === 'base64' ? 'base64' : 'utf8');
    const file = blobFile(bytes);
    repo.blobs.set(file.sha, bytes);
    return { status: 201, body: { sha: file.sha, url: `${repoUrl(c.fake, repo)}/git/blobs/${file.sha}` } };
  }],
  ['GET', '/repos/:owner/:repo/git/commits/:sha', (c) => {
    const repo = c.repo();
    const commit = repo.commits.get(c.params.sha) ?? notFound();
    const tree = commit.tree ?? repo.storeTree(new Map());
    return { status: 200, body: { sha: commit.sha, message: commit.message, tree: { sha: tree }, parents: commit.parents.map((sha) => ({ sha })), committer: { date: commit.date }, author: { date: commit.date } } };
  }],
  ['POST', '/repos/:owner/:repo/git/trees', (c) => {
    const repo = c.repo();
    if (!Array.isArray(c.body?.tree)) invalid('Invalid tree info');
    const files = new Map<string, FakeFile>(c.body.base_tree ? (repo.trees.get(c.body.base_tree) ?? invalid('base_tree is not a valid tree oid')) : []);
    for (const entry of c.body.tree as Array<{ path: string; sha?: string | null; content?: string; type?: string }>) {
      if (entry.sha === null) files.delete(entry.path);
      else if (entry.content !== undefined) files.set(entry.path, blobFile(Buffer.from(entry.content, 'utf8')));
      else if (entry.sha && repo.blobs.has(entry.sha)) files.set(entry.path, blobFile(repo.blobs.get(entry.sha)!));
      else invalid(`tree.sha ${entry.sha} is not a valid blob`);
    }
    const sha = repo.storeTree(files);
    return { status: 201, body: { sha, url: `${repoUrl(c.fake, repo)}/git/trees/${sha}`, tree: [...files.keys()].map((path) => ({ path, type: 'blob', sha: files.get(path)!.sha })) } };
  }],
  ['POST', '/repos/:owner/:repo/git/commits', (c) => {
    const repo = c.repo();
    requireFields(c.body, ['message', 'tree']);
    if (!repo.trees.has(c.body.tree)) invalid('Tree SHA does not exist');
    const parents: string[] = c.body.parents ?? [];
    for (const parent of parents) if (!repo.commits.has(parent)) invalid('Parent SHA does not exist or is not a commit object');
    const date = now(c);
    const sha = sha1(`commit ${repo.fullName} ${repo.commits.size} ${c.body.message} ${date} ${c.body.tree}`);
    repo.commits.set(sha, { sha, message: c.body.message, parents, date, tree: c.body.tree });
    return { status: 201, body: { sha, message: c.body.message, tree: { sha: c.body.tree }, parents: parents.map((parent) => ({ sha: parent })) } };
  }],
  ['GET', '/repos/:owner/:repo/commits/:sha/pulls', (c) => {
    const repo = c.repo();
    const sha = repo.resolve(c.params.sha) ?? c.params.sha;
    const list = repo.issues
      .filter((issue) => issue.pull && (issue.pull.head_sha === sha || issue.pull.merge_commit_sha === sha))
      .map((issue) => pullJson(c.fake, repo, issue));
    return paginate(c, list, `/repos/${repo.fullName}/commits/${c.params.sha}/pulls`);
  }],

  // Merging a pull request
  ['PUT', '/repos/:owner/:repo/pulls/:number/merge', (c) => {
    const repo = c.repo();
    const issue = repo.pull(Number(c.params.number)) ?? notFound();
    const pull = issue.pull!;
    if (issue.state !== 'open' || pull.merged) throw new HttpError(405, 'Pull Request is not mergeable');
    if (c.body?.sha !== undefined && c.body.sha !== pull.head_sha) throw new HttpError(409, 'Head branch was modified. Review and try the merge again.');
    const baseRef = `refs/heads/${pull.base}`;
    const baseSha = repo.refs.get(baseRef) ?? invalid('Base branch does not exist');
    // The pull request's changes (head vs the base it started from), replayed onto the base as it is now.
    const changes = repo.commitFiles(pull.head_sha);
    const start = repo.commitFiles(pull.base_sha ?? baseSha);
    const merged = new Map(repo.commitFiles(baseSha));
    for (const [path, file] of changes) if (start.get(path)?.sha !== file.sha) merged.set(path, file);
    for (const path of start.keys()) if (!changes.has(path)) merged.delete(path);
    const time = now(c);
    const message = c.body?.commit_title ?? `Merge pull request #${issue.number}`;
    const sha = sha1(`merge ${repo.fullName} ${issue.number} ${time}`);
    repo.commits.set(sha, { sha, message, parents: c.body?.merge_method === 'merge' ? [baseSha, pull.head_sha] : [baseSha], date: time, tree: repo.storeTree(merged) });
    repo.refs.set(baseRef, sha);
    repo.branchMoved(baseRef);
    Object.assign(pull, { merged: true, merged_at: time, merge_commit_sha: sha, merged_by: c.fake.actor });
    Object.assign(issue, { state: 'closed', closed_at: time, updated_at: time });
    return { status: 200, body: { sha, merged: true, message: 'Pull Request successfully merged' } };
  }],

  // The issue timeline: comments and reviews (and the events Tollgate does not read), oldest first
  ['GET', '/repos/:owner/:repo/issues/:number/timeline', (c) => {
    const repo = c.repo();
    const issue = issueByNumber(repo, c.params.number);
    const events: Array<{ at: string; id: number; item: object }> = [];
    for (const comment of repo.comments.filter((candidate) => candidate.issue_number === issue.number)) {
      events.push({ at: comment.created_at, id: comment.id, item: { event: 'commented', actor: comment.user, performed_via_github_app: null, ...commentJson(c.fake, repo, comment) } });
    }
    for (const review of repo.reviews.filter((candidate) => candidate.pull_number === issue.number && candidate.state !== 'PENDING')) {
      events.push({ at: review.submitted_at, id: review.id, item: { event: 'reviewed', ...reviewJson(c.fake, repo, review), state: review.state.toLowerCase() } });
    }
    events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id));
    return paginate(c, events.map((event) => event.item), `/repos/${repo.fullName}/issues/${issue.number}/timeline`);
  }],

  // Reactions
  ['POST', '/repos/:owner/:repo/issues/comments/:id/reactions', (c) => addReaction(c, 'comment', Number(c.params.id))],
  ['GET', '/repos/:owner/:repo/issues/comments/:id/reactions', (c) => listReactions(c, 'comment', Number(c.params.id))],
  ['POST', '/repos/:owner/:repo/issues/:number/reactions', (c) => addReaction(c, 'issue', Number(c.params.number))],

  // Teams (org/team members, for approver teams)
  ['GET', '/orgs/:org/teams/:team/members', (c) => {
    const members = c.fake.teams.get(`${c.params.org}/${c.params.team}`.toLowerCase()) ?? notFound();
    return paginate(c, members.map((login) => ({ login, type: 'User' })), `/orgs/${c.params.org}/teams/${c.params.team}/members`);
  }],

  // Actions: workflow runs, artifacts (the zip download redirects to storage, as on GitHub) and dispatches
  ['GET', '/repos/:owner/:repo/actions/runs/:id', (c) => {
    const repo = c.repo();
    return { status: 200, body: workflowRunJson(c.fake, repo, repo.workflowRuns.find((run) => run.id === Number(c.params.id)) ?? notFound()) };
  }],
  ['GET', '/repos/:owner/:repo/actions/runs/:id/artifacts', (c) => {
    const repo = c.repo();
    if (!repo.workflowRuns.some((run) => run.id === Number(c.params.id))) notFound();
    const name = c.query.get('name');
    const list = repo.artifacts.filter((artifact) => artifact.runId === Number(c.params.id) && (name === null || artifact.name === name)).map((artifact) => artifactJson(c.fake, repo, artifact));
    const page = paginate(c, list, `/repos/${repo.fullName}/actions/runs/${c.params.id}/artifacts`);
    return { ...page, body: { total_count: list.length, artifacts: page.body } };
  }],
  ['GET', '/repos/:owner/:repo/actions/artifacts/:id/:format', (c) => {
    const repo = c.repo();
    const artifact = repo.artifacts.find((candidate) => candidate.id === Number(c.params.id)) ?? notFound();
    if (c.params.format !== 'zip') invalid('archive_format must be zip');
    if (artifact.expired) throw new HttpError(410, 'Artifact has expired');
    return { status: 302, headers: { location: `${c.fake.url}/_storage/${repo.fullName}/artifacts/${artifact.id}.zip` } };
  }],
  ['GET', '/_storage/:owner/:repo/artifacts/:file', (c) => {
    const repo = c.repo();
    const artifact = repo.artifacts.find((candidate) => `${candidate.id}.zip` === c.params.file) ?? notFound();
    return { status: 200, body: artifact.data, headers: { 'content-type': 'application/zip' } };
  }],
  ['GET', '/repos/:owner/:repo/actions/workflows/:workflow/runs', (c) => {
    const repo = c.repo();
    const workflow = c.params.workflow;
    const list = repo.workflowRuns
      .filter((run) => String(run.workflow_id) === workflow || run.path.split('/').at(-1) === workflow)
      .filter((run) => (c.query.get('status') ?? run.status) === run.status || c.query.get('status') === run.conclusion)
      .filter((run) => (c.query.get('branch') ?? run.head_branch) === run.head_branch)
      .filter((run) => (c.query.get('event') ?? run.event) === run.event)
      .sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : b.id - a.id))
      .map((run) => workflowRunJson(c.fake, repo, run));
    const page = paginate(c, list, `/repos/${repo.fullName}/actions/workflows/${workflow}/runs`);
    return { ...page, body: { total_count: list.length, workflow_runs: page.body } };
  }],
  ['POST', '/repos/:owner/:repo/actions/workflows/:workflow/dispatches', (c) => {
    const repo = c.repo();
    requireFields(c.body, ['ref']);
    const workflow = c.params.workflow;
    if (!repo.files().has(`.github/workflows/${workflow}`)) notFound();
    if (repo.resolve(c.body.ref) === undefined) invalid(`No ref found for: ${c.body.ref}`);
    const inputs = (c.body.inputs ?? {}) as Record<string, unknown>;
    const declared = repo.workflowInputs.get(workflow) ?? [];
    const unexpected = Object.keys(inputs).filter((input) => !declared.includes(input));
    if (unexpected.length > 0) invalid(`Unexpected inputs provided: ${JSON.stringify(unexpected)}`);
    repo.dispatches.push({ workflow, ref: c.body.ref, inputs });
    return { status: 204 };
  }],

  // Issue labels
  ['POST', '/repos/:owner/:repo/issues/:number/labels', (c) => {
    const repo = c.repo();
    const issue = issueByNumber(repo, c.params.number);
    const labels: Array<string | { name: string }> = Array.isArray(c.body) ? c.body : (c.body?.labels ?? []);
    for (const label of labels.map((entry) => (typeof entry === 'string' ? entry : entry.name))) if (!issue.labels.includes(label)) issue.labels.push(label);
    issue.updated_at = now(c);
    return { status: 200, body: issue.labels.map((name) => ({ name })) };
  }],
  ['DELETE', '/repos/:owner/:repo/issues/:number/labels/:name', (c) => {
    const repo = c.repo();
    const issue = issueByNumber(repo, c.params.number);
    const index = issue.labels.indexOf(c.params.name);
    if (index === -1) throw new HttpError(404, 'Label does not exist');
    issue.labels.splice(index, 1);
    issue.updated_at = now(c);
    return { status: 200, body: issue.labels.map((name) => ({ name })) };
  }],

  // The App's installations and their repositories (the scheduled reconciler walks them)
  ['GET', '/app/installations', (c) => paginate(c, [{ id: 1, app_id: c.fake.app.id, account: { login: 'acme', type: 'Organization' } }], '/app/installations')],
  ['GET', '/installation/repositories', (c) => {
    const list = c.fake.repositories().map((repo) => ({ id: repo.id, name: repo.name, full_name: repo.fullName, owner: { login: repo.owner }, private: repo.private, default_branch: repo.defaultBranch }));
    const page = paginate(c, list, '/installation/repositories');
    return { ...page, body: { total_count: list.length, repositories: page.body } };
  }],

  // The App itself and its installation tokens
  ['GET', '/app', (c) => ({ status: 200, body: { id: c.fake.app.id, slug: c.fake.app.slug, name: c.fake.app.slug, owner: { login: 'acme' } } })],
  ['POST', '/app/installations/:id/access_tokens', (c) => {
    if (!/^bearer [\w-]+\.[\w-]+\.[\w-]+$/i.test(String(c.headers.authorization ?? ''))) throw new HttpError(401, 'A JSON web token could not be decoded');
    c.fake.installationTokens += 1;
    return {
      status: 201,
      body: { token: `ghs_fake${c.params.id}`, expires_at: new Date(Date.now() + 3_600_000).toISOString(), permissions: {}, repository_selection: 'all' },
    };
  }],
];

function isAncestor(repo: FakeRepo, ancestor: string, descendant: string): boolean {
  const seen = new Set<string>();
  const queue = [descendant];
  while (queue.length > 0) {
    const sha = queue.pop()!;
    if (sha === ancestor) return true;
    if (seen.has(sha)) continue;
    seen.add(sha);
    queue.push(...(repo.commits.get(sha)?.parents ?? []));
  }
  return false;
}

function addReaction(c: RouteContext, subject: FakeReaction['subject'], subjectId: number): RouteResult {
  const repo = c.repo();
  if (subject === 'comment' && !repo.comments.some((comment) => comment.id === subjectId)) notFound();
  if (subject === 'issue') issueByNumber(repo, String(subjectId));
  requireFields(c.body, ['content']);
  const existing = repo.reactions.find((reaction) => reaction.subject === subject && reaction.subjectId === subjectId && reaction.content === c.body.content && reaction.user.login === c.fake.actor.login);
  if (existing) return { status: 200, body: { id: existing.id, content: existing.content, user: existing.user, created_at: existing.created_at } };
  const reaction: FakeReaction = { id: repo.nextId(), subject, subjectId, content: c.body.content, user: c.fake.actor, created_at: now(c) };
  repo.reactions.push(reaction);
  return { status: 201, body: { id: reaction.id, content: reaction.content, user: reaction.user, created_at: reaction.created_at } };
}

function listReactions(c: RouteContext, subject: FakeReaction['subject'], subjectId: number): RouteResult {
  const repo = c.repo();
  const list = repo.reactions.filter((reaction) => reaction.subject === subject && reaction.subjectId === subjectId).map(({ id, content, user, created_at }) => ({ id, content, user, created_at }));
  return paginate(c, list, `/repos/${repo.fullName}/issues/comments/${subjectId}/reactions`);
}

function permissionFlags(role: FakePermission): Record<string, boolean> {
  const order: FakePermission[] = ['read', 'triage', 'write', 'maintain', 'admin'];
  const rank = order.indexOf(role);
  return { pull: rank >= 0, triage: rank >= 1, push: rank >= 2, maintain: rank >= 3, admin: rank >= 4 };
}

// GraphQL operations, by name. Each handler answers one query shape Tollgate sends.
const GRAPHQL: Record<string, GraphQLHandler> = {
  /** `shared/registry/github-graphql.ts` TAG_REFS_QUERY. */
  TollgateTagRefs: (variables, _query, context) => {
    const repo = context.fake.findRepo(`${variables.owner}/${variables.name}`);
    if (!repo) return missingRepository(variables);
    const refs = [...repo.refs.entries()].filter(([ref]) => ref.startsWith('refs/tags/')).sort(([a], [b]) => (a < b ? -1 : 1));
    const start = typeof variables.after === 'string' ? Number(Buffer.from(variables.after, 'base64').toString('utf8')) + 1 : 0;
    const page = refs.slice(start, start + 100);
    const end = start + page.length - 1;
    return {
      data: {
        repository: {
          refs: {
            pageInfo: { hasNextPage: end < refs.length - 1, endCursor: page.length > 0 ? Buffer.from(String(end)).toString('base64') : null },
            nodes: page.map(([ref, sha]) => ({ name: ref.slice('refs/tags/'.length), target: graphqlObject(repo, sha) })),
          },
        },
      },
    };
  },
  /** `shared/registry/github-graphql.ts` tagObjectsQuery(n): aliased `object(oid: $oN)`. */
  TollgateTagObjects: (variables, query, context) => {
    const repo = context.fake.findRepo(`${variables.owner}/${variables.name}`);
    if (!repo) return missingRepository(variables);
    const repository: Record<string, unknown> = {};
    for (const match of query.matchAll(/(\w+): object\(oid: \$(\w+)\)/g)) repository[match[1]] = graphqlObject(repo, String(variables[match[2]]));
    return { data: { repository } };
  },
  TollgatePromotion: promotionQuery,
};

/** How GraphQL names an actor: Apps' bots without the `[bot]` suffix REST shows. */
function graphqlActor(user: FakeUser | null | undefined): object | null {
  if (!user) return null;
  return { __typename: user.type, login: user.type === 'Bot' ? user.login.replace(/\[bot\]$/, '') : user.login };
}

function graphqlFile(files: Map<string, FakeFile>, path: unknown): object | null {
  const file = typeof path === 'string' ? files.get(path) : undefined;
  return file ? { oid: file.sha, object: { __typename: 'Blob', text: file.content.toString('utf8'), isTruncated: false } } : null;
}

/** `bot/github/promotion-query.ts`: a promotion pull request and everything its decision reads, in one request. */
function promotionQuery(variables: Record<string, unknown>, _query: string, context: RouteContext): { data?: unknown; errors?: unknown[] } {
  const repo = context.fake.findRepo(`${variables.owner}/${variables.name}`);
  if (!repo) return missingRepository(variables);
  const defaultSha = repo.refs.get(`refs/heads/${repo.defaultBranch}`);
  const issue = repo.pull(Number(variables.number));
  let pullRequest: object | null = null;
  if (issue) {
    const pull = issue.pull!;
    const head = repo.commits.has(pull.head_sha) ? pull.head_sha : undefined;
    const suites = new Map<string, { app: FakeApp; runs: FakeCheckRun[] }>();
    for (const run of repo.checkRuns.filter((candidate) => candidate.head_sha === pull.head_sha)) {
      const app = run.app ?? context.fake.app;
      const suite = suites.get(app.slug) ?? { app, runs: [] };
      suite.runs.push(run);
      suites.set(app.slug, suite);
    }
    pullRequest = {
      number: issue.number,
      url: `${context.fake.url}/${repo.fullName}/pull/${issue.number}`,
      state: pull.merged ? 'MERGED' : issue.state.toUpperCase(),
      merged: pull.merged,
      mergedAt: pull.merged_at ?? null,
      closedAt: issue.closed_at,
      createdAt: issue.created_at,
      body: issue.body ?? '',
      headRefName: pull.head,
      headRefOid: pull.head_sha,
      author: graphqlActor(issue.user),
      headRepository: { nameWithOwner: pull.head_repo ?? repo.fullName },
      baseRepository: { nameWithOwner: repo.fullName },
      commits: {
        nodes: head
          ? [{
            commit: {
              oid: head,
              file: graphqlFile(repo.commitFiles(head), variables.candidatePath),
              checkSuites: {
                nodes: [...suites.values()].map((suite) => ({
                  app: { databaseId: suite.app.id, slug: suite.app.slug },
                  checkRuns: {
                    nodes: suite.runs.map((run) => ({
                      databaseId: run.id,
                      name: run.name,
                      status: run.status.toUpperCase(),
                      conclusion: run.conclusion === null ? null : run.conclusion.toUpperCase(),
                      startedAt: run.started_at,
                      title: run.output.title ?? null,
                      summary: run.output.summary ?? null,
                    })),
                  },
                })),
              },
            },
          }]
          : [],
      },
    };
  }
  const candidateCommit = String(variables.candidateCommit ?? '');
  const candidate = repo.commits.has(candidateCommit)
    ? {
      associatedPullRequests: {
        nodes: repo.issues
          .filter((candidatePull) => candidatePull.pull && (candidatePull.pull.head_sha === candidateCommit || candidatePull.pull.merge_commit_sha === candidateCommit))
          .map((candidatePull) => ({
            number: candidatePull.number,
            state: candidatePull.pull!.merged ? 'MERGED' : candidatePull.state.toUpperCase(),
            merged: candidatePull.pull!.merged,
            author: graphqlActor(candidatePull.user),
            mergedBy: graphqlActor(candidatePull.pull!.merged_by),
          })),
      },
    }
    : null;
  const query = String(variables.tagQuery ?? '');
  const refs = [...repo.refs.entries()].filter(([ref]) => ref.startsWith('refs/tags/') && ref.slice('refs/tags/'.length).includes(query)).sort(([a], [b]) => (a < b ? -1 : 1));
  const page = refs.slice(0, 100);
  return {
    data: {
      repository: {
        nameWithOwner: repo.fullName,
        candidate,
        defaultBranchRef: defaultSha
          ? { name: repo.defaultBranch, target: { oid: defaultSha, file: graphqlFile(repo.commitFiles(defaultSha), variables.configPath) } }
          : null,
        pullRequest,
        refs: {
          pageInfo: { hasNextPage: refs.length > page.length, endCursor: page.length > 0 ? Buffer.from(String(page.length - 1)).toString('base64') : null },
          nodes: page.map(([ref, sha]) => ({ name: ref.slice('refs/tags/'.length), target: graphqlObject(repo, sha) })),
        },
      },
    },
    ...(issue ? {} : { errors: [{ type: 'NOT_FOUND', path: ['repository', 'pullRequest'], message: `Could not resolve to a PullRequest with the number of ${variables.number}.` }] }),
  };
}

function missingRepository(variables: Record<string, unknown>): { data: unknown; errors: unknown[] } {
  return { data: { repository: null }, errors: [{ type: 'NOT_FOUND', path: ['repository'], message: `Could not resolve to a Repository with the name '${variables.owner}/${variables.name}'.` }] };
}

// ---------------------------------------------------------------------------
// Server

/** Options for `FakeGitHub.start`. */
export interface FakeGitHubOptions {
  /** Answer 401 to requests without an `authorization` header. */
  requireAuth?: boolean;
}

/** The fake server. */
export class FakeGitHub {
  /** `http://127.0.0.1:<port>`: pass as `baseUrl` (REST) — GraphQL is at `/graphql`. */
  url = '';
  /** Every request, in arrival order. */
  readonly requests: RecordedRequest[] = [];
  /** The user the fake acts as (comment authors, release authors...). */
  actor: FakeUser = { login: 'tollgate-test[bot]', id: 41898282, type: 'Bot' };
  /** The App behind `actor` (`GET /app`, check runs created through the API). */
  app: FakeApp = { id: 4242, slug: 'tollgate-test' };
  /** `org/team` (lower case) -> member logins, for `GET /orgs/{org}/teams/{team}/members`. */
  readonly teams = new Map<string, string[]>();
  /** Installation tokens handed out (`POST /app/installations/{id}/access_tokens`). */
  installationTokens = 0;
  private readonly repos = new Map<string, FakeRepo>();
  private readonly routes: CompiledRoute[] = ROUTES.map(([method, pattern, handler]) => compile(method, pattern, handler));
  private readonly graphqlHandlers = new Map<string, GraphQLHandler>(Object.entries(GRAPHQL));
  private readonly failures: Array<{ method: string; route: CompiledRoute; status: number; message: string }> = [];
  private readonly sequence = new Sequence();
  private server: Server | undefined;

  private constructor(private readonly options: FakeGitHubOptions) {}

  /** Starts a fake on a random port of 127.0.0.1. */
  static async start(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
    const fake = new FakeGitHub(options);
    const server = createServer((request, response) => void fake.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake.server = server;
    fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return fake;
  }

  /** A repository, created empty on first use. */
  repo(fullName: string): FakeRepo {
    let repo = this.repos.get(fullName);
    if (!repo) {
      const [owner, name] = fullName.split('/');
      this.repos.set(fullName, (repo = new FakeRepo(owner, name, this.sequence)));
    }
    return repo;
  }

  /** A repository, or undefined when none was created. */
  findRepo(fullName: string): FakeRepo | undefined {
    return this.repos.get(fullName);
  }

  /** Every repository, in creation order. */
  repositories(): FakeRepo[] {
    return [...this.repos.values()];
  }

  /** The fake's clock (ISO, second resolution) without advancing it. */
  currentTime(): string {
    return this.sequence.peek();
  }

  /** Moves the fake's clock forward. */
  advance(ms: number): void {
    this.sequence.advance(ms);
  }

  /** Adds (or, for an existing pattern, overrides) a REST route. */
  route(method: string, pattern: string, handler: RouteHandler): this {
    this.routes.unshift(compile(method, pattern, handler));
    return this;
  }

  /** Adds or replaces a GraphQL operation. */
  graphql(operation: string, handler: GraphQLHandler): this {
    this.graphqlHandlers.set(operation, handler);
    return this;
  }

  /** Makes the next request matching `method pattern` fail with `status`. */
  failNext(method: string, pattern: string, status = 500, message = 'Injected failure'): this {
    this.failures.push({ method: method.toUpperCase(), route: compile(method, pattern, () => ({ status })), status, message });
    return this;
  }

  /** Requests so far, optionally only those matching. */
  count(filter: (request: RecordedRequest) => boolean = () => true): number {
    return this.requests.filter(filter).length;
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.server?.close((error) => (error ? reject(error) : resolve())) ?? resolve());
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(request.url ?? '/', this.url);
    const method = (request.method ?? 'GET').toUpperCase();
    const parts = url.pathname.split('/').filter(Boolean).map((part) => decodeURIComponent(part));
    const isJson = String(request.headers['content-type'] ?? '').includes('json');
    let body: unknown;
    if (raw.length > 0 && isJson) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        body = undefined;
      }
    }
    const record: RecordedRequest = { method, path: url.pathname, query: Object.fromEntries(url.searchParams), body, status: 0, time: Date.now() };
    this.requests.push(record);

    let result: RouteResult;
    try {
      if (this.options.requireAuth && !request.headers.authorization) throw new HttpError(401, 'Requires authentication');
      result = await this.dispatch(method, parts, { url, raw, body, headers: request.headers, record });
    } catch (error) {
      if (!(error instanceof HttpError)) {
        result = { status: 500, body: { message: `fake-github bug: ${(error as Error).stack ?? String(error)}` } };
      } else {
        result = { status: error.status, body: { message: error.message, documentation_url: 'https://docs.github.com/rest', ...error.extra } };
      }
    }
    record.status = result.status;
    const headers: Record<string, string> = { 'x-github-request-id': String(this.requests.length), ...result.headers };
    if (result.body === undefined || result.status === 204) {
      response.writeHead(result.status, headers).end();
    } else if (Buffer.isBuffer(result.body)) {
      response.writeHead(result.status, { 'content-type': 'application/octet-stream', ...headers }).end(result.body);
    } else {
      response.writeHead(result.status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(result.body));
    }
  }

  private async dispatch(
    method: string,
    parts: string[],
    input: { url: URL; raw: Buffer; body: unknown; headers: IncomingMessage['headers']; record: RecordedRequest },
  ): Promise<RouteResult> {
    const failure = this.failures.findIndex((candidate) => matchRoute(candidate.route, method, parts) !== undefined);
    if (failure !== -1) {
      const [injected] = this.failures.splice(failure, 1);
      throw new HttpError(injected.status, injected.message);
    }
    const makeContext = (params: Record<string, string>): RouteContext => ({
      method,
      params,
      query: input.url.searchParams,
      body: input.body,
      raw: input.raw,
      headers: input.headers,
      fake: this,
      repo: () => this.findRepo(`${params.owner}/${params.repo}`) ?? notFound(),
    });
    if (method === 'POST' && parts.length === 1 && parts[0] === 'graphql') return this.runGraphql(input, makeContext({}));
    for (const route of this.routes) {
      const params = matchRoute(route, method, parts);
      if (params) return route.handler(makeContext(params));
    }
    throw new HttpError(404, `Not Found (fake-github has no route for ${method} /${parts.join('/')})`);
  }

  private runGraphql(input: { body: unknown; record: RecordedRequest }, context: RouteContext): RouteResult {
    const { query, variables } = (input.body ?? {}) as { query?: string; variables?: Record<string, unknown> };
    const operation = /^\s*(?:query|mutation)\s+(\w+)/.exec(query ?? '')?.[1] ?? '';
    input.record.operation = operation;
    const handler = this.graphqlHandlers.get(operation);
    if (!handler) return { status: 200, body: { errors: [{ message: `fake-github does not implement GraphQL operation '${operation}'` }] } };
    return { status: 200, body: handler(variables ?? {}, query ?? '', context) };
  }
}
