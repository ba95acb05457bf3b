// Commands typed to the bot in Teams: personal chat, channel @mentions, the issue form
// card and its submission, buttons. The real app in dev mode; replies land on a fake
// Bot Connector and every card must pass the Adaptive Cards library.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardsIn, cardText } from '../../support/adaptive-card-check.js';
import {
  ANN,
  BOB,
  CHANNEL_ID,
  PERSONAL_ID,
  cardSubmit,
  channel,
  message,
  personal,
} from '../../support/teams-activities.js';
import { startTeamsHarness, type TeamsHarness } from '../../support/teams-harness.js';

let h: TeamsHarness;
let serviceUrl: string;

beforeAll(async () => {
  h = await startTeamsHarness();
  serviceUrl = h.connector.url;
});
afterAll(async () => {
  await h.close();
});

/** Posts an activity and returns the text of the cards the bot sent back. */
const say = async (activity: Record<string, unknown>) => {
  const mark = h.mark();
  const response = await h.post(activity);
  expect(response.status).toBe(200);
  const calls = h.since(mark);
  return { calls, text: calls.map((c) => cardText(cardsIn(c.body))).join('\n') };
};

describe('Teams messages', () => {
  it('answers a command in personal chat with a card reply to that message', async () => {
    const activity = message(
      serviceUrl,
      personal,
      'cx-issue Parcel arrived late #late-delivery cost:20',
    );
    const { calls, text } = await say(activity);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      kind: 'reply',
      conversationId: PERSONAL_ID,
      activityId: activity.id,
    });
    expect(text).toContain('Logged **CX-1**');
    expect(text).toContain('#late-delivery');
  });

  it('strips the @mention in a channel and replies in that post’s reply chain', async () => {
    const activity = message(serviceUrl, channel(), 'cx-pareto by:count');
    const { calls, text } = await say(activity);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.conversationId).toBe(`${CHANNEL_ID};messageid=${activity.id}`);
    expect(text).toContain('late-delivery');
  });

  it('gives the same clear error as every platform for a bad command', async () => {
    const { text } = await say(message(serviceUrl, channel(), 'cx-pareto by:nonsense'));
    expect(text).toContain('⚠️');
    expect(text).toMatch(/by/);
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('sends the issue form as an Adaptive Card for cx-issue with no text', async () => {
    const { calls } = await say(message(serviceUrl, personal, 'cx-issue'));
    const card = cardsIn(calls[0]!.body)[0]!;
    const body = JSON.stringify(card);
    expect(card.version).toBe('1.5');
    expect(body).toContain('"type":"Input.Text","id":"summary"');
    expect(body).toContain('"type":"Input.ChoiceSet","id":"theme"');
    expect(body).toContain('"data":{"formId":"issue.form"}');
  });

  it('logs the issue when the form card is submitted', async () => {
    const submit = cardSubmit(serviceUrl, personal, {
      formId: 'issue.form',
      summary: 'Wrong size delivered',
      theme: '__new__',
      newTheme: 'wrong-item',
      cost: '35',
      source: 'return',
    });
    const { text } = await say(submit);
    expect(text).toContain('Logged **CX-2**');
    expect(text).toContain('#wrong-item (new theme)');
    const list = await say(message(serviceUrl, personal, 'cx-issue list'));
    expect(list.text).toContain('Wrong size delivered');
  });

  it('maps a button press ({id, value}) to the core’s action event', async () => {
    const { text } = await say(
      cardSubmit(serviceUrl, personal, { id: 'stale.button', value: 'x' }),
    );
    // The core owns buttons; one it does not know says so plainly.
    expect(text).toContain('That button has expired');
  });

  it('turns other people’s @mentions into the core’s mentions', async () => {
    await say(message(serviceUrl, channel(), 'cx admins add me'));
    const { text } = await say(
      message(serviceUrl, channel(), `cx admins add <at>${BOB.name}</at>`, { mentions: [BOB] }),
    );
    // Bob is known by his Entra id, so the core can name him.
    expect(text).toContain(BOB.name);
  });

  it('renders core mentions as Teams mention entities', async () => {
    const { calls } = await say(message(serviceUrl, channel(), 'cx admins'));
    const card = cardsIn(calls[0]!.body)[0]!;
    const entities = (card.msteams as { entities?: Array<{ mentioned: { id: string } }> })
      ?.entities;
    expect(entities?.map((e) => e.mentioned.id)).toContain(BOB.aadObjectId);
  });

  it('answers a bare @mention with how to type a command', async () => {
    const { text } = await say(message(serviceUrl, channel(), ''));
    expect(text).toContain(
      'There is no command in this message. Type cx for the list of commands.',
    );
  });

  it('answers group chats like channels, without a bot reply chain', async () => {
    const where = { kind: 'groupChat' as const, conversationId: '19:group@thread.v2' };
    const { calls, text } = await say(message(serviceUrl, where, 'cx help', { from: ANN }));
    expect(calls[0]?.conversationId).toBe('19:group@thread.v2');
    expect(text).toContain('CX Habits');
  });

  it('answers a failed turn with the neutral error view (onTurnError)', async () => {
    // The reply is refused, so the turn fails; the catch-all still tells the person.
    h.connector.failStatus = 403;
    h.connector.failNext = 1;
    const { calls, text } = await say(message(serviceUrl, personal, 'cx help'));
    h.connector.failStatus = 503;
    expect(calls).toHaveLength(1);
    expect(text).toContain('Something went wrong on our side, and nothing was saved.');
  });

  it('sent only cards that pass the Adaptive Cards library', () => {
    expect(h.connector.sent().length).toBeGreaterThan(5);
    h.expectValidCards();
  });
});
