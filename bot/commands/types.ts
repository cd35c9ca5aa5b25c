/**
 * The command-handler interface. The comment handler parses a comment once
 * and gives each command to the handlers registered for its kind, in order,
 * until one takes it. Later features add handlers (a drift issue's
 * `/snooze`, `/accept`, `/retrain`, its own `/status`) without touching the
 * ones here.
 */
import type { Command } from '../../shared/promotion/index.js';
import type { Delivery } from '../delivery.js';
import type { Commenter } from '../promotion/authorize.js';
import type { PromotionDecision } from '../promotion/decide.js';

/** The comment a command came from, and where it was made. */
export interface CommandContext {
  delivery: Delivery;
  comment: { id: number; url: string; body: string; commenter: Commenter };
  issue: { number: number; isPullRequest: boolean; body: string; labels: string[] };
  /** The promotion decided for this comment, when it was made on a promotion pull request. */
  promotion: PromotionDecision | null;
}

/** What a handler did: success or not, and what to tell the commenter (Markdown, already escaped). */
export interface CommandResult {
  ok: boolean;
  reply?: string;
}

/** Handles some kinds of commands. */
export interface CommandHandler {
  name: string;
  kinds: readonly Command['kind'][];
  /** Takes a while (a registry write, a new pull request): the bot reacts with eyes first. */
  slow?: boolean;
  /** Runs the command, or returns null when it is not for this handler here (the next handler is tried). */
  run(context: CommandContext, command: Command): Promise<CommandResult | null>;
}
