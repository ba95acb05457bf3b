// Multi-workspace OAuth: Bolt's install and redirect routes on the shared server, the
// installation stored in SQLite with its tokens sealed, and requests from that workspace
// answered with its own token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { startSlackHarness, type SlackHarness } from '../../support/slack-harness.js';

const INSTALLED_TOKEN = 'xoxb-installed-workspace-token';
let slack: SlackHarness;

beforeAll(async () => {
  slack = await startSlackHarness({
    SLACK_BOT_TOKEN: '',
    SLACK_CLIENT_ID: '111.222',
    SLACK_CLIENT_SECRET: 'client-secret',
    SLACK_STATE_SECRET: 'state-secret',
    ENCRYPTION_KEY: 'k'.repeat(40),
  });
  slack.fake.answer('oauth.v2.access', () => ({
    ok: true,
    app_id: 'A1',
    authed_user: { id: 'U1' },
    scope: 'commands,chat:write',
    token_type: 'bot',
    access_token: INSTALLED_TOKEN,
    bot_user_id: 'UBOT2',
    team: { id: 'T2', name: 'Acme' },
    enterprise: null,
    is_enterprise_install: false,
  }));
});
afterAll(() => slack.close());

const install = async (): Promise<Response> => {
  const page = await fetch(`${slack.app.url}/slack/install`);
  expect(page.status).toBe(200);
  const state = /state=([^"&]+)/.exec(await page.text())?.[1];
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  expect(state).toBeTruthy();
  return fetch(`${slack.app.url}/slack/oauth_redirect?code=the-code&state=${state}`, {
    headers: { cookie },
  });
};

describe('OAuth install', () => {
  it('exchanges the code and stores the installation with its tokens sealed', async () => {
    const res = await install();
    expect(res.status).toBe(200);
    const [exchange] = slack.fake.called('oauth.v2.access');
    expect(exchange?.args.code).toBe('the-code');
    const db = new Database(slack.dbPath, { readonly: true });
    const row = db.prepare('SELECT * FROM slack_installations').get() as Record<string, string>;
    db.close();
    expect(row.tenant_id).toBe('T2');
    expect(row.bot_token).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain(INSTALLED_TOKEN);
    expect(slack.count("tenants WHERE id = 'T2' AND name = 'Acme'")).toBe(1);
  });

  it("answers the installed workspace's requests with its own token", async () => {
    const body = new URLSearchParams({
      command: '/cx-issue',
      text: '',
      team_id: 'T2',
      user_id: 'U1',
      channel_id: 'C1',
      trigger_id: 'trigger-oauth',
    }).toString();
    expect((await slack.post(body, 'application/x-www-form-urlencoded')).status).toBe(200);
    const [open] = await slack.fake.waitFor('views.open');
    expect(open?.token).toBe(INSTALLED_TOKEN);
    expect(slack.logs.join('\n')).not.toContain(INSTALLED_TOKEN);
  });

  it('refuses a callback without the state cookie', async () => {
    const res = await fetch(`${slack.app.url}/slack/oauth_redirect?code=x&state=forged`);
    expect(res.status).toBeGreaterThanOrEqual(400);
  });
});
