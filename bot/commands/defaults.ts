/**
 * The command handlers of the promotion app, in the order they are tried.
 * A feature that adds commands (drift issues: `/retrain`, `/snooze`,
 * `/accept`, their own `/status`) passes its handlers to `createTollgateApp`
 * next to these.
 */
import { helpCommand, usageCommand } from './help.js';
import { promoteCommand } from './promote.js';
import { rollbackCommand } from './rollback.js';
import { promotionStatusCommand } from './status.js';
import type { CommandHandler } from './types.js';

export const PROMOTION_COMMANDS: readonly CommandHandler[] = [promoteCommand, rollbackCommand, promotionStatusCommand, helpCommand, usageCommand];
