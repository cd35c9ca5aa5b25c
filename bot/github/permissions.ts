/**
 * Who may do what: the repository role of each person, from the
 * collaborator-permission API's `role_name` (its `permission`, the base
 * permission, for a custom role; never `author_association`, which shows
 * private org members as contributors), and approver teams'
 * members. One request per person or team, in parallel, once per delivery:
 * permissions change, so they are never kept across deliveries.
 */
import { statusOf, toGitHubApiError } from '../../shared/github/failure.js';
import type { Delivery } from '../delivery.js';

/** The repository roles GitHub defines; any other `role_name` is an organization's custom role. */
export const BUILT_IN_ROLES: readonly string[] = ['admin', 'maintain', 'write', 'triage', 'read', 'none'];

/**
 * The role that counts, from one collaborator-permission answer: `role_name`
 * when it is a built-in role; for a custom role (whose name tells nothing),
 * the base permission GitHub reports beside it in `permission` (`admin`,
 * `write`, `read` or `none`), so a custom role built on write counts as write.
 */
export function roleOf(data: { role_name?: string | null; permission?: string | null }): string {
  const roleName = data.role_name?.toLowerCase();
  if (roleName && BUILT_IN_ROLES.includes(roleName)) return roleName;
  const permission = data.permission?.toLowerCase();
  if (permission && BUILT_IN_ROLES.includes(permission)) return permission;
  return roleName ?? permission ?? 'none';
}

/** The role of one login (`admin`, `maintain`, `write`, `triage`, `read` or `none`; a custom role reads as its base permission). */
export function fetchRole(delivery: Delivery, login: string): Promise<string> {
  return delivery.memo(`role:${login.toLowerCase()}`, async () => {
    const { client, owner, repo } = delivery;
    try {
      const { data } = await client.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: login });
      return roleOf(data as { role_name?: string | null; permission?: string | null });
    } catch (error) {
      // 404: not a user GitHub knows, or not a collaborator in any way.
      if (statusOf(error) === 404) return 'none';
      toGitHubApiError(error, `reading ${login}'s permission on ${owner}/${repo}`, 'metadata: read');
    }
  });
}

/** login -> role, for every login given. */
export async function fetchRoles(delivery: Delivery, logins: readonly string[]): Promise<Record<string, string>> {
  const roles = await Promise.all(logins.map((login) => fetchRole(delivery, login)));
  return Object.fromEntries(logins.map((login, index) => [login, roles[index]]));
}

/** Members of `org/team`; undefined when the team cannot be read (the core then refuses with `membership-unknown`). */
export function fetchTeamMembers(delivery: Delivery, team: string): Promise<string[] | undefined> {
  return delivery.memo(`team:${team.toLowerCase()}`, async () => {
    const [org, slug] = team.replace(/^@/, '').split('/');
    const { client } = delivery;
    try {
      const members = await client.paginate(client.rest.teams.listMembersInOrg, { org, team_slug: slug, per_page: 100 });
      return members.map((member) => member.login);
    } catch (error) {
      const status = statusOf(error);
      if (status === 404 || status === 403) {
        delivery.log.warn(`cannot read the members of ${team} (${status}): the App needs the organization permission members: read`);
        return undefined;
      }
      toGitHubApiError(error, `reading the members of ${team}`, 'members: read (organization)');
    }
  });
}

/** `org/team` -> members, for the teams that could be read. */
export async function fetchTeams(delivery: Delivery, teams: readonly string[]): Promise<Record<string, string[]>> {
  const lists = await Promise.all(teams.map((team) => fetchTeamMembers(delivery, team)));
  const result: Record<string, string[]> = {};
  teams.forEach((team, index) => {
    const members = lists[index];
    if (members !== undefined) result[team] = members;
  });
  return result;
}
