import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../../shared/data/csv/dialect.js';

const detect = (text: string, complete = true): string => {
  const bytes = Buffer.from(text);
  return String.fromCharCode(detectDelimiter(bytes, 0, bytes.length, complete));
};

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a\tb\n1\t2\n', '\t'],
    ['a;b;c\n1,5;2;3\n', ';'],
    ['a|b\n1|2\n', '|'],
    ['"x;y",b\n"1;2",3\n', ','],
    ['a;b,c\n1;2,3\n4;5,6\n', ','],
    ['single\n1\n2\n', ','],
    ['a,b\n1,"multi\nline;x"\n', ','],
    ['a,b\r\n1,2\r\n\r\n', ','],
  ])('%j -> %j', (text, expected) => {
    expect(detect(text)).toBe(expected);
  });

  it('ignores a record cut by the end of an incomplete read', () => {
    expect(detect('a;b\n1;2\n3;4;5;6', false)).toBe(';');
    expect(detect('a;b\n1;2\n3;4;5;6', true)).toBe(',');
  });
});
