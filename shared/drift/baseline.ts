/**
 * The drift baseline: a profile of the reference data whose numeric columns
 * carry exact counts on bins frozen from that same data (deciles, or the
 * values themselves for at most 20 distinct values). Drift checks against
 * it never read the reference data again.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { openTable, type ReadOptions } from '../data/index.js';
import { InputError } from '../errors/index.js';
import { ProfileBuilder, freezeBins, parseProfile, type FrozenBin, type FrozenBins, type Profile, type ProfileSettings } from '../profile/index.js';
import type { TableSource } from './load-table.js';

async function profileOf(source: TableSource, options: { bins?: FrozenBins; settings?: Partial<ProfileSettings> }): Promise<Profile> {
  const builder = new ProfileBuilder({ ...options.settings, schema: source.schema, bins: options.bins });
  for await (const batch of source) builder.add(batch);
  return builder.finish();
}

/**
 * Two passes over a data file: profile it, freeze the bins from that
 * profile, then profile it again filling exact counts on those bins.
 */
export async function createBaseline(path: string, options: { read?: ReadOptions; settings?: Partial<ProfileSettings> } = {}): Promise<Profile> {
  const first = await profileOf(await openTable(path, options.read), { settings: options.settings });
  const bins = freezeBins(first);
  return profileOf(await openTable(path, options.read), { bins, settings: options.settings });
}

/** Bins of a baseline's numeric columns without their counts (what a builder for new data takes). */
export function frozenBinsOf(profile: Profile): FrozenBins {
  const bins: FrozenBins = {};
  for (const column of profile.columns) {
    if (column.kind !== 'number' || column.bins === null) continue;
    bins[column.name] = column.bins.kind === 'edges' ? ({ kind: 'edges', edges: column.bins.edges } satisfies FrozenBin) : { kind: 'categories', values: column.bins.values };
  }
  return bins;
}

/** A baseline read from disk, with the sha256 of its bytes. */
export interface LoadedBaseline {
  profile: Profile;
  digest: string;
}

/**
 * Reads and checks a baseline profile: every numeric column with values
 * must carry frozen bins (a plain profile cannot give exact counts).
 */
export async function readBaseline(path: string): Promise<LoadedBaseline> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError({ file: path }, code === 'ENOENT' ? 'no such file; expected a baseline profile (tollgate drift baseline)' : `cannot read the profile (${(error as Error).message})`, { cause: error });
  }
  const profile = parseProfile(bytes.toString('utf8'), path);
  const unbinned = profile.columns.filter((column) => column.kind === 'number' && column.bins === null && column.moments.count > 0).map((column) => column.name);
  if (unbinned.length > 0) {
    throw new InputError(
      { file: path },
      `this profile has no frozen bins for ${unbinned.map((name) => JSON.stringify(name)).join(', ')}; a drift reference must be a baseline: create it with \`tollgate drift baseline <data> --out profile.json\``,
    );
  }
  return { profile, digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}` };
}
