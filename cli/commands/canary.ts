import { canaryFromFiles, evidenceRecord } from '../../shared/monitor/index.js';
import { canaryText } from '../../shared/report/monitor.js';
import { inputPath, parseCommandArgs, type Command } from '../command.js';
import { comparisonFromFlags, comparisonOptions, requireFlags, writeLiveReport } from '../live-flags.js';

const usage = `Usage: tollgate canary --logs FILE --control VERSION --canary VERSION [--labels FILE]
         [--since 24h|TIME] [--until TIME] [--model NAME] [--stage STAGE]
         [--format FORMAT] [--config FILE] [--json] [--out FILE] [--evidence FILE]

Analyses a canary release: the log holds the traffic of both versions (its
model version column tells them apart). Error rate, latency and, with labels,
the primary metric of the canary against the control's, with intervals; the
verdict from monitor.canary's bounds: rollback when a bound is broken with
confidence, promote when there is enough traffic and every bound is met,
hold otherwise.

Options:
  --logs FILE          the prediction log with both versions' requests
  --control VERSION    the serving version (e.g. v1.4.0)
  --canary VERSION     the version under test
  --labels FILE        delayed labels (request id, label)
  --since, --until     the window (as for tollgate monitor)
  --model, --stage     recorded in the report and the evidence
  --format FORMAT      the log's format when its name does not say: csv, jsonl, parquet, arrow
  --config FILE        configuration (default: .github/tollgate.yml when it exists)
  --json               print the report as one JSON document
  --out FILE           write the report (tollgate.canary/v1)
  --evidence FILE      write the evidence record (tollgate.evidence/v1)

Exit codes: 0 promote or hold, 1 rollback, 2 usage or input error.`;

const options = {
  logs: { type: 'string' },
  control: { type: 'string' },
  canary: { type: 'string' },
  ...comparisonOptions,
} as const;

export const canaryCommand: Command = {
  name: 'canary',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, options, usage, false);
    const [logs, control, canary] = requireFlags(usage, [['--logs FILE', values.logs], ['--control VERSION', values.control], ['--canary VERSION', values.canary]]);
    const { sections, request } = await comparisonFromFlags(io, values);
    const report = await canaryFromFiles(inputPath(io, logs), control, canary, sections, request);
    await writeLiveReport(io, values, report, canaryText, evidenceRecord);
    return report.verdict === 'rollback' ? 1 : 0;
  },
};
