/**
 * The slash commands people type in pull requests and issues.
 *
 * One command per line, at the start of the line (up to three spaces before
 * it), command word in any case. Lines inside code blocks, quotes and HTML
 * comments are not commands (see `comment-lines.ts`). A line whose first word
 * contains another `/` (`/usr/bin/env`, `/r/foo`) is a path, not a command;
 * a first word that does not start with a letter (`/2`, `//`) is not one either.
 */
import { classifyLines } from './comment-lines.js';
import { DURATION_HINT, parseDuration } from '../config/duration.js';
import { editDistance } from '../report/closest-word.js';
import { describeBadVersion, isModelVersion, isStageName, MODEL_NAME_RULE, normalizeModelName } from './names.js';

/** Every command word the bot knows. */
export const COMMAND_WORDS = ['approve', 'reject', 'hold', 'promote', 'rollback', 'retrain', 'status', 'help', 'snooze', 'accept'] as const;
export type CommandWord = (typeof COMMAND_WORDS)[number];

/** One-line usage of each command (shown with malformed commands and in `/help`). */
export const COMMAND_USAGE: Readonly<Record<CommandWord, string>> = {
  approve: '/approve [reason] | /approve cancel | /approve --force [reason]',
  reject: '/reject <reason>',
  hold: '/hold [reason] | /hold cancel',
  promote: '/promote <model>@<version> to <stage>',
  rollback: '/rollback <model> [<stage>] [to <version>]',
  retrain: '/retrain <model>',
  status: '/status',
  help: '/help',
  snooze: '/snooze <duration>',
  accept: '/accept',
};

const COMMAND_SUMMARY: Readonly<Record<CommandWord, string>> = {
  approve: 'approve this promotion (an admin may add --force to bypass the policy; recorded); cancel withdraws your approval or rejection',
  reject: 'reject this promotion, with the reason',
  hold: 'stop this promotion until you /hold cancel (an admin\'s /hold cancel releases every hold)',
  promote: 'open a promotion pull request for a registered version',
  rollback: 'assign the previous holder of the stage again (or the version given)',
  retrain: "start the model's training workflow",
  status: 'recompute and show the current state',
  help: 'show this help',
  snooze: 'mute this drift issue for a while (at most 365d)',
  accept: 'open a pull request that accepts the current data as the new drift reference',
};

/** Longest reason kept; the rest is cut (reasons end up in tag messages and audit records). */
export const MAX_REASON_LENGTH = 500;
/** Longest `/snooze`. */
export const MAX_SNOOZE_MS = 365 * 86_400_000;

interface At {
  /** 1-based line of the comment the command is on. */
  line: number;
}

export type Command =
  | (At & { kind: 'approve'; force: boolean; reason?: string })
  | (At & { kind: 'approve-cancel'; reason?: string })
  | (At & { kind: 'reject'; reason: string })
  | (At & { kind: 'hold'; reason?: string })
  | (At & { kind: 'hold-cancel'; reason?: string })
  | (At & { kind: 'promote'; model: string; version: string; stage: string })
  | (At & { kind: 'rollback'; model: string; stage?: string; version?: string })
  | (At & { kind: 'retrain'; model: string })
  | (At & { kind: 'status' })
  | (At & { kind: 'help' })
  | (At & { kind: 'snooze'; duration: string; durationMs: number })
  | (At & { kind: 'accept' })
  /** A known command word with arguments that do not fit its grammar. */
  | (At & { kind: 'invalid'; command: CommandWord; error: string; usage: string })
  /** `/word` at the start of a line where `word` is not a command. */
  | (At & { kind: 'unknown'; word: string; suggestion?: string });

export type CommandKind = Command['kind'];

/** A known command seen inside a quote: never acted on, but worth telling its author. */
export interface QuotedCommand {
  word: CommandWord;
  line: number;
}

/** What a comment says: the commands to act on, and the commands it only quotes. */
export interface CommentScan {
  commands: Command[];
  quoted: QuotedCommand[];
}

const WORD = /^[A-Za-z][A-Za-z0-9_-]*$/;
const ALIASES: Readonly<Record<string, string>> = {
  lgtm: '/approve',
  approved: '/approve',
  unhold: '/hold cancel',
  cancel: '/approve cancel',
  deny: '/reject <reason>',
  promotion: '/promote <model>@<version> to <stage>',
  revert: '/rollback <model> [<stage>] [to <version>]',
  train: '/retrain <model>',
  mute: '/snooze <duration>',
};

function isCommandWord(word: string): word is CommandWord {
  return (COMMAND_WORDS as readonly string[]).includes(word);
}

function reasonOf(text: string): string | undefined {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return undefined;
  return trimmed.length > MAX_REASON_LENGTH ? `${trimmed.slice(0, MAX_REASON_LENGTH - 1)}…` : trimmed;
}

/** Splits off the first whitespace-separated word. */
function firstWord(text: string): [string, string] {
  const trimmed = text.trim();
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  return match ? [match[1], match[2]] : ['', ''];
}

function tokens(text: string): string[] {
  const trimmed = text.trim();
  return trimmed === '' ? [] : trimmed.split(/\s+/);
}

type Parsed = Command | { error: string };
type Grammar = (args: string, line: number) => Parsed;

function validModel(text: string): string | { error: string } {
  return normalizeModelName(text) ?? { error: `'${text}' is not a model name: ${MODEL_NAME_RULE}` };
}

const GRAMMAR: Readonly<Record<CommandWord, Grammar>> = {
  approve(args, line) {
    const [word, rest] = firstWord(args);
    const lower = word.toLowerCase();
    if (lower === 'cancel') return { kind: 'approve-cancel', reason: reasonOf(rest), line };
    if (lower === '--force') return { kind: 'approve', force: true, reason: reasonOf(rest), line };
    if (word.startsWith('--')) return { error: `unknown option '${word}'` };
    return { kind: 'approve', force: false, reason: reasonOf(args), line };
  },
  reject(args, line) {
    const reason = reasonOf(args);
    return reason === undefined ? { error: 'a rejection needs a reason' } : { kind: 'reject', reason, line };
  },
  hold(args, line) {
    const [word, rest] = firstWord(args);
    if (word.toLowerCase() === 'cancel') return { kind: 'hold-cancel', reason: reasonOf(rest), line };
    return { kind: 'hold', reason: reasonOf(args), line };
  },
  promote(args, line) {
    const parts = tokens(args);
    if (parts.length !== 3 || parts[1].toLowerCase() !== 'to') return { error: 'expected <model>@<version> to <stage>' };
    const at = parts[0].indexOf('@');
    if (at <= 0) return { error: `'${parts[0]}' should be <model>@<version>, e.g. churn@v1.4.0` };
    const model = validModel(parts[0].slice(0, at));
    if (typeof model !== 'string') return model;
    const version = parts[0].slice(at + 1);
    if (!isModelVersion(version)) return { error: describeBadVersion(version) };
    if (!isStageName(parts[2])) return { error: `'${parts[2]}' is not a stage name` };
    return { kind: 'promote', model, version, stage: parts[2], line };
  },
  rollback(args, line) {
    const parts = tokens(args);
    if (parts.length === 0) return { error: 'which model?' };
    const model = validModel(parts[0]);
    if (typeof model !== 'string') return model;
    let next = 1;
    let stage: string | undefined;
    if (parts.length > next && parts[next].toLowerCase() !== 'to') {
      stage = parts[next];
      if (!isStageName(stage)) return { error: `'${stage}' is not a stage name` };
      next += 1;
    }
    let version: string | undefined;
    if (parts.length > next) {
      if (parts[next].toLowerCase() !== 'to') return { error: `unexpected '${parts[next]}'` };
      version = parts[next + 1];
      if (version === undefined) return { error: "'to' needs a version" };
      if (!isModelVersion(version)) return { error: describeBadVersion(version) };
      next += 2;
    }
    if (parts.length > next) return { error: `unexpected '${parts[next]}'` };
    return { kind: 'rollback', model, ...(stage !== undefined && { stage }), ...(version !== undefined && { version }), line };
  },
  retrain(args, line) {
    const parts = tokens(args);
    if (parts.length === 0) return { error: 'which model?' };
    if (parts.length > 1) return { error: `unexpected '${parts[1]}'` };
    const model = validModel(parts[0]);
    return typeof model === 'string' ? { kind: 'retrain', model, line } : model;
  },
  status: (args, line) => (args.trim() === '' ? { kind: 'status', line } : { error: '/status takes no arguments' }),
  help: (args, line) => (args.trim() === '' ? { kind: 'help', line } : { error: '/help takes no arguments' }),
  accept: (args, line) => (args.trim() === '' ? { kind: 'accept', line } : { error: '/accept takes no arguments' }),
  snooze(args, line) {
    const parts = tokens(args);
    if (parts.length !== 1) return { error: parts.length === 0 ? `for how long? (${DURATION_HINT})` : `unexpected '${parts[1]}'` };
    const durationMs = parseDuration(parts[0]);
    if (durationMs === undefined) return { error: `'${parts[0]}' is not ${DURATION_HINT}` };
    if (durationMs <= 0) return { error: 'the duration must be positive' };
    if (durationMs > MAX_SNOOZE_MS) return { error: 'at most 365d' };
    return { kind: 'snooze', duration: parts[0].toLowerCase(), durationMs, line };
  },
};

/** The command someone probably meant by an unknown word, as it should be typed. */
function suggest(word: string): string | undefined {
  const lower = word.toLowerCase();
  const bare = lower.replace(/[^a-z]/g, '');
  if (ALIASES[bare]) return ALIASES[bare];
  let best: CommandWord | undefined;
  let bestDistance = 3;
  for (const candidate of COMMAND_WORDS) {
    const distance = Math.min(editDistance(lower, candidate), editDistance(bare, candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best ? `/${best}` : undefined;
}

/** The command word of a line's content, or undefined when the line is not a command line. */
function commandWord(content: string): string | undefined {
  if (!content.startsWith('/')) return undefined;
  const word = /^\/(\S*)/.exec(content)?.[1] ?? '';
  if (word === '' || !/^[A-Za-z]/.test(word) || word.includes('/')) return undefined;
  return word;
}

/**
 * Parses one line that has already been judged plain text. Returns undefined
 * when the line is not a command line at all.
 */
export function parseCommandLine(text: string, line: number): Command | undefined {
  const content = text.replace(/^[ \t]+/, '');
  const word = commandWord(content);
  if (word === undefined) return undefined;
  const lower = word.toLowerCase();
  if (!WORD.test(word) || !isCommandWord(lower)) {
    const shown = word.length > 40 ? `${word.slice(0, 39)}…` : word;
    const suggestion = suggest(word);
    return { kind: 'unknown', word: shown, ...(suggestion !== undefined && { suggestion }), line };
  }
  const args = content.slice(1 + word.length);
  const parsed = GRAMMAR[lower](args, line);
  if ('error' in parsed) return { kind: 'invalid', command: lower, error: parsed.error, usage: COMMAND_USAGE[lower], line };
  return parsed;
}

/** Reads every command of a comment, and the known commands it merely quotes. */
export function scanComment(body: string | null | undefined): CommentScan {
  const commands: Command[] = [];
  const quoted: QuotedCommand[] = [];
  if (!body || !body.includes('/')) return { commands, quoted };
  for (const entry of classifyLines(body)) {
    if (entry.indent > 3) continue;
    if (entry.context === 'text') {
      const command = parseCommandLine(entry.text, entry.line);
      if (command) commands.push(command);
    } else if (entry.context === 'quote') {
      // Strip the quote markers to find what is being quoted.
      const inner = entry.text.replace(/^(?:[ \t]{0,3}>[ \t]?)+/, '');
      const word = commandWord(inner.replace(/^[ \t]{0,3}/, ''))?.toLowerCase();
      if (word !== undefined && isCommandWord(word)) quoted.push({ word, line: entry.line });
    }
  }
  return { commands, quoted };
}

/** The commands of a comment, in the order they were written. */
export function parseCommands(body: string | null | undefined): Command[] {
  return scanComment(body).commands;
}

/** The `/help` reply: every command, its usage and what it does (Markdown). */
export function helpText(): string {
  const groups: Array<[string, CommandWord[]]> = [
    ['On a promotion pull request', ['approve', 'reject', 'hold', 'status']],
    ['Anywhere in the repository', ['promote', 'rollback', 'retrain', 'help']],
    ['On a drift issue', ['snooze', 'accept']],
  ];
  const sections = groups.map(([title, words]) => {
    const rows = words.map((word) => `| ${COMMAND_USAGE[word].split(' | ').map((usage) => `\`${usage}\``).join('<br>')} | ${COMMAND_SUMMARY[word]} |`);
    return `**${title}**\n\n| command | what it does |\n| --- | --- |\n${rows.join('\n')}`;
  });
  const rules =
    'One command per line, at the start of the line. Commands inside code blocks or `>` quotes are ignored, and so are edited comments: post a new comment instead. ' +
    'Approvals count only from people listed as approvers for the stage who have write access, who did not train, register or request the version; ' +
    'a new push or a change of the stage\'s current holder makes earlier approvals stale. An **Approve** review counts as an approval of the commit it reviewed; **Request changes** counts as a hold until you approve.';
  return `### Tollgate commands\n\n${sections.join('\n\n')}\n\n${rules}\n`;
}
