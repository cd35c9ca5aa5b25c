import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteDictionary, StringDictionary, hashBytes } from '../../shared/data/dictionary.js';

describe('ByteDictionary', () => {
  it('gives one stable code per distinct text, across rehashes', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 3000 }), (texts) => {
        const dictionary = new ByteDictionary();
        const reference = new StringDictionary();
        for (const text of texts) {
          const bytes = Buffer.from(`|${text}|`);
          const code = dictionary.codeOf(bytes, 1, bytes.length - 1, hashBytes(bytes, 1, bytes.length - 1));
          expect(code).toBe(reference.codeOf(text));
        }
        expect(dictionary.values).toEqual(reference.values);
      }),
      { numRuns: 50 },
    );
  });

  it('returns -1 for a new value that is not valid UTF-8, and adds nothing', () => {
    const dictionary = new ByteDictionary();
    const bytes = Uint8Array.from([0x61, 0xc3]);
    expect(dictionary.codeOf(bytes, 0, 2, hashBytes(bytes, 0, 2))).toBe(-1);
    expect(dictionary.values).toEqual([]);
  });
});
