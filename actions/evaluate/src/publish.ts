/** Where the report goes on a pull request: one comment per model, edited in place, and a check run. */
import * as core from '@actions/core';
import { GitHubApiError } from '../../../shared/errors/index.js';
import type { EvaluationReport } from '../../../shared/evaluate/index.js';
import { createCheckRun } from '../../../shared/github/check-run.js';
import type { GitHubClient } from '../../../shared/github/client.js';
import { upsertComment } from '../../../shared/github/upsert-comment.js';
import { tokenLogin } from '../../../shared/github/token-login.js';
import { evaluationTitle } from '../../../shared/report/evaluation.js';
import type { RunContext } from './context.js';

export interface PublishRequest {
  client: GitHubClient;
  context: RunContext & { pullRequest: NonNullable<RunContext['pullRequest']> };
  report: EvaluationReport;
  markdown: string;
  model: string | undefined;
  checkName: string;
}

/** The marker key of a model's evaluation comment. */
export function commentKey(model: string | undefined): string {
  return `evaluation:${model ?? 'default'}`;
}

/**
 * Posts (or edits) the comment and creates the check run. A token that may
 * not write (pull requests from forks) costs a warning, not the evaluation.
 */
export async function publishToPullRequest(request: PublishRequest): Promise<{ commentUrl?: string }> {
  const { client, context, report, markdown } = request;
  const result: { commentUrl?: string } = {};
  const tolerate = async (what: string, action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      if (error instanceof GitHubApiError && (error.status === 403 || error.status === 404)) core.warning(`Could not ${what}: ${error.message}`);
      else throw error;
    }
  };
  await tolerate('comment on the pull request', async () => {
    // A personal token comments as its user, whose comment is the one to edit; other tokens comment as bots.
    const author = await tokenLogin(client);
    const comment = await upsertComment(client, { owner: context.owner, repo: context.repo, issueNumber: context.pullRequest.number }, commentKey(request.model), markdown, { author });
    core.info(`Pull request comment ${comment.action}: ${comment.url}`);
    result.commentUrl = comment.url;
  });
  await tolerate('create the check run', async () => {
    const check = await createCheckRun(client, {
      owner: context.owner,
      repo: context.repo,
      headSha: context.pullRequest.headSha,
      name: request.checkName,
      conclusion: report.decision === 'promote' ? 'success' : 'failure',
      output: { title: evaluationTitle(report, request.model), summary: markdown },
      detailsUrl: context.runUrl,
    });
    core.info(`Check run ${request.checkName}: ${check.url}`);
  });
  return result;
}
