import type { EvaluationReport } from '../evaluate/index.js';
import { formatNumber } from './markdown.js';

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
export function evaluationText(report: EvaluationReport): string {
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
