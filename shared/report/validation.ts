import type { ValidationReport } from '../contract/index.js';
import { codeSpan, escapeMarkdown, markdownTable } from './markdown.js';
import { displayValue, textTable } from './text-table.js';

function exampleRows(examples: ValidationReport['checks'][number]['examples']): string {
  return examples.map((example) => (example.line !== undefined ? `${example.row} (line ${example.line})` : String(example.row))).join(', ');
}

function verdict(report: ValidationReport): string {
  const { failed_errors: errors, failed_warnings: warnings, checks } = report.summary;
  const rows = report.rows.toLocaleString('en-US');
  if (errors > 0) return `failed: ${errors} error${errors === 1 ? '' : 's'}${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''} in ${checks} checks over ${rows} rows`;
  if (warnings > 0) return `passed with ${warnings} warning${warnings === 1 ? '' : 's'} (${checks} checks, ${rows} rows)`;
  return `passed: ${checks} checks over ${rows} rows`;
}

/** Failed checks first (errors, then warnings), then passed ones. */
function ordered(report: ValidationReport): ValidationReport['checks'] {
  const rank = (check: ValidationReport['checks'][number]) => (check.ok ? 2 : check.severity === 'error' ? 0 : 1);
  return [...report.checks].sort((a, b) => rank(a) - rank(b));
}

/** The terminal report of `tollgate validate`. */
export function validationText(report: ValidationReport): string {
  const mark = report.ok ? (report.summary.failed_warnings > 0 ? '!' : '✓') : '✗';
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
  return `${mark} ${report.data}: ${verdict(report)}\n\n${table}\n`;
}

/** The job summary of the `validate` action: verdict, failed checks, then the rest collapsed. */
export function validationMarkdown(report: ValidationReport): string {
  const failed = ordered(report).filter((check) => !check.ok);
  const passed = report.checks.filter((check) => check.ok);
  const icon = report.ok ? (failed.length > 0 ? ':warning:' : ':white_check_mark:') : ':x:';
  const lines = [`### ${icon} Data contract ${escapeMarkdown(verdict(report))}`, '', `Data ${codeSpan(report.data)} against ${codeSpan(report.contract)}.`, ''];
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
