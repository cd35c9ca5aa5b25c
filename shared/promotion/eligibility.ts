/**
 * Who may do what on a promotion: repository permission (from the
 * collaborator-permission API only), membership of the stage's approvers, and
 * separation of duties (nobody approves their own work).
 */
import type { RefusalCode } from './refusals.js';
import { loginKey, type PromotionInput } from './timeline.js';

const WRITE_ROLES = new Set(['admin', 'maintain', 'write']);
const READ_ROLES = new Set(['triage', 'read']);

/** The outcome of a permission lookup. */
export type PermissionCheck = { ok: true; role: string; admin: boolean } | { ok: false; code: RefusalCode; role?: string };

/** Whether someone is among a stage's approvers, and through which team. */
export type ApproverCheck = { ok: true; team: string | null } | { ok: false; code: RefusalCode; teams?: string[] };

/** Eligibility questions about one decision's people. */
export interface Roster {
  permission(key: string): PermissionCheck;
  approver(key: string): ApproverCheck;
  /** Why this person may not approve (author, requester, trainer, registrar), or undefined. */
  conflict(key: string): RefusalCode | undefined;
  /** The stage's approvers without `@`, in config order, de-duplicated. */
  approverEntries: string[];
}

function lowerKeyed<T>(record: Readonly<Record<string, T>>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [key, value] of Object.entries(record)) map.set(loginKey(key), value);
  return map;
}

/** Builds the eligibility rules of one decision from its input. */
export function buildRoster(input: PromotionInput): Roster {
  const roles = lowerKeyed(input.permissions);
  const teamMembers = new Map<string, Set<string>>();
  for (const [team, members] of lowerKeyed(input.teams)) teamMembers.set(team, new Set(members.map(loginKey)));

  const approverEntries = [...new Set((input.policy?.approvers ?? []).map((entry) => entry.replace(/^@/, '')))];
  const users = new Set(approverEntries.filter((entry) => !entry.includes('/')).map(loginKey));
  const teams = approverEntries.filter((entry) => entry.includes('/')).map(loginKey);
  const previousTeam = new Map<string, string>();
  for (const approval of input.previous?.approvals ?? []) if (approval.team) previousTeam.set(loginKey(approval.login), loginKey(approval.team));

  const conflicts = new Map<string, RefusalCode>();
  // Later entries must not override earlier ones: the author is the most direct conflict.
  const addConflict = (login: string | null | undefined, code: RefusalCode) => {
    if (login && !conflicts.has(loginKey(login))) conflicts.set(loginKey(login), code);
  };
  addConflict(input.pullRequest.author.login, 'pr-author');
  addConflict(input.pullRequest.marker?.requestedBy, 'requested-promotion');
  addConflict(input.candidate.trainedBy, 'trained-candidate');
  addConflict(input.candidate.registeredBy, 'registered-candidate');

  return {
    approverEntries,
    permission(key) {
      const role = roles.get(key)?.toLowerCase();
      if (role === undefined) return { ok: false, code: 'permission-unknown' };
      if (WRITE_ROLES.has(role)) return { ok: true, role, admin: role === 'admin' };
      if (READ_ROLES.has(role)) return { ok: false, code: 'read-only', role };
      if (role === 'none' || role === '') return { ok: false, code: 'not-collaborator', role };
      return { ok: false, code: 'unknown-role', role };
    },
    approver(key) {
      if (users.has(key)) return { ok: true, team: null };
      const unknown: string[] = [];
      for (const team of teams) {
        const members = teamMembers.get(team);
        if (members === undefined) unknown.push(team);
        else if (members.has(key)) return { ok: true, team };
      }
      const formerTeam = previousTeam.get(key);
      if (formerTeam !== undefined && teams.includes(formerTeam) && !unknown.includes(formerTeam)) {
        return { ok: false, code: 'team-membership-gone', teams: [formerTeam] };
      }
      if (unknown.length > 0) return { ok: false, code: 'membership-unknown', teams: unknown };
      return { ok: false, code: 'not-approver' };
    },
    conflict: (key) => conflicts.get(key),
  };
}
