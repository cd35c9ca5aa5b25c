/**
 * Markdown building blocks that are safe for text that came from data or from
 * users (column names, category values, comment bodies). GitHub renders a
 * subset of HTML inside Markdown, so text is HTML-escaped and Markdown's own
 * punctuation is backslash-escaped: nothing from data can open a tag, a link,
 * an image, a table cell or a code block.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML context (attribute values included). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/**
 * Escapes text for inline Markdown: HTML special characters become entities,
 * the punctuation that can open emphasis, code, links, images or table cells
 * is backslash-escaped, a leading block marker (`#`, `-`, `1.`) is escaped,
 * and line breaks become spaces so one value cannot start a new block.
 * Parentheses and `!` stay as they are: with `[` escaped no link can form.
 */
export function escapeMarkdown(text: string): string {
  return escapeHtml(String(text))
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\\`*_{}[\]|~]/g, (character) => `\\${character}`)
    // Block markers only count at the start and before a space: `# h`, `- item`, `1. item`, or a setext `===` line.
    .replace(/^(\s*)(#{1,6}|[+-]|\d{1,9}[.)])(?=\s|$)/, (_, space: string, marker: string) => `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`)
    .replace(/^(\s*)(=+|-+)(\s*)$/, (_, space: string, run: string, rest: string) => `${space}\\${run}${rest}`)
    .replace(/@/g, '@\u200b'); // no accidental @-mentions of users or teams
}

/** A table cell: like `escapeMarkdown`, plus an empty cell shows as an em dash. */
export function tableCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return escapeMarkdown(String(value));
}

/** A Markdown table; every header and cell is escaped. */
export function markdownTable(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>, align?: ReadonlyArray<'left' | 'right' | 'center'>): string {
  const rule = headers.map((_, index) => {
    const side = align?.[index] ?? 'left';
    return side === 'right' ? '---:' : side === 'center' ? ':---:' : '---';
  });
  const line = (cells: ReadonlyArray<string>) => `| ${cells.join(' | ')} |`;
  return [line(headers.map(tableCell)), line(rule), ...rows.map((row) => line(row.map(tableCell)))].join('\n');
}

/** Inline code that cannot be broken out of, whatever backticks the text holds. */
export function codeSpan(text: string): string {
  const flat = String(text).replace(/\r\n|\r|\n/g, ' ');
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A collapsed section; `summary` is escaped, `body` is trusted Markdown. */
export function details(summary: string, body: string): string {
  return `<details><summary>${escapeHtml(summary)}</summary>\n\n${body}\n\n</details>`;
}

/**
 * A hidden HTML comment that lets a bot find its own comment or issue again.
 * The key is restricted to a safe alphabet so it can never close the comment.
 */
export function hiddenMarker(key: string): string {
  if (!/^[A-Za-z0-9:._/@#=-]+$/.test(key)) throw new RangeError(`marker key has unsafe characters: ${JSON.stringify(key)}`);
  return `<!-- tollgate:${key} -->`;
}

/** Formats a number for people: fixed significant digits, no exponent below 1e-4. */
export function formatNumber(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined) return '—';
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude < 1e-4 || magnitude >= 1e9) return value.toExponential(digits - 1);
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(digits)));
}

/** Characters percent-encoded in a link target: whitespace, quotes, `<>`, `()`, `[]`, `{}`, `|`, `\`, `^` and backticks. */
const URL_UNSAFE = /[\s"'()<>[\]\\^`{|}]|%(?![0-9A-Fa-f]{2})/g;
/** The same without `[]`, for the scheme and authority, where brackets can only be an IPv6 host's. */
const AUTHORITY_UNSAFE = /[\s"'()<>\\^`{|}]|%(?![0-9A-Fa-f]{2})/g;

function percentEncode(character: string): string {
  return `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

/**
 * A link target: an absolute http(s) URL, normalised by the URL parser (which
 * already percent-encodes non-ASCII, spaces and quotes), with every character
 * that could end a Markdown link, a table cell or an HTML attribute
 * percent-encoded. A `%` that does not start an escape becomes `%25`; valid
 * escapes are kept. Undefined for anything else.
 */
export function safeUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  const href = parsed.href;
  // A special URL's path starts with the first `/` after `scheme://`; the authority before it has none.
  const pathStart = href.indexOf('/', parsed.protocol.length + 2);
  const authority = pathStart < 0 ? href : href.slice(0, pathStart);
  const rest = pathStart < 0 ? '' : href.slice(pathStart);
  return authority.replace(AUTHORITY_UNSAFE, percentEncode) + rest.replace(URL_UNSAFE, percentEncode);
}

/**
 * `[text](url)` with the text escaped (by `escapeMarkdown` unless another
 * escaper is given) and the URL made safe by `safeUrl`; just the escaped text
 * when the URL is missing or not http(s).
 */
export function markdownLink(text: string, url: string | null | undefined, escape: (text: string) => string = escapeMarkdown): string {
  const label = escape(text);
  const target = safeUrl(url);
  return target === undefined ? label : `[${label}](${target})`;
}

/** `2026-03-01T10:04:05.000Z` -> `2026-03-01 10:04 UTC`; text that is not a time is escaped as it is. */
export function formatTime(isoTime: string): string {
  const time = Date.parse(isoTime);
  if (!Number.isFinite(time)) return escapeMarkdown(isoTime);
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A share as a percentage with one decimal (`12.5%`); an em dash when missing or not finite. */
export function percent(share: number | null | undefined): string {
  return share === null || share === undefined || !Number.isFinite(share) ? '—' : `${(100 * share).toFixed(1)}%`;
}

/** `1 column`, `3 columns`. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
