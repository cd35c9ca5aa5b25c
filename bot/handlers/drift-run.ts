/**
 * `workflow_run.completed`: a drift check finished. Its `drift-report`
 * artifact is read and each report's drift issue is opened, updated, closed
 * or reopened (see `shared/incidents`). Runs of other workflows cost one
 * artifact listing and are left alone; an unreadable report becomes a
 * `tollgate/drift` check run that says why.
 */
import type { EventHandler } from '../router.js';
import { processDriftRun } from '../incidents/process.js';
import { driftRunOf } from '../incidents/runs.js';

interface WorkflowRunPayload {
  action: string;
  workflow_run: Parameters<typeof driftRunOf>[0] & { status?: string };
  /** Older payloads carry the workflow file only here. */
  workflow?: { path?: string | null } | null;
  repository: { default_branch?: string; html_url?: string };
}

export const driftRunHandler: EventHandler = {
  name: 'drift-run',
  events: ['workflow_run.completed'],
  async handle(context, delivery) {
    const payload = context.payload as unknown as WorkflowRunPayload;
    const run = driftRunOf({ ...payload.workflow_run, path: payload.workflow_run.path ?? payload.workflow?.path ?? null }, payload.repository.html_url ?? null);
    const outcome = await processDriftRun(delivery, run, payload.repository.default_branch ?? 'main');
    if (outcome.status === 'skipped') delivery.log.debug(`workflow run ${run.id}: ${outcome.reason}`);
  },
};
