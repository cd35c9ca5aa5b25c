/**
 * The `Tollgate-*` trailers Tollgate writes, as a typed record.
 */
import { createHash } from 'node:crypto';
import { trailerValues, type Trailer } from './message.js';

/** What Tollgate records about an event in its tag message. */
export interface TagMetadata {
  /** The workflow run that wrote the tag. */
  runUrl?: string;
  /** The pull request the version or promotion came from. */
  pullRequest?: number;
  /** The source commit the model was trained from. */
  sourceCommit?: string;
  /** Fingerprint of the training data (lineage). */
  dataFingerprint?: string;
  /** `sha256:<hex>` of the canonical metrics JSON. */
  metricsDigest?: string;
  /** The challenger's lead over the champion, as text (`auc +0.012`). */
  championDelta?: string;
  /** Logins whose approval allowed the promotion. */
  approvers?: string[];
  /** Why a policy check was bypassed; present only on forced writes. */
  forced?: string;
  /** The version a rollback replaced. */
  rollbackFrom?: string;
  /** `sha256:<hex>` of the audit record. */
  auditDigest?: string;
  /** Further `Tollgate-*` trailers, written after the known ones. */
  extra?: Trailer[];
}

const SINGLE_FIELDS = [
  ['runUrl', 'Tollgate-Run'],
  ['pullRequest', 'Tollgate-PR'],
  ['sourceCommit', 'Tollgate-Commit'],
  ['dataFingerprint', 'Tollgate-Data'],
  ['metricsDigest', 'Tollgate-Metrics'],
  ['championDelta', 'Tollgate-Champion-Delta'],
] as const;
const APPROVERS_KEY = 'Tollgate-Approved-By';
const TAIL_FIELDS = [
  ['forced', 'Tollgate-Forced'],
  ['rollbackFrom', 'Tollgate-Rollback-From'],
  ['auditDigest', 'Tollgate-Audit'],
] as const;
const KNOWN_KEYS = new Set<string>([...SINGLE_FIELDS, ...TAIL_FIELDS].map(([, key]) => key.toLowerCase()).concat(APPROVERS_KEY.toLowerCase()));

/** Metadata -> trailers, in a fixed order (so equal metadata gives equal bytes). */
export function metadataToTrailers(metadata: TagMetadata): Trailer[] {
  const trailers: Trailer[] = [];
  for (const [field, key] of SINGLE_FIELDS) {
    const value = metadata[field];
    if (value !== undefined && String(value).trim() !== '') trailers.push({ key, value: String(value) });
  }
  for (const login of metadata.approvers ?? []) trailers.push({ key: APPROVERS_KEY, value: login });
  for (const [field, key] of TAIL_FIELDS) {
    const value = metadata[field];
    if (value !== undefined && value.trim() !== '') trailers.push({ key, value });
  }
  for (const trailer of metadata.extra ?? []) trailers.push(trailer);
  return trailers;
}

/** Trailers -> metadata; trailers that are not `Tollgate-*` are ignored. */
export function trailersToMetadata(trailers: readonly Trailer[]): TagMetadata {
  const metadata: TagMetadata = {};
  for (const [field, key] of SINGLE_FIELDS) {
    const value = trailerValues(trailers, key).at(-1);
    if (value === undefined) continue;
    if (field === 'pullRequest') {
      const number = Number(value.replace(/^#/, ''));
      if (Number.isSafeInteger(number)) metadata.pullRequest = number;
    } else {
      metadata[field] = value;
    }
  }
  const approvers = trailerValues(trailers, APPROVERS_KEY);
  if (approvers.length > 0) metadata.approvers = approvers;
  for (const [field, key] of TAIL_FIELDS) {
    const value = trailerValues(trailers, key).at(-1);
    if (value !== undefined) metadata[field] = value;
  }
  const extra = trailers.filter((trailer) => /^tollgate-/i.test(trailer.key) && !KNOWN_KEYS.has(trailer.key.toLowerCase()));
  if (extra.length > 0) metadata.extra = extra;
  return metadata;
}

/** JSON with object keys sorted at every level: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(item).sort()) sorted[key] = (item as Record<string, unknown>)[key];
    return sorted;
  });
}

/** `sha256:<hex>` of a value's canonical JSON (the digest written to `Tollgate-Metrics`). */
export function digestJson(value: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(value)).digest('hex')}`;
}
