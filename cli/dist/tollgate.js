// shared/errors/index.ts
var TollgateError = class extends Error {
  /** Process exit code a command line should use for this failure. */
  exitCode = 2;
  /** Stable machine-readable code, e.g. `E_INPUT`. */
  code = "E_TOLLGATE";
  constructor(message, options) {
    super(message, options);
    this.name = new.target.name;
  }
};
function isUserFacing(error) {
  return error instanceof TollgateError;
}

// cli/commands/index.ts
var commands = [];

// cli/main.ts
var INTERNAL_ERROR_EXIT = 3;
function overview() {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    "Usage: tollgate <command> [options]",
    "",
    "Commands:",
    ...lines,
    "",
    "Every command takes --json (one JSON document on stdout) and --help.",
    "Exit codes: 0 passed, 1 the check failed, 2 usage or input error."
  ].join("\n");
}
function asksForHelp(argv) {
  const end = argv.indexOf("--");
  const own = end === -1 ? argv : argv.slice(0, end);
  return own.includes("--help") || own.includes("-h");
}
async function main(argv, io) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(`${overview()}
`);
    return name === void 0 ? 2 : 0;
  }
  if (name === "--version") {
    io.stdout.write(`${process.env.TOLLGATE_VERSION ?? "0.1.0"}
`);
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr.write(`tollgate: unknown command '${name}'

${overview()}
`);
    return 2;
  }
  if (asksForHelp(rest)) {
    io.stdout.write(`${command.usage}
`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (isUserFacing(error)) {
      io.stderr.write(`tollgate ${command.name}: ${error.message}
`);
      return error.exitCode;
    }
    io.stderr.write(`tollgate ${command.name}: internal error (please report it)
${error?.stack ?? String(error)}
`);
    return INTERNAL_ERROR_EXIT;
  }
}
async function runProcess() {
  const io = {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    interactive: Boolean(process.stderr.isTTY)
  };
  process.exitCode = await main(process.argv.slice(2), io);
}
export {
  main,
  runProcess
};
