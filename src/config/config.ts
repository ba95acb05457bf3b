// The only module that reads process.env. One zod schema; a bad value stops start-up
// with a single message that lists every problem.
import { z } from 'zod';

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''], { error: 'must be 1 or 0' })
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const url = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()))
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional());

const envSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'], {
      error: 'must be development, production or test',
    })
    .default('development'),
  PORT: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(3978),
  DATABASE_PATH: z.string().trim().min(1, 'must not be empty').default('./data/cx-habits.db'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  PLAYGROUND: flag,
  PLAYGROUND_HOST: z.string().trim().min(1).default('127.0.0.1'),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText.pipe(
    z.string().startsWith('xoxb-', 'must start with xoxb-').optional(),
  ),
  SLACK_APP_TOKEN: optionalText.pipe(
    z.string().startsWith('xapp-', 'must start with xapp-').optional(),
  ),
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText,
  SLACK_API_URL: url,
  ENCRYPTION_KEY: optionalText.pipe(
    z.string().min(32, 'must be at least 32 characters').optional(),
  ),
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_TYPE: z
    .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], {
      error: 'must be MultiTenant, SingleTenant or UserAssignedMSI',
    })
    .default('MultiTenant'),
  TEAMS_DEV_MODE: flag,
});

// Rules that tie variables together. They read the raw strings, so they are checked even
// when another variable failed to parse, and the one error lists everything at once.
const crossChecks = (raw: Record<string, string | undefined>): string[] => {
  const has = (key: string): boolean => (raw[key] ?? '').trim() !== '';
  const on = (key: string): boolean => ['1', 'true', 'yes'].includes((raw[key] ?? '').trim());
  const problems: string[] = [];
  const need = (when: boolean, keys: string[], why: string): void => {
    if (when) for (const key of keys) if (!has(key)) problems.push(`${key} is required ${why}`);
  };
  need(
    has('SLACK_BOT_TOKEN') || has('SLACK_APP_TOKEN'),
    ['SLACK_SIGNING_SECRET'],
    'when a Slack token is set',
  );
  need(has('SLACK_APP_TOKEN'), ['SLACK_BOT_TOKEN'], 'when SLACK_APP_TOKEN is set (Socket Mode)');
  need(
    has('SLACK_CLIENT_ID'),
    ['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'SLACK_SIGNING_SECRET'],
    'when SLACK_CLIENT_ID is set (OAuth)',
  );
  need(has('MICROSOFT_APP_ID'), ['MICROSOFT_APP_PASSWORD'], 'when MICROSOFT_APP_ID is set');
  need(
    has('MICROSOFT_APP_ID') && raw.MICROSOFT_APP_TYPE?.trim() === 'SingleTenant',
    ['MICROSOFT_APP_TENANT_ID'],
    'for a SingleTenant app',
  );
  if (on('TEAMS_DEV_MODE') && raw.NODE_ENV?.trim() === 'production') {
    problems.push(
      'TEAMS_DEV_MODE must not be set when NODE_ENV=production: it accepts unauthenticated requests',
    );
  }
  return problems;
};

export type Env = z.output<typeof envSchema>;

export interface Config {
  env: Env;
  slack: { mode: 'off' | 'http' | 'socket' | 'oauth'; reason: string };
  teams: { mode: 'off' | 'auth' | 'dev'; reason: string };
  playground: { on: boolean; host: string; reason: string };
}

export class ConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee README.md, "Configuration".`,
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Parses the environment once. Throws ConfigError listing every problem. */
export const loadConfig = (source: Record<string, string | undefined> = process.env): Config => {
  const parsed = envSchema.safeParse(source);
  // Name the variable and the problem, never the value: it may be a secret.
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map(
          (issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`,
        )),
    ...crossChecks(source),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  return describe(parsed.data);
};

const describe = (env: Env): Config => ({
  env,
  slack: slackMode(env),
  teams: teamsMode(env),
  playground: playgroundMode(env),
});

const slackMode = (env: Env): Config['slack'] => {
  if (env.SLACK_CLIENT_ID)
    return {
      mode: 'oauth',
      reason: 'SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET are set',
    };
  if (env.SLACK_APP_TOKEN)
    return { mode: 'socket', reason: 'SLACK_APP_TOKEN is set (Socket Mode)' };
  if (env.SLACK_BOT_TOKEN)
    return { mode: 'http', reason: 'SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are set' };
  return { mode: 'off', reason: 'set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN to turn it on' };
};

const teamsMode = (env: Env): Config['teams'] => {
  if (env.MICROSOFT_APP_ID)
    return { mode: 'auth', reason: 'MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD are set' };
  if (env.TEAMS_DEV_MODE)
    return { mode: 'dev', reason: 'TEAMS_DEV_MODE=1: unauthenticated activities are accepted' };
  return { mode: 'off', reason: 'set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to turn it on' };
};

const playgroundMode = (env: Env): Config['playground'] => {
  if (env.NODE_ENV === 'production' && !env.PLAYGROUND) {
    return {
      on: false,
      host: env.PLAYGROUND_HOST,
      reason: 'NODE_ENV=production; set PLAYGROUND=1 to turn it on',
    };
  }
  return { on: true, host: env.PLAYGROUND_HOST, reason: 'the local web chat' };
};
