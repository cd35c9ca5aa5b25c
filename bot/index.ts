// The Tollgate GitHub App: `main` is what `npm run bot` runs.
export { main } from './main.js';
export { createTollgateApp, type TollgateAppOptions } from './app.js';
export { startBotServer, type BotServer, type BotServerOptions } from './server.js';
export { readBotEnvironment, type BotEnvironment } from './env.js';
export { botSettings, type BotSettings } from './settings.js';
export type { EventHandler } from './router.js';
export type { CommandHandler, CommandContext, CommandResult } from './commands/index.js';
export { PROMOTION_HANDLERS } from './handlers/index.js';
export { PROMOTION_COMMANDS } from './commands/index.js';
