/**
 * What the promotion bot writes: the status comment (state first, then who
 * approved, who is still needed, what blocks, and the audit record hidden in
 * it), the promotion pull request's body (the evidence, and the marker the
 * bot reads back), and the line it adds to the model's PROMOTIONS.md.
 *
 * Everything that came from users or data is escaped; identifiers are shown
 * as code spans; links are only ever http(s) URLs.
 */
import { InputError } from '../errors/index.js';
import type { StagePolicy } from '../config/promotion.js';
import {
  auditDigest,
  auditJson,
  formatDuration,
  markerFromJson,
  markerToJson,
  parseAuditJson,
  type AuditRecord,
  type PromotionMarker,
  type PromotionState,
  type PromotionStateName,
} from '../promotion/index.js';
import { codeSpan, escapeMarkdown, formatNumber, formatTime, hiddenMarker, markdownLink, markdownTable, tableCell } from './markdown.js';

/** GitHub refuses comment and PR bodies longer than this. */
export const GITHUB_BODY_LIMIT = 65_536;
const REFUSED_ROWS_SHOWN = 30;

const HEADLINE: Readonly<Record<PromotionStateName, string>> = {
  'awaiting-approval': '⏳ Awaiting approval',
  held: '✋ On hold',
  approved: '✅ Approved',
  rejected: '⛔ Rejected',
  superseded: '↪️ Superseded',
  stale: '♻️ Stale: approvals must be renewed',
  promoting: '🚀 Promoting',
  promoted: '🎉 Promoted',
  failed: '❌ Failed',
};

/** The key of a promotion's status comment (and of its pull request). */
export function promotionKey(model: string, stage: string): string {
  return `promotion:${model}:${stage}`;
}

/**
 * A Markdown link whose text is escaped and whose URL is an http(s) URL that
 * cannot break out of `(...)`: `markdownLink` of ./markdown.ts, under the name
 * the bot imports. `formatTime` is shared the same way.
 */
export { markdownLink as safeLink, formatTime } from './markdown.js';

// ---------------------------------------------------------------------------
// Hidden JSON blocks: `<!-- tollgate:<tag> <base64url> -->`. base64url's
// alphabet has no `-->`, so data can never close the comment.

function hiddenJson(tag: string, json: string, extra = ''): string {
  return `<!-- tollgate:${tag} ${extra ? `${extra} ` : ''}${Buffer.from(json, 'utf8').toString('base64url')} -->`;
}

function findHidden(body: string, tag: string): { extra: string | null; json: string } | null {
  const pattern = new RegExp(`<!-- tollgate:${tag.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} (?:(\\S+) )?([A-Za-z0-9_-]+) -->`);
  const match = pattern.exec(body);
  if (!match) return null;
  return { extra: match[1] ?? null, json: Buffer.from(match[2], 'base64url').toString('utf8') };
}

const AUDIT_TAG = 'audit';

/** The hidden block carrying an audit record and its digest. */
export function auditBlock(record: AuditRecord): string {
  return hiddenJson(AUDIT_TAG, auditJson(record), auditDigest(record));
}

/**
 * Reads the audit record back from a status comment. Null when the comment
 * has none; an `InputError` when it has one that is damaged or whose digest
 * does not match.
 */
export function readAuditBlock(body: string): { record: AuditRecord; digest: string } | null {
  const found = findHidden(body, AUDIT_TAG);
  if (!found) return null;
  const record = parseAuditJson(found.json, 'status comment audit block');
  const digest = auditDigest(record);
  if (found.extra !== digest) {
    throw new InputError({ file: 'status comment audit block' }, `digest mismatch: the block says ${found.extra ?? 'nothing'}, the record hashes to ${digest}`);
  }
  return { record, digest };
}

// ---------------------------------------------------------------------------
// The status comment.

function who(login: string): string {
  return escapeMarkdown(login);
}

function joinOr(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function approvalsLine(state: PromotionState): string {
  const count = `${state.approvals.length} of ${state.required}`;
  if (state.approvals.length === 0) return `**Approvals:** ${count}`;
  const entries = state.approvals.map((approval) => {
    const via = approval.team ? ` via ${escapeMarkdown(approval.team)}` : '';
    const where = approval.source === 'review' ? `review of ${codeSpan((approval.commitId ?? '').slice(0, 7))}` : 'comment';
    return `${who(approval.login)}${via} (${markdownLink(where, approval.url)}, ${formatTime(approval.at)})`;
  });
  return `**Approvals:** ${count}: ${entries.join(' · ')}`;
}

function stillNeededLine(state: PromotionState): string | null {
  if (state.missing.approvals === 0) return null;
  const people = state.missing.approvers.filter((entry) => !entry.includes('/')).map(who);
  const teams = state.missing.approvers.filter((entry) => entry.includes('/')).map((team) => `a member of ${escapeMarkdown(team)}`);
  const from = [...people, ...teams];
  const count = `${state.missing.approvals} more approval${state.missing.approvals === 1 ? '' : 's'}`;
  return `**Still needed:** ${count}${from.length > 0 ? ` from ${joinOr(from)}` : ' (no eligible approver is left: check the stage\'s approvers)'}`;
}

function blockingLines(state: PromotionState): string[] {
  const lines: string[] = [];
  for (const rejection of state.rejections) {
    lines.push(`- rejected by ${who(rejection.login)} (${markdownLink(rejection.source, rejection.url)})${rejection.reason ? `: ${escapeMarkdown(rejection.reason)}` : ''}`);
  }
  for (const hold of state.holds) {
    const what = hold.fromReview ? 'changes requested by' : 'held by';
    lines.push(`- ${what} ${who(hold.login)} (${markdownLink(hold.source, hold.url)})${hold.reason ? `: ${escapeMarkdown(hold.reason)}` : ''}`);
  }
  for (const blocker of state.blockers) {
    if (blocker.code === 'rejected' || blocker.code === 'held' || blocker.code === 'approvals') continue;
    if (blocker.code === 'soak' && state.soak && state.soak.since !== null) {
      const soak = state.soak;
      const where = soak.stage === null ? 'registered' : `in ${codeSpan(soak.stage)}`;
      lines.push(`- soak: ${where} for ${formatDuration(soak.elapsedMs)} of ${formatDuration(soak.requiredMs)}; ${formatDuration(soak.remainingMs)} to go (${formatTime(soak.until ?? '')})`);
      continue;
    }
    lines.push(`- ${escapeMarkdown(blocker.message)}`);
  }
  return lines;
}

function checksLine(state: PromotionState): string | null {
  if (state.checks.length === 0) return null;
  const mark = { passed: '✅', pending: '⏳', missing: '⚪', failed: '❌' } as const;
  return `**Checks:** ${state.checks.map((check) => `${mark[check.status]} ${codeSpan(check.name)}`).join(' · ')}`;
}

function refusedTable(state: PromotionState): string | null {
  if (state.refused.length === 0) return null;
  const shown = state.refused.slice(-REFUSED_ROWS_SHOWN);
  // Built by hand (not markdownTable) so the first cell can be a link; every other cell is escaped.
  const rows = shown.map((refusal) => `| ${markdownLink(refusal.login, refusal.url)} | ${tableCell(`/${refusal.command}`)} | ${tableCell(refusal.message)} | ${formatTime(refusal.at)} |`);
  const omitted = state.refused.length > shown.length ? `\n\n(${state.refused.length - shown.length} older entries not shown)` : '';
  return `<details><summary>Not counted (${state.refused.length})</summary>\n\n| who | what | why | when |\n| --- | --- | --- | --- |\n${rows.join('\n')}${omitted}\n\n</details>`;
}

/**
 * The status comment of a promotion pull request. With `audit`, the record
 * rides along in a hidden block (dropped, with a note, only if it would push
 * the comment over GitHub's size limit).
 */
export function promotionStatusComment(state: PromotionState, audit?: AuditRecord): string {
  const title = `## ${HEADLINE[state.state]}: ${codeSpan(`${state.model}@${state.version}`)} → ${codeSpan(state.stage || '?')}`;
  const parts: string[] = [`${hiddenMarker(promotionKey(state.model, state.stage || 'unknown'))}\n${title}`];
  const summary = state.policyMet ? 'The policy for this stage is met.' : 'The policy for this stage is not met yet.';
  parts.push(`${summary} Pull request #${state.pullRequest} at ${codeSpan(state.headSha.slice(0, 7))}.`);
  const facts = [approvalsLine(state), stillNeededLine(state), checksLine(state)].filter((line): line is string => line !== null);
  parts.push(facts.join('  \n'));
  for (const bypass of state.bypasses) {
    const what = bypass.bypassed.length > 0 ? bypass.bypassed.join(', ') : 'nothing (the policy was met anyway)';
    parts.push(`**Bypass:** ${who(bypass.login)} used ${codeSpan('/approve --force')} (${markdownLink('comment', bypass.url)}, ${formatTime(bypass.at)}), bypassing ${what}${bypass.reason ? `: ${escapeMarkdown(bypass.reason)}` : ''}`);
  }
  const blocking = blockingLines(state);
  if (blocking.length > 0) parts.push(`**Blocking:**\n${blocking.join('\n')}`);
  const refused = refusedTable(state);
  if (refused) parts.push(refused);
  parts.push(`<sub>Recomputed from the whole timeline at ${formatTime(state.decidedAt)}. Comment ${codeSpan('/help')} for the commands.</sub>`);
  let body = parts.join('\n\n');
  if (audit) {
    const block = auditBlock(audit);
    if (body.length + block.length + 2 <= GITHUB_BODY_LIMIT) body += `\n\n${block}`;
    else body += `\n\n<sub>The audit record (${auditDigest(audit)}) is too large for this comment; it is attached to the version's release.</sub>`;
  }
  return body;
}

// ---------------------------------------------------------------------------
// The promotion pull request.

/** A metric of the challenger and the current holder. */
export interface EvidenceMetric {
  name: string;
  candidate: number | null;
  holder: number | null;
  /** candidate - holder; computed when omitted. */
  delta?: number | null;
}

/** What the promotion pull request shows (plain data: everything is escaped). */
export interface PromotionEvidence {
  marker: PromotionMarker;
  evaluation?: { decision: string; reasons?: string[]; metrics: EvidenceMetric[]; reportUrl?: string | null } | null;
  validation?: { ok: boolean; summary: string; url?: string | null } | null;
  modelCardUrl?: string | null;
  releaseUrl?: string | null;
  lineage?: {
    sourceCommit?: string | null;
    dataFingerprint?: string | null;
    trainingRunUrl?: string | null;
    trainedBy?: string | null;
    registeredBy?: string | null;
  } | null;
  policy?: StagePolicy | null;
  /** The stage before this one (for the soak sentence). */
  previousStage?: string | null;
}

const MARKER_TAG = 'promotion-marker';

function evaluationSection(evidence: PromotionEvidence): string {
  const evaluation = evidence.evaluation;
  const { marker } = evidence;
  if (!evaluation) return '### Evaluation\n\nNo evaluation was recorded for this version.';
  const decision = `Decision: **${escapeMarkdown(evaluation.decision)}**${evaluation.reportUrl ? ` (${markdownLink('full report', evaluation.reportUrl)})` : ''}`;
  const reasons = (evaluation.reasons ?? []).slice(0, 10).map((reason) => `- ${escapeMarkdown(reason)}`);
  const holder = marker.holder ?? 'no holder';
  const rows = evaluation.metrics.map((metric) => {
    const delta = metric.delta ?? (metric.candidate !== null && metric.holder !== null ? metric.candidate - metric.holder : null);
    const signed = delta === null ? null : `${delta > 0 ? '+' : ''}${formatNumber(delta)}`;
    return [metric.name, formatNumber(metric.candidate), formatNumber(metric.holder), signed];
  });
  const table = rows.length > 0 ? markdownTable(['metric', marker.version, holder, 'Δ'], rows, ['left', 'right', 'right', 'right']) : '';
  const heading = marker.holder ? `### Evaluation: ${codeSpan(marker.version)} vs the current holder ${codeSpan(marker.holder)}` : `### Evaluation: ${codeSpan(marker.version)} (no current holder)`;
  return [heading, decision, reasons.join('\n'), table].filter((part) => part !== '').join('\n\n');
}

function lineageSection(evidence: PromotionEvidence): string | null {
  const lineage = evidence.lineage;
  if (!lineage) return null;
  const rows: Array<[string, string]> = [];
  if (lineage.sourceCommit) rows.push(['source commit', codeSpan(lineage.sourceCommit.slice(0, 12))]);
  if (lineage.dataFingerprint) rows.push(['training data', codeSpan(lineage.dataFingerprint)]);
  if (lineage.trainingRunUrl) rows.push(['training run', markdownLink('workflow run', lineage.trainingRunUrl)]);
  if (lineage.trainedBy) rows.push(['trained by', who(lineage.trainedBy)]);
  if (lineage.registeredBy) rows.push(['registered by', who(lineage.registeredBy)]);
  if (rows.length === 0) return null;
  // Cells are already safe Markdown here (code spans, links, escaped text).
  return `### Lineage\n\n| | |\n| --- | --- |\n${rows.map(([name, value]) => `| ${name} | ${value} |`).join('\n')}`;
}

function policySection(evidence: PromotionEvidence): string | null {
  const policy = evidence.policy;
  if (!policy) return null;
  const approvers = joinOr(policy.approvers.map((entry) => escapeMarkdown(entry.replace(/^@/, ''))));
  const lines = [`- ${policy.required} approval${policy.required === 1 ? '' : 's'} from ${approvers} (write access needed; not the person who trained, registered or requested the version)`];
  if (policy.soak) lines.push(`- soak: at least ${codeSpan(policy.soak)} ${evidence.previousStage ? `in ${codeSpan(evidence.previousStage)}` : 'since registration'}`);
  if (policy.require_checks.length > 0) lines.push(`- checks: ${policy.require_checks.map(codeSpan).join(', ')}`);
  lines.push(policy.allow_force ? `- admins may ${codeSpan('/approve --force')} (recorded as a bypass)` : `- ${codeSpan('--force')} is not allowed`);
  if (policy.auto_merge) lines.push('- merged automatically once the policy is met');
  return `### Policy for ${codeSpan(evidence.marker.stage)}\n\n${lines.join('\n')}`;
}

/** The body of a promotion pull request: marker, evidence, policy, how to approve. */
export function promotionPullRequestBody(evidence: PromotionEvidence): string {
  const { marker } = evidence;
  const stored = markerToJson(marker);
  const header = [hiddenMarker(`promotion-pr:${marker.model}:${marker.stage}`), hiddenJson(MARKER_TAG, JSON.stringify(stored))].join('\n');
  const replaces = marker.holder ? `It replaces ${codeSpan(marker.holder)}, the current holder of ${codeSpan(marker.stage)}.` : `No version holds ${codeSpan(marker.stage)} yet.`;
  const requested = marker.requestedBy ? ` Requested by ${who(marker.requestedBy)} with ${codeSpan('/promote')}.` : '';
  const intro = `## Promote ${codeSpan(`${marker.model}@${marker.version}`)} to ${codeSpan(marker.stage)}\n\n${replaces}${requested} Merging this pull request assigns the stage once the policy below is met.`;
  const links = [
    evidence.modelCardUrl ? markdownLink('model card', evidence.modelCardUrl) : null,
    evidence.releaseUrl ? markdownLink('release', evidence.releaseUrl) : null,
  ].filter((link): link is string => link !== null);
  const validation = evidence.validation
    ? `### Data validation\n\n${evidence.validation.ok ? '✅' : '❌'} ${escapeMarkdown(evidence.validation.summary)}${evidence.validation.url ? ` (${markdownLink('details', evidence.validation.url)})` : ''}`
    : '### Data validation\n\nNo validation result was recorded for this version.';
  const how =
    `### How to approve\n\nComment ${codeSpan('/approve')} on a line of its own, or submit an **Approve** review. ` +
    `${codeSpan('/hold')} stops the promotion, ${codeSpan('/reject <reason>')} rejects it, ${codeSpan('/help')} lists every command.`;
  const sections = [header, intro, links.length > 0 ? links.join(' · ') : null, evaluationSection(evidence), validation, lineageSection(evidence), policySection(evidence), how];
  return sections.filter((section): section is string => section !== null && section !== '').join('\n\n') + '\n';
}

/** Reads the marker back from a pull request body: null when there is none, an `InputError` when it is damaged. */
export function readPromotionMarker(body: string | null | undefined): PromotionMarker | null {
  if (!body) return null;
  const found = findHidden(body, MARKER_TAG);
  if (!found) return null;
  let value: unknown;
  try {
    value = JSON.parse(found.json);
  } catch (error) {
    throw new InputError({ file: 'pull request body' }, 'the promotion marker is not JSON', { cause: error });
  }
  return markerFromJson(value, 'pull request body');
}

// ---------------------------------------------------------------------------
// PROMOTIONS.md

/** One promotion in the model's log. */
export interface PromotionLogEntry {
  /** ISO time of the proposal or the promotion. */
  at: string;
  model: string;
  version: string;
  stage: string;
  /** The version replaced, or null. */
  previous: string | null;
  pullRequest: { number: number; url?: string | null };
  requestedBy?: string | null;
}

/** The line a promotion adds to PROMOTIONS.md (one line, no trailing newline). */
export function promotionLogLine(entry: PromotionLogEntry): string {
  const date = formatTime(entry.at).slice(0, 10);
  const previous = entry.previous ? ` (replacing ${codeSpan(entry.previous)})` : ' (first assignment)';
  const requested = entry.requestedBy ? `, requested by ${who(entry.requestedBy)}` : '';
  const pr = markdownLink(`#${entry.pullRequest.number}`, entry.pullRequest.url);
  return `- ${date}: ${codeSpan(entry.version)} → ${codeSpan(entry.stage)}${previous}, ${pr}${requested}`;
}

/**
 * PROMOTIONS.md with a new entry: newest first, under the title (created
 * when the file is new or empty). An identical line already present is not
 * added twice.
 */
export function addPromotionLogLine(existing: string | null, entry: PromotionLogEntry): string {
  const line = promotionLogLine(entry);
  const title = `# Promotions of ${codeSpan(entry.model)}`;
  const preamble = `${title}\n\nEvery promotion pull request adds one line; the registry's git tags are the source of truth.\n`;
  const text = existing && existing.trim() !== '' ? existing.replace(/\r\n/g, '\n') : preamble;
  if (text.split('\n').includes(line)) return text.endsWith('\n') ? text : `${text}\n`;
  const lines = text.split('\n');
  const firstEntry = lines.findIndex((candidate) => candidate.startsWith('- '));
  if (firstEntry === -1) return `${text.replace(/\n*$/, '')}\n\n${line}\n`;
  lines.splice(firstEntry, 0, line);
  const joined = lines.join('\n');
  return joined.endsWith('\n') ? joined : `${joined}\n`;
}
