/**
 * The scheduled reconciler: webhooks get lost (a restart, an outage), and a
 * lost `workflow_run` or `issue_comment` leaves a drift issue or a promotion
 * stuck. On an interval (and on `/status`) the bot re-derives, from GitHub
 * itself, the state of every open drift issue and every open promotion pull
 * request, and repairs what it finds:
 *
 * - drift issues: duplicates closed, labels and body made whole (see
 *   `incidents/repair.ts`), and completed runs of the incident's workflow
 *   that were never processed are processed now, oldest first;
 * - the workflows listed in `incidents.workflows`: their latest completed
 *   runs are processed once per process, so a lost delivery cannot keep an
 *   issue from opening;
 * - promotion pull requests: recomputed with the promotion handler's own
 *   `refreshPromotion`.
 */
import type { Probot } from 'probot';
import { statusOf, toGitHubApiError } from '../../shared/github/failure.js';
import { incidentPolicy } from '../../shared/incidents/index.js';
import { buildDelivery, type AppIdentity, type Delivery } from '../delivery.js';
import type { GitHubClient } from '../../shared/github/client.js';
import { readIncidentSettings } from '../incidents/config.js';
import { listDriftIssues, type DriftIssue } from '../incidents/issues.js';
import { processDriftRun, wasProcessed } from '../incidents/process.js';
import { missedRuns, repairIncident } from '../incidents/repair.js';
import { driftRunOf, type DriftRun } from '../incidents/runs.js';
import type { LastingCache } from '../lasting-cache.js';
import { refreshPromotion } from '../promotion/refresh.js';
import type { BotRuntime } from '../runtime.js';
import type { BotSettings } from '../settings.js';
import { looksLikePromotion } from './promotion-target.js';

/** How much one pass may do. */
export interface ReconcileOptions {
  /** Recompute open promotion pull requests too (default true). */
  promotions?: boolean;
  /** Completed runs looked at per workflow (default 5). */
  runsPerWorkflow?: number;
}

/** What one pass found and did. */
export interface ReconcileReport {
  repairs: string[];
  /** Workflow runs processed because no delivery had brought them. */
  processedRuns: number[];
  /** Promotion pull requests recomputed. */
  promotions: number[];
}

async function processOnce(delivery: Delivery, run: DriftRun, defaultBranch: string, report: ReconcileReport): Promise<void> {
  if (wasProcessed(delivery, run.id)) return;
  const outcome = await processDriftRun(delivery, run, defaultBranch);
  if (outcome.status === 'processed') {
    report.processedRuns.push(run.id);
    for (const incident of outcome.incidents) report.repairs.push(...incident.applied.map((line) => `run ${run.id}: ${line}`));
  }
}

async function latestRuns(delivery: Delivery, workflow: string, limit: number): Promise<DriftRun[]> {
  const { client, owner, repo } = delivery;
  try {
    const { data } = await client.rest.actions.listWorkflowRuns({ owner, repo, workflow_id: workflow, status: 'completed', per_page: limit });
    return data.workflow_runs.map((run) => driftRunOf(run)).sort((a, b) => Date.parse(a.completedAt) - Date.parse(b.completedAt) || a.id - b.id);
  } catch (error) {
    if (statusOf(error) === 404) {
      delivery.log.warn(`incidents.workflows lists ${workflow}, which ${owner}/${repo} does not have`);
      return [];
    }
    toGitHubApiError(error, `listing the runs of ${workflow}`, 'actions: read');
  }
}

function groupByKey(issues: readonly DriftIssue[]): Map<string, DriftIssue[]> {
  const groups = new Map<string, DriftIssue[]>();
  for (const issue of issues) {
    if (!issue.key) continue;
    groups.set(issue.key, [...(groups.get(issue.key) ?? []), issue]);
  }
  return groups;
}

/** Reconciles one drift issue (for `/status` on it): repairs it, then processes the runs it missed. */
export async function reconcileIncidentIssue(delivery: Delivery, issue: DriftIssue, defaultBranch: string, repositoryUrl: string | null, options: ReconcileOptions = {}): Promise<ReconcileReport> {
  const report: ReconcileReport = { repairs: [], processedRuns: [], promotions: [] };
  if (!issue.key) return report;
  const settings = await readIncidentSettings(delivery, defaultBranch);
  const policy = incidentPolicy(settings.incidents);
  const siblings = issue.state === 'open' ? (await listDriftIssues(delivery, { state: 'open' })).filter((candidate) => candidate.key === issue.key) : [];
  const repaired = await repairIncident(delivery, issue.key, siblings.length > 0 ? siblings : [issue], policy, repositoryUrl);
  report.repairs.push(...repaired.repairs);
  for (const run of await missedRuns(delivery, repaired.state, options.runsPerWorkflow ?? 5)) await processOnce(delivery, run, defaultBranch, report);
  return report;
}

/** One pass over one repository. */
export async function reconcileRepository(delivery: Delivery, defaultBranch: string, options: ReconcileOptions = {}): Promise<ReconcileReport> {
  const report: ReconcileReport = { repairs: [], processedRuns: [], promotions: [] };
  const limit = options.runsPerWorkflow ?? 5;
  const settings = await readIncidentSettings(delivery, defaultBranch);
  const policy = incidentPolicy(settings.incidents);

  for (const [key, issues] of groupByKey(await listDriftIssues(delivery, { state: 'open' }))) {
    const repaired = await repairIncident(delivery, key, issues, policy, null);
    report.repairs.push(...repaired.repairs);
    for (const run of await missedRuns(delivery, repaired.state, limit)) await processOnce(delivery, run, defaultBranch, report);
  }
  for (const workflow of settings.incidents.workflows) {
    for (const run of await latestRuns(delivery, workflow, limit)) await processOnce(delivery, run, defaultBranch, report);
  }

  if (options.promotions !== false) {
    const { client, owner, repo } = delivery;
    let pulls: Array<{ number: number; body?: string | null; head: { ref: string } }>;
    try {
      pulls = await client.paginate(client.rest.pulls.list, { owner, repo, state: 'open', per_page: 100 });
    } catch (error) {
      toGitHubApiError(error, `listing the open pull requests of ${owner}/${repo}`, 'pull-requests: read');
    }
    for (const pull of pulls.filter((candidate) => looksLikePromotion(candidate.body, candidate.head.ref))) {
      await refreshPromotion(delivery, pull.number, { hintBody: pull.body ?? undefined });
      report.promotions.push(pull.number);
    }
  }
  return report;
}

/** A delivery for work no webhook started (the scheduled pass), with the same per-pass memo. */
export function scheduledDelivery(input: { client: GitHubClient; owner: string; repo: string; app: AppIdentity; settings: BotSettings; lasting: LastingCache; log: Delivery['log'] }): Delivery {
  return buildDelivery({ ...input, id: `reconcile-${input.settings.now().toISOString()}`, event: 'schedule.reconcile' });
}

/**
 * One pass over every repository of every installation, each repository in
 * its turn on the bot's queue (so a pass never races a delivery). A failing
 * repository is logged and the pass goes on.
 */
export async function reconcileInstallations(app: Probot, runtime: BotRuntime, options: ReconcileOptions = {}): Promise<Map<string, ReconcileReport>> {
  const reports = new Map<string, ReconcileReport>();
  const appClient = (await app.auth()) as unknown as GitHubClient;
  const installations = await appClient.paginate(appClient.rest.apps.listInstallations, { per_page: 100 });
  const identity = await runtime.identity();
  for (const installation of installations) {
    const client = (await app.auth(installation.id)) as unknown as GitHubClient;
    const repositories = await client.paginate(client.rest.apps.listReposAccessibleToInstallation, { per_page: 100 });
    for (const repository of repositories) {
      const delivery = scheduledDelivery({ client, owner: repository.owner.login, repo: repository.name, app: identity, settings: runtime.settings, lasting: runtime.lasting, log: app.log });
      try {
        const report = await runtime.queue.run(repository.full_name, () => reconcileRepository(delivery, repository.default_branch ?? 'main', options));
        reports.set(repository.full_name, report);
        if (report.repairs.length > 0) app.log.info(`reconciled ${repository.full_name}: ${report.repairs.join('; ')}`);
      } catch (error) {
        app.log.warn(`reconciling ${repository.full_name} failed: ${(error as Error).message}`);
      }
    }
  }
  return reports;
}

/** Runs `reconcileInstallations` every `intervalMs` (default 15 minutes), one pass at a time; returns a stop function. */
export function startReconciler(app: Probot, runtime: BotRuntime, options: ReconcileOptions & { intervalMs?: number } = {}): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    reconcileInstallations(app, runtime, options)
      .catch((error: unknown) => app.log.warn(`reconciler pass failed: ${(error as Error).message}`))
      .finally(() => (running = false));
  }, options.intervalMs ?? 15 * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
