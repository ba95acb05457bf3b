// 1,000 malformed interactivity payloads, signed correctly, through the real Slack app over
// HTTP: garbage JSON, wrong types, missing fields, unknown action ids and huge values. The
// process never crashes; payloads Slack could send get a clear, private error view, and
// ones it never would get a clean 4xx or an ack. No reply ever carries a stack trace.
// The payloads go over keep-alive connections, those Slack never sends first: the ones no
// listener acks wait 3 s for their 404, and those waits then overlap the rest of the run.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeCall } from '../support/fake-slack-api.js';
import { TEAM, sign, startSlackHarness, type SlackHarness } from '../support/slack-harness.js';
import { binaryString } from './support/binary-string.js';
import { secretsIn } from './support/captured-logs.js';
import { inPool, KeepAliveClient } from './support/keep-alive-client.js';
import { leaksIn } from './support/stack-trace.js';

const PAYLOADS = 1000;
/**
 * Requests being served at once. More only slows the server: it accepts one connection an
 * event-loop turn, and the payloads Slack could send (some of them 360 kB) cost it the most.
 */
const CONCURRENCY = 64;
/**
 * A request unanswered after this long is waiting out Bolt's 3 s wait for an ack that no
 * listener gives (then 404): it gives up its place in the pool, and is awaited at the end.
 */
const RELEASE_AFTER_MS = 200;
const FORM = 'application/x-www-form-urlencoded';

let slack: SlackHarness;
beforeAll(async () => {
  slack = await startSlackHarness();
});
afterAll(async () => {
  expect(slack.logs.flatMap((line) => secretsIn(line))).toEqual([]);
  await slack.close();
});

const post = (payload: string): Promise<Response> =>
  slack.post(new URLSearchParams({ payload }).toString(), FORM);

/** Anything JSON can hold, for fields whose type Slack fixes. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, 0, -1, '', 'x', [], {}, [null], { id: null }, { id: 7 }),
  fc.jsonValue({ maxDepth: 2 }),
  binaryString({ maxLength: 50 }),
);

const huge = fc.integer({ min: 5_000, max: 60_000 }).map((n) => 'é'.repeat(n));

/** Payloads Slack never sends: not JSON, not an object, or fields of the wrong type. */
const impossible: fc.Arbitrary<{ kind: 'impossible'; payload: string }> = fc
  .oneof(
    fc.string({ maxLength: 200 }),
    binaryString({ maxLength: 200 }),
    fc.constantFrom(
      '{',
      '{"type":',
      'null',
      '[]',
      '"block_actions"',
      '1e999',
      '{"type":"block_actions"',
    ),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    fc
      .record(
        {
          type: fc.constantFrom(
            'block_actions',
            'view_submission',
            'view_closed',
            'message_action',
            'shortcut',
            'block_suggestion',
            'nope',
          ),
          team: fc.oneof(junk, fc.constant({ id: TEAM })),
          user: fc.oneof(junk, fc.constant({ id: 'U-junk' })),
          channel: junk,
          actions: fc.oneof(
            junk,
            fc.array(fc.oneof(junk, fc.record({ action_id: junk, value: junk })), { maxLength: 3 }),
          ),
          view: fc.oneof(
            junk,
            fc.record(
              {
                callback_id: junk,
                private_metadata: junk,
                state: fc.oneof(junk, fc.record({ values: junk })),
              },
              { requiredKeys: [] },
            ),
          ),
          message: junk,
          callback_id: junk,
          trigger_id: junk,
          container: junk,
        },
        { requiredKeys: ['type'] },
      )
      .map((v) => JSON.stringify(v)),
  )
  .map((payload) => ({ kind: 'impossible' as const, payload }));

// Each plausible payload gets its own user and channel, so its reply can be found.
const USER = 'U-FUZZ-USER';
const CHANNEL = 'C-FUZZ-CHANNEL';

/** Payloads with Slack's shapes but values we never made: each must get an error view. */
const plausible = fc
  .oneof(
    // A button we never rendered, or one of ours with a value we never wrote.
    fc
      .tuple(
        fc.oneof(
          fc.string({ minLength: 1, maxLength: 60 }).filter((id) => !id.startsWith('home.')),
          fc.constantFrom(
            'why.confirm',
            'why.edit',
            'why.level',
            'why.status',
            'why.nope',
            'pareto.page',
          ),
        ),
        fc.oneof(
          fc.string({ maxLength: 80 }),
          huge,
          fc.constantFrom('s1|why|', '|||', 'x|bogus|y', 'missing|confirm-root|'),
        ),
      )
      .map(([actionId, value]) => ({
        type: 'block_actions',
        user: { id: USER, username: 'fuzz' },
        channel: { id: CHANNEL },
        trigger_id: 'trigger-fz',
        container: { type: 'message' },
        message: { ts: '1700000000.000001' },
        actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1' }],
      })),
    // A form we never opened, or the issue form filled in wrongly.
    fc
      .tuple(
        fc.oneof(fc.constant('issue.form'), fc.string({ maxLength: 40 })),
        fc.oneof(
          fc.record({ summary: fc.oneof(fc.string(), huge) }),
          fc.record({
            summary: fc.string(),
            theme: fc.constant('__new__'),
            newTheme: fc.constantFrom('', '   '),
          }),
          fc.record({
            summary: fc.string(),
            theme: fc.constant('billing'),
            cost: fc.constantFrom('abc', '-5', '1e999', '12.345.6'),
          }),
          fc.record({
            summary: fc.string(),
            theme: fc.constant('billing'),
            source: fc
              .string({ minLength: 1 })
              .filter((s) => !['complaint', 'return', 'inquiry', 'survey', 'other'].includes(s)),
          }),
        ),
      )
      .filter(([callback]) => callback !== '')
      .map(([callback, values]) => ({
        type: 'view_submission',
        user: { id: USER, username: 'fuzz' },
        view: {
          id: 'V1',
          type: 'modal',
          callback_id: callback,
          private_metadata: JSON.stringify({ c: CHANNEL }),
          state: {
            values: Object.fromEntries(
              Object.entries(values).map(([id, value]) => [
                id,
                {
                  [id]:
                    id === 'theme' || id === 'source'
                      ? { type: 'static_select', selected_option: { value } }
                      : { type: 'plain_text_input', value },
                },
              ]),
            ),
          },
        },
      })),
  )
  .map((payload) => ({
    kind: 'plausible' as const,
    payload: JSON.stringify({ team: { id: TEAM }, api_app_id: 'A1', ...payload }),
  }));

const textOf = (c: FakeCall): string =>
  `${String(c.args.text)} ${JSON.stringify(c.args.blocks ?? '')}`;

/** Who a reply went to: ephemeral in a channel, or the app's DM with them (the user's id). */
const recipientOf = (c: FakeCall): string | undefined => {
  if (c.method === 'chat.postEphemeral') return String(c.args.user);
  if (c.method === 'chat.postMessage') return String(c.args.channel);
  return undefined;
};

describe('malformed interactivity payloads over HTTP', () => {
  it(`survives ${PAYLOADS} of them and answers each clearly or cleanly`, async () => {
    const statuses: Record<string, number> = {};
    const expected: string[] = [];
    const cases = fc
      .sample(fc.oneof(impossible, plausible), { numRuns: PAYLOADS, seed: 1102 })
      .map((c, i) => ({
        ...c,
        user: `UFZ${i}`,
        payload: c.payload.replaceAll(USER, `UFZ${i}`).replaceAll(CHANNEL, `CFZ${i}`),
      }));
    expect(cases).toHaveLength(PAYLOADS);
    const client = new KeepAliveClient(slack.app.url, PAYLOADS);
    const send = async (c: (typeof cases)[number]): Promise<void> => {
      const body = new URLSearchParams({ payload: c.payload }).toString();
      const ts = Math.floor(Date.now() / 1000);
      const res = await client.post('/slack/events', body, {
        'content-type': FORM,
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': sign(body, ts),
      });
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      const label = `${c.user}: ${c.payload.slice(0, 300)}`;
      // An ack (200) or a clean refusal of a body that is not an interaction (4xx); never a 5xx.
      expect([200, 400, 404], label).toContain(res.status);
      if (c.kind === 'plausible') {
        expect(res.status, label).toBe(200);
        expected.push(c.user);
      }
    };
    try {
      // Those Slack never sends go first, so that the 404s' waits start early.
      const impossibleFirst = [
        ...cases.filter((c) => c.kind === 'impossible'),
        ...cases.filter((c) => c.kind === 'plausible'),
      ];
      await inPool(impossibleFirst, CONCURRENCY, RELEASE_AFTER_MS, send);
    } finally {
      client.close();
    }
    expect(Object.values(statuses).reduce((a, b) => a + b, 0)).toBe(PAYLOADS);
    expect(statuses[200]).toBeGreaterThan(PAYLOADS / 3);
    expect(statuses[400]).toBeGreaterThan(0);
    expect(expected.length).toBeGreaterThan(PAYLOADS / 10);
    // Every payload Slack could send got its private error view, once.
    const waiting = new Set(expected);
    await slack.fake.waitFor(
      '*',
      expected.length,
      (c) => waiting.has(recipientOf(c) ?? ''),
      30_000,
    );
    const replies = new Map<string, FakeCall[]>();
    for (const call of slack.fake.calls) {
      const user = recipientOf(call);
      if (user && waiting.has(user)) replies.set(user, [...(replies.get(user) ?? []), call]);
    }
    for (const user of expected) {
      const got = replies.get(user) ?? [];
      expect(got, user).toHaveLength(1);
      const [reply] = got;
      expect(String(reply?.args.text).trim(), user).not.toBe('');
      expect(JSON.stringify(reply?.args.blocks), user).toMatch(/"text":"⚠️ \S/);
    }
    // No reply of any kind carries a stack trace, and all of them fit Slack's limits.
    const leaking = slack.fake.calls.filter((call) => leaksIn(textOf(call)).length > 0);
    expect(leaking.map((call) => `${call.method}: ${textOf(call).slice(0, 300)}`)).toEqual([]);
    expect(slack.fake.problems).toEqual([]);

    // The process is alive and still serves a real command.
    const res = await slack.command('/cx-issue', 'Still standing #fuzz');
    expect(res.status).toBe(200);
    const [reply] = await slack.fake.waitFor('response_url', 1, (c) =>
      String(c.args.text).includes('Still standing'),
    );
    expect(reply).toBeDefined();
  }, 120_000);
});

describe('payloads that are JSON but not objects', () => {
  // These used to throw inside Bolt's receiver as an unhandled rejection: the request hung
  // and Node ends a process on an unhandled rejection.
  it.each(['null', '[]', '7', '"block_actions"', 'true'])(
    'refuses payload=%s with 400 and keeps serving',
    async (payload) => {
      const res = await post(payload);
      expect(res.status).toBe(400);
      const unsigned = await slack.post(new URLSearchParams({ payload }).toString(), FORM, {
        unsigned: true,
      });
      expect(unsigned.status).toBe(401);
      const json = await slack.post(payload, 'application/json');
      expect(json.status).toBe(400);
    },
  );
});
