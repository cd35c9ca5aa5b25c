/**
 * A Tollgate App wired to the local fake GitHub: Probot with retries and
 * throttling off, a repository with a policy file, a registered version with
 * its release, and helpers that act as people (comment, review, push, merge)
 * and deliver the matching webhook through `probot.receive`.
 */
import { randomUUID } from 'node:crypto';
import { Probot, ProbotOctokit } from 'probot';
import { createGitHubClient, type GitHubClient } from '../../../shared/github/client.js';
import { GitHubBackend, jsonAsset, publishRelease, Registry } from '../../../shared/registry/index.js';
import { createTollgateApp, type TollgateAppOptions } from '../../../bot/app.js';
import { scheduledDelivery } from '../../../bot/handlers/reconcile.js';
import { LastingCache } from '../../../bot/lasting-cache.js';
import { botSettings } from '../../../bot/settings.js';
import type { FakeComment, FakeGitHub, FakeIssue, FakeRepo, FakeReview, FakeUser } from '../../support/fake-github.js';
import { checkRunPayload, createTagPayload, issueCommentPayload, pullRequestPayload, reviewPayload } from './payloads.js';

export const APP_USER: FakeUser = { login: 'tollgate[bot]', id: 9001, type: 'Bot' };
export const APP = { id: 77, slug: 'tollgate' };
export const ACTIONS_APP = { id: 15368, slug: 'github-actions' };

/** The policy most tests run under: one approval for staging, two (and the evaluation check) for production. */
export const CONFIG = `models:
  churn:
    stages: [staging, production]
    promotion:
      staging:
        approvers: [alice, bob, acme/ml-leads]
        required: 1
        require_checks: []
      production:
        approvers: [alice, bob, carol, acme/ml-leads]
        required: 2
        require_checks: [tollgate/evaluation]
`;

let ids = 50_000;
const people = new Map<string, FakeUser>();

/** A GitHub account (the same object for the same login). */
export function person(login: string, type: 'User' | 'Bot' = 'User'): FakeUser {
  let user = people.get(login);
  if (!user) people.set(login, (user = { login, id: (ids += 1), type }));
  return user;
}

/** Evaluation evidence attached to every registered version. */
export const EVALUATION = {
  schema: 'tollgate.evaluation/v1',
  decision: 'promote',
  reasons: ['roc_auc improved by 0.02 (lower bound 0.004 > 0)'],
  metrics: { challenger: { roc_auc: 0.91, log_loss: 0.31 }, champion: { roc_auc: 0.89, log_loss: 0.33 } },
};

let repoCounter = 0;

/**
 * Probot's octokit without retries and throttling. The function form is
 * needed: Probot v14 passes its own `throttle` options to every instance,
 * which replace an object default wholesale (and throttling spaces writes a
 * second apart).
 */
export const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...(options.throttle as object), enabled: false },
}));

export interface Harness {
  fake: FakeGitHub;
  repo: FakeRepo;
  probot: Probot;
  /** A plain client (as the fake's actor, i.e. the App). */
  client: GitHubClient;
  deliver(name: string, payload: object, id?: string): Promise<void>;
  setConfig(text: string): void;
  /** Registers `churn@<version>` on a new commit of main, trained in a pull request by `trainer` and merged by `merger`, with a release. */
  register(version: string, options?: { trainer?: string; merger?: string; model?: string }): Promise<{ tag: string; commit: string }>;
  /** Delivers the `create` event of the version's tag; returns the promotion pull request the bot opened. */
  registerAndOpen(version: string, options?: { trainer?: string; merger?: string }): Promise<FakeIssue>;
  /** Writes a comment as `login` (not delivered). */
  comment(number: number, login: string, body: string, options?: { type?: 'User' | 'Bot'; viaApp?: string }): FakeComment;
  /** Writes a comment as `login` and delivers `issue_comment.created`. */
  say(number: number, login: string, body: string, options?: { type?: 'User' | 'Bot'; viaApp?: string; delivery?: string }): Promise<FakeComment>;
  /** Submits a review as `login` and delivers `pull_request_review.submitted`. */
  review(number: number, login: string, state: FakeReview['state'], options?: { body?: string; commit?: string }): Promise<FakeReview>;
  /** Pushes a commit to the pull request's branch as `login` and delivers `pull_request.synchronize`. */
  push(number: number, login: string): Promise<string>;
  /** Merges through the API (as the App, which branch protection would allow) and delivers `pull_request.closed`. */
  merge(number: number): Promise<void>;
  /** A successful `tollgate/evaluation` run by GitHub Actions on the head, and its `check_run.completed`. */
  passEvaluation(number: number, conclusion?: string): Promise<void>;
  /** The App's status comment on `number`. */
  status(number: number): string;
  /** The App's newest `tollgate/promotion` run on the pull request's head. */
  promotionCheck(number: number): { conclusion: string | null; title?: string | null; summary?: string | null } | undefined;
  /** Stage tags (`name#stage#N`) in the repository. */
  stageTags(): string[];
  pull(number: number): FakeIssue;
}

/**
 * Who wrote each commit, as real GitHub links a commit's author and committer to accounts
 * (the fake does not track it): commits the App creates through the Git Data API are its bot's
 * (and signed by GitHub); a harness `push` is its pusher's. Commit SHAs include the repository,
 * so one map serves every fake.
 */
export const commitWriters = new Map<string, string>();

/** Wraps `fetch` so `GET /repos/{o}/{r}/commits/{sha}` answers with the commit's author, committer and signature, as GitHub does. */
export function withCommitWriters(base: typeof globalThis.fetch): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await base(input, init);
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = (init?.method ?? (typeof input === 'object' && 'method' in input ? input.method : 'GET')).toUpperCase();
    if (!response.ok) return response;
    if (method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/git\/commits$/.test(url.pathname)) {
      const body = (await response.clone().json()) as { sha?: string };
      if (body.sha) commitWriters.set(body.sha, APP_USER.login);
      return response;
    }
    if (method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/commits\/[^/]+$/.test(url.pathname)) {
      const body = (await response.json()) as { sha: string; commit?: object };
      const login = commitWriters.get(body.sha);
      const user = login ? { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' } : null;
      const verified = login === APP_USER.login;
      const headers = new Headers(response.headers);
      headers.delete('content-length');
      const text = JSON.stringify({ ...body, author: user, committer: user, commit: { ...body.commit, verification: { verified, reason: verified ? 'valid' : 'unsigned' } } });
      return new Response(text, { status: response.status, headers });
    }
    return response;
  };
}

/** Starts a harness on a fresh repository of `fake`. */
/** A delivery as the reconciler makes one, on the harness's repository and the fake's clock. */
export function reconcilerDelivery(h: Harness, fake: FakeGitHub, options: { log: Parameters<typeof scheduledDelivery>[0]['log']; lasting?: LastingCache }): ReturnType<typeof scheduledDelivery> {
  return scheduledDelivery({
    client: h.client,
    owner: h.repo.owner,
    repo: h.repo.name,
    app: { login: APP_USER.login, slug: APP.slug },
    settings: botSettings({ now: () => new Date(fake.currentTime()) }),
    lasting: options.lasting ?? new LastingCache(),
    log: options.log,
  });
}

export async function startHarness(fake: FakeGitHub, options: { config?: string; app?: TollgateAppOptions; fetch?: typeof globalThis.fetch } = {}): Promise<Harness> {
  fake.actor = APP_USER;
  fake.app = APP;
  repoCounter += 1;
  const repo = fake.repo(`acme/churn-${repoCounter}`);
  repo.setFile('README.md', '# churn\n');
  repo.setFile('.github/tollgate.yml', options.config ?? CONFIG);
  repo.addCommit('initial');
  for (const [login, role] of [['alice', 'write'], ['bob', 'maintain'], ['carol', 'admin'], ['dana', 'write'], ['erin', 'admin'], ['rita', 'read'], ['tom', 'triage']] as const) {
    repo.collaborators.set(login, role);
  }
  fake.teams.set('acme/ml-leads', ['frank', 'gina']);
  repo.collaborators.set('frank', 'write');
  repo.collaborators.set('gina', 'write');

  const client = createGitHubClient({ baseUrl: fake.url, token: 'test', retries: 0 });
  const probot = new Probot({ githubToken: 'test-token', Octokit: TestOctokit, baseUrl: fake.url, request: { fetch: withCommitWriters(options.fetch ?? globalThis.fetch) }, logLevel: 'fatal' });
  await probot.load(
    createTollgateApp({
      ...options.app,
      settings: { appLogin: APP_USER.login, now: () => new Date(fake.currentTime()), ...options.app?.settings },
    }),
  );

  const deliver = (name: string, payload: object, id: string = randomUUID()) => probot.receive({ id, name, payload } as never);
  const fakeNow = () => Math.floor(Date.parse(fake.currentTime()) / 1000);
  const pull = (number: number) => repo.pull(number) ?? (() => { throw new Error(`no pull request #${number}`); })();

  const harness: Harness = {
    fake,
    repo,
    probot,
    client,
    deliver,
    pull,
    setConfig(text) {
      repo.setFile('.github/tollgate.yml', text);
      repo.addCommit('config');
    },
    async register(version, registerOptions = {}) {
      const model = registerOptions.model ?? 'churn';
      const trainer = person(registerOptions.trainer ?? 'dana');
      const merger = person(registerOptions.merger ?? 'erin');
      const commit = repo.addCommit(`train ${model} ${version}`);
      const time = repo.now();
      const source: FakeIssue = {
        number: repo.issues.length + 1,
        title: `Train ${model} ${version}`,
        body: 'new features',
        state: 'closed',
        state_reason: null,
        labels: [],
        assignees: [],
        user: trainer,
        created_at: time,
        updated_at: time,
        closed_at: time,
        pull: { head: `train-${version}`, base: repo.defaultBranch, head_sha: commit, draft: false, merged: true, merged_at: time, merge_commit_sha: commit, merged_by: merger },
      };
      repo.issues.push(source);
      const registry = new Registry({ backend: new GitHubBackend({ client, owner: repo.owner, repo: repo.name }), now: fakeNow });
      const result = await registry.register({ model, version, ref: commit, metadata: { pullRequest: source.number } });
      await publishRelease(client, repo.owner, repo.name, {
        tag: result.event.tag,
        title: `${model} ${version}`,
        body: `# ${model} ${version}\n`,
        prerelease: false,
        assets: [jsonAsset('evaluation.json', EVALUATION), jsonAsset('lineage.json', { git: { commit }, run_url: 'https://github.com/acme/churn/actions/runs/1', data: [] })],
      });
      return { tag: result.event.tag, commit };
    },
    async registerAndOpen(version, registerOptions = {}) {
      const { tag } = await harness.register(version, registerOptions);
      const before = repo.issues.length;
      await deliver('create', createTagPayload(repo, tag, person('github-actions[bot]', 'Bot')));
      const opened = repo.issues.slice(before).find((issue) => issue.pull && issue.user.login === APP_USER.login);
      if (!opened) throw new Error(`the bot opened no promotion pull request for ${tag}`);
      return opened;
    },
    comment(number, login, body, commentOptions = {}) {
      const time = repo.now();
      const comment: FakeComment = {
        id: repo.nextId(),
        issue_number: number,
        body,
        user: person(login, commentOptions.type ?? (login.endsWith('[bot]') ? 'Bot' : 'User')),
        created_at: time,
        updated_at: time,
        performed_via_github_app: commentOptions.viaApp ? { id: 31337, slug: commentOptions.viaApp, name: commentOptions.viaApp } : null,
      };
      repo.comments.push(comment);
      return comment;
    },
    async say(number, login, body, sayOptions = {}) {
      const comment = harness.comment(number, login, body, sayOptions);
      await deliver('issue_comment', issueCommentPayload(fake, repo, 'created', comment), sayOptions.delivery);
      return comment;
    },
    async review(number, login, state, reviewOptions = {}) {
      const review: FakeReview = {
        id: repo.nextId(),
        pull_number: number,
        state,
        body: reviewOptions.body ?? '',
        commit_id: reviewOptions.commit ?? pull(number).pull!.head_sha,
        user: person(login),
        submitted_at: repo.now(),
      };
      repo.reviews.push(review);
      await deliver('pull_request_review', reviewPayload(fake, repo, 'submitted', review));
      return review;
    },
    async push(number, login) {
      const branch = pull(number).pull!.head;
      repo.setFile(`notes/${login}-${repo.commits.size}.md`, `pushed by ${login}\n`, branch);
      const sha = repo.addCommit(`push by ${login}`, branch);
      commitWriters.set(sha, login);
      await deliver('pull_request', pullRequestPayload(fake, repo, 'synchronize', number, person(login)));
      return sha;
    },
    async merge(number) {
      await client.rest.pulls.merge({ owner: repo.owner, repo: repo.name, pull_number: number, sha: pull(number).pull!.head_sha });
      await deliver('pull_request', pullRequestPayload(fake, repo, 'closed', number, person('erin')));
    },
    async passEvaluation(number, conclusion = 'success') {
      const issue = pull(number);
      const time = repo.now();
      const run = {
        id: repo.nextId(),
        name: 'tollgate/evaluation',
        head_sha: issue.pull!.head_sha,
        status: 'completed',
        conclusion,
        details_url: null,
        external_id: null,
        output: { title: 'Evaluation', summary: 'ok' },
        started_at: time,
        completed_at: time,
        app: ACTIONS_APP,
      };
      repo.checkRuns.push(run);
      await deliver('check_run', checkRunPayload(repo, { ...run, app: ACTIONS_APP }, number, issue.pull!.head, person('github-actions[bot]', 'Bot')));
    },
    status(number) {
      const own = repo.comments.filter((comment) => comment.issue_number === number && comment.user.login === APP_USER.login && comment.body.includes('<!-- tollgate:promotion:'));
      if (own.length !== 1) throw new Error(`expected one status comment on #${number}, found ${own.length}`);
      return own[0].body;
    },
    promotionCheck(number) {
      const head = pull(number).pull!.head_sha;
      const runs = repo.checkRuns.filter((run) => run.head_sha === head && run.name === 'tollgate/promotion' && (run.app ?? fake.app).slug === APP.slug);
      const latest = runs.at(-1);
      return latest && { conclusion: latest.conclusion, title: latest.output.title, summary: latest.output.summary };
    },
    stageTags() {
      return [...repo.refs.keys()].filter((ref) => ref.startsWith('refs/tags/') && ref.includes('#')).map((ref) => ref.slice('refs/tags/'.length)).sort();
    },
  };
  return harness;
}
