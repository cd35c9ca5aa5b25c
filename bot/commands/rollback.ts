/** `/rollback <model> [<stage>] [to <version>]`: re-assigns the stage's previous holder at once. */
import { codeSpan, escapeMarkdown, safeLink } from '../../shared/report/index.js';
import { refreshStalePromotions } from '../promotion/open.js';
import { refreshOtherStages } from '../promotion/refresh.js';
import { rollbackStage } from '../promotion/rollback.js';
import type { CommandHandler } from './types.js';

export const rollbackCommand: CommandHandler = {
  name: 'rollback',
  kinds: ['rollback'],
  slow: true,
  async run(context, command) {
    if (command.kind !== 'rollback') return null;
    const { delivery, comment } = context;
    const result = await rollbackStage(delivery, {
      model: command.model,
      stage: command.stage,
      version: command.version,
      commenter: comment.commenter,
      source: comment.url,
    });
    if (result.status === 'refused') return { ok: false, reply: `Cannot roll back ${codeSpan(command.model)}: ${escapeMarkdown(result.reason)}.` };
    // Open promotions to this stage were written against the holder just replaced.
    const refreshed = result.created ? await refreshStalePromotions(delivery, command.model, result.stage) : [];
    // Promotions to other stages may have relied on the version rolled away from (as their previous stage).
    if (result.created) await refreshOtherStages(delivery, command.model, result.stage);
    const stale = refreshed.length > 0 ? ` Refreshed ${refreshed.map((number) => `#${number}`).join(', ')} for the new holder.` : '';
    const from = result.from ? ` from ${codeSpan(result.from)}` : '';
    const deployment = result.deployment ? ` Deployment ${safeLink(String(result.deployment.id), result.deployment.url)} to ${codeSpan(result.stage)}.` : '';
    const again = result.created ? '' : ' (this comment was already acted on)';
    return { ok: true, reply: `Rolled ${codeSpan(command.model)} ${codeSpan(result.stage)} back${from} to ${codeSpan(result.to)}: tag ${codeSpan(result.tag)}${again}.${deployment}${stale}` };
  },
};
