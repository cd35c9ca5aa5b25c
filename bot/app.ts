/**
 * The Tollgate GitHub App: composes the event handlers and command handlers
 * into a Probot application function. It holds no logic of its own.
 *
 *     import tollgate from './bot/app.js';          // the default app
 *     createTollgateApp({ handlers: [...PROMOTION_HANDLERS, ...driftHandlers] });
 */
import type { ApplicationFunction } from 'probot';
import { PROMOTION_COMMANDS, type CommandHandler } from './commands/index.js';
import { PROMOTION_HANDLERS } from './handlers/index.js';
import { routeEvents, type EventHandler } from './router.js';
import { createRuntime } from './runtime.js';
import { botSettings, type BotSettings } from './settings.js';

/** What to compose. */
export interface TollgateAppOptions {
  settings?: Partial<BotSettings>;
  /** Event handlers (default: the promotion handlers). */
  handlers?: readonly EventHandler[];
  /** Command handlers, tried in order (default: the promotion commands). */
  commands?: readonly CommandHandler[];
}

/** Builds the app function Probot loads. */
export function createTollgateApp(options: TollgateAppOptions = {}): ApplicationFunction {
  return (app) => {
    const runtime = createRuntime(app, botSettings(options.settings), options.commands ?? PROMOTION_COMMANDS);
    routeEvents(app, runtime, options.handlers ?? PROMOTION_HANDLERS);
  };
}

/** The App with its defaults. */
const tollgate: ApplicationFunction = createTollgateApp();
export default tollgate;
