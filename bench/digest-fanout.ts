// Benchmark 4: a thousand channels' digests due in the same minute. The real app (startApp,
// Slack over HTTP) posts them to a fake Slack that allows one message a second per channel
// and answers 429 + Retry-After beyond it. One channel in 20 has just seen another message
// when its digest is first posted, so that attempt is refused and must be retried. It runs
// twice: with the per-channel limit alone, then with a workspace-wide limit as well.
// Reports the time from start-up to the last post, and counts duplicates (a channel with
// more than one digest message), which must be zero, and channels left without one.
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/logging/logger.js';
import { startApp } from '../src/main.js';
import { openDatabase } from '../src/storage/database.js';
import { ms, type BenchOptions, type BenchReport } from './bench-kit.js';
import {
  BOT_TOKEN,
  FakeSlack,
  SIGNING_SECRET,
  type FakeSlackLimits,
  type WorkspaceTier,
} from './fake-slack.js';
import { TENANT, seedAnalytics } from './seed-analytics.js';

/** One channel in this many had just seen another message when its digest came due. */
const BUSY_CHANNEL_EVERY = 20;

/**
 * Slack limits chat.postMessage to "several hundred messages per minute" per workspace,
 * with "generous burst behavior", and publishes no figures: this is our assumption.
 */
const WORKSPACE_TIER: WorkspaceTier = { perMinute: 600, burst: 100 };

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

interface Scenario {
  label: string;
  limits: FakeSlackLimits;
}

interface Outcome {
  lastPostMs: number;
  tickMs: number;
  posted: number;
  duplicates: number;
  missing: number;
  rateLimited: number;
  workspaceLimited: number;
}

/** Seeds a fresh database, starts the app against the fake, and counts what Slack got. */
const runScenario = async (
  channels: number,
  path: string,
  limits: FakeSlackLimits,
): Promise<Outcome> => {
  seed(path, channels, new Date());
  const fake = await new FakeSlack(limits).start();
  for (let i = 0; i < channels; i += BUSY_CHANNEL_EVERY) fake.busy(channelId(i));
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
  // Only the digest channels: nudges to plan owners go to user ids (DMs).
  const digests = [...fake.stats.messages].filter(([channel]) => channel.startsWith('C'));
  return {
    lastPostMs: fake.stats.lastPostAt - startedAt,
    tickMs: performance.now() - started,
    posted: digests.length,
    duplicates: digests.reduce((sum, [, n]) => sum + Math.max(0, n - 1), 0),
    missing: channels - digests.length,
    rateLimited: fake.stats.rateLimited,
    workspaceLimited: fake.stats.workspaceLimited,
  };
};

export const digestFanout = async (options: BenchOptions, dir: string): Promise<BenchReport> => {
  const { channels } = options;
  const tier = `${WORKSPACE_TIER.perMinute}/min, burst ${WORKSPACE_TIER.burst}`;
  const scenarios: Scenario[] = [
    { label: `${channels} channels, 1/s per channel`, limits: { perChannelMs: 1000 } },
    {
      label: `${channels} channels, + workspace ${tier}`,
      limits: { perChannelMs: 1000, workspace: WORKSPACE_TIER },
    },
  ];
  const table: BenchReport['table'] = {};
  const data: Record<string, unknown> = {
    channels,
    busyChannels: Math.ceil(channels / BUSY_CHANNEL_EVERY),
    workspaceTier: WORKSPACE_TIER,
  };
  const targets: BenchReport['targets'] = [];
  for (const [i, { label, limits }] of scenarios.entries()) {
    const o = await runScenario(channels, join(dir, `fanout-${i}.db`), limits);
    table[label] = {
      'time to last post': ms(o.lastPostMs),
      'per digest': ms(o.lastPostMs / channels),
      'posted channels': String(o.posted),
      duplicates: String(o.duplicates),
      missing: String(o.missing),
      '429s answered': `${o.rateLimited}${limits.workspace ? ` (${o.workspaceLimited} workspace)` : ''}`,
    };
    data[limits.workspace ? 'withWorkspaceTier' : 'perChannelOnly'] = o;
    targets.push(
      { target: `${label}: no duplicates`, met: o.duplicates === 0, detail: String(o.duplicates) },
      {
        target: `${label}: every channel posted`,
        met: o.missing === 0,
        detail: `${o.missing} missing`,
      },
    );
  }
  return { name: 'fanout', table, data, targets };
};
