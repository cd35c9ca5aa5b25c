/**
 * `/accept` on a drift issue: a pull request that stores the current data's
 * profile (uploaded by the drift run as `current-profile.json` beside
 * `drift-report.json`) as the model's new drift reference, for review. The
 * bot never changes the reference by itself; people merge the pull request.
 */
import { statusOf, toGitHubApiError } from '../../shared/github/failure.js';
import { baselinePath, incidentKey } from '../../shared/incidents/index.js';
import { parseProfile, profileToJSON } from '../../shared/profile/index.js';
import { isUserFacing } from '../../shared/errors/index.js';
import { codeSpan, escapeMarkdown } from '../../shared/report/index.js';
import type { Delivery } from '../delivery.js';
import { commitFiles, defaultBranchHead, setBranch } from '../github/git-data.js';
import { openPromotionPulls, openPull } from '../github/pulls.js';
import type { IncidentSettings } from './config.js';
import { driftRunOf, readRunReports, type DriftRun } from './runs.js';
import { untrustedRunReason } from './trusted-run.js';

/** The artifact file holding the current data's profile. */
export const CURRENT_PROFILE_FILE = 'current-profile.json';
/** Branches of re-baselining pull requests start with this. */
export const REBASELINE_PREFIX = 'tollgate/rebaseline/';

/** What `/accept` did. */
export type RebaselineResult = { status: 'opened' | 'updated'; number: number; url: string; path: string } | { status: 'refused'; reason: string };

/** The branch of a model and stage's re-baselining pull request. */
export function rebaselineBranch(model: string, stage: string): string {
  return `${REBASELINE_PREFIX}${model.replace(/:/g, '/')}/${stage}`;
}

async function fetchRun(delivery: Delivery, runId: number): Promise<DriftRun | null> {
  const { client, owner, repo } = delivery;
  try {
    const { data } = await client.rest.actions.getWorkflowRun({ owner, repo, run_id: runId });
    return driftRunOf(data);
  } catch (error) {
    if (statusOf(error) === 404) return null;
    toGitHubApiError(error, `reading workflow run ${runId}`, 'actions: read');
  }
}

/** Opens (or refreshes) the pull request that makes run `runId`'s current profile the reference of `model` in `stage`. */
export async function openRebaselinePull(
  delivery: Delivery,
  request: { model: string; stage: string; check: string; runId: number; issue: number; requestedBy: string; settings: IncidentSettings },
): Promise<RebaselineResult> {
  const run = await fetchRun(delivery, request.runId);
  if (!run) return { status: 'refused', reason: `workflow run ${request.runId} no longer exists` };
  const untrusted = untrustedRunReason(run, delivery.owner, delivery.repo);
  if (untrusted !== null) return { status: 'refused', reason: untrusted };
  const key = incidentKey(request.model, request.stage, request.check);
  const reports = await readRunReports(delivery, run, request.settings, [CURRENT_PROFILE_FILE]);
  const read = reports.find((entry) => entry.ok && entry.key === key);
  if (!read || !read.ok) {
    const failed = reports.find((entry) => !entry.ok);
    return { status: 'refused', reason: failed ? failed.message : `workflow run ${request.runId} has no drift report for ${request.model} in ${request.stage}` };
  }
  const raw = read.extras.get(CURRENT_PROFILE_FILE);
  if (raw === undefined) {
    return { status: 'refused', reason: `workflow run ${request.runId} did not upload ${CURRENT_PROFILE_FILE} in its '${read.artifact.name}' artifact, so there is no current profile to accept` };
  }
  let text: string;
  try {
    text = profileToJSON(parseProfile(raw, CURRENT_PROFILE_FILE), { pretty: true });
  } catch (error) {
    if (isUserFacing(error)) return { status: 'refused', reason: error.message };
    throw error;
  }

  const path = baselinePath(request.settings.incidents, request.model, request.stage);
  const head = await defaultBranchHead(delivery);
  const branch = rebaselineBranch(request.model, request.stage);
  const message = `Accept the current data as the drift reference of ${request.model} (${request.stage})\n\nFrom workflow run ${request.runId}, requested by @${request.requestedBy} on #${request.issue}.`;
  const commit = await commitFiles(delivery, head.sha, [{ path, content: text }], message);
  await setBranch(delivery, branch, commit);
  const existing = (await openPromotionPulls(delivery, branch)).find((pull) => pull.headRef === branch);
  if (existing) return { status: 'updated', number: existing.number, url: existing.url, path };
  const body = [
    `Stores the profile of the data checked by ${run.url ? `[workflow run ${run.id}](${run.url})` : `workflow run ${run.id}`} as the new drift reference of ${codeSpan(request.model)} in ${codeSpan(request.stage)}: ${codeSpan(path)}.`,
    '',
    `Requested by @${request.requestedBy.replace(/[^A-Za-z0-9-]/g, '')} with ${codeSpan('/accept')} on #${request.issue}. Merge it if the change in the data is expected; the drift checks then compare against it, and #${request.issue} closes itself after the configured number of clean runs.`,
    '',
    `<sub>${escapeMarkdown(`${read.report.rows.current} rows; ${read.report.columns.length} columns checked.`)}</sub>`,
  ].join('\n');
  const opened = await openPull(delivery, { head: branch, base: head.branch, title: `Accept the current data as the drift reference of ${request.model} (${request.stage})`, body });
  return { status: 'opened', number: opened.number, url: opened.url, path };
}
