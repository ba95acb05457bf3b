import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/config.js';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (e: unknown) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
};

describe('loadConfig', () => {
  it('needs no configuration at all', () => {
    const config = loadConfig({});
    expect(config.env.PORT).toBe(3978);
    expect(config.env.DATABASE_PATH).toBe('./data/cx-habits.db');
    expect(config.slack.mode).toBe('off');
    expect(config.teams.mode).toBe('off');
    expect(config.playground).toMatchObject({ on: true, host: '127.0.0.1' });
  });

  it('lists every problem in one error', () => {
    const problems = problemsOf({
      PORT: 'abc',
      SLACK_BOT_TOKEN: 'nope',
      LOG_LEVEL: 'loud',
      SLACK_API_URL: 'ftp://x',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT /),
        expect.stringMatching(/^SLACK_BOT_TOKEN must start with xoxb-/),
        expect.stringMatching(/^LOG_LEVEL /),
        expect.stringMatching(/^SLACK_API_URL /),
        expect.stringMatching(/^SLACK_SIGNING_SECRET is required/),
      ]),
    );
    expect(problems.length).toBeGreaterThanOrEqual(5);
  });

  it('never echoes a secret value in its message', () => {
    try {
      loadConfig({ SLACK_BOT_TOKEN: 'super-secret-value', ENCRYPTION_KEY: 'short-secret' });
      expect.unreachable();
    } catch (e: unknown) {
      expect((e as Error).message).not.toContain('super-secret-value');
      expect((e as Error).message).not.toContain('short-secret');
    }
  });

  it('rejects a port out of range', () => {
    expect(problemsOf({ PORT: '70000' })).toEqual([expect.stringMatching(/^PORT must be between/)]);
  });

  it('turns the adapters on from their credentials', () => {
    expect(loadConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' }).slack.mode).toBe(
      'http',
    );
    expect(
      loadConfig({
        SLACK_SIGNING_SECRET: 's',
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_APP_TOKEN: 'xapp-1',
      }).slack.mode,
    ).toBe('socket');
    expect(loadConfig({ MICROSOFT_APP_ID: 'id', MICROSOFT_APP_PASSWORD: 'pw' }).teams.mode).toBe(
      'auth',
    );
    expect(loadConfig({ TEAMS_DEV_MODE: '1' }).teams.mode).toBe('dev');
  });

  it('refuses Teams dev mode in production and turns the playground off there', () => {
    expect(problemsOf({ NODE_ENV: 'production', TEAMS_DEV_MODE: '1' })).toEqual([
      expect.stringMatching(/^TEAMS_DEV_MODE must not be set/),
    ]);
    expect(loadConfig({ NODE_ENV: 'production' }).playground.on).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', PLAYGROUND: '1' }).playground.on).toBe(true);
  });

  it('requires the tenant id of a single-tenant Teams app', () => {
    expect(
      problemsOf({
        MICROSOFT_APP_ID: 'id',
        MICROSOFT_APP_PASSWORD: 'pw',
        MICROSOFT_APP_TYPE: 'SingleTenant',
      }),
    ).toEqual([expect.stringMatching(/^MICROSOFT_APP_TENANT_ID is required/)]);
  });
});
