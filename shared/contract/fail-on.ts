import type { ValidationReport } from './validate.js';

/** Which failed checks fail the gate: error-severity ones (the default), warnings too, or none. */
export const VALIDATION_FAIL_ON = ['error', 'warn', 'never'] as const;
export type ValidationFailOn = (typeof VALIDATION_FAIL_ON)[number];

/** The failed checks that count against the gate at `failOn`. */
export function failingChecks(report: ValidationReport, failOn: ValidationFailOn): ValidationReport['checks'] {
  if (failOn === 'never') return [];
  return report.checks.filter((check) => !check.ok && (failOn === 'warn' || check.severity === 'error'));
}

/** Whether the data fails the gate at `failOn` (exit 1, a failed step). */
export function validationFails(report: ValidationReport, failOn: ValidationFailOn): boolean {
  return failingChecks(report, failOn).length > 0;
}
