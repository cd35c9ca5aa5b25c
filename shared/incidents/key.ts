/**
 * How a drift issue is found again: one issue per model + stage + check,
 * carrying labels the issues list API filters on (never the search API, which
 * lags and duplicates) and a hidden key marker that tells issues with the
 * same labels apart.
 */
import { UsageError } from '../errors/index.js';
import { hiddenMarker } from '../report/markdown.js';
import { isModelVersion, isStageName, normalizeModelName } from '../promotion/names.js';

/** Every drift issue carries this label. */
export const DRIFT_LABEL = 'tollgate:drift';
/** A person adds this label to stop the bot's comments (state changes still happen). */
export const QUIET_LABEL = 'quiet';
/** The severity labels; an issue carries the one of its latest failing run. */
export const SEVERITY_LABELS = { warn: 'severity:warn', alert: 'severity:alert' } as const;
/** The check name used when a run names none. */
export const DEFAULT_CHECK = 'drift';

const CHECK_NAME = /^[a-z0-9][a-z0-9._-]{0,59}$/;
const KEY_PREFIX = 'drift#';

/** What an incident is about. */
export interface IncidentKeyParts {
  /** Registry name (`churn`, or `models/churn:churn` in a monorepo). */
  model: string;
  stage: string;
  /** Which drift check (several checks may watch one model and stage). */
  check: string;
}

/** The label naming a model, e.g. `model:churn`. */
export function modelLabel(model: string): string {
  return `model:${model}`;
}

/**
 * A check name from free text (a workflow file name, say): lower case, runs of
 * other characters folded to `-`, at most 60 characters; `drift` when nothing is left.
 */
export function checkNameOf(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/\.ya?ml$/, '')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
    .slice(0, 60)
    .replace(/[^a-z0-9]+$/, '');
  return slug === '' ? DEFAULT_CHECK : slug;
}

/**
 * The key of one incident: `drift#<model>#<stage>#<check>`. `#` cannot occur
 * in model or stage names (GTO uses it as the tag separator), so the key
 * splits back unambiguously and fits the hidden marker's alphabet.
 */
export function incidentKey(model: string, stage: string, check: string = DEFAULT_CHECK): string {
  const name = normalizeModelName(model);
  if (name === undefined || name !== model) throw new UsageError(`'${model}' is not a model name (letters, digits, '-', '_' and '/')`);
  if (!isStageName(stage)) throw new UsageError(`'${stage}' is not a stage name (letters, digits, '-', '_' and '/')`);
  if (!CHECK_NAME.test(check)) throw new UsageError(`'${check}' is not a check name (lower-case letters, digits, '.', '_' and '-', at most 60)`);
  return `${KEY_PREFIX}${model}#${stage}#${check}`;
}

/** The parts of a key; undefined when the text is not a well-formed key. */
export function parseIncidentKey(key: string): IncidentKeyParts | undefined {
  if (!key.startsWith(KEY_PREFIX)) return undefined;
  const parts = key.slice(KEY_PREFIX.length).split('#');
  if (parts.length !== 3) return undefined;
  const [model, stage, check] = parts;
  try {
    return incidentKey(model, stage, check) === key ? { model, stage, check } : undefined;
  } catch {
    return undefined;
  }
}

/** The hidden marker that identifies an incident's issue: `<!-- tollgate:drift#churn#production#drift -->`. */
export function incidentMarker(key: string): string {
  return hiddenMarker(key);
}

const MARKER_PATTERN = /<!-- tollgate:(drift#[A-Za-z0-9:._/@=-]+#[A-Za-z0-9._/-]+#[a-z0-9._-]+) -->/;

/** The incident key an issue body carries, or undefined (the first well-formed marker counts). */
export function incidentKeyOf(body: string | null | undefined): string | undefined {
  const match = MARKER_PATTERN.exec(body ?? '');
  return match && parseIncidentKey(match[1]) ? match[1] : undefined;
}

/** The labels a drift issue is created with. */
export function incidentLabels(model: string, severity: 'warn' | 'alert'): string[] {
  return [DRIFT_LABEL, modelLabel(model), SEVERITY_LABELS[severity]];
}

/** `churn@v1.4.0`, or just the model when the version is unknown. */
export function modelRef(model: string, version: string | null | undefined): string {
  return version && isModelVersion(version) ? `${model}@${version}` : model;
}
