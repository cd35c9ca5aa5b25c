import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../shared/errors/index.js';
import { flattenMetrics, readMetrics, validateMetrics } from '../../shared/train/index.js';
import { makeDirectory, removeDirectory, writeFiles } from '../lineage/git-fixture.js';

const directory = makeDirectory();
afterAll(() => removeDirectory(directory));

async function read(text: string): Promise<unknown> {
  writeFiles(directory, { 'metrics.json': text });
  return readMetrics(join(directory, 'metrics.json'), 'metrics.json');
}

describe('metrics', () => {
  it('accepts flat and nested finite numbers', async () => {
    expect(await read('{"auc": 0.8, "by_plan": {"basic": {"auc": 0.7}}, "folds": [0.1, 2e-3]}')).toEqual({ auc: 0.8, by_plan: { basic: { auc: 0.7 } }, folds: [0.1, 0.002] });
  });

  it.each([
    ['{\n  "auc": 0.8,\n  "loss": NaN\n}', 'metrics.json:3:11: $.loss: expected a finite number, got NaN'],
    ['{"folds": [0.1, Infinity]}', 'metrics.json:1:17: $.folds[1]: expected a finite number, got Infinity'],
    ['{"auc": 1e999}', 'metrics.json:1:9: $.auc: expected a finite number, got Infinity'],
    ['{"model": "logreg"}', 'metrics.json:1:11: $.model: expected a finite number, got the string "logreg"'],
    ['{"by segment": {"a b": null}}', 'metrics.json:1:24: $["by segment"]["a b"]: expected a finite number, got null'],
    ['[0.5]', 'metrics.json:1:1: metrics must be a JSON object of numbers, got an array'],
    ['{"auc": 0.8,}', 'metrics.json:1:13: invalid JSON: expected a "quoted" key, found "}"'],
    ['{"auc": 0.8, "auc": 0.9}', 'metrics.json:1:14: invalid JSON: duplicate key "auc"'],
    ['', 'metrics.json:1:1: invalid JSON: expected a value, found the end of the file'],
  ])('refuses %j with its position and JSON path', async (text, message) => {
    const error = await read(text).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message.split('\n')[0]).toBe(message.startsWith('metrics.json:3:11') ? `${message} (Python's json.dump writes NaN for float('nan'): a diverged loss or an empty class?)` : message);
  });

  it('lists further problems after the first', () => {
    expect(() => validateMetrics({ a: 'x', b: [true], c: 1 }, 'm.json')).toThrow('m.json: $.a: expected a finite number, got the string "x"\n  $.b[0]: expected a finite number, got true');
  });

  it('names a missing metrics file', async () => {
    await expect(readMetrics(join(directory, 'none.json'), 'none.json')).rejects.toThrow('none.json: metrics file: file not found');
  });

  it('flattens to dotted paths in document order', () => {
    expect(flattenMetrics({ auc: 0.8, by_plan: { basic: { auc: 0.7 } }, folds: [0.1, 0.2] })).toEqual([
      ['auc', 0.8],
      ['by_plan.basic.auc', 0.7],
      ['folds[0]', 0.1],
      ['folds[1]', 0.2],
    ]);
  });
});
