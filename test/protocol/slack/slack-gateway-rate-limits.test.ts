// The gateway under Slack's rate limits, against the fake Web API on loopback: a 429 is
// waited out by its own channel while the others keep posting, a run of 429s across
// channels holds the whole workspace back, and the waiting is bounded. Time is a manual
// clock, so the tests say who waited for what, not how long anything took.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SlackChatGateway } from '../../../adapters/slack/slack-chat-gateway.js';
import { SLACK_RATE_LIMIT_POLICY } from '../../../adapters/slack/slack-rate-limits.js';
import type { MessageView } from '../../../src/core/views/message-view.js';
import { FakeSlackApi } from '../../support/fake-slack-api.js';
import { manualTimers, type ManualTimers } from './manual-timers.js';
import { RateLimitingProxy } from './rate-limiting-proxy.js';

let fake: FakeSlackApi;
const proxy = new RateLimitingProxy();
let clock: ManualTimers;
let gateway: SlackChatGateway;

const view: MessageView = {
  fallbackText: 'Weekly digest',
  visibility: 'public',
  blocks: [{ type: 'text', text: 'Weekly digest' }],
};
const post = (channelId: string) =>
  gateway.post({ platform: 'slack', tenantId: 'T1', channelId }, view);
const postsTo = (channel: string) =>
  fake.called('chat.postMessage').filter((c) => c.args.channel === channel);
const order = (channels: string[]) =>
  proxy
    .arrivalsOf('chat.postMessage')
    .filter((a) => channels.includes(a.channel ?? ''))
    .map((a) => `${a.channel} ${a.outcome}`);

beforeAll(async () => {
  fake = await new FakeSlackApi().start();
  await proxy.start();
  proxy.upstream = fake.apiUrl;
});
afterAll(async () => {
  await proxy.stop();
  await fake.stop();
});
beforeEach(() => {
  // A fresh gateway each time: what it learnt about limits stays with it.
  clock = manualTimers();
  gateway = new SlackChatGateway({
    clientOptions: { slackApiUrl: proxy.apiUrl },
    tokenFor: () => 'xoxb-t1',
    timers: clock.timers,
  });
});

describe('SlackChatGateway under rate limits', () => {
  it('waits out a 429 in its own channel while other channels post, then posts it once', async () => {
    proxy.refuse('chat.postMessage', 'C-busy', 30);
    const busy = post('C-busy');
    await clock.untilSleeping(1);
    expect(clock.asked).toEqual([30_000]);

    // While C-busy waits, the others go straight through, without waiting themselves.
    const others = await Promise.all(['C-a', 'C-b', 'C-c'].map(post));
    expect(others.map((r) => r.ok)).toEqual([true, true, true]);
    expect(clock.asked).toEqual([30_000]);
    expect(postsTo('C-busy')).toEqual([]);

    clock.advance(30_000);
    expect(await busy).toMatchObject({ ok: true });
    expect(postsTo('C-busy')).toHaveLength(1);
    expect(order(['C-busy', 'C-a', 'C-b', 'C-c'])).toEqual([
      'C-busy refused',
      'C-a forwarded',
      'C-b forwarded',
      'C-c forwarded',
      'C-busy forwarded',
    ]);
  });

  it('holds every channel back once several in a row are refused: the workspace limit', async () => {
    for (const channel of ['C-w1', 'C-w2', 'C-w3']) proxy.refuse('chat.postMessage', channel, 5);
    const refused = ['C-w1', 'C-w2', 'C-w3'].map(post);
    await clock.untilSleeping(3);

    // A fourth channel, never refused itself, waits too instead of sending a doomed request.
    const fourth = post('C-w4');
    await clock.untilSleeping(4);
    expect(proxy.arrivalsOf('chat.postMessage', 'C-w4')).toEqual([]);

    clock.advance(5_000);
    const results = await Promise.all([...refused, fourth]);
    expect(results.every((r) => r.ok)).toBe(true);
    for (const channel of ['C-w1', 'C-w2', 'C-w3', 'C-w4'])
      expect(postsTo(channel)).toHaveLength(1);
    expect(proxy.arrivalsOf('chat.postMessage', 'C-w4').map((a) => a.outcome)).toEqual([
      'forwarded',
    ]);
  });

  it('returns a retryable failure, without waiting, when Retry-After is longer than it waits', async () => {
    proxy.refuse('chat.postMessage', 'C-long', 120);
    expect(await post('C-long')).toEqual({ ok: false, retryable: true, error: 'ratelimited' });
    // Slack said two minutes: the next post there is not even tried until then.
    expect(await post('C-long')).toEqual({ ok: false, retryable: true, error: 'ratelimited' });
    expect(clock.asked).toEqual([]);
    expect(proxy.arrivalsOf('chat.postMessage', 'C-long')).toHaveLength(1);
    expect(postsTo('C-long')).toEqual([]);

    clock.advance(120_000);
    expect(await post('C-long')).toMatchObject({ ok: true });
    expect(postsTo('C-long')).toHaveLength(1);
  });

  it('gives up after its retries when a channel keeps answering 429', async () => {
    proxy.refuse('chat.postMessage', 'C-stuck', 0, 100);
    expect(await post('C-stuck')).toEqual({ ok: false, retryable: true, error: 'ratelimited' });
    expect(proxy.arrivalsOf('chat.postMessage', 'C-stuck')).toHaveLength(
      SLACK_RATE_LIMIT_POLICY.retries + 1,
    );
    expect(postsTo('C-stuck')).toEqual([]);
  });

  it('ends in one post after a 429, as do replies in a thread', async () => {
    proxy.refuse('chat.postMessage', 'C-thread', 1);
    const reply = gateway.reply(
      { platform: 'slack', tenantId: 'T1', channelId: 'C-thread' },
      '1700.1',
      view,
    );
    await clock.untilSleeping(1);
    clock.advance(1_000);
    expect(await reply).toMatchObject({ ok: true });
    expect(postsTo('C-thread').map((c) => c.args.thread_ts)).toEqual(['1700.1']);
  });
});
