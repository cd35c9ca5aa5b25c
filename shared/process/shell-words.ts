import { UsageError } from '../errors/index.js';

const SPACE = new Set([' ', '\t', '\n', '\r']);
const OPERATORS = new Set(['|', '&', ';', '<', '>', '(', ')']);
/** Characters a double-quoted backslash escapes in POSIX sh; before any other, the backslash is kept. */
const DOUBLE_QUOTE_ESCAPES = new Set(['\\', '"', '$', '`', '\n']);

function positionOf(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/**
 * Splits a command line into an argument vector the way a POSIX shell splits
 * words: blanks separate words, `'...'` is literal, `"..."` honours `\"`,
 * `\\`, `\$` and `` \` ``, a backslash outside quotes escapes the next
 * character, backslash-newline continues the line, and `#` at the start of a
 * word begins a comment. Nothing is expanded and nothing runs: operators
 * (`|`, `&&`, `;`, `<`, `>`, parentheses), `$VAR` and backticks are refused
 * with their position rather than passed on as literal words the author did
 * not mean. Globs and `~` are ordinary characters.
 * @param what names the input in errors (`input 'command'`).
 */
export function splitShellWords(text: string, what = "input 'command'"): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let index = 0;
  const refuse = (offset: number, detail: string): never => {
    throw new UsageError(`${what}: ${detail} at ${positionOf(text, offset)}`);
  };
  const refuseExpansion = (offset: number) => {
    const next = text[offset + 1];
    if (text[offset] === '`') refuse(offset, 'backticks would run a command, but the command runs without a shell; quote with single quotes to pass a backtick');
    if (next !== undefined && /[A-Za-z0-9_{(@*#?$!-]/.test(next)) {
      refuse(offset, "'$' would expand a variable, but the command runs without a shell; use ${{ env.NAME }} in the workflow, or single quotes to pass '$' literally");
    }
  };

  while (index < text.length) {
    const char = text[index];
    if (SPACE.has(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      index += 1;
    } else if (char === '#' && !inWord) {
      while (index < text.length && text[index] !== '\n') index += 1;
    } else if (char === "'") {
      const end = text.indexOf("'", index + 1);
      if (end === -1) refuse(index, 'unterminated single quote');
      word += text.slice(index + 1, end);
      inWord = true;
      index = end + 1;
    } else if (char === '"') {
      const start = index;
      index += 1;
      inWord = true;
      while (true) {
        if (index >= text.length) refuse(start, 'unterminated double quote');
        const inner = text[index];
        if (inner === '"') break;
        if (inner === '\\' && index + 1 < text.length && DOUBLE_QUOTE_ESCAPES.has(text[index + 1])) {
          if (text[index + 1] !== '\n') word += text[index + 1];
          index += 2;
          continue;
        }
        if (inner === '$' || inner === '`') refuseExpansion(index);
        word += inner;
        index += 1;
      }
      index += 1;
    } else if (char === '\\') {
      if (index + 1 >= text.length) refuse(index, 'a backslash at the end escapes nothing');
      const next = text[index + 1];
      if (next === '\r' && text[index + 2] === '\n') index += 3;
      else {
        if (next !== '\n') {
          word += next;
          inWord = true;
        }
        index += 2;
      }
    } else if (OPERATORS.has(char)) {
      refuse(index, `'${char}' is shell syntax, but the command runs without a shell (no pipes, redirections, && or ;); quote it to pass it literally, or run bash -c '...' explicitly`);
    } else {
      if (char === '$' || char === '`') refuseExpansion(index);
      word += char;
      inWord = true;
      index += 1;
    }
  }
  if (inWord) words.push(word);
  if (words.length === 0) throw new UsageError(`${what} holds no command`);
  return words;
}
