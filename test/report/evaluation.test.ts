import { describe, expect, it } from 'vitest';
import type { EvaluationReport } from '../../shared/evaluate/index.js';
import { evaluationTitle, renderEvaluationMarkdown } from '../../shared/report/evaluation.js';
import { escapeMarkdown, tableCell } from '../../shared/report/markdown.js';

/** A table row as the report writes it (cells escaped by the shared helper). */
const row = (...cells: string[]) => `| ${cells.map(tableCell).join(' | ')} |`;

function report(overrides: Partial<EvaluationReport> = {}): EvaluationReport {
  return {
    schema: 'tollgate.evaluation/v1',
    decision: 'reject',
    mode: 'champion',
    task: 'classification',
    reasons: ['Segment plan=<img src=x onerror=alert(1)> (300 rows): roc_auc 0.9 → 0.8 (Δ −0.1), worse by more than the 0.02 allowed.', 'Primary metric roc_auc improved.'],
    rows: 1000,
    threshold: 0.5,
    primary: 'roc_auc',
    metrics: { challenger: { roc_auc: 0.81, ece: 0.05 }, champion: { roc_auc: 0.79, ece: 0.04 } },
    comparison: [
      { metric: 'roc_auc', role: 'primary', higher_is_better: true, challenger: 0.81, champion: 0.79, delta: 0.02, ci: [0.005, 0.035], confidence: 0.95, p_value: 0.012, rule: 'lower bound of Δ > 0', pass: true },
      { metric: 'ece', role: 'guardrail', higher_is_better: false, challenger: 0.05, champion: 0.04, delta: 0.01, ci: [-0.002, 0.02], confidence: 0.95, p_value: null, rule: 'Δ ≤ +0.02', pass: true },
    ],
    thresholds: [],
    segments: [
      { segment: 'plan', value: '<img src=x onerror=alert(1)>', rows: 300, metric: 'roc_auc', metrics: { challenger: 0.8, champion: 0.9 }, delta: -0.1, status: 'regressed', pass: false },
      { segment: 'plan', value: 'pro', rows: 700, metric: 'roc_auc', metrics: { challenger: 0.82, champion: 0.8 }, delta: 0.02, status: 'pass', pass: true },
      { segment: 'region', value: null, rows: 20, metric: 'roc_auc', metrics: { challenger: 0.7, champion: 0.75 }, delta: -0.05, status: 'too_few_rows', pass: true },
    ],
    bootstrap: { resamples: 1000, seed: 1, confidence: 0.95 },
    warnings: ['challenger: precision is ill-defined'],
    inputs: { challenger: 'preds/[evil](http://x).csv', champion: 'champ.csv' },
    ...overrides,
  };
}

describe('evaluation Markdown', () => {
  it('puts the verdict first, then reasons, the gated table, failed segments and a collapsed rest', () => {
    const markdown = renderEvaluationMarkdown(report(), { model: 'churn', runUrl: 'https://github.com/o/r/actions/runs/1' });
    expect(markdown.startsWith('### ❌ Reject: churn challenger vs champion\n')).toBe(true);
    const order = ['### ❌ Reject', '- Segment plan=', '| Metric | Gate |', '**Segments that regressed**', '<details><summary>Everything else', '**All metrics**', '**All segments**', '**Warnings**', '**Settings**', '</details>', '[Workflow run](https://github.com/o/r/actions/runs/1)'];
    const positions = order.map((text) => markdown.indexOf(text));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(markdown).toContain(row('roc_auc', 'primary: lower bound of Δ > 0', '0.81', '0.79', '+0.02', '+0.005 to +0.035', '0.012', '✅ pass'));
    expect(markdown).toContain(row('region', '(missing)', '20', 'roc_auc', '0.75', '0.7', '-0.05', 'too few rows (not gated)'));
  });

  it('escapes everything that came from data', () => {
    const markdown = renderEvaluationMarkdown(report(), { model: 'churn <script>' });
    expect(markdown).not.toContain('<img');
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain(escapeMarkdown('<img src=x onerror=alert(1)>'));
    expect(markdown).toContain('&lt;img');
    expect(markdown).not.toContain('[evil](http://x)');
    expect(renderEvaluationMarkdown(report(), { runUrl: 'javascript:alert(1)' })).not.toContain('Workflow run');
  });

  it('absolute mode says there is no champion and shows the thresholds', () => {
    const markdown = renderEvaluationMarkdown(
      report({
        mode: 'absolute',
        decision: 'promote',
        comparison: [],
        segments: [],
        metrics: { challenger: { roc_auc: 0.81 }, champion: null },
        thresholds: [{ metric: 'roc_auc', bound: 'min', limit: 0.7, value: 0.81, pass: true }],
        reasons: ['No champion to compare with: decided on the absolute thresholds only.', 'roc_auc is 0.81, at least the min of 0.7.'],
        inputs: { challenger: 'c.csv', champion: null },
      }),
    );
    expect(markdown.startsWith('### ✅ Promote: no champion yet: absolute thresholds only')).toBe(true);
    expect(markdown).toContain(row('roc_auc', 'min 0.7', '0.81', '✅ pass'));
    expect(markdown).toContain('- Champion predictions: none');
  });

  it('stays bounded with many segments and reasons', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ segment: 'city', value: `city-${i}`, rows: 300, metric: 'roc_auc' as const, metrics: { challenger: 0.7, champion: 0.8 }, delta: -0.1, status: 'regressed' as const, pass: false }));
    const markdown = renderEvaluationMarkdown(report({ segments: many, reasons: many.map((row) => `Segment city=${row.value} regressed.`) }));
    expect(markdown.length).toBeLessThan(65_536);
    expect(markdown).toContain('- … and 475 more (see evaluation.json)');
    expect(markdown).toContain('450 more not shown (see evaluation.json).');
    expect(markdown).toContain('300 more not shown (see evaluation.json).');
  });

  it('titles a check run in one line', () => {
    expect(evaluationTitle(report(), 'churn')).toBe('churn: reject: roc_auc +0.02 (95% CI +0.005 to +0.035)');
    expect(evaluationTitle(report({ mode: 'absolute', decision: 'promote' }))).toBe('promote (no champion; absolute thresholds)');
  });
});
