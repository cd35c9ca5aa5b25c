import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors/index.js';
import {
  actionsRunUrl,
  captureEnvironment,
  contentKey,
  fingerprintCode,
  fingerprintData,
  isWithin,
  listTrackedPaths,
  portablePath,
  readGitState,
  type CodeFingerprint,
  type DataFingerprint,
  type EnvironmentRecord,
  type GitState,
} from '../lineage/index.js';
import type { TrainCache } from './cache.js';
import { readParams, resolveSeed, type ParamsDocument } from './params.js';

/** What to train and where its inputs and outputs are. Paths are relative to `cwd`. */
export interface TrainSpec {
  /** The working directory the command runs in. */
  cwd: string;
  /** The training command as an argument vector (run without a shell). */
  command: readonly string[];
  /** `params.yaml` or a `.json` file; exported as `TOLLGATE_PARAMS` and `TOLLGATE_PARAM_<NAME>`. */
  paramsFile?: string;
  /** How lineage names the params when the file is not the user's own (params given inline to the action). */
  paramsLabel?: string;
  /** Input datasets (files or directories), fingerprinted into lineage and the key. */
  data?: readonly string[];
  /** Files or directories the command writes; cached and restored as a whole. */
  outputs?: readonly string[];
  /** The metrics file the command writes (validated, recorded, cached). */
  metricsFile?: string;
  /** Where `lineage.json` goes; default: beside the first output (or the metrics file). */
  lineageFile?: string;
  /** Code paths whose tracked files enter the key; default: the whole repository. */
  codePaths?: readonly string[];
  /** Overrides the params' `seed` (default 0 when neither is given). */
  seed?: number;
  /** Where results are kept by key; none: always run, never store. */
  cache?: TrainCache;
  /** The environment the command inherits (default `process.env`); also read for the Actions run URL. */
  env?: NodeJS.ProcessEnv;
}

/** A checked spec with every input fingerprinted and the content key computed. */
export interface TrainPlan {
  cwd: string;
  git: GitState;
  /** The working directory relative to the repository root, `.` outside git. */
  workdir: string;
  command: string[];
  params: ParamsDocument | undefined;
  /** Absolute path of the params file, exported as `TOLLGATE_PARAMS`. */
  paramsPath: string | undefined;
  seed: number;
  data: DataFingerprint[];
  code: CodeFingerprint;
  environment: EnvironmentRecord;
  /** Declared outputs, portable paths relative to `cwd`. */
  outputs: string[];
  metricsFile: string | null;
  lineageFile: string;
  /** Everything a cache entry holds: outputs, metrics file (unless inside an output) and lineage, sorted. */
  cachedPaths: string[];
  key: string;
  runUrl: string | null;
  /** Things worth telling the person running (git could not be asked, ...). */
  warnings: string[];
}

interface Declared {
  given: string;
  absolute: string;
  portable: string;
}

function declare(cwd: string, path: string, flag: string): Declared {
  if (path.trim() === '') throw new UsageError(`${flag} expects a path, got an empty string`);
  const absolute = resolve(cwd, path);
  return { given: path, absolute, portable: portablePath(cwd, absolute) };
}

/** The default lineage location: beside the first output, else beside the metrics file, else in `cwd`. */
function defaultLineage(cwd: string, outputs: Declared[], metrics: Declared | undefined): string {
  const anchor = outputs[0] ?? metrics;
  return anchor ? join(dirname(anchor.absolute), 'lineage.json') : resolve(cwd, 'lineage.json');
}

/**
 * Checks the spec (outputs inside the project and apart from the inputs,
 * from tracked files and from code paths),
 * reads params, fingerprints data, code, lock files and the environment, and
 * computes the content key. Nothing is written.
 */
export async function planTraining(spec: TrainSpec): Promise<TrainPlan> {
  const cwd = resolve(spec.cwd);
  const env = spec.env ?? process.env;
  if (spec.command.length === 0 || spec.command[0] === '') throw new UsageError('no training command given (put it after --)');

  const outputs = (spec.outputs ?? []).map((path) => declare(cwd, path, '--outputs'));
  const metrics = spec.metricsFile === undefined ? undefined : declare(cwd, spec.metricsFile, '--metrics');
  const lineage = declare(cwd, spec.lineageFile ?? defaultLineage(cwd, outputs, metrics), '--lineage');
  const data = (spec.data ?? []).map((path) => declare(cwd, path, '--data'));
  const params = spec.paramsFile === undefined ? undefined : declare(cwd, spec.paramsFile, '--params');
  const cacheDirectory = spec.cache?.directory;

  const written = [...outputs, ...(metrics ? [metrics] : []), lineage];
  const git = await readGitState(cwd, [...written.map((path) => path.absolute), ...(cacheDirectory ? [cacheDirectory] : [])]);
  checkLayout(git.root ?? cwd, cwd, outputs, metrics, lineage, [...data, ...(params ? [params] : [])]);
  const codePaths = (spec.codePaths ?? []).map((path) => declare(cwd, path, '--code'));
  await checkOutputsHoldNoCode(git.root, cwd, outputs, written, codePaths);

  const paramsDocument = params ? await readParams(params.absolute, spec.paramsLabel ?? params.portable) : undefined;
  const seed = resolveSeed(spec.seed, paramsDocument);
  const warnings: string[] = git.warning ? [git.warning] : [];
  const fingerprints: DataFingerprint[] = [];
  for (const path of data) fingerprints.push(await fingerprintData(cwd, path.given, (message) => warnings.push(message)));
  const exclude = [...written, ...data, ...(params ? [params] : [])].map((path) => path.absolute);
  if (cacheDirectory) exclude.push(cacheDirectory);
  const [code, environment] = await Promise.all([
    fingerprintCode({ cwd, gitRoot: git.root, paths: spec.codePaths, exclude }),
    captureEnvironment(cwd, git.root, written.map((path) => path.absolute)),
  ]);

  // A metrics file inside an output directory travels with that directory.
  const metricsApart = metrics && !outputs.some((output) => isWithin(output.absolute, metrics.absolute)) ? [metrics] : [];
  const cachedPaths = [...new Set([...outputs, ...metricsApart, lineage].map((path) => path.portable))].sort();
  const workdir = git.root ? portablePath(git.root, cwd) : '.';
  const command = [...spec.command];
  const key = contentKey({
    command,
    workdir,
    params: paramsDocument?.keyForm ?? null,
    seed,
    data: fingerprints,
    code,
    lockFiles: environment.lock_files,
    outputs: cachedPaths,
    metrics: metrics?.portable ?? null,
  });
  return {
    cwd,
    git,
    workdir,
    command,
    params: paramsDocument,
    paramsPath: params?.absolute,
    seed,
    data: fingerprints,
    code,
    environment,
    outputs: outputs.map((path) => path.portable),
    metricsFile: metrics?.portable ?? null,
    lineageFile: lineage.portable,
    cachedPaths,
    key,
    runUrl: actionsRunUrl(env),
    warnings,
  };
}

/**
 * Outputs are deleted before a run and replaced on a cache hit, so they must
 * be inside the project, must not be the working directory or hold it, and
 * must not hold the run's inputs.
 */
function checkLayout(projectRoot: string, cwd: string, outputs: Declared[], metrics: Declared | undefined, lineage: Declared, inputs: Declared[]): void {
  const written = [...outputs, ...(metrics ? [metrics] : []), lineage];
  for (const path of written) {
    if (!isWithin(projectRoot, path.absolute)) throw new UsageError(`output '${path.given}' is outside the project (${projectRoot})`);
    if (isWithin(path.absolute, cwd)) throw new UsageError(`output '${path.given}' is the working directory or contains it; outputs are deleted before each run`);
    for (const input of inputs) {
      if (isWithin(path.absolute, input.absolute)) throw new UsageError(`output '${path.given}' contains the input '${input.given}'; outputs are deleted before each run`);
    }
  }
  outputs.forEach((output, index) => {
    outputs.slice(index + 1).forEach((other) => {
      if (isWithin(output.absolute, other.absolute) || isWithin(other.absolute, output.absolute)) {
        throw new UsageError(`outputs '${output.given}' and '${other.given}' overlap; declare each file or directory once`);
      }
    });
    if (isWithin(output.absolute, lineage.absolute)) {
      throw new UsageError(`the lineage file '${lineage.given}' is inside the output '${output.given}'; choose another place with --lineage`);
    }
  });
  if (metrics && metrics.absolute === lineage.absolute) throw new UsageError('the metrics file and the lineage file must differ');
}

/**
 * Outputs are deleted before each run: refuses an output that is or holds a
 * file git tracks (source, not something the command writes), and any
 * written path that is or holds a declared code path.
 */
async function checkOutputsHoldNoCode(gitRoot: string | null, cwd: string, outputs: Declared[], written: Declared[], codePaths: Declared[]): Promise<void> {
  for (const path of written) {
    const code = codePaths.find((declared) => isWithin(path.absolute, declared.absolute));
    if (code) {
      const what = path.absolute === code.absolute ? 'is' : 'contains';
      throw new UsageError(`output '${path.given}' ${what} the code path '${code.given}'; outputs are deleted before each run, so declare only what the command writes`);
    }
  }
  if (gitRoot === null || outputs.length === 0) return;
  // One git call for every output; each output's own tracked files are picked out below.
  const trackedAll = await listTrackedPaths(gitRoot, outputs.map((output) => portablePath(gitRoot, output.absolute)));
  for (const output of outputs) {
    const tracked = trackedAll.filter((path) => isWithin(output.absolute, resolve(gitRoot, path)));
    if (tracked.length === 0) continue;
    const first = portablePath(cwd, resolve(gitRoot, tracked[0]));
    const more = tracked.length > 1 ? ` (and ${tracked.length - 1} more tracked file${tracked.length > 2 ? 's' : ''})` : '';
    const what = resolve(gitRoot, tracked[0]) === output.absolute ? 'is a file git tracks' : `contains '${first}', which git tracks${more}`;
    throw new UsageError(
      `output '${output.given}' ${what}; outputs are deleted before each run, so declare only what the command writes ` +
        `(if '${first}' really is an output, stop tracking it: git rm --cached '${first}')`,
    );
  }
}
