import { isUserFacing } from '../shared/errors/index.js';
import type { CommandIo } from './command.js';
import { commands } from './commands/index.js';

const INTERNAL_ERROR_EXIT = 3;

function overview(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    'Usage: tollgate <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Every command takes --json (one JSON document on stdout) and --help.',
    'Exit codes: 0 passed, 1 the check failed, 2 usage or input error.',
  ].join('\n');
}

/** `--help` counts only before `--`: what follows belongs to the user's own command. */
function asksForHelp(argv: string[]): boolean {
  const end = argv.indexOf('--');
  const own = end === -1 ? argv : argv.slice(0, end);
  return own.includes('--help') || own.includes('-h');
}

/**
 * Runs `tollgate` with `argv` (without the node and script paths) and returns
 * the exit code. User mistakes print one clear message, never a stack trace.
 */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${overview()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout.write(`${process.env.TOLLGATE_VERSION ?? '0.1.0'}\n`);
    return 0;
  }
  const entry = commands.find((candidate) => candidate.name === name);
  if (!entry) {
    io.stderr.write(`tollgate: unknown command '${name}'\n\n${overview()}\n`);
    return 2;
  }
  const command = await entry.load();
  if (asksForHelp(rest)) {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  const shownName = rest[0] !== undefined && command.subcommands?.includes(rest[0]) ? `${command.name} ${rest[0]}` : command.name;
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (isUserFacing(error)) {
      io.stderr.write(`tollgate ${shownName}: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr.write(`tollgate ${shownName}: internal error (please report it)\n${(error as Error)?.stack ?? String(error)}\n`);
    return INTERNAL_ERROR_EXIT;
  }
}

/** The process entry point used by `cli/bin/tollgate.js`. */
export async function runProcess(): Promise<void> {
  const io: CommandIo = {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    interactive: Boolean(process.stderr.isTTY),
  };
  process.exitCode = await main(process.argv.slice(2), io);
}
