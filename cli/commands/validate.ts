import { loadContract, validateData, validationFails, VALIDATION_FAIL_ON, type ValidationFailOn } from '../../shared/contract/index.js';
import { UsageError } from '../../shared/errors/index.js';
import { validationMarkdown, validationText } from '../../shared/report/index.js';
import { inputPath, parseCommandArgs, requirePositional, writeJson, writeOutput, type Command } from '../command.js';
import { progressReporter } from '../progress.js';

const usage = `Usage: tollgate validate <data> --contract <file> [--json] [--out report.json] [--markdown report.md] [--fail-on error|warn|never]

Checks a data file (CSV, JSON lines, Parquet, Arrow; .gz for text) against a data contract.
Exit codes: 0 no failing rule at the --fail-on level (default error), 1 a rule failed, 2 usage or input error.`;

export const validateCommand: Command = {
  name: 'validate',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        contract: { type: 'string', short: 'c' },
        json: { type: 'boolean' },
        out: { type: 'string', short: 'o' },
        markdown: { type: 'string' },
        'fail-on': { type: 'string' },
        format: { type: 'string' },
        delimiter: { type: 'string' },
      },
      usage,
    );
    const data = requirePositional(positionals, 0, 'the data file', usage);
    if (positionals.length > 1) throw new UsageError(`expected one data file, got ${positionals.length}\n\n${usage}`);
    if (!values.contract) throw new UsageError(`missing --contract <file>\n\n${usage}`);
    const failOn = (values['fail-on'] ?? 'error') as ValidationFailOn;
    if (!VALIDATION_FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on must be error, warn or never; got '${failOn}'`);

    const contract = await loadContract(inputPath(io, values.contract));
    const progress = progressReporter(io, 'validate');
    const report = await validateData(inputPath(io, data), contract, {
      onProgress: progress.update,
      read: { format: values.format as never, delimiter: values.delimiter },
    });
    progress.done();
    // The report names the files as the user typed them (they may have been resolved against another directory).
    report.data = data;
    report.contract = values.contract;

    for (const [path, text] of [
      [values.out, `${JSON.stringify(report, null, 2)}\n`],
      [values.markdown, validationMarkdown(report, failOn)],
    ] as const) {
      if (path !== undefined) await writeOutput(io, path, text, { asTyped: true });
    }
    if (values.json) writeJson(io, report);
    else io.stdout.write(validationText(report, failOn));
    return validationFails(report, failOn) ? 1 : 0;
  },
};

