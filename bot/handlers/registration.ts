/**
 * A version was registered (its `name@vX.Y.Z` tag was created or pushed, or
 * its release published): open a promotion pull request for the model's
 * first stage. The three events usually all arrive; the second and third
 * find the pull request already open. An older version than a candidate
 * already open for that stage opens nothing (logged).
 */
import { parseTagName } from '../../shared/registry/index.js';
import { modelSettings, readConfig, CONFIG_PATH } from '../config.js';
import { defaultBranchHead, readTextFile } from '../github/git-data.js';
import { openPromotion } from '../promotion/open.js';
import type { EventHandler } from '../router.js';

interface RegistrationPayload {
  ref?: string;
  ref_type?: string;
  created?: boolean;
  deleted?: boolean;
  release?: { tag_name?: string };
}

/** The tag a `create`, `push` or `release` event is about, if it is a new tag. */
export function registeredTag(event: string, received: object): string | null {
  const payload = received as RegistrationPayload;
  if (event === 'create') return payload.ref_type === 'tag' && payload.ref ? payload.ref : null;
  if (event === 'push') return payload.ref?.startsWith('refs/tags/') && payload.created && !payload.deleted ? payload.ref.slice('refs/tags/'.length) : null;
  if (event === 'release') return payload.release?.tag_name ?? null;
  return null;
}

export const registrationHandler: EventHandler = {
  name: 'registration',
  events: ['create', 'push', 'release.published'],
  async handle(context, delivery) {
    const tag = registeredTag(context.name, context.payload);
    const parsed = tag ? parseTagName(tag) : undefined;
    if (!parsed || parsed.action !== 'register' || !parsed.version) return;
    const head = await defaultBranchHead(delivery);
    const text = await readTextFile(delivery, CONFIG_PATH, head.sha);
    const config = readConfig(text === null ? null : { text, sha: '' });
    const stage = config.ok ? modelSettings(config.config, parsed.model)?.settings.stages[0] : undefined;
    if (!stage) return;
    // A late or redelivered event of an older version must not replace a newer candidate.
    const result = await openPromotion(delivery, { model: parsed.model, version: parsed.version, stage, requestedBy: null, refuseIfNewerOpen: true });
    if (result.status === 'refused') delivery.log.info(`not opening a promotion of ${parsed.model}@${parsed.version} to ${stage}: ${result.reason}`);
    else delivery.log.info(`promotion of ${parsed.model}@${parsed.version} to ${stage}: #${result.number} (${result.status})`);
  },
};
