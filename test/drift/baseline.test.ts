import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTable } from '../../shared/data/index.js';
import { computeDrift, createBaseline, currentReadTypes, driftFromFiles, frozenBinsOf, readBaseline } from '../../shared/drift/index.js';
import { InputError } from '../../shared/errors/index.js';
import { profileToJSON } from '../../shared/profile/index.js';
import { chi2Contingency2xK, mergeSparseCells } from '../../shared/stats/index.js';
import { byName, rngOf, settingsWith } from './tables.js';

let dir: string;
let referenceCsv: string;
let currentCsv: string;
let profilePath: string;

/** A CSV with a continuous float, a discrete integer, a category, a boolean, nulls and an id. */
function csv(seed: number, rows: number, shift: number): string {
  const rng = rngOf(seed);
  const lines = ['id,spend,tickets,plan,autopay'];
  for (let i = 0; i < rows; i++) {
    const spend = rng.next() < 0.02 ? '' : (60 + 15 * rng.normal() + shift * 15).toFixed(2);
    const tickets = String(Math.min(9, Math.floor(-Math.log(1 - rng.next()) * (1.5 + shift))));
    const u = rng.next();
    const plan = u < 0.5 - 0.2 * shift ? 'basic' : u < 0.85 ? 'pro' : 'enterprise';
    lines.push(`C${seed}-${i},${spend},${tickets},${plan},${rng.next() < 0.6}`);
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tollgate-drift-baseline-'));
  referenceCsv = join(dir, 'reference.csv');
  currentCsv = join(dir, 'current.csv');
  profilePath = join(dir, 'profile.json');
  await writeFile(referenceCsv, csv(1, 3000, 0));
  await writeFile(currentCsv, csv(2, 2000, 0.5));
  await writeFile(profilePath, profileToJSON(await createBaseline(referenceCsv)));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createBaseline', () => {
  it('freezes decile edges for continuous numbers and values for discrete ones, with exact counts', async () => {
    const { profile, digest } = await readBaseline(profilePath);
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const spend = profile.columns.find((column) => column.name === 'spend');
    const tickets = profile.columns.find((column) => column.name === 'tickets');
    expect(spend?.kind === 'number' && spend.bins?.kind).toBe('edges');
    expect(spend?.kind === 'number' && spend.bins?.kind === 'edges' && spend.bins.edges.length).toBe(9);
    expect(spend?.kind === 'number' && spend.bins?.counts.reduce((s, c) => s + c, 0)).toBe(spend?.count);
    expect(tickets?.kind === 'number' && tickets.bins).toMatchObject({ kind: 'categories', values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] });
  });

  it('refuses a profile without frozen bins, saying how to make one', async () => {
    const { profile } = await readBaseline(profilePath);
    const plain = { ...profile, columns: profile.columns.map((column) => (column.kind === 'number' ? { ...column, bins: null } : column)) };
    const path = join(dir, 'plain.json');
    await writeFile(path, profileToJSON(plain));
    const failure = readBaseline(path);
    await expect(failure).rejects.toBeInstanceOf(InputError);
    await expect(failure).rejects.toThrow(/no frozen bins for "spend", "tickets"; .*tollgate drift baseline <data> --out profile\.json/);
    await expect(readBaseline(join(dir, 'absent.json'))).rejects.toThrow(/absent\.json: no such file/);
  });
});

describe('drift against a baseline profile', () => {
  it('gives the same PSI as raw reference data on the same frozen bins, and the same categorical tests', async () => {
    const fromProfile = await driftFromFiles(profilePath, currentCsv);
    const { profile } = await readBaseline(profilePath);
    const reference = await openTable(referenceCsv);
    const current = await openTable(currentCsv, { types: currentReadTypes(reference.schema.fields) });
    const fromData = await computeDrift({ kind: 'data', source: reference }, current, { bins: frozenBinsOf(profile) });
    expect(fromProfile.reference.kind).toBe('profile');
    expect(fromProfile.columns.map((column) => column.name)).toEqual(['spend', 'tickets', 'plan', 'autopay']);
    for (const column of fromProfile.columns) {
      const raw = byName(fromData, column.name);
      expect(column.psi, column.name).toBe(raw.psi);
      expect(column.psi_noise, column.name).toBe(raw.psi_noise);
      expect(column.null_share, column.name).toEqual(raw.null_share);
      expect(column.attribution?.bins, column.name).toEqual(raw.attribution?.bins);
    }
    for (const name of ['tickets', 'plan', 'autopay']) expect(byName(fromProfile, name).p_value, name).toBe(byName(fromData, name).p_value);
    // Continuous columns: KS on raw values, chi-square on the frozen bins against a profile.
    expect(byName(fromData, 'spend').test).toBe('ks');
    expect(byName(fromProfile, 'spend').test).toBe('chisquare');
    const bins = byName(fromProfile, 'spend').attribution?.bins ?? [];
    const counts = (side: 'reference' | 'current', n: number) => bins.map((bin) => Math.round(bin[side] * n));
    const spend = byName(fromProfile, 'spend');
    const merged = mergeSparseCells(counts('reference', spend.values.reference), counts('current', spend.values.current), 5);
    expect(spend.p_value).toBeCloseTo(chi2Contingency2xK(merged.countsA, merged.countsB).pvalue, 12);
    expect(spend.level).toBe('warn');
    expect(fromProfile.excluded.map((entry) => entry.name)).toEqual(['id']);
  });

  it('never reads the reference data again (the data file may be gone)', async () => {
    const data = join(dir, 'temporary.csv');
    const baseline = join(dir, 'temporary.json');
    await writeFile(data, csv(3, 500, 0));
    await writeFile(baseline, profileToJSON(await createBaseline(data)));
    await rm(data);
    const report = await driftFromFiles(baseline, currentCsv);
    expect(report.reference).toMatchObject({ kind: 'profile', path: baseline, rows: 500 });
    expect(report.columns.map((column) => column.name)).toEqual(['spend', 'tickets', 'plan', 'autopay']);
    expect(report.reference.digest).toMatch(/^sha256:/);
  });

  it('attributes the shift to segments of the current data', async () => {
    const report = await driftFromFiles(profilePath, currentCsv, { settings: settingsWith({ segment_by: ['plan'] }) });
    const drivers = report.segments.find((entry) => entry.column === 'spend' && entry.by === 'plan');
    expect(drivers?.values.length).toBeGreaterThan(0);
    expect(drivers?.values[0].rows.reference).toBeNull();
    const shares = drivers?.values.map((value) => value.share_of_psi) ?? [];
    expect(shares.every((share) => share > 0)).toBe(true);
    expect([...shares].sort((a, b) => b - a)).toEqual(shares);
  });
});
