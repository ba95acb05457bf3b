import { describe, expect, it } from 'vitest';
import type { CommandName, ParseErrorCode } from '../../../src/core/commands/command-types.js';
import { parseCommand, parseLine } from '../../../src/core/commands/parse-command.js';
import { COMMAND_USAGE, GENERAL_HELP } from '../../../src/core/commands/usage.js';

// [line, expected code, a fragment the message must contain (the offending token)]
type Case = [string, ParseErrorCode, string];

const cases: Record<CommandName, Case[]> = {
  'cx-issue': [
    ['cx-issue late colour:red', 'unknown-option', '“colour:red”'],
    ['cx-issue late costs:12', 'unknown-option', 'Did you mean cost:?'],
    ['cx-issue late cost:12 cost:13', 'duplicate-option', '“cost:”'],
    ['cx-issue late cost:', 'missing-value', '“cost:”'],
    ['cx-issue late cost:-5', 'invalid-value', '“-5”'],
    ['cx-issue late cost:lots', 'invalid-value', '“lots”'],
    ['cx-issue late cost:1e99', 'invalid-value', '“1e99”'],
    ['cx-issue late company-cost:200b', 'invalid-value', '“200b”'],
    ['cx-issue late source:tweet', 'invalid-value', '“tweet”'],
    ['cx-issue late source:complant', 'invalid-value', 'Did you mean “complaint”?'],
    ['cx-issue late date:2025-02-30', 'invalid-value', '“2025-02-30”'],
    ['cx-issue late date:yesterday', 'invalid-value', '“yesterday”'],
    ['cx-issue late customer:""', 'missing-value', 'customer'],
    ['cx-issue "late parcel', 'unterminated-quote', '“"late parcel”'],
    ['cx-issue late customer:“Acme', 'unterminated-quote', 'Acme'],
    ['cx-issue late #a #b', 'unexpected-argument', '“#b”'],
    ['cx-issue late #late.delivery', 'invalid-value', '“#late.delivery”'],
    ['cx-issue late #""', 'invalid-value', '#""'],
    ['cx-issue #late cost:12', 'missing-argument', '#late cost:12'],
    [`cx-issue ${'word '.repeat(70)}`, 'invalid-value', '349 characters'],
    ['cx-issue show', 'missing-argument', '“/cx-issue show”'],
    ['cx-issue show CX-12 CX-13', 'unexpected-argument', '“CX-13”'],
    ['cx-issue show twelve', 'invalid-value', '“twelve”'],
    ['cx-issue list since:forever', 'invalid-value', '“forever”'],
    ['cx-issue list cost:12', 'unknown-option', '“cost:12”'],
  ],
  'cx-pareto': [
    ['cx-pareto by:money', 'invalid-value', '“money”'],
    ['cx-pareto since:3q', 'invalid-value', '“3q”'],
    ['cx-pareto until:soon', 'invalid-value', '“soon”'],
    ['cx-pareto since:2025-06-01 until:2025-01-01', 'invalid-value', 'since:2025-06-01'],
    ['cx-pareto Delivery driver:"Ease"', 'duplicate-option', '“Delivery”'],
    ['cx-pareto #late', 'unexpected-argument', '“#late”'],
    ['cx-pareto @ana', 'unexpected-argument', '“@ana”'],
    ['cx-pareto by:count by:revenue', 'duplicate-option', '“by:”'],
    ['cx-pareto sort:revenue', 'unknown-option', '“sort:revenue”'],
  ],
  'cx-impact': [
    ['cx-impact #a #b', 'unexpected-argument', '“#b”'],
    ['cx-impact since:-3d', 'invalid-value', '“-3d”'],
    ['cx-impact by:revenue', 'unknown-option', '“by:revenue”'],
  ],
  'cx-drivers': [
    ['cx-drivers core', 'unexpected-argument', 'segment:core'],
    ['cx-drivers segment:vip', 'invalid-value', '“vip”'],
    ['cx-drivers survey:""', 'missing-value', 'survey'],
    ['cx-drivers Q3', 'unexpected-argument', '“Q3”'],
  ],
  'cx-why': [
    ['cx-why #late CX-12', 'unexpected-argument', '“CX-12”'],
    ['cx-why CX-0', 'invalid-value', '“CX-0”'],
    ['cx-why !!!', 'invalid-value', '“!!!”'],
    ['cx-why @ana', 'unexpected-argument', '“@ana”'],
    ['cx-why depth:5', 'unknown-option', '“depth:5”'],
  ],
  'cx-action': [
    ['cx-action ad "x"', 'unknown-subcommand', 'Did you mean “add”?'],
    ['cx-action frobnicate', 'unknown-subcommand', '“frobnicate”'],
    ['cx-action add #late due:friday level:resolve', 'missing-argument', 'title'],
    ['cx-action add "Fix" due:friday level:resolve', 'missing-argument', '#theme'],
    ['cx-action add "Fix" #late level:resolve', 'missing-argument', 'due'],
    ['cx-action add "Fix" #late due:friday', 'missing-argument', 'level'],
    ['cx-action add "Fix" #late due:someday level:resolve', 'invalid-value', '“someday”'],
    ['cx-action add "Fix" #late due:friday level:fast', 'invalid-value', '“fast”'],
    [
      'cx-action add "Fix" #late due:friday level:resolve owner:"a b c"',
      'invalid-value',
      '“a b c”',
    ],
    [
      'cx-action add "Fix" #late due:friday level:resolve owner:@a @b',
      'unexpected-argument',
      '“@b”',
    ],
    [
      'cx-action add "Fix" #late due:friday level:resolve status:done',
      'unknown-option',
      '“status:done”',
    ],
    ['cx-action list everything', 'unexpected-argument', '“everything”'],
    ['cx-action list mine overdue', 'unexpected-argument', '“overdue”'],
    ['cx-action update', 'missing-argument', 'action id'],
    ['cx-action update B-7 status:done', 'invalid-value', '“B-7”'],
    ['cx-action update A-7', 'missing-argument', 'something to change'],
    ['cx-action update A-7 status:finished-ish', 'invalid-value', '“finished-ish”'],
    ['cx-action update A-7 soon', 'unexpected-argument', '“soon”'],
    ['cx-action done', 'missing-argument', '“/cx-action done”'],
    ['cx-action done A-7 A-8', 'unexpected-argument', '“A-8”'],
    ['cx-action reopen x', 'invalid-value', '“x”'],
    ['cx-action comment', 'missing-argument', '“/cx-action comment”'],
    ['cx-action comment A-7', 'missing-argument', '“/cx-action comment A-7”'],
    ['cx-action comment seven text', 'invalid-value', '“seven”'],
  ],
  'cx-metric': [
    ['cx-metric defne x', 'unknown-subcommand', 'Did you mean “define”?'],
    ['cx-metric define "Late" unit:% direction:lower target:2', 'missing-argument', '#theme'],
    ['cx-metric define #late unit:% direction:lower target:2', 'missing-argument', 'name'],
    [
      'cx-metric define "Late" #late',
      'missing-argument',
      'unit:"…", direction:lower|higher and target:N',
    ],
    [
      'cx-metric define "Late" #late unit:% direction:sideways target:2',
      'invalid-value',
      '“sideways”',
    ],
    ['cx-metric define "Late" #late unit:% direction:lower target:two', 'invalid-value', '“two”'],
    ['cx-metric record "Late"', 'missing-argument', '“"Late"”, is not a number'],
    ['cx-metric record 4.2', 'missing-argument', 'name'],
    ['cx-metric record "Late" 4.2 date:2025-13-01', 'invalid-value', '“2025-13-01”'],
    ['cx-metric show', 'missing-argument', '“/cx-metric show”'],
    ['cx-metric list extra', 'unexpected-argument', '“extra”'],
  ],
  'cx-digest': [
    ['cx-digest sometimes', 'unknown-subcommand', '“sometimes”'],
    ['cx-digest every', 'missing-argument', '“/cx-digest every”'],
    ['cx-digest every "0 9 * *"', 'invalid-value', '“0 9 * *”'],
    ['cx-digest every "0 9 * * 9"', 'invalid-value', '“9”'],
    ['cx-digest every "0 9 * * 1" tz:Mars/Base', 'invalid-value', '“Mars/Base”'],
    ['cx-digest weekly 09:00', 'missing-argument', '“09:00”'],
    ['cx-digest weekly funday 09:00', 'invalid-value', '“funday”'],
    ['cx-digest daily 25:00', 'invalid-value', '“25:00”'],
    ['cx-digest daily 9:75', 'invalid-value', '“9:75”'],
    ['cx-digest daily 13pm', 'invalid-value', '“13pm”'],
    ['cx-digest before fri', 'missing-argument', '“fri”'],
    ['cx-digest now please', 'unexpected-argument', '“please”'],
    ['cx-digest daily 08:30 tz:Europe/Paris tz:UTC', 'duplicate-option', '“tz:”'],
    ['cx-digest daily 08:30 channel:general', 'unknown-option', '“channel:general”'],
  ],
  cx: [
    ['cx helpp', 'unknown-subcommand', 'Did you mean “help”?'],
    ['cx help cx-isue', 'unknown-command', 'Did you mean /cx-issue?'],
    ['cx help nothing-like-it', 'unknown-command', '“nothing-like-it”'],
    ['cx admins add', 'missing-argument', '“/cx admins add”'],
    ['cx admins promote @ana', 'unknown-subcommand', '“promote”'],
    ['cx admins add "Ana Lima"', 'invalid-value', 'Ana Lima'],
    ['cx nudges', 'missing-argument', '“/cx nudges”'],
    ['cx nudges maybe', 'invalid-value', '“maybe”'],
    ['cx theme add', 'missing-argument', '“/cx theme add”'],
    ['cx theme rename #late', 'missing-argument', 'two #themes'],
    ['cx theme merge #late #late', 'invalid-value', '“#late”'],
    ['cx theme move #late', 'missing-argument', 'driver:'],
    ['cx theme move #late driver:X extra', 'unexpected-argument', '“extra”'],
    ['cx theme erase #late', 'unknown-subcommand', '“erase”'],
    ['cx theme add #a #b', 'unexpected-argument', '“#b”'],
    ['cx driver add', 'missing-argument', 'driver name'],
    ['cx driver rename Delivery', 'missing-argument', 'old and the new name'],
    ['cx driver rename Ease of use', 'unexpected-argument', '“use”'],
    ['cx customer add', 'missing-argument', 'customer name'],
    ['cx customer add "Acme" revenue:-1', 'invalid-value', '“-1”'],
    ['cx customer add "Acme" core-growth:perhaps', 'invalid-value', '“perhaps”'],
    ['cx customer update "Acme"', 'missing-argument', 'something to change'],
  ],
};

describe.each(Object.entries(cases))('%s errors', (name, table) => {
  it.each(table)('%s', (line, code, fragment) => {
    const result = parseLine(line);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toContain(fragment);
    expect(result.error.command).toBe(name);
    expect(result.error.usage).toContain(COMMAND_USAGE[name as CommandName]);
    expect(result.error.message).not.toMatch(/undefined|\[object|NaN/);
  });
});

describe('errors without a known command', () => {
  it.each<[string, ParseErrorCode, string]>([
    ['cx-isue late', 'unknown-command', 'Did you mean /cx-issue?'],
    ['/cx-paretto', 'unknown-command', 'Did you mean /cx-pareto?'],
    ['/cx-zzzzzzzz', 'unknown-command', '“/cx-zzzzzzzz”'],
    ['hello there', 'not-a-command', '“hello”'],
    ['', 'not-a-command', 'no command'],
    ['   \u0000  ', 'not-a-command', 'no command'],
  ])('%j', (line, code, fragment) => {
    const result = parseLine(line);
    expect(result).toMatchObject({ ok: false, error: { code, usage: GENERAL_HELP } });
    if (!result.ok) {
      expect(result.error.message).toContain(fragment);
      expect(result.error.command).toBeUndefined();
    }
  });

  it('suggests the nearest command name to parseCommand too', () => {
    const result = parseCommand('/cx-acton', 'list');
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'unknown-command', usage: GENERAL_HELP },
    });
    if (!result.ok) expect(result.error.message).toContain('/cx-action');
  });
});

describe('input limits', () => {
  it('refuses text over 4,000 characters, with the command usage', () => {
    const result = parseCommand('/cx-issue', `late ${'x'.repeat(5000)}`);
    expect(result).toMatchObject({ ok: false, error: { code: 'too-long', command: 'cx-issue' } });
    if (!result.ok) {
      expect(result.error.message).toContain('5,005 characters');
      expect(result.error.message).toContain('“late xxx');
      expect(result.error.usage).toContain('/cx-issue');
    }
  });

  it('refuses a 1 MB line without scanning it', () => {
    const result = parseLine(`cx-issue ${'"'.repeat(1_000_000)}`);
    expect(result).toMatchObject({ ok: false, error: { code: 'too-long' } });
  });

  it.each([
    ['"\\'.repeat(1300)],
    ['<'.repeat(3990)],
    ['<@'.repeat(1990)],
    ['#a.'.repeat(1300)],
    ['a:'.repeat(1990)],
    ['cost:1,'.repeat(570)],
    [`${'.'.repeat(3980)}x`],
    ['<at>'.repeat(990)],
  ])('answers adversarial 4,000-character input with a well-formed result (%#)', (text) => {
    // Speed on such input is measured in bench/, not here.
    for (const name of ['cx-issue', 'cx-action', 'cx-digest', 'cx']) {
      const result = parseCommand(name, text.slice(0, 4000));
      expect(typeof result.ok).toBe('boolean');
      if (!result.ok) expect(result.error.usage.length).toBeGreaterThan(0);
    }
  });
});
