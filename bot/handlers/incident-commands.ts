/**
 * The drift-issue commands, as command handlers for the comment router:
 * `/snooze <duration>`, `/accept` and `/status` on a drift issue, and
 * `/retrain <model>` anywhere. What each does is decided by
 * `decideIncidentCommand` (write permission from the collaborator-permission
 * API for all but `/status`); this file only reads what it needs and carries
 * the decision out. On anything that is not a drift issue, `/snooze`,
 * `/accept` and `/status` are left to other handlers (a promotion's `/status`).
 */
import { statusOf, toGitHubApiError } from '../../shared/github/failure.js';
import {
  DRIFT_LABEL,
  decideIncidentCommand,
  emptyState,
  incidentKeyOf,
  incidentPolicy,
  isIncidentCommand,
  needsRole,
  parseIncidentKey,
  readIncidentState,
  type IncidentCommandAction,
  type IncidentState,
} from '../../shared/incidents/index.js';
import { describeRefusal, isBotActor, type Command } from '../../shared/promotion/index.js';
import { codeSpan, escapeMarkdown } from '../../shared/report/index.js';
import { formatTime, incidentStatusReply, safeUrl, updateIncidentStatus } from '../../shared/report/incident.js';
import type { CommandContext, CommandHandler, CommandResult } from '../commands/types.js';
import type { Delivery } from '../delivery.js';
import { defaultBranchHead } from '../github/git-data.js';
import { fetchRole } from '../github/permissions.js';
import { readIncidentSettings, trainingWorkflows, type IncidentSettings } from '../incidents/config.js';
import { forgetDriftIssues, toDriftIssue, type DriftIssue } from '../incidents/issues.js';
import { openRebaselinePull } from '../incidents/rebaseline.js';
import { RETRAIN_ISSUE_INPUT, dispatchTraining, workflowRunsUrl } from '../incidents/retrain.js';
import { reconcileIncidentIssue } from './reconcile.js';

/** `https://github.com/acme/churn` from a comment's URL. */
function repositoryUrlOf(commentUrl: string): string | null {
  const match = /^(https?:\/\/[^/]+\/[^/]+\/[^/]+)\/(?:issues|pull)\/\d+/.exec(commentUrl);
  return match ? match[1] : null;
}

async function fetchIssue(delivery: Delivery, number: number): Promise<DriftIssue> {
  const { client, owner, repo } = delivery;
  try {
    const { data } = await client.rest.issues.get({ owner, repo, issue_number: number });
    return toDriftIssue(data as Parameters<typeof toDriftIssue>[0]);
  } catch (error) {
    toGitHubApiError(error, `reading ${owner}/${repo}#${number}`, 'issues: read');
  }
}

/** A drift issue and the state of its incident. */
interface Incident {
  issue: DriftIssue;
  state: IncidentState;
}

/** The drift incident of the comment's issue, read fresh (the payload's body may predate the bot's last write). */
async function incidentOf(context: CommandContext): Promise<Incident | null> {
  const { issue, delivery } = context;
  if (issue.isPullRequest || !issue.labels.includes(DRIFT_LABEL) || !incidentKeyOf(issue.body)) return null;
  const fresh = await fetchIssue(delivery, issue.number);
  if (!fresh.key) return null;
  const read = readIncidentState(fresh.body);
  return { issue: fresh, state: read.found && read.state.key === fresh.key ? read.state : emptyState(fresh.key) };
}

/** Decides a command on its issue, reading the commenter's role only when it matters. */
async function decide(context: CommandContext, command: Command, incident: Incident | null): Promise<{ action: IncidentCommandAction; branch: string; settings: IncidentSettings }> {
  const { delivery, comment, issue } = context;
  const branch = (await defaultBranchHead(delivery)).branch;
  const settings = await readIncidentSettings(delivery, branch);
  const actor = comment.commenter.actor;
  const role = needsRole(command) && !isBotActor(actor) ? await fetchRole(delivery, actor.login) : null;
  const action = decideIncidentCommand({
    command,
    target: { number: issue.number, isPullRequest: issue.isPullRequest },
    incident: incident?.state ?? null,
    actor: { login: actor.login, isBot: isBotActor(actor), role },
    trainingWorkflows: trainingWorkflows(settings),
    now: delivery.now(),
  });
  return { action, branch, settings };
}

function refused(action: Extract<IncidentCommandAction, { kind: 'refuse' }>): CommandResult {
  return { ok: false, reply: `${codeSpan(`/${action.command}`)}: ${escapeMarkdown(action.detail)}.` };
}

/** Shared entry: null when the command is not ours here; a refusal for comments made through an App. */
async function prepare(context: CommandContext, command: Command): Promise<{ incident: Incident | null } | CommandResult | null> {
  if (!isIncidentCommand(command)) return null;
  const incident = await incidentOf(context);
  if (command.kind !== 'retrain' && !incident) return null;
  const viaApp = context.comment.commenter.viaApp;
  if (viaApp && command.kind !== 'status') return { ok: false, reply: `${codeSpan(`/${command.kind}`)}: ${escapeMarkdown(describeRefusal('via-app', { app: viaApp }))}.` };
  return { incident };
}

function isResult(value: unknown): value is CommandResult {
  return typeof value === 'object' && value !== null && 'ok' in value;
}

/** The actions a handler carries out (a refusal is replied here, an ignored command is left to other handlers). */
type CarriedKind = Exclude<IncidentCommandAction['kind'], 'refuse' | 'ignore'>;

/**
 * A decided command, for its handler to carry out: the action, the default
 * branch and its settings, and the drift incident for all but `/retrain`
 * (which works anywhere and does not need one).
 */
type Decision<K extends CarriedKind> = {
  action: Extract<IncidentCommandAction, { kind: K }>;
  branch: string;
  settings: IncidentSettings;
} & (K extends 'dispatch-training' ? unknown : { incident: Incident });

/** Narrows the action to one kind. */
function isAction<K extends CarriedKind>(action: IncidentCommandAction, kind: K): action is Extract<IncidentCommandAction, { kind: K }> {
  return action.kind === kind;
}

/**
 * A command handler that runs `carryOut` once the command is decided to
 * `carries`. Before that it returns null when the command is not ours here
 * (or is decided to anything else), and the refusal when made through an
 * App or refused (`/status` is never refused: anyone may ask).
 */
function incidentCommand<K extends CarriedKind>(
  handler: Omit<CommandHandler, 'run'>,
  carries: K,
  carryOut: (context: CommandContext, decision: Decision<K>) => Promise<CommandResult>,
): CommandHandler {
  return {
    ...handler,
    async run(context, command) {
      const prepared = await prepare(context, command);
      if (prepared === null || isResult(prepared)) return prepared;
      const { incident } = prepared;
      const { action, branch, settings } = await decide(context, command, incident);
      if (action.kind === 'refuse') return refused(action);
      if (!isAction(action, carries) || (carries !== 'dispatch-training' && !incident)) return null;
      // The checks above are what Decision<K> says; TypeScript cannot follow them through K.
      return carryOut(context, { action, branch, settings, incident } as Decision<K>);
    },
  };
}

/** `/snooze <duration>`: no comments until then; recorded in the issue's hidden history. */
const snoozeCommand = incidentCommand({ name: 'drift-snooze', kinds: ['snooze'] }, 'snooze', async (context, { action, settings, incident }) => {
  const { delivery } = context;
  const body = updateIncidentStatus(incident.issue.body, { state: action.state, policy: incidentPolicy(settings.incidents), now: delivery.now(), repositoryUrl: repositoryUrlOf(context.comment.url) });
  try {
    await delivery.client.rest.issues.update({ owner: delivery.owner, repo: delivery.repo, issue_number: action.issue, body });
  } catch (error) {
    toGitHubApiError(error, `recording the snooze on #${action.issue}`, 'issues: write');
  }
  forgetDriftIssues(delivery);
  return { ok: true, reply: `Snoozed until ${formatTime(action.until)}: no comments on this issue until then. It still updates, and closes by itself when the drift clears.` };
});

/** `/accept`: a pull request that stores the newest failing run's current profile as the new reference. */
const acceptCommand = incidentCommand({ name: 'drift-accept', kinds: ['accept'], slow: true }, 'open-rebaseline-pr', async (context, { action, settings, incident }) => {
  const parts = parseIncidentKey(incident.state.key)!;
  const result = await openRebaselinePull(context.delivery, {
    model: action.model,
    stage: action.stage,
    check: parts.check,
    runId: action.run,
    issue: action.issue,
    requestedBy: context.comment.commenter.actor.login,
    settings,
  });
  if (result.status === 'refused') return { ok: false, reply: `${codeSpan('/accept')}: ${escapeMarkdown(result.reason)}.` };
  const link = safeUrl(result.url);
  const pull = link ? `[#${result.number}](${link})` : `#${result.number}`;
  return {
    ok: true,
    reply: `${result.status === 'opened' ? 'Opened' : 'Updated'} ${pull}: it stores the current profile of run ${action.run} as ${codeSpan(result.path)}, the new drift reference of ${codeSpan(action.model)} in ${codeSpan(action.stage)}. Review and merge it if the change in the data is expected.`,
  };
});

/** `/retrain <model>`: dispatches the model's training workflow with this issue's number. */
const retrainCommand = incidentCommand({ name: 'drift-retrain', kinds: ['retrain'], slow: true }, 'dispatch-training', async (context, { action, branch }) => {
  let note = ` with input ${codeSpan(`${RETRAIN_ISSUE_INPUT}: ${action.issue}`)}`;
  try {
    const { linked } = await dispatchTraining(context.delivery, { workflow: action.workflow, ref: branch, issue: action.issue });
    if (!linked) note = ` (it does not declare the ${codeSpan(RETRAIN_ISSUE_INPUT)} input, so it was started without a link to #${action.issue})`;
  } catch (error) {
    const status = statusOf(error);
    if (status === 404) return { ok: false, reply: `${codeSpan('/retrain')}: ${codeSpan(action.workflow)} was not found on ${codeSpan(branch)} (check ${codeSpan('training_workflow')} of ${codeSpan(action.model)} in ${codeSpan('.github/tollgate.yml')}).` };
    if (status === 422) return { ok: false, reply: `${codeSpan('/retrain')}: GitHub refused to start ${codeSpan(action.workflow)}: ${escapeMarkdown((error as Error).message.split('\n')[0])} (it needs an ${codeSpan('on: workflow_dispatch')} trigger).` };
    toGitHubApiError(error, `starting ${action.workflow}`, 'actions: write');
  }
  const repositoryUrl = repositoryUrlOf(context.comment.url);
  const runs = workflowRunsUrl(repositoryUrl, action.workflow);
  const where = runs ? `[${escapeMarkdown(action.workflow)}](${runs})` : codeSpan(action.workflow);
  return { ok: true, reply: `Started ${where} on ${codeSpan(branch)} to retrain ${codeSpan(action.model)}${note}.` };
});

/** `/status` on a drift issue: reconciles the issue (repairs, missed runs) and replies with where it stands. */
const driftStatusCommand = incidentCommand({ name: 'drift-status', kinds: ['status'] }, 'status', async (context, { branch, settings, incident }) => {
  const { delivery } = context;
  const repositoryUrl = repositoryUrlOf(context.comment.url);
  const report = await reconcileIncidentIssue(delivery, incident.issue, branch, repositoryUrl);
  const after = await incidentOf(context);
  const reply = incidentStatusReply({
    state: after?.state ?? incident.state,
    policy: incidentPolicy(settings.incidents),
    now: delivery.now(),
    issueState: after?.issue.state ?? incident.issue.state,
    repositoryUrl,
    repairs: report.repairs,
  });
  return { ok: true, reply };
});

/** The drift-issue command handlers, to pass to `createTollgateApp` after the promotion commands. */
export const INCIDENT_COMMAND_HANDLERS: readonly CommandHandler[] = [driftStatusCommand, snoozeCommand, acceptCommand, retrainCommand];
