// A full 5-why over the Bot Framework protocol: in a channel, `cx-why` posts a root
// message and the dialog runs in its reply chain (`;messageid=`) up to the saved plan;
// in personal chat it runs inline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardsIn, cardText } from '../../support/adaptive-card-check.js';
import type { ConnectorCall } from '../../support/fake-bot-connector.js';
import {
  BOB,
  CHANNEL_ID,
  PERSONAL_ID,
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
