/**
 * Writing stage changes: the registry over the GitHub API (its
 * compare-and-swap makes two racing writers produce one tag and one clear
 * conflict), and the deployment that goes with each stage tag.
 *
 * Exactly one deployment per tag: the writer that created the tag creates
 * it. A writer that found the tag already there (a redelivery, or the loser
 * of a race) creates it only when it is missing and the tag is old enough
 * that its writer cannot still be about to.
 */
import type { ModelsConfig } from '../../shared/config/models.js';
import { GitHubBackend, Registry, type RegistryEvent } from '../../shared/registry/index.js';
import type { Delivery } from '../delivery.js';
import { championStage, type ConfigRead } from '../config.js';
import { createDeployment, findDeployment } from '../github/deployments.js';

/** The registry of the delivery's repository, writing tags as the App. */
export function registryFor(delivery: Delivery, config: ConfigRead): Registry {
  const backend = new GitHubBackend({
    client: delivery.client,
    owner: delivery.owner,
    repo: delivery.repo,
    tagger: { name: delivery.app.login, email: `${delivery.app.login}@users.noreply.github.com` },
  });
  const models: ModelsConfig | undefined = config.ok ? config.config.models : undefined;
  return new Registry({ backend, models, now: () => Math.floor(delivery.settings.now().getTime() / 1000) });
}

/** Ensures the deployment of a stage tag (see the module comment for who creates it). */
export async function deployStageTag(
  delivery: Delivery,
  config: ConfigRead,
  event: RegistryEvent,
  created: boolean,
  details: { description: string; auditDigest?: string | null; pullRequest?: number | null },
): Promise<{ id: number; url: string } | null> {
  const stage = event.stage!;
  const request = {
    tag: event.tag,
    commit: event.commit,
    environment: stage,
    model: event.model,
    version: event.version ?? event.commit,
    production: stage === championStage(config, event.model),
    ...details,
  };
  if (created) return createDeployment(delivery, request);
  const existing = await findDeployment(delivery, event.commit, stage, event.tag);
  if (existing) return existing;
  const ageMs = delivery.settings.now().getTime() - event.date * 1000;
  if (ageMs < delivery.settings.deploymentRepairAfterMs) return null;
  delivery.log.warn(`stage tag ${event.tag} has no deployment: creating it`);
  return createDeployment(delivery, request);
}
