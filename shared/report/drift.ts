/**
 * The drift report for people: Markdown for the job summary (verdict first,
 * a table of the columns that moved, what moved where, and a Mermaid chart
 * of the worst column) and plain text for the terminal. Column names,
 * category values and everything else from data are escaped; inside the
 * Mermaid block, labels are reduced to characters that cannot end a string,
 * a statement or the code block.
 */
import { formatValue, type DriftColumnReport, type DriftReport } from '../drift/index.js';
import { escapeMarkdown, formatNumber, markdownTable, percent, plural } from './markdown.js';
import { textTable } from './text-table.js';

/** Table rows shown before the rest is left to the JSON report (keeps the summary far below 1 MiB). */
const MAX_TABLE_ROWS = 50;
const MAX_CHART_LABEL = 30;
const LEVEL_ORDER: Record<string, number> = { alert: 0, warn: 1, none: 2, insufficient: 3 };

/** Replaces control characters (and Unicode line separators) in text from data; newlines too unless kept. */
function withoutControls(text: string, replacement: string, keepNewlines = false): string {
  let out = '';
  for (const character of text) {
    const code = character.codePointAt(0) as number;
    const control = code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
    out += control && !(keepNewlines && code === 0x0a) ? replacement : character;
  }
  return out;
}

/** Inline Markdown of text from data: control characters dropped, then escaped. */
function md(text: string): string {
  return escapeMarkdown(withoutControls(String(text), ' '));
}

/** Columns that moved, worst first (level, then effect). */
function movedColumns(report: DriftReport): DriftColumnReport[] {
  return report.columns
    .filter((column) => column.drifted)
    .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || (b.effect ?? b.psi ?? 0) - (a.effect ?? a.psi ?? 0));
}

/** "3 of 20 columns drifted at alert level" and friends. */
export function driftHeadline(report: DriftReport): string {
  const total = report.columns.length;
  const alerts = report.columns.filter((column) => column.level === 'alert').length;
  const warns = report.columns.filter((column) => column.level === 'warn').length;
  switch (report.level) {
    case 'insufficient':
      return 'Not enough data to judge drift';
    case 'none':
      return `No drift: 0 of ${plural(total, 'column')} drifted`;
    case 'warn':
      return warns + alerts > 0
        ? `Drift warning: ${warns + alerts} of ${plural(total, 'column')} drifted${alerts > 0 ? ` (${alerts} at alert level)` : ' at warn level'}`
        : 'Drift warning: the row count changed';
    case 'alert':
      if (alerts === 0) return `Drift alert: ${report.missing_columns.length > 0 ? 'columns are missing' : 'the row count changed'}`;
      return `Drift alert: ${alerts} of ${plural(total, 'column')} drifted at alert level${warns > 0 ? `, ${warns} at warn` : ''}`;
  }
}

const ICON: Record<string, string> = { alert: '🔴', warn: '🟡', none: '✅', insufficient: '⚪' };

function centerText(column: DriftColumnReport, side: 'reference' | 'current'): string {
  const center = column.center;
  if (center === null) return '—';
  const value = center[side];
  if (center.label === 'mean') {
    const dated = (column.type === 'date' || column.type === 'datetime') && value !== null;
    return `mean ${dated ? formatValue(value, column.type) : formatNumber(value)}`;
  }
  return `${center.label.replace(/^share /, '')} ${percent(value)}`;
}

function effectText(column: DriftColumnReport): string {
  if (column.effect === null && column.psi === null) return '—';
  if (column.test === 'psi' || ['ks', 'chisquare', 'ztest'].includes(column.test)) {
    return column.psi === null ? '—' : `PSI ${formatNumber(column.psi, 3)} (noise ${formatNumber(column.psi_noise, 2)})`;
  }
  return `${column.test} ${formatNumber(column.effect, 3)}`;
}

function missingText(column: DriftColumnReport): string {
  return `${percent(column.null_share.reference)} → ${percent(column.null_share.current)}`;
}

function columnRow(column: DriftColumnReport): string[] {
  return [
    column.name,
    column.level,
    column.test,
    centerText(column, 'reference'),
    centerText(column, 'current'),
    effectText(column),
    formatNumber(column.p_value, 3),
    formatNumber(column.q_value, 3),
    missingText(column),
  ];
}

const TABLE_HEADERS = ['column', 'level', 'test', 'reference', 'current', 'effect', 'p-value', 'q-value', 'missing'];

function referenceText(report: DriftReport): string {
  const what = report.reference.kind === 'profile' ? 'baseline profile' : 'data';
  const digest = report.reference.digest ? ` ${report.reference.digest.slice(0, 19)}` : '';
  return `${report.reference.path ?? what} (${what}${digest}, ${report.rows.reference.toLocaleString('en-US')} rows)`;
}

/** Keeps a Mermaid label inside its quotes: no quotes, brackets, braces, angle brackets, backticks, entity or statement marks, line breaks. */
export function mermaidLabel(text: string): string {
  const flat = withoutControls(String(text), ' ')
    .replace(/["'`[\]{}()<>#;&|\\%:]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const clipped = flat.length > MAX_CHART_LABEL ? `${flat.slice(0, MAX_CHART_LABEL - 1)}…` : flat;
  return clipped === '' ? '?' : clipped;
}

/** Short chart labels: percentile ranges for numeric bins, values otherwise. */
function chartLabel(label: string): string {
  const numeric = /^(≤|>) (p\d+) |^(p\d+)–(p\d+) /.exec(label);
  if (numeric) {
    if (numeric[1] === '≤') return `to ${numeric[2]}`;
    if (numeric[1] === '>') return `${numeric[2]} up`;
    return `${numeric[3]}–${numeric[4]}`;
  }
  return label;
}

/** A Mermaid xychart-beta of a column's reference and current share per bin (reference first, then current). */
export function driftChart(column: DriftColumnReport): string | null {
  const bins = column.attribution?.bins;
  if (!bins || bins.length === 0) return null;
  const labels = bins.map((bin) => `"${mermaidLabel(chartLabel(bin.label))}"`);
  const reference = bins.map((bin) => Number((100 * bin.reference).toFixed(1)));
  const current = bins.map((bin) => Number((100 * bin.current).toFixed(1)));
  const top = Math.max(5, Math.ceil(Math.max(...reference, ...current) / 5) * 5);
  return [
    '```mermaid',
    'xychart-beta',
    `    title "${mermaidLabel(column.name)}: percent of rows per bin"`,
    `    x-axis [${labels.join(', ')}]`,
    `    y-axis "percent of rows" 0 --> ${top}`,
    `    bar [${reference.join(', ')}]`,
    `    bar [${current.join(', ')}]`,
    '```',
  ].join('\n');
}

/** A table row with control characters from data removed (markdownTable escapes the rest). */
function cleanRow(column: DriftColumnReport): string[] {
  return columnRow(column).map((cell) => withoutControls(cell, ' '));
}

function segmentLines(report: DriftReport, column: string): string[] {
  return report.segments
    .filter((drivers) => drivers.column === column)
    .map((drivers) => {
      const parts = drivers.values.map((segment) => `${md(segment.value)} ${percent(segment.share_of_psi)}${segment.psi === null ? '' : ` (PSI ${formatNumber(segment.psi, 3)} within)`}`);
      return `  - by ${md(drivers.by)}: ${parts.join(', ')}`;
    });
}

/** The job summary. */
export function driftMarkdown(report: DriftReport): string {
  const lines: string[] = [];
  const subject = [report.model, report.stage].filter((part): part is string => Boolean(part)).map(md).join(' · ');
  lines.push(`### ${ICON[report.level]} ${driftHeadline(report)}${subject ? ` — ${subject}` : ''}`, '');
  lines.push(
    `Reference ${md(referenceText(report))} vs current ${md(report.current.path ?? 'data')} (${report.rows.current.toLocaleString('en-US')} rows). ` +
      `Share of columns drifted: ${percent(report.share_drifted)}; Evidently's defaults would flag ${percent(report.evidently_share_drifted)}${report.evidently_drift ? ' (dataset drift by its 50% rule)' : ''}.`,
    '',
  );
  if (report.reasons.length > 0) lines.push(...report.reasons.map((reason) => `- ${md(reason)}`), '');

  const moved = movedColumns(report);
  if (moved.length > 0) {
    const shown = moved.slice(0, MAX_TABLE_ROWS);
    lines.push(markdownTable(TABLE_HEADERS, shown.map(cleanRow)), '');
    if (moved.length > shown.length) lines.push(`_${moved.length - shown.length} more drifted columns are in the JSON report._`, '');
    lines.push('**What moved**', '');
    for (const column of shown.slice(0, 10)) {
      const why = column.reasons.map(md).join('; ');
      lines.push(`- **${md(column.name)}** (${column.level}): ${why}`);
      if (column.attribution && column.distribution_level !== 'none') lines.push(`  - ${md(column.attribution.summary)}`);
      if (column.new_categories && column.new_categories.level !== 'none' && column.new_categories.values.length > 0) {
        lines.push(`  - new values: ${column.new_categories.values.map((entry) => `${md(entry.value)} (${entry.count})`).join(', ')}`);
      }
      lines.push(...segmentLines(report, column.name));
    }
    lines.push('');
    const worstColumn = shown.find((column) => column.distribution_level !== 'none' && column.attribution && column.attribution.bins.length > 1);
    const chart = worstColumn ? driftChart(worstColumn) : null;
    if (worstColumn && chart) {
      lines.push(`**${md(worstColumn.name)}**: percent of rows per bin, reference (first bar) vs current (second bar)`, '', chart, '');
    }
  } else if (report.level !== 'insufficient') {
    lines.push('No column moved beyond its thresholds.', '');
  }

  const all = [...report.columns].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || (b.psi ?? 0) - (a.psi ?? 0)).slice(0, MAX_TABLE_ROWS);
  if (all.length > 0) {
    lines.push(`<details><summary>All ${report.columns.length} columns tested</summary>`, '', markdownTable(TABLE_HEADERS, all.map(cleanRow)), '', '</details>', '');
  }
  const extras: string[] = [];
  if (report.excluded.length > 0) extras.push(`Not tested: ${report.excluded.map((entry) => `${md(entry.name)} (${md(entry.reason === 'id-like' ? `ID-like: ${entry.detail}` : entry.detail)})`).join(', ')}.`);
  if (report.insufficient.length > 0) extras.push(`Too few values to compare: ${report.insufficient.map(md).join(', ')}.`);
  if (report.added_columns.length > 0) extras.push(`New columns (not in the reference): ${report.added_columns.map(md).join(', ')}.`);
  for (const note of report.notes) extras.push(`${md(note)}.`);
  if (extras.length > 0) lines.push(extras.join(' '), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Text from data on one terminal line: control characters and line breaks become `?`. */
function plain(text: string): string {
  return withoutControls(String(text), '?');
}

/** The terminal version: verdict, reasons, a table of moved columns and what moved. */
export function driftText(report: DriftReport): string {
  const lines: string[] = [];
  const subject = [report.model, report.stage].filter(Boolean).join(' ');
  lines.push(`${driftHeadline(report)}${subject ? ` (${plain(subject)})` : ''}`);
  lines.push(`Reference: ${plain(referenceText(report))}`);
  lines.push(`Current:   ${plain(report.current.path ?? 'data')} (${report.rows.current.toLocaleString('en-US')} rows)`);
  lines.push(`Evidently's defaults would flag ${percent(report.evidently_share_drifted)} of columns${report.evidently_drift ? ' (dataset drift by its 50% rule)' : ''}.`);
  if (report.reasons.length > 0) lines.push('', ...report.reasons.map((reason) => `  - ${plain(reason)}`));
  const moved = movedColumns(report);
  if (moved.length > 0) {
    lines.push('', textTable(TABLE_HEADERS, moved.map((column) => columnRow(column).map(plain))));
    lines.push('', 'What moved:');
    for (const column of moved) {
      lines.push(`  ${plain(column.name)}: ${column.reasons.map(plain).join('; ')}`);
      if (column.attribution && column.distribution_level !== 'none') lines.push(`    ${plain(column.attribution.summary)}`);
      for (const drivers of report.segments.filter((entry) => entry.column === column.name)) {
        lines.push(`    by ${plain(drivers.by)}: ${drivers.values.map((segment) => `${plain(segment.value)} ${percent(segment.share_of_psi)}`).join(', ')}`);
      }
    }
  }
  if (report.excluded.length > 0) lines.push('', `Not tested: ${report.excluded.map((entry) => `${plain(entry.name)} (${entry.reason})`).join(', ')}`);
  if (report.insufficient.length > 0) lines.push(`Too few values: ${report.insufficient.map(plain).join(', ')}`);
  for (const note of report.notes) lines.push(`Note: ${plain(note)}`);
  return `${lines.join('\n')}\n`;
}
