// Slash commands over Slack's real protocol: signed form posts to /slack/events, replies
// through the response_url, forms as modals.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BOT_TOKEN, startSlackHarness, type SlackHarness } from '../../support/slack-harness.js';

let slack: SlackHarness;

beforeAll(async () => {
  slack = await startSlackHarness();
});
afterAll(() => slack.close());
afterEach(() => expect(slack.fake.problems).toEqual([]));

const responses = async (count: number) => slack.fake.waitFor('response_url', count);

describe('slash commands', () => {
  it('acks with an empty 200, then posts a public reply in the channel', async () => {
    const res = await slack.command('/cx-issue', 'Box crushed #damaged cost:20');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const [reply] = await responses(1);
    expect(reply?.args).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(String(reply?.args.text)).toContain('Logged CX-1');
    expect(JSON.stringify(reply?.args.blocks)).toContain('#damaged');
  });

  it('answers bad input privately, with the usage', async () => {
    await slack.command('/cx-pareto', 'by:nonsense');
    const all = await responses(2);
    const reply = all.at(-1);
    expect(reply?.args.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply?.args.blocks)).toContain('Usage');
  });

  it('opens the issue modal for /cx-issue with no text, listing themes and "new"', async () => {
    await slack.command('/cx-issue', '');
    const [open] = await slack.fake.waitFor('views.open');
    expect(open?.args.trigger_id).toMatch(/^trigger-/);
    const view = open?.args.view as { callback_id: string; blocks: Array<Record<string, unknown>> };
    expect(view.callback_id).toBe('issue.form');
    const theme = view.blocks.find((b) => b.block_id === 'theme') as {
      element: { options: Array<{ value: string }> };
    };
    expect(theme.element.options.map((o) => o.value)).toEqual(['damaged', '__new__']);
  });

  it('retries a Web API call that got 429 with Retry-After', async () => {
    slack.fake.rateLimit('views.open', 1);
    const before = slack.fake.called('views.open').length;
    await slack.command('/cx-issue', '');
    await slack.fake.waitFor('views.open', before + 1);
    expect(slack.fake.called('views.open#429')).toHaveLength(1);
  });
});

describe('request signatures', () => {
  const body = new URLSearchParams({
    command: '/cx-issue',
    text: 'Sneaky #fraud',
    team_id: 'T1',
    user_id: 'U9',
    channel_id: 'C1',
  }).toString();
  const form = 'application/x-www-form-urlencoded';

  it('refuses unsigned, wrongly signed and stale requests with 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    const statuses = [
      (await slack.post(body, form, { unsigned: true })).status,
      (await slack.post(body, form, { secret: 'not-the-secret' })).status,
      (await slack.post(body, form, { timestamp: now - 6 * 60 })).status,
    ];
    expect(statuses).toEqual([401, 401, 401]);
    expect(slack.count("issues WHERE summary = 'Sneaky'")).toBe(0);
  });

  it('accepts a request signed within the five-minute window', async () => {
    const res = await slack.post(body, form, { timestamp: Math.floor(Date.now() / 1000) - 4 * 60 });
    expect(res.status).toBe(200);
    // Without a response_url the public reply is posted with chat.postMessage.
    await slack.fake.waitFor('chat.postMessage', 1, (c) => String(c.args.text).includes('Sneaky'));
    expect(slack.count("issues WHERE summary = 'Sneaky'")).toBe(1);
  });

  it('never logs a token', () => {
    expect(slack.logs.length).toBeGreaterThan(0);
    expect(slack.logs.join('\n')).not.toContain(BOT_TOKEN);
  });
});
