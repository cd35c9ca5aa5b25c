export { contractSchema, columnRulesSchema, datasetRulesSchema, severitySchema, type Contract, type ColumnRules, type DatasetRules, type Severity } from './schema.js';
export { loadContract, parseContract } from './load.js';
export { validateData, type ValidationReport, type ValidateOptions } from './validate.js';
export { VALIDATION_FAIL_ON, failingChecks, validationFails, type ValidationFailOn } from './fail-on.js';
export type { CheckResult, Example } from './check.js';
export { inferContract, commonShape } from './infer.js';
export { profileForContract } from './infer-profile.js';
