/**
 * `/status` on a promotion pull request: the comment handler has already
 * recomputed the promotion from the whole timeline and rewritten the status
 * comment, so this only confirms. Elsewhere it is left to other handlers (a
 * drift issue's reconciler).
 */
import type { CommandHandler } from './types.js';

export const promotionStatusCommand: CommandHandler = {
  name: 'promotion-status',
  kinds: ['status'],
  async run(context) {
    return context.promotion?.state ? { ok: true } : null;
  },
};
