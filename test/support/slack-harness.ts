// Starts the real app (startApp) in Slack mode against the fake Web API, and sends it
// signed requests the way Slack does: v0 HMAC-SHA256 of `v0:{timestamp}:{body}`.
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logging/logger.js';
import { startApp, type RunningApp } from '../../src/main.js';
import { FakeSlackApi } from './fake-slack-api.js';
import { tempDir } from './run-cli.js';

export const SIGNING_SECRET = 'test-signing-secret';
export const BOT_TOKEN = 'xoxb-test-bot-token';
export const TEAM = 'T1';

export const sign = (body: string, timestamp: number, secret = SIGNING_SECRET): string =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;

export interface PostOptions {
  timestamp?: number;
  secret?: string;
  unsigned?: boolean;
  headers?: Record<string, string>;
}

export interface SlackHarness {
  fake: FakeSlackApi;
  app: RunningApp;
  dbPath: string;
  /** Every log line the app wrote, at debug level. */
  logs: string[];
  /** Rows in a table, read through a second connection as another process would. */
  count(table: string): number;
  post(body: string, contentType: string, options?: PostOptions): Promise<Response>;
  command(command: string, text: string, user?: string, channel?: string): Promise<Response>;
  interactive(payload: Record<string, unknown>, options?: PostOptions): Promise<Response>;
  event(event: Record<string, unknown>, eventId: string, options?: PostOptions): Promise<Response>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

let responseIds = 0;
const FORM = 'application/x-www-form-urlencoded';

/** A slash command as Slack posts it; its response_url points at the fake. */
const commandBody = (
  fake: FakeSlackApi,
  command: string,
  text: string,
  user: string,
  channel: string,
) => {
  responseIds += 1;
  return new URLSearchParams({
    command,
    text,
    team_id: TEAM,
    user_id: user,
    user_name: user.toLowerCase(),
    channel_id: channel,
    trigger_id: `trigger-${responseIds}`,
    response_url: fake.responseUrl(`r${responseIds}`),
    api_app_id: 'A1',
  }).toString();
};

/** Interactivity arrives as one form field, `payload`, holding JSON. */
const interactiveBody = (payload: Record<string, unknown>): string =>
  new URLSearchParams({
    payload: JSON.stringify({ team: { id: TEAM }, api_app_id: 'A1', ...payload }),
  }).toString();

const eventBody = (event: Record<string, unknown>, eventId: string): string =>
  JSON.stringify({
    type: 'event_callback',
    team_id: TEAM,
    api_app_id: 'A1',
    event_id: eventId,
    event_time: 1,
    event,
  });

export const startSlackHarness = async (
  env: Record<string, string> = {},
  beforeStart?: (fake: FakeSlackApi) => void,
): Promise<SlackHarness> => {
  const fake = await new FakeSlackApi().start();
  beforeStart?.(fake);
  const tmp = tempDir();
  const dbPath = join(tmp.dir, 'slack.db');
  const config = () =>
    loadConfig({
      PORT: '0',
      DATABASE_PATH: dbPath,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: fake.apiUrl,
      ...env,
    });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = () => createLogger('debug', sink);
  let app = await startApp(config(), logger());
  const harness: SlackHarness = {
    fake,
    get app() {
      return app;
    },
    dbPath,
    logs,
    count: (table) => {
      const db = new Database(dbPath, { readonly: true });
      try {
        return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      } finally {
        db.close();
      }
    },
    post: (body, contentType, options = {}) => {
      const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
      const headers: Record<string, string> = { 'content-type': contentType, ...options.headers };
      if (!options.unsigned) {
        headers['x-slack-request-timestamp'] = String(timestamp);
        headers['x-slack-signature'] = sign(body, timestamp, options.secret);
      }
      return fetch(`${app.url}/slack/events`, { method: 'POST', headers, body });
    },
    command: (command, text, user = 'U1', channel = 'C1') =>
      harness.post(commandBody(fake, command, text, user, channel), FORM),
    interactive: (payload, options) => harness.post(interactiveBody(payload), FORM, options),
    event: (event, eventId, options) =>
      harness.post(eventBody(event, eventId), 'application/json', options),
    restart: async () => {
      await app.stop();
      app = await startApp(config(), logger());
    },
    close: async () => {
      await app.stop();
      await fake.stop();
      tmp.cleanup();
    },
  };
  return harness;
};
