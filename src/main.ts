// The composition root: read the config, open the database (migrations run here),
// build the core's dependencies, mount the enabled adapters on one HTTP server.
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig, type Config } from './config/config.js';
import { createLogger, type Logger } from './logging/logger.js';
import { openDatabase } from './storage/database.js';
import { createRepositories } from './storage/create-repositories.js';
import { systemClock } from './core/ports/clock.js';
import { timeOrderedIdSource } from './runtime/time-ordered-id-source.js';
import type { CoreDeps } from './core/use-cases/core-deps.js';
import { HttpRouter, sendJson } from './server/http-router.js';
import { startHttpServer } from './server/http-server.js';
import { startScheduler, type ScheduledJob } from './scheduling/minute-scheduler.js';
import { VegaChartRenderer } from './charts/vega-chart-renderer.js';
import { runDueDigests } from './core/digest/run-due-digests.js';
import { makeDigestBuilder } from './core/digest/digest-builder.js';
import { sendNudges } from './core/digest/send-nudges.js';
import { remindIdleWhys } from './core/bot/why-handlers.js';
import { mountLocalPlayground } from '../adapters/local/local-playground.js';
import { PlaygroundLog } from '../adapters/local/playground-log.js';
import { TextChatGateway } from './runtime/text-chat-gateway.js';
import { RoutingChatGateway } from './runtime/routing-chat-gateway.js';
import { createSlackAdapter } from '../adapters/slack/slack-adapter.js';
import { SqliteSlackInstallationRepository } from './storage/repositories/sqlite-slack-installation-repository.js';
import { createTeamsAdapter } from '../adapters/teams/teams-adapter.js';

export interface RunningApp {
  url: string;
  /** Runs the scheduler's jobs now, as its minute tick would (tests use it). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/** What runs every minute: digests that are due, nudges, and idle 5-why reminders. */
const scheduledJobs = (deps: CoreDeps, charts: VegaChartRenderer): ScheduledJob[] => [
  { name: 'digests', run: () => runDueDigests(deps, makeDigestBuilder(charts)) },
  { name: 'nudges', run: () => sendNudges(deps) },
  { name: 'why-reminders', run: () => remindIdleWhys(deps, deps.clock.now()) },
];

const banner = (config: Config, url: string): string =>
  [
    'cx-habits is running',
    `  Playground: ${config.playground.on ? `${url}/` : `off (${config.playground.reason})`}`,
    `  Slack:      ${config.slack.mode === 'off' ? 'off' : `on, ${config.slack.mode}`} (${config.slack.reason})`,
    `  Teams:      ${config.teams.mode === 'off' ? 'off' : `on, ${config.teams.mode}`} (${config.teams.reason})`,
    `  Database:   ${config.env.DATABASE_PATH}`,
  ].join('\n');

export const startApp = async (config: Config, logger: Logger): Promise<RunningApp> => {
  const database = openDatabase(config.env.DATABASE_PATH);
  const playgroundLog = new PlaygroundLog();
  const slack =
    config.slack.mode === 'off'
      ? undefined
      : createSlackAdapter({
          config,
          logger,
          installations: new SqliteSlackInstallationRepository(database.db),
          ensureTenant: (tenantId, name) => deps.repos.tenants.ensure(tenantId, 'slack', name),
          now: () => systemClock.now(),
        });
  // Teams keeps conversation references through its own view of the same database.
  const teams = createTeamsAdapter(config, createRepositories(database.db), logger, {
    clock: systemClock,
  });
  const gateway = new RoutingChatGateway({
    local: new TextChatGateway((m) => playgroundLog.add(m)),
    ...(slack ? { slack: slack.gateway } : {}),
    ...(teams ? { teams: teams.gateway } : {}),
  });
  const charts = new VegaChartRenderer();
  const deps: CoreDeps = {
    repos: createRepositories(database.db),
    clock: systemClock,
    ids: timeOrderedIdSource,
    gateway,
    charts,
  };
  const router = new HttpRouter();
  router.add('GET', '/healthz', (_req, res) => sendJson(res, 200, { ok: true }));
  if (config.playground.on) mountLocalPlayground(router, deps, playgroundLog);
  slack?.mount(router, deps);
  teams?.mount(router, deps);
  // Only the playground is private; real adapters need the server reachable from outside.
  const publicAdapters = config.slack.mode !== 'off' || config.teams.mode !== 'off';
  const host = publicAdapters ? '0.0.0.0' : config.playground.host;
  const server = await startHttpServer(router, config.env.PORT, host, logger);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.env.PORT;
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  await slack?.start();
  const scheduler = startScheduler(scheduledJobs(deps, charts), logger);
  logger.info(
    {
      port,
      host,
      slack: config.slack.mode,
      teams: config.teams.mode,
      playground: config.playground.on,
    },
    'started',
  );
  process.stdout.write(`${banner(config, url)}\n`);
  return {
    url,
    tick: () => scheduler.tick(),
    stop: async () => {
      await scheduler.stop();
      await slack?.stop();
      await new Promise<void>((resolve) => {
        server.close(() => {
          database.close();
          resolve();
        });
        server.closeAllConnections();
      });
    },
  };
};

const startupProblem = (e: unknown, port: number | string): string => {
  const code = (e as { code?: string }).code;
  if (code === 'EADDRINUSE')
    return `port ${port} is already in use. Stop the other process or set PORT to a free port.`;
  if (code === 'EACCES')
    return `no permission to listen on port ${port}. Set PORT to a port above 1024.`;
  return e instanceof Error ? e.message : String(e);
};

const main = async (): Promise<void> => {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e: unknown) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const logger = createLogger(config.env.LOG_LEVEL);
  let app: RunningApp;
  try {
    app = await startApp(config, logger);
  } catch (e: unknown) {
    process.stderr.write(`cx-habits could not start: ${startupProblem(e, config.env.PORT)}\n`);
    process.exit(1);
  }
  const shutdown = (signal: string): void => {
    logger.info({ signal }, 'shutting down');
    void app.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
};

// Run only as the entry point, so tests can import startApp without starting a server.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    process.stderr.write(
      `cx-habits could not start: ${e instanceof Error ? e.message : String(e)}\n`,
    );
    process.exit(1);
  });
}
