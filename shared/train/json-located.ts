import { InputError } from '../errors/index.js';

/** A 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** Parsed JSON that remembers where each value started. */
export interface LocatedJson {
  value: unknown;
  /** Start of each value by JSON path (`$`, `$.loss`, `$.folds[2]`, `$["a b"]`). */
  positions: Map<string, Position>;
  /** The source text of each number by JSON path (`10` and `10.0` are one value in JavaScript, not in Python). */
  numbers: Map<string, string>;
}

export interface LocatedJsonOptions {
  /**
   * Accept `NaN`, `Infinity` and `-Infinity` as numbers. Python's `json.dump`
   * writes them by default; a caller that must refuse them can then say where
   * they are and what they mean instead of "invalid JSON".
   */
  allowNonFinite?: boolean;
}

/** `$.key` for identifier-like keys, `$["other key"]` otherwise. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const NON_FINITE: Record<string, number> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY };

/**
 * A strict JSON parser (RFC 8259, duplicate keys refused) whose errors and
 * results carry line and column, for files people write by hand or by script.
 */
export function parseJsonLocated(text: string, file: string, options: LocatedJsonOptions = {}): LocatedJson {
  const lineStarts = [0];
  for (let index = 0; index < text.length; index += 1) if (text.charCodeAt(index) === 10) lineStarts.push(index + 1);
  const positionOf = (offset: number): Position => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low] + 1 };
  };
  const fail = (offset: number, detail: string): never => {
    throw new InputError({ file, ...positionOf(Math.min(offset, text.length)) }, `invalid JSON: ${detail}`);
  };
  const positions = new Map<string, Position>();
  const numbers = new Map<string, string>();
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const skipSpace = () => {
    while (at < text.length) {
      const code = text.charCodeAt(at);
      if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) at += 1;
      else break;
    }
  };
  const describe = (offset: number) => (offset >= text.length ? 'the end of the file' : JSON.stringify(text[offset]));

  const parseString = (): string => {
    const start = at;
    at += 1;
    while (at < text.length) {
      const code = text.charCodeAt(at);
      if (code === 0x22) {
        at += 1;
        try {
          return JSON.parse(text.slice(start, at)) as string;
        } catch {
          return fail(start, 'bad escape or control character in string');
        }
      }
      at += code === 0x5c ? 2 : 1;
    }
    return fail(start, 'unterminated string');
  };

  const parseValue = (path: string): unknown => {
    skipSpace();
    positions.set(path, positionOf(at));
    const char = text[at];
    if (char === '{') return parseObject(path);
    if (char === '[') return parseArray(path);
    if (char === '"') return parseString();
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return value;
      }
    }
    if (options.allowNonFinite) {
      for (const word of ['NaN', 'Infinity', '-Infinity']) {
        if (text.startsWith(word, at)) {
          at += word.length;
          return NON_FINITE[word];
        }
      }
    }
    NUMBER.lastIndex = at;
    const match = NUMBER.exec(text);
    if (match && match[0] !== '' && match[0] !== '-') {
      at += match[0].length;
      numbers.set(path, match[0]);
      return Number(match[0]);
    }
    return fail(at, `expected a value, found ${describe(at)}`);
  };

  const parseObject = (path: string): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    at += 1;
    skipSpace();
    if (text[at] === '}') {
      at += 1;
      return result;
    }
    while (true) {
      skipSpace();
      if (text[at] !== '"') fail(at, `expected a "quoted" key, found ${describe(at)}`);
      const keyOffset = at;
      const key = parseString();
      if (Object.prototype.hasOwnProperty.call(result, key)) fail(keyOffset, `duplicate key ${JSON.stringify(key)}`);
      skipSpace();
      if (text[at] !== ':') fail(at, `expected ':' after key ${JSON.stringify(key)}, found ${describe(at)}`);
      at += 1;
      // defineProperty: a key named "__proto__" is data, not the prototype.
      Object.defineProperty(result, key, { value: parseValue(childPath(path, key)), enumerable: true, writable: true, configurable: true });
      skipSpace();
      if (text[at] === ',') {
        at += 1;
        continue;
      }
      if (text[at] === '}') {
        at += 1;
        return result;
      }
      fail(at, `expected ',' or '}', found ${describe(at)}`);
    }
  };

  const parseArray = (path: string): unknown[] => {
    const result: unknown[] = [];
    at += 1;
    skipSpace();
    if (text[at] === ']') {
      at += 1;
      return result;
    }
    while (true) {
      result.push(parseValue(childPath(path, result.length)));
      skipSpace();
      if (text[at] === ',') {
        at += 1;
        continue;
      }
      if (text[at] === ']') {
        at += 1;
        return result;
      }
      fail(at, `expected ',' or ']', found ${describe(at)}`);
    }
  };

  const value = parseValue('$');
  skipSpace();
  if (at < text.length) fail(at, `unexpected ${describe(at)} after the end of the document`);
  return { value, positions, numbers };
}
