import { describe, expect, it } from 'vitest';
import { COMMAND_USAGE, COMMAND_WORDS, helpText, parseCommands, scanComment, type Command } from '../../shared/promotion/commands.js';

/** A command without its line number (distributed over the union). */
type Unlined = Command extends infer C ? (C extends unknown ? Omit<C, 'line'> : never) : never;

/** The commands of a body without their line numbers. */
function kinds(body: string): Unlined[] {
  return parseCommands(body).map(({ line: _line, ...rest }) => rest);
}

describe('command grammar', () => {
  const table: Array<[string, Unlined[]]> = [
    ['/approve', [{ kind: 'approve', force: false }]],
    ['/approve looks good', [{ kind: 'approve', force: false, reason: 'looks good' }]],
    ['/APPROVE Looks   Good', [{ kind: 'approve', force: false, reason: 'Looks Good' }]],
    ['  /Approve', [{ kind: 'approve', force: false }]],
    ['/approve cancel', [{ kind: 'approve-cancel' }]],
    ['/approve CANCEL wrong version', [{ kind: 'approve-cancel', reason: 'wrong version' }]],
    ['/approve --force incident 42', [{ kind: 'approve', force: true, reason: 'incident 42' }]],
    ['/approve --Force', [{ kind: 'approve', force: true }]],
    ['/approve --yes', [{ kind: 'invalid', command: 'approve', error: "unknown option '--yes'", usage: COMMAND_USAGE.approve }]],
    ['/reject AUC dropped on EU', [{ kind: 'reject', reason: 'AUC dropped on EU' }]],
    ['/reject', [{ kind: 'invalid', command: 'reject', error: 'a rejection needs a reason', usage: '/reject <reason>' }]],
    ['/hold', [{ kind: 'hold' }]],
    ['/hold waiting for legal', [{ kind: 'hold', reason: 'waiting for legal' }]],
    ['/hold cancel', [{ kind: 'hold-cancel' }]],
    ['/promote churn@v1.4.0 to production', [{ kind: 'promote', model: 'churn', version: 'v1.4.0', stage: 'production' }]],
    ['/promote fraud/eu@v2.0.0-rc.1+b7 TO staging', [{ kind: 'promote', model: 'fraud/eu', version: 'v2.0.0-rc.1+b7', stage: 'staging' }]],
    ['/promote models/churn:churn@v1.0.0 to prod', [{ kind: 'promote', model: 'models/churn:churn', version: 'v1.0.0', stage: 'prod' }]],
    ['/promote churn@1.4.0 to production', [{ kind: 'invalid', command: 'promote', error: "versions start with 'v': write v1.4.0", usage: COMMAND_USAGE.promote }]],
    ['/promote churn@v1.4 to production', [{ kind: 'invalid', command: 'promote', error: "'v1.4' is not a version: use v + SemVer, e.g. v1.4.0", usage: COMMAND_USAGE.promote }]],
    ['/promote churn to production', [{ kind: 'invalid', command: 'promote', error: "'churn' should be <model>@<version>, e.g. churn@v1.4.0", usage: COMMAND_USAGE.promote }]],
    ['/promote churn@v1.4.0 production', [{ kind: 'invalid', command: 'promote', error: 'expected <model>@<version> to <stage>', usage: COMMAND_USAGE.promote }]],
    ['/promote -churn@v1.4.0 to production', [{ kind: 'invalid', command: 'promote', error: "'-churn' is not a model name: model names use letters, digits, '-', '_' and '/', starting and ending with a letter or digit", usage: COMMAND_USAGE.promote }]],
    ['/promote churn@v1.4.0 to prod..x', [{ kind: 'invalid', command: 'promote', error: "'prod..x' is not a stage name", usage: COMMAND_USAGE.promote }]],
    ['/rollback churn', [{ kind: 'rollback', model: 'churn' }]],
    ['/rollback churn production', [{ kind: 'rollback', model: 'churn', stage: 'production' }]],
    ['/rollback churn production to v1.2.0', [{ kind: 'rollback', model: 'churn', stage: 'production', version: 'v1.2.0' }]],
    ['/rollback churn to v1.2.0', [{ kind: 'rollback', model: 'churn', version: 'v1.2.0' }]],
    ['/rollback churn production to', [{ kind: 'invalid', command: 'rollback', error: "'to' needs a version", usage: COMMAND_USAGE.rollback }]],
    ['/rollback churn production now', [{ kind: 'invalid', command: 'rollback', error: "unexpected 'now'", usage: COMMAND_USAGE.rollback }]],
    ['/rollback', [{ kind: 'invalid', command: 'rollback', error: 'which model?', usage: COMMAND_USAGE.rollback }]],
    ['/retrain churn', [{ kind: 'retrain', model: 'churn' }]],
    ['/retrain churn please', [{ kind: 'invalid', command: 'retrain', error: "unexpected 'please'", usage: '/retrain <model>' }]],
    ['/status', [{ kind: 'status' }]],
    ['/status now', [{ kind: 'invalid', command: 'status', error: '/status takes no arguments', usage: '/status' }]],
    ['/help', [{ kind: 'help' }]],
    ['/snooze 7d', [{ kind: 'snooze', duration: '7d', durationMs: 7 * 86_400_000 }]],
    ['/snooze 24H', [{ kind: 'snooze', duration: '24h', durationMs: 86_400_000 }]],
    ['/snooze', [{ kind: 'invalid', command: 'snooze', error: 'for how long? (a duration such as 30m, 24h, 7d or 2w)', usage: '/snooze <duration>' }]],
    ['/snooze forever', [{ kind: 'invalid', command: 'snooze', error: "'forever' is not a duration such as 30m, 24h, 7d or 2w", usage: '/snooze <duration>' }]],
    ['/snooze 0d', [{ kind: 'invalid', command: 'snooze', error: 'the duration must be positive', usage: '/snooze <duration>' }]],
    ['/snooze 400d', [{ kind: 'invalid', command: 'snooze', error: 'at most 365d', usage: '/snooze <duration>' }]],
    ['/accept', [{ kind: 'accept' }]],
    ['/lgtm', [{ kind: 'unknown', word: 'lgtm', suggestion: '/approve' }]],
    ['/aprove', [{ kind: 'unknown', word: 'aprove', suggestion: '/approve' }]],
    ['/approve!', [{ kind: 'unknown', word: 'approve!', suggestion: '/approve' }]],
    ['/frobnicate', [{ kind: 'unknown', word: 'frobnicate' }]],
  ];
  it.each(table)('%s', (body, expected) => {
    expect(kinds(body)).toEqual(expected);
  });
});

describe('what is not a command', () => {
  const table: Array<[string, string]> = [
    ['a path at the start of a line', '/usr/bin/env python'],
    ['a subreddit', '/r/MachineLearning is full of this'],
    ['a path mid-sentence', 'see /approve in the docs, or /usr/bin'],
    ['a number', '/2 of us agree'],
    ['a lone slash', '/ approve'],
    ['a double slash', '// approve'],
    ['four spaces of indentation (indented code)', '    /approve'],
    ['a tab of indentation', '\t/approve'],
    ['a list item', '- /approve'],
    ['a non-breaking space before it', '\u00a0/approve'],
    ['a backtick fence', '```\n/approve\n```'],
    ['a backtick fence with an info string', '```shell\n/approve\n```'],
    ['a tilde fence', '~~~\n/approve\n~~~'],
    ['a longer fence closed only by a long enough fence', '````\n```\n/approve\n````'],
    ['an indented fence', '   ```\n/approve\n   ```'],
    ['an unclosed fence (runs to the end)', 'text\n```\n/approve'],
    ['a quote', '> /approve'],
    ['a nested quote', '> > /approve'],
    ['a quote without a space', '>/approve'],
    ['an indented quote', '   > /approve'],
    ['a lazy quote continuation', '> I think\n/approve'],
    ['a fence inside a quote', '> ```\n> /approve\n> ```'],
    ['an HTML comment', '<!--\n/approve\n-->'],
    ['a one-line HTML comment', '<!-- /approve -->'],
    ['an inline HTML comment that runs on', 'note <!--\n/approve\n-->'],
    ['garbage', '\u0000\u0007/\u0000approve'],
    ['empty', ''],
  ];
  it.each(table)('%s', (_what, body) => {
    expect(parseCommands(body)).toEqual([]);
  });
});

describe('commands in real comments', () => {
  it('reads several commands with their lines, in order', () => {
    const body = 'Thanks!\r\n/approve numbers look right\r\n\r\n/hold until Monday\r\nand /reject not this one\r\n/STATUS';
    expect(parseCommands(body)).toEqual([
      { kind: 'approve', force: false, reason: 'numbers look right', line: 2 },
      { kind: 'hold', reason: 'until Monday', line: 4 },
      { kind: 'status', line: 6 },
    ]);
  });

  it('reads commands after a closed fence and after a quote ends with a blank line', () => {
    const body = ['```js', '/approve', '```', '/hold', '> /reject quoted', '', '/approve'].join('\n');
    expect(parseCommands(body).map((command) => [command.kind, command.line])).toEqual([
      ['hold', 4],
      ['approve', 7],
    ]);
  });

  it('does not close a backtick fence with tildes or a shorter fence', () => {
    expect(parseCommands('````\n~~~~\n```\n/approve\n````\n/hold')).toEqual([{ kind: 'hold', line: 6 }]);
  });

  it('treats a backtick run with backticks in its info string as inline code, not a fence', () => {
    expect(parseCommands('```a`b\n/approve')).toEqual([{ kind: 'approve', force: false, line: 2 }]);
  });

  it('ends a quote at a line that starts a block of its own', () => {
    expect(parseCommands('> quoted text\n```\ncode\n```\n/approve').map((command) => command.kind)).toEqual(['approve']);
    expect(parseCommands('> ```\n> code\n/approve').map((command) => command.kind)).toEqual(['approve']);
  });

  it('reports known commands that are only quoted', () => {
    const scan = scanComment('> /approve\n> > /HOLD please\n> /usr/bin\nok\n> /frobnicate');
    expect(scan.commands).toEqual([]);
    expect(scan.quoted).toEqual([
      { word: 'approve', line: 1 },
      { word: 'hold', line: 2 },
    ]);
  });

  it('cuts very long reasons', () => {
    const [command] = parseCommands(`/approve ${'x'.repeat(2000)}`);
    expect(command.kind).toBe('approve');
    expect(command.kind === 'approve' && command.reason?.length).toBe(500);
  });

  it('handles a large hostile comment quickly', () => {
    const body = `${'> /approve\n'.repeat(5000)}${'```\n'.repeat(3)}${'/x/'.repeat(10000)}\n/approve`;
    const started = performance.now();
    const scan = scanComment(body);
    expect(performance.now() - started).toBeLessThan(500);
    expect(scan.quoted).toHaveLength(5000);
    expect(scan.commands).toEqual([]); // the unclosed third fence swallows the rest
  });
});

describe('helpText', () => {
  it('lists every command with its usage', () => {
    const text = helpText();
    for (const word of COMMAND_WORDS) expect(text).toContain(`\`/${word}`);
    expect(text).toContain('`/approve --force [reason]`');
    expect(text).toContain('`/snooze <duration>`');
  });

  it('contains no line that would itself parse as a command', () => {
    expect(parseCommands(helpText())).toEqual([]);
  });
});
