export type { CommandHandler, CommandContext, CommandResult } from './types.js';
export { runCommands, anySlow, INTENT_KINDS, type CommandRun } from './router.js';
export { PROMOTION_COMMANDS } from './defaults.js';
export { promoteCommand } from './promote.js';
export { rollbackCommand } from './rollback.js';
export { promotionStatusCommand } from './status.js';
export { helpCommand, usageCommand } from './help.js';
