import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IssueSource } from '../../../src/core/domain/types.js';
import { ISSUE_SOURCES } from '../../../src/core/domain/types.js';
import type { IssueLogCommand, ParseResult } from '../../../src/core/commands/command-types.js';
import { COMMAND_NAMES } from '../../../src/core/commands/command-types.js';
import { parseCommand, parseLine } from '../../../src/core/commands/parse-command.js';
import { cleanInput } from '../../../src/core/commands/tokenize.js';
import { parseMoney, resolveDateSpec, slugify } from '../../../src/core/commands/values.js';

const KINDS = new Set([
  'issue.form', 'issue.log', 'issue.list', 'issue.show', 'pareto', 'impact', 'drivers', 'why.start',
  'why.list', 'action.add', 'action.list', 'action.update', 'action.done', 'action.reopen',
  'action.comment', 'metric.define', 'metric.record', 'metric.show', 'metric.list', 'digest.show',
  'digest.set', 'digest.preview', 'digest.now', 'digest.off', 'help', 'admins.list', 'admins.add',
  'admins.remove', 'nudges.set', 'theme.list', 'theme.add', 'theme.rename', 'theme.move',
  'theme.merge', 'driver.list', 'driver.add', 'driver.rename', 'driver.delete', 'customer.list',
  'customer.add', 'customer.update',
]); // prettier-ignore

function expectWellFormed(result: ParseResult): void {
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) {
    expect(KINDS.has(result.command.kind)).toBe(true);
    // Commands are plain data: they survive JSON as they are.
    expect(JSON.parse(JSON.stringify(result.command))).toEqual(result.command);
    return;
  }
  const { code, message, usage } = result.error;
  expect(code).toMatch(/^[a-z-]+$/);
  expect(message.trim().length).toBeGreaterThan(0);
  expect(usage.trim().length).toBeGreaterThan(0);
  expect(message).not.toMatch(/undefined|\[object|NaN/);
}

// Pieces of the grammar, so random strings hit the interesting paths, not only "unknown command".
const grammarPiece = fc.oneof(
  fc.constantFrom(
    'cx', 'cx-issue', '/cx-pareto', 'cx-impact', 'cx-drivers', 'cx-why', 'cx-action', 'cx-metric',
    'cx-digest', 'list', 'show', 'add', 'update', 'done', 'reopen', 'comment', 'define', 'record',
    'every', 'weekly', 'daily', 'before', 'preview', 'now', 'off', 'help', 'admins', 'nudges', 'on',
    'theme', 'driver', 'customer', 'rename', 'move', 'merge', 'delete', 'mon', 'fri', '09:00',
    '25:61', 'CX-12', 'A-7', '#late-delivery', '#entrega-tardía', '#配送', '#', '#12', '#a.b', '@ana',
    '@me', '<@U1|ana>', '<@U1>', '<at>Ana</at>', '<https://x.io|x>', '<!here>', '<', '>', '"', "'",
    '“', '”', '‘', '’', '\\', 'cost:1,200.50', 'cost:-1', 'cost:1.5k', 'cost:', 'company-cost:€9',
    'customer:"Zoë Ltd"', 'customer:“配送”', 'source:return', 'source:x', 'since:30d', 'since:2025-02-29',
    'until:2025-01-01', 'by:revenue', 'by:?', 'due:friday', 'due:+3d', 'due:next-week', 'due:x',
    'level:instance', 'status:done', 'owner:@ana', 'owner:<@U1|Ana Lima>', 'tz:Europe/Paris',
    'tz:Mars/x', 'unit:"%"', 'direction:lower', 'target:2', 'revenue:120k', 'core-growth:yes',
    'segment:core', 'survey:"Q3"', '"0 9 * * 1"', '0', '*', '*/5', '1-5', 'mon-fri', 'x:y', 'a=b',
    '🚚', '👩‍👩‍👧', 'مرحبا', '\u0000', '\u200b', '\n', '\t', '\u00a0', '−5',
  ),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
); // prettier-ignore

const grammarLine = fc
  .tuple(fc.array(grammarPiece, { maxLength: 14 }), fc.constantFrom(' ', '', '  ', '\t'))
  .map(([pieces, separator]) => pieces.join(separator || ' '));

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ maxLength: 200 }),
  grammarLine,
);

const commandName = fc.oneof(
  fc.constantFrom(...COMMAND_NAMES, ...COMMAND_NAMES.map((n) => `/${n.toUpperCase()}`)),
  fc.string({ maxLength: 12 }),
);

describe('parser robustness', () => {
  it('parseLine never throws and always returns a well-formed result', () => {
    fc.assert(
      fc.property(anyText, (line) => {
        expectWellFormed(parseLine(line));
        expectWellFormed(parseLine(`cx-issue ${line}`));
      }),
      { numRuns: 10_000 },
    );
  });

  it('parseCommand never throws and always returns a well-formed result', () => {
    fc.assert(
      fc.property(commandName, anyText, (name, text) => {
        expectWellFormed(parseCommand(name, text));
      }),
      { numRuns: 10_000 },
    );
  });

  it('treats near-limit and over-limit input the same way every time', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 3990, maxLength: 4100 }), (text) => {
        const result = parseCommand('cx-issue', text);
        expectWellFormed(result);
        if (text.length > 4000)
          expect(result).toMatchObject({ ok: false, error: { code: 'too-long' } });
      }),
      { numRuns: 50 },
    );
  });
});

// --- round trip: a generated valid /cx-issue command parses back to the same fields ---

const wordChar = fc.constantFrom(
  ...'abcdefghijklmnopqrstuvwxyzABCXYZ0123456789éßøñçüÆ配送遅いعربيשלום🚚👍.,!?()-_\'&%$/'.split(''),
  'é', '👩‍👧',
); // prettier-ignore
const summaryWord = fc
  .string({ unit: wordChar, minLength: 1, maxLength: 12 })
  .filter((w) => !/^['"#@<]/.test(w) && !/^(list|show)$/i.test(w) && !w.startsWith('-'));
const themeName = fc
  .tuple(
    fc.constantFrom(...'abcxyzÉéñ配送ع'.split('')),
    fc.string({ unit: fc.constantFrom(...'abcdef0123-_ñüß配'.split('')), maxLength: 20 }),
  )
  .map(([first, rest]) => first + rest);
const freeText = (max: number): fc.Arbitrary<string> =>
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: max })
    .filter((s) => s === cleanInput(s) && s.trim() === s && s !== '' && !/\s{2}|[\t\n]/.test(s));
const isoDate = fc
  .date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2999-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const cents = fc.oneof(fc.integer({ min: 0, max: 1e13 }), fc.integer({ min: 0, max: 10_000_000 }));

const quoteText = (text: string, style: number): string => {
  const escaped = text.replaceAll('\\', '\\\\');
  if (style === 0) return `"${escaped.replaceAll('"', '\\"')}"`;
  if (style === 1) return `'${escaped.replaceAll("'", "\\'")}'`;
  return `“${escaped.replaceAll('”', '\\”').replaceAll('“', '\\“')}”`;
};

const money = (value: number, style: number): string => {
  const whole = Math.floor(value / 100);
  const fraction = String(value % 100).padStart(2, '0');
  const grouped = whole.toLocaleString('en-US');
  return (
    [`${whole}.${fraction}`, `$${grouped}.${fraction}`, `${grouped}.${fraction}€`][style % 3] ?? ''
  );
};

const issueArb = fc.record(
  {
    summary: fc.array(summaryWord, { minLength: 1, maxLength: 20 }),
    theme: themeName,
    customer: freeText(60),
    customerCostCents: cents,
    companyCostCents: cents,
    source: fc.constantFrom<IssueSource>(...ISSUE_SOURCES),
    driver: freeText(40),
    date: isoDate,
  },
  { requiredKeys: ['summary'] },
);

describe('cx-issue round trip', () => {
  it('a generated valid command parses back to the same fields', () => {
    fc.assert(
      fc.property(issueArb, fc.nat(), fc.boolean(), (issue, seed, keyCase) => {
        const key = (k: string): string => (keyCase ? k.toUpperCase() : k);
        const parts: string[] = [];
        if (issue.theme !== undefined) parts.push(`#${issue.theme}`);
        if (issue.customer !== undefined)
          parts.push(`${key('customer')}:${quoteText(issue.customer, seed % 3)}`);
        if (issue.customerCostCents !== undefined)
          parts.push(`${key('cost')}:${money(issue.customerCostCents, seed)}`);
        if (issue.companyCostCents !== undefined)
          parts.push(`company-cost=${money(issue.companyCostCents, seed + 1)}`);
        if (issue.source !== undefined) parts.push(`source:${issue.source}`);
        if (issue.driver !== undefined)
          parts.push(`driver:${quoteText(issue.driver, (seed >> 2) % 3)}`);
        if (issue.date !== undefined) parts.push(`date:${issue.date}`);
        // Options may come before or after the summary.
        const split = seed % (parts.length + 1);
        const text = [...parts.slice(0, split), ...issue.summary, ...parts.slice(split)].join(' ');

        const expected: IssueLogCommand = {
          kind: 'issue.log',
          summary: issue.summary.join(' '),
          source: issue.source ?? 'complaint',
        };
        if (issue.theme !== undefined)
          Object.assign(expected, { themeSlug: slugify(issue.theme), themeName: issue.theme });
        if (issue.customer !== undefined) expected.customer = issue.customer;
        if (issue.customerCostCents !== undefined)
          expected.customerCostCents = issue.customerCostCents;
        if (issue.companyCostCents !== undefined)
          expected.companyCostCents = issue.companyCostCents;
        if (issue.driver !== undefined) expected.driver = issue.driver;
        if (issue.date !== undefined) expected.date = issue.date;
        if (expected.themeSlug === '') return; // a theme of only '-' and '_' is refused, tested elsewhere

        expect(parseCommand('/cx-issue', text)).toEqual({ ok: true, command: expected });
        expect(parseLine(`cx-issue ${text}`)).toEqual({ ok: true, command: expected });
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('value properties', () => {
  it('slugify is idempotent, bounded and made of letters, digits and single dashes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (name) => {
        const slug = slugify(name);
        expect(slugify(slug)).toBe(slug);
        expect(Array.from(slug).length).toBeLessThanOrEqual(60);
        if (slug !== '') expect(slug).toMatch(/^[\p{L}\p{N}\p{M}]+(?:-[\p{L}\p{N}\p{M}]+)*$/u);
      }),
      { numRuns: 2_000 },
    );
  });

  it('money written with two decimals parses to the same cents', () => {
    fc.assert(
      fc.property(cents, fc.nat(2), (value, style) => {
        expect(parseMoney(money(value, style))).toEqual({ ok: true, value });
      }),
    );
  });

  it('relative due dates resolve to a real date after today', () => {
    const spec = fc.oneof(
      fc.constant({ kind: 'tomorrow' as const }),
      fc.constant({ kind: 'next-week' as const }),
      fc.integer({ min: 0, max: 6 }).map((weekday) => ({ kind: 'weekday' as const, weekday })),
      fc.integer({ min: 1, max: 3650 }).map((days) => ({ kind: 'offset' as const, days })),
    );
    fc.assert(
      fc.property(spec, isoDate, (s, today) => {
        const [year = 0, month = 0, day = 0] = today.split('-').map(Number);
        const due = resolveDateSpec(s, { year, month, day });
        expect(due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(due > today).toBe(true);
        if (s.kind === 'weekday') expect(new Date(`${due}T00:00:00Z`).getUTCDay()).toBe(s.weekday);
      }),
    );
  });
});
