/**
 * Drift runs: a workflow run whose artifacts hold `drift-report.json`, the
 * reports read from them, the incident each report belongs to, and the
 * history of earlier runs when no issue holds one yet.
 */
import type { DriftReport } from '../../shared/drift/index.js';
import { ArtifactError, DRIFT_REPORT_FILE, downloadArtifactZip, listRunArtifacts, readArtifactJson, type ArtifactRef } from '../../shared/github/artifact.js';
import { toGitHubApiError } from '../../shared/github/failure.js';
import { checkNameOf, incidentKey, isDriftArtifact, parseIncidentReport, runRecordOf, type IncidentKeyParts, type IncidentSignal, type RunRecord } from '../../shared/incidents/index.js';
import { isUserFacing } from '../../shared/errors/index.js';
import type { Delivery } from '../delivery.js';
import { defaultStage, type IncidentSettings } from './config.js';
import { untrustedRunReason } from './trusted-run.js';

/** The artifact (and its `-<suffix>` variants) a `tollgate monitor` step uploads, read like a drift artifact. */
export const MONITOR_ARTIFACT = 'monitor-report';

/** The report file of a monitor artifact (`tollgate.monitor/v1`). */
export const MONITOR_REPORT_FILE = 'monitor-report.json';

/** Most drift artifacts read from one run (a matrix of models uploads one each). */
export const MAX_ARTIFACTS_PER_RUN = 20;

/** A completed workflow run, from a webhook or the REST API. */
export interface DriftRun {
  id: number;
  workflowId: number;
  /** `.github/workflows/drift.yml`. */
  path: string;
  headSha: string;
  headBranch: string | null;
  /** `owner/name` of the repository the run's code came from (a fork for a fork's pull request). */
  headRepository: string | null;
  event: string;
  conclusion: string | null;
  createdAt: string;
  /** When it completed (its last update). */
  completedAt: string;
  url: string | null;
  /** `https://github.com/acme/churn`. */
  repositoryUrl: string | null;
}

interface RunShape {
  id: number;
  workflow_id: number;
  path?: string | null;
  head_sha: string;
  head_branch?: string | null;
  event: string;
  conclusion?: string | null;
  created_at: string;
  updated_at?: string | null;
  html_url?: string | null;
  repository?: { html_url?: string | null } | null;
  head_repository?: { full_name?: string | null } | null;
}

/** A `workflow_run` object (webhook or REST) as a drift run. */
export function driftRunOf(run: RunShape, repositoryUrl?: string | null): DriftRun {
  const url = run.html_url ?? null;
  return {
    id: run.id,
    workflowId: run.workflow_id,
    path: run.path ?? '',
    headSha: run.head_sha,
    headBranch: run.head_branch ?? null,
    headRepository: run.head_repository?.full_name ?? null,
    event: run.event,
    conclusion: run.conclusion ?? null,
    createdAt: run.created_at,
    completedAt: run.updated_at ?? run.created_at,
    url,
    repositoryUrl: repositoryUrl ?? run.repository?.html_url ?? url?.replace(/\/actions\/runs\/\d+.*$/, '') ?? null,
  };
}

/** The workflow's file name (`drift.yml`). */
export function workflowFile(run: Pick<DriftRun, 'path'>): string {
  return run.path.split('@')[0].split('/').at(-1) ?? '';
}

/** One drift artifact of a run: its report and incident, or why it could not be used. */
export type RunReport =
  | { ok: true; artifact: ArtifactRef; report: DriftReport; signals: IncidentSignal[] | null; key: string; parts: IncidentKeyParts; extras: Map<string, unknown> }
  | { ok: false; artifact: ArtifactRef | null; message: string; reason: string };

/** The incident a report belongs to: its model, its stage (default: the champion stage) and the run's workflow as the check. */
export function incidentOf(report: DriftReport, run: DriftRun, settings: IncidentSettings): { key: string; parts: IncidentKeyParts } | { error: string } {
  if (!report.model) return { error: 'the report names no model: pass `model:` to the drift action so the bot knows which model drifted' };
  const stage = report.stage ?? defaultStage(settings, report.model);
  const check = checkNameOf(workflowFile(run));
  try {
    return { key: incidentKey(report.model, stage, check), parts: { model: report.model, stage, check } };
  } catch (error) {
    if (isUserFacing(error)) return { error: error.message };
    throw error;
  }
}

function isMonitorArtifact(name: string): boolean {
  return name === MONITOR_ARTIFACT || (name.startsWith(`${MONITOR_ARTIFACT}-`) && name.length > MONITOR_ARTIFACT.length + 1);
}

/** The run's drift artifacts: the configured name (`drift-report`, `drift-report-<suffix>`) or `monitor-report`(`-<suffix>`). */
export async function driftArtifacts(delivery: Delivery, run: DriftRun, settings: IncidentSettings): Promise<ArtifactRef[]> {
  const { client, owner, repo } = delivery;
  const artifacts = await delivery.memo(`artifacts:${run.id}`, () => listRunArtifacts(client, { owner, repo, runId: run.id }));
  return artifacts.filter((artifact) => isDriftArtifact(settings.incidents, artifact.name) || isMonitorArtifact(artifact.name)).slice(0, MAX_ARTIFACTS_PER_RUN);
}

/** Reads every drift artifact of a run; failures are returned, not thrown. */
export async function readRunReports(delivery: Delivery, run: DriftRun, settings: IncidentSettings, extras: readonly string[] = []): Promise<RunReport[]> {
  const results: RunReport[] = [];
  for (const artifact of await driftArtifacts(delivery, run, settings)) {
    try {
      const read = await readReportArtifact(delivery, run, artifact, extras);
      const incident = incidentOf(read.report, run, settings);
      if ('error' in incident) results.push({ ok: false, artifact, message: `artifact '${artifact.name}': ${incident.error}`, reason: 'no-incident' });
      else results.push({ ok: true, artifact, ...read, ...incident });
    } catch (error) {
      if (!(error instanceof ArtifactError)) throw error;
      results.push({ ok: false, artifact, message: error.message, reason: error.reason });
    }
  }
  return results;
}

/**
 * One artifact's report: `drift-report.json` or `monitor-report.json`
 * (whichever it holds; a drift report first), validated, with the extra
 * files asked for.
 */
async function readReportArtifact(
  delivery: Delivery,
  run: DriftRun,
  artifact: ArtifactRef,
  extras: readonly string[],
): Promise<{ report: DriftReport; signals: IncidentSignal[] | null; extras: Map<string, unknown> }> {
  const { client, owner, repo } = delivery;
  const zip = await downloadArtifactZip(client, { owner, repo, runId: run.id }, artifact);
  const values = readArtifactJson(zip, artifact, { required: [], optional: [DRIFT_REPORT_FILE, MONITOR_REPORT_FILE, ...extras] });
  const file = values.has(DRIFT_REPORT_FILE) ? DRIFT_REPORT_FILE : values.has(MONITOR_REPORT_FILE) ? MONITOR_REPORT_FILE : null;
  if (file === null) throw new ArtifactError('file-missing', `artifact '${artifact.name}' has neither ${DRIFT_REPORT_FILE} nor ${MONITOR_REPORT_FILE}`);
  const parsed = parseIncidentReport(values.get(file));
  if (!parsed.ok) throw new ArtifactError('schema', `${file} in artifact '${artifact.name}' is not a ${file === DRIFT_REPORT_FILE ? 'drift' : 'monitor'} report: ${parsed.problem.message}`);
  values.delete(DRIFT_REPORT_FILE);
  values.delete(MONITOR_REPORT_FILE);
  return { report: parsed.read.report, signals: parsed.read.signals, extras: values };
}

interface ListedRun extends RunShape {
  status?: string | null;
}

/**
 * The runs of the same workflow (and branch) that completed before `run`,
 * newest first, at most `count`.
 */
export async function earlierRuns(delivery: Delivery, run: DriftRun, count: number): Promise<DriftRun[]> {
  if (count <= 0) return [];
  const { client, owner, repo } = delivery;
  let listed: ListedRun[];
  try {
    const { data } = await client.rest.actions.listWorkflowRuns({
      owner,
      repo,
      workflow_id: run.workflowId,
      status: 'completed',
      ...(run.headBranch ? { branch: run.headBranch } : {}),
      per_page: Math.min(100, count + 5),
    });
    listed = data.workflow_runs as ListedRun[];
  } catch (error) {
    toGitHubApiError(error, `listing the runs of workflow ${run.path || run.workflowId}`, 'actions: read');
  }
  return listed
    .filter((candidate) => candidate.id !== run.id && Date.parse(candidate.created_at) <= Date.parse(run.createdAt))
    .filter((candidate) => candidate.conclusion !== 'cancelled' && candidate.conclusion !== 'skipped')
    .map((candidate) => driftRunOf(candidate, run.repositoryUrl))
    .filter((candidate) => untrustedRunReason(candidate, owner, repo) === null)
    .slice(0, count);
}

function recordsKey(delivery: Delivery, runId: number): string {
  return `drift-records:${delivery.owner}/${delivery.repo}:${runId}`;
}

/**
 * Remembers what a run's reports said, by incident key, for the life of the
 * process: a completed run's reports never change, and the next run reads
 * them as its history while no issue holds one.
 */
export function rememberRecords(delivery: Delivery, run: DriftRun, reports: readonly RunReport[]): Record<string, RunRecord> {
  const byKey: Record<string, RunRecord> = {};
  for (const read of reports) if (read.ok && !byKey[read.key]) byKey[read.key] = runRecordOf(read.report, { id: run.id, at: run.completedAt });
  delivery.lasting.set(recordsKey(delivery, run.id), byKey);
  return byKey;
}

/** The history of `key` from the workflow's earlier runs (oldest first): used when no issue holds one. */
export async function priorRecords(delivery: Delivery, run: DriftRun, key: string, settings: IncidentSettings, count: number): Promise<RunRecord[]> {
  const records: RunRecord[] = [];
  for (const earlier of await earlierRuns(delivery, run, count)) {
    let byKey = delivery.lasting.get<Record<string, RunRecord>>(recordsKey(delivery, earlier.id));
    if (!byKey) {
      const reports = await readRunReports(delivery, earlier, settings);
      for (const read of reports) if (!read.ok) delivery.log.info(`earlier drift run ${earlier.id}: ${read.message}`);
      byKey = rememberRecords(delivery, earlier, reports);
    }
    if (byKey[key]) records.push(byKey[key]);
  }
  return records.reverse();
}
