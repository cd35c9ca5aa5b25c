/**
 * One full pass over a promotion pull request, run on every event that can
 * change it: decide from scratch, show the decision, and act on it — finish
 * a merged promotion, or merge an approved one when its policy says
 * `auto_merge: true`.
 */
import type { Delivery } from '../delivery.js';
import { completePromotion } from '../merge.js';
import { mergePull, openPromotionPulls } from '../github/pulls.js';
import { auditOf, decidePromotion, type DecideOptions, type PromotionDecision } from './decide.js';
import { publishDecision } from './publish.js';
import { BRANCH_PREFIX, promotionBranchPrefix } from './files.js';
import { modelNameToTag } from '../../shared/registry/index.js';
import { writePromotionCheck } from '../github/promotion-check.js';
import { loginKey } from '../../shared/promotion/index.js';
import { escapeMarkdown } from '../../shared/report/index.js';
import { deployStageTag } from './stage-writer.js';

/** Recomputes and publishes the promotion of pull request `number`; null when it is not a promotion. */
export async function refreshPromotion(delivery: Delivery, number: number, options: DecideOptions = {}): Promise<PromotionDecision | null> {
  const decision = await decidePromotion(delivery, number, options);
  if (!decision.state) {
    if (decision.markerError) {
      delivery.log.warn(`#${number}: ${decision.markerError}`);
      await failDamagedPromotion(delivery, decision);
    }
    return null;
  }
  const pull = decision.facts.pullRequest;
  if (pull.merged && decision.state.policyMet && !decision.stageTag) return (await completePromotion(delivery, decision)).decision;
  if (pull.merged && decision.stageTag) {
    // Done before; a writer that stopped between the tag and its deployment is finished here.
    const tag = decision.stageTag;
    await deployStageTag(delivery, decision.config, tag, false, { description: `${tag.model}@${tag.version} to ${tag.stage} (#${number})`, auditDigest: tag.metadata.auditDigest ?? null, pullRequest: number });
  }
  await publishDecision(delivery, decision, auditOf(delivery, decision));

  if (decision.state.state === 'approved' && decision.input?.policy?.auto_merge && pull.state === 'open') {
    const marker = decision.marker!;
    const merge = await mergePull(delivery, number, pull.headSha, delivery.settings.mergeMethod, `Promote ${marker.model}@${marker.version} to ${marker.stage} (#${number})`);
    if (!merge.merged) {
      const blockers = [{ code: 'failed' as const, message: `auto-merge failed: ${merge.reason}` }, ...decision.state.blockers];
      await publishDecision(delivery, { ...decision, state: { ...decision.state, blockers } }, auditOf(delivery, decision));
      return decision;
    }
    // Decide again from what GitHub now says: merged, at its merge time.
    delivery.forget(`timeline:${number}`);
    delivery.forget(`promotion-facts:${number}:`);
    const merged = await decidePromotion(delivery, number, { hintBody: pull.body });
    if (merged.state?.policyMet && merged.facts.pullRequest.merged && !merged.stageTag) return (await completePromotion(delivery, merged)).decision;
    if (merged.state) await publishDecision(delivery, merged, auditOf(delivery, merged));
    return merged;
  }
  return decision;
}

/**
 * A promotion pull request of the App's (its branch, its author) whose marker
 * no longer reads cannot be judged; left alone, its last check run (perhaps a
 * success) would still stand. Its check fails and says why.
 */
async function failDamagedPromotion(delivery: Delivery, decision: PromotionDecision): Promise<void> {
  const pull = decision.facts.pullRequest;
  const ours = pull.headRef.startsWith(BRANCH_PREFIX) && loginKey(pull.author.login) === loginKey(delivery.app.login);
  if (!ours || pull.state !== 'open') return;
  await writePromotionCheck(
    delivery,
    pull.headSha,
    decision.facts.checkRuns,
    {
      conclusion: 'failure',
      title: 'Promotion marker unreadable',
      summary: `The promotion marker in this pull request's description cannot be read (${escapeMarkdown(decision.markerError ?? 'damaged')}), so the promotion cannot be judged. Ask for it again with \`/promote\` to rebuild the pull request.`,
    },
    pull.url,
  );
}

/**
 * Re-judges the open promotions of `model` to stages other than `stage`, after
 * `stage` changed holder (a rollback): one of them may have just lost its
 * candidate's hold on the previous stage, and its check must not stay green
 * until its next event. (Promotions to `stage` itself are rebuilt by the caller.)
 */
export async function refreshOtherStages(delivery: Delivery, model: string, stage: string): Promise<void> {
  const own = promotionBranchPrefix(model, stage);
  for (const pull of await openPromotionPulls(delivery, `${BRANCH_PREFIX}${modelNameToTag(model)}/`)) {
    if (!pull.headRef.startsWith(own)) await refreshPromotion(delivery, pull.number, { hintBody: pull.body });
  }
}
