/**
 * What a promotion shows and records about its candidate: the release's
 * evaluation (against the champion at registration), lineage and model card.
 * Read from the version's release assets, which never change once uploaded.
 */
import { digestJson, formatTagName, dataFingerprintOf } from '../../shared/registry/index.js';
import type { EvidenceMetric, PromotionEvidence } from '../../shared/report/index.js';
import type { Delivery } from '../delivery.js';
import { fetchRelease, readJsonAsset, type ReleaseInfo } from '../github/releases.js';

/** The evaluation facts an audit record carries. */
export interface EvaluationDigest {
  digest: string | null;
  decision: string | null;
}

/** Everything read from the candidate's release. */
export interface CandidateEvidence {
  release: ReleaseInfo | null;
  evaluation: PromotionEvidence['evaluation'];
  evaluationDigest: EvaluationDigest;
  lineage: PromotionEvidence['lineage'];
  modelCardUrl: string | null;
}

const NO_EVALUATION: EvaluationDigest = { digest: null, decision: null };

function evaluationKey(delivery: Delivery, tag: string): string {
  return `evaluation:${delivery.owner}/${delivery.repo}:${tag}`;
}

/** The evaluation digest if an earlier delivery of this process read it (no request). */
export function knownEvaluation(delivery: Delivery, model: string, version: string): EvaluationDigest {
  return delivery.lasting.get<EvaluationDigest>(evaluationKey(delivery, formatTagName({ model, action: 'register', version }))) ?? NO_EVALUATION;
}

type Values = Record<string, number | null | undefined>;

function metricsOf(report: { metrics?: { challenger?: Values; champion?: Values | null } }): EvidenceMetric[] {
  const challenger = report.metrics?.challenger ?? {};
  const champion = report.metrics?.champion ?? null;
  return Object.keys(challenger)
    .sort()
    .map((name) => ({ name, candidate: challenger[name] ?? null, holder: champion?.[name] ?? null }));
}

/** Reads the candidate's release (1 request) and its evaluation and lineage assets (cached across deliveries). */
export async function loadEvidence(delivery: Delivery, model: string, version: string): Promise<CandidateEvidence> {
  const tag = formatTagName({ model, action: 'register', version });
  const release = await fetchRelease(delivery, tag);
  if (!release) return { release: null, evaluation: null, evaluationDigest: NO_EVALUATION, lineage: null, modelCardUrl: null };
  const [evaluationValue, lineageValue] = await Promise.all([readJsonAsset(delivery, release, 'evaluation.json'), readJsonAsset(delivery, release, 'lineage.json')]);

  let evaluation: PromotionEvidence['evaluation'] = null;
  let evaluationDigest = NO_EVALUATION;
  const report = evaluationValue as { decision?: unknown; reasons?: unknown; metrics?: { challenger?: Values; champion?: Values | null } } | null;
  if (report && typeof report === 'object' && typeof report.decision === 'string') {
    const reasons = Array.isArray(report.reasons) ? report.reasons.filter((reason): reason is string => typeof reason === 'string') : [];
    evaluation = { decision: report.decision, reasons, metrics: metricsOf(report), reportUrl: release.assets.find((asset) => asset.name === 'evaluation.json')?.url ?? null };
    evaluationDigest = { digest: digestJson(report), decision: report.decision };
    delivery.lasting.set(evaluationKey(delivery, tag), evaluationDigest);
  }

  const lineageDoc = lineageValue as { git?: { commit?: unknown }; run_url?: unknown } | null;
  const lineage: PromotionEvidence['lineage'] = lineageDoc && typeof lineageDoc === 'object'
    ? {
      sourceCommit: typeof lineageDoc.git?.commit === 'string' ? lineageDoc.git.commit : null,
      dataFingerprint: dataFingerprintOf(lineageDoc) ?? null,
      trainingRunUrl: typeof lineageDoc.run_url === 'string' ? lineageDoc.run_url : null,
    }
    : null;
  const card = release.assets.find((asset) => asset.name === 'model-card.md');
  return { release, evaluation, evaluationDigest, lineage, modelCardUrl: card?.url ?? release.url };
}
