/**
 * Monitoring, shadow and canary reports for people: Markdown for job
 * summaries and promotion PRs (the verdict first, then what fired, then the
 * figures), and plain text for terminals. Everything that came from data or
 * configuration (column names, versions, segment values, paths, reasons) is
 * escaped.
 */
import type {
  BoundCheck,
  CanaryReport,
  CanarySide,
  Estimate,
  EvidenceStatus,
  LatencySummary,
  MonitorReport,
  MonitorSignal,
  ShadowReport,
  SignalCheck,
} from '../monitor/index.js';
import { escapeMarkdown, formatNumber, markdownLink, markdownTable, percent, safeUrl } from './markdown.js';
import { textTable } from './text-table.js';

const ICON: Record<string, string> = { alert: '🔴', warn: '🟡', none: '✅', insufficient: '⚪', off: '➖' };
const MAX_ROWS = 50;
const LEVEL_ORDER: Record<string, number> = { alert: 0, warn: 1, none: 2, insufficient: 3, off: 4 };

function num(value: number | null | undefined): string {
  return formatNumber(value ?? null);
}

function interval(value: [number, number] | null, format: (value: number) => string = num): string {
  return value === null ? '—' : `${format(value[0])} to ${format(value[1])}`;
}

/** Terminal text without control characters from data (no escape sequences reach the terminal). */
function plain(text: string): string {
  let out = '';
  for (const character of text) {
    const code = character.charCodeAt(0);
    out += (code < 0x20 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f) ? '?' : character;
  }
  return out;
}

function subjectOf(parts: Array<string | null | undefined>): string {
  return parts.filter((part): part is string => Boolean(part)).join(' · ');
}

/** Figures are shares for these checks. */
function isShare(name: string): boolean {
  return name === 'uncertain_share' || name === 'error_rate' || name === 'positive_share';
}

function checkValue(check: SignalCheck, value: number | null): string {
  return isShare(check.name) ? percent(value) : num(value);
}

/** One line: what the report concluded. */
export function monitorHeadline(report: MonitorReport): string {
  const firing = report.signals.filter((signal) => signal.level === 'alert' || signal.level === 'warn');
  const judged = report.signals.filter((signal) => signal.level !== 'off' && signal.level !== 'insufficient');
  switch (report.level) {
    case 'alert':
      return `Monitoring alert: ${firing.map((signal) => `${signal.signal}${signal.level === 'warn' ? ' (warn)' : ''}`).join(', ')}`;
    case 'warn':
      return `Monitoring warning: ${firing.map((signal) => signal.signal).join(', ')}`;
    case 'none':
      return `Healthy: ${judged.length} signal${judged.length === 1 ? '' : 's'} checked, none fired`;
    case 'insufficient':
      return 'Not enough data to judge any signal';
  }
}

function windowText(report: MonitorReport): string {
  const w = report.window;
  const span = w.first && w.last ? `${w.first} to ${w.last}` : 'no timestamps';
  const hours = w.hours !== null ? `, ${formatNumber(w.hours, 3)} h` : '';
  const of = w.total_rows !== w.rows ? ` of ${w.total_rows.toLocaleString('en-US')}` : '';
  return `${w.rows.toLocaleString('en-US')}${of} requests (${span}${hours})`;
}

function referenceText(report: MonitorReport): string {
  const parts: string[] = [];
  if (report.reference.path || report.reference.digest) parts.push(`profile ${report.reference.path ?? ''}${report.reference.digest ? ` (${report.reference.digest.slice(0, 19)})` : ''}`.trim());
  if (report.evaluation) parts.push(`evaluation ${report.evaluation.path ?? ''}`.trim());
  return parts.length > 0 ? parts.join(', ') : 'no reference files';
}

function checksTable(checks: readonly SignalCheck[]): string {
  return markdownTable(
    ['check', 'level', 'value', 'CI', 'reference', 'bound'],
    checks.map((check) => [check.name, check.level, checkValue(check, check.value), interval(check.interval, (value) => checkValue(check, value)), checkValue(check, check.reference), checkValue(check, check.bound)]),
    ['left', 'left', 'right', 'left', 'right', 'right'],
  );
}

function signalDetails(signal: MonitorSignal): string[] {
  const lines = [`#### ${ICON[signal.level]} ${escapeMarkdown(signal.signal)}: ${escapeMarkdown(signal.level)}`, '', escapeMarkdown(signal.summary), ''];
  if (signal.reasons.length > 0) lines.push(...signal.reasons.map((reason) => `- ${escapeMarkdown(reason)}`), '');
  if (signal.checks.length > 0) lines.push(checksTable(signal.checks.slice(0, MAX_ROWS)), '');
  const segments = (signal.segments ?? []).filter((segment) => segment.level !== 'insufficient').sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  if (segments.length > 0) {
    lines.push(
      markdownTable(
        ['segment', 'rows', 'metric', 'window', 'CI', 'reference', 'level'],
        segments.slice(0, MAX_ROWS).map((segment) => [`${segment.segment}=${segment.value ?? '(missing)'}`, segment.rows, segment.metric, num(segment.window), interval(segment.interval), num(segment.reference), segment.level]),
      ),
      '',
    );
  }
  return lines;
}

/** The job summary: verdict, what fired, the signals table, then each firing signal's figures. */
export function monitorMarkdown(report: MonitorReport, options: { runUrl?: string } = {}): string {
  const subject = subjectOf([report.model, report.stage, report.version]);
  const lines = [`### ${ICON[report.level]} ${escapeMarkdown(monitorHeadline(report))}${subject ? ` — ${escapeMarkdown(subject)}` : ''}`, ''];
  lines.push(`Window: ${escapeMarkdown(windowText(report))} from ${escapeMarkdown(report.log.path)}. Reference: ${escapeMarkdown(referenceText(report))}.`, '');
  if (report.reasons.length > 0) lines.push(...report.reasons.slice(0, 25).map((reason) => `- ${escapeMarkdown(reason)}`), '');
  lines.push(
    markdownTable(
      ['signal', 'level', 'summary'],
      report.signals.map((signal) => [`${ICON[signal.level]} ${signal.signal}`, signal.level, signal.summary]),
    ),
    '',
  );
  for (const signal of report.signals.filter((entry) => entry.level === 'alert' || entry.level === 'warn')) lines.push(...signalDetails(signal));
  const moved = report.columns.filter((column) => column.drifted);
  if (moved.length > 0) {
    lines.push(
      '**Columns that moved**',
      '',
      markdownTable(
        ['column', 'level', 'test', 'PSI − noise', 'q-value', 'why'],
        moved.slice(0, MAX_ROWS).map((column) => [column.name, column.level, column.test, num(column.effect), formatNumber(column.q_value, 3), column.reasons.join('; ')]),
      ),
      '',
    );
  }
  const quiet = report.signals.filter((signal) => signal.level !== 'alert' && signal.level !== 'warn' && signal.checks.length > 0);
  if (quiet.length > 0) {
    const body = quiet.flatMap((signal) => [`**${escapeMarkdown(signal.signal)}** (${escapeMarkdown(signal.level)})`, '', checksTable(signal.checks.slice(0, MAX_ROWS)), '']).join('\n');
    lines.push('<details><summary>Other signals’ figures</summary>', '', body.trimEnd(), '', '</details>', '');
  }
  const notes = [...report.notes, ...report.signals.flatMap((signal) => signal.notes.map((note) => `${signal.signal}: ${note}`))];
  if (notes.length > 0) lines.push(...notes.slice(0, 20).map((note) => `_${escapeMarkdown(note)}_`), '');
  if (safeUrl(options.runUrl) !== undefined) lines.push(markdownLink('Workflow run', options.runUrl), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The terminal version. */
export function monitorText(report: MonitorReport): string {
  const subject = subjectOf([report.model, report.stage, report.version]);
  const lines = [`${report.level.toUpperCase()}  ${monitorHeadline(report)}${subject ? ` (${subject})` : ''}`];
  lines.push(`Window:    ${windowText(report)} from ${report.log.path}`);
  lines.push(`Reference: ${referenceText(report)}`);
  if (report.reasons.length > 0) lines.push('', ...report.reasons.map((reason) => `  - ${reason}`));
  lines.push('', textTable(['signal', 'level', 'summary'], report.signals.map((signal) => [signal.signal, signal.level, signal.summary]), 110));
  for (const signal of report.signals.filter((entry) => entry.checks.length > 0 && entry.level !== 'off')) {
    lines.push('', `${signal.signal}:`);
    const rows = signal.checks.map((check) => [check.name, check.level, checkValue(check, check.value), interval(check.interval, (value) => checkValue(check, value)), checkValue(check, check.reference), checkValue(check, check.bound)]);
    lines.push(...textTable(['check', 'level', 'value', 'CI', 'reference', 'bound'], rows).split('\n').map((line) => `  ${line}`));
    for (const segment of (signal.segments ?? []).filter((entry) => entry.level === 'warn' || entry.level === 'alert')) {
      lines.push(`  segment ${segment.segment}=${segment.value ?? '(missing)'} (${segment.rows} rows): ${segment.metric} ${num(segment.window)} vs ${num(segment.reference)} (${segment.level})`);
    }
  }
  for (const note of [...report.notes, ...report.signals.flatMap((signal) => signal.notes.map((entry) => `${signal.signal}: ${entry}`))]) lines.push(`Note: ${note}`);
  return `${plain(lines.join('\n'))}\n`;
}

const VERDICT_ICON: Record<string, string> = { pass: '✅', promote: '✅', fail: '❌', rollback: '❌', insufficient: '⏳', hold: '⏳' };

function boundRows(checks: readonly BoundCheck[]): Array<Array<string | number>> {
  return checks.map((check) => [check.name, num(check.bound), num(check.value), interval(check.interval), check.status]);
}

function latencyCells(summary: LatencySummary | null | undefined): string {
  if (!summary) return '—';
  return `p50 ${num(summary.p50.value)} / p95 ${num(summary.p95.value)} / p99 ${num(summary.p99.value)} ms`;
}

function estimateText(estimate: Estimate | null, format: (value: number) => string = num): string {
  if (estimate === null || estimate.value === null) return '—';
  return `${format(estimate.value)} (${interval(estimate.interval, format)})`;
}

/** Shadow report as Markdown: verdict, bounds, agreement, scores, latency, metrics. */
export function shadowMarkdown(report: ShadowReport): string {
  const subject = subjectOf([report.model, report.stage]);
  const versions = `${report.shadow.version ?? 'shadow'} in shadow of ${report.live.version ?? 'live'}`;
  const lines = [`### ${VERDICT_ICON[report.verdict]} Shadow evidence: ${report.verdict}${subject ? ` — ${escapeMarkdown(subject)}` : ''}`, ''];
  lines.push(`${escapeMarkdown(versions)}: ${report.pairing.pairs.toLocaleString('en-US')} paired requests (${report.pairing.live_only} live only, ${report.pairing.shadow_only} shadow only) over ${formatNumber(report.figures.hours, 3)} h.`, '');
  lines.push(...report.reasons.map((reason) => `- ${escapeMarkdown(reason)}`), '');
  lines.push(markdownTable(['bound', 'limit', 'value', 'CI', 'status'], boundRows(report.checks)), '');
  const figures = report.figures;
  lines.push(
    markdownTable(
      ['figure', 'value (CI)'],
      [
        ['agreement', report.agreement ? percent(report.agreement.rate) : '—'],
        ['disagreement', estimateText(figures.disagreement, percent)],
        ['score correlation', estimateText(figures.correlation)],
        ['mean absolute score difference', estimateText(figures.mean_abs_diff)],
        ['score distribution (shadow vs live)', report.distribution ? `${report.distribution.level}${report.distribution.columns[0] ? `, PSI ${num(report.distribution.columns[0].psi)}` : ''}` : '—'],
        ['latency live', latencyCells(report.latency?.live)],
        ['latency shadow', latencyCells(report.latency?.shadow)],
        ['p95 latency increase', estimateText(figures.latency_increase, percent)],
        [figures.metric_delta ? `${figures.metric_delta.metric} shadow − live` : 'metric (with labels)', estimateText(figures.metric_delta)],
      ],
    ),
    '',
  );
  if (report.agreement && report.agreement.matrix.length > 0) {
    lines.push('<details><summary>Predicted classes, live × shadow</summary>', '', markdownTable(['live', 'shadow', 'requests'], report.agreement.matrix.slice(0, MAX_ROWS).map((cell) => [cell.live, cell.shadow, cell.count])), '', '</details>', '');
  }
  if (report.notes.length > 0) lines.push(...report.notes.map((note) => `_${escapeMarkdown(note)}_`), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Shadow report for a terminal. */
export function shadowText(report: ShadowReport): string {
  const figures = report.figures;
  const lines = [
    `${report.verdict.toUpperCase()}  shadow ${report.shadow.version ?? report.shadow.path} vs live ${report.live.version ?? report.live.path}: ${report.pairing.pairs} paired requests, ${formatNumber(figures.hours, 3)} h`,
    '',
    ...report.reasons.map((reason) => `  - ${reason}`),
    '',
    `  agreement        ${report.agreement ? percent(report.agreement.rate) : '—'}`,
    `  correlation      ${estimateText(figures.correlation)}`,
    `  mean |diff|      ${estimateText(figures.mean_abs_diff)}`,
    `  distribution     ${report.distribution?.level ?? '—'}`,
    `  latency live     ${latencyCells(report.latency?.live)}`,
    `  latency shadow   ${latencyCells(report.latency?.shadow)}`,
    `  metric delta     ${figures.metric_delta ? `${figures.metric_delta.metric} ${estimateText(figures.metric_delta)}` : '—'}`,
  ];
  for (const note of report.notes) lines.push(`Note: ${note}`);
  return `${plain(lines.join('\n'))}\n`;
}

function sideRow(side: CanarySide): Array<string | number> {
  return [side.version, side.requests, estimateText(side.error_rate, percent), latencyCells(side.latency), side.metric ? `${side.metric.metric} ${estimateText(side.metric)}` : '—'];
}

/** Canary report as Markdown: verdict, bounds, control vs canary. */
export function canaryMarkdown(report: CanaryReport): string {
  const subject = subjectOf([report.model, report.stage]);
  const lines = [`### ${VERDICT_ICON[report.verdict]} Canary verdict: ${report.verdict}${subject ? ` — ${escapeMarkdown(subject)}` : ''}`, ''];
  lines.push(`${escapeMarkdown(report.canary.version)} (canary, ${report.canary.requests.toLocaleString('en-US')} requests over ${formatNumber(report.figures.hours, 3)} h) against ${escapeMarkdown(report.control.version)} (control, ${report.control.requests.toLocaleString('en-US')} requests).`, '');
  lines.push(...report.reasons.map((reason) => `- ${escapeMarkdown(reason)}`), '');
  lines.push(markdownTable(['bound', 'limit', 'value', 'CI', 'status'], boundRows(report.checks)), '');
  lines.push(markdownTable(['version', 'requests', 'error rate (CI)', 'latency', 'metric'], [sideRow(report.control), sideRow(report.canary)]), '');
  const others = Object.entries(report.other_versions);
  if (others.length > 0) lines.push(`Other versions in the log (not compared): ${others.map(([name, count]) => `${escapeMarkdown(name)} (${count})`).join(', ')}.`, '');
  if (report.notes.length > 0) lines.push(...report.notes.map((note) => `_${escapeMarkdown(note)}_`), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Canary report for a terminal. */
export function canaryText(report: CanaryReport): string {
  const lines = [
    `${report.verdict.toUpperCase()}  canary ${report.canary.version} (${report.canary.requests} requests) vs control ${report.control.version} (${report.control.requests} requests)`,
    '',
    ...report.reasons.map((reason) => `  - ${reason}`),
    '',
    textTable(['version', 'requests', 'error rate (CI)', 'latency', 'metric'], [sideRow(report.control), sideRow(report.canary)].map((row) => row.map(String)), 60),
  ];
  for (const note of report.notes) lines.push(`Note: ${note}`);
  return `${plain(lines.join('\n'))}\n`;
}

/** The live-evidence part of a promotion status comment. */
export function evidenceMarkdown(status: EvidenceStatus): string {
  if (status.requirements.length === 0) return '';
  const rows = status.requirements.map((requirement) => [
    `${requirement.met ? '✅' : '⏳'} ${requirement.kind}`,
    requirement.verdict ?? 'none yet',
    requirement.evidence?.candidate ?? '—',
    requirement.evidence?.generated_at ?? '—',
    requirement.reasons[0] ?? '',
  ]);
  return `${markdownTable(['live evidence', 'verdict', 'candidate', 'recorded', 'first reason'], rows)}\n`;
}
