import { describe, expect, it } from 'vitest';
import { ProfileBuilder } from '../../shared/profile/builder.js';
import { parseProfile, profileToJSON } from '../../shared/profile/schema.js';
import { InputError } from '../../shared/errors/index.js';
import { makeBatch } from './batches.js';

function sampleProfile(): ReturnType<ProfileBuilder['finish']> {
  const b = new ProfileBuilder({ bins: { x: [0, 1] } });
  b.add(
    makeBatch([
      { name: 'x', type: 'float', values: [0.5, 1.5, -1, null, Infinity] },
      { name: 'flag', type: 'boolean', values: [true, null, false, true, true] },
      { name: 'tag', type: 'string', values: ['p', 'q', null, 'p', 'r'] },
    ]),
  );
  return b.finish();
}

function expectInputError(fn: () => unknown, pattern: RegExp): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).location?.file).toBe('baseline/profile.json');
    expect((error as Error).message).toMatch(/^baseline\/profile\.json: /);
    expect((error as Error).message).toMatch(pattern);
    return;
  }
  throw new Error('expected an InputError');
}

describe('profile JSON', () => {
  it('round-trips through profileToJSON and parseProfile', () => {
    const profile = sampleProfile();
    const text = profileToJSON(profile);
    expect(text.endsWith('\n')).toBe(true);
    expect(parseProfile(text, 'p.json')).toEqual(profile);
    expect(parseProfile(JSON.parse(profileToJSON(profile, { pretty: true })), 'p.json')).toEqual(profile);
  });

  it('names the file when the text is not JSON', () => {
    expectInputError(() => parseProfile('{"schema":', 'baseline/profile.json'), /not valid JSON/);
  });

  it('says which format it reads when the version differs or is missing', () => {
    expectInputError(() => parseProfile({ schema: 'tollgate.profile/v2' }, 'baseline/profile.json'), /tollgate\.profile\/v2 is not supported.*reads tollgate\.profile\/v1/);
    expectInputError(() => parseProfile({ rows: 1 }, 'baseline/profile.json'), /not a Tollgate profile/);
    expectInputError(() => parseProfile(null, 'baseline/profile.json'), /not a Tollgate profile/);
  });

  it('reports shape errors with their JSON path', () => {
    const broken = JSON.parse(profileToJSON(sampleProfile()));
    broken.columns[0].quantiles.levels = 'oops';
    broken.columns[2].count = -1;
    expectInputError(() => parseProfile(broken, 'baseline/profile.json'), /columns\[0\]\.quantiles\.levels: .*expected array/);
    expectInputError(() => parseProfile(broken, 'baseline/profile.json'), /columns\[2\]\.count/);
  });

  it('cross-checks counts and sketches', () => {
    const cases: [string, (p: ReturnType<typeof JSON.parse>) => void, RegExp][] = [
      ['rows', (p) => (p.rows = 9), /count 4 \+ nulls 1 != rows 9/],
      ['bins', (p) => (p.columns[0].bins.counts[0] += 1), /bin counts sum/],
      ['exact', (p) => (p.columns[2].exactCounts.counts[0] += 1), /exactCounts sum/],
      ['kll', (p) => (p.columns[0].quantiles.n += 1), /columns\[0\] \(x\)/],
      ['hll', (p) => (p.columns[1].distinct.hll.registers = 'AAAA'), /registers/],
      ['distinct', (p) => (p.columns[2].distinct.exact = false), /distinct\.exact/],
      ['top', (p) => (p.columns[2].top.total = 99), /top total/],
      ['duplicate', (p) => (p.columns[1].name = 'x'), /appears twice/],
    ];
    for (const [, mutate, pattern] of cases) {
      const broken = JSON.parse(profileToJSON(sampleProfile()));
      mutate(broken);
      expectInputError(() => parseProfile(broken, 'baseline/profile.json'), pattern);
    }
  });
});
