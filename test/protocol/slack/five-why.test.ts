// A whole 5-why through Slack: /cx-why posts the root message, the dialog runs on thread
// replies and buttons, the bot restarts in the middle and resumes, and the plan is saved.
// A second run picks the owner with a users select and the due date with a datepicker.
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

interface PickerBlock {
  type: string;
  block_id?: string;
  elements?: Array<Record<string, unknown> & { type: string; action_id: string }>;
}

/** The picker `actionId` in a message, with the block that carries its context value. */
const pickerIn = (message: FakeCall, actionId: string) => {
  for (const block of (message.args.blocks ?? []) as PickerBlock[]) {
    const element = block.elements?.find((e) => e.action_id === actionId);
    if (element && block.block_id) return { element, blockId: block.block_id };
  }
  throw new Error(`no ${actionId} picker in ${rendered(message)}`);
};

/** Chooses in a picker, as Slack sends it: block_actions with selected_user / selected_date. */
const pick = async (
  rootTs: string,
  message: FakeCall,
  actionId: string,
  selected: { selected_user: string } | { selected_date: string },
  expected: string | RegExp,
): Promise<FakeCall> => {
  const { element, blockId } = pickerIn(message, actionId);
  const from = slack.fake.calls.length;
  await slack.interactive({
    type: 'block_actions',
    user: { id: 'U1', username: 'ann' },
    trigger_id: `trigger-pick-${from}`,
    channel: { id: 'C1' },
    container: { type: 'message', message_ts: '1', channel_id: 'C1' },
    message: { ts: '1700000999.000002', thread_ts: rootTs },
    actions: [
      { type: element.type, action_id: actionId, block_id: blockId, action_ts: '1', ...selected },
    ],
  });
  return nextInThread(rootTs, from, expected);
};

/** Starts a 5-why on `theme` and answers up to the plan's owner. */
const runToOwner = async (
  theme: string,
  title: string,
): Promise<{ rootTs: string; ask: FakeCall }> => {
  const isRoot = (c: FakeCall): boolean => c.method === 'chat.postMessage' && !c.args.thread_ts;
  const before = slack.fake.calls.filter(isRoot).length;
  await slack.command('/cx-why', theme);
  const roots = await slack.fake.waitFor('chat.postMessage', before + 1, isRoot);
  const rootTs = String(roots.at(-1)?.response?.ts);
  for (const answer of [
    'Refunds wait for a manager',
    'Managers batch approvals',
    'No limit',
    'Policy is old',
  ])
    await say(rootTs, answer, 'Why');
  await say(rootTs, 'Nobody reviews the policy', 'Proposed root cause');
  const steps: Array<[string, string]> = [
    ['confirm', 'Which internal metric'],
    ['Refunds waiting over 2 days', 'What unit'],
    ['refunds', 'lower or higher'],
    ['lower', 'target'],
    ['3', 'current value'],
    ['skip', 'first action plan'],
  ];
  for (const [answer, next] of steps) await say(rootTs, answer, next);
  return { rootTs, ask: await say(rootTs, title, 'Who owns') };
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

  it('takes the owner from a users select and the due date from a datepicker', async () => {
    await slack.command('/cx-issue', 'Refund took a month #refunds');
    const { rootTs, ask } = await runToOwner('#refunds', 'Review the refund policy');
    expect(pickerIn(ask, 'why.owner').element.type).toBe('users_select');

    const askDue = await pick(rootTs, ask, 'why.owner', { selected_user: 'U2' }, 'When is');
    const due = pickerIn(askDue, 'why.due').element;
    expect(due.type).toBe('datepicker');
    expect(String(due.initial_date)).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // A past date is refused privately with the typed path's words; the question stands.
    const past = await pick(
      rootTs,
      askDue,
      'why.due',
      { selected_date: '2020-01-01' },
      'in the past',
    );
    expect(past.method).toBe('chat.postEphemeral');
    expect(rendered(past)).toContain('The due date 2020-01-01 is in the past');
    // A stale owner picker is refused like a stale button.
    const stale = await pick(rootTs, ask, 'why.owner', { selected_user: 'U3' }, 'earlier step');
    expect(stale.method).toBe('chat.postEphemeral');

    const dueDate = `${new Date().getUTCFullYear() + 1}-02-14`;
    const askLevel = await pick(
      rootTs,
      askDue,
      'why.due',
      { selected_date: dueDate },
      'Which level',
    );
    await press(rootTs, askLevel, 'why.level', 'Plan saved');
    expect(
      slack.count(
        `action_plans WHERE title = 'Review the refund policy' AND owner_id = 'U2' AND due_date = '${dueDate}'`,
      ),
    ).toBe(1);
    expect(slack.fake.problems).toEqual([]);
  });
});
