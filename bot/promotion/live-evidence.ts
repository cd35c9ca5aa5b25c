/**
 * Live evidence for a stage gate: a stage policy with `evidence:` (shadow,
 * canary) is not met until the candidate's evidence records meet it.
 *
 * Where the records come from: the candidate's release (`<model>@<version>`)
 * assets named `evidence-*.json`, each one `tollgate.evidence/v1` record (what
 * `tollgate shadow` / `tollgate canary` write with `evidenceRecord`). The
 * release is already read for the evaluation, so this costs one download per
 * new asset and nothing per delivery after that (assets never change). A
 * release asset, unlike a file on the pull request's branch, cannot be pushed
 * by whoever can push to the branch.
 */
import { evidenceMet, EVIDENCE_SCHEMA, type EvidenceRecord, type EvidencePolicy, type EvidenceStatus } from '../../shared/monitor/index.js';
import type { PromotionState } from '../../shared/promotion/index.js';
import { formatTagName } from '../../shared/registry/index.js';
import { evidenceMarkdown } from '../../shared/report/monitor.js';
import type { Delivery } from '../delivery.js';
import { fetchRelease, readJsonAsset } from '../github/releases.js';

/** Release assets holding evidence records: `evidence-shadow.json`, `evidence-canary-2024-06-01.json`. */
export const EVIDENCE_ASSET = /^evidence-[A-Za-z0-9._-]{1,100}\.json$/;

/** Most evidence assets read per candidate. */
const MAX_EVIDENCE_ASSETS = 50;

/** The records read, and the assets that were not records (with why). */
export interface LiveEvidence {
  records: EvidenceRecord[];
  problems: string[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const nullableString = (value: unknown) => value === null || typeof value === 'string';

/** Why a value is not an evidence record the judge can read, or null when it is one. */
export function evidenceProblem(value: unknown): string | null {
  if (!isObject(value)) return 'not a JSON object';
  if (value.schema !== EVIDENCE_SCHEMA) return `its "schema" is not ${EVIDENCE_SCHEMA}`;
  if (value.kind !== 'shadow' && value.kind !== 'canary') return '"kind" is neither shadow nor canary';
  if (typeof value.generated_at !== 'string' || !Number.isFinite(Date.parse(value.generated_at))) return '"generated_at" is not an ISO 8601 time';
  if (!nullableString(value.model) || !nullableString(value.candidate) || !nullableString(value.baseline)) return '"model", "candidate" and "baseline" must be strings or null';
  if (!isObject(value.figures)) return '"figures" is not an object';
  return null;
}

/** The evidence records of `model@version` from its release. */
export async function loadLiveEvidence(delivery: Delivery, model: string, version: string): Promise<LiveEvidence> {
  const release = await fetchRelease(delivery, formatTagName({ model, action: 'register', version }));
  const evidence: LiveEvidence = { records: [], problems: [] };
  if (!release) return evidence;
  const assets = release.assets.filter((asset) => EVIDENCE_ASSET.test(asset.name)).slice(0, MAX_EVIDENCE_ASSETS);
  for (const asset of assets) {
    const value = await readJsonAsset(delivery, release, asset.name);
    const problem = value === null ? 'not JSON, or too large' : evidenceProblem(value);
    if (problem) evidence.problems.push(`${asset.name}: ${problem}`);
    else evidence.records.push(value as EvidenceRecord);
  }
  return evidence;
}

/** Judges the records against the policy; figures that do not hold together are a status that is not met, never a crash. */
export function judgeEvidence(policy: EvidencePolicy, evidence: LiveEvidence, candidate: { model: string; version: string }): EvidenceStatus {
  try {
    return evidenceMet(policy, evidence.records, { model: candidate.model, candidate: candidate.version });
  } catch (error) {
    const reason = `the evidence records could not be judged: ${(error as Error).message}`;
    const requirements = (['shadow', 'canary'] as const)
      .filter((kind) => policy[kind] !== undefined)
      .map((kind) => ({ kind, met: false, verdict: null, evidence: null, reasons: [reason] }));
    return { met: false, requirements, summary: requirements.map((requirement) => `${requirement.kind}: not met: ${reason}`) };
  }
}

/**
 * A promotion whose stage requires live evidence that is not met: the policy
 * is not met and an `evidence` blocker says what is missing. An open pull
 * request that was `approved` falls back to `awaiting-approval`; one merged
 * anyway (the check ignored) fails like any merge without the policy met, so
 * no stage tag is written.
 */
export function blockOnEvidence(state: PromotionState, status: EvidenceStatus, problems: readonly string[] = [], merged = false): PromotionState {
  if (status.met) return state;
  const missing = status.requirements.filter((requirement) => !requirement.met).map((requirement) => `${requirement.kind} (${requirement.reasons[0] ?? 'not met'})`);
  const ignored = problems.length > 0 ? `; ignored: ${problems.slice(0, 3).join('; ')}` : '';
  const blocker = { code: 'evidence' as const, message: `live evidence required by the ${state.stage} policy is not met: ${missing.join(', ')}${ignored}` };
  if (merged) {
    const unmet = state.blockers.some((entry) => entry.code === 'merged-unmet') ? [] : [{ code: 'merged-unmet' as const, message: 'merged without the policy met: no stage tag is written' }];
    return { ...state, policyMet: false, state: 'failed', blockers: [...unmet, ...state.blockers, blocker] };
  }
  return { ...state, policyMet: false, state: state.state === 'approved' ? 'awaiting-approval' : state.state, blockers: [...state.blockers, blocker] };
}

/** The live-evidence section of the status comment. */
export function evidenceSection(status: EvidenceStatus): string {
  const table = evidenceMarkdown(status);
  return table ? `**Live evidence**\n\n${table}` : '';
}
