import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defaultDriftConfig, driftConfigSchema, parseDriftConfig } from '../../shared/config/drift.js';
import { defaultDriftSettings } from '../../shared/drift/index.js';
import { ConfigError } from '../../shared/errors/index.js';

describe('drift configuration', () => {
  it('an empty file means the defaults (the engine defaults)', () => {
    expect(parseDriftConfig('', 'drift.yml').value).toEqual(defaultDriftSettings());
    expect(defaultDriftConfig()).toEqual(defaultDriftSettings());
  });

  it('reads a standalone drift.yml', () => {
    const text = [
      'preset: evidently',
      'fail_on: warn',
      'segment_by: [plan, region]',
      'thresholds:',
      '  psi: {warn: 0.2}',
      '  row_ratio: false',
      'columns:',
      '  age: {test: wasserstein, warn: 0.2, alert: 0.4, importance: 0.3}',
      '  plan: {test: chisquare, warn: 0.01, alert: 0.001}',
      '  customer_id: {exclude: true}',
    ].join('\n');
    const config = parseDriftConfig(text, 'drift.yml').value;
    expect(config).toMatchObject({ preset: 'evidently', fail_on: 'warn', segment_by: ['plan', 'region'] });
    expect(config.thresholds.psi).toEqual({ warn: 0.2, alert: 0.25 });
    expect(config.thresholds.row_ratio).toBe(false);
    expect(config.thresholds.null_share).toEqual({ warn: 0.05, alert: 0.2 });
    expect(config.columns.age).toEqual({ test: 'wasserstein', warn: 0.2, alert: 0.4, importance: 0.3 });
    expect(config.columns.customer_id).toEqual({ exclude: true });
  });

  it('reads the drift: section of a tollgate.yml and points errors at its lines', () => {
    const text = ['models:', '  churn: {stages: [production]}', 'drift:', '  columns:', '    age: {test: kss}'].join('\n');
    expect(() => parseDriftConfig(text, '.github/tollgate.yml')).toThrow(ConfigError);
    expect(() => parseDriftConfig(text, '.github/tollgate.yml')).toThrow(/^\.github\/tollgate\.yml:5:17: drift\.columns\.age\.test: expected one of "ks", "chisquare", "ztest", "psi", "jensenshannon", "wasserstein", "kl", got 'kss'/);
    const good = parseDriftConfig(['models: {}', 'drift:', '  fail_on: never'].join('\n'), 'tollgate.yml');
    expect(good.value.fail_on).toBe('never');
  });

  it('checks thresholds: order by direction, q-values below 1, unknown keys', () => {
    expect(() => parseDriftConfig('columns:\n  x: {warn: 0.3, alert: 0.2}\n', 'd.yml')).toThrow(/^d\.yml:2:\d+: columns\.x\.alert: alert \(0\.2\) must be at least warn \(0\.3\)/);
    expect(() => parseDriftConfig('columns:\n  x: {test: ks, warn: 0.01, alert: 0.05}\n', 'd.yml')).toThrow(/alert \(0\.05\) must be at most warn \(0\.01\)/);
    expect(() => parseDriftConfig('columns:\n  x: {test: ztest, warn: 2}\n', 'd.yml')).toThrow(/ztest thresholds are q-values: expected a number below 1/);
    expect(() => parseDriftConfig('thresholds:\n  psi: {warn: 0.3, alert: 0.1}\n', 'd.yml')).toThrow(/thresholds\.psi\.alert: alert must be at least warn/);
    expect(() => parseDriftConfig('thresholds:\n  row_ratio: {warn: [0.5, 2], alert: [0.6, 5]}\n', 'd.yml')).toThrow(/the alert range must contain the warn range/);
    expect(() => parseDriftConfig('tresholds: {}\n', 'd.yml')).toThrow(/^d\.yml:1:1: tresholds: unknown key 'tresholds', did you mean 'thresholds'\?/);
  });

  it('converts to JSON Schema for editors', () => {
    const schema = z.toJSONSchema(driftConfigSchema, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, { description?: string }>; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(['preset', 'fail_on', 'segment_by', 'thresholds', 'columns']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.fail_on.description).toMatch(/fails/);
  });
});
