/**
 * One completed drift run, start to finish: read its reports, find each
 * report's incident, decide, apply. A report that cannot be read becomes a
 * `tollgate/drift` check run on the run's commit that says why; nothing
 * else changes for it, and nothing crashes.
 */
import { createCheckRun } from '../../shared/github/check-run.js';
import { decideIncident, incidentPolicy, needsPriorRuns, movedSummary, runRecordOf, type IncidentDecision } from '../../shared/incidents/index.js';
import { codeSpan, escapeMarkdown } from '../../shared/report/index.js';
import { safeUrl } from '../../shared/report/incident.js';
import type { Delivery } from '../delivery.js';
import { applyDecision, contextOf, type AppliedAction } from './apply.js';
import { assignableOwners, modelOf, readIncidentSettings, type IncidentSettings } from './config.js';
import { asIncidentIssue, listDriftIssues } from './issues.js';
import { autoRetrain } from './retrain.js';
import { driftArtifacts, priorRecords, readRunReports, rememberRecords, workflowFile, type DriftRun, type RunReport } from './runs.js';
import { stageVersion } from './version.js';
import { untrustedRunReason } from './trusted-run.js';

/** The check run that explains a report the bot could not use. */
export const DRIFT_CHECK_NAME = 'tollgate/drift';

/** What happened to one run. */
export interface DriftRunOutcome {
  /** `skipped`: not a drift run (or cancelled); `processed`: its reports were decided (some may have failed). */
  status: 'skipped' | 'processed';
  reason?: string;
  /** Per incident: its key, the decision and what was done. */
  incidents: Array<{ key: string; decision: IncidentDecision; applied: AppliedAction[] }>;
  /** Reports that could not be used, with why. */
  problems: string[];
}

const SKIPPED_CONCLUSIONS = new Set(['cancelled', 'skipped', 'stale']);

function doneKey(delivery: Delivery, runId: number): string {
  return `drift-run-done:${delivery.owner}/${delivery.repo}:${runId}`;
}

/** True when this process already processed the run (a delivery or the reconciler did). */
export function wasProcessed(delivery: Delivery, runId: number): boolean {
  return delivery.lasting.get<boolean>(doneKey(delivery, runId)) === true;
}

/**
 * Processes a completed workflow run. `defaultBranch` is where
 * `.github/tollgate.yml` is read from.
 */
export async function processDriftRun(delivery: Delivery, run: DriftRun, defaultBranch: string): Promise<DriftRunOutcome> {
  const outcome = await processRun(delivery, run, defaultBranch);
  // Only once it went through: a failure leaves the run for the reconciler.
  delivery.lasting.set(doneKey(delivery, run.id), true);
  return outcome;
}

async function processRun(delivery: Delivery, run: DriftRun, defaultBranch: string): Promise<DriftRunOutcome> {
  const outcome: DriftRunOutcome = { status: 'skipped', incidents: [], problems: [] };
  if (run.conclusion && SKIPPED_CONCLUSIONS.has(run.conclusion)) return { ...outcome, reason: `the run was ${run.conclusion}` };
  // Drift issues watch what is deployed: a check run on another branch (a pull request, an experiment) is not about it.
  if (run.headBranch && run.headBranch !== defaultBranch) return { ...outcome, reason: `the run is on ${run.headBranch}, not ${defaultBranch}` };
  const untrusted = untrustedRunReason(run, delivery.owner, delivery.repo);
  if (untrusted !== null) return { ...outcome, reason: untrusted };
  const settings = await readIncidentSettings(delivery, defaultBranch);
  const listed = settings.incidents.workflows;
  const file = workflowFile(run);
  if (listed.length > 0 && !listed.includes(file)) return { ...outcome, reason: `${file} is not one of incidents.workflows` };

  const artifacts = await driftArtifacts(delivery, run, settings);
  if (artifacts.length === 0) {
    if (listed.length === 0) return { ...outcome, reason: 'no drift-report artifact' };
    const problem = `workflow run ${run.id} uploaded no artifact named '${settings.incidents.artifact}' (or '${settings.incidents.artifact}-<suffix>'); add an actions/upload-artifact step for drift-report.json, with if: always() so a failing drift step still uploads it`;
    await reportProblems(delivery, run, [problem]);
    return { ...outcome, status: 'processed', problems: [problem] };
  }
  if (settings.error) {
    await reportProblems(delivery, run, [`.github/tollgate.yml on ${defaultBranch} is invalid, so drift issues are left alone until it is fixed: ${settings.error}`]);
    return { ...outcome, status: 'processed', problems: [settings.error] };
  }

  const reports = await readRunReports(delivery, run, settings);
  rememberRecords(delivery, run, reports);
  const seen = new Set<string>();
  for (const read of reports) {
    if (!read.ok) {
      outcome.problems.push(read.message);
      continue;
    }
    if (seen.has(read.key)) {
      outcome.problems.push(`artifact '${read.artifact.name}': another artifact of this run already reported ${read.key}; only the first is used`);
      continue;
    }
    seen.add(read.key);
    outcome.incidents.push(await processReport(delivery, run, read, settings, defaultBranch));
  }
  if (outcome.problems.length > 0) await reportProblems(delivery, run, outcome.problems, reports);
  return { ...outcome, status: 'processed' };
}

/** Decides and applies one report's incident. */
async function processReport(delivery: Delivery, run: DriftRun, read: Extract<RunReport, { ok: true }>, settings: IncidentSettings, defaultBranch: string): Promise<DriftRunOutcome['incidents'][number]> {
  const { report, key, parts } = read;
  const policy = incidentPolicy(settings.incidents);
  const issues = (await listDriftIssues(delivery, { model: parts.model, state: 'all' })).filter((issue) => issue.key === key);
  const incidentIssues = issues.map((issue) => asIncidentIssue(issue, key));
  for (const issue of issues) if (issue.stateProblem) delivery.log.warn(`#${issue.number}: ${issue.stateProblem}; its history starts over`);
  const newRun = runRecordOf(report, { id: run.id, at: run.completedAt });
  const now = delivery.now();
  const base = { key, issues: incidentIssues, newRun, policy, now };
  const priorRuns = needsPriorRuns(base) ? await priorRecords(delivery, run, key, settings, policy.openAfter.window - 1) : [];
  const decision = decideIncident({ ...base, priorRuns, moved: movedSummary(report).moved, workflow: { id: run.workflowId, path: run.path } });
  const writes = decision.actions.some((action) => action.kind !== 'none' && action.kind !== 'label' && action.kind !== 'close-duplicate');
  const rendersReport = decision.actions.some((action) => action.kind === 'open' || action.kind === 'comment' || action.kind === 'reopen' || (action.kind === 'update-body' && action.part === 'report'));
  const version = rendersReport ? await stageVersion(delivery, parts.model, parts.stage) : null;
  const model = modelOf(settings, parts.model);
  const context = writes ? contextOf({ report, signals: read.signals, parts, version, run, trainingWorkflow: model?.training_workflow ?? null }) : null;
  const applied = await applyDecision({ delivery, decision, parts, policy, issues, context, assignees: assignableOwners(settings, parts.model) });
  const retrained = await autoRetrain(delivery, {
    run,
    key,
    model: parts.model,
    report,
    signals: read.signals,
    retrain: settings.retrain,
    trainingWorkflow: model?.training_workflow ?? null,
    branch: defaultBranch,
  });
  if (retrained.dispatched) applied.push(`dispatched ${model?.training_workflow ?? 'training'} from #${retrained.issue} (${retrained.decision.reason})`);
  else if (settings.retrain) delivery.log.debug(`drift run ${run.id}, ${key}: no retraining: ${retrained.reason}`);
  delivery.log.info(`drift run ${run.id}, ${key}: ${applied.join('; ') || decision.actions.map((action) => action.reason).join('; ')}`);
  return { key, decision, applied };
}

/** A failed `tollgate/drift` check run on the run's commit, explaining each problem. */
async function reportProblems(delivery: Delivery, run: DriftRun, problems: readonly string[], reports: readonly RunReport[] = []): Promise<void> {
  const used = reports.filter((read) => read.ok).length;
  const runLink = safeUrl(run.url);
  const summary = [
    `Tollgate could not use the drift report of ${runLink ? `[workflow run ${run.id}](${runLink})` : `workflow run ${run.id}`} (${codeSpan(run.path || 'workflow')}).`,
    '',
    ...problems.map((problem) => `- ${escapeMarkdown(problem)}`),
    '',
    used > 0 ? `The other ${used} report${used === 1 ? ' was' : 's were'} processed.` : 'No drift issue was opened, updated or closed for this run.',
  ].join('\n');
  try {
    await createCheckRun(delivery.client, {
      owner: delivery.owner,
      repo: delivery.repo,
      headSha: run.headSha,
      name: DRIFT_CHECK_NAME,
      conclusion: 'failure',
      detailsUrl: runLink ?? undefined,
      externalId: String(run.id),
      output: { title: problems.length === 1 ? 'Could not read the drift report' : `Could not read ${problems.length} drift reports`, summary },
    });
  } catch (error) {
    // The explanation is a courtesy; the delivery itself succeeded.
    delivery.log.warn(`could not create the ${DRIFT_CHECK_NAME} check run on ${run.headSha.slice(0, 12)}: ${(error as Error).message}`);
  }
}
