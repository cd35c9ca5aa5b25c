/**
 * Gives each command of a comment to the first handler that takes it, and
 * collects what to tell the commenter. Approval intents (`/approve`,
 * `/hold`, `/reject` and their cancels) are not commands in this sense: the
 * comment handler recomputes the promotion once for all of them.
 */
import { TollgateError } from '../../shared/errors/index.js';
import { codeSpan, escapeMarkdown } from '../../shared/report/index.js';
import type { Command } from '../../shared/promotion/index.js';
import type { CommandContext, CommandHandler, CommandResult } from './types.js';

/** Kinds that are approval intents, decided by the promotion core. */
export const INTENT_KINDS: ReadonlySet<Command['kind']> = new Set(['approve', 'approve-cancel', 'reject', 'hold', 'hold-cancel']);

/** One command and what came of it. */
export interface CommandRun {
  command: Command;
  result: CommandResult;
}

function wordOf(command: Command): string {
  if (command.kind === 'invalid') return command.command;
  if (command.kind === 'unknown') return command.word;
  return command.kind;
}

/** Whether any of `commands` is slow with these handlers (eyes first). */
export function anySlow(handlers: readonly CommandHandler[], commands: readonly Command[]): boolean {
  return commands.some((command) => handlers.some((handler) => handler.slow && handler.kinds.includes(command.kind)));
}

/** Runs every command in order; a failing command does not stop the others. */
export async function runCommands(handlers: readonly CommandHandler[], context: CommandContext, commands: readonly Command[]): Promise<CommandRun[]> {
  const runs: CommandRun[] = [];
  for (const command of commands) {
    let result: CommandResult | null = null;
    for (const handler of handlers.filter((candidate) => candidate.kinds.includes(command.kind))) {
      try {
        result = await handler.run(context, command);
      } catch (error) {
        if (!(error instanceof TollgateError)) {
          context.delivery.log.error({ err: error }, `command /${wordOf(command)} failed`);
          result = { ok: false, reply: `${codeSpan(`/${wordOf(command)}`)} failed with an internal error (see the App's logs).` };
        } else {
          result = { ok: false, reply: `${codeSpan(`/${wordOf(command)}`)} failed: ${escapeMarkdown(error.message)}` };
        }
      }
      if (result) break;
    }
    runs.push({ command, result: result ?? { ok: false, reply: `${codeSpan(`/${wordOf(command)}`)} does nothing here.` } });
  }
  return runs;
}
