// Builds the Slack adapter for the configured mode: HTTP on the shared server
// (POST /slack/events), Socket Mode, or multi-workspace OAuth with our installation store.
import {
  App,
  AuthorizationError,
  HTTPReceiver,
  SocketModeReceiver,
  type Receiver,
  type ReceiverProcessEventErrorHandlerArgs,
} from '@slack/bolt';
import type { Config } from '../../src/config/config.js';
import type { CoreDeps } from '../../src/core/use-cases/core-deps.js';
import type { Logger } from '../../src/logging/logger.js';
import type { HttpRouter } from '../../src/server/http-router.js';
import { boltLogger } from './slack-logger.js';
import {
  SlackChatGateway,
  SLACK_API_TIMEOUT_MS,
  SLACK_RETRY_POLICY,
} from './slack-chat-gateway.js';
import {
  SqliteSlackInstallationStore,
  type SlackInstallationRecords,
} from './slack-installation-store.js';
import { createTokenCipher } from './token-cipher.js';
import { SlackReplies } from './slack-replies.js';
import { AfterAckQueue } from '../../src/runtime/after-ack-queue.js';
import { registerListeners } from './slack-listeners.js';
import { dedupeEvents, startPruning } from './slack-event-dedupe.js';
import { registerErrorHandler } from './slack-error-handler.js';
import { guardSlackBody } from './slack-body-guard.js';

/** The bot scopes manifest.json asks for; OAuth installs request the same. */
export const SLACK_BOT_SCOPES = [
  'commands',
  'chat:write',
  'channels:history',
  'groups:history',
  'files:write',
];

export const SLACK_PATHS = {
  events: '/slack/events',
  install: '/slack/install',
  redirect: '/slack/oauth_redirect',
} as const;

export interface SlackAdapterOptions {
  config: Config;
  logger: Logger;
  installations: SlackInstallationRecords;
  ensureTenant(tenantId: string, name: string | null): void;
  now(): Date;
}

export interface SlackAdapter {
  gateway: SlackChatGateway;
  /** Registers the listeners and the HTTP routes; call once the core's deps exist. */
  mount(router: HttpRouter, core: CoreDeps): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

interface Parts {
  receiver: Receiver;
  httpReceiver?: HTTPReceiver;
  token?: string;
}

/**
 * Errors that reach the receiver: every listener acks first and later errors go to
 * app.error, so these come from Bolt reading a body it could not make sense of (a payload
 * with fields of the wrong type, which Slack never sends). That is the sender's fault: 400,
 * not 500. A refused authorization stays 401, as in Bolt's default handler.
 */
export const refuseUnreadableRequest = async ({
  error,
  logger,
  response,
}: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> => {
  if (response.headersSent) {
    logger.error(`slack request failed after its ack: ${error.message}`);
    return false;
  }
  const unauthorized = error instanceof AuthorizationError;
  logger.warn(`slack request refused (${unauthorized ? 401 : 400}): ${error.message}`);
  response.writeHead(unauthorized ? 401 : 400);
  response.end();
  return unauthorized;
};

const receiverFor = (
  config: Config,
  store: SqliteSlackInstallationStore,
  log: ReturnType<typeof boltLogger>,
  clientOptions: object,
): Parts => {
  const env = config.env;
  if (config.slack.mode === 'socket') {
    // Without our retry policy: the socket client retries apps.connections.open its own way.
    const { retryConfig: _own, ...socketClientOptions } = clientOptions as {
      retryConfig?: unknown;
    };
    const receiver = new SocketModeReceiver({
      appToken: env.SLACK_APP_TOKEN ?? '',
      logger: log,
      installerOptions: { clientOptions: socketClientOptions },
    });
    return { receiver, ...(env.SLACK_BOT_TOKEN ? { token: env.SLACK_BOT_TOKEN } : {}) };
  }
  const oauth = config.slack.mode === 'oauth';
  const httpReceiver = new HTTPReceiver({
    signingSecret: env.SLACK_SIGNING_SECRET ?? '',
    endpoints: SLACK_PATHS.events,
    logger: log,
    processEventErrorHandler: refuseUnreadableRequest,
    ...(oauth
      ? {
          clientId: env.SLACK_CLIENT_ID ?? '',
          clientSecret: env.SLACK_CLIENT_SECRET ?? '',
          stateSecret: env.SLACK_STATE_SECRET ?? '',
          scopes: SLACK_BOT_SCOPES,
          installationStore: store,
          installerOptions: {
            clientOptions,
            installPath: SLACK_PATHS.install,
            redirectUriPath: SLACK_PATHS.redirect,
          },
        }
      : {}),
  });
  return {
    receiver: httpReceiver,
    httpReceiver,
    ...(!oauth && env.SLACK_BOT_TOKEN ? { token: env.SLACK_BOT_TOKEN } : {}),
  };
};

const installationStore = (options: SlackAdapterOptions): SqliteSlackInstallationStore => {
  const cipher = createTokenCipher(options.config.env.ENCRYPTION_KEY);
  if (options.config.slack.mode === 'oauth' && !cipher.encrypting)
    options.logger.warn('ENCRYPTION_KEY is not set: Slack tokens are stored unencrypted');
  return new SqliteSlackInstallationStore({
    records: options.installations,
    cipher,
    ensureTenant: options.ensureTenant,
    now: options.now,
  });
};

/** Bolt's request listener serves our paths on the one shared HTTP server. */
const mountRoutes = (
  router: HttpRouter,
  receiver: HTTPReceiver,
  oauth: boolean,
  signingSecret: string,
): void => {
  const listener = receiver.requestListener;
  router.add('POST', SLACK_PATHS.events, guardSlackBody(listener, signingSecret));
  if (!oauth) return;
  router.add('GET', SLACK_PATHS.install, listener);
  router.add('GET', SLACK_PATHS.redirect, listener);
};

/** How long a stop waits for acked requests' work to finish. */
const STOP_GRACE_MS = 10_000;

export const createSlackAdapter = (options: SlackAdapterOptions): SlackAdapter => {
  const { config, logger } = options;
  const log = boltLogger(logger);
  // Bolt's own client (listeners' few calls) keeps the SDK's 429 handling; the gateway's
  // clients reject 429s and wait them out per channel (slack-rate-limits.ts).
  const clientOptions = {
    logger: log,
    retryConfig: SLACK_RETRY_POLICY,
    timeout: SLACK_API_TIMEOUT_MS,
    ...(config.env.SLACK_API_URL ? { slackApiUrl: config.env.SLACK_API_URL } : {}),
  };
  const store = installationStore(options);
  const parts = receiverFor(config, store, log, clientOptions);
  const gateway = new SlackChatGateway({
    clientOptions,
    tokenFor: (tenantId) => parts.token ?? store.botToken(tenantId),
  });
  const app = new App({
    receiver: parts.receiver,
    ...(parts.token ? { token: parts.token } : {}),
    logger: log,
    clientOptions,
    extendedErrorHandler: true,
    convoStore: false,
  });
  let stopPruning = (): void => undefined;
  const afterAck = new AfterAckQueue({
    onBacklog: (waiting) =>
      logger.warn({ waiting }, 'slack: replies are falling behind the requests acked'),
  });
  return {
    gateway,
    mount(router, core) {
      const replies = new SlackReplies(gateway, logger);
      app.use(dedupeEvents(core, logger, afterAck));
      registerListeners(app, { core, replies, logger, afterAck });
      registerErrorHandler(app, replies, logger);
      stopPruning = startPruning(core);
      if (parts.httpReceiver)
        mountRoutes(
          router,
          parts.httpReceiver,
          config.slack.mode === 'oauth',
          config.env.SLACK_SIGNING_SECRET ?? '',
        );
    },
    // Only Socket Mode has a connection of its own; HTTP rides on the shared server.
    start: async () => {
      if (config.slack.mode === 'socket') await app.start();
    },
    stop: async () => {
      stopPruning();
      if (config.slack.mode === 'socket') await app.stop();
      // Requests already acked still get their work done and their replies.
      await afterAck.idle(STOP_GRACE_MS);
    },
  };
};
