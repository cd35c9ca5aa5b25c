import { Bool, Dictionary, Float64, Int32, LargeUtf8, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { DictionaryRemap, decodeDictionaryCodes, decodeNumbers, decodeUtf8Codes } from '../../../shared/data/arrow/decode.js';
import { allocateColumns } from '../../../shared/data/columns.js';
import { ByteDictionary, StringDictionary } from '../../../shared/data/dictionary.js';
import { cells } from '../helpers.js';

describe('Arrow decoding of sliced data (non-zero offsets)', () => {
  it('reads numbers, booleans and validity from the right positions', () => {
    const numbers = vectorFromArray([1, null, 3, 4, null, 6, 7, 8, 9, null, 11], new Float64()).slice(3).data[0];
    const column = allocateColumns([{ name: 'x', type: 'float' }], [], 8, false)[0];
    decodeNumbers(numbers, 1, 5, column);
    expect(cells(column, 5)).toEqual([null, 6, 7, 8, 9]);
    const flags = vectorFromArray([true, false, null, true, false, true, null, false, true, true], new Bool()).slice(5).data[0];
    const bools = allocateColumns([{ name: 'b', type: 'boolean' }], [], 5, false)[0];
    decodeNumbers(flags, 0, 5, bools);
    expect(cells(bools, 5)).toEqual([true, null, false, true, true]);
  });

  it('reads UTF-8 (32- and 64-bit offsets) and dictionary codes', () => {
    for (const type of [new Utf8(), new LargeUtf8()]) {
      const text = vectorFromArray(['a', null, 'bb', 'a', 'ccc'], type).slice(1).data[0];
      const column = allocateColumns([{ name: 's', type: 'string' }], [[]], 4, false)[0];
      const dictionary = new ByteDictionary();
      expect(decodeUtf8Codes(text, 0, 4, column, dictionary)).toBe(-1);
      expect(cells({ ...column, dictionary: dictionary.values } as typeof column, 4)).toEqual([null, 'bb', 'a', 'ccc']);
    }
    const coded = vectorFromArray(['x', 'y', null, 'x', 'z'], new Dictionary(new Utf8(), new Int32())).slice(2).data[0];
    const dictionary = new StringDictionary();
    const column = allocateColumns([{ name: 'c', type: 'category' }], [dictionary.values], 3, false)[0];
    decodeDictionaryCodes(coded, 0, 3, column, dictionary, new DictionaryRemap());
    expect(cells(column, 3)).toEqual([null, 'x', 'z']);
  });
});
