import { inferContract, parseContract, profileForContract } from '../../shared/contract/index.js';
import { UsageError } from '../../shared/errors/index.js';
import { inputPath, parseCommandArgs, requirePositional, writeJson, writeOutput, type Command } from '../command.js';
import { progressReporter } from '../progress.js';

const usage = `Usage: tollgate contract infer <data> [--out contract.yml] [--json] [--format F] [--delimiter D]

Writes a starting data contract from the data: types, nullability, unique
keys, category lists and ID patterns as error rules; observed bounds as warn
rules to review. Without --out the contract is printed.`;

export const contractCommand: Command = {
  name: 'contract',
  usage,
  subcommands: ['infer'],
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { out: { type: 'string', short: 'o' }, json: { type: 'boolean' }, format: { type: 'string' }, delimiter: { type: 'string' } }, usage);
    const action = requirePositional(positionals, 0, "the subcommand 'infer'", usage);
    if (action !== 'infer') throw new UsageError(`unknown subcommand '${action}'; expected infer\n\n${usage}`);
    const data = requirePositional(positionals, 1, 'the data file', usage);
    const progress = progressReporter(io, 'contract infer');
    const profile = await profileForContract(inputPath(io, data), { format: values.format as never, delimiter: values.delimiter }, progress.update);
    progress.done();
    const text = inferContract(profile, data);
    // What we write must be a contract we accept.
    const parsed = parseContract(text, values.out ?? 'contract.yml');
    if (values.out) await writeOutput(io, values.out, text, { what: 'the contract', asTyped: true });
    if (values.json) writeJson(io, { contract: values.out ?? null, rules: parsed.value });
    else if (!values.out) io.stdout.write(text);
    else io.stdout.write(`wrote ${values.out} (${Object.keys(parsed.value.columns).length} columns)\n`);
    return 0;
  },
};
