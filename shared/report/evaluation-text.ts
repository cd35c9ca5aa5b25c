import type { EvaluationReport } from '../evaluate/index.js';
import { formatNumber } from './markdown.js';
import { textTable } from './text-table.js';

function signed(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '—';
  return value > 0 ? `+${formatNumber(value)}` : formatNumber(value);
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
    lines.push('', ...textTable(header, body, 60).split('\n').map((line) => `  ${line}`));
  }
  const regressed = report.segments.filter((row) => row.status === 'regressed');
  if (regressed.length > 0) {
    lines.push('', '  segments that regressed:');
    for (const row of regressed) lines.push(`    ${row.segment}=${row.value ?? '(missing)'} (${row.rows} rows): ${row.metric} ${signed(row.delta)}`);
  }
  for (const warning of report.warnings) lines.push(`  warning: ${warning}`);
  return `${lines.join('\n')}\n`;
}
