// registryState against GTO's documented behaviour (gto/base.py, gto/tag.py):
// the version in a stage is the one whose newest still-active assignment is to
// it; an unassign only removes that version; latest = highest SemVer.
import { describe, expect, it } from 'vitest';
import { championOf, registryState, type TagRecord } from '../../shared/registry/index.js';

const C = (n: number): string => n.toString(16).padStart(40, '0');

/** An annotated tag at commit `C(commit)`, tagged at unix second `date`. */
function tag(name: string, commit: number, date: number, message = `${name}\n`): TagRecord {
  return { name, annotated: true, objectId: `t${name}`, commit: C(commit), message, tagger: { name: 'T', email: 't@x', date, timezone: '+0000' } };
}

/** `registryState(tags).models[0].stages` etc., for tables. */
function model(tags: TagRecord[]) {
  const state = registryState(tags);
  expect(state.models).toHaveLength(1);
  return state.models[0];
}

const base = [tag('churn@v1.0.0', 1, 10), tag('churn@v2.0.0', 2, 20)];

describe('registryState: stage resolution', () => {
  it.each([
    ['the newest assignment wins', [tag('churn#prod#1', 1, 30), tag('churn#prod#2', 2, 40)], { prod: 'v2.0.0' }],
    ['an unassign brings the previous holder back', [tag('churn#prod#1', 1, 30), tag('churn#prod#2', 2, 40), tag('churn#prod!#3', 2, 50)], { prod: 'v1.0.0' }],
    ['unassigning an older holder leaves the current one', [tag('churn#prod#1', 1, 30), tag('churn#prod#2', 2, 40), tag('churn#prod!#3', 1, 50)], { prod: 'v2.0.0' }],
    ['unassigning every holder empties the stage', [tag('churn#prod#1', 1, 30), tag('churn#prod!#2', 1, 40)], {}],
    ['re-assigning an older version makes it the holder (rollback)', [tag('churn#prod#1', 1, 30), tag('churn#prod#2', 2, 40), tag('churn#prod#3', 1, 50)], { prod: 'v1.0.0' }],
    ['a version may hold several stages', [tag('churn#staging#1', 1, 30), tag('churn#prod#2', 1, 40)], { staging: 'v1.0.0', prod: 'v1.0.0' }],
    ['assignments after an unassign count again', [tag('churn#prod#1', 1, 30), tag('churn#prod!#2', 1, 40), tag('churn#prod#3', 1, 50)], { prod: 'v1.0.0' }],
    ['deregistering the holder brings the previous holder back', [tag('churn#prod#1', 1, 30), tag('churn#prod#2', 2, 40), tag('churn@v2.0.0!', 2, 50)], { prod: 'v1.0.0' }],
    ['events order by tagger date, not by counter', [tag('churn#prod#2', 2, 30), tag('churn#prod#1', 1, 40)], { prod: 'v1.0.0' }],
    ['within one second the counter decides', [tag('churn#prod#2', 2, 30), tag('churn#prod#1', 1, 30)], { prod: 'v2.0.0' }],
    ['GTO simple tags without counters are read', [tag('churn#prod', 1, 30)], { prod: 'v1.0.0' }],
  ])('%s', (_title, events, stages) => {
    expect(model([...base, ...events]).stages).toEqual(stages);
  });

  it('lists the stages each version holds', () => {
    const churn = model([...base, tag('churn#staging#1', 2, 30), tag('churn#prod#2', 1, 40)]);
    expect(churn.versions.map((version) => [version.version, version.stages])).toEqual([['v2.0.0', ['staging']], ['v1.0.0', ['prod']]]);
  });

  it('finds the champion in the configured stage', () => {
    const churn = model([...base, tag('churn#production#1', 1, 30), tag('churn#canary#2', 2, 40)]);
    expect(championOf(churn)?.version).toBe('v1.0.0');
    expect(championOf(churn, 'canary')?.version).toBe('v2.0.0');
    expect(championOf(churn, 'staging')).toBeNull();
  });

  it('treats a stage tag on an unregistered commit as a version named by the commit (as GTO does)', () => {
    const churn = model([tag('churn@v1.0.0', 1, 10), tag('churn#prod#1', 7, 20)]);
    expect(churn.stages).toEqual({ prod: C(7) });
    expect(churn.latest).toBe('v1.0.0');
    expect(churn.versions.at(-1)).toMatchObject({ version: C(7), registered: false, tag: null, commit: C(7) });
  });

  it('picks the version named in the message when two versions share a commit', () => {
    const churn = model([
      tag('churn@v1.0.0', 1, 10),
      tag('churn@v1.0.1', 1, 11),
      tag('churn#prod#1', 1, 20, 'Assigning stage prod to artifact churn version v1.0.0\n'),
    ]);
    expect(churn.stages).toEqual({ prod: 'v1.0.0' });
    const unnamed = model([tag('churn@v1.0.0', 1, 10), tag('churn@v1.0.1', 1, 11), tag('churn#prod#1', 1, 20, 'manual\n')]);
    expect(unnamed.stages).toEqual({ prod: 'v1.0.1' });
  });
});

describe('registryState: versions, latest, deprecation', () => {
  it.each([
    ['highest SemVer, not newest', [tag('m@v2.0.0', 1, 10), tag('m@v1.5.0', 2, 20)], 'v2.0.0'],
    ['a pre-release outranks lower releases', [tag('m@v1.9.0', 1, 10), tag('m@v2.0.0-rc.1', 2, 20)], 'v2.0.0-rc.1'],
    ['a release outranks its pre-releases', [tag('m@v2.0.0', 1, 10), tag('m@v2.0.0-rc.1', 2, 20)], 'v2.0.0'],
    ['numeric identifiers compare as numbers', [tag('m@v1.10.0', 1, 10), tag('m@v1.9.0', 2, 20)], 'v1.10.0'],
    ['deregistered versions do not count', [tag('m@v1.0.0', 1, 10), tag('m@v2.0.0', 2, 20), tag('m@v2.0.0!', 2, 30)], 'v1.0.0'],
    ['nothing left', [tag('m@v1.0.0', 1, 10), tag('m@v1.0.0!', 1, 30)], null],
  ])('latest: %s', (_title, tags, latest) => {
    expect(model(tags).latest).toBe(latest);
  });

  it('deprecation is the newest event; a later event revives the model', () => {
    expect(model([tag('m@v1.0.0', 1, 10), tag('m@deprecated', 1, 20)]).deprecated).toBe(true);
    expect(model([tag('m@v1.0.0', 1, 10), tag('m@deprecated', 1, 20), tag('m@v1.1.0', 2, 30)]).deprecated).toBe(false);
  });

  it('produces the documented shape', () => {
    const state = registryState([
      tag('churn@v1.0.0', 1, 1_700_000_000, 'Registering artifact churn version v1.0.0\n\nTollgate-Metrics: sha256:m\n'),
      tag('churn#production#1', 1, 1_700_000_001),
    ]);
    expect(state).toEqual({
      models: [
        {
          name: 'churn',
          path: null,
          versions: [
            {
              version: 'v1.0.0',
              registered: true,
              commit: C(1),
              created: '2023-11-14T22:13:20.000Z',
              author: 'T',
              authorEmail: 't@x',
              tag: 'churn@v1.0.0',
              deregistered: false,
              stages: ['production'],
              metadata: { metricsDigest: 'sha256:m' },
            },
          ],
          stages: { production: 'v1.0.0' },
          latest: 'v1.0.0',
          deprecated: false,
        },
      ],
      ignored: [],
    });
  });

  it('sorts models by name and versions by SemVer, commit-only versions last', () => {
    const state = registryState([tag('b@v1.0.0', 1, 1), tag('a@v0.1.0', 2, 2), tag('a@v0.10.0', 3, 3), tag('a#x#1', 9, 4), tag('a@v0.2.0', 4, 5)]);
    expect(state.models.map((entry) => entry.name)).toEqual(['a', 'b']);
    expect(state.models[0].versions.map((entry) => entry.version)).toEqual(['v0.10.0', 'v0.2.0', 'v0.1.0', C(9)]);
  });

  it('separates monorepo models', () => {
    const state = registryState([tag('models/churn=churn@v1.0.0', 1, 1), tag('churn@v2.0.0', 2, 2)]);
    expect(state.models.map((entry) => [entry.name, entry.path, entry.latest])).toEqual([
      ['churn', null, 'v2.0.0'],
      ['models/churn:churn', 'models/churn', 'v1.0.0'],
    ]);
  });
});

describe('registryState: tags that do not count', () => {
  it('skips non-registry tags silently and reports broken registry tags', () => {
    const state = registryState([
      tag('v1.0.0', 1, 1),
      tag('churn@v1.0.0', 1, 2),
      { name: 'churn#prod#1', annotated: false, commit: C(1) },
      { name: 'churn@v3.0.0', annotated: true, objectId: 'x', message: 'm', tagger: { name: 'T', email: 't', date: 3, timezone: '+0000' } },
      tag('churn@v1.0.0#4', 2, 4),
      tag('churn@v9.0.0!', 2, 5),
    ]);
    expect(state.models).toHaveLength(1);
    expect(state.models[0].stages).toEqual({});
    expect(state.models[0].versions.map((version) => version.version)).toEqual(['v1.0.0']);
    expect(state.ignored).toEqual([
      { tag: 'churn#prod#1', reason: expect.stringContaining('lightweight tag') },
      { tag: 'churn@v3.0.0', reason: 'points at something other than a commit' },
      { tag: 'churn@v1.0.0#4', reason: expect.stringContaining('registers v1.0.0 again at another commit') },
      { tag: 'churn@v9.0.0!', reason: 'deregisters v9.0.0, which was never registered' },
    ]);
  });

  it('does not list a model whose only tags were ignored', () => {
    expect(registryState([{ name: 'ghost@v1.0.0', annotated: false, commit: C(1) }]).models).toEqual([]);
  });
});
