/**
 * The monitor action: monitor, shadow or canary from inputs to the report,
 * outputs, job summary and annotations. The work is in shared/monitor.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as core from '@actions/core';
import { CONFIG_PATH } from '../../../shared/config/path.js';
import { defaultMonitorSections, loadMonitorSections, type MonitorSections } from '../../../shared/config/monitor.js';
import { InputError, readJsonFile, UsageError } from '../../../shared/errors/index.js';
import {
  NO_REFERENCE,
  canaryFromFiles,
  evidenceRecord,
  loadReferenceFiles,
  monitorFailed,
  monitorFiles,
  referenceFromRegistry,
  shadowFromFiles,
  type LiveComparisonRequest,
  type MonitorReference,
  type WindowRequest,
} from '../../../shared/monitor/index.js';
import type { DataFormat } from '../../../shared/data/index.js';
import type { BackendChoice } from '../../../shared/registry/index.js';
import { canaryMarkdown, monitorMarkdown, shadowMarkdown } from '../../../shared/report/monitor.js';
import { annotate } from '../../lib/annotations.js';
import { choiceInput, optionalInput, requiredInput } from '../../lib/inputs.js';

export interface MonitorActionOptions {
  /** Tests pass a fetch that reaches a fake GitHub. */
  fetch?: typeof globalThis.fetch;
}

async function writeJson(path: string, value: unknown): Promise<void> {
  try {
    await writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
  } catch (error) {
    throw new InputError({ file: path }, `cannot write the report (${(error as Error).message})`, { cause: error });
  }
}

function formatOf(): DataFormat | undefined {
  const format = optionalInput('format');
  return format === undefined ? undefined : choiceInput<DataFormat>('format', ['csv', 'jsonl', 'parquet', 'arrow'], 'csv');
}

async function windowOf(base: string): Promise<WindowRequest> {
  const window: WindowRequest = { since: optionalInput('since'), until: optionalInput('until') };
  const previous = optionalInput('after-report');
  if (previous !== undefined) {
    const path = resolve(base, previous);
    if (!existsSync(path)) {
      core.info(`${previous} does not exist yet: checking the whole window.`);
      return window;
    }
    const report = await readJsonFile(path, previous);
    const reportWindow = typeof report === 'object' && report !== null ? (report as { window?: unknown }).window : undefined;
    const last = typeof reportWindow === 'object' && reportWindow !== null ? (reportWindow as { last?: unknown }).last : undefined;
    if (last !== null && typeof last !== 'string') {
      throw new InputError({ file: previous }, 'expected the JSON report of an earlier monitor run (its window.last is the time to continue after)');
    }
    // null: the earlier window held no rows, so there is nothing to continue after.
    if (last !== null) window.after = last;
  }
  return window;
}

/** Labels, format, window, model and stage, as the shadow and canary comparisons take them. */
async function comparisonRequest(base: string): Promise<LiveComparisonRequest> {
  const labels = optionalInput('labels');
  const model = optionalInput('model');
  return {
    labels: labels === undefined ? undefined : resolve(base, labels),
    format: formatOf(),
    window: await windowOf(base),
    model,
    stage: model === undefined ? undefined : optionalInput('stage'),
  };
}

async function referenceOf(base: string, configPath: string, options: MonitorActionOptions): Promise<MonitorReference> {
  const model = optionalInput('model');
  const files = { profile: optionalInput('reference'), evaluation: optionalInput('evaluation') };
  const absolute = { profile: files.profile && resolve(base, files.profile), evaluation: files.evaluation && resolve(base, files.evaluation) };
  if (model === undefined) return files.profile || files.evaluation ? loadReferenceFiles(absolute) : NO_REFERENCE;
  const assets = optionalInput('assets');
  return referenceFromRegistry({
    model,
    stage: optionalInput('stage') ?? 'champion',
    backend: choiceInput<BackendChoice>('backend', ['auto', 'git', 'github'], 'auto'),
    cwd: base,
    token: optionalInput('github-token'),
    repository: process.env.GITHUB_REPOSITORY,
    apiUrl: process.env.GITHUB_API_URL,
    configFile: configPath,
    assetsDir: assets && resolve(base, assets),
    files: absolute,
    fetch: options.fetch,
  });
}

async function runMonitor(base: string, configPath: string, sections: MonitorSections, options: MonitorActionOptions): Promise<void> {
  const logs = requiredInput('logs');
  const failOn = choiceInput('fail-on', ['alert', 'warn', 'never'] as const, sections.monitor.fail_on);
  const reportPath = resolve(base, optionalInput('report') ?? 'monitor-report.json');
  const reference = await referenceOf(base, configPath, options);
  const report = await monitorFiles(
    {
      logs: resolve(base, logs),
      labels: optionalInput('labels') && resolve(base, optionalInput('labels') as string),
      settings: sections.monitor,
      drift: sections.drift,
      task: sections.evaluation.task,
      threshold: sections.evaluation.threshold,
      window: await windowOf(base),
      version: optionalInput('version'),
      format: formatOf(),
      model: reference.version?.model ?? optionalInput('model'),
      stage: reference.version?.stage,
    },
    reference,
  );
  await writeJson(reportPath, report);
  const firing = report.signals.filter((signal) => signal.level === 'warn' || signal.level === 'alert');
  core.setOutput('level', report.level);
  core.setOutput('signals', firing.map((signal) => signal.signal).join(','));
  core.setOutput('version', report.version ?? '');
  core.setOutput('report', reportPath);
  annotate('error', firing.filter((signal) => signal.level === 'alert').map((signal) => ({ title: `${signal.signal}: alert`, message: signal.reasons.join('; ') || signal.summary })));
  annotate('warning', firing.filter((signal) => signal.level === 'warn').map((signal) => ({ title: `${signal.signal}: warn`, message: signal.reasons.join('; ') || signal.summary })));
  await core.summary.addRaw(monitorMarkdown(report)).write();
  if (monitorFailed(report.level, failOn)) core.setFailed(`monitoring ${report.level}: ${firing.map((signal) => signal.signal).join(', ')} (see the job summary)`);
}

async function runShadow(base: string, sections: MonitorSections): Promise<void> {
  const report = await shadowFromFiles(resolve(base, requiredInput('live')), resolve(base, requiredInput('shadow')), sections, await comparisonRequest(base));
  const reportPath = resolve(base, optionalInput('report') ?? 'shadow-report.json');
  await writeJson(reportPath, report);
  await writeEvidence(base, evidenceRecord(report));
  core.setOutput('verdict', report.verdict);
  core.setOutput('version', report.shadow.version ?? '');
  core.setOutput('report', reportPath);
  await core.summary.addRaw(shadowMarkdown(report)).write();
  if (report.verdict === 'fail') core.setFailed(`shadow evidence failed: ${report.reasons[0]}`);
}

async function runCanary(base: string, sections: MonitorSections): Promise<void> {
  const report = await canaryFromFiles(resolve(base, requiredInput('logs')), requiredInput('control'), requiredInput('canary'), sections, await comparisonRequest(base));
  const reportPath = resolve(base, optionalInput('report') ?? 'canary-report.json');
  await writeJson(reportPath, report);
  await writeEvidence(base, evidenceRecord(report));
  core.setOutput('verdict', report.verdict);
  core.setOutput('version', report.canary.version);
  core.setOutput('report', reportPath);
  await core.summary.addRaw(canaryMarkdown(report)).write();
  if (report.verdict === 'rollback') core.setFailed(`canary ${report.canary.version}: rollback (${report.reasons[0]})`);
}

async function writeEvidence(base: string, record: unknown): Promise<void> {
  const path = optionalInput('evidence');
  if (path === undefined) return;
  const target = resolve(base, path);
  await writeJson(target, record);
  core.setOutput('evidence', target);
}

/** Runs the action against the runner's environment. */
export async function monitorAction(options: MonitorActionOptions = {}): Promise<void> {
  const command = choiceInput('command', ['monitor', 'shadow', 'canary'] as const, 'monitor');
  const base = resolve(optionalInput('path') ?? '.');
  const configPath = resolve(base, optionalInput('config') ?? CONFIG_PATH);
  let sections = defaultMonitorSections();
  if (existsSync(configPath)) sections = await loadMonitorSections(configPath);
  else core.info(`${configPath} not found: using the default monitoring settings.`);
  if (command === 'monitor') return runMonitor(base, configPath, sections, options);
  if (optionalInput('logs') !== undefined && command === 'shadow') throw new UsageError("the shadow command reads 'live' and 'shadow', not 'logs'");
  return command === 'shadow' ? runShadow(base, sections) : runCanary(base, sections);
}
