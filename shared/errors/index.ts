/**
 * The error hierarchy every Tollgate module throws.
 *
 * A `TollgateError` is a user-facing failure: its message is complete on its
 * own (what went wrong, where, what was expected) and front-ends print it
 * without a stack trace. Anything that is not a `TollgateError` is a bug and is
 * printed with its stack.
 */

/** Where in a file a problem is. Lines and columns are 1-based. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

/** Formats `file:line:column` the way compilers and GitHub annotations do. */
export function formatLocation(location: SourceLocation): string {
  let text = location.file;
  if (location.line !== undefined) {
    text += `:${location.line}`;
    if (location.column !== undefined) text += `:${location.column}`;
  }
  return text;
}

/** Base class: a failure whose message is meant for the person running the tool. */
export class TollgateError extends Error {
  /** Process exit code a command line should use for this failure. */
  readonly exitCode: number = 2;
  /** Stable machine-readable code, e.g. `E_INPUT`. */
  readonly code: string = 'E_TOLLGATE';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The command or action was called wrongly (unknown flag, missing argument). */
export class UsageError extends TollgateError {
  override readonly code = 'E_USAGE';
}

/**
 * A file the user gave us is missing, unreadable or malformed. The message
 * starts with `file[:line[:column]]: ` so editors and annotations can jump to it.
 */
export class InputError extends TollgateError {
  override readonly code: string = 'E_INPUT';
  readonly location: SourceLocation | undefined;
  /** The message without its location prefix. */
  readonly detail: string;

  constructor(location: SourceLocation | undefined, detail: string, options?: { cause?: unknown }) {
    super(location ? `${formatLocation(location)}: ${detail}` : detail, options);
    this.location = location;
    this.detail = detail;
  }
}

/** A configuration or contract file does not match its schema. */
export class ConfigError extends InputError {
  override readonly code = 'E_CONFIG';
}

/** A compare-and-swap write lost a race (a ref already exists). */
export class ConflictError extends TollgateError {
  override readonly code = 'E_CONFLICT';
  override readonly exitCode = 1;
}

/** GitHub answered with an error we cannot recover from. */
export class GitHubApiError extends TollgateError {
  override readonly code = 'E_GITHUB';
  override readonly exitCode = 1;
  readonly status: number | undefined;

  constructor(message: string, status?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.status = status;
  }
}

/** True for failures that should be shown to the user without a stack trace. */
export function isUserFacing(error: unknown): error is TollgateError {
  return error instanceof TollgateError;
}

export { describeReadFailure } from './describe-read-failure.js';
export { readJsonFile, readTextFile } from './read-text-file.js';
