import { UsageError } from '../../shared/errors/index.js';
import { evidenceRecord, shadowFromFiles } from '../../shared/monitor/index.js';
import { shadowText } from '../../shared/report/monitor.js';
import { inputPath, parseCommandArgs, writeJson, type Command } from '../command.js';
import { formatFlag, readSections, windowFlags, writeReport } from './monitor.js';

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
  labels: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  model: { type: 'string' },
  stage: { type: 'string' },
  format: { type: 'string' },
  config: { type: 'string' },
  json: { type: 'boolean', default: false },
  out: { type: 'string' },
  evidence: { type: 'string' },
} as const;

export const shadowCommand: Command = {
  name: 'shadow',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, options, usage, false);
    if (values.live === undefined || values.shadow === undefined) throw new UsageError(`missing --live FILE and --shadow FILE\n\n${usage}`);
    const sections = await readSections(io, values.config);
    const report = await shadowFromFiles(inputPath(io, values.live), inputPath(io, values.shadow), sections, {
      labels: values.labels === undefined ? undefined : inputPath(io, values.labels),
      format: formatFlag(values.format),
      window: await windowFlags(io, values),
      model: values.model,
      stage: values.stage,
    });
    if (values.out !== undefined) await writeReport(io, values.out, report);
    if (values.evidence !== undefined) await writeReport(io, values.evidence, evidenceRecord(report));
    if (values.json) writeJson(io, report);
    else io.stdout.write(shadowText(report));
    return report.verdict === 'fail' ? 1 : 0;
  },
};
