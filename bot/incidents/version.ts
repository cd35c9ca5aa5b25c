/**
 * Which version holds a stage, for the verdict and its links to the
 * release and the reference profile. Read from the registry's tags (two
 * requests for a model with up to 100 tags), once per delivery. A failure
 * only costs the links: the issue is still written.
 */
import { GitHubBackend, Registry } from '../../shared/registry/index.js';
import type { Delivery } from '../delivery.js';

/** The version in `stage` (`v1.4.0`), or null when there is none or it cannot be read. */
export function stageVersion(delivery: Delivery, model: string, stage: string): Promise<string | null> {
  return delivery.memo(`stage-version:${model}#${stage}`, async () => {
    try {
      const registry = new Registry({ backend: new GitHubBackend({ client: delivery.client, owner: delivery.owner, repo: delivery.repo }) });
      return (await registry.resolve(model, stage))?.version.version ?? null;
    } catch (error) {
      delivery.log.warn(`could not resolve ${model} in ${stage}: ${(error as Error).message}`);
      return null;
    }
  });
}
