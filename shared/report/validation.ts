import { validationFails, type ValidationFailOn } from '../contract/fail-on.js';
import type { ValidationReport } from '../contract/index.js';
import { codeSpan, escapeMarkdown, markdownTable, plural } from './markdown.js';
import { displayValue, textTable } from './text-table.js';

function exampleRows(examples: ValidationReport['checks'][number]['examples']): string {
  return examples.map((example) => (example.line !== undefined ? `${example.row} (line ${example.line})` : String(example.row))).join(', ');
}

/** The headline: whether the gate fails at `failOn`, and what failed. */
function verdict(report: ValidationReport, failOn: ValidationFailOn): { mark: 'failed' | 'warned' | 'passed'; text: string } {
  const { failed_errors: errors, failed_warnings: warnings, checks } = report.summary;
  const rows = report.rows.toLocaleString('en-US');
  const failures = [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
  if (validationFails(report, failOn)) {
    const why = errors === 0 ? ' (--fail-on warn)' : '';
    return { mark: 'failed', text: `failed: ${failures}${why} in ${plural(checks, 'check')} over ${rows} rows` };
  }
  if (failures !== '') {
    const why = errors > 0 ? ' (--fail-on never)' : '';
    return { mark: 'warned', text: `passed with ${failures}${why} (${plural(checks, 'check')}, ${rows} rows)` };
  }
  return { mark: 'passed', text: `passed: ${plural(checks, 'check')} over ${rows} rows` };
}

/** Failed checks first (errors, then warnings), then passed ones. */
function ordered(report: ValidationReport): ValidationReport['checks'] {
  const rank = (check: ValidationReport['checks'][number]) => (check.ok ? 2 : check.severity === 'error' ? 0 : 1);
  return [...report.checks].sort((a, b) => rank(a) - rank(b));
}

/** The terminal report of `tollgate validate`; `failOn` (default `error`) decides the headline as it decides the exit code. */
export function validationText(report: ValidationReport, failOn: ValidationFailOn = 'error'): string {
  const headline = verdict(report, failOn);
  const mark = { failed: '✗', warned: '!', passed: '✓' }[headline.mark];
  const rows = ordered(report).map((check) => [
    check.ok ? 'ok' : check.severity === 'error' ? 'FAIL' : 'warn',
    check.column ?? '(dataset)',
    check.rule,
    check.failing_rows > 0 ? check.failing_rows.toLocaleString('en-US') : '',
    displayValue(check.observed),
    displayValue(check.expected),
    check.ok ? '' : exampleRows(check.examples),
  ]);
  const table = textTable(['', 'column', 'rule', 'rows', 'observed', 'expected', 'example rows'], rows);
  return `${mark} ${report.data}: ${headline.text}\n\n${table}\n`;
}

/** The job summary of the `validate` action: verdict, failed checks, then the rest collapsed. */
export function validationMarkdown(report: ValidationReport, failOn: ValidationFailOn = 'error'): string {
  const failed = ordered(report).filter((check) => !check.ok);
  const passed = report.checks.filter((check) => check.ok);
  const headline = verdict(report, failOn);
  const icon = { failed: ':x:', warned: ':warning:', passed: ':white_check_mark:' }[headline.mark];
  const lines = [`### ${icon} Data contract ${escapeMarkdown(headline.text)}`, '', `Data ${codeSpan(report.data)} against ${codeSpan(report.contract)}.`, ''];
  if (failed.length > 0) {
    lines.push(
      markdownTable(
        ['Severity', 'Column', 'Rule', 'Failing rows', 'Observed', 'Expected', 'Example rows', 'Message'],
        failed.map((check) => [
          check.severity,
          check.column ?? '(dataset)',
          check.rule,
          check.failing_rows,
          displayValue(check.observed),
          displayValue(check.expected),
          exampleRows(check.examples),
          check.message,
        ]),
      ),
      '',
    );
  }
  if (passed.length > 0) {
    lines.push(
      '<details><summary>Passed checks</summary>',
      '',
      markdownTable(
        ['Column', 'Rule', 'Observed', 'Expected'],
        passed.map((check) => [check.column ?? '(dataset)', check.rule, displayValue(check.observed), displayValue(check.expected)]),
      ),
      '',
      '</details>',
    );
  }
  return `${lines.join('\n')}\n`;
}
