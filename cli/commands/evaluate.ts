import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultEvaluationConfig, loadEvaluationConfig, type EvaluationConfig } from '../../shared/config/evaluation.js';
import { CONFIG_PATH } from '../../shared/config/path.js';
import { UsageError } from '../../shared/errors/index.js';
import { evaluateFiles } from '../../shared/evaluate/index.js';
import { evaluationText, renderEvaluationMarkdown } from '../../shared/report/index.js';
import { inputPath, parseCommandArgs, writeJson, writeOutput, type Command, type CommandIo } from '../command.js';

const usage = `Usage: tollgate evaluate --predictions FILE [--champion FILE] [options]

Compares the challenger's predictions with the champion's on the same rows
(joined on id) and decides: promote (exit 0) or reject (exit 1). Without
--champion the decision uses the absolute thresholds (evaluation.min/max).

Options:
  --predictions FILE  the challenger's predictions (CSV, TSV, JSON lines, Parquet, Arrow)
  --champion FILE     the champion's predictions on the same rows
  --id NAME           id column (default: evaluation.columns.id, else 'id')
  --label NAME        label column (default: evaluation.columns.label, else 'label')
  --score NAME        score or prediction column (default: evaluation.columns.score, else 'score')
  --config FILE       configuration file (default: ${CONFIG_PATH} when it exists)
  --model NAME        model name shown in the Markdown report
  --json              print the whole report as one JSON document
  --out FILE          also write the JSON report (evaluation.json) to FILE
  --markdown FILE     also write the Markdown report (the pull-request comment) to FILE

Exit codes: 0 promote, 1 reject, 2 usage or input error.`;

const options = {
  predictions: { type: 'string' },
  champion: { type: 'string' },
  id: { type: 'string' },
  label: { type: 'string' },
  score: { type: 'string' },
  config: { type: 'string' },
  json: { type: 'boolean', default: false },
  out: { type: 'string' },
  markdown: { type: 'string' },
  model: { type: 'string' },
} as const;

async function readConfig(io: CommandIo, explicit: string | undefined): Promise<EvaluationConfig> {
  if (explicit !== undefined) return (await loadEvaluationConfig(inputPath(io, explicit))).value;
  if (existsSync(join(io.cwd, CONFIG_PATH))) return (await loadEvaluationConfig(inputPath(io, CONFIG_PATH))).value;
  return defaultEvaluationConfig();
}

export const evaluateCommand: Command = {
  name: 'evaluate',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, options, usage, false);
    if (values.predictions === undefined) throw new UsageError(`missing --predictions FILE\n\n${usage}`);
    const policy = await readConfig(io, values.config);
    const report = await evaluateFiles({
      predictions: inputPath(io, values.predictions),
      champion: values.champion === undefined ? undefined : inputPath(io, values.champion),
      columns: { id: values.id, label: values.label, score: values.score },
      policy,
    });
    // A failure names the file as typed.
    if (values.out !== undefined) await writeOutput(io, values.out, `${JSON.stringify(report, null, 2)}\n`, { asTyped: true });
    if (values.markdown !== undefined) await writeOutput(io, values.markdown, renderEvaluationMarkdown(report, { model: values.model }), { asTyped: true });
    if (values.json) writeJson(io, report);
    else io.stdout.write(evaluationText(report));
    return report.decision === 'promote' ? 0 : 1;
  },
};
