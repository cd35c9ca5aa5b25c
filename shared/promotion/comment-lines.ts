/**
 * Splits a comment into lines and says, for each, whether a reader of the
 * rendered comment sees it as plain text, as code, as a quotation or not at
 * all (inside an HTML comment). Commands are only read from plain text, so
 * quoting someone's `/approve` or pasting a transcript in a code block never
 * acts.
 *
 * This follows CommonMark (0.31) as far as real comments need: fenced code
 * (``` and ~~~, any length, info strings, closing fence at least as long),
 * block quotes (nested, with lazy continuation lines), HTML comments. Lines
 * indented four columns or more are never commands: they are either indented
 * code or the continuation of a paragraph, and in both cases not the start of
 * a line a person reads as a command.
 */

/** How a line renders. */
export type LineContext = 'text' | 'code' | 'quote' | 'hidden';

/** One line of a comment. `line` is 1-based; `indent` counts columns (tabs to 4). */
export interface CommentLine {
  line: number;
  text: string;
  indent: number;
  context: LineContext;
}

interface Fence {
  character: '`' | '~';
  length: number;
}

/** Columns of leading whitespace (tabs advance to the next multiple of 4) and where the content starts. */
function measureIndent(text: string): { columns: number; offset: number } {
  let columns = 0;
  let offset = 0;
  while (offset < text.length) {
    const character = text[offset];
    if (character === ' ') columns += 1;
    else if (character === '\t') columns += 4 - (columns % 4);
    else break;
    offset += 1;
  }
  return { columns, offset };
}

const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;

/** A fence that opens a code block, or undefined. `content` has its indentation removed. */
function openingFence(content: string): Fence | undefined {
  const match = FENCE_OPEN.exec(content);
  if (!match) return undefined;
  const character = match[1][0] as Fence['character'];
  // A backtick fence's info string may not contain backticks (that is inline code).
  if (character === '`' && match[2].includes('`')) return undefined;
  return { character, length: match[1].length };
}

function closesFence(content: string, fence: Fence): boolean {
  const run = /^(`+|~+)[ \t]*$/.exec(content);
  return run !== null && run[1][0] === fence.character && run[1].length >= fence.length;
}

/** Lines that start a block of their own and so end a lazy quote continuation. */
function startsBlock(content: string): boolean {
  return (
    openingFence(content) !== undefined ||
    /^#{1,6}(?:[ \t]|$)/.test(content) ||
    /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/.test(content) ||
    /^[-+*][ \t]+\S/.test(content) ||
    /^1[.)][ \t]+\S/.test(content) ||
    content.startsWith('<')
  );
}

/** Removes the `>` markers of a quote line; undefined when the line is not a quote line. */
function stripQuoteMarkers(text: string): string | undefined {
  let rest = text;
  let quoted = false;
  for (;;) {
    const { columns, offset } = measureIndent(rest);
    if (columns > 3 || rest[offset] !== '>') break;
    quoted = true;
    rest = rest.slice(offset + 1);
    if (rest.startsWith(' ') || rest.startsWith('\t')) rest = rest.slice(1);
  }
  return quoted ? rest : undefined;
}

/** Classifies every line of a comment body. */
export function classifyLines(body: string): CommentLine[] {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const result: CommentLine[] = [];
  let fence: Fence | undefined;
  let inHtmlComment = false;
  // Inside a quote: its own fence, and whether a paragraph is open (lazy lines join it).
  let quoteFence: Fence | undefined;
  let quoteParagraph = false;

  for (let index = 0; index < lines.length; index += 1) {
    const text = lines[index];
    const { columns, offset } = measureIndent(text);
    const content = text.slice(offset);
    const push = (context: LineContext) => result.push({ line: index + 1, text, indent: columns, context });

    if (fence) {
      if (columns <= 3 && closesFence(content, fence)) fence = undefined;
      push('code');
      continue;
    }
    if (inHtmlComment) {
      if (text.includes('-->')) inHtmlComment = false;
      push('hidden');
      continue;
    }

    const quoted = stripQuoteMarkers(text);
    if (quoted !== undefined) {
      const inner = quoted.slice(measureIndent(quoted).offset);
      const innerIndent = measureIndent(quoted).columns;
      if (quoteFence) {
        if (innerIndent <= 3 && closesFence(inner, quoteFence)) quoteFence = undefined;
        quoteParagraph = false;
      } else if (inner === '') {
        quoteParagraph = false;
      } else if (innerIndent <= 3 && openingFence(inner)) {
        quoteFence = openingFence(inner);
        quoteParagraph = false;
      } else if (innerIndent >= 4 && !quoteParagraph) {
        quoteParagraph = false; // indented code inside the quote
      } else {
        quoteParagraph = !(innerIndent <= 3 && /^#{1,6}(?:[ \t]|$)/.test(inner));
      }
      push('quote');
      continue;
    }

    if (content === '') {
      quoteParagraph = false;
      quoteFence = undefined;
      push('text');
      continue;
    }
    // A lazy continuation line belongs to the quoted paragraph above it.
    if (quoteParagraph && !(columns <= 3 && startsBlock(content))) {
      push('quote');
      continue;
    }
    quoteParagraph = false;
    quoteFence = undefined;

    if (columns <= 3) {
      const opening = openingFence(content);
      if (opening) {
        fence = opening;
        push('code');
        continue;
      }
    }
    const commentStart = text.lastIndexOf('<!--');
    if (commentStart !== -1 && !text.slice(commentStart + 4).includes('-->')) {
      // An HTML comment opens here and runs over the next lines: they never render.
      inHtmlComment = true;
      push(columns <= 3 && content.startsWith('<!--') ? 'hidden' : 'text');
      continue;
    }
    push(columns <= 3 && /^<!--.*-->\s*$/.test(content) ? 'hidden' : 'text');
  }
  return result;
}
