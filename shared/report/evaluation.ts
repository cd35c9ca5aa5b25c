/**
 * The evaluation report as Markdown, for the pull-request comment, the check
 * run and the job summary: the verdict first, then challenger versus champion
 * on the gated metrics, the segments that failed, and everything else
 * collapsed. Every text that came from data (file names, segment values,
 * reasons, the model name) is escaped.
 */
import type { ComparisonRow, EvaluationReport, MetricName, SegmentRow } from '../evaluate/index.js';
import { details, escapeMarkdown, formatNumber, markdownLink, markdownTable, safeUrl } from './markdown.js';

export interface EvaluationMarkdownOptions {
  /** The model's name, shown in the heading. */
  model?: string;
  /** Link to the workflow run that produced the report. */
  runUrl?: string;
}

/** Failing segments listed in the open part of the report. */
const MAX_FAILED_SEGMENTS = 50;
/** Segments listed in the collapsed part. */
const MAX_ALL_SEGMENTS = 200;
/** Reasons listed before "and N more". */
const MAX_REASONS = 25;

function signed(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const text = formatNumber(value);
  return value > 0 ? `+${text}` : text;
}

function percent(confidence: number): string {
  return `${Number((confidence * 100).toPrecision(4))}%`;
}

function ciText(row: ComparisonRow): string {
  return row.ci ? `${signed(row.ci[0])} to ${signed(row.ci[1])}` : '—';
}

function mark(pass: boolean): string {
  return pass ? '✅ pass' : '❌ fail';
}

/** One line for a check run's title or a status line. */
export function evaluationTitle(report: EvaluationReport, model?: string): string {
  const subject = model ? `${model}: ` : '';
  const verdict = report.decision === 'promote' ? 'promote' : 'reject';
  const primary = report.comparison.find((row) => row.role === 'primary');
  if (report.mode === 'absolute') return `${subject}${verdict} (no champion; absolute thresholds)`;
  if (!primary) return `${subject}${verdict}`;
  return `${subject}${verdict}: ${primary.metric} ${signed(primary.delta)} (${percent(primary.confidence)} CI ${ciText(primary)})`;
}

function heading(report: EvaluationReport, options: EvaluationMarkdownOptions): string {
  const model = options.model ? ` ${escapeMarkdown(options.model)}` : '';
  const verdict = report.decision === 'promote' ? '✅ Promote' : '❌ Reject';
  const against = report.mode === 'champion' ? 'challenger vs champion' : 'no champion yet: absolute thresholds only';
  return `### ${verdict}:${model} ${against}`;
}

function reasonsList(report: EvaluationReport): string {
  const shown = report.reasons.slice(0, MAX_REASONS).map((reason) => `- ${escapeMarkdown(reason)}`);
  const hidden = report.reasons.length - shown.length;
  if (hidden > 0) shown.push(`- … and ${hidden} more (see evaluation.json)`);
  return shown.join('\n');
}

function comparisonTable(report: EvaluationReport): string {
  const confidence = report.comparison[0]?.confidence ?? report.bootstrap.confidence;
  const rows = report.comparison.map((row) => [
    row.metric,
    `${row.role}: ${row.rule}`,
    formatNumber(row.challenger),
    formatNumber(row.champion),
    signed(row.delta),
    ciText(row),
    row.p_value === null ? '—' : formatNumber(row.p_value, 3),
    mark(row.pass),
  ]);
  return markdownTable(['Metric', 'Gate', 'Challenger', 'Champion', 'Δ', `CI (${percent(confidence)})`, 'DeLong p', 'Result'], rows, ['left', 'left', 'right', 'right', 'right', 'left', 'right', 'left']);
}

function thresholdTable(report: EvaluationReport): string {
  const rows = report.thresholds.map((check) => [check.metric, `${check.bound} ${formatNumber(check.limit)}`, formatNumber(check.value), mark(check.pass)]);
  return markdownTable(['Metric', 'Bound', 'Challenger', 'Result'], rows, ['left', 'left', 'right', 'left']);
}

const STATUS_TEXT: Record<SegmentRow['status'], string> = {
  pass: '✅ pass',
  regressed: '❌ regressed',
  too_few_rows: 'too few rows (not gated)',
  undefined: 'metric undefined (not gated)',
  no_champion: 'no champion (not gated)',
};

function segmentTable(segments: SegmentRow[]): string {
  const rows = segments.map((row) => [
    row.segment,
    row.value ?? '(missing)',
    row.rows,
    row.metric,
    formatNumber(row.metrics.champion),
    formatNumber(row.metrics.challenger),
    signed(row.delta),
    STATUS_TEXT[row.status],
  ]);
  return markdownTable(['Segment', 'Value', 'Rows', 'Metric', 'Champion', 'Challenger', 'Δ', 'Result'], rows, ['left', 'left', 'right', 'left', 'right', 'right', 'right', 'left']);
}

function limited<T>(items: T[], limit: number, render: (shown: T[]) => string): string {
  const table = render(items.slice(0, limit));
  return items.length > limit ? `${table}\n\n${items.length - limit} more not shown (see evaluation.json).` : table;
}

function allMetricsTable(report: EvaluationReport): string {
  const names = Object.keys(report.metrics.challenger) as MetricName[];
  const champion = report.metrics.champion;
  const rows = names.map((name) => {
    const mine = report.metrics.challenger[name] ?? null;
    const theirs = champion ? (champion[name] ?? null) : null;
    return [name, formatNumber(mine), formatNumber(theirs), mine !== null && theirs !== null ? signed(mine - theirs) : '—'];
  });
  return markdownTable(['Metric', 'Challenger', 'Champion', 'Δ'], rows, ['left', 'right', 'right', 'right']);
}

function settingsList(report: EvaluationReport): string {
  const lines = [
    `- Rows evaluated: ${report.rows.toLocaleString('en-US')} (${report.task})`,
    `- Challenger predictions: ${escapeMarkdown(report.inputs.challenger)}`,
    `- Champion predictions: ${report.inputs.champion === null ? 'none' : escapeMarkdown(report.inputs.champion)}`,
    `- Primary metric: ${report.primary}`,
    `- Paired bootstrap: ${report.bootstrap.resamples.toLocaleString('en-US')} resamples, seed ${report.bootstrap.seed}, ${percent(report.bootstrap.confidence)} percentile intervals`,
  ];
  if (report.task === 'classification') lines.push(`- Threshold metrics count a row as positive when score ≥ ${formatNumber(report.threshold)}`);
  return lines.join('\n');
}

/** The whole report as GitHub-flavoured Markdown. */
export function renderEvaluationMarkdown(report: EvaluationReport, options: EvaluationMarkdownOptions = {}): string {
  const parts = [heading(report, options), reasonsList(report)];
  if (report.comparison.length > 0) parts.push(comparisonTable(report));
  if (report.mode === 'absolute' && report.thresholds.length > 0) parts.push(thresholdTable(report));
  const failed = report.segments.filter((row) => row.status === 'regressed');
  if (failed.length > 0) parts.push(`**Segments that regressed**\n\n${limited(failed, MAX_FAILED_SEGMENTS, segmentTable)}`);

  const more = [`**All metrics**\n\n${allMetricsTable(report)}`];
  if (report.mode === 'champion' && report.thresholds.length > 0) more.push(`**Absolute thresholds**\n\n${thresholdTable(report)}`);
  if (report.segments.length > 0) more.push(`**All segments**\n\n${limited(report.segments, MAX_ALL_SEGMENTS, segmentTable)}`);
  if (report.warnings.length > 0) more.push(`**Warnings**\n\n${report.warnings.map((warning) => `- ${escapeMarkdown(warning)}`).join('\n')}`);
  more.push(`**Settings**\n\n${settingsList(report)}`);
  parts.push(details('Everything else: all metrics, segments, settings', more.join('\n\n')));

  if (safeUrl(options.runUrl) !== undefined) parts.push(`<sub>${markdownLink('Workflow run', options.runUrl)} · Tollgate</sub>`);
  return `${parts.join('\n\n')}\n`;
}
