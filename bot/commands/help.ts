/** `/help`, and the usage answer to unknown or malformed commands. */
import { COMMAND_USAGE, helpText } from '../../shared/promotion/index.js';
import { codeSpan, escapeMarkdown } from '../../shared/report/index.js';
import type { CommandHandler } from './types.js';

export const helpCommand: CommandHandler = {
  name: 'help',
  kinds: ['help'],
  async run() {
    return { ok: true, reply: helpText() };
  },
};

export const usageCommand: CommandHandler = {
  name: 'usage',
  kinds: ['invalid', 'unknown'],
  async run(_context, command) {
    if (command.kind === 'invalid') {
      return { ok: false, reply: `${codeSpan(`/${command.command}`)} (line ${command.line}): ${escapeMarkdown(command.error)}. Usage: ${codeSpan(command.usage)}` };
    }
    if (command.kind === 'unknown') {
      const suggestion = command.suggestion ? ` Did you mean ${codeSpan(command.suggestion)}?` : '';
      const usage = command.suggestion ? '' : ` Known commands: ${Object.keys(COMMAND_USAGE).map((word) => codeSpan(`/${word}`)).join(', ')}.`;
      return { ok: false, reply: `${codeSpan(`/${command.word}`)} (line ${command.line}) is not a Tollgate command.${suggestion}${usage} Comment ${codeSpan('/help')} for more.` };
    }
    return null;
  },
};
