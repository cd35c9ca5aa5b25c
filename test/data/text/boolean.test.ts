import { describe, expect, it } from 'vitest';
import { FALSE, NOT_BOOLEAN, TRUE, parseBooleanLiteral, parseDeclaredBoolean } from '../../../shared/data/text/boolean.js';

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');
const literal = (text: string): number => parseBooleanLiteral(bytes(text), 0, text.length);
const declared = (text: string): number => parseDeclaredBoolean(bytes(text), 0, text.length);

describe('boolean texts', () => {
  it('infers only true/false in their three usual casings', () => {
    for (const text of ['true', 'True', 'TRUE']) expect(literal(text)).toBe(TRUE);
    for (const text of ['false', 'False', 'FALSE']) expect(literal(text)).toBe(FALSE);
    for (const text of ['tRUE', 'fAlse', '1', '0', 'yes', 'no', 't', 'f', '', 'truee']) expect(literal(text)).toBe(NOT_BOOLEAN);
  });

  it('reads 1/0, yes/no, y/n, t/f and any casing when the column is declared boolean', () => {
    for (const text of ['1', 'yes', 'YES', 'y', 'T', 'tRuE']) expect(declared(text)).toBe(TRUE);
    for (const text of ['0', 'no', 'No', 'n', 'F', 'FaLsE']) expect(declared(text)).toBe(FALSE);
    for (const text of ['2', 'maybe', 'on', 'off', '']) expect(declared(text)).toBe(NOT_BOOLEAN);
  });
});
