import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../shared/errors/index.js';
import { evaluateFiles, joinPredictions, loadPredictions } from '../../shared/evaluate/index.js';

let dir: string;
const file = async (name: string, text: string | Uint8Array) => {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tollgate-evaluate-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const columns = { label: 'y', score: 'p' };

describe('loadPredictions', () => {
  it('reads id, label, score and segment columns from CSV, ids kept as text', async () => {
    const path = await file('c.csv', 'id,y,p,plan\n007,1,0.9,pro\n8,0,0.2,free\n9,true,0.6,\n10,FALSE,0.5,pro\n');
    const table = await loadPredictions(path, { columns, segments: ['plan', 'region'] });
    expect(table.ids).toEqual(['007', '8', '9', '10']);
    expect(Array.from(table.labels ?? [])).toEqual([1, 0, 1, 0]);
    expect(Array.from(table.scores)).toEqual([0.9, 0.2, 0.6, 0.5]);
    expect(Array.from(table.lines ?? [])).toEqual([2, 3, 4, 5]);
    expect(table.segments).toHaveLength(1);
    expect(table.segments[0].values).toEqual(['pro', 'free']);
    expect(Array.from(table.segments[0].codes)).toEqual([0, 1, -1, 0]);
  });

  it('reads JSON lines and Arrow IPC the same way (rows numbered for binary formats)', async () => {
    const jsonl = await file('c.jsonl', '{"id":"a","y":1,"p":0.9}\n{"id":"b","y":0,"p":0.1}\n');
    const fromJsonl = await loadPredictions(jsonl, { columns });
    expect(fromJsonl.ids).toEqual(['a', 'b']);
    expect(Array.from(fromJsonl.scores)).toEqual([0.9, 0.1]);

    const arrow = await file('c.arrow', tableToIPC(tableFromArrays({ id: ['a', 'b'], y: Float64Array.from([1, 0]), p: Float64Array.from([0.7, 0.4]) }), 'file'));
    const fromArrow = await loadPredictions(arrow, { columns });
    expect(fromArrow.ids).toEqual(['a', 'b']);
    expect(Array.from(fromArrow.labels ?? [])).toEqual([1, 0]);
    expect(Array.from(fromArrow.scores)).toEqual([0.7, 0.4]);
  });

  it('reports every kind of bad value with the line of its first occurrence and a count', async () => {
    const path = await file('bad.csv', 'id,y,p\na,1,0.9\nb,0,abc\nc,,0.3\nd,2,\ne,0,xyz\n');
    const error = await loadPredictions(path, { columns }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).location).toEqual({ file: path, line: 3 });
    expect((error as InputError).detail).toBe(
      "the score is not a number on 2 rows, first at line 3: 'abc'; also the label is missing at line 4; the score is missing at line 5; the label is not 0/1 or true/false at line 5: '2'. Every evaluation row needs an id, a label and a numeric score.",
    );
  });

  it('names a missing column and lists the columns the file has', async () => {
    const path = await file('nolabel.csv', 'id,p\na,0.5\n');
    await expect(loadPredictions(path, { columns })).rejects.toThrow(`${path}: no label column 'y'; the file has columns 'id', 'p'`);
    const optional = await loadPredictions(path, { columns, labelOptional: true });
    expect(optional.labels).toBeUndefined();
  });

  it('a header without rows is an error', async () => {
    const path = await file('empty.csv', 'id,y,p\n');
    await expect(loadPredictions(path, { columns })).rejects.toThrow(/has a header but no data rows/);
  });

  it('regression targets must be numbers', async () => {
    const path = await file('reg.csv', 'id,y,p\na,1.5,1.4\nb,x,2\n');
    await expect(loadPredictions(path, { columns, task: 'regression' })).rejects.toThrow(/line 3/);
  });
});

describe('joinPredictions', () => {
  it('aligns the champion to the challenger by id and takes labels from either file', async () => {
    const challenger = await loadPredictions(await file('j1.csv', 'id,y,p\na,1,0.9\nb,0,0.2\nc,1,0.6\n'), { columns });
    const champion = await loadPredictions(await file('j2.csv', 'id,p\nc,0.5\na,0.8\nb,0.4\n'), { columns, labelOptional: true });
    const rows = joinPredictions(challenger, champion);
    expect(rows.ids).toEqual(['a', 'b', 'c']);
    expect(Array.from(rows.champion ?? [])).toEqual([0.8, 0.4, 0.5]);
    expect(Array.from(rows.labels)).toEqual([1, 0, 1]);
  });

  it('says how many ids are missing on each side, with examples', async () => {
    const challenger = await loadPredictions(await file('m1.csv', 'id,y,p\na,1,0.9\nb,0,0.2\nc,1,0.6\nd,0,0.1\n'), { columns });
    const champion = await loadPredictions(await file('m2.csv', 'id,p\na,0.5\nx,0.8\n'), { columns, labelOptional: true });
    expect(() => joinPredictions(challenger, champion)).toThrow(
      `the challenger and the champion were not scored on the same rows: 3 ids in the challenger's ${challenger.file} are missing from the champion's ${champion.file} (e.g. 'b', 'c', 'd'); 1 id in the champion's ${champion.file} is missing from the challenger's ${challenger.file} (e.g. 'x'). Score both models on the same evaluation data.`,
    );
  });

  it('duplicate ids are an error at the duplicate line', async () => {
    const challenger = await loadPredictions(await file('d1.csv', 'id,y,p\na,1,0.9\nb,0,0.2\na,1,0.6\n'), { columns });
    const champion = await loadPredictions(await file('d2.csv', 'id,p\na,0.5\nb,0.8\n'), { columns, labelOptional: true });
    expect(() => joinPredictions(challenger, champion)).toThrow(`${challenger.file}:4: duplicate id 'a' (first at line 2): each evaluation row needs a unique id`);
  });

  it('labels that disagree between the files are an error', async () => {
    const challenger = await loadPredictions(await file('l1.csv', 'id,y,p\na,1,0.9\nb,0,0.2\n'), { columns });
    const champion = await loadPredictions(await file('l2.csv', 'id,y,p\nb,1,0.5\na,1,0.8\n'), { columns });
    expect(() => joinPredictions(challenger, champion)).toThrow(/the label of id 'b' is 0 here \(line 3\) but 1 in .*l2\.csv \(line 2\); 1 row disagree/);
  });
});

describe('evaluateFiles', () => {
  it('runs end to end on files, tiny data included (DeLong skipped with a warning)', async () => {
    const challenger = await file('e1.csv', 'id,y,p,plan\na,1,0.9,pro\nb,0,0.2,free\nc,1,0.6,pro\n');
    const champion = await file('e2.csv', 'id,p\nc,0.5\na,0.8\nb,0.4\n');
    const report = await evaluateFiles({ predictions: challenger, champion, policy: { columns, bootstrap: { resamples: 100 }, segments: { by: ['plan'], max_regression: { delta: 0.1 } } } });
    expect(report.rows).toBe(3);
    expect(report.inputs).toEqual({ challenger, champion });
    expect(report.warnings).toContain("DeLong's test needs at least two rows of each class: no p-value for roc_auc.");
    expect(report.segments.map((row) => [row.value, row.status])).toEqual([
      ['pro', 'undefined'],
      ['free', 'undefined'],
    ]);
  });

  it('column options override the policy columns', async () => {
    const challenger = await file('o1.csv', 'key,truth,prob\na,1,0.9\nb,0,0.2\n');
    const report = await evaluateFiles({ predictions: challenger, columns: { id: 'key', label: 'truth', score: 'prob' }, policy: { columns: { id: 'nope' }, bootstrap: { resamples: 100 } } });
    expect(report.mode).toBe('absolute');
    expect(report.metrics.challenger.roc_auc).toBe(1);
  });
});
