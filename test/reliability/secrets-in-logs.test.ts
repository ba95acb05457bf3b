// Secrets never reach a log line. Every app this suite starts logs at debug level into a
// captured pino destination and checks it when it stops (see the other files); this one
// drives the paths most likely to leak: Web API failures with the token in play, refused
// signatures, errors thrown in listeners, a bad configuration, and the logger's redaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { startSlackHarness, type SlackHarness } from '../support/slack-harness.js';
import { captureLogs, secretsIn, SUITE_SECRETS } from './support/captured-logs.js';

let slack: SlackHarness;
const stdout: string[] = [];
const write = process.stdout.write.bind(process.stdout);

beforeAll(async () => {
  // The start-up banner goes to stdout: capture it too.
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    slack = await startSlackHarness({ ENCRYPTION_KEY: SUITE_SECRETS.encryptionKey });
  } finally {
    process.stdout.write = write;
  }
});
afterAll(() => slack.close());

describe('secrets in logs', () => {
  it('keeps the bot token, signing secret and encryption key out of every log line', async () => {
    // A Web API call refused for its token, and one that fails outright.
    slack.fake.answer('chat.postMessage', () => ({ ok: false, error: 'invalid_auth' }));
    await slack.command('/cx-issue', 'Token trouble #secrets');
    await slack.fake.waitFor('response_url');
    await slack.command('/cx-why', '#secrets');
    await slack.fake.waitFor('response_url', 2);
    // Refused signatures, including one made with a wrong secret that looks like ours.
    await slack.post('command=/cx&text=x&team_id=T1', 'application/x-www-form-urlencoded', {
      secret: `${SUITE_SECRETS.slackSigningSecret}-x`,
    });
    await slack.post('{"type":"event_callback"}', 'application/json', { unsigned: true });
    // A listener that throws (form state Slack would never send), caught by app.error,
    // which logs the error with its stack and tells the user.
    await slack.interactive({
      type: 'view_submission',
      user: { id: 'U-secret', username: 'sec' },
      view: { callback_id: 'issue.form', state: { values: { summary: null } } },
    });
    const [neutral] = await slack.fake.waitFor(
      'chat.postMessage',
      1,
      (c) => c.args.channel === 'U-secret',
    );
    expect(String(neutral?.args.text)).toContain('Something went wrong on our side');
    expect(slack.logs.some((l) => l.includes('slack request failed'))).toBe(true);

    const all = [...slack.logs, ...stdout].join('\n');
    expect(slack.logs.length).toBeGreaterThan(20);
    expect(all).toContain('invalid_auth');
    expect(secretsIn(all)).toEqual([]);
  });

  it('names the variables of a bad configuration, never their values', () => {
    let message = '';
    try {
      loadConfig({
        SLACK_BOT_TOKEN: `oops-${SUITE_SECRETS.slackBotToken}`,
        SLACK_APP_TOKEN: SUITE_SECRETS.slackBotToken,
        ENCRYPTION_KEY: 'short-secret-key',
        MICROSOFT_APP_PASSWORD: SUITE_SECRETS.teamsAppPassword,
        MICROSOFT_APP_TYPE: SUITE_SECRETS.teamsAppPassword,
      });
    } catch (e: unknown) {
      expect(e).toBeInstanceOf(ConfigError);
      message = (e as ConfigError).message;
    }
    expect(message).toContain('SLACK_BOT_TOKEN');
    expect(secretsIn(message)).toEqual([]);
    expect(message).not.toContain('short-secret-key');
  });

  it('redacts secrets logged under their keys, however deep', () => {
    const { logger, lines } = captureLogs();
    logger.info(
      {
        token: SUITE_SECRETS.slackBotToken,
        config: { signingSecret: SUITE_SECRETS.slackSigningSecret },
        headers: { authorization: `Bearer ${SUITE_SECRETS.slackBotToken}` },
        env: { MICROSOFT_APP_PASSWORD: SUITE_SECRETS.teamsAppPassword },
      },
      'configured',
    );
    expect(lines.join('')).toContain('[redacted]');
    expect(secretsIn(lines.join(''))).toEqual([]);
  });
});
