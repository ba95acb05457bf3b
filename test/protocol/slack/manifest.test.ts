// manifest.json is a valid Slack app manifest (SchemaStore's schema, validated with ajv)
// and declares exactly what the adapter serves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../../src/core/commands/command-types.js';
import { COMMAND_SUMMARIES } from '../../../src/core/commands/usage.js';
import { SLACK_BOT_SCOPES } from '../../../adapters/slack/slack-adapter.js';
import { LOG_MESSAGE_SHORTCUT, SLASH_COMMAND } from '../../../adapters/slack/slack-listeners.js';
import { repoRoot } from '../../support/run-cli.js';

const readJson = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(repoRoot, path), 'utf8')) as Record<string, unknown>;

const manifest = readJson('manifest.json') as {
  features: {
    slash_commands: Array<{ command: string; description: string; usage_hint?: string }>;
    shortcuts: Array<{ callback_id: string; type: string }>;
    app_home: { home_tab_enabled: boolean };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
  };
};

describe('manifest.json', () => {
  it('passes the Slack app manifest JSON Schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(readJson('test/fixtures/schemas/slack-app-manifest.json'));
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema does reject a broken manifest', () => {
    const validate = new Ajv({ strict: false }).compile(
      readJson('test/fixtures/schemas/slack-app-manifest.json'),
    );
    expect(validate({ ...manifest, features: { bot_user: { display_name: 'CX Habits' } } })).toBe(
      false,
    );
  });

  it('declares every command of the product surface, with the same words and a usage hint', () => {
    const commands = manifest.features.slash_commands;
    expect(commands.map((c) => c.command).sort()).toEqual(COMMAND_NAMES.map((n) => `/${n}`).sort());
    for (const c of commands) {
      expect(c.command).toMatch(SLASH_COMMAND);
      expect(c.description).toBe(
        COMMAND_SUMMARIES[c.command.slice(1) as keyof typeof COMMAND_SUMMARIES],
      );
      expect(c.usage_hint?.length).toBeGreaterThan(0);
    }
  });

  it('declares the shortcut, App Home, interactivity, thread events and the scopes the adapter asks for', () => {
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({ callback_id: LOG_MESSAGE_SHORTCUT, type: 'message' }),
    ]);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      'app_home_opened',
      'message.channels',
      'message.groups',
    ]);
    expect(manifest.oauth_config.scopes.bot).toEqual(SLACK_BOT_SCOPES);
  });
});
