// Teams on the one HTTP server: POST /api/messages through botbuilder's CloudAdapter,
// authenticated from the MICROSOFT_* variables (or, in dev mode, not at all), plus the
// TeamsChatGateway the core posts through. Off when neither is configured.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../../src/config/config.js';
import type { Logger } from '../../src/logging/logger.js';
import type { Clock } from '../../src/core/ports/clock.js';
import type { Repositories } from '../../src/core/ports/repositories.js';
import type { CoreDeps } from '../../src/core/use-cases/core-deps.js';
import { unexpectedErrorView } from '../../src/core/views/feedback-views.js';
import { readBody, sendJson, type HttpRouter } from '../../src/server/http-router.js';
import { CxTeamsBot } from './cx-teams-bot.js';
import { TeamsChatGateway } from './teams-chat-gateway.js';
import { TeamsConversationStore } from './teams-conversation-store.js';
import { describeError, type RetryPolicy } from './teams-retry.js';
import { TeamsViewSender } from './teams-view-sender.js';

export const TEAMS_MESSAGES_PATH = '/api/messages';

/** CloudAdapter with its activity pipeline reachable from our own HTTP handler. */
class TeamsCloudAdapter extends CloudAdapter {
  handle(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

export interface TeamsAdapter {
  gateway: TeamsChatGateway;
  /** Mounts POST /api/messages; the bot answers through the core in `deps`. */
  mount(router: HttpRouter, deps: CoreDeps): void;
}

export interface TeamsAdapterOptions {
  clock: Clock;
  retry?: Partial<Pick<RetryPolicy, 'attempts' | 'baseDelayMs'>>;
}

const authenticationFor = (config: Config): ConfigurationBotFrameworkAuthentication => {
  const env = config.env;
  if (config.teams.mode !== 'auth') return new ConfigurationBotFrameworkAuthentication({});
  return new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: env.MICROSOFT_APP_ID ?? '',
    MicrosoftAppPassword: env.MICROSOFT_APP_PASSWORD ?? '',
    MicrosoftAppType: env.MICROSOFT_APP_TYPE,
    ...(env.MICROSOFT_APP_TENANT_ID ? { MicrosoftAppTenantId: env.MICROSOFT_APP_TENANT_ID } : {}),
  });
};

const statusOf = (e: unknown): number | undefined => describeError(e).status;

const isActivity = (body: unknown): body is Activity =>
  typeof body === 'object' && body !== null && typeof (body as Activity).type === 'string';

const messagesHandler =
  (adapter: TeamsCloudAdapter, bot: CxTeamsBot, logger: Logger) =>
  async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return sendJson(res, 400, { ok: false, error: 'send a Bot Framework activity as JSON' });
    }
    if (!isActivity(body)) {
      return sendJson(res, 400, { ok: false, error: 'the activity has no type' });
    }
    const auth = req.headers.authorization ?? '';
    let invoke: InvokeResponse | undefined;
    try {
      invoke = await adapter.handle(auth, body, (context) => bot.run(context));
    } catch (e: unknown) {
      const status = statusOf(e);
      if (status !== 401 && status !== 403) throw e;
      logger.warn({ status, activityType: body.type }, 'teams: request refused, invalid auth');
      return sendJson(res, status, { ok: false, error: 'unauthorized' });
    }
    if (invoke?.body !== undefined) return sendJson(res, invoke.status, invoke.body);
    res.writeHead(invoke?.status ?? 200);
    res.end();
  };

/** The one catch-all: log (without secrets) and answer with the neutral error view. */
const installTurnErrorHandler = (
  adapter: TeamsCloudAdapter,
  sender: TeamsViewSender,
  logger: Logger,
): void => {
  adapter.onTurnError = async (context, error) => {
    const activity = context.activity;
    logger.error(
      {
        err: { ...describeError(error), stack: error.stack },
        activityType: activity.type,
        name: activity.name,
      },
      'teams: turn failed',
    );
    try {
      if (activity.type === ActivityTypes.Invoke) {
        const card = await sender.card(context, unexpectedErrorView());
        const value = { task: { type: 'continue', value: { title: 'CX Habits', card } } };
        await context.sendActivity({
          type: ActivityTypes.InvokeResponse,
          value: { status: 200, body: value },
        });
      } else {
        await sender.send(context, unexpectedErrorView());
      }
    } catch (e: unknown) {
      logger.warn({ err: describeError(e) }, 'teams: could not send the error reply');
    }
  };
};

/** Builds the Teams adapter, or null when Teams is off (no credentials, no dev mode). */
export const createTeamsAdapter = (
  config: Config,
  repos: Repositories,
  logger: Logger,
  options: TeamsAdapterOptions,
): TeamsAdapter | null => {
  if (config.teams.mode === 'off') return null;
  if (config.teams.mode === 'dev') {
    logger.warn(
      'TEAMS_DEV_MODE=1: /api/messages accepts UNAUTHENTICATED activities. Never use this in production.',
    );
  }
  const adapter = new TeamsCloudAdapter(authenticationFor(config));
  const appId = config.teams.mode === 'auth' ? (config.env.MICROSOFT_APP_ID ?? '') : '';
  const store = new TeamsConversationStore(repos, options.clock);
  const sender = new TeamsViewSender(repos, logger);
  installTurnErrorHandler(adapter, sender, logger);
  const gateway = new TeamsChatGateway({
    adapter,
    appId,
    store,
    sender,
    logger,
    ...(options.retry ? { retry: options.retry } : {}),
  });
  return {
    gateway,
    mount: (router, deps) => {
      const bot = new CxTeamsBot(deps, store, sender, logger);
      router.add('POST', TEAMS_MESSAGES_PATH, messagesHandler(adapter, bot, logger));
    },
  };
};
