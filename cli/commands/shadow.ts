import { evidenceRecord, shadowFromFiles } from '../../shared/monitor/index.js';
import { shadowText } from '../../shared/report/monitor.js';
import { inputPath, parseCommandArgs, type Command } from '../command.js';
import { comparisonFromFlags, comparisonOptions, requireFlags, writeLiveReport } from '../live-flags.js';

const usage = `Usage: tollgate shadow --live FILE --shadow FILE [--labels FILE]
         [--since 24h|TIME] [--until TIME] [--model NAME] [--stage STAGE]
         [--format FORMAT] [--config FILE] [--json] [--out FILE] [--evidence FILE]

Compares a shadow model with the live one on the requests both scored
(paired on request id): agreement of predicted classes, score correlation and
mean absolute difference, the shadow's score distribution against the live
one, latency, and with labels the paired metric comparison. The verdict
(pass, fail, insufficient) applies monitor.shadow's bounds; the evidence
record (--evidence) is what a promotion PR carries for a stage that
requires shadow evidence.

Options:
  --live FILE        the serving model's prediction log
  --shadow FILE      the shadow model's log of the same requests
  --labels FILE      delayed labels (request id, label)
  --since, --until   the window (as for tollgate monitor)
  --model, --stage   recorded in the report and the evidence
  --format FORMAT    the logs' format when their names do not say: csv, jsonl, parquet, arrow
  --config FILE      configuration (default: .github/tollgate.yml when it exists)
  --json             print the report as one JSON document
  --out FILE         write the report (tollgate.shadow/v1)
  --evidence FILE    write the evidence record (tollgate.evidence/v1)

Exit codes: 0 pass or not enough traffic yet, 1 a bound is broken, 2 usage or input error.`;

const options = {
  live: { type: 'string' },
  shadow: { type: 'string' },
  ...comparisonOptions,
} as const;

export const shadowCommand: Command = {
  name: 'shadow',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, options, usage, false);
    const [live, shadow] = requireFlags(usage, [['--live FILE', values.live], ['--shadow FILE', values.shadow]]);
    const { sections, request } = await comparisonFromFlags(io, values);
    const report = await shadowFromFiles(inputPath(io, live), inputPath(io, shadow), sections, request);
    await writeLiveReport(io, values, report, shadowText, evidenceRecord);
    return report.verdict === 'fail' ? 1 : 0;
  },
};
