/**
 * Retraining: starting a model's training workflow, by hand (`/retrain`) or
 * by itself when a scheduled check's report reaches `monitor.retrain` (at
 * most once per cooldown). The automatic dispatch is remembered in the drift
 * issue's hidden state block, so the cooldown survives restarts without a
 * database, and linked in the issue with a comment.
 */
import { parseDuration } from '../../shared/config/duration.js';
import type { DriftReport } from '../../shared/drift/index.js';
import { statusOf, toGitHubApiError } from '../../shared/github/failure.js';
import { readIncidentState, writeIncidentState, type IncidentSignal, type IncidentState } from '../../shared/incidents/index.js';
import { MONITOR_REPORT_SCHEMA, shouldRetrain, type MonitorReport, type RetrainDecision, type RetrainSettings } from '../../shared/monitor/index.js';
import { codeSpan, escapeMarkdown, hiddenMarker } from '../../shared/report/index.js';
import { formatTime, safeUrl } from '../../shared/report/incident.js';
import type { Delivery } from '../delivery.js';
import { forgetDriftIssues, listDriftIssues } from './issues.js';
import type { DriftRun } from './runs.js';

/** The workflow input the issue number is passed in (declare it in the training workflow to receive it). */
export const RETRAIN_ISSUE_INPUT = 'tollgate_issue';

/** Events of a scheduled check: its schedule, or the same workflow started by hand. */
const SCHEDULED_EVENTS = new Set(['schedule', 'workflow_dispatch']);

/**
 * Dispatches `workflow` on `ref` with the issue number as input; a workflow
 * that does not declare the input is started without it (`linked: false`).
 * API errors are thrown as they came (the caller words them).
 */
export async function dispatchTraining(delivery: Delivery, input: { workflow: string; ref: string; issue: number }): Promise<{ linked: boolean }> {
  const { client, owner, repo } = delivery;
  const request = { owner, repo, workflow_id: input.workflow, ref: input.ref };
  try {
    await client.rest.actions.createWorkflowDispatch({ ...request, inputs: { [RETRAIN_ISSUE_INPUT]: String(input.issue) } });
    return { linked: true };
  } catch (error) {
    // A workflow that does not declare the input refuses it: start it without.
    if (statusOf(error) !== 422 || !/unexpected inputs/i.test((error as Error).message)) throw error;
    await client.rest.actions.createWorkflowDispatch(request);
    return { linked: false };
  }
}

/** The workflow's runs page (`…/actions/workflows/train.yml`), when the repository URL is known. */
export function workflowRunsUrl(repositoryUrl: string | null, workflow: string): string | null {
  return safeUrl(repositoryUrl ? `${repositoryUrl}/actions/workflows/${encodeURIComponent(workflow)}` : null);
}

/**
 * The report as `shouldRetrain` reads it. A monitor report reaches the bot
 * as its drift view plus signals; `shouldRetrain` reads only `schema`,
 * `generated_at` and the signals' `signal`, `level` and `reasons`, so the
 * fields the bot does not keep are not needed.
 */
function retrainInput(report: DriftReport, signals: readonly IncidentSignal[] | null): MonitorReport | DriftReport {
  if (signals === null) return report;
  const view = { ...report, schema: MONITOR_REPORT_SCHEMA, signals: signals.map((signal) => ({ ...signal, checks: [], notes: [] })) };
  return view as unknown as MonitorReport;
}

/** What the automatic retraining did for one report. */
export type AutoRetrainOutcome = { dispatched: false; reason: string } | { dispatched: true; issue: number; decision: RetrainDecision };

/**
 * After a report's incident was applied: dispatches the model's training
 * workflow when the run is a scheduled check, `monitor.retrain` is set, the
 * report reaches it and the cooldown since the last automatic dispatch (in
 * the open issue's state) is over. Needs the open drift issue: it holds the
 * cooldown and the link, so without one nothing is dispatched (with the
 * default hysteresis the issue opens on the second alert).
 */
export async function autoRetrain(
  delivery: Delivery,
  input: {
    run: DriftRun;
    key: string;
    model: string;
    report: DriftReport;
    signals: readonly IncidentSignal[] | null;
    retrain: RetrainSettings | undefined;
    trainingWorkflow: string | null;
    branch: string;
  },
): Promise<AutoRetrainOutcome> {
  const { run, retrain } = input;
  if (!retrain) return { dispatched: false, reason: 'no monitor.retrain in .github/tollgate.yml' };
  if (!input.trainingWorkflow) return { dispatched: false, reason: `${input.model} has no training_workflow` };
  if (!SCHEDULED_EVENTS.has(run.event)) return { dispatched: false, reason: `the run was started by ${run.event}, not a schedule` };
  const issue = (await listDriftIssues(delivery, { model: input.model, state: 'open' })).find((candidate) => candidate.key === input.key && candidate.state === 'open');
  if (!issue) return { dispatched: false, reason: 'no open drift issue to record the dispatch in' };
  const read = readIncidentState(issue.body);
  if (!read.found) return { dispatched: false, reason: `#${issue.number} has no readable state${read.problem ? ` (${read.problem})` : ''}` };
  const state = read.state;
  if (state.retrained?.run === run.id) return { dispatched: false, reason: `run ${run.id} already dispatched training` };
  const now = new Date(delivery.now());
  const decision = shouldRetrain(retrain, [retrainInput(input.report, input.signals)], state.retrained?.at ?? null, now);
  if (!decision.retrain) return { dispatched: false, reason: decision.reason };

  const workflow = input.trainingWorkflow;
  let linked: boolean;
  try {
    ({ linked } = await dispatchTraining(delivery, { workflow, ref: input.branch, issue: issue.number }));
  } catch (error) {
    toGitHubApiError(error, `starting ${workflow} to retrain ${input.model}`, 'actions: write');
  }
  // Recorded right after the dispatch: a redelivery of this run, or the next alert within the cooldown, finds it.
  const next: IncidentState = { ...state, retrained: { at: now.toISOString(), run: run.id, workflow } };
  const { client, owner, repo } = delivery;
  try {
    await client.rest.issues.update({ owner, repo, issue_number: issue.number, body: writeIncidentState(issue.body, next) });
    await client.rest.issues.createComment({ owner, repo, issue_number: issue.number, body: retrainComment({ run, workflow, branch: input.branch, decision, retrain, linked, at: now.toISOString() }) });
  } catch (error) {
    toGitHubApiError(error, `recording the retraining in ${owner}/${repo}#${issue.number}`, 'issues: write');
  } finally {
    forgetDriftIssues(delivery);
  }
  return { dispatched: true, issue: issue.number, decision };
}

/** The comment that links the dispatched training run. */
export function retrainComment(input: {
  run: Pick<DriftRun, 'id' | 'url' | 'repositoryUrl'>;
  workflow: string;
  branch: string;
  decision: RetrainDecision;
  retrain: RetrainSettings;
  linked: boolean;
  at: string;
}): string {
  const runs = workflowRunsUrl(input.run.repositoryUrl, input.workflow);
  const where = runs ? `[${escapeMarkdown(input.workflow)}](${runs})` : codeSpan(input.workflow);
  const runLink = safeUrl(input.run.url);
  const source = runLink ? `[run #${input.run.id}](${runLink})` : `run #${input.run.id}`;
  const signals = [...new Set(input.decision.triggers.map((trigger) => `${trigger.signal} (${trigger.level})`))].join(', ');
  return [
    hiddenMarker(`drift-retrain:${input.run.id}`),
    `**🔁 Retraining started** — ${where} on ${codeSpan(input.branch)}, ${formatTime(input.at)}, because ${escapeMarkdown(signals)} in ${source} reached ${codeSpan(`monitor.retrain.on: ${input.retrain.on}`)}.`,
    '',
    input.linked
      ? `The run gets this issue's number as input ${codeSpan(RETRAIN_ISSUE_INPUT)}; its candidate goes through the usual validation, evaluation and promotion gates.`
      : `${codeSpan(input.workflow)} does not declare the ${codeSpan(RETRAIN_ISSUE_INPUT)} input, so the run was started without a link to this issue.`,
    `No automatic retraining before ${formatTime(new Date(Date.parse(input.at) + cooldownMs(input.retrain.cooldown)).toISOString())} (cooldown ${codeSpan(input.retrain.cooldown)}).`,
  ].join('\n');
}

function cooldownMs(cooldown: string): number {
  return parseDuration(cooldown) ?? 0;
}
