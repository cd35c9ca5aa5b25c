/**
 * The run history a drift issue carries in its body: a hidden HTML comment
 * holding base64url JSON (`<!-- tollgate:drift-state:eyJ2Ijox... -->`), so
 * the hysteresis (open after 2 of 3, close after 3 clean) survives restarts
 * and redeliveries without a database. Anyone with write access can edit an
 * issue body, so the block is validated strictly; one that does not parse is
 * reported and ignored, never guessed at.
 */
import { z } from 'zod';
import { hiddenMarker } from '../report/markdown.js';
import { parseIncidentKey } from './key.js';

/** Runs kept in the block (the newest); enough for any window and close streak the config allows. */
export const MAX_RUNS = 20;

/** A run's dataset level (`insufficient`: too few rows to judge, neither failing nor clean). */
export type RunLevel = 'none' | 'warn' | 'alert' | 'insufficient';

/** One drift run, as the history remembers it. */
export interface RunRecord {
  /** The workflow run id. */
  run: number;
  level: RunLevel;
  /** When the run completed (ISO 8601). */
  at: string;
  /** Digest of the moved-columns summary: equal digests mean nothing changed. */
  digest: string;
}

/** The run the last comment was about. */
export interface CommentedRun {
  run: number;
  digest: string;
  /** The moved features then (at most {@link MAX_REMEMBERED_FEATURES}). */
  moved: Array<{ name: string; level: 'warn' | 'alert' }>;
}

/** Moved features remembered with the last comment (names beyond are left out of "since the last comment"). */
export const MAX_REMEMBERED_FEATURES = 50;

/** Everything the bot remembers about one incident. */
export interface IncidentState {
  key: string;
  /** Oldest first, at most {@link MAX_RUNS}. */
  runs: RunRecord[];
  /** The run the last run comment was about, its digest and what had moved (for "since the last comment"). */
  commented: CommentedRun | null;
  /** `/snooze`: no comments until then (ISO 8601). */
  snoozedUntil: string | null;
  snoozedBy: string | null;
  /** The workflow whose runs feed the incident (the reconciler looks for runs it missed there). */
  workflow: { id: number; path: string } | null;
  /** The last automatic retraining dispatch (`monitor.retrain`), for its cooldown; absent or null when none. */
  retrained?: RetrainRecord | null;
}

/** An automatic dispatch of the training workflow. */
export interface RetrainRecord {
  /** When it was dispatched (ISO 8601). */
  at: string;
  /** The drift run whose report triggered it (a redelivery of that run never dispatches again). */
  run: number;
  /** The training workflow file (`train.yml`). */
  workflow: string;
}

const STATE_PREFIX = 'drift-state:';
const BLOCK_PATTERN = /<!-- tollgate:drift-state:([A-Za-z0-9_-]{0,200000}) -->/;

const isoTime = z.string().refine((text) => /^\d{4}-\d{2}-\d{2}T/.test(text) && Number.isFinite(Date.parse(text)), 'expected an ISO 8601 time');
const runId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const digest = z.string().regex(/^[0-9a-f]{8,64}$/, 'expected a hex digest');

const storedSchema = z.strictObject({
  v: z.literal(1),
  key: z.string().refine((key) => parseIncidentKey(key) !== undefined, 'expected an incident key'),
  runs: z.array(z.strictObject({ run: runId, level: z.enum(['none', 'warn', 'alert', 'insufficient']), at: isoTime, digest })).max(MAX_RUNS),
  commented: z
    .strictObject({
      run: runId,
      digest,
      moved: z.array(z.strictObject({ name: z.string().max(500), level: z.enum(['warn', 'alert']) })).max(MAX_REMEMBERED_FEATURES),
    })
    .nullable(),
  snoozed_until: isoTime.nullable(),
  snoozed_by: z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/).nullable(),
  workflow: z.strictObject({ id: runId, path: z.string().max(300) }).nullable(),
  // Optional: blocks written before automatic retraining existed have no such key.
  retrained: z.strictObject({ at: isoTime, run: runId, workflow: z.string().max(300) }).optional(),
});

type Stored = z.infer<typeof storedSchema>;

/** A fresh state for a key. */
export function emptyState(key: string): IncidentState {
  return { key, runs: [], commented: null, snoozedUntil: null, snoozedBy: null, workflow: null };
}

function toStored(state: IncidentState): Stored {
  return {
    v: 1,
    key: state.key,
    runs: state.runs.slice(-MAX_RUNS).map((run) => ({ run: run.run, level: run.level, at: run.at, digest: run.digest })),
    commented: state.commented && { ...state.commented, moved: state.commented.moved.slice(0, MAX_REMEMBERED_FEATURES).map((entry) => ({ name: entry.name.slice(0, 500), level: entry.level })) },
    snoozed_until: state.snoozedUntil,
    snoozed_by: state.snoozedBy,
    workflow: state.workflow,
    ...(state.retrained ? { retrained: { at: state.retrained.at, run: state.retrained.run, workflow: state.retrained.workflow.slice(0, 300) } } : {}),
  };
}

/** The hidden block for a state. */
export function stateBlock(state: IncidentState): string {
  const json = JSON.stringify(storedSchema.parse(toStored(state)));
  return hiddenMarker(`${STATE_PREFIX}${Buffer.from(json, 'utf8').toString('base64url')}`);
}

/** What reading a body's block found. */
export type StateRead = { found: true; state: IncidentState } | { found: false; problem: string | null };

/**
 * Reads the state block of an issue body. `found: false` with a `problem`
 * when a block is there but does not decode or validate (an edited body);
 * with `problem: null` when there is no block at all.
 */
export function readIncidentState(body: string | null | undefined): StateRead {
  const match = BLOCK_PATTERN.exec(body ?? '');
  if (!match) return { found: false, problem: null };
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8'));
  } catch {
    return { found: false, problem: 'the hidden run history is not base64url JSON' };
  }
  const result = storedSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    return { found: false, problem: `the hidden run history is invalid at ${issue.path.join('.') || '(root)'}: ${issue.message}` };
  }
  const stored = result.data;
  return {
    found: true,
    state: {
      key: stored.key,
      runs: [...stored.runs].sort(compareRuns),
      commented: stored.commented,
      snoozedUntil: stored.snoozed_until,
      snoozedBy: stored.snoozed_by,
      workflow: stored.workflow,
      ...(stored.retrained ? { retrained: stored.retrained } : {}),
    },
  };
}

/** Replaces (or appends) the state block of a body. */
export function writeIncidentState(body: string, state: IncidentState): string {
  const block = stateBlock(state);
  return BLOCK_PATTERN.test(body) ? body.replace(BLOCK_PATTERN, () => block) : `${body.trimEnd()}\n${block}\n`;
}

/** Oldest first: by completion time, then run id. */
export function compareRuns(a: RunRecord, b: RunRecord): number {
  return Date.parse(a.at) - Date.parse(b.at) || a.run - b.run;
}

/** Runs of several histories, de-duplicated by run id, oldest first, the newest {@link MAX_RUNS} kept. */
export function mergeRuns(...histories: ReadonlyArray<readonly RunRecord[]>): RunRecord[] {
  const byId = new Map<number, RunRecord>();
  for (const history of histories) for (const run of history) if (!byId.has(run.run)) byId.set(run.run, run);
  return [...byId.values()].sort(compareRuns).slice(-MAX_RUNS);
}
