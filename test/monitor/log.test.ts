import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../shared/errors/index.js';
import { errorFlags, joinLabels, loadLabels, loadPredictionLog, versionCounts } from '../../shared/monitor/index.js';

let dir: string;
async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tollgate-log-'));
});

const LOG = `request_id,timestamp,model_version,score,latency_ms,error,plan
a1,2024-06-01T00:00:00Z,v1.4.0,0.9,10,false,basic
a2,2024-06-01T01:00:00Z,v1.4.0,0.2,12,true,premium
a3,2024-06-01T02:00:00Z,v1.5.0,0.6,,false,basic
`;

describe('loadPredictionLog', () => {
  it('finds role columns by their default names and reads timestamps as epoch ms', async () => {
    const log = await loadPredictionLog(await file('log.csv', LOG));
    expect(log.rows).toBe(3);
    expect(log.roles).toEqual({ id: 'request_id', timestamp: 'timestamp', version: 'model_version', score: 'score', latency: 'latency_ms', error: 'error' });
    expect(Array.from(log.timestamps ?? [])).toEqual([Date.parse('2024-06-01T00:00:00Z'), Date.parse('2024-06-01T01:00:00Z'), Date.parse('2024-06-01T02:00:00Z')]);
    expect(Array.from(log.lines ?? [])).toEqual([2, 3, 4]);
    expect(versionCounts(log)).toEqual({ 'v1.4.0': 2, 'v1.5.0': 1 });
    expect(Array.from(errorFlags(log) ?? [])).toEqual([0, 1, 0]);
  });

  it('uses configured names, and names the missing one with the columns the log has', async () => {
    const path = await file('custom.csv', 'rid,ts,p\nx,1717200000,0.5\ny,1717203600,0.7\n');
    const log = await loadPredictionLog(path, { columns: { id: 'rid', timestamp: 'ts', score: 'p' } });
    expect(log.roles).toEqual({ id: 'rid', timestamp: 'ts', score: 'p' });
    // Epoch seconds become milliseconds.
    expect(log.timestamps?.[1]).toBe(1717203600_000);
    await expect(loadPredictionLog(path, { columns: { latency: 'ms' } })).rejects.toThrow(`${path}: no latency column 'ms' (configured as monitor.columns.latency); the log has columns 'rid', 'ts', 'p'`);
  });

  it('reports an unreadable score and a missing timestamp with their lines', async () => {
    const bad = await file('bad.csv', `${LOG}a4,2024-06-01T03:00:00Z,v1.4.0,high,10,false,basic\n`);
    const error = await loadPredictionLog(bad).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(`${bad}:5: the score column 'score' holds 1 value that cannot be read as float, first at line 5: 'high'`);
    const undated = await file('undated.csv', `${LOG}a4,,v1.4.0,0.3,10,false,basic\n`);
    await expect(loadPredictionLog(undated)).rejects.toThrow(`${undated}:5: the timestamp is missing on 1 row, first at line 5`);
  });

  it('reads error columns of status text and numbers', async () => {
    const text = await loadPredictionLog(await file('status.csv', 'request_id,error\na,ok\nb,timeout\nc,\nd,OK\n'));
    expect(Array.from(errorFlags(text) ?? [])).toEqual([0, 1, 0, 0]);
    const codes = await loadPredictionLog(await file('codes.csv', 'request_id,error\na,0\nb,503\nc,0\n'));
    expect(Array.from(errorFlags(codes) ?? [])).toEqual([0, 1, 0]);
  });
});

describe('labels', () => {
  it('joins delayed labels by request id; unlabelled requests stay NaN', async () => {
    const log = await loadPredictionLog(await file('log2.csv', LOG));
    const labels = await loadLabels(await file('labels.csv', 'request_id,label\na2,1\na1,false\nzz,1\n'), { id: 'request_id', label: 'label', task: 'classification' });
    expect(labels.rows).toBe(3);
    const joined = joinLabels(log, labels, 'classification');
    expect(joined?.matched).toBe(2);
    expect(Array.from(joined?.values ?? [])).toEqual([0, 1, Number.NaN]);
  });

  it('rejects conflicting and unreadable labels with their lines', async () => {
    const conflict = await file('conflict.csv', 'request_id,label\na1,1\na2,0\na1,0\n');
    await expect(loadLabels(conflict, { id: 'request_id', label: 'label', task: 'classification' })).rejects.toThrow(`${conflict}:4: request 'a1' is labelled 1 at line 2 and 0 at line 4; each request needs one label`);
    const unreadable = await file('unreadable.csv', 'request_id,label\na1,maybe\n');
    await expect(loadLabels(unreadable, { id: 'request_id', label: 'label', task: 'classification' })).rejects.toThrow(`${unreadable}:2: the label of request 'a1' at line 2 must be 0/1 or true/false; got 'maybe'`);
    await expect(loadLabels(unreadable, { id: 'request_id', label: 'churned', task: 'classification' })).rejects.toThrow("no label column 'churned'");
  });
});
