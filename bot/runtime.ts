/**
 * What lives as long as the App: settings, the per-repository queue, the
 * cache of facts that never change, the command handlers, and the App's own
 * identity (looked up once).
 */
import type { Probot } from 'probot';
import type { CommandHandler } from './commands/index.js';
import type { AppIdentity } from './delivery.js';
import { LastingCache } from './lasting-cache.js';
import { KeyedQueue } from './queue.js';
import type { BotSettings } from './settings.js';

export interface BotRuntime {
  settings: BotSettings;
  queue: KeyedQueue;
  lasting: LastingCache;
  commands: readonly CommandHandler[];
  /** The App's login and slug. */
  identity(): Promise<AppIdentity>;
}

/** `tollgate[bot]` -> `{ login: 'tollgate[bot]', slug: 'tollgate' }`. */
export function identityOf(login: string): AppIdentity {
  const slug = login.replace(/\[bot\]$/i, '');
  return { login: `${slug}[bot]`, slug };
}

/** Builds the runtime of one loaded App. */
export function createRuntime(app: Probot, settings: BotSettings, commands: readonly CommandHandler[]): BotRuntime {
  let identity: Promise<AppIdentity> | undefined = settings.appLogin ? Promise.resolve(identityOf(settings.appLogin)) : undefined;
  return {
    settings,
    queue: new KeyedQueue(),
    lasting: new LastingCache(),
    commands,
    identity() {
      identity ??= (async () => {
        const octokit = await app.auth();
        const { data } = await octokit.request('GET /app');
        const slug = (data as { slug?: string } | null)?.slug;
        if (!slug) throw new Error('GET /app returned no slug: set the App login in the bot settings');
        return identityOf(slug);
      })();
      // A failed lookup is retried by the next delivery.
      identity.catch(() => (identity = undefined));
      return identity;
    },
  };
}
