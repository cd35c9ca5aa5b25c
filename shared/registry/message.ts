/**
 * Tag messages: GTO's default first line, a blank line, then `Tollgate-*`
 * trailers (git's trailer syntax, so `git interpret-trailers` reads them).
 *
 *     Assigning stage production to artifact churn version v1.4.0
 *
 *     Tollgate-Run: https://github.com/acme/churn/actions/runs/42
 *     Tollgate-Approved-By: alice
 */
import { UsageError } from '../errors/index.js';

/** One `Key: value` trailer line. */
export interface Trailer {
  key: string;
  value: string;
}

/** The event a message describes, for GTO's default first line. */
export type MessageSubject =
  | { action: 'register' | 'deregister'; model: string; version: string }
  | { action: 'assign' | 'unassign'; model: string; stage: string; version: string }
  | { action: 'deprecate'; model: string };

/** GTO's default message for an event, character for character. */
export function defaultSubject(subject: MessageSubject): string {
  switch (subject.action) {
    case 'register':
      return `Registering artifact ${subject.model} version ${subject.version}`;
    case 'deregister':
      return `Deregistering artifact ${subject.model} version ${subject.version}`;
    case 'assign':
      return `Assigning stage ${subject.stage} to artifact ${subject.model} version ${subject.version}`;
    case 'unassign':
      return `Unassigning stage '${subject.stage}' to artifact '${subject.model}' version '${subject.version}'`;
    case 'deprecate':
      return `Deprecating artifact '${subject.model}'`;
  }
}

const TRAILER_KEY = /^Tollgate-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;
const TRAILER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*): (.*)$/;

/**
 * Formats a complete tag message. The result is already in the form `git tag
 * --cleanup=strip` would produce (no trailing spaces, one final newline), so
 * the git and GitHub backends store identical bytes.
 */
export function formatTagMessage(subject: string, trailers: readonly Trailer[] = []): string {
  const firstLine = subject.trim();
  if (firstLine === '' || /[\r\n]/.test(firstLine)) throw new RangeError('a tag subject is one non-empty line');
  if (trailers.length === 0) return `${firstLine}\n`;
  const lines = trailers.map(({ key, value }) => {
    if (!TRAILER_KEY.test(key)) throw new UsageError(`invalid trailer key '${key}': expected Tollgate-<Word>[-<Word>...]`);
    const clean = value.trim();
    if (clean === '' || /[\r\n]/.test(clean)) {
      throw new UsageError(`trailer ${key} must be one non-empty line, got ${JSON.stringify(value)}`);
    }
    return `${key}: ${clean}`;
  });
  return `${firstLine}\n\n${lines.join('\n')}\n`;
}

/** A message split the way git shows it. */
export interface ParsedMessage {
  /** The first paragraph, lines joined by spaces (like `%(contents:subject)`). */
  subject: string;
  /** Everything after the first paragraph. */
  body: string;
  /** Trailers of the last paragraph, in order (any key, not only Tollgate-*). */
  trailers: Trailer[];
}

/** Splits a tag message into subject, body and trailers; signatures are dropped. */
export function parseTagMessage(message: string): ParsedMessage {
  const text = stripSignature(message).replace(/\r\n/g, '\n').trim();
  const paragraphs = text === '' ? [] : text.split(/\n[ \t]*\n+/);
  const subject = (paragraphs[0] ?? '').split('\n').map((line) => line.trim()).join(' ');
  const rest = paragraphs.slice(1);
  const body = rest.join('\n\n');
  const trailers: Trailer[] = [];
  const last = rest.at(-1);
  if (last !== undefined) {
    const lines = last.split('\n');
    const matches = lines.map((line) => TRAILER_LINE.exec(line));
    if (matches.every((match) => match !== null)) {
      for (const match of matches) trailers.push({ key: match![1], value: match![2].trim() });
    }
  }
  return { subject, body, trailers };
}

function stripSignature(message: string): string {
  const at = message.search(/^-----BEGIN (?:PGP|SSH) SIGNATURE-----$/m);
  return at === -1 ? message : message.slice(0, at);
}

/** The values of one trailer key, in order. */
export function trailerValues(trailers: readonly Trailer[], key: string): string[] {
  const lower = key.toLowerCase();
  return trailers.filter((trailer) => trailer.key.toLowerCase() === lower).map((trailer) => trailer.value);
}
