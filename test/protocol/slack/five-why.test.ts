// A whole 5-why through Slack: /cx-why posts the root message, the dialog runs on thread
// replies and buttons, the bot restarts in the middle and resumes, and the plan is saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackHarness, type SlackHarness } from '../../support/slack-harness.js';
import type { FakeCall } from '../../support/fake-slack-api.js';

let slack: SlackHarness;
let events = 0;
let seconds = 100;

beforeAll(async () => {
  slack = await startSlackHarness();
});
afterAll(() => slack.close());

const rendered = (c: FakeCall): string =>
  `${String(c.args.text)}\n${JSON.stringify(c.args.blocks ?? [])}`;

/** Waits for the next message the bot sends into the thread (or privately in it). */
const nextInThread = async (
  rootTs: string,
  from: number,
  expected: string | RegExp,
): Promise<FakeCall> => {
  const [call] = await slack.fake.waitFor(
    '*',
    1,
    (c) =>
      slack.fake.calls.indexOf(c) >= from &&
      (c.method === 'chat.postMessage' || c.method === 'chat.postEphemeral') &&
      c.args.thread_ts === rootTs &&
      (typeof expected === 'string' ? rendered(c).includes(expected) : expected.test(rendered(c))),
  );
  if (!call) throw new Error('no reply');
  return call;
};

const say = async (
  rootTs: string,
  text: string,
  expected: string | RegExp,
  user = 'U1',
): Promise<FakeCall> => {
  const from = slack.fake.calls.length;
  const ts = `1700001000.${String(++seconds).padStart(6, '0')}`;
  await slack.event(
    { type: 'message', channel: 'C1', user, text, ts, thread_ts: rootTs },
    `Ev-why-${++events}`,
  );
  return nextInThread(rootTs, from, expected);
};

const press = async (
  rootTs: string,
  message: FakeCall,
  actionPrefix: string,
  expected: string | RegExp,
): Promise<FakeCall> => {
  const buttons = (
    (message.args.blocks ?? []) as Array<{ elements?: Array<{ action_id: string; value: string }> }>
  )
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e.action_id?.startsWith(actionPrefix));
  const button = buttons[0];
  if (!button) throw new Error(`no ${actionPrefix} button in ${rendered(message)}`);
  const from = slack.fake.calls.length;
  await slack.interactive({
    type: 'block_actions',
    user: { id: 'U1', username: 'ann' },
    trigger_id: `trigger-press-${from}`,
    channel: { id: 'C1' },
    container: { type: 'message', message_ts: '1', channel_id: 'C1' },
    message: { ts: '1700000999.000001', thread_ts: rootTs },
    actions: [
      {
        type: 'button',
        action_id: button.action_id,
        value: button.value,
        block_id: 'b',
        action_ts: '1',
      },
    ],
  });
  return nextInThread(rootTs, from, expected);
};

describe('a 5-why in Slack', () => {
  it('runs from /cx-why to a saved plan, across a restart', async () => {
    for (const line of [
      'Parcel a week late #late-delivery',
      'Late again #late-delivery',
      'Wrong invoice #billing',
    ])
      await slack.command('/cx-issue', line);
    await slack.fake.waitFor('response_url', 3);

    await slack.command('/cx-why', '#late-delivery');
    const [root] = await slack.fake.waitFor('chat.postMessage', 1, (c) => !c.args.thread_ts);
    const rootTs = String(root?.response?.ts);
    await nextInThread(rootTs, 0, 'Why 1 of 5');

    await say(rootTs, 'Orders leave the warehouse late', 'Why 2 of 5');
    await say(rootTs, 'Picking starts after the courier cutoff', 'Why 3 of 5');
    await slack.restart();
    await say(rootTs, 'Pick lists are printed once a day', 'Why 4 of 5');
    await say(rootTs, 'The WMS batch job runs at noon', 'Why 5 of 5');
    const proposal = await say(rootTs, 'Nobody owns the batch schedule', 'Proposed root cause');
    await press(rootTs, proposal, 'why.confirm', 'Which internal metric');
    await say(rootTs, 'Orders after cutoff', 'What unit');
    await say(rootTs, '%', 'lower or higher');
    await say(rootTs, 'lower', 'target');
    await say(rootTs, '2%', 'current value');
    await say(rootTs, 'skip', 'first action plan');
    await say(rootTs, 'Print pick lists every hour', 'Who owns');
    await say(rootTs, 'me', 'When is');
    await say(rootTs, 'next-week', 'Which level');
    await say(rootTs, 'recurrence', 'Add another');
    await say(rootTs, 'no', 'Root cause found');

    expect(
      slack.count("action_plans WHERE title = 'Print pick lists every hour' AND owner_id = 'U1'"),
    ).toBe(1);
    expect(slack.count("root_causes WHERE text LIKE '%batch schedule%'")).toBe(1);
    expect(slack.fake.problems).toEqual([]);
  });
});
