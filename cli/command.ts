import { writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError, UsageError } from '../shared/errors/index.js';

/** What a command may touch: injected so tests run commands in-process. */
export interface CommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** True when stderr is a terminal (progress lines are shown only then). */
  interactive: boolean;
}

/** One `tollgate <name>` subcommand. */
export interface Command {
  name: string;
  /** Full usage text for `tollgate <name> --help`. */
  usage: string;
  /** Words that, as the first argument, name a subcommand: errors then say `tollgate contract infer:`. */
  subcommands?: readonly string[];
  /** Runs the command; resolves to the process exit code (0 passed, 1 check failed). */
  run(argv: string[], io: CommandIo): Promise<number>;
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/**
 * `util.parseArgs` with errors turned into a `UsageError` that quotes the usage.
 * (`--help` is answered by `main` before a command runs.)
 */
export function parseCommandArgs<O extends OptionSpec>(
  argv: string[],
  options: O,
  usage: string,
  allowPositionals = true,
): { values: ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>['values']; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    if (!allowPositionals && parsed.positionals.length > 0) {
      throw new UsageError(`unexpected argument '${parsed.positionals[0]}'\n\n${usage}`);
    }
    return { values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${describeArgsError(error as NodeJS.ErrnoException)}\n\n${usage}`);
  }
}

/** node:util's parseArgs messages, in one line and in the words of this command line. */
function describeArgsError(error: NodeJS.ErrnoException): string {
  const option = /option '([^']+)'/i.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option '${option ?? error.message}'`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      // node names it '-c, --contract <value>': the long form, unless it is a one-letter name (-n).
      const forms = (option ?? '').split(',').map((part) => part.trim().split(' ')[0]);
      const flag = forms.find((form) => form.startsWith('--') && form.length > 3) ?? forms[0] ?? 'the option';
      if (/ambiguous/i.test(error.message)) return `${flag} needs a value; a value that starts with '-' is written ${flag.startsWith('--') ? `${flag}=-3` : `${flag}-3`}`;
      if (/argument missing/i.test(error.message)) return `${flag} needs a value`;
      if (/does not take an argument/i.test(error.message)) return `${flag} takes no value`;
      return error.message.split('\n')[0];
    }
    default:
      return error.message.split('\n')[0];
  }
}

/** Prints one JSON document, the only thing a `--json` run writes to stdout. */
export function writeJson(io: CommandIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Parses a `--name` value that must be a positive integer. */
export function parsePositiveInteger(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    throw new UsageError(`${flag} expects a positive whole number, got '${text}'`);
  }
  return value;
}

/** Fails with a usage error when a required positional argument is missing. */
export function requirePositional(positionals: string[], index: number, what: string, usage: string): string {
  const value = positionals[index];
  if (value === undefined) throw new UsageError(`missing ${what}\n\n${usage}`);
  return value;
}

/**
 * A path the user typed, usable from this process: kept as typed when the
 * command runs in the process's own directory (so messages name the file the
 * way the user wrote it), else resolved against the command's directory.
 */
export function inputPath(io: CommandIo, path: string): string {
  return isAbsolute(path) || io.cwd === process.cwd() ? path : join(io.cwd, path);
}

/** How {@link writeOutput} words its failure. */
export interface WriteOutputOptions {
  /** What could not be written, as the message says it (default 'the report'). */
  what?: string;
  /**
   * Name the file in the message as the user typed it rather than as
   * resolved (the two differ only when the command runs in another directory).
   */
  asTyped?: boolean;
}

/**
 * Writes `text` to a file the user named (a path as typed, see
 * {@link inputPath}); a failure is an InputError `cannot write the report (...)`.
 */
export async function writeOutput(io: CommandIo, path: string, text: string, options: WriteOutputOptions = {}): Promise<void> {
  const target = inputPath(io, path);
  try {
    await writeFile(target, text);
  } catch (error) {
    throw new InputError({ file: options.asTyped ? path : target }, `cannot write ${options.what ?? 'the report'} (${(error as Error).message})`, { cause: error });
  }
}
