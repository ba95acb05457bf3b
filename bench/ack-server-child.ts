// The server side of the ack benchmark, in its own process so the load generator does not
// share its event loop. `ours` is the real app (startApp, Slack over HTTP); `bare` is a
// Bolt app whose only listener acks. Prints "READY <url>" when it listens.
// On SIGTERM it writes the server-side ack times (request parsed → response finished) to
// STATS as JSON: the app's own part of the latency, without the network or the generator.
// Usage: tsx bench/ack-server-child.ts ours|bare SLACK_API_URL DB STATS
import { writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/logging/logger.js';
import { startApp } from '../src/main.js';
import { BOT_TOKEN, SIGNING_SECRET } from './fake-slack.js';

const [mode, apiUrl, dbPath, statsPath] = process.argv.slice(2) as [string, string, string, string];

// Both servers are node:http servers; timing every 'request' event measures them alike.
const serverSide: number[] = [];
const emit = Server.prototype.emit;
Server.prototype.emit = function (this: Server, event: string, ...args: unknown[]): boolean {
  if (event === 'request') {
    const started = performance.now();
    (args[1] as NodeJS.EventEmitter).once('finish', () =>
      serverSide.push(performance.now() - started),
    );
  }
  return Reflect.apply(emit, this, [event, ...args]) as boolean;
} as typeof emit;
process.once('SIGTERM', () => {
  writeFileSync(statsPath, JSON.stringify(serverSide));
  process.exit(0);
});

const bare = async (): Promise<string> => {
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, endpoints: '/slack/events' });
  const app = new App({
    receiver,
    token: BOT_TOKEN,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: apiUrl },
  });
  app.command(/.*/, async ({ ack }) => {
    await ack();
  });
  const server = createServer(receiver.requestListener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

const ours = async (): Promise<string> => {
  const config = loadConfig({
    PORT: '0',
    DATABASE_PATH: dbPath,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: apiUrl,
    LOG_LEVEL: 'warn',
  });
  const app = await startApp(config, createLogger('warn'));
  return app.url;
};

const url = mode === 'bare' ? await bare() : await ours();
process.stdout.write(`READY ${url}\n`);
