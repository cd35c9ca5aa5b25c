import { readHead } from '../../shared/data/index.js';
import { UsageError } from '../../shared/errors/index.js';
import { displayValue, textTable } from '../../shared/report/index.js';
import { inputPath, parseCommandArgs, parsePositiveInteger, requirePositional, writeJson, type Command } from '../command.js';

const usage = `Usage: tollgate head <data> [-n 10] [--json] [--format csv|jsonl|parquet|arrow]

Prints the first rows of any supported data file. --json prints an array of
objects keyed by column name (dates as ISO 8601 strings).`;

export const headCommand: Command = {
  name: 'head',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { n: { type: 'string', short: 'n' }, json: { type: 'boolean' }, format: { type: 'string' }, delimiter: { type: 'string' } },
      usage,
    );
    const data = requirePositional(positionals, 0, 'the data file', usage);
    if (positionals.length > 1) throw new UsageError(`expected one data file, got ${positionals.length}\n\n${usage}`);
    const count = parsePositiveInteger(values.n, '-n', 10);
    const { columns, rows } = await readHead(inputPath(io, data), count, { format: values.format as never, delimiter: values.delimiter });
    if (values.json) {
      writeJson(io, rows);
      return 0;
    }
    io.stdout.write(`${textTable(columns, rows.map((row) => columns.map((name) => displayValue(row[name]))), 24)}\n`);
    if (rows.length === 0) io.stdout.write('(no rows)\n');
    return 0;
  },
};
