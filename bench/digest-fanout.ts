// Benchmark 4: a thousand channels' digests due in the same minute. The real app (startApp,
// Slack over HTTP) posts them to a fake Slack that allows one message a second per channel
// and answers 429 + Retry-After beyond it. One channel in 20 has just seen another message
// when its digest is first posted, so that attempt is refused and must be retried. Reports the time from the tick to the last post and
// counts duplicates (a channel with more than one digest message), which must be zero.
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/logging/logger.js';
import { startApp } from '../src/main.js';
import { openDatabase } from '../src/storage/database.js';
import { ms, type BenchOptions, type BenchReport } from './bench-kit.js';
import { BOT_TOKEN, FakeSlack, SIGNING_SECRET } from './fake-slack.js';
import { TENANT, seedAnalytics } from './seed-analytics.js';

/** One channel in this many had just seen another message when its digest came due. */
const BUSY_CHANNEL_EVERY = 20;

const channelId = (i: number): string => `C${String(i).padStart(5, '0')}`;

/** Schedules due at the start of the current minute, created just before it. */
const seed = (path: string, channels: number, now: Date): void => {
  const database = openDatabase(path);
  seedAnalytics(database.sqlite, { issues: 20_000, themes: 60, plans: 200, responses: 10 }, +now);
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const cron = `${minute.getUTCMinutes()} ${minute.getUTCHours()} * * *`;
  const insert = database.sqlite.prepare(
    `INSERT INTO digest_schedules (id, tenant_id, platform, channel_id, cron, tz, label, active,
      created_at) VALUES (?, ?, 'slack', ?, ?, 'UTC', 'bench', 1, ?)`,
  );
  database.sqlite.transaction(() => {
    for (let i = 0; i < channels; i++)
      insert.run(`ds${i}`, TENANT, channelId(i), cron, minute.getTime() - 60_000);
  })();
  database.close();
};

export const digestFanout = async (options: BenchOptions, dir: string): Promise<BenchReport> => {
  const path = join(dir, 'fanout.db');
  seed(path, options.channels, new Date());
  const fake = await new FakeSlack(1000).start();
  for (let i = 0; i < options.channels; i += BUSY_CHANNEL_EVERY) fake.busy(channelId(i));
  const config = loadConfig({
    PORT: '0',
    DATABASE_PATH: path,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: 'error',
  });
  const started = performance.now();
  const startedAt = Date.now();
  const app = await startApp(config, createLogger('error'));
  try {
    await app.tick(); // start-up already began the tick; this waits for it to finish
    await app.tick(); // a second tick in the same minute must post nothing more
  } finally {
    await app.stop();
    await fake.stop();
  }
  const tickMs = performance.now() - started;
  // Only the digest channels: nudges to plan owners go to user ids (DMs).
  const digests = [...fake.stats.messages].filter(([channel]) => channel.startsWith('C'));
  const messages = digests.map(([, n]) => n);
  const duplicates = messages.reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const missing = options.channels - digests.length;
  const lastPostMs = fake.stats.lastPostAt - startedAt;
  return {
    name: 'fanout',
    table: {
      [`${options.channels} channels`]: {
        'time to last post': ms(lastPostMs),
        'per digest': ms(lastPostMs / options.channels),
        'posted channels': String(digests.length),
        duplicates: String(duplicates),
        missing: String(missing),
        '429s answered': String(fake.stats.rateLimited),
      },
    },
    data: {
      channels: options.channels,
      lastPostMs,
      tickMs,
      duplicates,
      missing,
      rateLimited: fake.stats.rateLimited,
      busyChannels: Math.ceil(options.channels / BUSY_CHANNEL_EVERY),
    },
    targets: [
      { target: 'no duplicate digests', met: duplicates === 0, detail: String(duplicates) },
      { target: 'every channel posted', met: missing === 0, detail: `${missing} missing` },
    ],
  };
};
