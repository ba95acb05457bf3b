// Interactivity payloads (the `payload=` form field): buttons, modal submissions and the
// "Log as CX issue" message shortcut.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSlackHarness, type SlackHarness } from '../../support/slack-harness.js';

let slack: SlackHarness;

beforeAll(async () => {
  slack = await startSlackHarness();
});
afterAll(() => slack.close());
afterEach(() => expect(slack.fake.problems).toEqual([]));

const input = (type: string, value: Record<string, unknown>) => ({ type, ...value });

const issueSubmission = (values: Record<string, Record<string, unknown>>) => ({
  type: 'view_submission',
  user: { id: 'U1', username: 'ann' },
  view: {
    id: 'V1',
    type: 'modal',
    callback_id: 'issue.form',
    private_metadata: JSON.stringify({ c: 'C7' }),
    state: {
      values: Object.fromEntries(Object.entries(values).map(([id, v]) => [id, { [id]: v }])),
    },
  },
});

describe('view_submission', () => {
  it('acks at once, logs the issue and posts it in the channel the modal came from', async () => {
    const res = await slack.interactive(
      issueSubmission({
        summary: input('plain_text_input', { value: 'Parcel arrived late' }),
        theme: input('static_select', { selected_option: { value: '__new__' } }),
        newTheme: input('plain_text_input', { value: 'late-delivery' }),
        cost: input('number_input', { value: '12.5' }),
        source: input('static_select', { selected_option: { value: 'return' } }),
      }),
    );
    expect(res.status).toBe(200);
    const [posted] = await slack.fake.waitFor(
      'chat.postMessage',
      1,
      (c) => c.args.channel === 'C7',
    );
    expect(String(posted?.args.text)).toContain('Parcel arrived late');
    expect(slack.count("issues WHERE source = 'return' AND customer_cost_cents = 1250")).toBe(1);
  });

  it('explains a bad submission privately and saves nothing', async () => {
    await slack.interactive(
      issueSubmission({
        summary: input('plain_text_input', { value: 'No theme given' }),
        theme: input('static_select', { selected_option: { value: '__new__' } }),
      }),
    );
    const [error] = await slack.fake.waitFor(
      'chat.postEphemeral',
      1,
      (c) => c.args.channel === 'C7',
    );
    expect(error?.args.user).toBe('U1');
    expect(String(error?.args.text)).toContain('Pick a theme');
    expect(slack.count("issues WHERE summary = 'No theme given'")).toBe(0);
  });
});

describe('block_actions', () => {
  it('turns a button press into an action and answers through the response_url', async () => {
    const res = await slack.interactive({
      type: 'block_actions',
      user: { id: 'U1', username: 'ann' },
      trigger_id: 'trigger-button',
      channel: { id: 'C1' },
      container: { type: 'message' },
      message: { ts: '1700000000.000001' },
      response_url: slack.fake.responseUrl('button'),
      actions: [
        {
          type: 'button',
          action_id: 'no.such.button::2',
          block_id: 'b1',
          value: 'x',
          action_ts: '1',
        },
      ],
    });
    expect(res.status).toBe(200);
    const [reply] = await slack.fake.waitFor('response_url');
    expect(reply?.args.response_type).toBe('ephemeral');
    expect(String(reply?.args.text)).toContain('expired');
  });
});

describe('App Home buttons', () => {
  const pressOnHome = (actionId: string, trigger: string) =>
    slack.interactive({
      type: 'block_actions',
      user: { id: 'U5', username: 'eve' },
      trigger_id: trigger,
      container: { type: 'view', view_id: 'VHOME' },
      view: { id: 'VHOME', type: 'home' },
      actions: [{ type: 'button', action_id: actionId, block_id: 'b', value: 'x', action_ts: '1' }],
    });

  it('opens the issue modal from "Log an issue"', async () => {
    await pressOnHome('home.log-issue', 'trigger-home');
    const [open] = await slack.fake.waitFor(
      'views.open',
      1,
      (c) => c.args.trigger_id === 'trigger-home',
    );
    expect((open?.args.view as { callback_id: string }).callback_id).toBe('issue.form');
  });

  it("sends the Pareto to the app's Messages tab, as there is no channel", async () => {
    await pressOnHome('home.pareto', 'trigger-home-2');
    const [dm] = await slack.fake.waitFor('chat.postMessage', 1, (c) => c.args.channel === 'U5');
    expect(String(dm?.args.text)).toMatch(/themes|No issues/);
  });
});

describe('message shortcut "Log as CX issue"', () => {
  it('opens the issue modal pre-filled with the message and its permalink', async () => {
    const res = await slack.interactive({
      type: 'message_action',
      callback_id: 'log_as_cx_issue',
      trigger_id: 'trigger-shortcut',
      user: { id: 'U2', username: 'bob' },
      channel: { id: 'C1' },
      message: {
        ts: '1699999999.000100',
        text: 'Customer says the invoice was wrong <again>',
        user: 'U3',
      },
      response_url: slack.fake.responseUrl('shortcut'),
    });
    expect(res.status).toBe(200);
    const [open] = await slack.fake.waitFor(
      'views.open',
      1,
      (c) => c.args.trigger_id === 'trigger-shortcut',
    );
    const blocks = (
      open?.args.view as {
        blocks: Array<{ block_id?: string; element?: { initial_value?: string } }>;
      }
    ).blocks;
    const initial = (id: string) => blocks.find((b) => b.block_id === id)?.element?.initial_value;
    expect(initial('summary')).toBe('Customer says the invoice was wrong <again>');
    expect(initial('description')).toContain(
      'https://acme.slack.com/archives/C1/p1699999999000100',
    );
  });
});
