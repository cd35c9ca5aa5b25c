/**
 * One webhook delivery as the handlers see it: the repository, an API client
 * authenticated as the installation, the App's identity, and a cache that
 * lives exactly as long as the delivery (so one delivery never asks GitHub
 * the same question twice, and no delivery trusts another's answers).
 */
import type { Context } from 'probot';
import type { GitHubClient } from '../shared/github/client.js';
import type { LastingCache } from './lasting-cache.js';
import type { BotSettings } from './settings.js';

/** The App's identity, as GitHub shows it. */
export interface AppIdentity {
  /** `tollgate[bot]`: the author of the App's comments, pull requests and reviews. */
  login: string;
  /** `tollgate`: the App's slug, as check runs and GraphQL name it. */
  slug: string;
}

/** What every handler works with. */
export interface Delivery {
  /** `X-GitHub-Delivery`. */
  id: string;
  /** `issue_comment.created` and the like. */
  event: string;
  owner: string;
  repo: string;
  client: GitHubClient;
  app: AppIdentity;
  settings: BotSettings;
  log: Pick<Context['log'], 'debug' | 'info' | 'warn' | 'error'>;
  /** Facts that never change once true, shared by every delivery of this process. */
  lasting: LastingCache;
  /** Memoizes a lookup for the rest of this delivery. */
  memo<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** Drops memoized lookups whose key starts with `prefix` (after the bot itself changed what they read). */
  forget(prefix: string): void;
  /** The current time (ISO 8601). */
  now(): string;
}

/** The installation's client as the shared helpers type it (Probot's octokit has the same REST, GraphQL and pagination). */
export function clientOf(context: Pick<Context, 'octokit'>): GitHubClient {
  return context.octokit as unknown as GitHubClient;
}

/** What a delivery is made of; {@link buildDelivery} adds the per-delivery memo and clock. */
export type DeliveryParts = Omit<Delivery, 'memo' | 'forget' | 'now'>;

/** A delivery from its parts, with a cache that lives exactly as long as it does. */
export function buildDelivery(parts: DeliveryParts): Delivery {
  const cache = new Map<string, Promise<unknown>>();
  return {
    ...parts,
    memo<T>(key: string, load: () => Promise<T>): Promise<T> {
      let value = cache.get(key) as Promise<T> | undefined;
      if (!value) {
        value = load();
        cache.set(key, value);
        // A failed lookup may be retried within the same delivery.
        value.catch(() => cache.delete(key));
      }
      return value;
    },
    forget(prefix: string): void {
      for (const key of [...cache.keys()]) if (key.startsWith(prefix)) cache.delete(key);
    },
    now: () => parts.settings.now().toISOString(),
  };
}

/** Builds the delivery for a Probot context. */
export function createDelivery(context: Context, app: AppIdentity, settings: BotSettings, lasting: LastingCache): Delivery {
  const repository = (context.payload as { repository?: { owner?: { login?: string }; name?: string } }).repository;
  return buildDelivery({
    id: context.id,
    event: 'action' in context.payload && typeof context.payload.action === 'string' ? `${context.name}.${context.payload.action}` : context.name,
    owner: repository?.owner?.login ?? '',
    repo: repository?.name ?? '',
    client: clientOf(context),
    app,
    settings,
    lasting,
    log: context.log,
  });
}
