import { codeSpan, details, escapeHtml, escapeMarkdown, formatBytes, formatNumber, markdownTable } from '../../../shared/report/index.js';
import { flattenMetrics, type TrainResult } from '../../../shared/train/index.js';

function paramValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Most rows any one table of the summary shows (a summary is capped at 1 MiB). */
const MAX_ROWS = 100;

function capped<T>(rows: T[]): { rows: T[]; note: string } {
  return rows.length > MAX_ROWS ? { rows: rows.slice(0, MAX_ROWS), note: `\n\n_${rows.length - MAX_ROWS} more not shown; see the lineage file._` } : { rows, note: '' };
}

/**
 * The job summary of a `train` step: cache outcome, duration, params, data
 * fingerprints, metrics and outputs. Everything that came from the user or
 * the data is escaped.
 */
export function trainSummary(model: string, result: TrainResult, extraNotes: readonly string[] = []): string {
  const lineage = result.lineage;
  const parts: string[] = [`### Tollgate train: ${escapeMarkdown(model)}`];
  const outcome =
    result.exitCode !== 0
      ? `**Failed** with exit code ${result.exitCode} after ${formatNumber(result.durationS)} s; nothing was cached.`
      : result.cache === 'hit'
        ? `**Cache hit**: restored the outputs of a ${formatNumber(result.durationS)} s run; the command did not run.`
        : `**Trained** in ${formatNumber(result.durationS)} s (cache ${result.cache === 'off' ? 'off' : 'miss'}).`;
  parts.push(outcome);
  const commit = lineage.git.commit ? `${codeSpan(lineage.git.commit.slice(0, 12))}${lineage.git.dirty ? ' (dirty tree)' : ''}` : 'not a git repository';
  parts.push(
    [
      `- **Command:** ${codeSpan(lineage.command.join(' '))}`,
      `- **Seed:** ${lineage.seed}`,
      `- **Commit:** ${commit}`,
      `- **Content key:** ${codeSpan(result.key)}`,
      `- **Lineage:** ${codeSpan(result.lineagePath)}`,
    ].join('\n'),
  );
  if (result.exitCode !== 0 && result.stderrTail.length > 0) {
    parts.push(details(`Last ${result.stderrTail.length} lines of stderr`, `<pre>${escapeHtml(result.stderrTail.join('\n'))}</pre>`));
  }
  const params = lineage.params.values ? Object.entries(lineage.params.values) : [];
  if (params.length > 0) {
    const table = capped(params.map(([name, value]) => [name, paramValue(value)]));
    parts.push(`#### Params (${escapeMarkdown(lineage.params.file ?? '')})\n\n${markdownTable(['name', 'value'], table.rows)}${table.note}`);
  }
  if (lineage.data.length > 0) {
    const table = capped(lineage.data.map((item) => [item.path, item.rows, formatBytes(item.size), item.sha256.slice(0, 12)]));
    parts.push(`#### Data\n\n${markdownTable(['path', 'rows', 'size', 'sha256'], table.rows, ['left', 'right', 'right', 'left'])}${table.note}`);
  }
  if (result.metrics) {
    const table = capped(flattenMetrics(result.metrics).map(([name, value]) => [name, formatNumber(value)]));
    parts.push(`#### Metrics\n\n${markdownTable(['metric', 'value'], table.rows, ['left', 'right'])}${table.note}`);
  }
  if (result.outputs.length > 0) {
    const table = capped(result.outputs.map((file) => [file.path, formatBytes(file.size), file.sha256.slice(0, 12)]));
    parts.push(`#### Outputs\n\n${markdownTable(['path', 'size', 'sha256'], table.rows, ['left', 'right', 'left'])}${table.note}`);
  }
  if (extraNotes.length > 0) parts.push(extraNotes.map((note) => `> ${escapeMarkdown(note)}`).join('\n>\n'));
  parts.push('<sub>The content key hashes the command, params, seed, data, code and lock files; only an exact match restores outputs.</sub>');
  return `${parts.join('\n\n')}\n`;
}
