/**
 * What the workflow run is about, read from the runner's environment and
 * event file when needed (not at import, unlike @actions/github's context).
 */
import { readFile } from 'node:fs/promises';
import { UsageError } from '../../../shared/errors/index.js';

export interface PullRequestTarget {
  number: number;
  /** The PR head commit (check runs belong to it, not to the merge commit in GITHUB_SHA). */
  headSha: string;
}

export interface RunContext {
  owner: string;
  repo: string;
  apiUrl: string;
  /** Link to this workflow run, when the runner says where it is. */
  runUrl: string | undefined;
  /** Set on pull_request and pull_request_target events. */
  pullRequest: PullRequestTarget | undefined;
}

interface PullRequestEvent {
  pull_request?: { number?: unknown; head?: { sha?: unknown } };
}

export async function readRunContext(env: NodeJS.ProcessEnv = process.env): Promise<RunContext> {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) throw new UsageError('GITHUB_REPOSITORY is not set: run this action in a GitHub Actions workflow');
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const runUrl = env.GITHUB_RUN_ID ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  let pullRequest: PullRequestTarget | undefined;
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  if ((eventName === 'pull_request' || eventName === 'pull_request_target') && env.GITHUB_EVENT_PATH) {
    const event = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as PullRequestEvent;
    const number = event.pull_request?.number;
    const headSha = event.pull_request?.head?.sha;
    if (typeof number === 'number' && typeof headSha === 'string') pullRequest = { number, headSha };
  }
  return { owner, repo, apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com', runUrl, pullRequest };
}
