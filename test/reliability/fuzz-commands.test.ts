// 10,000 generated command strings through the core's handleInbound, on the real storage
// (SQLite :memory: after the real migrations). None may throw; each gets a view, and an
// error is a private, clear message: never a stack trace or an internal error's words.
// Each answer is checked with plain code and reported through expect only when something is
// wrong: expect's own bookkeeping, 10,000 times over, cost more than the checks.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleInbound } from '../../src/core/bot/handle-inbound.js';
import type { Inbound } from '../../src/core/bot/inbound.js';
import type { MessageView } from '../../src/core/views/message-view.js';
import { renderPlainText } from '../../src/core/views/render-plain-text.js';
import { openCoreHarness, type CoreHarness } from '../support/core-harness.js';
import { binaryString } from './support/binary-string.js';
import { leaksIn } from './support/stack-trace.js';

const RUNS = 10_000;

let h: CoreHarness;
beforeAll(async () => {
  h = openCoreHarness();
  // Real data, so commands naming themes, issues, plans and metrics reach the database.
  for (const line of [
    '/cx-issue Parcel a week late #late-delivery customer:"Acme" cost:45 company-cost:100',
    '/cx-issue Wrong invoice #billing cost:5 driver:"Billing"',
    '/cx customer add "Globex" revenue:250000 core-growth:yes',
    '/cx-action add "Print labels at packing" #late-delivery due:2026-12-01 level:recurrence',
    '/cx-metric define "Late parcels" #late-delivery unit:"%" direction:lower target:2',
    '/cx-digest weekly mon 09:00 tz:UTC',
  ]) {
    const { view } = await h.say(line);
    expect(view.tone, line).toBeUndefined();
  }
});
afterAll(() => h.close());

const NAMES = [
  'cx', 'cx-issue', 'cx-pareto', 'cx-impact', 'cx-drivers', 'cx-why', 'cx-action', 'cx-metric',
  'cx-digest', 'CX-ISSUE', 'cx_issue', 'issue', 'cx-isue', 'cx-', 'x',
]; // prettier-ignore
const WORDS = [
  'list', 'show', 'add', 'update', 'done', 'reopen', 'comment', 'define', 'record', 'help',
  'admins', 'remove', 'nudges', 'on', 'off', 'theme', 'driver', 'customer', 'rename', 'move',
  'merge', 'delete', 'weekly', 'daily', 'weekdays', 'before', 'every', 'preview', 'now', 'mine',
  'overdue', 'week', 'all', 'mon', 'fri', '09:00', '25:99', 'CX-1', 'CX-0', 'CX-99999999999',
  'A-1', 'A-0', 'A--1', '#late-delivery', '#billing', '#', '##', '#Ünïcødé', '<@U1>',
  '<@U-ann|ann>', '<at>CX Habits</at>', '"Late parcels"', '"', '""', '"unterminated',
  'by:count', 'by:revenue', 'by:nope', 'since:30d', 'since:0d', 'since:99999y', 'since:2026-02-30',
  'until:1999-01-01', 'cost:45.50', 'cost:-1', 'cost:1e308', 'cost:NaN', 'cost:Infinity',
  'cost:9999999999999999999', 'company-cost:', 'customer:"Acme"', 'customer:', 'source:return',
  'source:spam', 'driver:"Billing"', 'date:2026-13-01', 'date:today', 'due:friday', 'due:+3d',
  'due:yesterday', 'due:2020-01-01', 'level:recurrence', 'level:nope', 'owner:@ana', 'owner:<@U2>',
  'status:blocked', 'status:?', 'unit:"%"', 'direction:lower', 'direction:sideways', 'target:2',
  'target:abc', 'current:-0', 'tz:Europe/Paris', 'tz:Mars/Olympus', 'tz:', '"0 9 * * 1"',
  '"* * * * * *"', '"61 25 32 13 8"', 'revenue:1000000', 'core-growth:maybe', 'segment:core',
  'survey:"Q3"', '--json', '\\', '`', '*bold*', '_it_', '<https://x.example|x>', '\u0000', '\u202e',
  '💥', 'ｃｘ－ｉｓｓｕｅ', 'undefined', 'null', '__proto__', 'constructor', 'toString',
]; // prettier-ignore

const anyText = (maxLength: number) =>
  fc.oneof(
    fc.string({ maxLength }),
    binaryString({ maxLength }),
    fc.string({
      unit: fc.constantFrom('a', ' ', '"', ':', '#', '-', '@', '<', '>', '\n'),
      maxLength,
    }),
  );

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: anyText(20) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('cost', 'due', 'since', 'by', 'customer', 'owner', 'target', 'tz'),
        anyText(12),
      )
      .map(([key, value]) => `${key}:${value}`),
  },
  { weight: 1, arbitrary: anyText(30).map((s) => `"${s}"`) },
);

interface Case {
  /** '' for a whole line (Teams, playground); the slash command otherwise. */
  name: string;
  text: string;
}

const grammar: fc.Arbitrary<Case> = fc
  .tuple(
    fc.constantFrom(...NAMES),
    fc.array(piece, { maxLength: 10 }),
    fc.boolean(),
    fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0'),
  )
  .map(([name, pieces, slash, gap]) =>
    slash
      ? { name: `/${name}`, text: pieces.join(gap) }
      : { name: '', text: [name, ...pieces].join(gap) },
  );

const slug = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
const words = fc.string({
  unit: fc.constantFrom('a', 'b', 'é', ' ', '1', '💥', ','),
  minLength: 1,
  maxLength: 40,
});
const amount = fc.oneof(
  fc.integer({ min: -10, max: 1_000_000 }).map(String),
  fc.constantFrom('0.5', '1e3', '12,50', '$4'),
);

/** Well-formed commands with generated values, so the use cases behind them run. */
const valid: fc.Arbitrary<Case> = fc
  .oneof(
    fc.tuple(words, slug, amount).map(([w, t, a]) => `cx-issue ${w} #${t} cost:${a}`),
    fc
      .tuple(words, amount)
      .map(([w, a]) => `cx-issue ${w} #late-delivery customer:"Acme" company-cost:${a}`),
    fc.integer({ min: 0, max: 40 }).map((n) => `cx-issue show CX-${n}`),
    words.map((w) => `cx-issue list ${w}`),
    fc.constantFrom(
      'cx-why #late-delivery',
      'cx-why #billing',
      'cx-why CX-1',
      'cx-why',
      'cx-why #nope',
    ),
    fc.constantFrom(
      'cx-digest',
      'cx-digest daily 08:30 tz:Asia/Tokyo',
      'cx-digest weekly fri 25:00',
    ),
    fc
      .tuple(
        words,
        fc.constantFrom('friday', '+3d', 'next-week', '2027-01-31', 'yesterday'),
        fc.constantFrom('resolve', 'recurrence', 'occurrence'),
      )
      .map(([w, due, level]) => `cx-action add "${w}" #late-delivery due:${due} level:${level}`),
    fc
      .tuple(
        fc.integer({ min: 0, max: 20 }),
        fc.constantFrom('done', 'reopen', 'update', 'comment'),
        words,
      )
      .map(
        ([n, verb, w]) => `cx-action ${verb} A-${n} ${verb === 'update' ? 'status:blocked' : w}`,
      ),
    fc.constantFrom(
      'cx-action list',
      'cx-action list mine',
      'cx-action list overdue',
      'cx-metric list',
      'cx-metric show "Late parcels"',
    ),
    amount.map((a) => `cx-metric record "Late parcels" ${a}`),
    fc
      .tuple(
        fc.constantFrom('count', 'revenue', 'customer-cost', 'company-cost'),
        fc.constantFrom('30d', 'all', '1y'),
      )
      .map(([by, since]) => `cx-pareto by:${by} since:${since}`),
    fc.constantFrom(
      'cx-impact',
      'cx-impact #billing',
      'cx-drivers',
      'cx help',
      'cx',
      'cx theme list',
    ),
    fc.tuple(slug, words).map(([t, w]) => `cx theme add #${t} "${w}"`),
    fc.tuple(words, amount).map(([w, a]) => `cx customer add "${w}" revenue:${a}`),
  )
  .map((text) => ({ name: '', text }));

/** Building a digest reads everything, so it is fuzzed less often. */
const digest: fc.Arbitrary<Case> = fc
  .constantFrom('cx-digest now', 'cx-digest preview')
  .map((text) => ({ name: '', text }));

const command: fc.Arbitrary<Case> = fc.oneof(
  { weight: 200, arbitrary: valid },
  { weight: 1, arbitrary: digest },
  { weight: 300, arbitrary: grammar },
  { weight: 150, arbitrary: anyText(300).map((text) => ({ name: '', text })) },
  {
    weight: 50,
    arbitrary: fc
      .tuple(
        fc.constantFrom('cx-issue', 'cx-why', 'cx-action add', 'cx-metric define'),
        fc.integer({ min: 3_900, max: 9_000 }),
      )
      .map(([name, n]) => ({ name: '', text: `${name} "${'x'.repeat(n)}" #t` })),
  },
  { weight: 50, arbitrary: anyText(40).map((name) => ({ name, text: 'list' })) },
);

const inbound = (c: Case, n: number): Inbound => ({
  kind: 'command',
  user: { platform: 'local', tenantId: 'T1', userId: `U-fuzz-${n % 7}`, name: 'fuzz' },
  conversation: { platform: 'local', tenantId: 'T1', channelId: `C-fuzz-${n % 3}` },
  name: c.name,
  text: c.text,
});

/** What is wrong with the answer to `c`; nothing for a clear view, whatever the command. */
const problemsWith = (c: Case, view: MessageView | null): string[] => {
  if (!view) return ['no view at all'];
  const text = renderPlainText(view);
  const problems: string[] = [];
  if (view.fallbackText.trim() === '') problems.push('an empty fallback text');
  if (view.blocks.length === 0) problems.push('no blocks');
  const leaks = leaksIn(text, `${c.name} ${c.text}`);
  if (leaks.length > 0) problems.push(`internals leaked (${leaks.join(' ')}): ${text}`);
  if (view.tone === 'error') {
    if (view.visibility !== 'private') problems.push(`a ${view.visibility} error`);
    if (!/^⚠️ \S/.test(text)) problems.push(`an error not marked ⚠️: ${text}`);
  }
  return problems;
};

describe('command fuzzing through handleInbound', () => {
  it(`answers ${RUNS} generated commands with a view, never a crash or a stack trace`, async () => {
    const tally = { ok: 0, error: 0 };
    let n = 0;
    await fc.assert(
      fc.asyncProperty(command, async (c) => {
        n += 1;
        const view = (await handleInbound(h.deps, inbound(c, n))) as MessageView | null;
        const problems = problemsWith(c, view);
        if (problems.length > 0) expect(problems, JSON.stringify(c).slice(0, 300)).toEqual([]);
        if (view?.tone === 'error') tally.error += 1;
        else tally.ok += 1;
      }),
      { numRuns: RUNS, seed: 8_2026 },
    );
    expect(n).toBe(RUNS);
    // The generator reached both sides: real commands that ran, and bad ones explained.
    expect(tally.ok).toBeGreaterThan(RUNS / 10);
    expect(tally.error).toBeGreaterThan(RUNS / 4);
    // Whatever the core posted on its own (5-why threads, digests) is clean too.
    expect(h.gateway.messages.filter((m) => m.call === 'post').length).toBeGreaterThan(10);
    const leaked = h.gateway.messages.filter((m) => leaksIn(m.text).length > 0);
    expect(leaked.map((m) => m.text)).toEqual([]);
  }, 120_000);
});
