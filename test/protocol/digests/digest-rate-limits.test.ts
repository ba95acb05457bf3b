// Digests due in the same minute, posted to Slack's Web API (the fake, on loopback) while
// one channel answers 429 with Retry-After: the other channels' digests go out while it
// waits, and every channel gets exactly one digest. Likewise one channel's failure leaves
// the others alone. First the runner with the real Slack gateway on a manual clock, then
// the whole app.
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SlackChatGateway } from '../../../adapters/slack/slack-chat-gateway.js';
import { makeDigestBuilder } from '../../../src/core/digest/digest-builder.js';
import { DELIVERY_CONCURRENCY, runDueDigests } from '../../../src/core/digest/run-due-digests.js';
import type { CoreDeps } from '../../../src/core/use-cases/core-deps.js';
import { createRepositories } from '../../../src/storage/create-repositories.js';
import { openDatabase } from '../../../src/storage/database.js';
import { fakeClock, sequentialIds } from '../../support/core-harness.js';
import { FakeSlackApi } from '../../support/fake-slack-api.js';
import { tempDir } from '../../support/run-cli.js';
import { BOT_TOKEN, TEAM, startSlackHarness } from '../../support/slack-harness.js';
import { manualTimers } from '../slack/manual-timers.js';
import { RateLimitingProxy } from '../slack/rate-limiting-proxy.js';

const tmp = tempDir();
const opened: Array<{ close(): void }> = [];
afterEach(() => opened.splice(0).forEach((d) => d.close()));
afterAll(() => tmp.cleanup());

/** More channels than are delivered at once, so the queue must move past the waiting one. */
const CHANNELS = ['C-busy', ...Array.from({ length: 2 * DELIVERY_CONCURRENCY }, (_, i) => `C${i}`)];

/** Daily schedules for every channel, due at `due`, created a minute before (C-busy first). */
const addSchedules = (deps: Pick<CoreDeps, 'repos'>, due: Date): void => {
  deps.repos.tenants.ensure(TEAM, 'slack');
  for (const [i, channelId] of CHANNELS.entries())
    deps.repos.digestSchedules.upsertForChannel(TEAM, {
      id: `ds-${channelId}`,
      platform: 'slack',
      channelId,
      cron: `${due.getUTCMinutes()} ${due.getUTCHours()} * * *`,
      tz: 'UTC',
      label: 'Every day',
      keyDriverId: null,
      createdBy: 'U1',
      createdAt: new Date(due.getTime() - 60_000 + i),
    });
};

const DUE = new Date('2026-11-23T09:00:00Z');

/** The runner's deps on a fresh database file, posting through the real Slack gateway. */
const runnerDeps = (name: string, slackApiUrl: string, timers = manualTimers()): CoreDeps => {
  const database = openDatabase(join(tmp.dir, name));
  opened.push(database);
  const clock = fakeClock('2026-11-23T09:00:05Z');
  const deps: CoreDeps = {
    repos: createRepositories(database.db, { clock }),
    clock,
    ids: sequentialIds(),
    gateway: new SlackChatGateway({
      clientOptions: { slackApiUrl },
      tokenFor: () => BOT_TOKEN,
      timers: timers.timers,
    }),
  };
  addSchedules(deps, DUE);
  return deps;
};

const onlyDigests = (fake: FakeSlackApi) =>
  fake.called('chat.postMessage').filter((c) => CHANNELS.includes(String(c.args.channel)));

const postsPerChannel = (fake: FakeSlackApi): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const c of onlyDigests(fake))
    counts[String(c.args.channel)] = (counts[String(c.args.channel)] ?? 0) + 1;
  return counts;
};

const everyChannelOnce = Object.fromEntries(CHANNELS.map((c) => [c, 1]));

describe('the digest runner with the Slack gateway', () => {
  let fake: FakeSlackApi;
  const proxy = new RateLimitingProxy();
  beforeAll(async () => {
    fake = await new FakeSlackApi().start();
    await proxy.start();
    proxy.upstream = fake.apiUrl;
  });
  afterAll(async () => {
    await proxy.stop();
    await fake.stop();
  });

  it('posts every other digest while one channel waits out its Retry-After, then that one, once each', async () => {
    const timers = manualTimers();
    const deps = runnerDeps('runner.db', proxy.apiUrl, timers);
    proxy.refuse('chat.postMessage', 'C-busy', 30);

    const tick = runDueDigests(deps, makeDigestBuilder(null));
    await timers.untilSleeping(1);
    // Everyone else is posted while C-busy's Retry-After has not yet passed.
    await fake.waitFor('chat.postMessage', CHANNELS.length - 1, (c) =>
      CHANNELS.includes(String(c.args.channel)),
    );
    expect(timers.asked).toEqual([30_000]);
    expect(onlyDigests(fake).map((c) => c.args.channel)).not.toContain('C-busy');
    expect(deps.repos.digestRuns.list(TEAM, 'ds-C-busy')).toMatchObject([{ status: 'sending' }]);

    timers.advance(30_000);
    expect(await tick).toEqual({ posted: CHANNELS.length, failed: 0, skipped: 0 });
    expect(postsPerChannel(fake)).toEqual(everyChannelOnce);
    const busy = proxy.arrivalsOf('chat.postMessage', 'C-busy').map((a) => a.outcome);
    expect(busy).toEqual(['refused', 'forwarded']);
    expect(proxy.arrivalsOf('chat.postMessage').at(-1)).toMatchObject({ channel: 'C-busy' });

    // A second tick in the same minute posts nothing more.
    expect(await runDueDigests(deps, makeDigestBuilder(null))).toEqual({
      posted: 0,
      failed: 0,
      skipped: 0,
    });
    expect(postsPerChannel(fake)).toEqual(everyChannelOnce);
  });
});

describe('one digest failing in a tick', () => {
  let fake: FakeSlackApi;
  beforeEach(async () => {
    fake = await new FakeSlackApi().start();
  });
  afterEach(() => fake.stop());

  it('records a channel Slack refuses as failed, and posts every other one', async () => {
    fake.answer('chat.postMessage', (c) =>
      c.args.channel === 'C1'
        ? { ok: false, error: 'channel_not_found' }
        : { ok: true, channel: c.args.channel, ts: '1700000000.000001' },
    );
    const deps = runnerDeps('refused.db', fake.apiUrl);
    expect(await runDueDigests(deps, makeDigestBuilder(null))).toEqual({
      posted: CHANNELS.length - 1,
      failed: 1,
      skipped: 0,
    });
    expect(deps.repos.digestRuns.list(TEAM, 'ds-C1')).toMatchObject([
      { status: 'failed', error: 'channel_not_found', attempts: 1 },
    ]);
    expect(postsPerChannel(fake)).toEqual({ ...everyChannelOnce, C1: 1 });
    expect(deps.repos.digestRuns.list(TEAM, 'ds-C2')).toMatchObject([{ status: 'posted' }]);
  });

  it('handles every other schedule when one throws, then reports the error with the counts', async () => {
    const deps = runnerDeps('throws.db', fake.apiUrl);
    const ledger = deps.repos.digestRuns;
    // A database error for one schedule only.
    const failing = new Proxy(ledger, {
      get: (target, key, receiver) =>
        key === 'claim'
          ? (...args: Parameters<typeof ledger.claim>) => {
              if (args[1] === 'ds-C1') throw new Error('disk I/O error');
              return target.claim(...args);
            }
          : Reflect.get(target, key, receiver),
    });
    const tick = runDueDigests(
      { ...deps, repos: { ...deps.repos, digestRuns: failing } },
      makeDigestBuilder(null),
    );
    await expect(tick).rejects.toMatchObject({
      code: 'digest.tick-failed',
      message: expect.stringContaining(`posted ${CHANNELS.length - 1}, failed 0, skipped 0`),
    });
    const { C1: _none, ...others } = everyChannelOnce;
    expect(postsPerChannel(fake)).toEqual(others);
    expect(ledger.list(TEAM, 'ds-C1')).toEqual([]);
  });
});

describe('digests through the real app', () => {
  const proxy = new RateLimitingProxy();
  afterAll(() => proxy.stop());

  it('posts the other channels while one is rate limited, and each channel exactly once', async () => {
    await proxy.start();
    const slack = await startSlackHarness({ SLACK_API_URL: proxy.apiUrl }, (fake) => {
      proxy.upstream = fake.apiUrl;
    });
    try {
      const database = openDatabase(slack.dbPath);
      opened.push(database);
      const now = new Date();
      addSchedules(
        { repos: createRepositories(database.db) },
        new Date(Math.floor(+now / 60_000) * 60_000),
      );
      proxy.refuse('chat.postMessage', 'C-busy', 1);

      await slack.app.tick(); // the start-up tick may still be running: this waits for it
      await slack.app.tick();
      await slack.app.tick(); // and a tick in the same minute posts nothing more

      expect(postsPerChannel(slack.fake)).toEqual(everyChannelOnce);
      const arrivals = proxy
        .arrivalsOf('chat.postMessage')
        .filter((a) => CHANNELS.includes(a.channel ?? ''));
      const refused = arrivals.findIndex((a) => a.channel === 'C-busy');
      const retried = arrivals.findLastIndex((a) => a.channel === 'C-busy');
      expect(arrivals[refused]?.outcome).toBe('refused');
      expect(arrivals[retried]?.outcome).toBe('forwarded');
      // Other channels' digests arrived while C-busy waited out its Retry-After.
      expect(retried - refused).toBeGreaterThan(1);
      expect(slack.fake.problems).toEqual([]);
    } finally {
      await slack.close();
    }
  });
});
