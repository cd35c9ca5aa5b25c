import { describe, expect, it } from 'vitest';
import { codeSpan, escapeHtml, escapeMarkdown, formatNumber, hiddenMarker, markdownTable } from '../../shared/report/markdown.js';

describe('escaping text from data', () => {
  it('neutralises HTML', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)">')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('cannot open a table cell, link, image, emphasis or new block', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
    expect(escapeMarkdown('![x](http://e)')).toBe('!\\[x\\](http://e)');
    expect(escapeMarkdown('*bold* _it_ `code`')).toBe('\\*bold\\* \\_it\\_ \\`code\\`');
    expect(escapeMarkdown('line\n# heading')).toBe('line # heading');
    expect(escapeMarkdown('# heading')).toBe('\\# heading');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('12. item')).toBe('12\\. item');
    expect(escapeMarkdown('-80 (min)')).toBe('-80 (min)');
    expect(escapeMarkdown('1.71e-289')).toBe('1.71e-289');
    expect(escapeMarkdown('===')).toBe('\\===');
    expect(escapeMarkdown('## two')).toBe('#\\# two');
  });

  it('does not mention people', () => {
    expect(escapeMarkdown('@octocat')).toBe('@\u200boctocat');
  });

  it('builds a table whose shape survives hostile cells', () => {
    const table = markdownTable(['column', 'value'], [['a|b', '<b>x</b>'], [null, 3]], ['left', 'right']);
    expect(table.split('\n')).toEqual(['| column | value |', '| --- | ---: |', '| a\\|b | &lt;b&gt;x&lt;/b&gt; |', '| — | 3 |']);
  });

  it('fences code spans around any backticks', () => {
    expect(codeSpan('plain')).toBe('`plain`');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
  });

  it('refuses marker keys that could close the HTML comment', () => {
    expect(hiddenMarker('evaluation:churn')).toBe('<!-- tollgate:evaluation:churn -->');
    expect(() => hiddenMarker('x --> <script>')).toThrow(RangeError);
  });

  it('formats numbers for people', () => {
    expect(formatNumber(0.123456)).toBe('0.1235');
    expect(formatNumber(1234)).toBe('1234');
    expect(formatNumber(0.00001234)).toBe('1.234e-5');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('∞');
    expect(formatNumber(null)).toBe('—');
  });
});
