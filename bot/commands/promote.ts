/** `/promote <model>@<version> to <stage>`: opens a promotion pull request, from any issue or pull request. */
import { escapeMarkdown, codeSpan, safeLink } from '../../shared/report/index.js';
import { openPromotion } from '../promotion/open.js';
import { writerRefusal } from '../promotion/authorize.js';
import type { CommandHandler } from './types.js';

export const promoteCommand: CommandHandler = {
  name: 'promote',
  kinds: ['promote'],
  slow: true,
  async run(context, command) {
    if (command.kind !== 'promote') return null;
    const { delivery, comment } = context;
    const subject = codeSpan(`${command.model}@${command.version}`);
    const refusal = await writerRefusal(delivery, comment.commenter);
    if (refusal) return { ok: false, reply: `Cannot promote ${subject}: ${escapeMarkdown(comment.commenter.actor.login)}: ${escapeMarkdown(refusal)}.` };
    const result = await openPromotion(delivery, { model: command.model, version: command.version, stage: command.stage, requestedBy: comment.commenter.actor.login });
    switch (result.status) {
      case 'refused':
        return { ok: false, reply: `Cannot promote ${subject} to ${codeSpan(command.stage)}: ${escapeMarkdown(result.reason)}.` };
      case 'refreshed':
        return { ok: true, reply: `Refreshed ${safeLink(`#${result.number}`, result.url)}: ${codeSpan(command.stage)} is now held by ${result.holder ? codeSpan(result.holder) : 'no version'}, so earlier approvals must be given again.` };
      case 'exists':
        return { ok: true, reply: `The promotion of ${subject} to ${codeSpan(command.stage)} is already open: ${safeLink(`#${result.number}`, result.url)}.` };
      case 'opened': {
        const superseded = result.superseded.length > 0 ? ` It supersedes ${result.superseded.map((number) => `#${number}`).join(', ')}.` : '';
        return { ok: true, reply: `Opened ${safeLink(`#${result.number}`, result.url)} to promote ${subject} to ${codeSpan(command.stage)}.${superseded}` };
      }
    }
  },
};
