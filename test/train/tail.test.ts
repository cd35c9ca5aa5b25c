import { describe, expect, it } from 'vitest';
import { LineTail } from '../../shared/train/index.js';

describe('LineTail', () => {
  it('keeps the last lines across chunk boundaries, the unterminated one included', () => {
    const tail = new LineTail(3);
    tail.push('one\ntw');
    tail.push(Buffer.from('o\r\nthree\nfour\nfi'));
    tail.push('ve');
    expect(tail.result()).toEqual(['three', 'four', 'five']);
  });

  it('decodes UTF-8 split inside a character and shows the last state of a progress line', () => {
    const tail = new LineTail(5, 10);
    const bytes = Buffer.from('é progress 10%\r50%\r100%\nabcdefghijklmnop\n');
    tail.push(bytes.subarray(0, 1));
    tail.push(bytes.subarray(1));
    expect(tail.result()).toEqual(['é progress 10%\r50%\r100%'.split('\r').pop(), 'abcdefghij…']);
  });
});
