import { codeSpan, escapeMarkdown, markdownTable } from '../../../shared/report/index.js';
import type { PublishedRelease, WriteResult } from '../../../shared/registry/index.js';

/** The job summary: what was registered and where the release is. */
export function registerSummary(result: WriteResult, release: PublishedRelease | undefined): string {
  const event = result.event;
  const status = result.created ? 'registered' : 'already registered (nothing written)';
  const rows: Array<[string, string]> = [
    ['tag', event.tag],
    ['version', event.version ?? ''],
    ['commit', event.commit],
    ['status', status],
  ];
  if (result.attempts > 1) rows.push(['retries', String(result.attempts - 1)]);
  const releaseLine = release
    ? `\n\nRelease: [${escapeMarkdown(event.tag)}](${release.url}) — uploaded ${release.uploaded.length}, kept ${release.kept.length} asset(s).`
    : '';
  return `### Tollgate register: ${codeSpan(event.tag)}\n\n${markdownTable(['field', 'value'], rows)}${releaseLine}\n`;
}
