import { describe, expect, it } from 'vitest';
import {
  MAX_RUNS,
  checkNameOf,
  incidentKey,
  incidentKeyOf,
  incidentMarker,
  mergeRuns,
  modelRef,
  parseIncidentKey,
  readIncidentState,
  stateBlock,
  writeIncidentState,
} from '../../shared/incidents/index.js';
import { KEY, run, state } from './fixtures.js';

describe('incident keys', () => {
  it('round-trips model, stage and check, monorepo names included', () => {
    expect(incidentKey('churn', 'production')).toBe('drift#churn#production#drift');
    expect(incidentKey('models/churn:churn', 'prod', 'nightly-drift')).toBe('drift#models/churn:churn#prod#nightly-drift');
    expect(parseIncidentKey('drift#models/churn:churn#prod#nightly-drift')).toEqual({ model: 'models/churn:churn', stage: 'prod', check: 'nightly-drift' });
  });

  it.each([
    ['churn#x', 'production', 'drift'],
    ['churn', 'prod uction', 'drift'],
    ['churn', 'production', 'Drift'],
    ['', 'production', 'drift'],
  ])('refuses model %j, stage %j, check %j', (model, stage, check) => {
    expect(() => incidentKey(model, stage, check)).toThrow(/is not a (model|stage|check) name/);
  });

  it('rejects text that is not a key', () => {
    for (const text of ['churn#production#drift', 'drift#churn#production', 'drift#churn#production#drift#x', 'drift#ch urn#production#drift']) {
      expect(parseIncidentKey(text)).toBeUndefined();
    }
  });

  it('finds the key marker in a body and ignores look-alikes', () => {
    const body = `intro\n${incidentMarker(KEY)}\nmore`;
    expect(incidentKeyOf(body)).toBe(KEY);
    expect(incidentKeyOf('`<!-- tollgate:drift#churn -->`')).toBeUndefined();
    expect(incidentKeyOf(null)).toBeUndefined();
  });

  it('derives check names from workflow files', () => {
    expect(checkNameOf('drift.yml')).toBe('drift');
    expect(checkNameOf('Nightly Drift Check.yaml')).toBe('nightly-drift-check');
    expect(checkNameOf('---')).toBe('drift');
    expect(checkNameOf('x'.repeat(80))).toHaveLength(60);
  });

  it('names a model version only when it is one', () => {
    expect(modelRef('churn', 'v1.4.0')).toBe('churn@v1.4.0');
    expect(modelRef('churn', 'latest')).toBe('churn');
    expect(modelRef('churn', null)).toBe('churn');
  });
});

describe('the hidden run history', () => {
  const full = state([run(1, 'alert', 0), run(2, 'warn', 1, 'bbbbbbbbbbbbbbbb')], {
    commented: { run: 2, digest: 'bbbbbbbbbbbbbbbb', moved: [{ name: 'a "quoted" --> name', level: 'warn' }] },
    snoozedUntil: '2026-03-09T06:00:00.000Z',
    snoozedBy: 'alice',
    workflow: { id: 77, path: '.github/workflows/drift.yml' },
  });

  it('round-trips through an issue body, base64url inside one HTML comment', () => {
    const body = writeIncidentState('# Drift\n\ntext', full);
    expect(body).toMatch(/^# Drift\n\ntext\n<!-- tollgate:drift-state:[A-Za-z0-9_-]+ -->\n$/);
    expect(body).not.toContain('quoted');
    expect(readIncidentState(body)).toEqual({ found: true, state: full });
  });

  it('keeps the last automatic retraining, and reads blocks written before it existed', () => {
    const retrained = { ...full, retrained: { at: '2026-03-03T06:00:00.000Z', run: 9, workflow: 'train.yml' } };
    expect(readIncidentState(writeIncidentState('', retrained))).toEqual({ found: true, state: retrained });
    expect(readIncidentState(writeIncidentState('', full))).toEqual({ found: true, state: full });
    const bad = writeIncidentState('', full).replace(/drift-state:([A-Za-z0-9_-]+)/, (_, data: string) => {
      const json = JSON.parse(Buffer.from(data, 'base64url').toString('utf8')) as Record<string, unknown>;
      return `drift-state:${Buffer.from(JSON.stringify({ ...json, retrained: { at: 'yesterday', run: 9, workflow: 'train.yml' } })).toString('base64url')}`;
    });
    expect(readIncidentState(bad)).toEqual({ found: false, problem: 'the hidden run history is invalid at retrained.at: expected an ISO 8601 time' });
  });

  it('replaces an existing block in place', () => {
    const first = writeIncidentState('top\n\nbottom', state([run(1, 'alert', 0)]));
    const second = writeIncidentState(first, full);
    expect(second.match(/drift-state:/g)).toHaveLength(1);
    expect(readIncidentState(second)).toEqual({ found: true, state: full });
  });

  it('reports a block that was edited into garbage, and a body without one', () => {
    expect(readIncidentState('no block here')).toEqual({ found: false, problem: null });
    expect(readIncidentState('<!-- tollgate:drift-state:!!!! -->')).toEqual({ found: false, problem: null });
    expect(readIncidentState('<!-- tollgate:drift-state:bm90IGpzb24 -->')).toEqual({ found: false, problem: 'the hidden run history is not base64url JSON' });
    const forged = Buffer.from(JSON.stringify({ v: 1, key: KEY, runs: [{ run: -1, level: 'alert', at: 'x', digest: 'zz' }], commented: null, snoozed_until: null, snoozed_by: null, workflow: null })).toString('base64url');
    const read = readIncidentState(`<!-- tollgate:drift-state:${forged} -->`);
    expect(read.found).toBe(false);
    expect(read.found === false && read.problem).toMatch(/^the hidden run history is invalid at runs\.0\.run: /);
  });

  it('keeps the newest runs only, de-duplicated and in time order', () => {
    const many = Array.from({ length: MAX_RUNS + 5 }, (_, index) => run(index + 1, 'none', index));
    const merged = mergeRuns(many.slice(10), many.slice(0, 12), [run(3, 'alert', 2)]);
    expect(merged).toHaveLength(MAX_RUNS);
    expect(merged[0].run).toBe(6);
    expect(merged.at(-1)?.run).toBe(MAX_RUNS + 5);
    const block = stateBlock(state(many));
    expect(readIncidentState(block)).toMatchObject({ found: true, state: { runs: many.slice(-MAX_RUNS) } });
  });
});
