/**
 * The words of a drift issue: its title, its body (verdict first, then the
 * moved features, where they moved, a chart of the worst one, links and the
 * runbook), the comments the bot adds (a failing run, a reopening, a
 * recovery, a duplicate) and its replies to commands.
 *
 * Column names, category values, reasons and everything else that came out
 * of a drift report are data: they go through `escapeMarkdown` / `tableCell`
 * (and `mermaidLabel` inside the chart), so a column called
 * `<img src=x onerror=alert(1)>`, `| pipes |`, `@everyone` or "```" renders
 * as text. URLs are accepted only as http(s) and percent-encoded.
 *
 * The body ends with a status section and the hidden state block, between
 * markers, so a clean run can rewrite the status without the report it does
 * not have.
 */
import type { DriftColumnReport, DriftReport } from '../drift/index.js';
import type { IncidentPolicy } from '../incidents/config.js';
import { cleanStreak, alertsInWindow, mutedBecause } from '../incidents/decide.js';
import { type IncidentKeyParts, DEFAULT_CHECK, incidentMarker, modelRef } from '../incidents/key.js';
import { compareSummaries, movedSummary } from '../incidents/run-record.js';
import type { IncidentSignal } from '../incidents/report-schema.js';
import { stateBlock, type CommentedRun, type IncidentState, type RunRecord } from '../incidents/state.js';
import { formatDuration } from '../config/duration.js';
import { driftChart } from './drift.js';
import {
  codeSpan,
  escapeMarkdown,
  formatNumber,
  formatTime,
  hiddenMarker,
  markdownLink,
  markdownTable,
  percent,
  plural,
  safeUrl as httpUrl,
  tableCell,
} from './markdown.js';

export { formatTime } from './markdown.js';

/** GitHub's limit on an issue or comment body. */
const BODY_LIMIT = 65_536;
const MAX_TABLE_ROWS = 30;
const MAX_DETAILED = 8;
const MAX_COMMENT_ROWS = 10;
const STATUS_START = hiddenMarker('drift-status-start');
const STATUS_END = hiddenMarker('drift-status-end');
const LEVEL_ORDER: Record<string, number> = { alert: 0, warn: 1, none: 2, insufficient: 3 };
const ICON: Record<string, string> = { alert: '🔴', warn: '🟡', none: '✅', insufficient: '⚪' };

/** What the words are about: the report of one run and where things are. */
export interface IncidentContext {
  report: DriftReport;
  /** A monitor report's signals (absent or null for a drift report). */
  signals?: readonly IncidentSignal[] | null;
  parts: IncidentKeyParts;
  /** The version in the stage, when known (`v1.4.0`). */
  version: string | null;
  run: { id: number; at: string; url: string | null };
  /** `https://github.com/acme/churn`: run, issue and release links are built from it. */
  repositoryUrl: string | null;
  /** The training workflow file, for the runbook's `/retrain`. */
  trainingWorkflow: string | null;
}

/** Cuts text to `limit` UTF-16 units ending with `note`, never splitting a surrogate pair. */
function fitText(text: string, limit: number, note = '\n\n… (cut to fit GitHub’s size limit)'): string {
  if (text.length <= limit) return text;
  let end = Math.max(0, limit - note.length);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end) + note;
}

/** A link's target: `safeUrl` of ./markdown.ts, null instead of undefined for anything but an http(s) URL. */
export function safeUrl(url: string | null | undefined): string | null {
  return httpUrl(url) ?? null;
}

/**
 * `escapeMarkdown`, keeping `@` plain after a letter or digit (`churn@v1.4.0`):
 * GitHub mentions need a non-word character before the `@`, so only the
 * others are broken up.
 */
function escapeText(text: string): string {
  return escapeMarkdown(text).replace(/([A-Za-z0-9])@\u200b/g, '$1@');
}

/** `[text](url)`, or just the escaped text when the URL is unusable. */
function link(text: string, url: string | null | undefined): string {
  return markdownLink(text, url, escapeText);
}

function runUrl(context: Pick<IncidentContext, 'repositoryUrl'>, id: number, url?: string | null): string | null {
  return url ?? (context.repositoryUrl ? `${context.repositoryUrl}/actions/runs/${id}` : null);
}

function subject(context: Pick<IncidentContext, 'parts' | 'version'>): string {
  return `${modelRef(context.parts.model, context.version)}, ${context.parts.stage}`;
}

function moved(report: DriftReport): DriftColumnReport[] {
  return report.columns
    .filter((column) => column.drifted)
    .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || (b.effect ?? b.psi ?? 0) - (a.effect ?? a.psi ?? 0));
}

/** The title: stable across runs, so it can be found and is not rewritten. */
export function incidentTitle(parts: IncidentKeyParts): string {
  return `Drift: ${parts.model} in ${parts.stage}${parts.check === DEFAULT_CHECK ? '' : ` (${parts.check})`}`;
}

/**
 * The verdict, first thing a person reads: "3 of 20 features drifted at alert
 * level in churn@v1.4.0, production". Plain text (names are validated).
 */
export function incidentVerdict(context: Pick<IncidentContext, 'report' | 'parts' | 'version'>): string {
  const { report } = context;
  const where = subject(context);
  const total = report.columns.length;
  const alerts = report.columns.filter((column) => column.level === 'alert').length;
  const warns = report.columns.filter((column) => column.level === 'warn').length;
  const of = `of ${plural(total, 'feature')}`;
  switch (report.level) {
    case 'insufficient':
      return `Not enough data to judge drift in ${where}`;
    case 'none':
      return `No drift in ${where}: 0 ${of} moved`;
    case 'warn':
      if (alerts + warns === 0) return `Drift warning in ${where}: ${report.row_ratio.level !== 'none' ? 'the row count changed' : 'see the reasons below'}`;
      return `${alerts + warns} ${of} drifted at warn level in ${where}`;
    case 'alert':
      if (alerts === 0) {
        if (report.missing_columns.length > 0) return `${plural(report.missing_columns.length, 'feature')} missing from the current data of ${where}`;
        return `Drift alert in ${where}: ${report.row_ratio.level === 'alert' ? 'the row count changed' : 'see the reasons below'}`;
      }
      return `${alerts} ${of} drifted at alert level in ${where}${warns > 0 ? ` (${warns} more at warn)` : ''}`;
  }
}

function psiText(column: DriftColumnReport): string {
  if (column.psi === null) return column.effect === null ? '—' : `${column.test} ${formatNumber(column.effect, 3)}`;
  return `${formatNumber(column.psi, 3)} (noise ${formatNumber(column.psi_noise, 2)})`;
}

function missingText(column: DriftColumnReport): string {
  return `${percent(column.null_share.reference)} → ${percent(column.null_share.current)}`;
}

const FEATURE_HEADERS = ['feature', 'level', 'test', 'statistic', 'p-value', 'q-value', 'PSI (noise floor)', 'missing: reference → current'];

function featureRow(column: DriftColumnReport): string[] {
  return [column.name, column.level, column.test, formatNumber(column.statistic, 4), formatNumber(column.p_value, 3), formatNumber(column.q_value, 3), psiText(column), missingText(column)];
}

/** The moved-features table (at most `limit` rows, worst first), or null when nothing moved. */
export function movedFeaturesTable(report: DriftReport, limit = MAX_TABLE_ROWS): string | null {
  const columns = moved(report);
  if (columns.length === 0) return null;
  const shown = columns.slice(0, limit);
  const table = markdownTable(FEATURE_HEADERS, shown.map(featureRow));
  return columns.length > shown.length ? `${table}\n\n_${columns.length - shown.length} more moved features are in the run's drift-report.json._` : table;
}

/** The bins that carry most of a column's PSI. */
function binLines(column: DriftColumnReport): string[] {
  const bins = [...(column.attribution?.bins ?? [])].sort((a, b) => b.share_of_psi - a.share_of_psi).slice(0, 3);
  if (bins.length === 0) return [];
  const parts = bins.map((bin) => `${escapeMarkdown(bin.label)}: ${percent(bin.reference)} → ${percent(bin.current)} (${percent(bin.share_of_psi)} of the PSI)`);
  return [`  - bins: ${parts.join('; ')}`];
}

function segmentLines(report: DriftReport, column: string): string[] {
  return report.segments
    .filter((drivers) => drivers.column === column)
    .map((drivers) => {
      const values = drivers.values
        .slice(0, 5)
        .map((segment) => `${escapeMarkdown(segment.value)} ${percent(segment.share_of_psi)}${segment.psi === null ? '' : ` (PSI ${formatNumber(segment.psi, 3)} within)`}`);
      return `  - segments by ${escapeMarkdown(drivers.by)}: ${values.join(', ')}`;
    });
}

/** Attribution: for the worst moved features, which bins and which segments drive the shift. */
export function attributionSection(report: DriftReport): string | null {
  const columns = moved(report).slice(0, MAX_DETAILED);
  if (columns.length === 0) return null;
  const lines: string[] = [];
  for (const column of columns) {
    const why = column.reasons.map(escapeMarkdown).join('; ');
    lines.push(`- **${escapeMarkdown(column.name)}** (${column.level})${why ? `: ${why}` : ''}`);
    if (column.attribution && column.distribution_level !== 'none') {
      lines.push(`  - ${escapeMarkdown(column.attribution.summary)}`);
      lines.push(...binLines(column));
    }
    lines.push(...segmentLines(report, column.name));
    const fresh = column.new_categories;
    if (fresh && fresh.level !== 'none' && fresh.values.length > 0) {
      lines.push(`  - new values (${percent(fresh.share)} of current): ${fresh.values.slice(0, 5).map((entry) => `${tableCell(entry.value)} (${entry.count})`).join(', ')}`);
    }
  }
  return lines.join('\n');
}

/** The Mermaid chart of the worst moved feature (reference vs current share per bin), or null. */
export function worstFeatureChart(report: DriftReport): string | null {
  const worst = moved(report).find((column) => column.distribution_level !== 'none' && (column.attribution?.bins.length ?? 0) > 1);
  const chart = worst ? driftChart(worst) : null;
  if (!worst || !chart) return null;
  return `**${escapeMarkdown(worst.name)}**: percent of rows per bin, reference (first bar) vs current (second bar)\n\n${chart}`;
}

function referenceText(report: DriftReport): string {
  const what = report.reference.kind === 'profile' ? 'baseline profile' : 'reference data';
  const digest = report.reference.digest ? ` ${codeSpan(report.reference.digest.slice(0, 19))}` : '';
  return `${what}${report.reference.path ? ` ${codeSpan(report.reference.path)}` : ''}${digest} (${report.rows.reference.toLocaleString('en-US')} rows) vs ${report.current.path ? codeSpan(report.current.path) : 'current data'} (${report.rows.current.toLocaleString('en-US')} rows)`;
}

/** Links to the run, the version's release and its reference profile. */
export function linksLine(context: IncidentContext): string {
  const links = [link(`run #${context.run.id}`, runUrl(context, context.run.id, context.run.url))];
  if (context.version && context.repositoryUrl) {
    const tag = encodeURIComponent(`${context.parts.model.replace(':', '=')}@${context.version}`);
    links.push(link(`release ${modelRef(context.parts.model, context.version)}`, `${context.repositoryUrl}/releases/tag/${tag}`));
    links.push(link('reference profile', `${context.repositoryUrl}/releases/download/${tag}/profile.json`));
  }
  return `**Links:** ${links.join(' · ')}`;
}

/** What people can do, as commands to copy. */
export function runbook(context: Pick<IncidentContext, 'parts' | 'trainingWorkflow'>): string {
  const { model, stage } = context.parts;
  const rows = [
    [codeSpan(`/rollback ${model} ${stage}`), `put the previous version of ${escapeMarkdown(model)} back in ${escapeMarkdown(stage)}`],
    [
      codeSpan(`/retrain ${model}`),
      context.trainingWorkflow ? `start ${codeSpan(context.trainingWorkflow)} with this issue linked` : 'start the training workflow (set `training_workflow` for the model in `.github/tollgate.yml`)',
    ],
    [codeSpan('/accept'), 'open a pull request that stores the current profile as the new reference'],
    [codeSpan('/snooze 7d'), 'no comments for a week (the issue still closes when the drift clears)'],
  ];
  // Cells are built from escaped parts above; joined by hand so the code spans are not escaped again.
  return ['**Runbook** (comment one command per line; all but `/status` need write access)', '', '| command | what it does |', '| --- | --- |', ...rows.map(([command, what]) => `| ${command} | ${what} |`)].join('\n');
}

/** The verdict heading plus the report: everything of the body above the status section. */
/** One line per monitoring signal at warn or alert: its level and why (null when none fails). */
export function failingSignals(signals: readonly IncidentSignal[] | null): string | null {
  const failing = (signals ?? []).filter((signal) => signal.level === 'warn' || signal.level === 'alert');
  if (failing.length === 0) return null;
  return failing
    .map((signal) => {
      const reason = signal.reasons.length > 0 ? signal.reasons.slice(0, 3).join('; ') : signal.summary;
      return `- ${ICON[signal.level]} **${escapeMarkdown(signal.signal)}** (${signal.level}): ${escapeMarkdown(reason)}`;
    })
    .join('\n');
}

function reportPart(context: IncidentContext, supersedes: { number: number; closedAt: string | null } | null): string {
  const { report } = context;
  const lines: string[] = [`### ${ICON[report.level]} ${escapeText(incidentVerdict(context))}`, ''];
  lines.push(
    `<sub>Drift check ${codeSpan(context.parts.check)} · ${link(`run #${context.run.id}`, runUrl(context, context.run.id, context.run.url))} · ${formatTime(context.run.at)} · ${referenceText(report)}</sub>`,
    '',
  );
  if (supersedes) lines.push(`> Follows #${supersedes.number}${supersedes.closedAt ? `, closed ${formatTime(supersedes.closedAt)}` : ''}.`, '');
  if (report.reasons.length > 0) lines.push(...report.reasons.slice(0, 10).map((reason) => `- ${escapeMarkdown(reason)}`), '');
  const signals = failingSignals(context.signals ?? null);
  if (signals) lines.push('**Failing signals**', '', signals, '');
  const table = movedFeaturesTable(report);
  if (table) lines.push('**Moved features**', '', table, '');
  if (report.missing_columns.length > 0) lines.push(`**Missing from the current data:** ${report.missing_columns.slice(0, 50).map(escapeMarkdown).join(', ')}`, '');
  const attribution = attributionSection(report);
  if (attribution) lines.push('**Where it moved**', '', attribution, '');
  const chart = worstFeatureChart(report);
  if (chart) lines.push(chart, '');
  lines.push(linksLine(context), '', runbook(context), '');
  return lines.join('\n');
}

function levelText(run: RunRecord): string {
  return `${ICON[run.level]} ${run.level}`;
}

/** The status section: where the incident stands, its recent runs and its rules. */
export function statusSection(state: IncidentState, policy: IncidentPolicy, now: string, repositoryUrl: string | null): string {
  const lines: string[] = ['**Status**', ''];
  const streak = cleanStreak(state.runs);
  const last = state.runs.at(-1);
  if (last?.level === 'none' && streak > 0) lines.push(`- Recovering: ${streak} of ${policy.closeAfter} clean runs in a row.`);
  else if (last) lines.push(`- Latest run: ${levelText(last)} (${formatTime(last.at)}); ${alertsInWindow(state.runs, policy.openAfter.window)} of the last ${policy.openAfter.window} runs at alert.`);
  const muted = mutedBecause([], state, now);
  if (muted) lines.push(`- Comments muted: ${escapeMarkdown(muted)}.`);
  const recent = state.runs.slice(-10).reverse();
  if (recent.length > 0) {
    const rows = recent.map((run) => `| ${link(`#${run.run}`, runUrl({ repositoryUrl }, run.run))} | ${formatTime(run.at)} | ${levelText(run)} |`);
    lines.push('', '<details><summary>Recent runs</summary>', '', '| run | completed | level |', '| --- | --- | --- |', ...rows, '', '</details>');
  }
  lines.push(
    '',
    `<sub>Opens when ${policy.openAfter.alerts} of the last ${policy.openAfter.window} runs are at alert; closes after ${plural(policy.closeAfter, 'clean run')}; ` +
      `reopens if the alert returns within ${formatDuration(policy.reopenWithinMs)}. Maintained by Tollgate: the text above is replaced on the next failing run.</sub>`,
  );
  return lines.join('\n');
}

/** The complete issue body. */
export function incidentBody(input: {
  context: IncidentContext;
  state: IncidentState;
  policy: IncidentPolicy;
  now: string;
  supersedes?: { number: number; closedAt: string | null } | null;
}): string {
  const tail = `${STATUS_START}\n${statusSection(input.state, input.policy, input.now, input.context.repositoryUrl)}\n${STATUS_END}\n${stateBlock(input.state)}\n`;
  const head = `${incidentMarker(input.state.key)}\n${reportPart(input.context, input.supersedes ?? null)}\n`;
  return fitText(head, BODY_LIMIT - tail.length - 16, '\n\n… (cut to fit; the full report is the run’s drift-report.json)\n\n') + tail;
}

/**
 * Rewrites only the status section and the state block of an existing body
 * (a clean run has no report to show). A body without the section (edited by
 * hand) gets it appended; the key marker is kept or restored.
 */
export function updateIncidentStatus(body: string, input: { state: IncidentState; policy: IncidentPolicy; now: string; repositoryUrl: string | null }): string {
  const tail = `${STATUS_START}\n${statusSection(input.state, input.policy, input.now, input.repositoryUrl)}\n${STATUS_END}\n${stateBlock(input.state)}\n`;
  const start = body.indexOf(STATUS_START);
  let head = start === -1 ? `${body.replace(/<!-- tollgate:drift-state:[A-Za-z0-9_-]* -->\s*/g, '').trimEnd()}\n` : body.slice(0, start);
  if (!head.includes(incidentMarker(input.state.key))) head = `${incidentMarker(input.state.key)}\n${head}`;
  return fitText(head, BODY_LIMIT - tail.length - 16) + tail;
}

/** The comment for a failing run: verdict, what changed since the last comment, and the moved features. */
export function runComment(context: IncidentContext, previous: CommentedRun | null): string {
  const { report } = context;
  const lines: string[] = [hiddenMarker(`drift-run:${context.run.id}`)];
  const heading = report.level === 'alert' ? '🔴 Still drifting' : report.level === 'warn' ? '🟡 Drift at warn level' : `${ICON[report.level]} Drift check`;
  lines.push(`**${heading}** — ${link(`run #${context.run.id}`, runUrl(context, context.run.id, context.run.url))}, ${formatTime(context.run.at)}: ${escapeText(incidentVerdict(context))}.`, '');
  if (previous) {
    const change = compareSummaries({ level: 'none', moved: previous.moved, missing: [], rowRatio: 'none' }, movedSummary(report));
    const parts: string[] = [];
    if (change.added.length > 0) parts.push(`newly moved: ${change.added.slice(0, 10).map(escapeMarkdown).join(', ')}`);
    if (change.gone.length > 0) parts.push(`no longer moved: ${change.gone.slice(0, 10).map(escapeMarkdown).join(', ')}`);
    for (const entry of change.changed.slice(0, 10)) parts.push(`${escapeMarkdown(entry.name)} ${entry.from} → ${entry.to}`);
    if (parts.length > 0) lines.push(`Since the comment on ${link(`run #${previous.run}`, runUrl(context, previous.run))}: ${parts.join('; ')}.`, '');
  }
  const table = movedFeaturesTable(report, MAX_COMMENT_ROWS);
  if (table) lines.push(table, '');
  lines.push('The issue body shows the full report of this run.');
  return fitText(lines.join('\n'), BODY_LIMIT);
}

/** The comment when the bot reopens the issue. */
export function reopenComment(context: IncidentContext, state: IncidentState, policy: IncidentPolicy): string {
  const alerts = alertsInWindow(state.runs, policy.openAfter.window);
  return [
    hiddenMarker(`drift-run:${context.run.id}`),
    `**🔴 Drift is back** — reopening: ${alerts} of the last ${policy.openAfter.window} runs are at alert (latest: ${link(`run #${context.run.id}`, runUrl(context, context.run.id, context.run.url))}, ${formatTime(context.run.at)}).`,
    '',
    `${escapeText(incidentVerdict(context))}. The issue body shows the new report.`,
  ].join('\n');
}

/** The comment when the issue closes itself. */
export function recoveryComment(state: IncidentState, policy: IncidentPolicy, repositoryUrl: string | null): string {
  const streak = cleanStreak(state.runs);
  const clean = state.runs.filter((run) => run.level === 'none').slice(-streak);
  const runs = clean.map((run) => link(`#${run.run}`, runUrl({ repositoryUrl }, run.run))).join(', ');
  const lastFailing = [...state.runs].reverse().find((run) => run.level === 'alert' || run.level === 'warn');
  return [
    hiddenMarker(`drift-run:${state.runs.at(-1)?.run ?? 0}`),
    `**✅ Recovered** — the last ${plural(streak, 'run')} were clean (${runs})${lastFailing ? `; the last failing run was ${link(`#${lastFailing.run}`, runUrl({ repositoryUrl }, lastFailing.run))} (${formatTime(lastFailing.at)})` : ''}.`,
    '',
    `Closing. If the alert holds again in ${policy.openAfter.alerts} of ${policy.openAfter.window} runs within ${formatDuration(policy.reopenWithinMs)}, this issue reopens; later, a new one links it.`,
  ].join('\n');
}

/** The comment on an issue closed as a duplicate. */
export function duplicateComment(canonical: number, parts: IncidentKeyParts): string {
  return `Closing as a duplicate of #${canonical}: both track the drift check ${codeSpan(parts.check)} of ${codeSpan(parts.model)} in ${codeSpan(parts.stage)}. Its run history continues there.`;
}

/** The `/status` reply. */
export function incidentStatusReply(input: { state: IncidentState; policy: IncidentPolicy; now: string; issueState: 'open' | 'closed'; repositoryUrl: string | null; repairs: string[] }): string {
  const { state, policy } = input;
  const streak = cleanStreak(state.runs);
  const next =
    input.issueState === 'open'
      ? state.runs.at(-1)?.level === 'none'
        ? `closes after ${plural(Math.max(0, policy.closeAfter - streak), 'more clean run')}`
        : `closes after ${plural(policy.closeAfter, 'clean run')} in a row`
      : `reopens if ${policy.openAfter.alerts} of ${policy.openAfter.window} runs alert within ${formatDuration(policy.reopenWithinMs)} of closing`;
  const lines = [`**Drift incident status** (${input.issueState}; ${next})`, '', statusSection(state, policy, input.now, input.repositoryUrl)];
  if (input.repairs.length > 0) lines.push('', `Repaired just now: ${input.repairs.map(escapeMarkdown).join('; ')}.`);
  return lines.join('\n');
}

/** A reply to a command: `@login` (escaped against mentions of others), then the text (trusted Markdown). */
export function commandReply(login: string, text: string): string {
  return `@${login.replace(/[^A-Za-z0-9[\]-]/g, '')} ${text}`;
}
