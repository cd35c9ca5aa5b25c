/**
 * The audit record of a promotion decision, `tollgate.promotion/v1`.
 *
 * One JSON document says who approved what, when, on which evidence and
 * under which policy. It is stored three times: its digest in the stage
 * tag's `Tollgate-Audit` trailer, the document as a release asset of the
 * version, and in a hidden block of the status comment. The digest is the
 * sha256 of the canonical JSON (keys sorted at every level, no spaces), the
 * same canonical form the registry uses for its other digests.
 */
import { z } from 'zod';
import { InputError } from '../errors/index.js';
import { formatPath } from '../config/yaml-document.js';
// The registry's leaf module (see names.ts): one canonical JSON for every Tollgate digest.
import { canonicalJson, digestJson } from '../registry/metadata.js';
import type { StagePolicy } from '../config/promotion.js';
import { PROMOTION_STATES, type PromotionState } from './state.js';
import type { PromotionInput } from './timeline.js';

export const AUDIT_SCHEMA = 'tollgate.promotion/v1';

const sha = z.string().regex(/^[0-9a-f]{7,64}$/, 'expected a hex digest or commit SHA');
const time = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 time' });
const source = {
  login: z.string().min(1),
  id: z.number().int().nonnegative(),
  source: z.enum(['comment', 'review']),
  url: z.string(),
  at: time,
};

const approvalSchema = z
  .object({ ...source, body_sha256: z.string().regex(/^[0-9a-f]{64}$/), team: z.string().nullable(), commit_id: z.string().nullable(), reason: z.string().nullable() })
  .strict();
const holdSchema = z.object({ ...source, reason: z.string().nullable(), from_review: z.boolean() }).strict();
const rejectionSchema = z.object({ ...source, reason: z.string().nullable() }).strict();
const bypassSchema = z
  .object({ ...source, body_sha256: z.string().regex(/^[0-9a-f]{64}$/), reason: z.string().nullable(), bypassed: z.array(z.enum(['approvals', 'checks', 'soak'])) })
  .strict();

/** The zod schema of an audit record: strict, so a record from a newer writer fails loudly. */
export const auditRecordSchema = z
  .object({
    schema: z.literal(AUDIT_SCHEMA),
    model: z.string().min(1),
    stage: z.string().min(1),
    pull_request: z.object({ number: z.number().int().positive(), url: z.string().nullable(), head_sha: z.string().min(1) }).strict(),
    candidate: z
      .object({
        version: z.string().min(1),
        commit: z.string().min(1),
        artifact_digest: z.string().nullable(),
        training_run: z.string().nullable(),
        trained_by: z.string().nullable(),
        registered_by: z.string().nullable(),
      })
      .strict(),
    previous_holder: z.object({ version: z.string().min(1), commit: z.string().nullable() }).strict().nullable(),
    evaluation: z.object({ digest: z.string().nullable(), decision: z.string().nullable() }).strict(),
    policy: z
      .object({
        blob_sha: sha.nullable(),
        approvers: z.array(z.string()),
        required: z.number().int().min(1),
        soak: z.string().nullable(),
        require_checks: z.array(z.string()),
        allow_force: z.boolean(),
        auto_merge: z.boolean(),
      })
      .strict()
      .nullable(),
    approvals: z.array(approvalSchema),
    holds: z.array(holdSchema),
    rejections: z.array(rejectionSchema),
    bypasses: z.array(bypassSchema),
    deliveries: z.array(z.string()),
    decision: z.object({ state: z.enum(PROMOTION_STATES), policy_met: z.boolean(), at: time }).strict(),
  })
  .strict();

export type AuditRecord = z.infer<typeof auditRecordSchema>;

/** What the decision does not know by itself. */
export interface AuditExtras {
  /** Blob SHA of `.github/tollgate.yml` on the default branch when the policy was read. */
  policyBlobSha: string | null;
  evaluation: { digest: string | null; decision: string | null };
  /**
   * Webhook deliveries (`X-GitHub-Delivery`) that led to this decision: the
   * previous record's list followed by the current delivery. It may hold the
   * previous record's `(N omitted)` entry; see `capDeliveries`.
   */
  deliveries: readonly string[];
  /** The commit of the previous holder's registration, when known. */
  previousHolderCommit?: string | null;
}

function policyOf(policy: StagePolicy | null, blobSha: string | null): AuditRecord['policy'] {
  if (policy === null) return null;
  return {
    blob_sha: blobSha,
    approvers: [...policy.approvers],
    required: policy.required,
    soak: policy.soak ?? null,
    require_checks: [...policy.require_checks],
    allow_force: policy.allow_force,
    auto_merge: policy.auto_merge,
  };
}

/** Delivery ids a record keeps from the start of the list once it is capped. */
export const DELIVERIES_KEPT_FIRST = 5;
/** Delivery ids a record keeps from the end of the list (the newest last) once it is capped. */
export const DELIVERIES_KEPT_LAST = 45;
const OMITTED = /^\((\d+) omitted\)$/;

/** The list entry that stands for `count` delivery ids left out of a capped list. */
export function omittedDeliveriesEntry(count: number): string {
  return `(${count} omitted)`;
}

/** How many delivery ids a record's list stands for (kept ids plus those its `(N omitted)` entry counts). */
export function deliveryCount(deliveries: readonly string[]): number {
  return deliveries.reduce((total, entry) => total + Number(OMITTED.exec(entry)?.[1] ?? 1), 0);
}

/**
 * The `deliveries` of a record. Every event (each 15-minute reconcile pass
 * too) appends its id, and the record lives in the status comment, which
 * GitHub caps at 65,536 characters; so the list is bounded:
 *
 * - up to `DELIVERIES_KEPT_FIRST + DELIVERIES_KEPT_LAST` ids: sorted and
 *   unique (the order deliveries arrived in is not part of the decision);
 * - beyond that: the first `DELIVERIES_KEPT_FIRST` ids of the list, one
 *   `(N omitted)` entry counting the ids dropped (it accumulates across
 *   records), then the last `DELIVERIES_KEPT_LAST` ids in arrival order, the
 *   current delivery last.
 *
 * The digest covers the list as recorded, so it stays a pure function of the
 * record.
 */
export function capDeliveries(deliveries: readonly string[]): string[] {
  let omitted = 0;
  let marker = -1;
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const entry of deliveries) {
    const match = OMITTED.exec(entry);
    if (match) {
      omitted += Number(match[1]);
      if (marker === -1) marker = ids.length;
      continue;
    }
    if (seen.has(entry)) continue;
    seen.add(entry);
    ids.push(entry);
  }
  const keep = DELIVERIES_KEPT_FIRST + DELIVERIES_KEPT_LAST;
  if (omitted === 0 && ids.length <= keep) return ids.sort();
  // The head kept by an earlier capped record stays; otherwise the list's first ids.
  const headLength = Math.min(DELIVERIES_KEPT_FIRST, marker === -1 ? DELIVERIES_KEPT_FIRST : marker);
  const head = ids.slice(0, headLength);
  const rest = ids.slice(headLength);
  const tail = rest.slice(-DELIVERIES_KEPT_LAST);
  omitted += rest.length - tail.length;
  return omitted === 0 ? [...head, ...tail] : [...head, omittedDeliveriesEntry(omitted), ...tail];
}

/** Builds the audit record of a decision. */
export function buildAuditRecord(input: PromotionInput, state: PromotionState, extras: AuditExtras): AuditRecord {
  const candidate = input.candidate;
  // The version this promotion replaces: the holder now, unless the candidate already took its place.
  const previous = input.currentHolder !== null && input.currentHolder !== candidate.version ? input.currentHolder : (input.pullRequest.marker?.holder ?? null);
  const record: AuditRecord = {
    schema: AUDIT_SCHEMA,
    model: state.model,
    stage: state.stage,
    pull_request: { number: state.pullRequest, url: input.pullRequest.htmlUrl ?? null, head_sha: state.headSha },
    candidate: {
      version: candidate.version,
      commit: candidate.commit,
      artifact_digest: candidate.artifactDigest ?? null,
      training_run: candidate.trainingRun ?? null,
      trained_by: candidate.trainedBy,
      registered_by: candidate.registeredBy,
    },
    previous_holder: previous === null ? null : { version: previous, commit: extras.previousHolderCommit ?? null },
    evaluation: { digest: extras.evaluation.digest, decision: extras.evaluation.decision },
    policy: policyOf(input.policy, extras.policyBlobSha),
    approvals: state.approvals.map((approval) => ({
      login: approval.login,
      id: approval.id,
      source: approval.source,
      url: approval.url,
      at: approval.at,
      body_sha256: approval.bodySha256,
      team: approval.team,
      commit_id: approval.commitId,
      reason: approval.reason,
    })),
    holds: state.holds.map((hold) => ({ login: hold.login, id: hold.id, source: hold.source, url: hold.url, at: hold.at, reason: hold.reason, from_review: hold.fromReview })),
    rejections: state.rejections.map((rejection) => ({ login: rejection.login, id: rejection.id, source: rejection.source, url: rejection.url, at: rejection.at, reason: rejection.reason })),
    bypasses: state.bypasses.map((bypass) => ({
      login: bypass.login,
      id: bypass.id,
      source: bypass.source,
      url: bypass.url,
      at: bypass.at,
      body_sha256: bypass.bodySha256,
      reason: bypass.reason,
      bypassed: [...bypass.bypassed],
    })),
    // Sorted and unique, and capped (see capDeliveries) so the status comment stays under GitHub's limit.
    deliveries: capDeliveries(extras.deliveries),
    decision: { state: state.state, policy_met: state.policyMet, at: state.decidedAt },
  };
  return parseAuditRecord(record);
}

/** The canonical JSON text of a record (what the digest is computed over). */
export function auditJson(record: AuditRecord): string {
  return canonicalJson(record);
}

/** `sha256:<hex>` of the record's canonical JSON: the `Tollgate-Audit` trailer. */
export function auditDigest(record: AuditRecord): string {
  return digestJson(record);
}

/** Validates an audit record (a parsed JSON value); `where` names its origin in errors. */
export function parseAuditRecord(value: unknown, where = 'audit record'): AuditRecord {
  const result = auditRecordSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue.path.length > 0 ? `${formatPath(issue.path)}: ` : '';
    throw new InputError({ file: where }, `not a ${AUDIT_SCHEMA} record: ${path}${issue.message}`);
  }
  return result.data;
}

/** Parses and validates the JSON text of an audit record. */
export function parseAuditJson(text: string, where = 'audit record'): AuditRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError({ file: where }, `not JSON: ${(error as Error).message}`, { cause: error });
  }
  return parseAuditRecord(value, where);
}
