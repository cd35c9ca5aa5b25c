import { writeFile } from 'node:fs/promises';
import * as core from '@actions/core';
import { failingChecks, loadContract, validateData, VALIDATION_FAIL_ON, type ValidationReport } from '../../../shared/contract/index.js';
import { InputError } from '../../../shared/errors/index.js';
import { validationMarkdown } from '../../../shared/report/index.js';
import { annotate, type Annotation } from '../../lib/annotations.js';
import { choiceInput, optionalInput, requiredInput } from '../../lib/inputs.js';

/** The `validate` action: inputs in, report, outputs, summary and annotations out. */
export async function validateAction(): Promise<void> {
  const data = requiredInput('data');
  const contractPath = requiredInput('contract');
  const failOn = choiceInput('fail-on', VALIDATION_FAIL_ON, 'error');
  const reportPath = optionalInput('report') ?? 'validation-report.json';

  const contract = await loadContract(contractPath);
  const report = await validateData(data, contract);

  try {
    await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  } catch (error) {
    throw new InputError({ file: reportPath }, `cannot write the report (${(error as Error).message})`);
  }
  core.setOutput('ok', String(report.ok));
  core.setOutput('rows', String(report.rows));
  core.setOutput('report', reportPath);

  const hidden = {
    error: annotate('error', annotationsFor(report, 'error')),
    warning: annotate('warning', annotationsFor(report, 'warn')),
  };
  let summary = validationMarkdown(report, failOn);
  if (hidden.error + hidden.warning > 0) {
    summary += `\n_${hidden.error + hidden.warning} more failed checks are not shown as annotations (GitHub shows 10 per kind); all are in the table above and in the report._\n`;
  }
  await core.summary.addRaw(summary).write();

  const count = failingChecks(report, failOn).length;
  if (count > 0) {
    core.setFailed(`${data}: ${count} data contract check${count === 1 ? '' : 's'} failed (see the job summary)`);
  }
}

function annotationsFor(report: ValidationReport, severity: 'error' | 'warn'): Annotation[] {
  return report.checks
    .filter((check) => !check.ok && check.severity === severity)
    .map((check) => ({
      title: `${check.column ?? 'dataset'}: ${check.rule}`,
      message: `${check.message} (observed ${JSON.stringify(check.observed)}, expected ${JSON.stringify(check.expected)})`,
      file: check.location?.file,
      startLine: check.location?.line,
      startColumn: check.location?.column,
    }));
}
