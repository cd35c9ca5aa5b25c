import { describe, expect, it } from 'vitest';
import type { DriftReport } from '../../shared/drift/index.js';
import { readIncidentState } from '../../shared/incidents/index.js';
import {
  commandReply,
  duplicateComment,
  incidentBody,
  incidentStatusReply,
  incidentTitle,
  incidentVerdict,
  recoveryComment,
  reopenComment,
  runComment,
  safeUrl,
  updateIncidentStatus,
  type IncidentContext,
} from '../../shared/report/incident.js';
import { POLICY, column, driftReport, reportWith, run, state } from '../incidents/fixtures.js';

const PARTS = { model: 'churn', stage: 'production', check: 'drift' };
const NOW = '2026-03-02T07:00:00Z';

function context(report: DriftReport, overrides: Partial<IncidentContext> = {}): IncidentContext {
  return {
    report,
    parts: PARTS,
    version: 'v1.4.0',
    run: { id: 123, at: '2026-03-02T06:00:00Z', url: 'https://github.com/acme/churn/actions/runs/123' },
    repositoryUrl: 'https://github.com/acme/churn',
    trainingWorkflow: 'train.yml',
    ...overrides,
  };
}

const HOSTILE = ['<img src=x onerror=alert(1)>', '| pipes |', '@everyone', '```', 'a"b[c]{d}', 'x"]\n    bar [1]\n```\n<script>', '[click](javascript:alert(1))'];

function hostileReport(): DriftReport {
  return driftReport(
    HOSTILE.map((name, index) => column(name, index % 3 === 2 ? 'warn' : 'alert', index === 1 ? { new_categories: { count: 9, share: 0.05, values: [{ value: '<b>@here</b>', count: 9 }], p_value: 0.001, level: 'alert' } } : {})),
    {
      reasons: ['column <img src=x> moved'],
      segments: [{ column: '| pipes |', by: '<plan>', values: [{ value: '@org/team | x', share_of_psi: 0.6, psi: 0.3, rows: { reference: 100, current: 50 } }] }],
      missing_columns: ['<gone>'],
    },
  );
}

/** The body without its Mermaid block. */
function outsideChart(markdown: string): string {
  return markdown.replace(/```mermaid\n[\s\S]*?\n```/g, '');
}

describe('the verdict', () => {
  it.each<[string, DriftReport, string]>([
    ['alerts', reportWith(3), '3 of 20 features drifted at alert level in churn@v1.4.0, production'],
    ['alerts and warns', reportWith(3, 2), '3 of 20 features drifted at alert level in churn@v1.4.0, production (2 more at warn)'],
    ['warns only', reportWith(0, 2), '2 of 20 features drifted at warn level in churn@v1.4.0, production'],
    ['clean', reportWith(0), 'No drift in churn@v1.4.0, production: 0 of 20 features moved'],
    ['insufficient', reportWith(0, 0, { level: 'insufficient' }), 'Not enough data to judge drift in churn@v1.4.0, production'],
    ['missing columns', reportWith(0, 0, { level: 'alert', missing_columns: ['a', 'b'] }), '2 features missing from the current data of churn@v1.4.0, production'],
    ['row count', reportWith(0, 0, { level: 'alert', row_ratio: { value: 0.1, level: 'alert' } }), 'Drift alert in churn@v1.4.0, production: the row count changed'],
  ])('%s', (_, report, expected) => {
    expect(incidentVerdict(context(report))).toBe(expected);
  });

  it('leaves the version out when it is unknown', () => {
    expect(incidentVerdict(context(reportWith(1), { version: null }))).toBe('1 of 20 features drifted at alert level in churn, production');
  });

  it('titles the issue stably, naming a non-default check', () => {
    expect(incidentTitle(PARTS)).toBe('Drift: churn in production');
    expect(incidentTitle({ ...PARTS, check: 'weekly' })).toBe('Drift: churn in production (weekly)');
  });
});

describe('the issue body', () => {
  const history = state([run(120, 'alert', -1), run(123, 'alert', 0)]);

  it('puts the key marker and verdict first, then the table, attribution, chart, links and runbook, then status and state', () => {
    const body = incidentBody({ context: context(reportWith(3, 1)), state: history, policy: POLICY, now: NOW, supersedes: { number: 5, closedAt: '2026-01-30T00:00:00Z' } });
    const lines = body.split('\n');
    expect(lines[0]).toBe('<!-- tollgate:drift#churn#production#drift -->');
    expect(lines[1]).toBe('### 🔴 3 of 20 features drifted at alert level in churn@v1.4.0, production (1 more at warn)');
    const order = ['**Moved features**', '| feature | level | test | statistic | p-value | q-value | PSI (noise floor) | missing: reference → current |', '**Where it moved**', '```mermaid', '**Links:**', '**Runbook**', '<!-- tollgate:drift-status-start -->', '**Status**', '<!-- tollgate:drift-status-end -->', '<!-- tollgate:drift-state:'];
    const positions = order.map((needle) => body.indexOf(needle));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(body).toContain('> Follows #5, closed 2026-01-30 00:00 UTC.');
    expect(body).toContain('| feature\\_01 | alert | chisquare | 96.2 | 1.20e-9 | 2.40e-8 | 0.41 (noise 0.018) | 1.0% → 4.0% |');
    expect(body).toContain('  - bins: &gt; p90 (&gt; 162.3): 10.0% → 24.1% (78.0% of the PSI);');
    expect(body).toContain('| `/rollback churn production` | put the previous version of churn back in production |');
    expect(body).toContain('| `/retrain churn` | start `train.yml` with this issue linked |');
    expect(body).toContain('`/accept`');
    expect(body).toContain('`/snooze 7d`');
    expect(body).toContain('**Links:** [run #123](https://github.com/acme/churn/actions/runs/123) · [release churn@v1.4.0](https://github.com/acme/churn/releases/tag/churn%40v1.4.0) · [reference profile](https://github.com/acme/churn/releases/download/churn%40v1.4.0/profile.json)');
    expect(readIncidentState(body)).toEqual({ found: true, state: history });
  });

  it('escapes every name from the data, and the chart cannot be broken out of', () => {
    const body = incidentBody({ context: context(hostileReport()), state: history, policy: POLICY, now: NOW });
    const text = outsideChart(body);
    expect(text).not.toMatch(/<img|<script|<b>|<plan>|<gone>/);
    expect(text).not.toMatch(/(^|[^\u200b])@(everyone|here|org)/m);
    expect(text).not.toMatch(/(?<!\\)\]\(javascript:/);
    // Exactly two fences: the Mermaid block's own.
    expect(body.match(/^```.*$/gm)).toEqual(['```mermaid', '```']);
    // Every table row of the moved features keeps its 9 cell borders.
    const rows = body.split('\n').filter((line) => line.startsWith('| ') && line.includes(' | alert | ') || line.includes(' | warn | '));
    expect(rows.length).toBeGreaterThanOrEqual(HOSTILE.length);
    for (const row of rows.filter((line) => line.startsWith('| '))) expect(row.replace(/\\\|/g, '').match(/\|/g)).toHaveLength(9);
    // Inside the chart, labels hold no quote, bracket, brace, angle bracket or line break.
    const chart = /```mermaid\n([\s\S]*?)\n```/.exec(body)![1];
    const quoted = [...chart.matchAll(/"([^"\n]*)"/g)].map((match) => match[1]);
    expect(quoted.length).toBeGreaterThan(2);
    for (const label of quoted) expect(label).not.toMatch(/["'`[\]{}<>]/);
    expect(chart.split('\n')).toHaveLength(6);
    expect(chart).toMatch(/^xychart-beta\n {4}title "[^"\n]*"\n {4}x-axis \[("[^"\n]*"(, )?)+\]\n {4}y-axis "percent of rows" 0 --> \d+\n {4}bar \[[\d., ]+\]\n {4}bar \[[\d., ]+\]$/);
  });

  it('stays within GitHub’s 65,536 characters and keeps its state', () => {
    const columns = Array.from({ length: 3000 }, (_, index) => column(`${'wide_column_name_'.repeat(4)}${index}`, 'alert', { reasons: ['x'.repeat(2000)] }));
    const body = incidentBody({ context: context(driftReport(columns)), state: history, policy: POLICY, now: NOW });
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain('_2970 more moved features are in the run\'s drift-report.json._');
    expect(readIncidentState(body)).toEqual({ found: true, state: history });
  });

  it('rewrites only the status and state of an existing body', () => {
    const body = incidentBody({ context: context(reportWith(2)), state: history, policy: POLICY, now: NOW });
    const recovering = state([...history.runs, run(124, 'none', 1)]);
    const updated = updateIncidentStatus(body, { state: recovering, policy: POLICY, now: NOW, repositoryUrl: 'https://github.com/acme/churn' });
    const [before] = body.split('<!-- tollgate:drift-status-start -->');
    expect(updated.startsWith(before)).toBe(true);
    expect(updated).toContain('- Recovering: 1 of 3 clean runs in a row.');
    expect(readIncidentState(updated)).toEqual({ found: true, state: recovering });
    expect(updated.match(/drift-status-start/g)).toHaveLength(1);
  });

  it('restores the marker and status of a body edited by hand', () => {
    const updated = updateIncidentStatus('Someone rewrote this.\n<!-- tollgate:drift-state:garbage -->', { state: history, policy: POLICY, now: NOW, repositoryUrl: null });
    expect(updated.split('\n')[0]).toBe('<!-- tollgate:drift#churn#production#drift -->');
    expect(updated).toContain('Someone rewrote this.');
    expect(updated).not.toContain('garbage');
    expect(readIncidentState(updated)).toEqual({ found: true, state: history });
  });

  it('notes a snooze in the status', () => {
    const snoozed = state(history.runs, { snoozedUntil: '2026-03-09T07:00:00.000Z', snoozedBy: 'alice' });
    expect(incidentBody({ context: context(reportWith(1)), state: snoozed, policy: POLICY, now: NOW })).toContain('- Comments muted: snoozed until 2026-03-09T07:00:00.000Z by @​alice.');
  });
});

describe('comments', () => {
  it('a failing run says what changed since the last comment', () => {
    const report = driftReport([column('a', 'alert'), column('b', 'alert'), column('d', 'warn'), column('e')]);
    const comment = runComment(context(report), { run: 120, digest: 'aaaaaaaa', moved: [{ name: 'a', level: 'alert' }, { name: 'b', level: 'warn' }, { name: 'c', level: 'alert' }] });
    expect(comment.split('\n').slice(0, 4)).toEqual([
      '<!-- tollgate:drift-run:123 -->',
      '**🔴 Still drifting** — [run #123](https://github.com/acme/churn/actions/runs/123), 2026-03-02 06:00 UTC: 2 of 4 features drifted at alert level in churn@v1.4.0, production (1 more at warn).',
      '',
      'Since the comment on [run #120](https://github.com/acme/churn/actions/runs/120): newly moved: d; no longer moved: c; b warn → alert.',
    ]);
    expect(comment).toContain('| a | alert |');
    expect(comment).not.toContain('| e |');
  });

  it('escapes hostile names in comments too', () => {
    const comment = runComment(context(hostileReport()), { run: 1, digest: 'aaaaaaaa', moved: [{ name: '<svg onload=x>', level: 'alert' }] });
    expect(comment).not.toMatch(/<img|<svg|<script|```/);
    expect(comment).toContain('no longer moved: &lt;svg onload=x&gt;');
  });

  it('reopening, recovery and duplicates', () => {
    const history = state([run(1, 'none', 0), run(2, 'alert', 1), run(123, 'alert', 2)]);
    expect(reopenComment(context(reportWith(2)), history, POLICY)).toBe(
      '<!-- tollgate:drift-run:123 -->\n**🔴 Drift is back** — reopening: 2 of the last 3 runs are at alert (latest: [run #123](https://github.com/acme/churn/actions/runs/123), 2026-03-02 06:00 UTC).\n\n2 of 20 features drifted at alert level in churn@v1.4.0, production. The issue body shows the new report.',
    );
    const recovered = recoveryComment(state([run(1, 'alert', 0), run(2, 'none', 1), run(3, 'insufficient', 2), run(4, 'none', 3), run(5, 'none', 4)]), POLICY, 'https://github.com/acme/churn');
    expect(recovered).toContain('**✅ Recovered** — the last 3 runs were clean ([#2](https://github.com/acme/churn/actions/runs/2), [#4](https://github.com/acme/churn/actions/runs/4), [#5](https://github.com/acme/churn/actions/runs/5)); the last failing run was [#1]');
    expect(recovered).toContain('If the alert holds again in 2 of 3 runs within 7d, this issue reopens; later, a new one links it.');
    expect(duplicateComment(8, PARTS)).toBe('Closing as a duplicate of #8: both track the drift check `drift` of `churn` in `production`. Its run history continues there.');
  });

  it('the /status reply says what happens next', () => {
    const reply = incidentStatusReply({ state: state([run(1, 'alert', 0), run(2, 'none', 1)]), policy: POLICY, now: NOW, issueState: 'open', repositoryUrl: null, repairs: ['label severity:alert added'] });
    expect(reply.split('\n')[0]).toBe('**Drift incident status** (open; closes after 2 more clean runs)');
    expect(reply).toContain('Repaired just now: label severity:alert added.');
  });

  it('replies to people without letting a login mention anyone else', () => {
    expect(commandReply('alice', 'done')).toBe('@alice done');
    expect(commandReply('x @everyone', 'done')).toBe('@xeveryone done');
  });
});

describe('safeUrl', () => {
  it('keeps http(s) only and encodes what could end a link', () => {
    expect(safeUrl('https://github.com/a/b/actions/runs/1')).toBe('https://github.com/a/b/actions/runs/1');
    expect(safeUrl('https://example.com/a (b)"c')).toBe('https://example.com/a%20%28b%29%22c');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('not a url')).toBeNull();
    expect(safeUrl(null)).toBeNull();
  });
});
