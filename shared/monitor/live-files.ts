/**
 * Shadow and canary comparisons from files and the configuration's sections:
 * the one place that turns `monitor:`, `evaluation:` and `drift:` into the
 * options of {@link compareShadow} and {@link analyzeCanary}, for the command
 * line and the action alike.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { MonitorSections } from '../config/monitor.js';
import type { DataFormat } from '../data/types.js';
import { UsageError } from '../errors/index.js';
import { analyzeCanary, assertDistinctVersions } from './canary.js';
import { loadLabels, type LabelSet } from './labels.js';
import { loadPredictionLog, type LogView } from './log.js';
import { compareShadow } from './shadow.js';
import type { CanaryReport, ShadowReport } from './types.js';
import type { WindowRequest } from './window.js';

/** What both comparisons take besides their logs. */
export interface LiveComparisonRequest {
  /** Delayed labels joined by request id, when there are any. */
  labels?: string;
  format?: DataFormat;
  window?: WindowRequest;
  model?: string;
  stage?: string;
}

type Task = 'classification' | 'regression';

function taskOf(sections: MonitorSections): Task {
  return sections.monitor.task ?? sections.evaluation.task ?? 'classification';
}

function readOptions(sections: MonitorSections, task: Task, format: DataFormat | undefined) {
  return { columns: sections.monitor.columns, numericLabels: task === 'regression', format };
}

async function labelsFor(sections: MonitorSections, request: LiveComparisonRequest, log: LogView, task: Task): Promise<LabelSet | null> {
  if (request.labels === undefined) return null;
  return loadLabels(request.labels, { id: sections.monitor.labels.id ?? log.roles.id ?? 'request_id', label: sections.monitor.labels.label ?? 'label', task });
}

/** Whether two paths name one file: the same path, or (through links) the same inode. */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [x, y] = await Promise.all([stat(a, { bigint: true }), stat(b, { bigint: true })]);
    return x.ino !== 0n && x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false; // a missing file is reported when the log is read
  }
}

/** A shadow model against the live one on the same requests. */
export async function shadowFromFiles(livePath: string, shadowPath: string, sections: MonitorSections, request: LiveComparisonRequest = {}): Promise<ShadowReport> {
  if (await sameFile(livePath, shadowPath)) {
    const shown = resolve(livePath) === resolve(shadowPath) ? livePath : `${livePath} and ${shadowPath}`;
    throw new UsageError(`the live and the shadow log are the same file (${shown}): a shadow comparison needs the shadow model's own log of the same requests`);
  }
  const task = taskOf(sections);
  const live = await loadPredictionLog(livePath, readOptions(sections, task, request.format));
  const shadow = await loadPredictionLog(shadowPath, readOptions(sections, task, request.format));
  return compareShadow(live, shadow, await labelsFor(sections, request, live, task), {
    bounds: sections.monitor.shadow,
    task,
    threshold: sections.monitor.threshold ?? sections.evaluation.threshold,
    policy: sections.evaluation,
    drift: sections.drift,
    minLabels: sections.monitor.performance.min_labels,
    window: request.window,
    model: request.model,
    stage: request.stage,
  });
}

/** The canary version against the control, from one log holding both. */
export async function canaryFromFiles(logPath: string, control: string, canary: string, sections: MonitorSections, request: LiveComparisonRequest = {}): Promise<CanaryReport> {
  assertDistinctVersions(control, canary);
  const task = taskOf(sections);
  const log = await loadPredictionLog(logPath, readOptions(sections, task, request.format));
  return analyzeCanary(log, control, canary, await labelsFor(sections, request, log, task), {
    bounds: sections.monitor.canary,
    task,
    threshold: sections.monitor.threshold ?? sections.evaluation.threshold,
    metric: sections.monitor.performance.metrics[0] ?? sections.evaluation.primary?.metric,
    resamples: sections.monitor.performance.resamples,
    seed: sections.monitor.performance.seed,
    minLabels: sections.monitor.performance.min_labels,
    window: request.window,
    model: request.model,
    stage: request.stage,
  });
}
