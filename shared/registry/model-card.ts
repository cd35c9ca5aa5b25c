/**
 * The model card: the release body of a registered version, also attached as
 * `model-card.md`. Every value that comes from data is escaped.
 */
import { codeSpan, escapeHtml, escapeMarkdown, formatNumber, markdownTable } from '../report/index.js';

/** The model file, attached or referenced. */
export interface ModelFileInfo {
  /** The file's name as given. */
  name: string;
  bytes: number;
  /** Hex sha256 of the file. */
  sha256: string;
  /** The release asset holding it, when it was small enough to attach. */
  assetName?: string;
  /** Where it is stored, when it is not attached. */
  uri?: string;
}

/** Everything a model card can show; all optional but the identity. */
export interface ModelCardInput {
  model: string;
  version: string;
  tag: string;
  commit: string;
  runUrl?: string;
  owners?: string[];
  intendedUse?: string;
  limitations?: string;
  /** The metrics file's contents: numbers, possibly nested. */
  metrics?: unknown;
  /** An evaluation report (`tollgate.evaluation/v1`) or any JSON. */
  evaluation?: unknown;
  /** A lineage document (`tollgate.lineage/v1`) or any JSON. */
  lineage?: unknown;
  /** A data profile or any JSON. */
  profile?: unknown;
  modelFile?: ModelFileInfo;
  /** Names of the other release assets. */
  assets?: string[];
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Free text from the configuration: Markdown kept, HTML and @-mentions neutralized. */
function prose(text: string): string {
  return escapeHtml(text.trim()).replace(/@/g, '@\u200b');
}

/** Nested metrics -> `[dotted.name, value]` rows (numbers only). */
export function flattenMetrics(value: unknown, prefix = '', rows: Array<[string, number]> = []): Array<[string, number]> {
  if (typeof value === 'number') rows.push([prefix || 'value', value]);
  else if (Array.isArray(value)) value.forEach((item, index) => flattenMetrics(item, `${prefix}[${index}]`, rows));
  else if (isObject(value)) for (const [key, item] of Object.entries(value)) flattenMetrics(item, prefix ? `${prefix}.${key}` : key, rows);
  return rows;
}

function metricsSection(metrics: unknown): string | undefined {
  const rows = flattenMetrics(metrics);
  if (rows.length === 0) return undefined;
  const shown = rows.slice(0, 50).map(([name, value]) => [name, formatNumber(value)]);
  const more = rows.length > 50 ? `\n\n${rows.length - 50} more in \`metrics.json\`.` : '';
  return `## Metrics\n\n${markdownTable(['metric', 'value'], shown, ['left', 'right'])}${more}`;
}

function evaluationSection(evaluation: unknown): string | undefined {
  if (!isObject(evaluation)) return undefined;
  const lines: string[] = ['## Evaluation against the champion'];
  if (typeof evaluation.decision === 'string') {
    const mode = evaluation.mode === 'absolute' ? ' (no champion: absolute thresholds only)' : '';
    lines.push(`Decision: **${escapeMarkdown(evaluation.decision)}**${mode}`);
  }
  if (Array.isArray(evaluation.comparison) && evaluation.comparison.length > 0) {
    const rows = evaluation.comparison.filter(isObject).map((row) => [
      String(row.metric ?? ''),
      typeof row.challenger === 'number' ? formatNumber(row.challenger) : '',
      typeof row.champion === 'number' ? formatNumber(row.champion) : '',
      typeof row.delta === 'number' ? formatNumber(row.delta) : '',
      row.pass === true ? 'pass' : row.pass === false ? 'fail' : '',
    ]);
    lines.push(markdownTable(['metric', 'challenger', 'champion', 'Δ', 'gate'], rows, ['left', 'right', 'right', 'right', 'left']));
  }
  if (Array.isArray(evaluation.reasons) && evaluation.reasons.length > 0) {
    lines.push(evaluation.reasons.slice(0, 10).map((reason) => `- ${escapeMarkdown(String(reason))}`).join('\n'));
  }
  if (lines.length === 1) lines.push('Attached as `evaluation.json`.');
  return lines.join('\n\n');
}

function lineageSection(lineage: unknown): string | undefined {
  if (!isObject(lineage)) return undefined;
  const rows: Array<[string, string]> = [];
  const git = isObject(lineage.git) ? lineage.git : {};
  if (typeof git.commit === 'string') rows.push(['training commit', git.commit]);
  if (typeof lineage.key === 'string') rows.push(['content key', lineage.key]);
  if (typeof lineage.run_url === 'string') rows.push(['run', lineage.run_url]);
  if (typeof lineage.started_at === 'string') rows.push(['trained at', lineage.started_at]);
  if (Array.isArray(lineage.command)) rows.push(['command', lineage.command.map(String).join(' ')]);
  const data = Array.isArray(lineage.data) ? lineage.data.filter(isObject) : [];
  for (const entry of data.slice(0, 20)) {
    const rowsText = typeof entry.rows === 'number' ? `, ${entry.rows} rows` : '';
    rows.push([`data ${String(entry.path ?? '')}`, `sha256 ${String(entry.sha256 ?? '').slice(0, 16)}…${rowsText}`]);
  }
  if (rows.length === 0) return '## Lineage\n\nAttached as `lineage.json`.';
  return `## Lineage\n\n${markdownTable(['what', 'value'], rows)}`;
}

function profileSection(profile: unknown): string | undefined {
  if (!isObject(profile)) return undefined;
  const rowCount = [profile.rows, profile.row_count, profile.count].find((value) => typeof value === 'number') as number | undefined;
  const columns: Json[] = Array.isArray(profile.columns)
    ? profile.columns.filter(isObject)
    : isObject(profile.columns)
      ? Object.entries(profile.columns).map(([name, column]): Json => ({ name, ...(isObject(column) ? column : {}) }))
      : [];
  const summary = [rowCount !== undefined ? `${rowCount} rows` : undefined, columns.length > 0 ? `${columns.length} columns` : undefined].filter(Boolean).join(', ');
  const lines = ['## Training data profile', `${summary ? `${summary}. ` : ''}The drift reference for this version, attached as \`profile.json\`.`];
  if (columns.length > 0) {
    const rows = columns.slice(0, 30).map((column) => [String(column.name ?? ''), String(column.type ?? ''), typeof column.nulls === 'number' ? column.nulls : '']);
    lines.push(markdownTable(['column', 'type', 'nulls'], rows, ['left', 'left', 'right']));
    if (columns.length > 30) lines.push(`${columns.length - 30} more columns in \`profile.json\`.`);
  }
  return lines.join('\n\n');
}

function modelFileSection(file: ModelFileInfo | undefined): string | undefined {
  if (!file) return undefined;
  const rows: Array<[string, string | number]> = [
    ['file', file.name],
    ['bytes', file.bytes],
    ['sha256', file.sha256],
  ];
  if (file.assetName) rows.push(['release asset', file.assetName]);
  else rows.push(['stored at', file.uri ?? 'not attached (too large) and no URI given']);
  return `## Model file\n\n${markdownTable(['field', 'value'], rows)}`;
}

/** A URL that cannot end a Markdown link early. */
function safeUrl(url: string): string {
  return encodeURI(decodeURI(url)).replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** Renders the model card (GitHub-flavoured Markdown). */
export function renderModelCard(input: ModelCardInput): string {
  const header = [`# ${escapeMarkdown(input.model)} ${escapeMarkdown(input.version)}`];
  const facts = [`Tag ${codeSpan(input.tag)} on commit ${codeSpan(input.commit.slice(0, 12))}`];
  if (input.runUrl && /^https?:\/\//.test(input.runUrl)) facts.push(`[workflow run](${safeUrl(input.runUrl)})`);
  if (input.owners && input.owners.length > 0) facts.push(`owners: ${input.owners.map((owner) => codeSpan(owner)).join(', ')}`);
  header.push(facts.join(' · '));
  const sections = [
    input.intendedUse ? `## Intended use\n\n${prose(input.intendedUse)}` : undefined,
    input.limitations ? `## Limitations\n\n${prose(input.limitations)}` : undefined,
    metricsSection(input.metrics),
    evaluationSection(input.evaluation),
    lineageSection(input.lineage),
    profileSection(input.profile),
    modelFileSection(input.modelFile),
    input.assets && input.assets.length > 0 ? `## Assets\n\n${input.assets.map((name) => `- ${codeSpan(name)}`).join('\n')}` : undefined,
  ];
  return `${[header.join('\n\n'), ...sections.filter((section) => section !== undefined)].join('\n\n')}\n`;
}
