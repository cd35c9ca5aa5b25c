import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultEvaluationConfig, loadEvaluationConfig, type EvaluationConfig } from '../../shared/config/evaluation.js';
import { InputError, UsageError } from '../../shared/errors/index.js';
import { evaluateFiles, type EvaluationReport } from '../../shared/evaluate/index.js';
import { formatNumber, renderEvaluationMarkdown } from '../../shared/report/index.js';
import { inputPath, parseCommandArgs, writeJson, type Command, type CommandIo } from '../command.js';

const DEFAULT_CONFIG = '.github/tollgate.yml';

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
  --config FILE       configuration file (default: ${DEFAULT_CONFIG} when it exists)
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
  if (existsSync(join(io.cwd, DEFAULT_CONFIG))) return (await loadEvaluationConfig(inputPath(io, DEFAULT_CONFIG))).value;
  return defaultEvaluationConfig();
}

function signed(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '—';
  return value > 0 ? `+${formatNumber(value)}` : formatNumber(value);
}

/** Aligned columns for a terminal. */
function columns(rows: string[][]): string[] {
  const widths = rows[0].map((_, index) => Math.max(...rows.map((row) => row[index].length)));
  return rows.map((row) => row.map((cell, index) => cell.padEnd(widths[index])).join('  ').trimEnd());
}

/** The report for people at a terminal: verdict, reasons, gated metrics, regressed segments. */
export function formatEvaluationText(report: EvaluationReport): string {
  const against = report.mode === 'champion' ? 'challenger vs champion' : 'no champion: absolute thresholds';
  const lines = [`${report.decision.toUpperCase()}  ${against}, ${report.rows.toLocaleString('en-US')} rows (${report.task})`, ''];
  for (const reason of report.reasons) lines.push(`  - ${reason}`);
  if (report.comparison.length > 0) {
    const header = ['metric', 'gate', 'challenger', 'champion', 'delta', `${Math.round(report.bootstrap.confidence * 100)}% CI`, 'p', 'result'];
    const body = report.comparison.map((row) => [
      row.metric,
      row.role,
      formatNumber(row.challenger),
      formatNumber(row.champion),
      signed(row.delta),
      row.ci ? `${signed(row.ci[0])} to ${signed(row.ci[1])}` : '—',
      row.p_value === null ? '—' : formatNumber(row.p_value, 3),
      row.pass ? 'pass' : 'FAIL',
    ]);
    lines.push('', ...columns([header, ...body]).map((line) => `  ${line}`));
  }
  const regressed = report.segments.filter((row) => row.status === 'regressed');
  if (regressed.length > 0) {
    lines.push('', '  segments that regressed:');
    for (const row of regressed) lines.push(`    ${row.segment}=${row.value ?? '(missing)'} (${row.rows} rows): ${row.metric} ${signed(row.delta)}`);
  }
  for (const warning of report.warnings) lines.push(`  warning: ${warning}`);
  return `${lines.join('\n')}\n`;
}

async function writeOptional(io: CommandIo, path: string | undefined, text: string): Promise<void> {
  if (path === undefined) return;
  try {
    await writeFile(inputPath(io, path), text);
  } catch (error) {
    throw new InputError({ file: path }, `cannot write the report (${(error as Error).message})`);
  }
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
    await writeOptional(io, values.out, `${JSON.stringify(report, null, 2)}\n`);
    await writeOptional(io, values.markdown, renderEvaluationMarkdown(report, { model: values.model }));
    if (values.json) writeJson(io, report);
    else io.stdout.write(formatEvaluationText(report));
    return report.decision === 'promote' ? 0 : 1;
  },
};
