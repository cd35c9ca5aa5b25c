import { availableParallelism } from 'node:os';
import { InputError, readTextFile, UsageError } from '../../shared/errors/index.js';
import { mergeProfiles, parseProfile, profileTableParallel, profileToJSON, summarizeProfile, type Profile, type ProfileSummary } from '../../shared/profile/index.js';
import { displayValue, textTable } from '../../shared/report/index.js';
import { inputPath, parseCommandArgs, parsePositiveInteger, requirePositional, writeJson, writeOutput, type Command, type CommandIo } from '../command.js';

const usage = `Usage: tollgate profile <data> [--json] [--out profile.json] [--threads N]
       tollgate profile merge <a.json> <b.json> [...] [--out merged.json] [--json]

Profiles a data file in one streaming pass: per column type, count (non-null),
nulls, min, max, mean, std (sample), distinct (exact while few, else within
about 2%), top values. --out writes the full mergeable profile
(tollgate.profile/v1); profiles of shards merge into the profile of the whole.
--threads N parses on one thread while N-1 others profile (any format); a
large uncompressed CSV (112 MiB a thread or more) is read in N parts at once
instead, which needs quoted fields without line breaks.`;

export const profileCommand: Command = {
  name: 'profile',
  usage,
  subcommands: ['merge'],
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { json: { type: 'boolean' }, out: { type: 'string', short: 'o' }, format: { type: 'string' }, delimiter: { type: 'string' }, threads: { type: 'string' } },
      usage,
    );
    const first = requirePositional(positionals, 0, 'the data file', usage);
    let profile: Profile;
    if (first === 'merge') {
      const files = positionals.slice(1);
      if (files.length < 2) throw new UsageError(`profile merge needs at least two profile files\n\n${usage}`);
      // One at a time, so the first bad file named is the first one given.
      const profiles: Profile[] = [];
      for (const file of files) profiles.push(await readProfile(inputPath(io, file), file));
      profile = profiles.reduce((merged, next, index) => mergeWithContext(merged, next, files, index));
    } else {
      if (positionals.length > 1) throw new UsageError(`expected one data file, got ${positionals.length}\n\n${usage}`);
      profile = await profileTableParallel(inputPath(io, first), {
        threads: threadCount(values.threads),
        // In the bundle this file is a chunk in cli/dist/chunks/; the worker script is cli/dist/profile-worker.js.
        workerUrl: new URL('../profile-worker.js', import.meta.url),
        read: { format: values.format as never, delimiter: values.delimiter },
      });
    }
    if (values.out) await writeOutput(io, values.out, profileToJSON(profile, { pretty: true }), { what: 'the profile', asTyped: true });
    const summary = summarizeProfile(profile);
    if (values.json) writeJson(io, summary);
    else printSummary(io, summary);
    return 0;
  },
};

/** `--threads N`: more threads than the machine runs at once only slow the profile down (and each costs memory). */
function threadCount(text: string | undefined): number {
  const threads = parsePositiveInteger(text, '--threads', 1);
  const cores = availableParallelism();
  if (threads > cores) throw new UsageError(`--threads ${threads}: this machine runs ${cores} thread${cores === 1 ? '' : 's'} at once; use at most ${cores}`);
  return threads;
}

async function readProfile(path: string, shown: string): Promise<Profile> {
  const text = await readTextFile(path, shown);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError({ file: shown }, `not JSON (${(error as Error).message}); expected a profile written by \`tollgate profile --out\``);
  }
  return parseProfile(json, shown);
}

/** Merges `files[next]` into the merge of the files before it; errors name the files. */
function mergeWithContext(merged: Profile, profile: Profile, files: readonly string[], next: number): Profile {
  const names = { a: next === 1 ? files[0] : `the merge of ${files.slice(0, next).join(', ')}`, b: files[next] };
  try {
    return mergeProfiles(merged, profile, names);
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) throw new InputError({ file: files[next] }, `cannot merge with ${names.a}: ${error.message}`);
    throw error;
  }
}

function printSummary(io: CommandIo, summary: ProfileSummary): void {
  // Values that did not read as their column's type are missing from count; say so when there are any.
  const anyInvalid = summary.columns.some((column) => column.invalid > 0);
  const rows = summary.columns.map((column) => [
    column.name,
    column.type,
    displayValue(column.count),
    displayValue(column.nulls),
    ...(anyInvalid ? [displayValue(column.invalid)] : []),
    displayValue(column.min),
    displayValue(column.max),
    displayValue(column.mean),
    displayValue(column.std),
    `${column.distinct_exact ? '' : '~'}${displayValue(column.distinct)}`,
    column.top ? column.top.slice(0, 3).map((item) => `${item.value} (${item.count})`).join(', ') : '',
  ]);
  io.stdout.write(`${summary.rows.toLocaleString('en-US')} rows\n\n${textTable(['column', 'type', 'count', 'nulls', ...(anyInvalid ? ['invalid (in nulls)'] : []), 'min', 'max', 'mean', 'std', 'distinct', 'top'], rows, 32)}\n`);
}
