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
 *   `refreshPromotion`; so are those merged in the last 7 days whose stage
 *   tag was never written (a lost `pull_request.closed`), which runs the
 *   same merge handling.
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
import { parseMarker, stageTagOf } from '../promotion/decide.js';
import { GitHubBackend, indexRegistry, type ModelIndex } from '../../shared/registry/index.js';
import type { BotRuntime } from '../runtime.js';
import type { BotSettings } from '../settings.js';
import { looksLikePromotion } from './promotion-target.js';

/** How much one pass may do. */
export interface ReconcileOptions {
  /** Recompute open promotion pull requests too (default true). */
  promotions?: boolean;
  /** Completed runs looked at per workflow (default 5). */
  runsPerWorkflow?: number;
  /** Merged promotion pull requests this recent (by merge time) are checked for a missing stage tag (default 7 days). */
  mergedWithinMs?: number;
}

/** What one pass found and did. */
export interface ReconcileReport {
  repairs: string[];
  /** Workflow runs processed because no delivery had brought them. */
  processedRuns: number[];
  /** Promotion pull requests recomputed (open ones, and merged ones that had no stage tag). */
  promotions: number[];
  /**
   * Items whose repair failed (a drift issue key, a workflow, a pull
   * request): each is logged and the pass goes on with the next item.
   */
  failures: Array<{ item: string; error: string }>;
}

/** Runs one item of a pass; a failure is logged and recorded, never thrown, so one bad item cannot stop the others. */
async function eachItem(delivery: Delivery, report: ReconcileReport, item: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    report.failures.push({ item, error: message });
    delivery.log.error(`reconciling ${item} in ${delivery.owner}/${delivery.repo} failed: ${message}`);
  }
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
  const report: ReconcileReport = { repairs: [], processedRuns: [], promotions: [], failures: [] };
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
  const report: ReconcileReport = { repairs: [], processedRuns: [], promotions: [], failures: [] };
  const limit = options.runsPerWorkflow ?? 5;
  const settings = await readIncidentSettings(delivery, defaultBranch);
  const policy = incidentPolicy(settings.incidents);

  for (const [key, issues] of groupByKey(await listDriftIssues(delivery, { state: 'open' }))) {
    await eachItem(delivery, report, `drift issue ${issues.map((issue) => `#${issue.number}`).join(', ')} (${key})`, async () => {
      const repaired = await repairIncident(delivery, key, issues, policy, null);
      report.repairs.push(...repaired.repairs);
      for (const run of await missedRuns(delivery, repaired.state, limit)) {
        await eachItem(delivery, report, `run ${run.id} of ${key}`, () => processOnce(delivery, run, defaultBranch, report));
      }
    });
  }
  for (const workflow of settings.incidents.workflows) {
    await eachItem(delivery, report, `workflow ${workflow}`, async () => {
      for (const run of await latestRuns(delivery, workflow, limit)) {
        await eachItem(delivery, report, `run ${run.id} of ${workflow}`, () => processOnce(delivery, run, defaultBranch, report));
      }
    });
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
      await eachItem(delivery, report, `promotion pull request #${pull.number}`, async () => {
        await refreshPromotion(delivery, pull.number, { hintBody: pull.body ?? undefined });
        report.promotions.push(pull.number);
      });
    }
    await eachItem(delivery, report, 'merged promotion pull requests', () => reconcileMergedPromotions(delivery, report, options.mergedWithinMs ?? 7 * 86_400_000));
  }
  return report;
}

interface ClosedPull {
  number: number;
  body?: string | null;
  head: { ref: string; sha?: string };
  merged_at?: string | null;
  updated_at: string;
}

/**
 * Merged promotion pull requests (merged within `withinMs`) that have no
 * stage tag: their `pull_request.closed` delivery was lost, so the merge
 * handling (`refreshPromotion` finishes a merged promotion whose policy is
 * met) runs now. One whose policy was not met at merge gets no tag; it is
 * not looked at again while its head stays the same (in this process).
 */
async function reconcileMergedPromotions(delivery: Delivery, report: ReconcileReport, withinMs: number): Promise<void> {
  const { client, owner, repo } = delivery;
  const since = Date.parse(delivery.now()) - withinMs;
  let closed: ClosedPull[];
  try {
    // Most recently updated first: a pull request merged since `since` was updated since then too.
    closed = await client.paginate(client.rest.pulls.list, { owner, repo, state: 'closed', sort: 'updated', direction: 'desc', per_page: 100 }, (response, done) => {
      const page = response.data as unknown as ClosedPull[];
      if (page.length === 0 || Date.parse(page[page.length - 1].updated_at) < since) done();
      return page;
    });
  } catch (error) {
    toGitHubApiError(error, `listing the closed pull requests of ${owner}/${repo}`, 'pull-requests: read');
  }
  const histories = new Map<string, Promise<ModelIndex | null>>();
  const historyOf = (model: string) => {
    let found = histories.get(model);
    if (!found) {
      found = new GitHubBackend({ client, owner, repo }).listTags({ model }).then((tags) => indexRegistry(tags).models.get(model) ?? null);
      histories.set(model, found);
    }
    return found;
  };
  for (const pull of closed) {
    if (!pull.merged_at || Date.parse(pull.merged_at) < since || !looksLikePromotion(pull.body, pull.head.ref)) continue;
    await eachItem(delivery, report, `merged promotion pull request #${pull.number}`, async () => {
      const { marker } = parseMarker(pull.body);
      if (!marker) return;
      const settled = `merged-without-tag:${owner}/${repo}#${pull.number}:${pull.head.sha ?? ''}`;
      if (delivery.lasting.get<boolean>(settled)) return;
      const history = await historyOf(marker.model);
      if (stageTagOf(history, marker.stage, marker.version, pull.number) !== null) return;
      const decision = await refreshPromotion(delivery, pull.number, { hintBody: pull.body ?? undefined });
      report.promotions.push(pull.number);
      if (decision?.state?.state === 'promoted') {
        report.repairs.push(`#${pull.number}: merged without a stage tag; the merge handling ran (${marker.model}@${marker.version} to ${marker.stage})`);
      } else if (!decision?.state?.policyMet) {
        // Its policy was not met at merge (or it is no promotion): nothing to write, nothing to retry for this head.
        delivery.lasting.set(settled, true);
      }
    });
  }
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
        if (report.failures.length > 0) app.log.warn(`reconciling ${repository.full_name}: ${report.failures.length} item(s) failed: ${report.failures.map((failure) => failure.item).join('; ')}`);
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
