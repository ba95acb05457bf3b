// Slack Web API faults between the app and Slack: 429 with Retry-After, 500s, dropped
// connections and requests that are never answered. Each is retried, and a post ends up in
// Slack exactly once; past the retry budget the user is told (or the digest ledger retries
// later), and nothing is half-done. 429s are retried by the gateway per channel, the rest by
// the SDK. The tests run concurrently (each on its own channel): the production backoff
// takes seconds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackChatGateway } from '../../adapters/slack/slack-chat-gateway.js';
import { SLACK_RATE_LIMIT_POLICY } from '../../adapters/slack/slack-rate-limits.js';
import { FakeSlackApi } from '../support/fake-slack-api.js';
import { BOT_TOKEN, startSlackHarness, type SlackHarness } from '../support/slack-harness.js';
import { captureLogs, secretsIn } from './support/captured-logs.js';
import { FaultySlackProxy, type Fault } from './support/faulty-slack-proxy.js';

const view = (text: string) => ({
  fallbackText: text,
  visibility: 'public' as const,
  blocks: [{ type: 'text' as const, text }],
});

describe('through the real app', () => {
  let slack: SlackHarness;
  const proxy = new FaultySlackProxy();

  beforeAll(async () => {
    await proxy.start();
    slack = await startSlackHarness({ SLACK_API_URL: proxy.apiUrl }, (fake) => {
      proxy.upstream = fake.apiUrl;
    });
    await slack.command('/cx-issue', 'Parcel a week late #late-delivery');
    await slack.fake.waitFor('response_url');
  });
  afterAll(async () => {
    expect(slack.logs.flatMap((line) => secretsIn(line))).toEqual([]);
    await slack.close();
    await proxy.stop();
  });

  it.concurrent(
    'retries a 5-why root post through 429, 500 and a dropped connection, and posts it once',
    async () => {
      proxy.fail('chat.postMessage', ['429', '500', 'reset'], 'C-faults');
      await slack.command('/cx-why', '#late-delivery', 'U1', 'C-faults');
      const [started] = await slack.fake.waitFor('response_url', 1, (c) =>
        String(c.args.text).includes('5-why'),
      );
      expect(String(started?.args.text)).not.toMatch(/could not post/);
      const posts = slack.fake
        .called('chat.postMessage')
        .filter((c) => c.args.channel === 'C-faults');
      // Only the root; the first question goes in its thread.
      expect(posts.filter((c) => !c.args.thread_ts)).toHaveLength(1);
      expect(
        proxy
          .attemptsOf('chat.postMessage', 'C-faults')
          .slice(0, 4)
          .map((a) => a.outcome),
      ).toEqual(['429', '500', 'reset', 'forwarded']);
    },
  );

  it.concurrent('gives up after its retries, tells the user, and starts nothing', async () => {
    proxy.fail('chat.postMessage', ['500', '500', '500', '500', '500'], 'C-down');
    await slack.command('/cx-why', '#late-delivery', 'U1', 'C-down');
    const [reply] = await slack.fake.waitFor('response_url', 1, (c) =>
      String(c.args.text).includes('could not post'),
    );
    expect(reply?.args.response_type).toBe('ephemeral');
    expect(
      slack.fake.called('chat.postMessage').filter((c) => c.args.channel === 'C-down'),
    ).toEqual([]);
    expect(slack.count("why_sessions WHERE channel_id = 'C-down'")).toBe(0);
  });
});

describe('the Slack gateway, with a short request timeout', () => {
  let fake: FakeSlackApi;
  const proxy = new FaultySlackProxy();
  const { logger, lines } = captureLogs();

  beforeAll(async () => {
    fake = await new FakeSlackApi().start();
    await proxy.start();
    proxy.upstream = fake.apiUrl;
  });
  afterAll(async () => {
    expect(lines.flatMap((line) => secretsIn(line))).toEqual([]);
    await proxy.stop();
    await fake.stop();
  });

  // The app's own timeout is SLACK_API_TIMEOUT_MS (10 s); the retry policy is the production one.
  const gateway = () =>
    new SlackChatGateway({
      clientOptions: {
        slackApiUrl: proxy.apiUrl,
        timeout: 300,
        logger: {
          debug: (...m: unknown[]) => logger.debug(m.map(String).join(' ')),
          info: (...m: unknown[]) => logger.info(m.map(String).join(' ')),
          warn: (...m: unknown[]) => logger.warn(m.map(String).join(' ')),
          error: (...m: unknown[]) => logger.error(m.map(String).join(' ')),
          setLevel: () => undefined,
          getLevel: () => 'debug' as never,
          setName: () => undefined,
        },
      },
      tokenFor: () => BOT_TOKEN,
    });

  it.concurrent(
    'retries a request that timed out (and a 503 after it) and posts once',
    async () => {
      proxy.fail('chat.postMessage', ['timeout', '503'], 'C-timeout');
      const conversation = { platform: 'slack' as const, tenantId: 'T1', channelId: 'C-timeout' };
      const result = await gateway().post(conversation, view('Digest after timeouts'));
      expect(result.ok).toBe(true);
      expect(
        fake.called('chat.postMessage').filter((c) => c.args.channel === 'C-timeout'),
      ).toHaveLength(1);
      expect(proxy.attemptsOf('chat.postMessage', 'C-timeout').map((a) => a.outcome)).toEqual([
        'timeout',
        '503',
        'forwarded',
      ]);
    },
  );

  it.concurrent(
    'retries a digest through 429 with Retry-After, a 500 and a timeout, and posts it once',
    async () => {
      proxy.fail('chat.postMessage', ['429', '500', 'timeout', '429'], 'C-digest');
      const conversation = { platform: 'slack' as const, tenantId: 'T1', channelId: 'C-digest' };
      const result = await gateway().post(conversation, view('Digest after every fault'));
      expect(result.ok).toBe(true);
      expect(
        fake.called('chat.postMessage').filter((c) => c.args.channel === 'C-digest'),
      ).toHaveLength(1);
      expect(proxy.attemptsOf('chat.postMessage', 'C-digest').map((a) => a.outcome)).toEqual([
        '429',
        '500',
        'timeout',
        '429',
        'forwarded',
      ]);
    },
  );

  it.concurrent('reports a channel that stays rate limited as a retryable failure', async () => {
    proxy.fail('chat.postMessage', Array<Fault>(20).fill('429'), 'C-limited');
    const conversation = { platform: 'slack' as const, tenantId: 'T1', channelId: 'C-limited' };
    const result = await gateway().post(conversation, view('Never gets through'));
    expect(result).toEqual({ ok: false, retryable: true, error: 'ratelimited' });
    expect(fake.called('chat.postMessage').filter((c) => c.args.channel === 'C-limited')).toEqual(
      [],
    );
    // Bounded: a few attempts, not one per Retry-After forever.
    expect(proxy.attemptsOf('chat.postMessage', 'C-limited')).toHaveLength(
      SLACK_RATE_LIMIT_POLICY.retries + 1,
    );
  });
});
