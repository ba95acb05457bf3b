// The composition root: read the config, open the database (migrations run here),
// build the core's dependencies, mount the enabled adapters on one HTTP server.
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig, type Config } from './config/config.js';
import { createLogger, type Logger } from './logging/logger.js';
import { openDatabase } from './storage/database.js';
import { createRepositories } from './storage/create-repositories.js';
import { systemClock, type Clock } from './core/ports/clock.js';
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
import { PlaygroundChatGateway } from '../adapters/local/playground-chat-gateway.js';
import { isLoopbackHost } from '../adapters/local/playground-guard.js';
import { DEMO_FILE, isWorkspaceEmpty, seedDemoWorkspace } from '../adapters/local/demo-data.js';
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

export interface StartOptions {
  /** `npm start -- --demo`: seed an empty playground workspace with the CFPB sample. */
  demo?: boolean;
  /** The clock the core and scheduler use; tests pass a fake one to make time pass. */
  clock?: Clock;
}

const playgroundLine = (config: Config, url: string, shared: boolean): string => {
  if (!config.playground.on) return `off (${config.playground.reason})`;
  const reach = shared
    ? `open to other machines: PLAYGROUND_HOST=${config.playground.host}`
    : 'this machine only';
  return `${url}/ (${config.playground.reason}; ${reach})`;
};

/** Seeds the demo data when asked and the workspace is empty; says what happened. */
const demoLine = async (deps: CoreDeps, demo: boolean): Promise<string> => {
  if (!isWorkspaceEmpty(deps)) return demo ? 'the workspace already has data; nothing added' : '';
  if (!demo) return 'none yet: start with `npm start -- --demo`, or press "Load demo data"';
  const started = Date.now();
  try {
    const report = await seedDemoWorkspace(deps);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    return `${report.imported.toLocaleString('en-US')} issues from ${DEMO_FILE} in ${seconds} s`;
  } catch (e: unknown) {
    // The demo is a convenience: without it the bot still starts.
    return `could not load ${DEMO_FILE}: ${e instanceof Error ? e.message : String(e)}`;
  }
};

const banner = (config: Config, url: string, demo: string): string =>
  [
    'cx-habits is running',
    `  Playground: ${playgroundLine(config, url, !isLoopbackHost(config.playground.host))}`,
    ...(config.playground.on && demo ? [`  Demo data:  ${demo}`] : []),
    `  Slack:      ${config.slack.mode === 'off' ? 'off' : `on, ${config.slack.mode}`} (${config.slack.reason})`,
    `  Teams:      ${config.teams.mode === 'off' ? 'off' : `on, ${config.teams.mode}`} (${config.teams.reason})`,
    `  Database:   ${config.env.DATABASE_PATH}`,
  ].join('\n');

export const startApp = async (
  config: Config,
  logger: Logger,
  options: StartOptions = {},
): Promise<RunningApp> => {
  const clock = options.clock ?? systemClock;
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
          now: () => clock.now(),
        });
  // Teams keeps conversation references through its own view of the same database.
  const teams = createTeamsAdapter(config, createRepositories(database.db), logger, {
    clock: clock,
  });
  const gateway = new RoutingChatGateway({
    local: new PlaygroundChatGateway(playgroundLog),
    ...(slack ? { slack: slack.gateway } : {}),
    ...(teams ? { teams: teams.gateway } : {}),
  });
  const charts = new VegaChartRenderer();
  const deps: CoreDeps = {
    repos: createRepositories(database.db),
    clock: clock,
    ids: timeOrderedIdSource,
    gateway,
    charts,
  };
  const router = new HttpRouter();
  router.add('GET', '/healthz', (_req, res) => sendJson(res, 200, { ok: true }));
  // Slack and Teams may open the server to every interface; the playground still answers
  // only this machine unless PLAYGROUND_HOST names another address.
  if (config.playground.on)
    mountLocalPlayground(router, deps, playgroundLog, {
      allowRemote: !isLoopbackHost(config.playground.host),
      logger,
    });
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
  const demo = config.playground.on ? await demoLine(deps, options.demo ?? false) : '';
  process.stdout.write(`${banner(config, url, demo)}\n`);
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
    app = await startApp(config, logger, { demo: process.argv.slice(2).includes('--demo') });
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
