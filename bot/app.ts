/**
 * The Tollgate GitHub App: composes the event handlers and command handlers
 * into a Probot application function. It holds no logic of its own.
 *
 *     import tollgate from './bot/app.js';          // the default app
 *     createTollgateApp({ handlers: [...PROMOTION_HANDLERS, driftRunHandler], reconcileEveryMs: 0 });
 */
import type { ApplicationFunction } from 'probot';
import { PROMOTION_COMMANDS, type CommandHandler } from './commands/index.js';
import { driftRunHandler } from './handlers/drift-run.js';
import { INCIDENT_COMMAND_HANDLERS } from './handlers/incident-commands.js';
import { PROMOTION_HANDLERS } from './handlers/index.js';
import { startReconciler } from './handlers/reconcile.js';
import { routeEvents, type EventHandler } from './router.js';
import { createRuntime } from './runtime.js';
import { botSettings, type BotSettings } from './settings.js';

/** What to compose. */
export interface TollgateAppOptions {
  settings?: Partial<BotSettings>;
  /** Event handlers (default: promotions and drift issues). */
  handlers?: readonly EventHandler[];
  /** Command handlers, tried in order (default: promotion and drift-issue commands). */
  commands?: readonly CommandHandler[];
  /** Reconcile drift issues and promotions every this many ms, repairing what lost deliveries left (default 15 min; 0: never). */
  reconcileEveryMs?: number;
}

/** Builds the app function Probot loads. */
export function createTollgateApp(options: TollgateAppOptions = {}): ApplicationFunction {
  return (app) => {
    const runtime = createRuntime(app, botSettings(options.settings), options.commands ?? [...PROMOTION_COMMANDS, ...INCIDENT_COMMAND_HANDLERS]);
    routeEvents(app, runtime, options.handlers ?? [...PROMOTION_HANDLERS, driftRunHandler]);
    if (options.reconcileEveryMs !== 0) startReconciler(app, runtime, { intervalMs: options.reconcileEveryMs });
  };
}

/** The App with its defaults. */
const tollgate: ApplicationFunction = createTollgateApp();
export default tollgate;
