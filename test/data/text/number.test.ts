import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIntegerText, parseNumber } from '../../../shared/data/text/number.js';

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');
const parse = (text: string): number => parseNumber(bytes(text), 0, text.length);

describe('parseNumber', () => {
  it.each([
    ['0', 0],
    ['-0', -0],
    ['42', 42],
    ['+7', 7],
    ['-12.5', -12.5],
    ['1.', 1],
    ['.5', 0.5],
    ['0.1', 0.1],
    ['1e3', 1000],
    ['1E-7', 1e-7],
    ['-2.5e+2', -250],
    ['  3.25 ', 3.25],
    ['000123', 123],
    ['9007199254740993', 9007199254740992],
    ['123456789012345678901234567890', 1.2345678901234568e29],
    ['0.000000000000000000000000001', 1e-27],
    ['2.2250738585072014e-308', 2.2250738585072014e-308],
    ['1.7976931348623157e308', 1.7976931348623157e308],
    ['0e999999', 0],
  ])('reads %s', (text, expected) => {
    expect(Object.is(parse(text), expected)).toBe(true);
  });

  it.each(['', ' ', '-', '+', '.', 'e5', '1e', '1e+', '1.2.3', '0x1F', 'Infinity', 'NaN', '1_000', '1,5', '12a', '--1', '1e400', '- 1'])(
    'rejects %j',
    (text) => {
      expect(parse(text)).toBeNaN();
    },
  );

  it('reads a field inside a larger buffer without looking past its end', () => {
    const buffer = bytes('x,12.75,9');
    expect(parseNumber(buffer, 2, 7)).toBe(12.75);
    expect(parseNumber(buffer, 2, 4)).toBe(12);
  });

  it('equals Number(text) for random decimals (correct rounding)', () => {
    const decimal = fc
      .tuple(
        fc.constantFrom('', '-', '+'),
        fc.stringMatching(/^[0-9]{1,20}$/),
        fc.option(fc.stringMatching(/^[0-9]{0,20}$/)),
        fc.option(fc.integer({ min: -330, max: 330 })),
      )
      .map(([sign, whole, fraction, exponent]) => `${sign}${whole}${fraction === null ? '' : `.${fraction}`}${exponent === null ? '' : `e${exponent}`}`);
    fc.assert(
      fc.property(decimal, (text) => {
        const expected = Number(text);
        const actual = parse(text);
        if (Number.isFinite(expected)) expect(Object.is(actual, expected)).toBe(true);
        else expect(actual).toBeNaN();
      }),
      { numRuns: 3000 },
    );
  });

  it('equals Number(text) for the shortest text of random doubles', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = String(value);
        expect(Object.is(parse(text), Number(text))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('isIntegerText', () => {
  it('tells integers from decimals and exponents', () => {
    expect(isIntegerText(bytes('-123'), 0, 4)).toBe(true);
    expect(isIntegerText(bytes('1.0'), 0, 3)).toBe(false);
    expect(isIntegerText(bytes('1e3'), 0, 3)).toBe(false);
  });
});
