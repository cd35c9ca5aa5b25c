// The example model repository: its data generator reproduces the committed
// CSVs byte for byte, its trainer is deterministic and learns, its predict
// script writes what the evaluate step reads.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDirectory, removeDirectory } from '../lineage/git-fixture.js';

const example = resolve('examples/churn');
const scratch = makeDirectory('tollgate-churn-');
afterAll(() => removeDirectory(scratch));

const node = (args: string[], cwd = example, env: NodeJS.ProcessEnv = {}) =>
  execFileSync(process.execPath, args, { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });

const COLUMNS = 'customer_id,signup_date,age,tenure_months,plan,region,monthly_spend,support_tickets,last_login_days,autopay,churned';

function table(path: string) {
  const [header, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const names = header.split(',');
  return { header, rows: lines.map((line) => Object.fromEntries(line.split(',').map((value, index) => [names[index], value]))) };
}

describe('generate-data.mjs', () => {
  it('regenerates every committed CSV byte for byte', () => {
    node(['generate-data.mjs', '--dir', join(scratch, 'data')]);
    const committed = readdirSync(join(example, 'data')).sort();
    expect(committed).toEqual(['current-shifted.csv', 'current-stable.csv', 'eval.csv', 'train-broken.csv', 'train.csv']);
    for (const name of committed) {
      expect(readFileSync(join(scratch, 'data', name)).equals(readFileSync(join(example, 'data', name))), name).toBe(true);
    }
  });

  it('writes the documented columns, sizes and value ranges', () => {
    const train = table(join(example, 'data/train.csv'));
    expect(train.header).toBe(COLUMNS);
    expect(train.rows).toHaveLength(4000);
    expect(table(join(example, 'data/eval.csv')).rows).toHaveLength(1500);
    const ids = new Set(train.rows.map((row) => row.customer_id));
    expect(ids.size).toBe(4000);
    const checks: Record<string, (value: string) => boolean> = {
      customer_id: (value) => /^C\d{6}$/.test(value),
      signup_date: (value) => /^\d{4}-\d\d-\d\d$/.test(value) && value >= '2023-11-01' && value <= '2026-11-01',
      age: (value) => value === '' || (/^\d+$/.test(value) && Number(value) >= 18 && Number(value) <= 90),
      tenure_months: (value) => /^\d+$/.test(value) && Number(value) <= 72,
      plan: (value) => ['basic', 'pro', 'enterprise'].includes(value),
      region: (value) => ['north', 'south', 'east', 'west'].includes(value),
      monthly_spend: (value) => value === '' || /^\d+\.\d\d$/.test(value),
      support_tickets: (value) => /^\d+$/.test(value) && Number(value) <= 15,
      last_login_days: (value) => /^\d+$/.test(value) && Number(value) <= 365,
      autopay: (value) => value === 'true' || value === 'false',
      churned: (value) => value === 'true' || value === 'false',
    };
    const violations = train.rows.flatMap((row, index) => Object.entries(checks).filter(([column, ok]) => !ok(row[column])).map(([column]) => `line ${index + 2}: ${column}=${row[column]}`));
    expect(violations).toEqual([]);
    const churnRate = train.rows.filter((row) => row.churned === 'true').length / 4000;
    expect(churnRate).toBeGreaterThan(0.2);
    expect(churnRate).toBeLessThan(0.25);
    const emptyAge = train.rows.filter((row) => row.age === '').length / 4000;
    expect(emptyAge).toBeGreaterThan(0.008);
    expect(emptyAge).toBeLessThan(0.025);
    // Customers of different files are different people.
    expect(table(join(example, 'data/eval.csv')).rows.some((row) => ids.has(row.customer_id))).toBe(false);
  });

  it('breaks the contract exactly where it says', () => {
    const broken = table(join(example, 'data/train-broken.csv')).rows;
    const line = (number: number) => broken[number - 2];
    expect([19, 525, 2212].map((number) => Number(line(number).monthly_spend) < 0)).toEqual([true, true, true]);
    expect([90, 1677].map((number) => line(number).plan)).toEqual(['platinum', 'platinum']);
    expect(line(303).customer_id).toBe(line(302).customer_id);
    expect(line(3304).customer_id).toBe(line(3303).customer_id);
    expect([line(47).age, line(2902).age]).toEqual(['7', '150']);
    expect(line(1202).customer_id).toBe('CX12345');
    expect(broken.filter((row) => row.churned === '')).toHaveLength(400);
    expect(broken.filter((row) => Number(row.monthly_spend) < 0)).toHaveLength(3);
  });

  it('shifts the drifted variant and not the stable one', () => {
    const mean = (rows: Array<Record<string, string>>, column: string) => {
      const values = rows.map((row) => row[column]).filter((value) => value !== '').map(Number);
      return values.reduce((sum, value) => sum + value, 0) / values.length;
    };
    const train = table(join(example, 'data/train.csv')).rows;
    const trainMean = mean(train, 'monthly_spend');
    const spends = train.map((row) => row.monthly_spend).filter((value) => value !== '').map(Number);
    const sd = Math.sqrt(spends.reduce((sum, value) => sum + (value - trainMean) ** 2, 0) / spends.length);
    const shifted = table(join(example, 'data/current-shifted.csv')).rows;
    const stable = table(join(example, 'data/current-stable.csv')).rows;
    expect((mean(shifted, 'monthly_spend') - trainMean) / sd).toBeGreaterThan(0.7);
    expect((mean(shifted, 'monthly_spend') - trainMean) / sd).toBeLessThan(0.95);
    expect(Math.abs(mean(stable, 'monthly_spend') - trainMean) / sd).toBeLessThan(0.1);
    const nullShare = shifted.filter((row) => row.last_login_days === '').length / shifted.length;
    expect(nullShare).toBeGreaterThan(0.25);
    expect(nullShare).toBeLessThan(0.35);
    expect(shifted.filter((row) => row.plan === 'basic').length / shifted.length).toBeLessThan(0.45);
  });
});

describe('train.mjs and predict.mjs', () => {
  let metrics: { roc_auc: number; log_loss: number; accuracy: number };

  beforeAll(() => {
    node(['train.mjs', '--model', join(scratch, 'model-a.json'), '--metrics', join(scratch, 'metrics-a.json')]);
    node(['train.mjs', '--model', join(scratch, 'model-b.json'), '--metrics', join(scratch, 'metrics-b.json')]);
    metrics = JSON.parse(readFileSync(join(scratch, 'metrics-a.json'), 'utf8'));
  });

  it('writes byte-identical models for the same seed, and another model for another seed', () => {
    expect(readFileSync(join(scratch, 'model-a.json')).equals(readFileSync(join(scratch, 'model-b.json')))).toBe(true);
    expect(readFileSync(join(scratch, 'metrics-a.json')).equals(readFileSync(join(scratch, 'metrics-b.json')))).toBe(true);
    node(['train.mjs', '--model', join(scratch, 'model-c.json'), '--metrics', join(scratch, 'metrics-c.json')], example, { TOLLGATE_SEED: '7' });
    expect(readFileSync(join(scratch, 'model-c.json')).equals(readFileSync(join(scratch, 'model-a.json')))).toBe(false);
  });

  it('learns: validation AUC above 0.7, sane log loss and accuracy', () => {
    expect(Object.keys(metrics)).toEqual(['roc_auc', 'log_loss', 'accuracy']);
    expect(metrics.roc_auc).toBeGreaterThan(0.7);
    expect(metrics.roc_auc).toBeLessThan(1);
    expect(metrics.log_loss).toBeGreaterThan(0);
    // Better than always predicting the base rate (log loss ~0.53 at 22%).
    expect(metrics.log_loss).toBeLessThan(0.5);
    expect(metrics.accuracy).toBeGreaterThan(0.75);
  });

  it('takes params from TOLLGATE_PARAM_ variables', () => {
    node(['train.mjs', '--model', join(scratch, 'model-d.json'), '--metrics', join(scratch, 'metrics-d.json')], example, { TOLLGATE_PARAM_EPOCHS: '5' });
    const model = JSON.parse(readFileSync(join(scratch, 'model-d.json'), 'utf8'));
    expect(model.training.epochs).toBe(5);
  });

  it('scores a CSV into customer_id,churned,score', () => {
    node(['predict.mjs', '--model', join(scratch, 'model-a.json'), '--data', 'data/eval.csv', '--out', join(scratch, 'predictions.csv')]);
    const lines = readFileSync(join(scratch, 'predictions.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('customer_id,churned,score');
    expect(lines).toHaveLength(1501);
    const evalRows = table(join(example, 'data/eval.csv')).rows;
    lines.slice(1).forEach((line, index) => {
      const [id, label, score] = line.split(',');
      expect(id).toBe(evalRows[index].customer_id);
      expect(label).toBe(evalRows[index].churned === 'true' ? '1' : '0');
      expect(Number(score)).toBeGreaterThanOrEqual(0);
      expect(Number(score)).toBeLessThanOrEqual(1);
      expect(score).toMatch(/^\d\.\d{6}$/);
    });
  });

  it('leaves churned empty when the data has no label', () => {
    node(['predict.mjs', '--model', join(scratch, 'model-a.json'), '--data', 'data/train-broken.csv', '--out', join(scratch, 'broken-predictions.csv')]);
    const lines = readFileSync(join(scratch, 'broken-predictions.csv'), 'utf8').trimEnd().split('\n').slice(1);
    expect(lines.filter((line) => line.split(',')[1] === '')).toHaveLength(400);
  });
});

describe('the example trained through tollgate train', () => {
  it('runs under the runner with params exported, and the same seed reproduces the model', async () => {
    const { runTraining } = await import('../../shared/train/index.js');
    const { PassThrough } = await import('node:stream');
    const work = makeDirectory('tollgate-churn-run-');
    try {
      execFileSync('cp', ['-r', join(example, 'data'), join(example, 'train.mjs'), join(example, 'lib.mjs'), join(example, 'params.yaml'), work]);
      const run = () =>
        runTraining({
          cwd: work,
          command: ['node', 'train.mjs'],
          paramsFile: 'params.yaml',
          data: ['data/train.csv'],
          outputs: ['model.json'],
          metricsFile: 'metrics.json',
          stdout: new PassThrough().resume(),
          stderr: new PassThrough().resume(),
        });
      const result = await run();
      expect(result.exitCode).toBe(0);
      expect(result.lineage.seed).toBe(42);
      expect(result.lineage.data[0]).toMatchObject({ path: 'data/train.csv', rows: 4000 });
      expect((result.metrics as { roc_auc: number }).roc_auc).toBeGreaterThan(0.7);
      const first = readFileSync(join(work, 'model.json'));
      const again = await run();
      expect(readFileSync(join(work, 'model.json')).equals(first)).toBe(true);
      expect(again.outputs).toEqual(result.outputs);
    } finally {
      removeDirectory(work);
    }
  });
});
