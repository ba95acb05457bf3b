// A full 5-why over the Bot Framework protocol: in a channel, `cx-why` posts a root
// message and the dialog runs in its reply chain (`;messageid=`) up to the saved plan;
// in personal chat it runs inline. The owner can be picked from the team's members and the
// due date with Input.Date, as well as typed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardsIn, cardText } from '../../support/adaptive-card-check.js';
import type { ConnectorCall } from '../../support/fake-bot-connector.js';
import {
  ANN,
  BOB,
  CHANNEL_ID,
  PERSONAL_ID,
  cardSubmit,
  channel,
  message,
  personal,
  type Where,
} from '../../support/teams-activities.js';
import { startTeamsHarness, type TeamsHarness } from '../../support/teams-harness.js';

let h: TeamsHarness;
const dueDate = `${new Date().getUTCFullYear() + 1}-03-15`;

beforeAll(async () => {
  h = await startTeamsHarness();
  for (const line of [
    'cx-issue Parcel a week late #late-delivery customer:"Acme" cost:45',
    'cx-issue Late again #late-delivery cost:10',
    'cx-issue Wrong invoice #billing cost:5',
  ]) {
    await h.post(message(h.connector.url, personal, line));
  }
});
afterAll(async () => {
  await h.close();
});

/** What the bot said, without card markdown's bold marks. */
const textOf = (calls: ConnectorCall[]): string =>
  calls
    .map((c) => cardText(cardsIn(c.body)))
    .join('\n')
    .replaceAll('**', '');

/** Says something where given and returns everything the bot sent meanwhile. */
const say = async (where: Where, text: string, mentions: Array<typeof BOB> = []) => {
  const mark = h.mark();
  const response = await h.post(message(h.connector.url, where, text, { mentions }));
  expect(response.status).toBe(200);
  return h.since(mark);
};

const ANSWERS: Array<[string, string | RegExp]> = [
  ['Orders leave the warehouse late', 'Why 2 of 5'],
  ['Picking starts after the courier cutoff', 'Why 3 of 5'],
  ['Pick lists are printed once a day', 'Why 4 of 5'],
  ['The WMS batch job runs at noon', 'Why 5 of 5'],
  ['Nobody owns the batch schedule', /Proposed root cause: “Nobody owns the batch schedule”/],
  ['confirm', 'Which internal metric predicts'],
  ['Orders picked after cutoff', 'What unit is'],
  ['%', 'Is lower or higher better'],
  ['lower', 'What is the target'],
  ['5%', 'What is the current value'],
  ['23', 'first action plan'],
  ['Assign an owner to the batch schedule', 'Who owns Assign an owner to the batch schedule?'],
];

type Node = Record<string, unknown>;

/** Every object in a card, depth first: inputs, action sets and their actions. */
const nodesOf = (node: unknown): Node[] => {
  if (Array.isArray(node)) return node.flatMap(nodesOf);
  if (typeof node !== 'object' || node === null) return [];
  return [node as Node, ...Object.values(node).flatMap(nodesOf)];
};

/** The picker `id` in what the bot sent: its input and its Action.Submit data. */
const pickerIn = (calls: ConnectorCall[], id: string): { input: Node; data: Node } => {
  const nodes = calls.flatMap((c) => cardsIn(c.body)).flatMap(nodesOf);
  const input = nodes.find((n) => n.id === id && String(n.type).startsWith('Input.'));
  const data = nodes.find((n) => n.type === 'Action.Submit' && (n.data as Node)?.id === id)?.data;
  if (!input || !data) throw new Error(`no ${id} picker in ${textOf(calls)}`);
  return { input, data: data as Node };
};

/** Presses a picker's button with `choice` in its input: Teams sends the data plus inputs. */
const choose = async (where: Where, picker: { data: Node }, choice: string) => {
  const mark = h.mark();
  const id = String(picker.data.id);
  const response = await h.post(
    cardSubmit(h.connector.url, where, { ...picker.data, [id]: choice }),
  );
  expect(response.status).toBe(200);
  return h.since(mark);
};

describe('5-why in Teams', () => {
  it('runs in a channel reply chain from cx-why to the saved plan', async () => {
    const started = await say(channel(), 'cx-why #late-delivery');
    const root = started.find((c) => c.kind === 'send' && c.conversationId === CHANNEL_ID);
    expect(cardText(cardsIn(root!.body))).toContain('5 whys: late-delivery');
    const chain = `${CHANNEL_ID};messageid=${root!.id}`;
    const firstWhy = started.find((c) => c.conversationId === chain);
    expect(textOf([firstWhy!])).toContain('Why 1 of 5');
    expect(textOf(started)).toContain('Started a 5-why on #late-delivery');

    const thread = channel(root!.id);
    for (const [answer, expected] of ANSWERS) {
      const calls = await say(thread, answer);
      expect(
        calls.every((c) => c.conversationId === chain),
        answer,
      ).toBe(true);
      if (typeof expected === 'string') expect(textOf(calls), answer).toContain(expected);
      else expect(textOf(calls), answer).toMatch(expected);
    }
    // The owner is an @mention of a teammate, as people type it in Teams.
    const owner = await say(thread, `<at>${BOB.name}</at>`, [BOB]);
    expect(textOf(owner)).toContain('When is Assign an owner to the batch schedule due?');
    expect(textOf(await say(thread, dueDate))).toContain('Which level is');
    expect(textOf(await say(thread, 'prevent recurrence'))).toMatch(
      new RegExp(`Plan saved: Assign an owner to the batch schedule — .*Bob Ray.*, due ${dueDate}`),
    );
    expect(textOf(await say(thread, 'no'))).toContain('Root cause found: late-delivery');

    const plans = await say(personal, 'cx-action list');
    expect(textOf(plans)).toContain('Assign an owner to the batch schedule');
    h.expectValidCards();
  });

  it('takes the owner from the team members and the due date from Input.Date', async () => {
    // Someone the bot has never met: only the member list knows her name.
    const cid = { id: '29:cid-channel-id', name: 'Cid Park', aadObjectId: 'aad-cid' };
    h.connector.members.push(cid);
    await say(personal, 'cx-issue Refund took a month #refunds');
    const started = await say(channel(), 'cx-why #refunds');
    const root = started.find((c) => c.kind === 'send' && c.conversationId === CHANNEL_ID);
    const thread = channel(root!.id);
    const steps: Array<[string, string]> = [
      ...['Refunds wait', 'Approvals batch', 'No limit', 'Old policy'].map(
        (a): [string, string] => [a, 'Why'],
      ),
      ['Nobody reviews the policy', 'Proposed root cause'],
      ['confirm', 'Which internal metric'],
      ['Refunds waiting over 2 days', 'What unit'],
      ['refunds', 'lower or higher'],
      ['lower', 'target'],
      ['3', 'current value'],
      ['skip', 'first action plan'],
    ];
    for (const [answer, expected] of steps)
      expect(textOf(await say(thread, answer))).toContain(expected);
    const askOwner = await say(thread, 'Review the refund policy');
    const owner = pickerIn(askOwner, 'why.owner');
    expect(owner.input.type).toBe('Input.ChoiceSet');
    expect(owner.input.choices).toContainEqual({ title: cid.name, value: cid.aadObjectId });

    const askDue = await choose(thread, owner, cid.aadObjectId);
    expect(textOf(askDue)).toContain('When is Review the refund policy due?');
    const due = pickerIn(askDue, 'why.due');
    expect(due.input.type).toBe('Input.Date');
    expect(String(due.input.value)).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    expect(textOf(await choose(thread, due, '2020-01-01'))).toContain(
      'The due date 2020-01-01 is in the past',
    );
    expect(textOf(await choose(thread, owner, ANN.aadObjectId))).toContain('from an earlier step');
    expect(textOf(await choose(thread, due, dueDate))).toContain('Which level is');
    expect(textOf(await say(thread, 'resolve'))).toMatch(
      new RegExp(`Plan saved: Review the refund policy — .*Cid Park.*, due ${dueDate}`),
    );
    const plans = textOf(await say(personal, 'cx-action list'));
    expect(plans).toMatch(/Review the refund policy[\s\S]*Cid Park/);
    h.expectValidCards();
  });

  it('runs inline in personal chat, where typed answers belong to the open dialog', async () => {
    const started = await say(personal, 'cx-why #billing');
    expect(started.every((c) => c.conversationId === PERSONAL_ID)).toBe(true);
    expect(textOf(started)).toContain('Why 1 of 5');
    const next = await say(personal, 'Invoices are typed by hand');
    expect(textOf(next)).toContain('Why 2 of 5');
    // Commands still work in between, and the dialog carries on after them.
    expect(textOf(await say(personal, 'cx-issue list'))).toContain('Wrong invoice');
    expect(textOf(await say(personal, 'status'))).toContain('Why 2 of 5');
    h.expectValidCards();
  });
});
