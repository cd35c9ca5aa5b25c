/**
 * After a promotion pull request merged with its policy met: the audit
 * record (attached to the version's release before anything else, named by
 * its digest), the stage tag through the registry's compare-and-swap (with
 * the digest and the pull request in its trailers), the deployment, and the
 * final status comment.
 *
 * Idempotent: the decision is recomputed from the timeline every time, and a
 * stage tag whose `Tollgate-PR` trailer names this pull request means the
 * work is done. Delivering the merge five times, or two approvals racing to
 * merge, writes one tag and one deployment.
 */
import { ConflictError, TollgateError } from '../shared/errors/index.js';
import { auditDigest, auditJson, computePromotionState, parseAuditJson, type AuditRecord, type PromotionInput } from '../shared/promotion/index.js';
import { PolicyError, RegistryError, type RegistryEvent } from '../shared/registry/index.js';
import type { Delivery } from './delivery.js';
import { attachAsset, removeAsset, downloadAsset, type ReleaseInfo } from './github/releases.js';
import { auditOf, type PromotionDecision } from './promotion/decide.js';
import { loadEvidence } from './promotion/evidence.js';
import { publishDecision } from './promotion/publish.js';
import { deployStageTag, registryFor } from './promotion/stage-writer.js';

/** The release asset holding an audit record: its digest makes every record's name unique. */
export function auditAssetName(stage: string, pullRequest: number, digest: string): string {
  return `promotion-${stage.replace(/[^A-Za-z0-9_-]+/g, '-')}-pr${pullRequest}-${digest.replace(/^sha256:/, '').slice(0, 16)}.json`;
}

/** What the merge step concluded. */
export interface MergeOutcome {
  decision: PromotionDecision;
  tag: string | null;
  created: boolean;
  deployment: { id: number; url: string } | null;
  error: string | null;
}

function withOutcome(decision: PromotionDecision, outcome: NonNullable<PromotionInput['outcome']>): PromotionDecision {
  const input = { ...decision.input!, outcome };
  return { ...decision, input, state: computePromotionState(input) };
}

async function readWinnerAudit(delivery: Delivery, tag: RegistryEvent, stage: string, pullRequest: number, release: ReleaseInfo | null): Promise<AuditRecord | undefined> {
  const digest = tag.metadata.auditDigest;
  const asset = digest && release ? release.assets.find((candidate) => candidate.name === auditAssetName(stage, pullRequest, digest)) : undefined;
  if (!asset) return undefined;
  const bytes = await downloadAsset(delivery, asset);
  try {
    return bytes ? parseAuditJson(bytes.toString('utf8'), asset.name) : undefined;
  } catch {
    return undefined;
  }
}

/** Completes a merged promotion whose policy is met (a decision with no stage tag yet). */
export async function completePromotion(delivery: Delivery, decision: PromotionDecision): Promise<MergeOutcome> {
  const { marker, state, number } = decision;
  if (!marker || !state || !decision.input) throw new TollgateError(`pull request #${number} is not a promotion`);
  const evidence = await loadEvidence(delivery, marker.model, marker.version);
  const audit = auditOf(delivery, decision, evidence.evaluationDigest)!;
  const digest = auditDigest(audit);
  const assetName = auditAssetName(marker.stage, number, digest);
  const release = evidence.release;

  let tag: RegistryEvent;
  let created: boolean;
  let deployment: { id: number; url: string } | null = null;
  try {
    // The record first: a tag never names a digest whose record is missing.
    if (release) await attachAsset(delivery, release, assetName, Buffer.from(`${auditJson(audit)}\n`));
    const forced = state.bypasses.map((bypass) => `/approve --force by ${bypass.login}${bypass.reason ? `: ${bypass.reason}` : ''}`).join('; ');
    const result = await registryFor(delivery, decision.config).assign({
      model: marker.model,
      stage: marker.stage,
      version: marker.version,
      metadata: {
        pullRequest: number,
        approvers: state.approvals.map((approval) => approval.login),
        auditDigest: digest,
        ...(forced && { forced }),
      },
    });
    tag = result.event;
    created = result.created;
    // Not ours: the candidate already held the stage through another tag (another pull request, or by hand).
    const ours = created || tag.metadata.pullRequest === number;
    if (!created && release && tag.metadata.auditDigest !== digest) await removeAsset(delivery, release, assetName);
    if (ours) {
      deployment = await deployStageTag(delivery, decision.config, tag, created, {
        description: `${marker.model}@${marker.version} to ${marker.stage} (#${number})`,
        auditDigest: tag.metadata.auditDigest ?? digest,
        pullRequest: number,
      });
    }
  } catch (error) {
    if (!(error instanceof TollgateError)) throw error;
    const reason =
      error instanceof PolicyError || error instanceof RegistryError
        ? error.message
        : error instanceof ConflictError
          ? `${error.message} (comment /status to try again)`
          : error.message;
    const failed = withOutcome(decision, { status: 'failed', error: reason });
    await publishDecision(delivery, failed, audit);
    return { decision: failed, tag: null, created: false, deployment: null, error: reason };
  }

  const done = withOutcome(decision, { status: 'promoted', tag: tag.tag });
  const shown = created || tag.metadata.auditDigest === digest ? audit : await readWinnerAudit(delivery, tag, marker.stage, number, release);
  await publishDecision(delivery, done, shown);
  return { decision: done, tag: tag.tag, created, deployment, error: null };
}
