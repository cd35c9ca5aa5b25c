/**
 * Picks and builds a registry for a front-end (actions, bot): the GitHub API
 * when a token and a repository are known, else the local git checkout.
 */
import { UsageError } from '../errors/index.js';
import type { ModelsConfig } from '../config/models.js';
import { createGitHubClient, type GitHubClient } from '../github/client.js';
import { GitBackend } from './git-backend.js';
import { GitHubBackend } from './github-backend.js';
import { Registry } from './registry.js';

/** Which backend to use; `auto` = GitHub when a token and repository are given, else git. */
export type BackendChoice = 'auto' | 'git' | 'github';

/** Everything `openRegistry` may need. */
export interface OpenRegistryOptions {
  backend: BackendChoice;
  /** The git checkout (git backend). */
  cwd: string;
  /** Push new tags to this remote (git backend). */
  pushTo?: string;
  token?: string;
  /** `owner/name`. */
  repository?: string;
  apiUrl?: string;
  models?: ModelsConfig;
  /** Who tags are written as (default: the backend's identity). */
  tagger?: { name: string; email: string };
  /** Tests pass a fetch that reaches a fake. */
  fetch?: typeof globalThis.fetch;
  /** Retries for 5xx and rate limits (default 3); 0 also turns off write pacing, for local fakes. */
  retries?: number;
}

/** A registry plus the GitHub client (when there is one, for releases). */
export interface OpenedRegistry {
  registry: Registry;
  kind: 'git' | 'github';
  client?: GitHubClient;
  owner?: string;
  repo?: string;
}

/** Builds the registry a front-end asked for, explaining what is missing when it cannot. */
export function openRegistry(options: OpenRegistryOptions): OpenedRegistry {
  const [owner, repo] = (options.repository ?? '').split('/');
  const haveRepository = Boolean(owner && repo);
  const client = options.token && haveRepository ? createGitHubClient({ token: options.token, baseUrl: options.apiUrl, fetch: options.fetch, retries: options.retries }) : undefined;
  const kind = options.backend === 'auto' ? (client ? 'github' : 'git') : options.backend;
  if (kind === 'github') {
    if (!haveRepository) throw new UsageError('the GitHub backend needs the repository (owner/name; GITHUB_REPOSITORY in Actions)');
    if (!client) throw new UsageError('the GitHub backend needs a token (github-token, with contents: write to write tags)');
    const backend = new GitHubBackend({ client, owner, repo });
    return { registry: new Registry({ backend, models: options.models, tagger: options.tagger }), kind, client, owner, repo };
  }
  const backend = new GitBackend({ cwd: options.cwd, pushTo: options.pushTo });
  return { registry: new Registry({ backend, models: options.models, tagger: options.tagger }), kind: 'git', client, owner: haveRepository ? owner : undefined, repo: haveRepository ? repo : undefined };
}
