/**
 * Seeded simulations of the statistical-quality targets (issue 3):
 *
 * - unchanged data (same generator, new seed), 200 runs of 20 columns with
 *   1,000 rows a side: the dataset false-alarm rate is at most 3% at alert
 *   and at most 5% at warn or above;
 * - a 0.5 sd mean shift in one column, 1,000 rows a side: flagged (warn or
 *   alert) in at least 95% of runs;
 * - a column going from 1% to 30% missing: always flagged.
 *
 * The measured rates (and Evidently's defaults on the same runs, for
 * comparison) are printed once.
 */
import { describe, expect, it } from 'vitest';
import { computeDrift, type DriftReport } from '../../shared/drift/index.js';
import type { Rng } from '../../shared/stats/index.js';
import { rngOf, tableOf, type Cell, type ColumnSpec } from './tables.js';

const ROWS = 1000;
const NULL_SHARE = 0.01;

interface Change {
  /** Column whose mean moves by this many standard deviations. */
  shift?: { column: string; sd: number };
  /** Column whose missing share becomes this. */
  missing?: { column: string; share: number };
}

function cell(rng: Rng, value: Cell, nullShare: number): Cell {
  return rng.next() < nullShare ? null : value;
}

function pick<T>(rng: Rng, values: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((s, w) => s + w, 0);
  let u = rng.next() * total;
  for (let i = 0; i < values.length; i++) {
    if (u < weights[i]) return values[i];
    u -= weights[i];
  }
  return values[values.length - 1];
}

function poisson(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean);
  let count = 0;
  for (let product = rng.next(); product > limit; product *= rng.next()) count++;
  return Math.min(count, 15);
}

const CATEGORIES = [3, 5, 8, 12].map((size, c) => ({
  values: Array.from({ length: size }, (_, i) => `c${c}v${i}`),
  weights: Array.from({ length: size }, (_, i) => 1 / (i + 1)),
}));

/**
 * 20 columns: 10 continuous floats (normal, lognormal, uniform), 3 counts
 * (discrete), 1 wide integer, 4 categoricals, 2 booleans; 1% missing.
 */
function generate(seed: number, change: Change = {}): ColumnSpec[] {
  const rng = rngOf(seed);
  const columns: ColumnSpec[] = [];
  const nullsOf = (name: string) => (change.missing?.column === name ? change.missing.share : NULL_SHARE);
  const shiftOf = (name: string) => (change.shift?.column === name ? change.shift.sd : 0);
  const add = (name: string, type: ColumnSpec['type'], draw: (shift: number) => Cell) => {
    const shift = shiftOf(name);
    const nulls = nullsOf(name);
    columns.push({ name, type, values: Array.from({ length: ROWS }, () => cell(rng, draw(shift), nulls)) });
  };
  for (let i = 0; i < 5; i++) add(`normal${i}`, 'float', (shift) => 10 * i + (i + 1) * (rng.normal() + shift));
  for (let i = 0; i < 3; i++) add(`lognormal${i}`, 'float', (shift) => Math.exp(0.5 * (rng.normal() + shift) + i));
  for (let i = 0; i < 2; i++) add(`uniform${i}`, 'float', (shift) => 100 * (rng.next() + shift * Math.sqrt(1 / 12)));
  for (let i = 0; i < 3; i++) add(`count${i}`, 'integer', () => poisson(rng, 1 + 2 * i));
  add('wide', 'integer', () => rng.nextInt(1000));
  CATEGORIES.forEach((category, c) => add(`category${c}`, 'category', () => pick(rng, category.values, category.weights)));
  add('flag0', 'boolean', () => rng.next() < 0.3);
  add('flag1', 'boolean', () => rng.next() < 0.6);
  return columns;
}

function run(seed: number, change: Change = {}): Promise<DriftReport> {
  return computeDrift({ kind: 'data', source: tableOf(generate(2 * seed)) }, tableOf(generate(2 * seed + 1, change)));
}

const rate = (count: number, runs: number) => `${((100 * count) / runs).toFixed(1)}% (${count}/${runs})`;
const measured: string[] = [];

describe('statistical quality (seeded simulations, 1,000 rows a side, 20 columns)', () => {
  it('raises few false alarms on unchanged data: at most 3% at alert, 5% at warn or above', async () => {
    const runs = 200;
    let alert = 0;
    let warnOrAbove = 0;
    let columnFlags = 0;
    let evidentlyDataset = 0;
    let evidentlyColumns = 0;
    let columns = 0;
    for (let seed = 0; seed < runs; seed++) {
      const report = await run(1000 + seed);
      expect(report.columns).toHaveLength(20);
      if (report.level === 'alert') alert++;
      if (report.level === 'alert' || report.level === 'warn') warnOrAbove++;
      columnFlags += report.columns.filter((column) => column.drifted).length;
      evidentlyColumns += report.columns.filter((column) => column.evidently?.drifted).length;
      if (report.evidently_drift) evidentlyDataset++;
      columns += report.columns.length;
    }
    measured.push(
      `unchanged data, ${runs} runs: dataset alert ${rate(alert, runs)}, warn or above ${rate(warnOrAbove, runs)}, columns flagged ${rate(columnFlags, columns)}; ` +
        `Evidently's defaults on the same runs: columns ${rate(evidentlyColumns, columns)}, dataset drift (50% rule) ${rate(evidentlyDataset, runs)}`,
    );
    expect(alert / runs).toBeLessThanOrEqual(0.03);
    expect(warnOrAbove / runs).toBeLessThanOrEqual(0.05);
  });

  it('flags a 0.5 sd mean shift in one column in at least 95% of runs', async () => {
    const runs = 100;
    let flagged = 0;
    let evidently = 0;
    for (let seed = 0; seed < runs; seed++) {
      const report = await run(5000 + seed, { shift: { column: 'normal2', sd: 0.5 } });
      const column = report.columns.find((entry) => entry.name === 'normal2');
      if (column?.drifted) flagged++;
      if (column?.evidently?.drifted) evidently++;
    }
    measured.push(`0.5 sd shift in one column, ${runs} runs: flagged ${rate(flagged, runs)} (Evidently's default test: ${rate(evidently, runs)})`);
    expect(flagged / runs).toBeGreaterThanOrEqual(0.95);
  });

  it('always flags a column going from 1% to 30% missing', async () => {
    const runs = 50;
    let flagged = 0;
    let evidently = 0;
    for (let seed = 0; seed < runs; seed++) {
      const report = await run(9000 + seed, { missing: { column: 'category1', share: 0.3 } });
      const column = report.columns.find((entry) => entry.name === 'category1');
      if (column?.drifted && column.null_share.level !== 'none') flagged++;
      if (column?.evidently?.drifted) evidently++;
    }
    measured.push(`1% → 30% missing in one column, ${runs} runs: flagged ${rate(flagged, runs)} (Evidently, which drops missing values first: ${rate(evidently, runs)})`);
    console.log(`Drift simulation (seeded):\n  ${measured.join('\n  ')}`);
    expect(flagged).toBe(runs);
  });
});
