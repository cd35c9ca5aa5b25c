import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { createRng } from '../../shared/stats/random.js';

let dir: string;

async function run(args: string[], cwd = dir) {
  return runCli(['evaluate', ...args], { cwd });
}

/** Writes challenger and champion CSVs: the challenger separates the classes better, except on plan "b" when `hurtPlanB`. */
async function writePredictions(name: string, options: { challengerSignal: number; championSignal: number; hurtPlanB?: boolean }) {
  const rng = createRng(42);
  const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
  const challenger = ['row_id,churned,p_churn,plan'];
  const champion = ['row_id,p_churn'];
  for (let i = 0; i < 400; i++) {
    const label = rng.next() < 0.4 ? 1 : 0;
    const plan = i % 4 === 0 ? 'b' : 'a';
    const sign = 2 * label - 1;
    const signal = options.hurtPlanB && plan === 'b' ? 0.1 : options.challengerSignal;
    challenger.push(`u${i},${label},${sigmoid(signal * sign + rng.normal()).toFixed(6)},${plan}`);
    champion.push(`u${i},${sigmoid(options.championSignal * sign + rng.normal()).toFixed(6)}`);
  }
  await writeFile(join(dir, `${name}-challenger.csv`), `${challenger.join('\n')}\n`);
  await writeFile(join(dir, `${name}-champion.csv`), `${champion.join('\n')}\n`);
}

const columns = ['--id', 'row_id', '--label', 'churned', '--score', 'p_churn'];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tollgate-cli-evaluate-'));
  await writePredictions('better', { challengerSignal: 2, championSignal: 0.7 });
  await writePredictions('same', { challengerSignal: 1, championSignal: 1 });
  await writePredictions('segment', { challengerSignal: 2.5, championSignal: 1, hurtPlanB: true });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('tollgate evaluate', () => {
  it('exits 0 and prints the verdict for a better challenger', async () => {
    const result = await run(['--predictions', 'better-challenger.csv', '--champion', 'better-champion.csv', ...columns]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^PROMOTE {2}challenger vs champion, 400 rows \(classification\)\n/);
    expect(result.stdout).toMatch(/\n {2}metric +gate +challenger +champion +delta +95% CI +p +result\n {2}roc_auc +primary/);
  });

  it('--json prints one JSON document with the documented shape; exit 1 on reject', async () => {
    const result = await run(['--predictions', 'same-challenger.csv', '--champion', 'same-champion.csv', ...columns, '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.decision).toBe('reject');
    expect(report.reasons[0]).toMatch(/^Primary metric roc_auc is not higher/);
    expect(Object.keys(report.metrics.challenger)).toContain('roc_auc');
    expect(report.comparison[0]).toEqual(
      expect.objectContaining({ metric: 'roc_auc', challenger: expect.any(Number), champion: expect.any(Number), delta: expect.any(Number), ci: [expect.any(Number), expect.any(Number)], p_value: expect.any(Number), pass: false }),
    );
    expect(report.segments).toEqual([]);
  });

  it('reads the policy and column names from .github/tollgate.yml', async () => {
    const project = join(dir, 'project');
    await mkdir(join(project, '.github'), { recursive: true });
    await writeFile(
      join(project, '.github', 'tollgate.yml'),
      [
        'evaluation:',
        '  columns: {id: row_id, label: churned, score: p_churn}',
        '  segments: {by: [plan], min_rows: 50, max_regression: {delta: 0.02}}',
        '  bootstrap: {resamples: 200}',
      ].join('\n'),
    );
    const result = await run(['--predictions', join(dir, 'segment-challenger.csv'), '--champion', join(dir, 'segment-champion.csv'), '--json'], project);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.bootstrap.resamples).toBe(200);
    expect(report.segments.find((row: { value: string }) => row.value === 'b')).toEqual(expect.objectContaining({ segment: 'plan', rows: 100, pass: false }));
    expect(report.reasons[0]).toMatch(/^Segment plan=b \(100 rows\)/);
  });

  it('without a champion, absolute thresholds from --config decide', async () => {
    await writeFile(join(dir, 'strict.yml'), 'evaluation:\n  min: {roc_auc: 0.6}\n  max: {log_loss: 0.01}\n  bootstrap: {resamples: 100}\n');
    const result = await run(['--predictions', 'better-challenger.csv', ...columns, '--config', 'strict.yml']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^REJECT {2}no champion: absolute thresholds/);
    expect(result.stdout).toMatch(/- log_loss is 0\.\d+, above the max of 0\.01\.\n {2}- roc_auc is 0\.\d+, at least the min of 0\.6\./);
  });

  it('input and usage errors exit 2 with one clear line', async () => {
    const missing = await run(['--champion', 'x.csv']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^tollgate evaluate: missing --predictions FILE/);

    await writeFile(join(dir, 'other-champion.csv'), 'row_id,p_churn\nu0,0.5\nzz,0.4\n');
    const mismatch = await run(['--predictions', 'better-challenger.csv', '--champion', 'other-champion.csv', ...columns]);
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toMatch(/not scored on the same rows: 399 ids in the challenger's .* are missing from the champion's .*; 1 id in the champion's .* is missing from the challenger's .*\(e\.g\. 'zz'\)/);
    expect(mismatch.stderr).not.toMatch(/at .*\.ts:\d+/);

    const badColumn = await run(['--predictions', 'better-challenger.csv', '--score', 'prob']);
    expect(badColumn.code).toBe(2);
    expect(badColumn.stderr).toMatch(/better-challenger\.csv: no id column 'id'/);

    await writeFile(join(dir, 'bad.yml'), 'evaluation:\n  primary: {metric: auc}\n');
    const badConfig = await run(['--predictions', 'better-challenger.csv', ...columns, '--config', 'bad.yml']);
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toMatch(/bad\.yml:2:21: evaluation\.primary\.metric/);
  });

  it('is listed in tollgate --help', async () => {
    const help = await runCli(['--help'], { cwd: dir });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/evaluate +compare a challenger with the champion: promote or reject/);
  });
});

describe('tollgate evaluate reports', () => {
  it('writes the JSON report and the Markdown comment with --out and --markdown', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tollgate-evaluate-out-'));
    const csv = ['id,label,score', ...Array.from({ length: 40 }, (_, index) => `r${index},${index % 2},${((index % 2) * 0.6 + (index % 7) / 20).toFixed(3)}`)].join('\n');
    await writeFile(join(folder, 'p.csv'), `${csv}\n`);
    const result = await run(['--predictions', 'p.csv', '--out', 'evaluation.json', '--markdown', 'comment.md', '--model', 'churn'], folder);
    expect(result.code).toBe(0);
    const report = JSON.parse(await readFile(join(folder, 'evaluation.json'), 'utf8'));
    expect(report.decision).toBe('promote');
    expect(report.mode).toBe('absolute');
    const markdown = await readFile(join(folder, 'comment.md'), 'utf8');
    expect(markdown).toContain('churn');
    expect(markdown.toLowerCase()).toContain('promote');
  });
});
