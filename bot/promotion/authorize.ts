/**
 * Whether a person may act for a stage right now (`/rollback`, and any other
 * command that changes a stage without a pull request): a human, commenting
 * in their own name, with write access or more, listed among the stage's
 * approvers by login or through a team. Read fresh on every command.
 */
import type { StagePolicy } from '../../shared/config/promotion.js';
import { describeRefusal, isBotActor, loginKey, type Actor } from '../../shared/promotion/index.js';
import type { Delivery } from '../delivery.js';
import { fetchRole, fetchTeamMembers } from '../github/permissions.js';

const WRITE_ROLES = new Set(['admin', 'maintain', 'write']);

/** The commenter as the command handler sees them. */
export interface Commenter {
  actor: Actor;
  /** The App a comment was made through, when it was. */
  viaApp: string | null;
}

/** Why `who` may not act on behalf of the stage's approvers; undefined when they may. */
export async function approverRefusal(delivery: Delivery, who: Commenter, policy: StagePolicy | null, stage: string): Promise<string | undefined> {
  const refusal = await writerRefusal(delivery, who);
  if (refusal) return refusal;
  if (!policy) return `there is no promotion policy for ${stage}, so nobody is listed to act on it`;
  const key = loginKey(who.actor.login);
  const entries = policy.approvers.map((entry) => entry.replace(/^@/, ''));
  if (entries.some((entry) => !entry.includes('/') && loginKey(entry) === key)) return undefined;
  for (const team of entries.filter((entry) => entry.includes('/'))) {
    const members = await fetchTeamMembers(delivery, team);
    if (members?.some((member) => loginKey(member) === key)) return undefined;
  }
  return describeRefusal('not-approver', { stage });
}

/** Why `who` may not use a command that needs write access; undefined when they may. */
export async function writerRefusal(delivery: Delivery, who: Commenter): Promise<string | undefined> {
  if (isBotActor(who.actor)) return describeRefusal('bot');
  if (who.viaApp) return describeRefusal('via-app', { app: who.viaApp });
  const role = (await fetchRole(delivery, who.actor.login)).toLowerCase();
  if (WRITE_ROLES.has(role)) return undefined;
  if (role === 'none' || role === '') return describeRefusal('not-collaborator');
  if (role === 'read' || role === 'triage') return describeRefusal('read-only', { role });
  return describeRefusal('unknown-role', { role });
}
