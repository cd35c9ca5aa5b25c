import { resolve } from 'node:path';
import { UsageError } from '../../shared/errors/index.js';
import { gitTopLevel, portablePath } from '../../shared/lineage/index.js';
import { formatBytes } from '../../shared/report/format-bytes.js';
import { DirectoryTrainCache, flattenMetrics, parseSeed, runTraining, type TrainResult } from '../../shared/train/index.js';
import { parseCommandArgs, writeJson, type Command, type CommandIo } from '../command.js';

const usage = `Usage: tollgate train [options] -- <command...>

Runs your own training command (any language, no shell) reproducibly: exports
the seed and params, fingerprints data, code and lock files into a content key,
restores the outputs of an earlier run with the same key instead of training
again, validates the metrics file and writes lineage.json.

Options:
  --params F       params.yaml or .json, exported as TOLLGATE_PARAMS (its path)
                   and TOLLGATE_PARAM_<NAME> (each top-level scalar)
  --data P         an input dataset, file or directory (repeatable)
  --outputs P      a file or directory the command writes (repeatable); deleted
                   before the command runs, restored on a cache hit
  --metrics F      the metrics JSON the command writes (finite numbers)
  --lineage F      where lineage.json goes (default: beside the first output)
  --code P         a code path whose git-tracked files enter the key
                   (repeatable; default: the whole repository)
  --seed N         exported as TOLLGATE_SEED and PYTHONHASHSEED
                   (default: the params' seed, else 0)
  --cache-dir DIR  the local cache (default: .tollgate-cache at the repository root)
  --no-cache       always run the command, store nothing
  --json           print one JSON document on stdout (the command's stdout goes to stderr)

Example:
  tollgate train --params params.yaml --data data/train.csv \\
    --outputs model.json --metrics metrics.json -- node train.mjs

Exit codes: 0 trained or restored, 1 the training command failed, 2 usage or input error.`;

const options = {
  params: { type: 'string' },
  data: { type: 'string', multiple: true },
  outputs: { type: 'string', multiple: true },
  metrics: { type: 'string' },
  lineage: { type: 'string' },
  code: { type: 'string', multiple: true },
  seed: { type: 'string' },
  'cache-dir': { type: 'string' },
  'no-cache': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/** The JSON document `--json` prints. */
function trainJson(result: TrainResult): Record<string, unknown> {
  return {
    cache: result.cache,
    key: result.key,
    exit_code: result.exitCode,
    duration_s: result.durationS,
    metrics: result.metrics,
    lineage: result.lineagePath,
    outputs: result.outputs,
    ...(result.exitCode !== 0 ? { stderr_tail: result.stderrTail } : {}),
  };
}

function describe(result: TrainResult): string {
  const how = result.cache === 'hit' ? `cache hit: restored the outputs of a ${result.durationS} s run` : `trained in ${result.durationS} s (cache ${result.cache})`;
  const lines = [`tollgate train: ${how}`, `  key:     ${result.key}`];
  if (result.metrics) {
    const pairs = flattenMetrics(result.metrics);
    const shown = pairs.slice(0, 12).map(([name, value]) => `${name} ${Number(value.toPrecision(6))}`);
    lines.push(`  metrics: ${shown.join(', ')}${pairs.length > 12 ? `, … (${pairs.length - 12} more)` : ''}`);
  }
  if (result.outputs.length > 0) lines.push(`  outputs: ${result.outputs.map((file) => `${file.path} (${formatBytes(file.size)})`).join(', ')}`);
  lines.push(`  lineage: ${result.lineagePath}`);
  return lines.join('\n');
}

async function run(argv: string[], io: CommandIo): Promise<number> {
  const separator = argv.indexOf('--');
  if (separator === -1) throw new UsageError(`put the training command after --, e.g. tollgate train -- python train.py\n\n${usage}`);
  const command = argv.slice(separator + 1);
  if (command.length === 0) throw new UsageError(`no training command after --\n\n${usage}`);
  const { values } = parseCommandArgs(argv.slice(0, separator), options, usage, false);
  if (values['no-cache'] && values['cache-dir'] !== undefined) throw new UsageError('--no-cache and --cache-dir exclude each other');

  const cwd = resolve(io.cwd);
  let cache: DirectoryTrainCache | undefined;
  if (!values['no-cache']) {
    const directory = values['cache-dir'] !== undefined ? resolve(cwd, values['cache-dir']) : resolve((await gitTopLevel(cwd)) ?? cwd, '.tollgate-cache');
    cache = new DirectoryTrainCache(directory, portablePath(cwd, directory));
  }
  // With --json, stdout carries one document: the command's own output goes to stderr.
  const commandStdout = values.json ? io.stderr : io.stdout;
  const result = await runTraining({
    cwd,
    command,
    paramsFile: values.params,
    data: values.data,
    outputs: values.outputs,
    metricsFile: values.metrics,
    lineageFile: values.lineage,
    codePaths: values.code,
    seed: values.seed === undefined ? undefined : parseSeed(values.seed, '--seed'),
    cache,
    env: io.env,
    stdout: commandStdout,
    stderr: io.stderr,
    log: (message) => io.stderr.write(`tollgate train: ${message}\n`),
  });

  if (result.exitCode !== 0) {
    const tail = result.stderrTail.length > 0 ? `\n--- last ${result.stderrTail.length} lines of its stderr ---\n${result.stderrTail.join('\n')}` : ' (it wrote nothing to stderr)';
    io.stderr.write(`tollgate train: the training command failed with exit code ${result.exitCode}; nothing was cached${tail}\n`);
  }
  if (values.json) writeJson(io, trainJson(result));
  else if (result.exitCode === 0) io.stdout.write(`${describe(result)}\n`);
  return result.exitCode === 0 ? 0 : 1;
}

/** `tollgate train`: reproducible training with lineage and a content-addressed cache. */
export const trainCommand: Command = {
  name: 'train',
  usage,
  run,
};
