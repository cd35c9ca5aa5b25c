import { describe, expect, it } from 'vitest';
import { closestWord, editDistance } from '../../shared/report/closest-word.js';

describe('closestWord', () => {
  it('counts insertions, deletions and substitutions (Levenshtein)', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('flaw', 'lawn')).toBe(2);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('suggests the nearest candidate within the distance, case-insensitively, else nothing', () => {
    expect(closestWord('evaluaton', ['models', 'evaluation', 'drift'])).toBe('evaluation');
    expect(closestWord('MINN', ['min', 'max'])).toBe('min');
    expect(closestWord('reviewers', ['approvers', 'required', 'soak'])).toBeUndefined();
    // Ties go to the earlier candidate.
    expect(closestWord('mon', ['min', 'max', 'man'])).toBe('min');
    expect(closestWord('abcd', ['abxy'], 1)).toBeUndefined();
  });
});
