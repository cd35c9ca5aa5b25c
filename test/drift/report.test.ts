import { describe, expect, it } from 'vitest';
import { driftFromFiles } from '../../shared/drift/index.js';
import { driftChart, driftHeadline, driftMarkdown, driftText, mermaidLabel } from '../../shared/report/drift.js';
import { column, driftOf, normals, picks, rngOf, settingsWith } from './tables.js';

const EVIL_NAME = '<img src=x onerror=alert(1)>';
const PIPE_NAME = 'a|b\u001b[31m';

/** A report whose column names and category values try to break out of Markdown, HTML and Mermaid. */
async function hostileReport() {
  const rng = rngOf(31);
  const n = 1500;
  const values = ['evil"] --> x', '<b>bold</b>', 'line\nbreak', '`code`', 'plain'] as const;
  const reference = picks(rng, n, values.map((v, i) => [v, i === 4 ? 10 : 1] as const));
  const current = picks(rng, n, values.map((v, i) => [v, i === 4 ? 1 : 3] as const));
  return driftOf(
    [column(EVIL_NAME, 'category', reference), column(PIPE_NAME, 'float', normals(rng, n)), column('ok', 'float', normals(rng, n))],
    [column(EVIL_NAME, 'category', current), column(PIPE_NAME, 'float', normals(rng, n, 0.7)), column('ok', 'float', normals(rng, n))],
    { settings: settingsWith({ segment_by: [EVIL_NAME] }) },
  );
}

function mermaidBlock(markdown: string): string {
  const match = /```mermaid\n([\s\S]*?)\n```/.exec(markdown);
  if (!match) throw new Error('no mermaid block');
  return match[1];
}

describe('the job summary', () => {
  it('leads with the verdict, then the moved columns, what moved and a chart of the worst column', async () => {
    const report = await driftFromFiles('examples/churn/data/train.csv', 'examples/churn/data/current-shifted.csv', { settings: settingsWith({ segment_by: ['plan'] }) });
    const markdown = driftMarkdown(report);
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('### 🔴 Drift alert: 2 of 10 columns drifted at alert level, 1 at warn');
    expect(driftHeadline(report)).toBe('Drift alert: 2 of 10 columns drifted at alert level, 1 at warn');
    const table = lines.filter((line) => line.startsWith('| monthly\\_spend |') || line.startsWith('| plan |') || line.startsWith('| last\\_login\\_days |'));
    expect(table.length).toBeGreaterThanOrEqual(3);
    expect(markdown).toContain('| column | level | test | reference | current | effect | p-value | q-value | missing |');
    expect(markdown).toMatch(/- \*\*monthly\\_spend\*\* \(alert\): KS q = /);
    expect(markdown).toMatch(/ {2}- \d+% of the PSI from values between p10 and p40/);
    expect(markdown).toMatch(/ {2}- by plan: basic \d+\.\d%/);
    const chart = mermaidBlock(markdown);
    expect(chart.split('\n')[0]).toBe('xychart-beta');
    expect(chart).toContain('title "monthly_spend: percent of rows per bin"');
    expect(chart.match(/^ {4}bar \[/gm)).toHaveLength(2);
    expect(markdown).toContain('Not tested: customer\\_id (ID-like: 100.0% of its 4000 reference values are distinct).');
  });

  it('says so plainly when nothing moved', async () => {
    const report = await driftFromFiles('examples/churn/data/train.csv', 'examples/churn/data/current-stable.csv', { settings: settingsWith({ thresholds: { row_ratio: false } }) });
    const markdown = driftMarkdown(report);
    expect(markdown.split('\n')[0]).toBe('### ✅ No drift: 0 of 10 columns drifted');
    expect(markdown).toContain('No column moved beyond its thresholds.');
    expect(markdown).not.toContain('```mermaid');
  });

  it('escapes column names and category values: no HTML, no broken table, no Mermaid injection', async () => {
    const report = await hostileReport();
    const markdown = driftMarkdown(report);
    expect(markdown).not.toMatch(/<img|<b>|<script/);
    expect(markdown).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // Every table row has exactly 9 cells: unescaped pipes only at cell borders.
    for (const line of markdown.split('\n').filter((l) => l.startsWith('| '))) {
      expect(line.replace(/\\\|/g, '').split('|').length - 2, line).toBe(9);
    }
    expect(markdown).toContain('| a\\|b \\[31m |');
    expect(markdown).not.toContain('\u001b');
    const chart = mermaidBlock(markdown);
    expect(markdown.match(/```/g)).toHaveLength(2);
    expect(chart).toMatch(/^ {4}title "img src=x onerror=alert1: percent of rows per bin"$/m);
    const axis = /^ {4}x-axis \[(.*)\]$/m.exec(chart)?.[1] ?? '';
    const labels = axis.split(', ');
    expect(labels.length).toBe(5);
    for (const label of labels) expect(label).toMatch(/^"[^"[\]{}<>`\n]*"$/);
    expect(labels).toContain('"evil -- x"');
    expect(labels).toContain('"bbold/b"');
    expect(labels).toContain('"line break"');
  });

  it('keeps control characters from data out of the terminal text', async () => {
    const text = driftText(await hostileReport());
    expect(text).not.toContain('\u001b');
    expect(text).toContain('a|b?[31m');
    expect(text).toContain('line?break');
    expect(text).not.toMatch(/line\nbreak/);
  });
});

describe('Mermaid labels', () => {
  it('strip what could end a string, a statement or the block', () => {
    expect(mermaidLabel('a"b]c[d{e}f<g>h`i;j#k&l|m\\n%o:p')).toBe('abcdefghijklmnop');
    expect(mermaidLabel('x\r\ny\u2028z')).toBe('x y z');
    expect(mermaidLabel('""')).toBe('?');
    expect(mermaidLabel('x'.repeat(100))).toHaveLength(30);
  });

  it('draws no chart for a column without bins', () => {
    expect(driftChart({ attribution: null } as Parameters<typeof driftChart>[0])).toBeNull();
  });
});
