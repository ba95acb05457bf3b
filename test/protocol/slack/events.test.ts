// Events API: thread messages, the App Home tab, retries and the catch-all error handler.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSlackHarness, type SlackHarness } from '../../support/slack-harness.js';

let slack: SlackHarness;
let sentinels = 0;

beforeAll(async () => {
  slack = await startSlackHarness();
});
afterAll(() => slack.close());
afterEach(() => expect(slack.fake.problems).toEqual([]));

const homeOpened = (user: string) => ({
  type: 'app_home_opened',
  user,
  channel: `D-${user}`,
  tab: 'home',
  event_ts: '1',
});

/** Events are handled in order of arrival; a later one answering means earlier ones are done. */
const settle = async (): Promise<void> => {
  const user = `U-sentinel-${++sentinels}`;
  await slack.event(homeOpened(user), `Ev-sentinel-${sentinels}`);
  await slack.fake.waitFor('views.publish', 1, (c) => c.args.user_id === user);
};

describe('App Home', () => {
  it('publishes the home tab with the vital few and the common actions', async () => {
    await slack.command('/cx-issue', 'Box crushed #damaged');
    await slack.fake.waitFor('response_url');
    const res = await slack.event(homeOpened('U1'), 'Ev-home-1');
    expect(res.status).toBe(200);
    const [publish] = await slack.fake.waitFor('views.publish', 1, (c) => c.args.user_id === 'U1');
    const view = JSON.stringify(publish?.args.view);
    expect(view).toContain('"type":"home"');
    expect(view).toContain('#damaged');
    expect(view).toContain('home.log-issue');
  });
});

describe('retries', () => {
  it('handles an event once, however often Slack retries it', async () => {
    const event = homeOpened('U-retry');
    const first = await slack.event(event, 'Ev-retry');
    const retry = await slack.event(event, 'Ev-retry', {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect([first.status, retry.status]).toEqual([200, 200]);
    await settle();
    expect(
      slack.fake.called('views.publish').filter((c) => c.args.user_id === 'U-retry'),
    ).toHaveLength(1);
    expect(slack.count("processed_events WHERE event_key = 'slack:Ev-retry'")).toBe(1);
  });
});

describe('thread messages', () => {
  it('ignores threads the bot does not own, bots, edits and top-level messages', async () => {
    const before = slack.fake.calls.length;
    const base = {
      type: 'message',
      channel: 'C1',
      user: 'U1',
      text: 'hello',
      ts: '1700000001.000002',
    };
    await slack.event({ ...base, thread_ts: '1700000001.000001' }, 'Ev-thread-1');
    await slack.event({ ...base, thread_ts: '1700000001.000001', bot_id: 'B9' }, 'Ev-thread-2');
    await slack.event(
      { ...base, thread_ts: '1700000001.000001', subtype: 'message_changed' },
      'Ev-thread-3',
    );
    await slack.event(base, 'Ev-thread-4');
    await settle();
    const replies = slack.fake.calls.slice(before).filter((c) => c.method.startsWith('chat.'));
    expect(replies).toEqual([]);
  });
});

describe('the catch-all', () => {
  it('logs a failure and tells the person, neutrally and privately', async () => {
    slack.fake.answer('views.publish', () => ({ ok: false, error: 'invalid_blocks' }));
    try {
      await slack.event(homeOpened('U-err'), 'Ev-err');
      const [notice] = await slack.fake.waitFor(
        'chat.postEphemeral',
        1,
        (c) => c.args.user === 'U-err',
      );
      expect(notice?.args.channel).toBe('D-U-err');
      expect(String(notice?.args.text)).toContain('Something went wrong on our side');
      expect(slack.logs.some((l) => l.includes('slack request failed'))).toBe(true);
      expect(JSON.stringify(notice?.args)).not.toMatch(/invalid_blocks|\bat\s/);
    } finally {
      slack.fake.answer('views.publish', () => ({ ok: true }));
    }
  });
});
