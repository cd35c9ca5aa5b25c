/**
 * Composes event handlers into a Probot app. Each handler names the events it
 * wants; every delivery gets its own `Delivery`, and all work in one
 * repository runs one delivery at a time (see `queue.ts`).
 */
import type { EmitterWebhookEventName } from '@octokit/webhooks';
import type { Context, Probot } from 'probot';
import { isUserFacing } from '../shared/errors/index.js';
import { createDelivery, type Delivery } from './delivery.js';
import type { BotRuntime } from './runtime.js';

/** One job of the bot, triggered by some webhook events. */
export interface EventHandler {
  name: string;
  events: readonly EmitterWebhookEventName[];
  handle(context: Context, delivery: Delivery, runtime: BotRuntime): Promise<void>;
}

/** Registers every handler with the app. */
export function routeEvents(app: Probot, runtime: BotRuntime, handlers: readonly EventHandler[]): void {
  for (const handler of handlers) {
    app.on([...handler.events], async (context) => {
      const generic = context as unknown as Context;
      const delivery = createDelivery(generic, await runtime.identity(), runtime.settings, runtime.lasting);
      try {
        await runtime.queue.run(`${delivery.owner}/${delivery.repo}`, () => handler.handle(generic, delivery, runtime));
      } catch (error) {
        // A user-facing failure was meant for a person; nothing to retry.
        if (isUserFacing(error)) {
          delivery.log.warn(`${handler.name} (${delivery.event}, delivery ${delivery.id}): ${error.message}`);
          return;
        }
        throw error;
      }
    });
  }
}
