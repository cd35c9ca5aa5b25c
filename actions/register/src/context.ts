/**
 * The workflow run, read from the runner's environment when needed (not at
 * import time, unlike @actions/github's context).
 */
import { readFile } from 'node:fs/promises';

/** What the registry actions need to know about the run. */
export interface RunContext {
  /** `owner/name`, when running in Actions. */
  repository: string | undefined;
  serverUrl: string;
  apiUrl: string | undefined;
  runUrl: string | undefined;
  sha: string | undefined;
  /** The triggering pull request's number (pull_request events). */
  pullRequest: number | undefined;
  workspace: string;
  /** `TOLLGATE_GITHUB_RETRIES`: retries for 5xx and rate limits; 0 also turns off write pacing (tests against a local fake). */
  apiRetries: number | undefined;
}

/** Reads the run's context from `env` and the event file. */
export async function readRunContext(env: NodeJS.ProcessEnv = process.env): Promise<RunContext> {
  const repository = env.GITHUB_REPOSITORY || undefined;
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  let pullRequest: number | undefined;
  if (env.GITHUB_EVENT_PATH && /^pull_request/.test(env.GITHUB_EVENT_NAME ?? '')) {
    try {
      const event = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as { pull_request?: { number?: unknown } };
      if (typeof event.pull_request?.number === 'number') pullRequest = event.pull_request.number;
    } catch {
      pullRequest = undefined; // an unreadable event file only costs the PR trailer
    }
  }
  return {
    repository,
    serverUrl,
    apiUrl: env.GITHUB_API_URL || undefined,
    runUrl: repository && env.GITHUB_RUN_ID ? `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    sha: env.GITHUB_SHA || undefined,
    pullRequest,
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    apiRetries: /^\d+$/.test(env.TOLLGATE_GITHUB_RETRIES ?? '') ? Number(env.TOLLGATE_GITHUB_RETRIES) : undefined,
  };
}

/** The release page and asset download base of a tag, by GitHub's URL scheme (no request needed). */
export function releaseUrls(context: RunContext, tag: string): { release: string; assets: string } | undefined {
  if (!context.repository) return undefined;
  const base = `${context.serverUrl}/${context.repository}/releases`;
  return { release: `${base}/tag/${encodeURIComponent(tag)}`, assets: `${base}/download/${encodeURIComponent(tag)}/` };
}
