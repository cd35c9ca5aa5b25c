import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDriftConfig, loadDriftConfig, type DriftConfig } from '../../shared/config/drift.js';
import { CONFIG_PATH } from '../../shared/config/path.js';
import { FAIL_ON, createBaseline, driftFromFiles, levelFails, type FailOn } from '../../shared/drift/index.js';
import { UsageError } from '../../shared/errors/index.js';
import { profileToJSON } from '../../shared/profile/index.js';
import { driftMarkdown, driftText } from '../../shared/report/drift.js';
import { inputPath, parseCommandArgs, requirePositional, writeJson, writeOutput, type Command, type CommandIo } from '../command.js';

const usage = `Usage: tollgate drift --reference <data|profile.json> --current <data> [options]
       tollgate drift baseline <data> --out profile.json [--json]

Compares current data with a reference, column by column. A column drifts
when its two-sample test is significant after Benjamini-Hochberg adjustment
(q <= 0.05) AND its PSI on the reference's frozen decile bins, minus the PSI
expected from sampling noise, is at least 0.10 (warn) or 0.25 (alert). Every
column's share of missing values, new categories and the row count are
checked too.

The reference is a data file (CSV, TSV, JSON lines, Parquet, Arrow; .gz for
text) or a baseline profile written by \`tollgate drift baseline\` (.json),
which carries frozen bins so the training data is never read again.

Options:
  --reference FILE     reference data, or a baseline profile (.json)
  --current FILE       the data to check
  --config FILE        drift settings: a drift.yml, or a tollgate.yml's drift: section
                       (default: ${CONFIG_PATH} when it exists)
  --segment-by COLUMN  also say which values of COLUMN drive each shift (repeatable)
  --fail-on LEVEL      warn, alert or never (default: the config's fail_on, else alert)
  --json               print the report as one JSON document
  --out FILE           write the JSON report to FILE
  --markdown FILE      write the Markdown report (the job summary) to FILE

Exit codes: 0 no drift at the --fail-on level, 1 drift, 2 usage or input error.`;

const options = {
  reference: { type: 'string' },
  current: { type: 'string' },
  config: { type: 'string' },
  'segment-by': { type: 'string', multiple: true },
  'fail-on': { type: 'string' },
  json: { type: 'boolean', default: false },
  out: { type: 'string', short: 'o' },
  markdown: { type: 'string' },
} as const;

async function readConfig(io: CommandIo, explicit: string | undefined): Promise<{ config: DriftConfig; file?: string }> {
  const file = explicit ?? (existsSync(join(io.cwd, CONFIG_PATH)) ? CONFIG_PATH : undefined);
  if (file === undefined) return { config: defaultDriftConfig() };
  const path = inputPath(io, file);
  return { config: (await loadDriftConfig(path)).value, file: path };
}

const baselineUsage = `Usage: tollgate drift baseline <data> --out profile.json [--json]

Profiles a data file twice: once to freeze each numeric column's bins
(reference deciles, or its values when it has at most 20), once to count
them exactly. The profile is the reference for later drift checks.`;

async function runBaseline(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { out: { type: 'string', short: 'o' }, json: { type: 'boolean', default: false } } as const, baselineUsage);
  const data = requirePositional(positionals, 0, 'the data file', baselineUsage);
  if (positionals.length > 1) throw new UsageError(`expected one data file, got ${positionals.length}\n\n${baselineUsage}`);
  if (!values.out) throw new UsageError(`missing --out <profile.json>\n\n${baselineUsage}`);
  const profile = await createBaseline(inputPath(io, data));
  await writeOutput(io, values.out, profileToJSON(profile), { what: 'the file' });
  const binned = profile.columns.filter((column) => column.kind === 'number' && column.bins !== null).length;
  if (values.json) writeJson(io, { profile: values.out, data, rows: profile.rows, columns: profile.columns.length, binned_columns: binned });
  else io.stdout.write(`Wrote ${values.out}: baseline of ${data} (${profile.rows.toLocaleString('en-US')} rows, ${profile.columns.length} columns, ${binned} with frozen bins)\n`);
  return 0;
}

export const driftCommand: Command = {
  name: 'drift',
  usage,
  subcommands: ['baseline'],
  async run(argv, io) {
    if (argv[0] === 'baseline') return runBaseline(argv.slice(1), io);
    const { values } = parseCommandArgs(argv, options, usage, false);
    if (!values.reference) throw new UsageError(`missing --reference <data|profile.json>\n\n${usage}`);
    if (!values.current) throw new UsageError(`missing --current <data>\n\n${usage}`);
    const failOnFlag = values['fail-on'];
    if (failOnFlag !== undefined && !(FAIL_ON as readonly string[]).includes(failOnFlag)) throw new UsageError(`--fail-on must be warn, alert or never; got '${failOnFlag}'`);
    const { config, file } = await readConfig(io, values.config);
    const segmentBy = [...new Set([...config.segment_by, ...(values['segment-by'] ?? [])])];
    const settings = { ...config, segment_by: segmentBy };
    const report = await driftFromFiles(inputPath(io, values.reference), inputPath(io, values.current), { settings, configFile: file });
    report.reference.path = values.reference;
    report.current.path = values.current;
    if (values.out) await writeOutput(io, values.out, `${JSON.stringify(report, null, 2)}\n`, { what: 'the file' });
    if (values.markdown) await writeOutput(io, values.markdown, driftMarkdown(report), { what: 'the file' });
    if (values.json) writeJson(io, report);
    else io.stdout.write(driftText(report));
    return levelFails(report.level, (failOnFlag as FailOn | undefined) ?? config.fail_on) ? 1 : 0;
  },
};
