/** The whole evaluation from files: load both predictions files, join on id, evaluate, decide. */
import { evaluateRows } from './compare.js';
import { joinPredictions, singleModelRows } from './join.js';
import { DEFAULT_COLUMNS, loadPredictions, type PredictionColumns } from './load.js';
import { inferTask } from './policy.js';
import type { EvaluationPolicy, EvaluationReport } from './types.js';

export interface EvaluateFilesOptions {
  /** The challenger's predictions file. */
  predictions: string;
  /** The champion's predictions file; without it the decision uses absolute thresholds only. */
  champion?: string;
  /** Column names; these override `policy.columns`. */
  columns?: Partial<PredictionColumns>;
  policy?: EvaluationPolicy;
}

/** Loads, joins and evaluates; throws `InputError` for unusable files and `ConfigError` for a bad policy. */
export async function evaluateFiles(options: EvaluateFilesOptions): Promise<EvaluationReport> {
  const policy = options.policy ?? {};
  const columns: PredictionColumns = { ...DEFAULT_COLUMNS, ...definedOnly(policy.columns), ...definedOnly(options.columns) };
  const task = inferTask(policy);
  const segments = policy.segments?.by ?? [];
  const challenger = await loadPredictions(options.predictions, { columns, task, segments });
  if (options.champion === undefined) return evaluateRows(singleModelRows(challenger), policy);
  const champion = await loadPredictions(options.champion, { columns, task, segments, labelOptional: true });
  return evaluateRows(joinPredictions(challenger, champion), policy);
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
