import type { ColumnType, Schema } from '../data/types.js';
import type { LocatedDocument } from '../config/yaml-document.js';
import type { CheckSetup, ColumnCheckContext, ContractCheck } from './check.js';
import { ruleValue, type Contract, type Severity } from './schema.js';
import { AllowedCheck } from './rules/allowed.js';
import { FreshnessCheck } from './rules/freshness.js';
import { LengthCheck } from './rules/length.js';
import { MaxNullFractionCheck, NullableCheck } from './rules/nullable.js';
import { PatternCheck } from './rules/pattern.js';
import { QuantileCheck } from './rules/quantile.js';
import { RangeCheck } from './rules/range.js';
import { RowCountCheck } from './rules/rows.js';
import { MomentCheck } from './rules/statistic.js';
import { TypeCheck } from './rules/type.js';
import { UniqueCheck } from './rules/unique.js';

/** A check plus what to do with its result. */
export interface PlannedCheck {
  check: ContractCheck;
  /** Implicit checks (type errors in undeclared columns) are reported only when they fail. */
  reportOnlyOnFailure?: boolean;
}

/** Turns the contract into the checks to run against data with this schema. */
export function buildChecks(contract: LocatedDocument<Contract>, schema: Schema, now: Date): PlannedCheck[] {
  const { value: rules, locate } = contract;
  const planned: PlannedCheck[] = [];
  const indexOf = new Map(schema.fields.map((field, index) => [field.name, index]));
  const datasetSeverity = rules.dataset.severity ?? 'error';
  const datasetSetup = (rule: string, severity: Severity | undefined, path: PropertyKey[]): CheckSetup => ({
    rule,
    severity: severity ?? datasetSeverity,
    location: locate(['dataset', ...path]),
  });

  const { rows } = rules.dataset;
  if (rows) planned.push({ check: new RowCountCheck(datasetSetup('rows', rows.severity, ['rows']), rows) });

  const key = ruleValue(rules.dataset.unique);
  if (key && key.value.every((name) => indexOf.has(name))) {
    const setup = datasetSetup('unique', key.severity, ['unique']);
    planned.push({ check: new UniqueCheck(setup, key.value, key.value.map((name) => indexOf.get(name)!)) });
  }

  const { freshness } = rules.dataset;
  if (freshness && indexOf.has(freshness.column)) {
    const setup = datasetSetup('freshness', freshness.severity, ['freshness']);
    planned.push({ check: new FreshnessCheck(setup, freshness.column, indexOf.get(freshness.column)!, freshness.max_age, now) });
  }

  for (const field of schema.fields) {
    const columnRules = rules.columns[field.name];
    const index = indexOf.get(field.name)!;
    if (!columnRules) {
      planned.push({ check: implicitTypeCheck(contract, schema, index), reportOnlyOnFailure: true });
      continue;
    }
    const columnSeverity = columnRules.severity ?? 'error';
    const context = (rule: string, severity: Severity | undefined, path: PropertyKey[] = [rule]): ColumnCheckContext => ({
      rule,
      severity: severity ?? columnSeverity,
      location: locate(['columns', field.name, ...path]),
      column: field.name,
      index,
      schema,
    });

    const type = ruleValue(columnRules.type);
    if (type) planned.push({ check: new TypeCheck(context('type', type.severity), type.value as ColumnType) });
    else planned.push({ check: implicitTypeCheck(contract, schema, index), reportOnlyOnFailure: true });

    const nullable = ruleValue(columnRules.nullable);
    if (nullable && !nullable.value) planned.push({ check: new NullableCheck(context('nullable', nullable.severity), false) });

    const nullFraction = ruleValue(columnRules.max_null_fraction);
    if (nullFraction) planned.push({ check: new MaxNullFractionCheck(context('max_null_fraction', nullFraction.severity), nullFraction.value) });

    for (const side of ['min', 'max'] as const) {
      const bound = ruleValue(columnRules[side]);
      if (bound) planned.push({ check: new RangeCheck(context(side, bound.severity), side, bound.value) });
    }

    const allowed = ruleValue(columnRules.allowed);
    if (allowed) planned.push({ check: new AllowedCheck(context('allowed', allowed.severity), allowed.value) });

    const pattern = ruleValue(columnRules.pattern);
    if (pattern) planned.push({ check: new PatternCheck(context('pattern', pattern.severity), pattern.value) });

    const unique = ruleValue(columnRules.unique);
    if (unique?.value) {
      const setup = context('unique', unique.severity);
      planned.push({ check: new UniqueCheck(setup, [field.name], [index]) });
    }

    const { length } = columnRules;
    if (length !== undefined) {
      const bounds = typeof length === 'number' ? { min: length, max: length } : length;
      const severity = typeof length === 'number' ? undefined : length.severity;
      planned.push({ check: new LengthCheck(context('length', severity), bounds) });
    }

    for (const statistic of ['mean', 'std'] as const) {
      const bounds = columnRules[statistic];
      if (bounds) planned.push({ check: new MomentCheck(context(statistic, bounds.severity), statistic, bounds) });
    }

    const { quantile } = columnRules;
    if (quantile) {
      const list = Array.isArray(quantile) ? quantile : [quantile];
      list.forEach((bounds, position) => {
        const path = Array.isArray(quantile) ? ['quantile', position] : ['quantile'];
        planned.push({ check: new QuantileCheck(context('quantile', bounds.severity, path), bounds) });
      });
    }
  }
  return planned;
}

/** Values that did not fit the inferred type of a column the contract does not type. */
function implicitTypeCheck(contract: LocatedDocument<Contract>, schema: Schema, index: number): ContractCheck {
  const field = schema.fields[index];
  return new TypeCheck(
    { rule: 'type', severity: 'warn', location: contract.locate(['columns', field.name]), column: field.name, index, schema },
    field.type,
  );
}
