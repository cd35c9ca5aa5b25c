import { resolve } from 'node:path';
import {
  LINEAGE_SCHEMA,
  TOLLGATE_VERSION,
  readLineage,
  writeLineage,
  type FileFingerprint,
  type Lineage,
  type Metrics,
} from '../lineage/index.js';
import { userCommandEnvironment } from '../process/user-command-environment.js';
import { runCommand } from './command.js';
import { readMetrics } from './metrics.js';
import { clearOutputs, fingerprintOutputs, requireOutputs } from './outputs.js';
import { paramEnvironment } from './params.js';
import { planTraining, type TrainPlan, type TrainSpec } from './plan.js';

export interface TrainOptions extends TrainSpec {
  /** Receives the command's stdout (a `--json` run passes its stderr here). */
  stdout: NodeJS.WritableStream;
  /** Receives the command's stderr. */
  stderr: NodeJS.WritableStream;
  /** Progress and notes for people ("cache hit", "entry discarded"). */
  log?: (message: string) => void;
  /** Lines of stderr kept for a failure report (default 40). */
  tailLines?: number;
  /** The clock, injectable for tests. */
  now?: () => Date;
}

/** What one `train` did. */
export interface TrainResult {
  /** `hit`: restored, the command did not run; `miss`: ran; `off`: ran without a cache. */
  cache: 'hit' | 'miss' | 'off';
  key: string;
  /** The command's exit code (0 on a hit: the restored run succeeded). */
  exitCode: number;
  /** The training command's wall time; on a hit, that of the run that trained the outputs. */
  durationS: number;
  metrics: Metrics | null;
  /** `lineage.json`, relative to the working directory. */
  lineagePath: string;
  lineage: Lineage;
  outputs: FileFingerprint[];
  /** The last lines of the command's stderr (empty on a hit). */
  stderrTail: string[];
  plan: TrainPlan;
}

/**
 * Runs a training command reproducibly: fingerprints its inputs, restores the
 * outputs of an earlier run with the same content key when the cache has one
 * (the command does not run), otherwise runs it with the seed and params
 * exported, validates its metrics, writes `lineage.json` and stores the
 * outputs. A failing command is reported in the result (`exitCode`), gets a
 * lineage document, and is never cached.
 */
export async function runTraining(options: TrainOptions): Promise<TrainResult> {
  const log = options.log ?? (() => {});
  const now = options.now ?? (() => new Date());
  const plan = await planTraining(options);
  for (const warning of plan.warnings) log(`warning: ${warning}`);
  const files = { root: plan.cwd, paths: plan.cachedPaths };
  const lineagePath = resolve(plan.cwd, plan.lineageFile);

  if (options.cache) {
    const restored = await options.cache.restore(plan.key, files);
    if (restored.note) log(restored.note);
    if (restored.hit) {
      const hit = await acceptRestored(plan, lineagePath, now());
      if (typeof hit === 'string') log(`cache entry not used: ${hit}; training instead`);
      else return hit;
    }
  }

  await clearOutputs(plan.cwd, plan.cachedPaths);
  const startedAt = now();
  const outcome = await runCommand(plan.command, {
    cwd: plan.cwd,
    env: commandEnvironment(options.env ?? process.env, plan),
    stdout: options.stdout,
    stderr: options.stderr,
    tailLines: options.tailLines,
  });
  const endedAt = now();
  const lineage: Lineage = baseLineage(plan, options.cache ? 'miss' : 'off', startedAt, endedAt, outcome.durationS, outcome.exitCode);
  const result = (outputs: FileFingerprint[], metrics: Metrics | null): TrainResult => ({
    cache: lineage.cache.status as 'miss' | 'off',
    key: plan.key,
    exitCode: outcome.exitCode,
    durationS: lineage.duration_s,
    metrics,
    lineagePath: plan.lineageFile,
    lineage,
    outputs,
    stderrTail: outcome.stderrTail,
    plan,
  });

  if (outcome.exitCode !== 0) {
    await writeLineage(lineagePath, lineage);
    return result([], null);
  }
  await requireOutputs(plan.cwd, producedFiles(plan));
  const metrics = plan.metricsFile ? await readMetrics(resolve(plan.cwd, plan.metricsFile), plan.metricsFile) : null;
  const outputs = await fingerprintOutputs(plan.cwd, producedFiles(plan), [lineagePath]);
  lineage.outputs = outputs;
  lineage.metrics = { file: plan.metricsFile, values: metrics };
  await writeLineage(lineagePath, lineage);
  if (options.cache) {
    const saved = await options.cache.save(plan.key, files).catch((error: unknown) => ({ saved: false, note: `could not store outputs in the cache: ${(error as Error).message}` }));
    if (saved.note) log(saved.note);
    else if (saved.saved) log(`stored outputs in ${options.cache.description} under key ${plan.key}`);
  }
  return result(outputs, metrics);
}

/**
 * Checks restored outputs against the lineage restored with them and marks
 * the lineage as a hit. Returns why the entry cannot be used otherwise.
 */
async function acceptRestored(plan: TrainPlan, lineagePath: string, restoredAt: Date): Promise<TrainResult | string> {
  let lineage: Lineage;
  try {
    lineage = await readLineage(lineagePath, plan.lineageFile);
  } catch (error) {
    return `its lineage is unreadable (${(error as Error).message})`;
  }
  if (lineage.key !== plan.key) return 'its lineage belongs to another key';
  const outputs = await fingerprintOutputs(plan.cwd, producedFiles(plan), [lineagePath]).catch(() => undefined);
  if (!outputs || JSON.stringify(outputs) !== JSON.stringify(lineage.outputs)) return 'the restored files differ from those its lineage lists';
  lineage.cache = {
    status: 'hit',
    restored_at: restoredAt.toISOString(),
    restored_for: { commit: plan.git.commit, dirty: plan.git.dirty, run_url: plan.runUrl },
  };
  await writeLineage(lineagePath, lineage);
  return {
    cache: 'hit',
    key: plan.key,
    exitCode: 0,
    durationS: lineage.duration_s,
    metrics: lineage.metrics.values,
    lineagePath: plan.lineageFile,
    lineage,
    outputs: lineage.outputs,
    stderrTail: [],
    plan,
  };
}

/**
 * The command's environment: the caller's (without an action's inputs and the
 * runner's service credentials, see {@link userCommandEnvironment}), minus
 * inherited `TOLLGATE_PARAM_*` (undeclared inputs would defeat the key), plus
 * the seed and the params.
 */
export function commandEnvironment(base: NodeJS.ProcessEnv, plan: Pick<TrainPlan, 'seed' | 'params' | 'paramsPath'>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(userCommandEnvironment(base))) {
    if (!name.startsWith('TOLLGATE_PARAM_') && name !== 'TOLLGATE_PARAMS') env[name] = value;
  }
  env.TOLLGATE_SEED = String(plan.seed);
  env.PYTHONHASHSEED = String(plan.seed);
  if (plan.params && plan.paramsPath) {
    env.TOLLGATE_PARAMS = plan.paramsPath;
    Object.assign(env, paramEnvironment(plan.params));
  }
  return env;
}

function baseLineage(plan: TrainPlan, status: 'miss' | 'off', startedAt: Date, endedAt: Date, durationS: number, exitCode: number): Lineage {
  return {
    schema: LINEAGE_SCHEMA,
    tollgate_version: TOLLGATE_VERSION,
    key: plan.key,
    cache: { status },
    git: { commit: plan.git.commit, dirty: plan.git.dirty },
    workdir: plan.workdir,
    command: plan.command,
    params: { file: plan.params?.file ?? null, values: plan.params?.values ?? null },
    seed: plan.seed,
    data: plan.data,
    code: plan.code,
    environment: plan.environment,
    started_at: startedAt.toISOString(),
    ended_at: endedAt.toISOString(),
    duration_s: Math.round(durationS * 1000) / 1000,
    exit_code: exitCode,
    run_url: plan.runUrl,
    outputs: [],
    metrics: { file: plan.metricsFile, values: null },
  };
}

/** The files a training run must leave: its declared outputs and its metrics file. */
function producedFiles(plan: TrainPlan): string[] {
  return plan.metricsFile ? [...plan.outputs, plan.metricsFile] : [...plan.outputs];
}
