/**
 * What the drift-issue commands do, as a pure decision: `/snooze <duration>`,
 * `/accept`, `/status` on a drift issue, and `/retrain <model>` anywhere.
 * Everything but `/status` needs write permission, read from the
 * collaborator-permission API (never `author_association`); bots never command.
 */
import type { Command } from '../promotion/commands.js';
import { parseIncidentKey } from './key.js';
import type { IncidentState } from './state.js';

const WRITE_ROLES = new Set(['admin', 'maintain', 'write']);

/** Why a command was refused. */
export type IncidentRefusal = 'read-only' | 'unknown-model' | 'no-training-workflow' | 'no-failing-run';

/** What to do about one command. */
export type IncidentCommandAction =
  | { kind: 'snooze'; issue: number; until: string; state: IncidentState }
  | { kind: 'open-rebaseline-pr'; issue: number; model: string; stage: string; run: number }
  | { kind: 'dispatch-training'; model: string; workflow: string; issue: number }
  | { kind: 'status'; issue: number }
  | { kind: 'refuse'; command: string; code: IncidentRefusal; detail: string }
  | { kind: 'ignore'; reason: string };

/** The command's context. */
export interface IncidentCommandInput {
  command: Command;
  /** The issue or pull request the comment is on. */
  target: { number: number; isPullRequest: boolean };
  /** The drift incident on that issue (its key's state), or null when it is not a drift issue. */
  incident: IncidentState | null;
  /** The commenter; `role` from the collaborator-permission API (`role_name`), null when not looked up. */
  actor: { login: string; isBot: boolean; role: string | null };
  /** Configured models: name -> its training workflow file, if any. */
  trainingWorkflows: Readonly<Record<string, string | undefined>>;
  now: string;
}

/** The commands this module handles. */
export const INCIDENT_COMMANDS = ['snooze', 'accept', 'status', 'retrain'] as const;

/** True when the command is one of ours (others belong to the promotion handler). */
export function isIncidentCommand(command: Command): boolean {
  return (INCIDENT_COMMANDS as readonly string[]).includes(command.kind);
}

/** True when deciding the command needs the commenter's repository role (everything but `/status`). */
export function needsRole(command: Command): boolean {
  return isIncidentCommand(command) && command.kind !== 'status';
}

/** True for the roles that may snooze, accept and retrain. */
export function canWrite(role: string | null): boolean {
  return role !== null && WRITE_ROLES.has(role.toLowerCase());
}

/** Decides one command. */
export function decideIncidentCommand(input: IncidentCommandInput): IncidentCommandAction {
  const { command, incident, actor, target } = input;
  if (!isIncidentCommand(command)) return { kind: 'ignore', reason: `/${command.kind} is not a drift-issue command` };
  if (actor.isBot) return { kind: 'ignore', reason: 'commands from bots are ignored' };
  const onDriftIssue = incident !== null && !target.isPullRequest;
  if (command.kind !== 'retrain' && !onDriftIssue) {
    // Other commands on other issues belong to someone else (the promotion handler's /status).
    return { kind: 'ignore', reason: `/${command.kind} is only handled on drift issues` };
  }
  if (command.kind === 'status') return { kind: 'status', issue: target.number };
  if (!canWrite(actor.role)) {
    return { kind: 'refuse', command: command.kind, code: 'read-only', detail: `@${actor.login} has ${actor.role ?? 'no'} access; /${command.kind} needs write access to the repository` };
  }
  switch (command.kind) {
    case 'snooze': {
      const until = new Date(Date.parse(input.now) + command.durationMs).toISOString();
      return { kind: 'snooze', issue: target.number, until, state: { ...incident!, snoozedUntil: until, snoozedBy: actor.login } };
    }
    case 'accept': {
      const parts = parseIncidentKey(incident!.key)!;
      const failing = [...incident!.runs].reverse().find((run) => run.level === 'alert' || run.level === 'warn');
      if (!failing) return { kind: 'refuse', command: 'accept', code: 'no-failing-run', detail: 'no failing run is recorded on this issue, so there is no current profile to accept' };
      return { kind: 'open-rebaseline-pr', issue: target.number, model: parts.model, stage: parts.stage, run: failing.run };
    }
    case 'retrain': {
      const models = Object.keys(input.trainingWorkflows);
      if (!models.includes(command.model)) {
        return { kind: 'refuse', command: 'retrain', code: 'unknown-model', detail: `'${command.model}' is not a model in .github/tollgate.yml${models.length > 0 ? ` (models: ${models.join(', ')})` : ''}` };
      }
      const workflow = input.trainingWorkflows[command.model];
      if (!workflow) return { kind: 'refuse', command: 'retrain', code: 'no-training-workflow', detail: `model '${command.model}' has no training_workflow in .github/tollgate.yml` };
      return { kind: 'dispatch-training', model: command.model, workflow, issue: target.number };
    }
    default:
      return { kind: 'ignore', reason: `/${command.kind} is not a drift-issue command` };
  }
}
