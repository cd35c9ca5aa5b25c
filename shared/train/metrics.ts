import { InputError, readTextFile } from '../errors/index.js';
import type { MetricValue, Metrics } from '../lineage/index.js';
import { childPath, parseJsonLocated, type Position } from './json-located.js';

interface Problem {
  path: string;
  message: string;
}

function describeValue(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return typeof value === 'object' ? 'an object' : String(value);
}

function collectProblems(value: unknown, path: string, problems: Problem[]): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      const hint = Number.isNaN(value) ? " (Python's json.dump writes NaN for float('nan'): a diverged loss or an empty class?)" : '';
      problems.push({ path, message: `expected a finite number, got ${value}${hint}` });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => collectProblems(item, childPath(path, index), problems));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) collectProblems(item, childPath(path, key), problems);
  } else {
    problems.push({ path, message: `expected a finite number, got ${describeValue(value)}` });
  }
}

/**
 * Checks that a parsed metrics document is an object whose leaves are finite
 * numbers (nested objects and arrays allowed). The error names the file, the
 * line and column of the first bad value, and its JSON path.
 */
export function validateMetrics(value: unknown, file: string, positions?: ReadonlyMap<string, Position>): Metrics {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError({ file, ...positions?.get('$') }, `metrics must be a JSON object of numbers, got ${describeValue(value)}`);
  }
  const problems: Problem[] = [];
  collectProblems(value, '$', problems);
  if (problems.length === 0) return value as Metrics;
  const [first, ...rest] = problems;
  const others = rest.slice(0, 4).map((problem) => {
    const where = positions?.get(problem.path);
    return `\n  ${where ? `${where.line}:${where.column}: ` : ''}${problem.path}: ${problem.message}`;
  });
  const omitted = rest.length > 4 ? `\n  (and ${rest.length - 4} more)` : '';
  throw new InputError({ file, ...positions?.get(first.path) }, `${first.path}: ${first.message}${others.join('')}${omitted}`);
}

/**
 * Reads and validates a metrics file. `NaN` and `Infinity` tokens are read so
 * the error can point at them (they are not JSON, but Python writes them).
 * @param label the path shown in errors.
 */
export async function readMetrics(path: string, label: string = path): Promise<Metrics> {
  const text = await readTextFile(path, label, 'metrics file: ');
  const parsed = parseJsonLocated(text, label, { allowNonFinite: true });
  return validateMetrics(parsed.value, label, parsed.positions);
}

/** Metrics as `[path, value]` pairs in document order, paths dotted (`validation.auc`, `folds[0]`). */
export function flattenMetrics(metrics: Metrics): Array<[string, number]> {
  const pairs: Array<[string, number]> = [];
  const visit = (value: MetricValue, path: string) => {
    if (typeof value === 'number') pairs.push([path, value]);
    else if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${path}[${index}]`));
    else for (const [key, item] of Object.entries(value)) visit(item, path === '' ? key : `${path}.${key}`);
  };
  visit(metrics, '');
  return pairs;
}
