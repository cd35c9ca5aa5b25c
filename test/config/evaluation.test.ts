import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defaultEvaluationConfig, evaluationSchema, loadEvaluationConfig } from '../../shared/config/evaluation.js';
import { parseYaml } from '../../shared/config/yaml-document.js';
import { ConfigError } from '../../shared/errors/index.js';

const wrapper = z.strictObject({ evaluation: evaluationSchema });

describe('evaluation config schema', () => {
  it('fills good defaults', () => {
    expect(defaultEvaluationConfig()).toEqual({
      columns: { id: 'id', label: 'label', score: 'score' },
      threshold: 0.5,
      guardrails: [],
      min: {},
      max: {},
      bootstrap: { resamples: 1000, seed: 20240601, confidence: 0.95 },
    });
  });

  it("accepts the issue's example", () => {
    const text = [
      'evaluation:',
      '  primary: {metric: roc_auc, min_delta: 0.0, confidence: 0.95}',
      '  guardrails:',
      '    - {metric: ece, max_increase: 0.01}',
      '    - {metric: log_loss, max_increase: 0.0}',
      '  segments: {by: [plan, region], min_rows: 200, max_regression: {metric: roc_auc, delta: 0.02}}',
      '  min: {roc_auc: 0.7}',
    ].join('\n');
    const { value } = parseYaml(text, 'tollgate.yml', wrapper);
    expect(value.evaluation.primary).toEqual({ metric: 'roc_auc', min_delta: 0, confidence: 0.95 });
    expect(value.evaluation.guardrails).toEqual([
      { metric: 'ece', max_increase: 0.01 },
      { metric: 'log_loss', max_increase: 0 },
    ]);
    expect(value.evaluation.segments).toEqual({ by: ['plan', 'region'], min_rows: 200, max_regression: { metric: 'roc_auc', delta: 0.02 } });
    expect(value.evaluation.min).toEqual({ roc_auc: 0.7 });
  });

  it('points at the line and column of an unknown metric', () => {
    const text = 'evaluation:\n  guardrails:\n    - {metric: auc, max_increase: 0.01}\n';
    expect(() => parseYaml(text, 'tollgate.yml', wrapper)).toThrow(ConfigError);
    try {
      parseYaml(text, 'tollgate.yml', wrapper);
    } catch (error) {
      expect((error as ConfigError).location).toEqual({ file: 'tollgate.yml', line: 3, column: 16 });
      expect((error as ConfigError).detail).toMatch(/^evaluation\.guardrails\[0\]\.metric: /);
    }
  });

  it('rejects unknown keys, guardrails without a limit, and metrics of the other task', () => {
    expect(() => parseYaml('evaluation:\n  primray: {metric: roc_auc}\n', 'f.yml', wrapper)).toThrow(/f\.yml:2:\d+: evaluation\.primray/);
    expect(() => parseYaml('evaluation:\n  guardrails: [{metric: ece}]\n', 'f.yml', wrapper)).toThrow(/set at least one of max_increase, max_decrease, min, max/);
    expect(() => parseYaml('evaluation:\n  primary: {metric: rmse}\n  min: {roc_auc: 0.7}\n', 'f.yml', wrapper)).toThrow(
      /f\.yml:3:18: evaluation\.min\.roc_auc: 'roc_auc' is a classification metric but this evaluation is regression/,
    );
    expect(() => parseYaml('evaluation:\n  bootstrap: {confidence: 95}\n', 'f.yml', wrapper)).toThrow(/evaluation\.bootstrap\.confidence/);
  });

  it('loadEvaluationConfig reads only the evaluation section of a whole config file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tollgate-config-'));
    try {
      const path = join(dir, 'tollgate.yml');
      await writeFile(path, 'models: {churn: {}}\nevaluation:\n  threshold: 0.3\n  bootstrap: {resamples: 2000}\n');
      const document = await loadEvaluationConfig(path);
      expect(document.value.threshold).toBe(0.3);
      expect(document.value.bootstrap).toEqual({ resamples: 2000, seed: 20240601, confidence: 0.95 });
      expect(document.locate(['threshold'])).toEqual({ file: path, line: 3, column: 14 });
      await writeFile(path, 'evaluation:\n  threshold: high\n');
      await expect(loadEvaluationConfig(path)).rejects.toThrow(`${path}:2:14: evaluation.threshold:`);
      // A misspelt section would otherwise drop every gate: the challenger would promote on no thresholds.
      await writeFile(path, 'evaluaton:\n  min: {roc_auc: 0.99}\nmodels: {}\n');
      await expect(loadEvaluationConfig(path)).rejects.toThrow(`${path}:1:1: evaluaton: unknown key 'evaluaton', did you mean 'evaluation'?`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('produces a JSON Schema (for editors) with descriptions and defaults', () => {
    const schema = z.toJSONSchema(evaluationSchema, { io: 'input' }) as { properties: Record<string, { default?: unknown; description?: string }> };
    expect(schema.properties.threshold.default).toBe(0.5);
    expect(schema.properties.primary.description).toMatch(/roc_auc/);
  });
});
