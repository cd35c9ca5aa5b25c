import { join } from 'node:path';
import { CONFIG_PATH } from '../../shared/config/path.js';
import { UsageError } from '../../shared/errors/index.js';
import {
  NO_REFERENCE,
  loadReferenceFiles,
  monitorFailed,
  monitorFiles,
  referenceFromRegistry,
  type MonitorReference,
} from '../../shared/monitor/index.js';
import { monitorText } from '../../shared/report/monitor.js';
import { inputPath, parseCommandArgs, type Command, type CommandIo } from '../command.js';
import { formatFlag, liveOptions, readSections, windowFlags, writeLiveReport } from '../live-flags.js';

const usage = `Usage: tollgate monitor --logs FILE [--labels FILE]
         [--model NAME [--stage STAGE] [--repo DIR] [--assets DIR] | --reference profile.json [--evaluation evaluation.json]]
         [--since 24h|TIME] [--until TIME] [--after-report FILE] [--version V]
         [--format csv|jsonl|parquet|arrow] [--config FILE] [--fail-on alert|warn|never] [--json] [--out FILE]

Watches a released model through its prediction log: feature and prediction
drift (against the profile stored with the version), confidence collapse,
performance once delayed labels arrive (against its evaluation.json), latency
and error rate against objectives, and request volume. Writes one report in
the drift report's format plus its signals (tollgate.monitor/v1).

Options:
  --logs FILE          the prediction log (CSV, TSV, JSON lines, Parquet, Arrow; one row per request)
  --labels FILE        delayed labels: request id and label, joined on the id
  --model NAME         resolve the reference through the registry: the version of NAME in --stage
  --stage STAGE        a stage, champion or latest (default champion)
  --repo DIR           the git repository holding the registry tags (default: here)
  --assets DIR         the version's release assets already downloaded (profile.json, evaluation.json);
                       without it they are fetched from GitHub (GITHUB_TOKEN and GITHUB_REPOSITORY)
  --reference FILE     the baseline profile to compare with (instead of the registry's)
  --evaluation FILE    the evaluation report whose metrics are the performance reference
  --since 24h|TIME     only requests from this long before --until (or now), or from an ISO time
  --until TIME         the window's end (ISO 8601; default now)
  --after-report FILE  only requests after the last one a previous monitor report checked
  --version V          monitor only this model version's requests (default: the registry's version)
  --format FORMAT      the log's format when its name does not say (e.g. predictions.log): csv, jsonl, parquet, arrow
  --config FILE        configuration (default: ${CONFIG_PATH} when it exists): monitor:, drift:, evaluation:
  --fail-on LEVEL      alert (default: monitor.fail_on), warn or never
  --json               print the report as one JSON document
  --out FILE           write the report (monitor-report.json) to FILE

Exit codes: 0 healthy, 1 a signal at the --fail-on level, 2 usage or input error.`;

const options = {
  logs: { type: 'string' },
  ...liveOptions,
  repo: { type: 'string' },
  assets: { type: 'string' },
  reference: { type: 'string' },
  evaluation: { type: 'string' },
  'after-report': { type: 'string' },
  version: { type: 'string' },
  'fail-on': { type: 'string' },
} as const;

/** The reference of a monitor run: the registry's version and its assets, or files, or none. */
async function referenceFromFlags(io: CommandIo, values: { model?: string; stage?: string; repo?: string; assets?: string; reference?: string; evaluation?: string }, configFile: string | undefined): Promise<MonitorReference> {
  if (values.model !== undefined) {
    const repo = inputPath(io, values.repo ?? '.');
    return referenceFromRegistry({
      model: values.model,
      stage: values.stage,
      backend: 'auto',
      cwd: repo,
      token: io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN,
      repository: io.env.GITHUB_REPOSITORY,
      apiUrl: io.env.GITHUB_API_URL,
      configFile: configFile !== undefined ? inputPath(io, configFile) : join(repo, CONFIG_PATH),
      assetsDir: values.assets === undefined ? undefined : inputPath(io, values.assets),
      files: { profile: values.reference && inputPath(io, values.reference), evaluation: values.evaluation && inputPath(io, values.evaluation) },
    });
  }
  for (const flag of ['stage', 'repo', 'assets'] as const) if (values[flag] !== undefined) throw new UsageError(`--${flag} needs --model\n\n${usage}`);
  if (values.reference === undefined && values.evaluation === undefined) return NO_REFERENCE;
  return loadReferenceFiles({ profile: values.reference && inputPath(io, values.reference), evaluation: values.evaluation && inputPath(io, values.evaluation) });
}

function failLevel(text: string | undefined, fallback: 'warn' | 'alert' | 'never'): 'warn' | 'alert' | 'never' {
  if (text === undefined) return fallback;
  if (text !== 'warn' && text !== 'alert' && text !== 'never') throw new UsageError(`--fail-on must be alert, warn or never; got '${text}'`);
  return text;
}

export const monitorCommand: Command = {
  name: 'monitor',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, options, usage, false);
    if (values.logs === undefined) throw new UsageError(`missing --logs FILE\n\n${usage}`);
    const sections = await readSections(io, values.config, values.repo === undefined ? io.cwd : inputPath(io, values.repo));
    const failOn = failLevel(values['fail-on'], sections.monitor.fail_on);
    const reference = await referenceFromFlags(io, values, values.config);
    const report = await monitorFiles(
      {
        logs: inputPath(io, values.logs),
        labels: values.labels === undefined ? undefined : inputPath(io, values.labels),
        settings: sections.monitor,
        drift: sections.drift,
        task: sections.evaluation.task,
        threshold: sections.evaluation.threshold,
        window: await windowFlags(io, values),
        version: values.version,
        format: formatFlag(values.format),
        model: reference.version?.model ?? values.model,
        stage: reference.version?.stage ?? values.stage,
      },
      reference,
    );
    await writeLiveReport(io, values, report, monitorText);
    return monitorFailed(report.level, failOn) ? 1 : 0;
  },
};
