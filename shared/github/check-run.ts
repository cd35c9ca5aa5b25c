/**
 * Check runs (e.g. `tollgate/evaluation`) that branch protection can require.
 * Output text is cut to GitHub's 65,535-character limits so a large report
 * never makes the call fail.
 */
import type { GitHubClient } from './client.js';
import { fitText, toGitHubApiError } from './failure.js';

/** GitHub's limit on a check run's `output.summary` and `output.text`, each. */
export const CHECK_RUN_TEXT_LIMIT = 65_535;
/** GitHub's limit on `output.title`. */
const CHECK_RUN_TITLE_LIMIT = 255;

export type CheckConclusion = 'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required';

export interface CheckRunOutput {
  title: string;
  /** Markdown. */
  summary: string;
  /** More Markdown, shown below the summary. */
  text?: string;
}

export interface CheckRunRequest {
  owner: string;
  repo: string;
  /** The commit the check belongs to (a pull request's head SHA, not the merge commit). */
  headSha: string;
  name: string;
  /** Omit for a run that is still in progress. */
  conclusion?: CheckConclusion;
  output: CheckRunOutput;
  detailsUrl?: string;
  externalId?: string;
}

export interface CheckRunResult {
  id: number;
  url: string;
}

function fitOutput(output: CheckRunOutput): CheckRunOutput {
  const fitted: CheckRunOutput = { title: fitText(output.title, CHECK_RUN_TITLE_LIMIT, '…'), summary: fitText(output.summary, CHECK_RUN_TEXT_LIMIT) };
  if (output.text !== undefined) fitted.text = fitText(output.text, CHECK_RUN_TEXT_LIMIT);
  return fitted;
}

/** Creates a check run: completed with `conclusion`, or in progress without one. */
export async function createCheckRun(client: GitHubClient, request: CheckRunRequest): Promise<CheckRunResult> {
  const completed = request.conclusion !== undefined;
  try {
    const { data } = await client.rest.checks.create({
      owner: request.owner,
      repo: request.repo,
      head_sha: request.headSha,
      name: request.name,
      status: completed ? 'completed' : 'in_progress',
      ...(completed ? { conclusion: request.conclusion, completed_at: new Date().toISOString() } : {}),
      ...(request.detailsUrl ? { details_url: request.detailsUrl } : {}),
      ...(request.externalId ? { external_id: request.externalId } : {}),
      output: fitOutput(request.output),
    });
    return { id: data.id, url: data.html_url ?? '' };
  } catch (error) {
    toGitHubApiError(error, `creating check run '${request.name}' on ${request.owner}/${request.repo}@${request.headSha.slice(0, 12)}`, 'checks: write');
  }
}

/** Updates a check run created earlier (e.g. completes an in-progress run). */
export async function updateCheckRun(
  client: GitHubClient,
  request: { owner: string; repo: string; checkRunId: number; conclusion?: CheckConclusion; output: CheckRunOutput; detailsUrl?: string },
): Promise<CheckRunResult> {
  const completed = request.conclusion !== undefined;
  try {
    const { data } = await client.rest.checks.update({
      owner: request.owner,
      repo: request.repo,
      check_run_id: request.checkRunId,
      ...(completed ? { status: 'completed' as const, conclusion: request.conclusion, completed_at: new Date().toISOString() } : {}),
      ...(request.detailsUrl ? { details_url: request.detailsUrl } : {}),
      output: fitOutput(request.output),
    });
    return { id: data.id, url: data.html_url ?? '' };
  } catch (error) {
    toGitHubApiError(error, `updating check run ${request.checkRunId} on ${request.owner}/${request.repo}`, 'checks: write');
  }
}
