import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as core from '@actions/core';
import { defaultEvaluationConfig, loadEvaluationConfig } from '../../../shared/config/evaluation.js';
import { InputError } from '../../../shared/errors/index.js';
import { evaluateFiles } from '../../../shared/evaluate/index.js';
import { loadModelsConfig } from '../../../shared/registry/config.js';
import { createGitHubClient, type GitHubClient, type GitHubClientOptions } from '../../../shared/github/client.js';
import { evaluationTitle, renderEvaluationMarkdown } from '../../../shared/report/evaluation.js';
import { booleanInput, configInput, optionalInput, requiredInput } from '../../lib/inputs.js';
import { championPredictions } from './champion.js';
import { readRunContext } from './context.js';
import { publishToPullRequest } from './publish.js';

async function writeText(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    throw new InputError({ file: path }, `cannot write the report (${(error as Error).message})`);
  }
}

function markdownPathOf(reportPath: string): string {
  return reportPath.endsWith('.json') ? `${reportPath.slice(0, -'.json'.length)}.md` : `${reportPath}.md`;
}

export interface EvaluateActionOptions {
  /** Builds the GitHub client (tests inject one with their own transport or retry settings). */
  createClient?: (options: GitHubClientOptions) => GitHubClient;
}

/** The `evaluate` action: challenger vs champion, decision, report files, outputs, summary, PR comment and check run. */
export async function evaluateAction(options: EvaluateActionOptions = {}): Promise<void> {
  const predictions = requiredInput('predictions');
  const championInput = optionalInput('champion-predictions');
  const model = optionalInput('model');
  const stage = optionalInput('stage');
  const predictCommand = optionalInput('predict-command');
  const config = configInput();
  const configPath = config.path;
  const reportPath = optionalInput('report') ?? 'evaluation.json';
  const failOnReject = booleanInput('fail-on-reject', true);
  const checkName = optionalInput('check-name') ?? 'tollgate/evaluation';
  const token = optionalInput('github-token');

  const context = await readRunContext();
  let client: GitHubClient | undefined;
  const github = () => (client ??= (options.createClient ?? createGitHubClient)({ token, baseUrl: context.apiUrl }));

  let policy = defaultEvaluationConfig();
  if (existsSync(configPath)) policy = (await loadEvaluationConfig(configPath)).value;
  else if (config.required) throw new InputError({ file: configPath }, 'file not found: the configuration given as `config` must exist (only the default .github/tollgate.yml may be absent)');
  else core.info(`${configPath} not found: using the default evaluation policy.`);

  let champion = championInput;
  if (champion === undefined && model !== undefined) {
    const workDir = await mkdtemp(join(process.env.RUNNER_TEMP ?? tmpdir(), 'tollgate-evaluate-'));
    const cwd = resolve(optionalInput('working-directory') ?? '.');
    // A required config that is missing was refused above.
    const models = await loadModelsConfig(configPath);
    champion = (await championPredictions({ client: github(), owner: context.owner, repo: context.repo, model, stage, models, predictCommand, cwd, workDir }))?.file;
  }

  const report = await evaluateFiles({
    predictions,
    champion,
    columns: { id: optionalInput('id-column'), label: optionalInput('label-column'), score: optionalInput('score-column') },
    policy,
  });
  const markdown = renderEvaluationMarkdown(report, { model, runUrl: context.runUrl });
  const markdownPath = markdownPathOf(reportPath);
  await writeText(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  await writeText(markdownPath, markdown);

  core.setOutput('decision', report.decision);
  core.setOutput('report', reportPath);
  core.setOutput('markdown', markdownPath);
  await core.summary.addRaw(markdown).write();

  if (context.pullRequest) {
    const { commentUrl } = await publishToPullRequest({ client: github(), context: { ...context, pullRequest: context.pullRequest }, report, markdown, model, checkName });
    if (commentUrl) core.setOutput('comment-url', commentUrl);
  }

  const title = evaluationTitle(report, model);
  // In absolute mode the first reason is the note that there was no champion; the first failure follows it.
  const firstFailure = report.reasons[report.mode === 'absolute' ? 1 : 0] ?? '';
  if (report.decision === 'reject' && failOnReject) core.setFailed(`Evaluation: ${title}. ${firstFailure}`);
  else core.info(`Evaluation: ${title}`);
}
