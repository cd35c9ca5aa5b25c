/**
 * Drift runs for the bot's tests: a completed workflow run on the fake with a
 * `drift-report` artifact (a real zip made with fflate), delivered as
 * `workflow_run.completed`. The payload is adapted from the first
 * `workflow_run.completed` example of `@octokit/webhooks-examples`
 * (api.github.com/index.json): only what ties it to the fake repository and
 * run is replaced (repository, installation, sender, and the run's id,
 * workflow, commit, conclusion, times and URLs).
 */
import { strToU8, zipSync } from 'fflate';
import type { DriftReport } from '../../../shared/drift/index.js';
import type { IncidentSignal } from '../../../shared/incidents/index.js';
import { workflowRunJson, type FakeGitHub, type FakeRepo, type FakeWorkflowRun } from '../../support/fake-github.js';
import { example } from './payloads.js';

export const DRIFT_WORKFLOW = '.github/workflows/drift.yml';

/** `workflow_run.completed` for a run of the fake. */
export function workflowRunPayload(fake: FakeGitHub, repo: FakeRepo, run: FakeWorkflowRun): Record<string, unknown> {
  const payload = example('workflow_run', 'completed');
  const original = payload.workflow_run as Record<string, unknown>;
  payload.workflow_run = { ...original, ...workflowRunJson(fake, repo, run), repository: undefined };
  payload.workflow = { ...(payload.workflow as object), id: run.workflow_id, path: run.path, name: run.name };
  payload.repository = {
    ...(payload.repository as object),
    id: repo.id,
    name: repo.name,
    full_name: repo.fullName,
    default_branch: repo.defaultBranch,
    html_url: `${fake.url}/${repo.fullName}`,
    owner: { ...((payload.repository as Record<string, unknown>).owner as object), login: repo.owner, type: 'Organization' },
  };
  payload.installation = { id: 1, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==' };
  payload.sender = { ...(payload.sender as object), login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
  delete payload.organization;
  return payload;
}

/** A `tollgate.monitor/v1` report as the bot reads it: the drift fields plus signals. */
export type MonitorReportFixture = Omit<DriftReport, 'schema'> & { schema: 'tollgate.monitor/v1'; signals: IncidentSignal[] };

/**
 * What the artifact holds: a report (a drift report zipped as drift-report.json in `drift-report`,
 * a monitor report as monitor-report.json in `monitor-report`), raw zip bytes, or none.
 */
export type ArtifactContent = { report: DriftReport | MonitorReportFixture; profile?: unknown } | { zip: Uint8Array; listedSize?: number } | null;

/** Adds a completed run of the drift workflow with its artifact (no delivery). */
export function addDriftRun(
  repo: FakeRepo,
  content: ArtifactContent,
  options: { conclusion?: string; path?: string; branch?: string; event?: string; headRepository?: string } = {},
): FakeWorkflowRun {
  const failing = content !== null && 'report' in content && content.report.level === 'alert';
  const run = repo.addWorkflowRun({
    path: options.path ?? DRIFT_WORKFLOW,
    conclusion: options.conclusion ?? (failing ? 'failure' : 'success'),
    ...(options.branch ? { head_branch: options.branch } : {}),
    ...(options.event ? { event: options.event } : {}),
    ...(options.headRepository ? { head_repository_full_name: options.headRepository } : {}),
  });
  if (content !== null) {
    if ('report' in content) {
      const kind = content.report.schema === 'tollgate.monitor/v1' ? 'monitor-report' : 'drift-report';
      const files: Record<string, Uint8Array> = { [`${kind}.json`]: strToU8(JSON.stringify(content.report)) };
      if (content.profile !== undefined) files['current-profile.json'] = strToU8(JSON.stringify(content.profile));
      repo.addArtifact(run.id, kind, zipSync(files));
    } else {
      repo.addArtifact(run.id, 'drift-report', content.zip, { listedSize: content.listedSize });
    }
  }
  return run;
}
