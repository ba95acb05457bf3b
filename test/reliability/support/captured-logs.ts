// A pino destination the suite reads back, and the check that no secret ever reached it.
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../../src/logging/logger.js';

export interface CapturedLogs {
  logger: Logger;
  lines: string[];
}

/** A debug-level logger whose every line lands in `lines`. */
export const captureLogs = (level = 'debug'): CapturedLogs => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: createLogger(level, sink), lines };
};

/** Every secret the suite configures anywhere; none may appear in any log line. */
export const SUITE_SECRETS = {
  slackSigningSecret: 'test-signing-secret',
  slackBotToken: 'xoxb-test-bot-token',
  teamsAppPassword: 'reliability-app-password-Zq9!',
  encryptionKey: 'reliability-encryption-key-0123456789abcdef',
} as const;

/** The secret values (and their tails, in case one is logged cut or with a prefix) found in `text`. */
export const secretsIn = (text: string): string[] =>
  Object.entries(SUITE_SECRETS).flatMap(([name, value]) =>
    [value, value.slice(-12)].some((v) => text.includes(v)) ? [name] : [],
  );
