import { Octokit } from 'octokit';

/** The REST/GraphQL client every Tollgate module talks to GitHub through. */
export type GitHubClient = InstanceType<typeof Octokit>;

export interface GitHubClientOptions {
  /** A token with the permissions the caller needs; never logged. */
  token?: string;
  /** `https://api.github.com` unless running against GHES or a test fake. */
  baseUrl?: string;
  /** Injectable transport: tests pass a fetch that reaches nock or a local fake. */
  fetch?: typeof globalThis.fetch;
  /** Retries for 5xx and secondary rate limits (default 3; 0 disables both). */
  retries?: number;
  userAgent?: string;
}

/**
 * Builds an octokit with retry and throttling. Rate-limited requests are
 * retried up to `retries` times after GitHub's advertised wait, then fail.
 */
export function createGitHubClient(options: GitHubClientOptions = {}): GitHubClient {
  const retries = options.retries ?? 3;
  const enabled = retries > 0;
  return new Octokit({
    auth: options.token,
    baseUrl: options.baseUrl ?? 'https://api.github.com',
    userAgent: options.userAgent ?? 'tollgate',
    request: { fetch: options.fetch ?? globalThis.fetch },
    retry: { enabled, retries },
    throttle: {
      enabled,
      onRateLimit: (_retryAfter: number, _options: object, _octokit: unknown, retryCount: number) => retryCount < retries,
      onSecondaryRateLimit: (_retryAfter: number, _options: object, _octokit: unknown, retryCount: number) => retryCount < retries,
    },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
}
