/**
 * The drift-issue lifecycle as a pure decision: given the issues that carry
 * an incident's key, the run history and a new run, what should happen.
 *
 * - An alert opens an issue only when it holds in N of the last M runs
 *   (`open_after`, default 2 of 3); warn-level runs update an open issue but
 *   never open one.
 * - Further failing runs update the body and add at most one comment per
 *   run, and none when the moved features are the same as at the last
 *   comment. The `quiet` label and `/snooze` stop comments, not state changes.
 * - `close_after` clean runs in a row (default 3) close the issue with a
 *   recovery comment. A run with too little data is neither clean nor failing.
 * - An alert that holds again within `reopen_within` of closing (default 7d)
 *   reopens the issue; later, a new issue opens and links the old one.
 * - Open issues with the same key (a race) are merged into the oldest; the
 *   others are closed as duplicates.
 * - A run already in the history (a redelivery) or older than its newest
 *   run changes nothing.
 */
import { formatDuration } from '../config/duration.js';
import type { IncidentPolicy } from './config.js';
import { incidentLabels, parseIncidentKey, QUIET_LABEL, SEVERITY_LABELS } from './key.js';
import type { MovedSummary } from './run-record.js';
import { compareRuns, emptyState, mergeRuns, type CommentedRun, type IncidentState, type RunRecord } from './state.js';

/** An issue carrying the incident's key, as the decision needs it. */
export interface IncidentIssue {
  number: number;
  state: 'open' | 'closed';
  /** GitHub's `state_reason`: `completed`, `not_planned`, `duplicate`, `reopened`, or null. */
  stateReason: string | null;
  createdAt: string;
  closedAt: string | null;
  labels: readonly string[];
  /** The issue's state block; null when it has none or it does not validate. */
  incident: IncidentState | null;
}

/** Everything `decideIncident` looks at. */
export interface IncidentInput {
  key: string;
  /** Every issue carrying the key, open and closed. */
  issues: readonly IncidentIssue[];
  /** Earlier runs of the check read elsewhere (the workflow's previous runs): the history when no issue holds one. */
  priorRuns?: readonly RunRecord[];
  newRun: RunRecord;
  /** The new run's moved features (remembered with its comment, for "since the last comment"). */
  moved?: MovedSummary['moved'];
  policy: IncidentPolicy;
  /** ISO 8601. */
  now: string;
  /** The workflow the run belongs to (remembered for the reconciler). */
  workflow?: { id: number; path: string } | null;
}

/** What is rewritten in an issue body: the report and status (a failing run), or only the status (runs, recovery, snooze). */
export type BodyPart = 'report' | 'status';

/** One step for the bot to carry out, in order. */
export type IncidentAction =
  | { kind: 'close-duplicate'; issue: number; duplicateOf: number; reason: string }
  | { kind: 'open'; labels: string[]; supersedes: number | null; reason: string }
  | { kind: 'reopen'; issue: number; comment: boolean; reason: string }
  | { kind: 'update-body'; issue: number; part: BodyPart; reason: string }
  | { kind: 'label'; issue: number; add: string[]; remove: string[]; reason: string }
  /** `previous`: the run the last comment was about, for "since the last comment". */
  | { kind: 'comment'; issue: number; run: number; previous: CommentedRun | null; reason: string }
  | { kind: 'close'; issue: number; comment: boolean; reason: string }
  | { kind: 'none'; reason: string };

export type IncidentActionKind = IncidentAction['kind'];

/** The outcome: the actions, the state to store, and why. */
export interface IncidentDecision {
  key: string;
  /** The issue the incident lives in (null when there is none, or `open` creates it). */
  issue: number | null;
  /** The history to write into the issue (with the new run). */
  state: IncidentState;
  actions: IncidentAction[];
  /** Where the history came from. */
  historySource: 'issue' | 'prior-runs' | 'none';
  /** Things deliberately not done (a comment skipped, an issue not opened), in words. */
  notes: string[];
}

const time = (iso: string | null | undefined): number => (iso ? Date.parse(iso) : Number.NaN);

function byAge(a: IncidentIssue, b: IncidentIssue): number {
  return time(a.createdAt) - time(b.createdAt) || a.number - b.number;
}

/** Alerts among the last `window` runs. */
export function alertsInWindow(runs: readonly RunRecord[], window: number): number {
  return runs.slice(-window).filter((run) => run.level === 'alert').length;
}

/** Clean runs at the end of the history; runs with too little data neither count nor break the streak. */
export function cleanStreak(runs: readonly RunRecord[]): number {
  let streak = 0;
  for (let index = runs.length - 1; index >= 0; index -= 1) {
    const level = runs[index].level;
    if (level === 'none') streak += 1;
    else if (level !== 'insufficient') break;
  }
  return streak;
}

/** Why comments are muted on an issue (the `quiet` label or a snooze in force), or undefined. */
export function mutedBecause(labels: readonly string[], state: IncidentState, now: string): string | undefined {
  if (labels.some((label) => label.toLowerCase() === QUIET_LABEL)) return `the '${QUIET_LABEL}' label`;
  if (state.snoozedUntil && time(state.snoozedUntil) > time(now)) return `snoozed until ${state.snoozedUntil}${state.snoozedBy ? ` by @${state.snoozedBy}` : ''}`;
  return undefined;
}

/** The open issues merged: the oldest is kept, the history of every one is combined. */
function mergedState(key: string, issues: readonly IncidentIssue[]): IncidentState {
  const states = issues.map((issue) => issue.incident).filter((state): state is IncidentState => state !== null && state.key === key);
  if (states.length === 0) return emptyState(key);
  const commented = states
    .map((state) => state.commented)
    .filter((entry): entry is CommentedRun => entry !== null)
    .sort((a, b) => b.run - a.run)[0];
  const snoozed = states.filter((state) => state.snoozedUntil !== null).sort((a, b) => time(b.snoozedUntil) - time(a.snoozedUntil))[0];
  return {
    key,
    runs: mergeRuns(...states.map((state) => state.runs)),
    commented: commented ?? null,
    snoozedUntil: snoozed?.snoozedUntil ?? null,
    snoozedBy: snoozed?.snoozedBy ?? null,
    workflow: states.find((state) => state.workflow !== null)?.workflow ?? null,
    retrained: states.map((state) => state.retrained ?? null).filter((entry) => entry !== null).sort((a, b) => time(b.at) - time(a.at))[0] ?? null,
  };
}

/** The most recently closed issue a recurrence may reopen (closed within `reopen_within`, not as a duplicate or "not planned"). */
function reopenable(closed: readonly IncidentIssue[], policy: IncidentPolicy, now: string): IncidentIssue | undefined {
  return closed
    .filter((issue) => issue.stateReason !== 'not_planned' && issue.stateReason !== 'duplicate')
    .filter((issue) => time(now) - time(issue.closedAt) <= policy.reopenWithinMs)
    .sort((a, b) => time(b.closedAt) - time(a.closedAt))[0];
}

/** The issue a new one links as its predecessor: the last closed one that was not a duplicate. */
function predecessor(closed: readonly IncidentIssue[]): IncidentIssue | undefined {
  return closed.filter((issue) => issue.stateReason !== 'duplicate').sort((a, b) => time(b.closedAt) - time(a.closedAt) || b.number - a.number)[0];
}

/**
 * True when `decideIncident` needs `priorRuns` to decide this run: it is an
 * alert, no issue (open, or closed recently enough to reopen) holds a
 * history, and opening takes more than one alert. Lets the caller skip
 * reading earlier runs when they cannot matter.
 */
export function needsPriorRuns(input: Pick<IncidentInput, 'issues' | 'newRun' | 'policy' | 'now'>): boolean {
  if (input.newRun.level !== 'alert' || input.policy.openAfter.alerts <= 1) return false;
  if (input.issues.some((issue) => issue.state === 'open')) return false;
  return reopenable(input.issues.filter((issue) => issue.state === 'closed'), input.policy, input.now)?.incident == null;
}

function labelAction(issue: IncidentIssue, level: 'warn' | 'alert'): IncidentAction | undefined {
  const want = SEVERITY_LABELS[level];
  const other = SEVERITY_LABELS[level === 'alert' ? 'warn' : 'alert'];
  const has = new Set(issue.labels.map((label) => label.toLowerCase()));
  const add = has.has(want) ? [] : [want];
  const remove = has.has(other) ? [other] : [];
  if (add.length === 0 && remove.length === 0) return undefined;
  return { kind: 'label', issue: issue.number, add, remove, reason: `the latest failing run is at ${level} level` };
}

function commented(newRun: RunRecord, moved: MovedSummary['moved'] | undefined): CommentedRun {
  return { run: newRun.run, digest: newRun.digest, moved: moved ?? [] };
}

function windowText(alerts: number, policy: IncidentPolicy): string {
  return `${alerts} of the last ${policy.openAfter.window} runs at alert (opens at ${policy.openAfter.alerts})`;
}

/** Decides what a new drift run does to its incident. */
export function decideIncident(input: IncidentInput): IncidentDecision {
  const { key, newRun, policy, now } = input;
  const parts = parseIncidentKey(key);
  if (!parts) throw new RangeError(`not an incident key: ${JSON.stringify(key)}`);
  const open = input.issues.filter((issue) => issue.state === 'open').sort(byAge);
  const closed = input.issues.filter((issue) => issue.state === 'closed');
  const actions: IncidentAction[] = [];
  const notes: string[] = [];

  const canonical = open[0];
  if (canonical) {
    for (const duplicate of open.slice(1)) {
      actions.push({ kind: 'close-duplicate', issue: duplicate.number, duplicateOf: canonical.number, reason: `#${duplicate.number} carries the same key as the older #${canonical.number}` });
    }
    const state = mergedState(key, open);
    return finish(onOpenIssue(input, canonical, state, actions, notes));
  }

  const recent = reopenable(closed, policy, now);
  if (recent?.incident) return finish(onClosedIssue(input, recent, recent.incident, actions, notes));

  // No issue holds a history: earlier runs read from the workflow stand in.
  const prior = [...(input.priorRuns ?? [])].filter((run) => run.run !== newRun.run);
  const runs = mergeRuns(prior, [newRun]);
  const state: IncidentState = { ...emptyState(key), runs, workflow: input.workflow ?? null };
  const base = { key, issue: null, state, historySource: prior.length > 0 ? ('prior-runs' as const) : ('none' as const), notes };
  if (newRun.level !== 'alert') {
    const why =
      newRun.level === 'warn'
        ? 'warn-level runs never open an issue'
        : newRun.level === 'insufficient'
          ? 'too little data to judge, and no issue is open'
          : 'clean run, and no issue is open';
    return finish({ ...base, actions: [...actions, { kind: 'none', reason: why }] });
  }
  const alerts = alertsInWindow(runs, policy.openAfter.window);
  if (alerts < policy.openAfter.alerts) {
    return finish({ ...base, actions: [...actions, { kind: 'none', reason: `not opened yet: ${windowText(alerts, policy)}` }] });
  }
  const previous = predecessor(closed);
  state.commented = commented(newRun, input.moved);
  actions.push({
    kind: 'open',
    labels: incidentLabels(parts.model, 'alert'),
    supersedes: previous?.number ?? null,
    reason: `${windowText(alerts, policy)}${previous ? `; #${previous.number} closed too long ago to reopen` : ''}`,
  });
  return finish({ ...base, actions });
}

/** Adds `none` when nothing is to be done. */
function finish(decision: IncidentDecision): IncidentDecision {
  if (decision.actions.length === 0) decision.actions.push({ kind: 'none', reason: decision.notes.join('; ') || 'nothing to do' });
  return decision;
}

function isStale(state: IncidentState, newRun: RunRecord): string | undefined {
  if (state.runs.some((run) => run.run === newRun.run)) return `run ${newRun.run} is already recorded`;
  const latest = state.runs.at(-1);
  if (latest && compareRuns(newRun, latest) < 0) return `run ${newRun.run} is older than the latest recorded run ${latest.run}`;
  return undefined;
}

function onOpenIssue(input: IncidentInput, issue: IncidentIssue, state: IncidentState, actions: IncidentAction[], notes: string[]): IncidentDecision {
  const { newRun, policy, now } = input;
  const base = { key: input.key, issue: issue.number, historySource: 'issue' as const, notes };
  const stale = isStale(state, newRun);
  if (stale) return { ...base, state, actions: [...actions, { kind: 'none', reason: stale }] };

  const next: IncidentState = { ...state, runs: mergeRuns(state.runs, [newRun]), workflow: input.workflow ?? state.workflow };
  if (next.snoozedUntil && Date.parse(next.snoozedUntil) <= Date.parse(now)) {
    next.snoozedUntil = null;
    next.snoozedBy = null;
  }
  const muted = mutedBecause(issue.labels, next, now);

  if (newRun.level === 'alert' || newRun.level === 'warn') {
    actions.push({ kind: 'update-body', issue: issue.number, part: 'report', reason: `run ${newRun.run} is at ${newRun.level} level` });
    const label = labelAction(issue, newRun.level);
    if (label) actions.push(label);
    if (muted) notes.push(`no comment: muted by ${muted}`);
    else if (next.commented?.digest === newRun.digest) notes.push(`no comment: the same features moved as at the comment on run ${next.commented.run}`);
    else {
      const previous = next.commented;
      actions.push({ kind: 'comment', issue: issue.number, run: newRun.run, previous, reason: previous ? `the moved features changed since run ${previous.run}` : 'first comment on this incident' });
      next.commented = commented(newRun, input.moved);
    }
    return { ...base, state: next, actions };
  }

  if (newRun.level === 'insufficient') {
    actions.push({ kind: 'update-body', issue: issue.number, part: 'status', reason: `run ${newRun.run} had too little data to judge` });
    return { ...base, state: next, actions };
  }

  const streak = cleanStreak(next.runs);
  if (streak >= policy.closeAfter) {
    actions.push({ kind: 'update-body', issue: issue.number, part: 'status', reason: `${streak} clean runs in a row` });
    if (muted) notes.push(`closed without a comment: muted by ${muted}`);
    actions.push({ kind: 'close', issue: issue.number, comment: !muted, reason: `recovered: ${streak} clean runs in a row (closes at ${policy.closeAfter})` });
  } else {
    actions.push({ kind: 'update-body', issue: issue.number, part: 'status', reason: `recovering: ${streak} of ${policy.closeAfter} clean runs` });
  }
  return { ...base, state: next, actions };
}

function onClosedIssue(input: IncidentInput, issue: IncidentIssue, state: IncidentState, actions: IncidentAction[], notes: string[]): IncidentDecision {
  const { newRun, policy, now } = input;
  const base = { key: input.key, issue: issue.number, historySource: 'issue' as const, notes };
  const stale = isStale(state, newRun);
  if (stale) return { ...base, state, actions: [...actions, { kind: 'none', reason: stale }] };

  const runs = mergeRuns(state.runs, [newRun]);
  const next: IncidentState = { ...state, runs, workflow: input.workflow ?? state.workflow };
  if (newRun.level === 'alert') {
    const alerts = alertsInWindow(runs, policy.openAfter.window);
    if (alerts >= policy.openAfter.alerts) {
      const muted = mutedBecause(issue.labels, next, now);
      // The history is written first: a failure after it never repeats the reopening's comment.
      actions.push({ kind: 'update-body', issue: issue.number, part: 'report', reason: `run ${newRun.run} is at alert level` });
      actions.push({ kind: 'reopen', issue: issue.number, comment: !muted, reason: `${windowText(alerts, policy)}, within ${formatDuration(policy.reopenWithinMs)} of closing` });
      const label = labelAction(issue, 'alert');
      if (label) actions.push(label);
      if (muted) notes.push(`reopened without a comment: muted by ${muted}`);
      else next.commented = commented(newRun, input.moved);
      return { ...base, state: next, actions };
    }
    actions.push({ kind: 'update-body', issue: issue.number, part: 'status', reason: `recorded on the closed issue; not reopened yet: ${windowText(alerts, policy)}` });
    return { ...base, state: next, actions };
  }
  // Record a quieter run only while it still matters: when the window holds a
  // failure a later alert could combine with.
  const windowBefore = policy.openAfter.window > 1 ? state.runs.slice(-(policy.openAfter.window - 1)) : [];
  const matters = newRun.level === 'warn' || windowBefore.some((run) => run.level === 'alert' || run.level === 'warn');
  if (!matters) return { ...base, state, actions: [...actions, { kind: 'none', reason: `${newRun.level === 'none' ? 'clean run' : 'too little data'}; the issue is closed` }] };
  const why = newRun.level === 'warn' ? 'warn-level runs never reopen an issue; recorded' : 'recorded so an earlier failure ages out of the window';
  actions.push({ kind: 'update-body', issue: issue.number, part: 'status', reason: why });
  return { ...base, state: next, actions };
}
