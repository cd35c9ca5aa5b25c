import { describe, expect, it } from 'vitest';
import {
  alertsInWindow,
  cleanStreak,
  decideIncident,
  incidentPolicy,
  incidentsConfigSchema,
  needsPriorRuns,
  type IncidentAction,
  type IncidentInput,
  type IncidentIssue,
  type RunRecord,
} from '../../shared/incidents/index.js';
import { KEY, POLICY, day, issue, run, state } from './fixtures.js';

const kinds = (actions: IncidentAction[]) => actions.map((action) => action.kind);

function decide(overrides: Partial<IncidentInput> & { newRun: RunRecord }) {
  return decideIncident({ key: KEY, issues: [], policy: POLICY, now: overrides.newRun.at, ...overrides });
}

describe('decideIncident: one run at a time', () => {
  const cases: Array<{ name: string; input: Partial<IncidentInput> & { newRun: RunRecord }; kinds: string[]; check?: (decision: ReturnType<typeof decide>) => void }> = [
    {
      name: 'first failure, no issue yet: nothing opens (1 of 3)',
      input: { newRun: run(1, 'alert', 0) },
      kinds: ['none'],
      check: (decision) => expect(decision.actions[0]).toMatchObject({ reason: 'not opened yet: 1 of the last 3 runs at alert (opens at 2)' }),
    },
    {
      name: 'second failure: opens, labelled, with both runs in its history',
      input: { newRun: run(2, 'alert', 1), priorRuns: [run(1, 'alert', 0)] },
      kinds: ['open'],
      check: (decision) => {
        expect(decision.actions[0]).toEqual({ kind: 'open', labels: ['tollgate:drift', 'model:churn', 'severity:alert'], supersedes: null, reason: '2 of the last 3 runs at alert (opens at 2)' });
        expect(decision.state.runs.map((entry) => entry.run)).toEqual([1, 2]);
        expect(decision.state.commented).toEqual({ run: 2, digest: 'aaaaaaaaaaaaaaaa', moved: [] });
        expect(decision.historySource).toBe('prior-runs');
      },
    },
    {
      name: 'alert, clean, alert: 2 of 3 still opens',
      input: { newRun: run(3, 'alert', 2), priorRuns: [run(1, 'alert', 0), run(2, 'none', 1)] },
      kinds: ['open'],
    },
    {
      name: 'alert, clean, clean, alert: only 1 of the last 3',
      input: { newRun: run(4, 'alert', 3), priorRuns: [run(1, 'alert', 0), run(2, 'none', 1), run(3, 'none', 2)] },
      kinds: ['none'],
    },
    {
      name: 'warn-level runs never open an issue',
      input: { newRun: run(3, 'warn', 2), priorRuns: [run(1, 'alert', 0), run(2, 'alert', 1)] },
      kinds: ['none'],
      check: (decision) => expect(decision.actions[0]).toMatchObject({ reason: 'warn-level runs never open an issue' }),
    },
    {
      name: 'repeat with different features: one comment and a body update',
      input: { issues: [issue(7, { incident: state([run(1, 'alert', 0), run(2, 'alert', 1)], { commented: { run: 2, digest: 'aaaaaaaaaaaaaaaa', moved: [] } }) })], newRun: run(3, 'alert', 2, 'bbbbbbbbbbbbbbbb') },
      kinds: ['update-body', 'comment'],
      check: (decision) => {
        expect(decision.actions[1]).toEqual({ kind: 'comment', issue: 7, run: 3, previous: { run: 2, digest: 'aaaaaaaaaaaaaaaa', moved: [] }, reason: 'the moved features changed since run 2' });
        expect(decision.state.commented?.run).toBe(3);
      },
    },
    {
      name: 'unchanged since the last comment: body only, no comment',
      input: { issues: [issue(7, { incident: state([run(2, 'alert', 1)], { commented: { run: 2, digest: 'aaaaaaaaaaaaaaaa', moved: [] } }) })], newRun: run(3, 'alert', 2) },
      kinds: ['update-body'],
      check: (decision) => {
        expect(decision.notes).toEqual(['no comment: the same features moved as at the comment on run 2']);
        expect(decision.state.commented?.run).toBe(2);
      },
    },
    {
      name: 'a warn run on an alert issue: relabelled and commented',
      input: { issues: [issue(7, { incident: state([run(2, 'alert', 1)], { commented: { run: 2, digest: 'aaaaaaaaaaaaaaaa', moved: [] } }) })], newRun: run(3, 'warn', 2, 'cccccccccccccccc') },
      kinds: ['update-body', 'label', 'comment'],
      check: (decision) => expect(decision.actions[1]).toEqual({ kind: 'label', issue: 7, add: ['severity:warn'], remove: ['severity:alert'], reason: 'the latest failing run is at warn level' }),
    },
    {
      name: 'the quiet label stops comments, not updates',
      input: { issues: [issue(7, { labels: ['tollgate:drift', 'model:churn', 'severity:alert', 'Quiet'], incident: state([run(2, 'alert', 1)]) })], newRun: run(3, 'alert', 2, 'bbbbbbbbbbbbbbbb') },
      kinds: ['update-body'],
      check: (decision) => expect(decision.notes).toEqual(["no comment: muted by the 'quiet' label"]),
    },
    {
      name: 'a snooze in force stops comments',
      input: { issues: [issue(7, { incident: state([run(2, 'alert', 1)], { snoozedUntil: day(8), snoozedBy: 'alice' }) })], newRun: run(3, 'alert', 2, 'bbbbbbbbbbbbbbbb') },
      kinds: ['update-body'],
      check: (decision) => expect(decision.notes[0]).toBe(`no comment: muted by snoozed until ${day(8)} by @alice`),
    },
    {
      name: 'an expired snooze is cleared and comments resume',
      input: { issues: [issue(7, { incident: state([run(2, 'alert', 1)], { snoozedUntil: day(1.5), snoozedBy: 'alice' }) })], newRun: run(3, 'alert', 2, 'bbbbbbbbbbbbbbbb') },
      kinds: ['update-body', 'comment'],
      check: (decision) => expect([decision.state.snoozedUntil, decision.state.snoozedBy]).toEqual([null, null]),
    },
    {
      name: 'clean run 1 of 3: status only',
      input: { issues: [issue(7, { incident: state([run(2, 'alert', 1)]) })], newRun: run(3, 'none', 2) },
      kinds: ['update-body'],
      check: (decision) => expect(decision.actions[0]).toMatchObject({ part: 'status', reason: 'recovering: 1 of 3 clean runs' }),
    },
    {
      name: 'clean x3: closed with a recovery comment',
      input: { issues: [issue(7, { incident: state([run(2, 'alert', 1), run(3, 'none', 2), run(4, 'none', 3)]) })], newRun: run(5, 'none', 4) },
      kinds: ['update-body', 'close'],
      check: (decision) => expect(decision.actions[1]).toEqual({ kind: 'close', issue: 7, comment: true, reason: 'recovered: 3 clean runs in a row (closes at 3)' }),
    },
    {
      name: 'too little data neither counts toward nor breaks the clean streak',
      input: { issues: [issue(7, { incident: state([run(2, 'alert', 1), run(3, 'none', 2), run(4, 'insufficient', 3)]) })], newRun: run(5, 'none', 4) },
      kinds: ['update-body'],
      check: (decision) => expect(decision.actions[0]).toMatchObject({ reason: 'recovering: 2 of 3 clean runs' }),
    },
    {
      name: 'quiet: closed without a comment',
      input: { issues: [issue(7, { labels: ['quiet'], incident: state([run(3, 'none', 2), run(4, 'none', 3)]) })], newRun: run(5, 'none', 4) },
      kinds: ['update-body', 'close'],
      check: (decision) => expect(decision.actions[1]).toMatchObject({ comment: false }),
    },
    {
      name: 'a redelivered run changes nothing',
      input: { issues: [issue(7, { incident: state([run(2, 'alert', 1), run(3, 'alert', 2)]) })], newRun: run(3, 'alert', 2, 'ffffffffffffffff') },
      kinds: ['none'],
      check: (decision) => expect(decision.actions[0]).toMatchObject({ reason: 'run 3 is already recorded' }),
    },
    {
      name: 'a run older than the newest recorded one changes nothing',
      input: { issues: [issue(7, { incident: state([run(5, 'alert', 3)]) })], newRun: run(4, 'none', 2) },
      kinds: ['none'],
    },
    {
      name: 'closed 3 days ago, one alert: recorded on the closed issue, not reopened yet',
      input: {
        issues: [issue(7, { state: 'closed', stateReason: 'completed', closedAt: day(4), incident: state([run(1, 'alert', 0), run(2, 'alert', 1), run(3, 'none', 2), run(4, 'none', 3), run(5, 'none', 4)]) })],
        newRun: run(6, 'alert', 7),
      },
      kinds: ['update-body'],
      check: (decision) => expect(decision.actions[0]).toMatchObject({ issue: 7, part: 'status', reason: 'recorded on the closed issue; not reopened yet: 1 of the last 3 runs at alert (opens at 2)' }),
    },
    {
      name: 'closed 3 days ago, the alert holds in 2 of 3: reopened',
      input: {
        issues: [issue(7, { state: 'closed', stateReason: 'completed', closedAt: day(4), incident: state([run(3, 'none', 2), run(4, 'none', 3), run(5, 'none', 4), run(6, 'alert', 7)]) })],
        newRun: run(7, 'alert', 7.5),
      },
      kinds: ['update-body', 'reopen'],
      check: (decision) => {
        expect(decision.actions[1]).toEqual({ kind: 'reopen', issue: 7, comment: true, reason: '2 of the last 3 runs at alert (opens at 2), within 7d of closing' });
        expect(decision.state.commented?.run).toBe(7);
      },
    },
    {
      name: 'closed 30 days ago: a new issue that links the old one',
      input: {
        issues: [issue(7, { state: 'closed', stateReason: 'completed', closedAt: day(4), incident: state([run(5, 'none', 4)]) })],
        priorRuns: [run(40, 'alert', 33)],
        newRun: run(41, 'alert', 34),
      },
      kinds: ['open'],
      check: (decision) => expect(decision.actions[0]).toMatchObject({ supersedes: 7, reason: '2 of the last 3 runs at alert (opens at 2); #7 closed too long ago to reopen' }),
    },
    {
      name: 'closed as not planned: never reopened, a new issue links it',
      input: {
        issues: [issue(7, { state: 'closed', stateReason: 'not_planned', closedAt: day(1), incident: state([run(1, 'alert', 0)]) })],
        priorRuns: [run(2, 'alert', 1)],
        newRun: run(3, 'alert', 2),
      },
      kinds: ['open'],
      check: (decision) => expect(decision.actions[0]).toMatchObject({ supersedes: 7 }),
    },
    {
      name: 'closed recently, a clean run with a clean window: nothing is written',
      input: { issues: [issue(7, { state: 'closed', closedAt: day(4), incident: state([run(3, 'none', 2), run(4, 'none', 3), run(5, 'none', 4)]) })], newRun: run(6, 'none', 5) },
      kinds: ['none'],
    },
    {
      name: 'closed recently, a clean run after a recorded alert: recorded so the alert ages out',
      input: { issues: [issue(7, { state: 'closed', closedAt: day(4), incident: state([run(5, 'none', 4), run(6, 'alert', 5)]) })], newRun: run(7, 'none', 6) },
      kinds: ['update-body'],
    },
    {
      name: 'two open issues with one key: the newer is closed as a duplicate, the older carries on',
      input: {
        issues: [
          issue(9, { createdAt: day(1.01), incident: state([run(2, 'alert', 1)], { commented: { run: 2, digest: 'aaaaaaaaaaaaaaaa', moved: [] } }) }),
          issue(8, { createdAt: day(1), incident: state([run(1, 'alert', 0), run(2, 'alert', 1)]) }),
        ],
        newRun: run(3, 'alert', 2),
      },
      kinds: ['close-duplicate', 'update-body'],
      check: (decision) => {
        expect(decision.actions[0]).toEqual({ kind: 'close-duplicate', issue: 9, duplicateOf: 8, reason: '#9 carries the same key as the older #8' });
        expect(decision.issue).toBe(8);
        // The histories merge: the duplicate's comment counts, so the unchanged run is not commented again.
        expect(decision.state.runs.map((entry) => entry.run)).toEqual([1, 2, 3]);
        expect(decision.notes).toEqual(['no comment: the same features moved as at the comment on run 2']);
      },
    },
  ];

  for (const entry of cases) {
    it(entry.name, () => {
      const decision = decide(entry.input);
      expect(kinds(decision.actions)).toEqual(entry.kinds);
      entry.check?.(decision);
    });
  }

  it('a run with open_after 1 of 1 opens at once and needs no earlier runs', () => {
    const policy = incidentPolicy(incidentsConfigSchema.parse({ open_after: 1 }));
    expect(needsPriorRuns({ issues: [], newRun: run(1, 'alert', 0), policy, now: day(0) })).toBe(false);
    expect(kinds(decide({ newRun: run(1, 'alert', 0), policy }).actions)).toEqual(['open']);
  });

  it('rejects a malformed key', () => {
    expect(() => decideIncident({ key: 'churn#production', issues: [], policy: POLICY, now: day(0), newRun: run(1, 'alert', 0) })).toThrow(/not an incident key/);
  });
});

describe('needsPriorRuns', () => {
  it('only for an alert that no issue history can decide', () => {
    const closedRecently = issue(7, { state: 'closed', closedAt: day(1), incident: state([run(1, 'none', 0)]) });
    const closedLongAgo = issue(7, { state: 'closed', closedAt: day(-30), incident: state([run(1, 'none', -31)]) });
    expect(needsPriorRuns({ issues: [], newRun: run(2, 'alert', 2), policy: POLICY, now: day(2) })).toBe(true);
    expect(needsPriorRuns({ issues: [], newRun: run(2, 'warn', 2), policy: POLICY, now: day(2) })).toBe(false);
    expect(needsPriorRuns({ issues: [issue(7)], newRun: run(2, 'alert', 2), policy: POLICY, now: day(2) })).toBe(false);
    expect(needsPriorRuns({ issues: [closedRecently], newRun: run(2, 'alert', 2), policy: POLICY, now: day(2) })).toBe(false);
    expect(needsPriorRuns({ issues: [closedLongAgo], newRun: run(2, 'alert', 2), policy: POLICY, now: day(2) })).toBe(true);
  });
});

describe('window helpers', () => {
  it('counts alerts in the last window and the clean streak', () => {
    const runs = [run(1, 'alert', 0), run(2, 'alert', 1), run(3, 'none', 2), run(4, 'insufficient', 3), run(5, 'none', 4)];
    expect(alertsInWindow(runs, 3)).toBe(0);
    expect(alertsInWindow(runs, 5)).toBe(2);
    expect(cleanStreak(runs)).toBe(2);
    expect(cleanStreak([...runs, run(6, 'warn', 5)])).toBe(0);
  });
});

/**
 * The whole lifecycle against an in-memory issue tracker: each run's
 * actions are applied the way the bot applies them, and earlier runs are
 * offered the way the bot reads them from the workflow.
 */
describe('decideIncident: the lifecycle', () => {
  interface Tracked extends IncidentIssue {
    comments: string[];
    supersedes: number | null;
  }

  function tracker() {
    const issues: Tracked[] = [];
    const workflowRuns: RunRecord[] = [];
    let nextId = 1;
    return {
      issues,
      /** Feeds one run; returns the decision's action kinds. */
      feed(level: RunRecord['level'], days: number, digest = 'aaaaaaaaaaaaaaaa'): string[] {
        const newRun = { run: nextId++, level, at: day(days), digest };
        const input = { key: KEY, issues, policy: POLICY, now: newRun.at, newRun };
        const priorRuns = needsPriorRuns(input) ? workflowRuns.slice(-(POLICY.openAfter.window - 1)) : [];
        const decision = decideIncident({ ...input, priorRuns });
        workflowRuns.push(newRun);
        for (const action of decision.actions) {
          const target = 'issue' in action ? issues.find((entry) => entry.number === action.issue) : undefined;
          switch (action.kind) {
            case 'open':
              issues.push({ number: issues.length + 1, state: 'open', stateReason: null, createdAt: newRun.at, closedAt: null, labels: action.labels, incident: decision.state, comments: [], supersedes: action.supersedes });
              break;
            case 'reopen':
              Object.assign(target!, { state: 'open', stateReason: 'reopened', closedAt: null });
              if (action.comment) target!.comments.push(`reopened by run ${newRun.run}`);
              break;
            case 'update-body':
              target!.incident = decision.state;
              break;
            case 'comment':
              target!.comments.push(`run ${action.run}`);
              break;
            case 'label':
              target!.labels = [...target!.labels.filter((label) => !action.remove.includes(label)), ...action.add];
              break;
            case 'close':
              if (action.comment) target!.comments.push('recovered');
              Object.assign(target!, { state: 'closed', stateReason: 'completed', closedAt: newRun.at });
              break;
            case 'close-duplicate':
              target!.comments.push(`duplicate of #${action.duplicateOf}`);
              Object.assign(target!, { state: 'closed', stateReason: 'duplicate', closedAt: newRun.at });
              break;
            case 'none':
              break;
          }
        }
        return kinds(decision.actions);
      },
    };
  }

  it('opens on the second failure, comments once per change, closes after 3 clean runs, reopens, and starts over after 30 days', () => {
    const t = tracker();
    expect(t.feed('alert', 0)).toEqual(['none']); // first failure: no issue yet
    expect(t.issues).toHaveLength(0);
    expect(t.feed('alert', 1)).toEqual(['open']); // second failure: opened
    expect(t.issues.map((entry) => [entry.number, entry.state])).toEqual([[1, 'open']]);
    expect(t.feed('alert', 2, 'bbbbbbbbbbbbbbbb')).toEqual(['update-body', 'comment']); // repeat with a change: one comment
    expect(t.feed('alert', 3, 'bbbbbbbbbbbbbbbb')).toEqual(['update-body']); // unchanged: no comment
    expect(t.issues[0].comments).toEqual(['run 3']);
    expect(t.feed('none', 4)).toEqual(['update-body']);
    expect(t.feed('none', 5)).toEqual(['update-body']);
    expect(t.feed('none', 6)).toEqual(['update-body', 'close']); // clean x3: closed
    expect(t.issues[0]).toMatchObject({ state: 'closed', comments: ['run 3', 'recovered'] });
    expect(t.feed('none', 7)).toEqual(['none']); // clean while closed: nothing written
    expect(t.feed('alert', 9)).toEqual(['update-body']); // 3 days after closing: recorded
    expect(t.feed('alert', 10)).toEqual(['update-body', 'reopen']); // holds: reopened
    expect(t.issues).toHaveLength(1);
    expect(t.issues[0]).toMatchObject({ state: 'open', comments: ['run 3', 'recovered', 'reopened by run 10'] });
    for (const days of [11, 12, 13]) t.feed('none', days);
    expect(t.issues[0].state).toBe('closed');
    expect(t.feed('alert', 43)).toEqual(['none']); // 30 days later: not opened on one alert
    expect(t.feed('alert', 44)).toEqual(['open']); // a new issue, linking the old one
    expect(t.issues.map((entry) => [entry.number, entry.state, entry.supersedes])).toEqual([
      [1, 'closed', null],
      [2, 'open', 1],
    ]);
    expect(t.issues[1].incident?.runs.map((entry) => entry.level)).toEqual(['none', 'alert', 'alert']);
  });

  it('closes all but the oldest of three racing issues, once', () => {
    const t = tracker();
    t.feed('alert', 0);
    t.feed('alert', 1);
    // Two more opened by racing deliveries.
    for (const number of [2, 3]) t.issues.push({ ...t.issues[0], number, createdAt: day(1 + number / 100), comments: [], labels: [...t.issues[0].labels] });
    expect(t.feed('alert', 2)).toEqual(['close-duplicate', 'close-duplicate', 'update-body']);
    expect(t.issues.map((entry) => [entry.number, entry.state, entry.stateReason])).toEqual([
      [1, 'open', null],
      [2, 'closed', 'duplicate'],
      [3, 'closed', 'duplicate'],
    ]);
    expect(t.feed('alert', 3)).toEqual(['update-body']);
  });
});
