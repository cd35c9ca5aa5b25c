/**
 * GitHub Deployments for stage changes: one per stage tag, to the
 * environment named after the stage, so environment protection, deployment
 * workflows and the repository's Environments page all see the promotion.
 */
import { toGitHubApiError } from '../../shared/github/failure.js';
import type { Delivery } from '../delivery.js';

/** What a deployment records about its stage tag. */
export interface StageDeployment {
  tag: string;
  commit: string;
  environment: string;
  model: string;
  version: string;
  production: boolean;
  auditDigest?: string | null;
  pullRequest?: number | null;
  /** Why it happened (promotion, rollback). */
  description: string;
}

/** The deployment already made for `tag`, if any. */
export async function findDeployment(delivery: Delivery, commit: string, environment: string, tag: string): Promise<{ id: number; url: string } | null> {
  const { client, owner, repo } = delivery;
  try {
    const list = await client.paginate(client.rest.repos.listDeployments, { owner, repo, sha: commit, environment, per_page: 100 });
    const found = list.find((deployment) => (deployment.payload as { tag?: unknown } | null)?.tag === tag);
    return found ? { id: found.id, url: found.url } : null;
  } catch (error) {
    toGitHubApiError(error, `listing deployments to ${environment}`, 'deployments: read');
  }
}

/** Creates the deployment of a stage tag. */
export async function createDeployment(delivery: Delivery, deployment: StageDeployment): Promise<{ id: number; url: string }> {
  const { client, owner, repo } = delivery;
  try {
    const { data } = await client.rest.repos.createDeployment({
      owner,
      repo,
      ref: deployment.commit,
      environment: deployment.environment,
      description: deployment.description.slice(0, 140),
      auto_merge: false,
      // The stage tag is the decision; commit statuses were the promotion's business.
      required_contexts: [],
      production_environment: deployment.production,
      transient_environment: false,
      task: 'deploy',
      payload: {
        tag: deployment.tag,
        model: deployment.model,
        version: deployment.version,
        stage: deployment.environment,
        audit_digest: deployment.auditDigest ?? null,
        pull_request: deployment.pullRequest ?? null,
      },
    });
    if (!('id' in data)) throw Object.assign(new Error(String((data as { message?: string }).message ?? 'deployment not created')), { status: 202 });
    return { id: data.id, url: data.url };
  } catch (error) {
    toGitHubApiError(error, `creating a deployment of ${deployment.tag} to ${deployment.environment}`, 'deployments: write');
  }
}
