import { describe, expect, it } from 'vitest';
import { parseCommands } from '../../shared/promotion/index.js';
import { decideIncidentCommand, needsRole, type IncidentCommandInput } from '../../shared/incidents/index.js';
import { KEY, day, run, state } from './fixtures.js';

const incident = state([run(1, 'alert', 0), run(2, 'warn', 1), run(3, 'none', 2)]);

function decide(text: string, overrides: Partial<IncidentCommandInput> = {}) {
  const [command] = parseCommands(text);
  return decideIncidentCommand({
    command,
    target: { number: 12, isPullRequest: false },
    incident,
    actor: { login: 'alice', isBot: false, role: 'write' },
    trainingWorkflows: { churn: 'train.yml', fraud: undefined },
    now: day(3),
    ...overrides,
  });
}

describe('drift-issue commands', () => {
  it('/snooze 7d records who muted it until when', () => {
    expect(decide('/snooze 7d')).toEqual({ kind: 'snooze', issue: 12, until: day(10), state: { ...incident, snoozedUntil: day(10), snoozedBy: 'alice' } });
  });

  it('/accept re-baselines from the newest failing run', () => {
    expect(decide('/accept')).toEqual({ kind: 'open-rebaseline-pr', issue: 12, model: 'churn', stage: 'production', run: 2 });
    expect(decide('/accept', { incident: state([run(3, 'none', 2)]) })).toMatchObject({ kind: 'refuse', code: 'no-failing-run' });
  });

  it('/retrain dispatches the configured training workflow, anywhere', () => {
    expect(decide('/retrain churn')).toEqual({ kind: 'dispatch-training', model: 'churn', workflow: 'train.yml', issue: 12 });
    expect(decide('/retrain churn', { incident: null, target: { number: 40, isPullRequest: true } })).toEqual({ kind: 'dispatch-training', model: 'churn', workflow: 'train.yml', issue: 40 });
    expect(decide('/retrain fraud')).toEqual({ kind: 'refuse', command: 'retrain', code: 'no-training-workflow', detail: "model 'fraud' has no training_workflow in .github/tollgate.yml" });
    expect(decide('/retrain spam')).toEqual({ kind: 'refuse', command: 'retrain', code: 'unknown-model', detail: "'spam' is not a model in .github/tollgate.yml (models: churn, fraud)" });
  });

  it('/status is for everyone, on drift issues only', () => {
    expect(decide('/status', { actor: { login: 'visitor', isBot: false, role: 'read' } })).toEqual({ kind: 'status', issue: 12 });
    expect(decide('/status', { incident: null })).toMatchObject({ kind: 'ignore' });
    expect(decide('/status', { target: { number: 12, isPullRequest: true } })).toMatchObject({ kind: 'ignore' });
  });

  it.each(['read', 'triage', 'none', null])('refuses write commands to role %j', (role) => {
    for (const text of ['/snooze 1d', '/accept', '/retrain churn']) {
      const decision = decide(text, { actor: { login: 'mallory', isBot: false, role } });
      expect(decision).toMatchObject({ kind: 'refuse', code: 'read-only' });
      expect(decision.kind === 'refuse' && decision.detail).toBe(`@mallory has ${role ?? 'no'} access; ${text.split(' ')[0]} needs write access to the repository`);
    }
  });

  it('accepts maintain and admin; ignores bots and other commands', () => {
    expect(decide('/snooze 1d', { actor: { login: 'bob', isBot: false, role: 'maintain' } }).kind).toBe('snooze');
    expect(decide('/accept', { actor: { login: 'root', isBot: false, role: 'admin' } }).kind).toBe('open-rebaseline-pr');
    expect(decide('/snooze 1d', { actor: { login: 'ci[bot]', isBot: true, role: 'write' } })).toEqual({ kind: 'ignore', reason: 'commands from bots are ignored' });
    expect(decide('/approve')).toMatchObject({ kind: 'ignore' });
    expect(decide('/snooze 1d', { incident: null })).toMatchObject({ kind: 'ignore' });
  });

  it('asks for the role only when it matters', () => {
    expect(parseCommands('/status\n/snooze 2d\n/approve').map(needsRole)).toEqual([false, true, false]);
  });

  it('keeps the key of the issue it acts on', () => {
    const decision = decide('/snooze 2d');
    expect(decision.kind === 'snooze' && decision.state.key).toBe(KEY);
  });
});
