// /api/messages refuses activities without valid Bot Framework auth unless dev mode is
// on, and does not exist at all when Teams is not configured.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/logging/logger.js';
import { startApp, type RunningApp } from '../../../src/main.js';
import { tempDir } from '../../support/run-cli.js';
import { FakeBotConnector } from '../../support/fake-bot-connector.js';
import { message, personal, postActivity } from '../../support/teams-activities.js';

const tmp = tempDir();
const apps: RunningApp[] = [];
let connector: FakeBotConnector | undefined;

const start = async (env: Record<string, string>): Promise<RunningApp> => {
  const config = loadConfig({
    PORT: '0',
    DATABASE_PATH: join(tmp.dir, `${apps.length}.db`),
    ...env,
  });
  const app = await startApp(config, createLogger('silent'));
  apps.push(app);
  return app;
};

afterAll(async () => {
  for (const app of apps) await app.stop();
  await connector?.stop();
  tmp.cleanup();
});

describe('Teams authentication', () => {
  it('refuses unauthenticated activities when credentials are set (no dev mode)', async () => {
    connector = await FakeBotConnector.start();
    const app = await start({
      MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001',
      MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
    });
    const activity = message(connector.url, personal, 'cx-issue Sneaky #spoofed');
    const anonymous = await postActivity(app.url, activity);
    expect(anonymous.status).toBe(401);
    const forged = await postActivity(app.url, activity, {
      authorization: 'Bearer not-a-real-token',
    });
    expect(forged.status).toBe(401);
    // Nothing ran: the bot sent nothing and logged nothing.
    expect(connector.calls).toEqual([]);
  });

  it('serves no /api/messages without credentials or dev mode', async () => {
    const app = await start({});
    const res = await fetch(`${app.url}/api/messages`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
  });

  it('answers bad bodies with 400 in dev mode', async () => {
    const app = await start({ TEAMS_DEV_MODE: '1' });
    const res = await fetch(`${app.url}/api/messages`, { method: 'POST', body: '{oops' });
    expect(res.status).toBe(400);
    const typeless = await fetch(`${app.url}/api/messages`, { method: 'POST', body: '{}' });
    expect(typeless.status).toBe(400);
  });
});
